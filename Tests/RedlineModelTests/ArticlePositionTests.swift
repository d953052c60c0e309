import Testing
import RedlineModel

struct ArticlePositionTests {
    @Test func positionedBlockCountCountsWhatPositionedBlocksLists() {
        let article = Article(title: "T", blocks: [Block(.paragraph, "intro")],
                              entries: [Entry(title: "Talks end", blocks: [Block(.paragraph, "p1"), Block(.paragraph, "p2")]),
                                        Entry(blocks: [Block(.paragraph, "p3")]), Entry()])
        #expect(article.positionedBlockCount == article.positionedBlocks.count)
        #expect(article.positionedBlockCount == 5)
        #expect(Article(entries: [Entry()]).isEmpty)
        #expect(!Article(entries: [Entry(title: "Only a title")]).isEmpty)
    }
}
