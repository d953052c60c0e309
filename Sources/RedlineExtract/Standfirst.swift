import RedlineText

/// The standfirst the page shows under its headline: the first element after the headline
/// whose class, id, `itemprop` or Guardian `data-gu-name` calls it a standfirst, subtitle,
/// description or introduction.
///
///     <h1>Level 3 LIVE from Cork</h1><p class="sub-title">The country avoided Level 5 last night</p>
///     → "The country avoided Level 5 last night"
///     <div data-gu-name="standfirst"><p>Leave wins the EU referendum …</p></div>  → "Leave wins the EU referendum …"
///     <p><b class="ssrcss-introduction">More than 100 schools have closed …</b></p> → "More than 100 schools have closed …"
///
/// Pages do not always update their meta description with the standfirst, so the visible one
/// wins; the metadata fills in when the page shows none.
enum Standfirst {
    /// The visible standfirst in `range` (from just after the headline), leaving out the
    /// subtrees `skip` names, navigation, footers, figures (captions are not standfirsts), links
    /// to other pages (teasers) and hidden elements; nil when none is marked.
    static func find(in page: HTMLPage, range: Range<Int>, skip: (Int) -> Bool) -> String? {
        let tree = page.tree
        var judged: [String: Bool] = [:]   // pages repeat their class names: judge each once
        var index = range.lowerBound
        while index < range.upperBound {
            let node = tree.nodes[index]
            guard node.kind == .element else { index += 1; continue }
            // A link's description is a teaser's, of another story (a breaking-news ticker's
            // "+++ BREAKING NEWS +++" read as the standfirst changed with the ticker).
            if skip(index) || Furniture.alwaysTags.contains(node.name) || node.name == "footer" || node.name == "figure"
                || node.name == "figcaption" || Furniture.isHidden(node) || node.name == "a" && node.attribute("href")?.first.map({ $0 != "#" }) == true {
                index = node.end
                continue
            }
            var marked = false
            for attribute in node.attributes where markAttributes.contains(attribute.name) {
                if let known = judged[attribute.value] {
                    marked = known
                } else {
                    marked = names(attribute.value)
                    judged[attribute.value] = marked
                }
                if marked { break }
            }
            if marked {
                let text = page.labelFreeText(of: index)
                if text.utf8.count >= 20, text.utf8.count <= 1000 { return text }
            }
            index += 1
        }
        return nil
    }

    private static let markAttributes: Set<String> = ["class", "id", "itemprop", "data-gu-name"]

    /// Words that name a standfirst (`standfirst`, `sub-title`, `lx-c-session-header__description`).
    private static let markWords: Set<String> = [
        "standfirst", "subtitle", "subheadline", "description", "dek", "intro", "introduction", "strapline",
    ]

    /// True when an attribute value names a standfirst.
    private static func names(_ value: String) -> Bool {
        let words = Furniture.lowercase(value).split(whereSeparator: { !$0.isLetter })
        for (position, word) in words.enumerated() {
            if markWords.contains(String(word)) { return true }
            // "sub-title", "sub_headline"
            if word == "sub", position + 1 < words.count, words[position + 1] == "title" || words[position + 1] == "headline" { return true }
        }
        return false
    }
}
