import RedlineText
import Foundation
import RedlineModel

/// What a page's schema.org data says about it: the posting's headline, summary, url and author,
/// and, for a live blog, one ``StructuredUpdate`` per `liveBlogUpdate`.
///
///     <script type="application/ld+json">{"@type": "LiveBlogPosting", "headline": "Level 3 LIVE",
///       "liveBlogUpdate": [{"headline": "Goodnight", "url": "https://…/live#2259242",
///                           "datePublished": "2020-10-06T21:22:53+01:00"}]}</script>
///     → StructuredPosting(headline: "Level 3 LIVE", isLiveBlog: true,
///         updates: [StructuredUpdate(id: "2259242", time: 2020-10-06T20:22:53Z, headline: "Goodnight")])
///
/// JSON-LD may be one object, an array, or an `@graph`; a block that is not valid JSON is
/// reported as a warning and skipped. Strings have their HTML entities decoded.
struct StructuredPosting: Sendable {
    var headline: String?
    var description: String?
    var url: String?
    var author: String?
    var isLiveBlog = false
    var updates: [StructuredUpdate] = []
}

/// One `liveBlogUpdate`: the metadata of one entry.
struct StructuredUpdate: Sendable {
    var id: String?
    var time: Date?
    var headline: String?
    var author: String?
    /// The text as the data has it, character references not yet decoded: it is read only
    /// for an update the markup does not show.
    var articleBody: String?
    /// The element carrying the update, when it came from microdata.
    var element: Int?
}

enum LiveBlogJSONLD {
    /// The texts of the JSON-LD scripts in `tree`, in page order: a script's own, or, for one
    /// taken out before parsing (``RawTextStripping``), the text among `taken` its marker names.
    static func blocks(in tree: HTMLTree, taken: [[UInt8]]) -> [[UInt8]] {
        tree.elements(named: "script").compactMap { script in
            guard let type = tree.nodes[script].attribute("type"), type.lowercased().contains("ld+json") else { return nil }
            let text = tree.text(of: script)
            if let index = RawTextStripping.takenIndex(text), taken.indices.contains(index) { return taken[index] }
            return Array(text.utf8)
        }
    }

    /// The posting the JSON-LD `blocks` describe, with a warning per invalid block.
    static func read(_ blocks: [[UInt8]]) -> (posting: StructuredPosting?, warnings: [String]) {
        var warnings: [String] = []
        var live: StructuredPosting?
        var article: StructuredPosting?
        for block in blocks {
            guard let json = JSONValue.parse(block) else {
                warnings.append("a JSON-LD block is not valid JSON; it was skipped")
                continue
            }
            for object in objects(in: json) {
                let types = typeNames(object["@type"])
                if types.contains("LiveBlogPosting") || object["liveBlogUpdate"] != nil {
                    if live == nil { live = posting(object) }
                } else if article == nil, types.contains(where: { $0.hasSuffix("Article") || $0 == "BlogPosting" }) {
                    article = posting(object)
                }
            }
        }
        if var live, let article {
            live.headline = live.headline ?? article.headline
            live.description = live.description ?? article.description
            live.author = live.author ?? article.author
            live.url = live.url ?? article.url
            return (live, warnings)
        }
        return (live ?? article, warnings)
    }

    /// Every JSON object in `json`, through arrays and `@graph`, without recursion.
    static func objects(in json: JSONValue) -> [[String: JSONValue]] {
        var result: [[String: JSONValue]] = []
        var pending: [JSONValue] = [json]
        while let value = pending.popLast() {
            if let array = value.array {
                pending.append(contentsOf: array.reversed())
            } else if let object = value.object {
                result.append(object)
                if let graph = object["@graph"] { pending.append(graph) }
            }
        }
        return result
    }

    private static func posting(_ object: [String: JSONValue]) -> StructuredPosting {
        var posting = StructuredPosting()
        posting.headline = string(object["headline"]) ?? string(object["name"])
        posting.description = string(object["description"])
        posting.url = string(object["url"]) ?? string(object["mainEntityOfPage"])
        posting.author = names(object["author"])
        posting.isLiveBlog = typeNames(object["@type"]).contains("LiveBlogPosting") || object["liveBlogUpdate"] != nil
        let updates = object["liveBlogUpdate"]?.array ?? (object["liveBlogUpdate"].map { [$0] } ?? [])
        for update in updates.compactMap(\.object) {
            posting.updates.append(StructuredUpdate(
                id: entryID(url: string(update["url"]), id: string(update["@id"])),
                time: string(update["datePublished"]).flatMap(EntryTime.parse),
                headline: string(update["headline"]),
                author: names(update["author"]),
                articleBody: update["articleBody"]?.string))
        }
        return posting
    }

    /// An entry's id: the `url`'s fragment, else the `@id` (its fragment when it has one).
    static func entryID(url: String?, id: String?) -> String? {
        if let url, let hash = url.firstIndex(of: "#"), url.index(after: hash) < url.endIndex {
            return String(url[url.index(after: hash)...])
        }
        guard let id, !id.isEmpty else { return nil }
        if let hash = id.firstIndex(of: "#"), id.index(after: hash) < id.endIndex { return String(id[id.index(after: hash)...]) }
        return id
    }

    /// The `@type` value as a list of names.
    static func typeNames(_ value: JSONValue?) -> [String] {
        if let name = value?.string { return [name] }
        return value?.array?.compactMap(\.string) ?? []
    }

    /// A string value, entities decoded and white space folded; nil when empty or not a string.
    static func string(_ value: JSONValue?) -> String? {
        guard let raw = value?.string else {
            if let object = value?.object { return string(object["@id"]) ?? string(object["url"]) }
            return nil
        }
        let text = TextFolding.fold(HTMLEntities.decode(raw))
        return text.isEmpty ? nil : text
    }

    /// The names of people or organisations: `"A"`, `{"name": "A"}` or a list, as "A, B and C".
    static func names(_ value: JSONValue?) -> String? {
        let items = value?.array ?? (value.map { [$0] } ?? [])
        var names: [String] = []
        for item in items {
            let name = item.object.flatMap { string($0["name"]) } ?? item.string.flatMap { _ in string(item) }
            if let name, !names.contains(name) { names.append(name) }
        }
        return joined(names)
    }

    /// `["A", "B", "C"]` → "A, B and C".
    static func joined(_ names: [String]) -> String? {
        guard let last = names.last else { return nil }
        if names.count == 1 { return last }
        return names.dropLast().joined(separator: ", ") + " and " + last
    }
}
