import RedlineModel

extension JSONOutput {
    /// What a webhook is POSTed for each version stored: the `diff --format json` document of its
    /// change, field for field, and one field more, `announcement`, that says it in a line.
    ///
    ///     {"schemaVersion": 1, "article": "cork-live", "from": …, "to": …, "summary": …,
    ///      "fields": …, "keyEvents": …, "blocks": …,
    ///      "announcement": {"article": "cork-live", "version": 3, "url": "…",
    ///                       "summary": "headline changed; 2 new key events; 1 edit to published text"}}
    ///
    /// A first version is announced as the change from nothing: every block `added`, and `from`
    /// with every value null.
    public static func render(announcement diff: ArticleDiff) -> String {
        var json = JSONWriter()
        write(diff, to: &json) { json in
            json.key("announcement")
            json.object { json in
                json.field("article", string: diff.article)
                json.field("version", int: diff.to.version)
                json.field("url", string: diff.to.url)
                json.field("summary", string: DiffNews.line(diff))
            }
        }
        return json.text
    }
}
