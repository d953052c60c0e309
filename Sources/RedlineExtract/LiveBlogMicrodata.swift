import RedlineText
import RedlineModel

/// schema.org microdata, for pages that mark their live blog up in attributes instead of JSON-LD
/// (NDTV does).
///
///     <div itemscope itemtype="https://schema.org/LiveBlogPosting">
///       <div itemprop="liveBlogUpdate" itemscope>
///         <meta itemprop="url" content="https://…/live#78">
///         <meta itemprop="datePublished" content="2023-11-02T20:39:51+05:30">
///         <meta itemprop="headline" content="India enter semi-finals!"> …</div></div>
///     → StructuredPosting(isLiveBlog: true, updates: [StructuredUpdate(id: "78",
///         time: 2023-11-02T15:09:51Z, headline: "India enter semi-finals!", element: <that div>)])
enum LiveBlogMicrodata {
    /// The live-blog posting in the page's microdata, when it has one.
    static func read(_ tree: HTMLTree) -> StructuredPosting? {
        var posting: StructuredPosting?
        for index in tree.nodes.indices where tree.nodes[index].kind == .element && !tree.nodes[index].attributes.isEmpty {
            var itemtype: String?
            var itemprop: String?
            for attribute in tree.nodes[index].attributes {
                if attribute.name == "itemtype" { itemtype = attribute.value } else if attribute.name == "itemprop" { itemprop = attribute.value }
            }
            if let itemtype, itemtype.hasSuffix("/LiveBlogPosting"), posting == nil {
                let properties = self.properties(of: index, in: tree, wanted: ["headline", "description", "url"])
                posting = StructuredPosting(
                    headline: properties["headline"], description: properties["description"],
                    url: properties["url"], author: nil, isLiveBlog: true)
            }
            guard let itemprop, itemprop.split(separator: " ").contains("liveBlogUpdate") else { continue }
            let node = tree.nodes[index]
            let properties = self.properties(of: index, in: tree, wanted: updateProperties)
            let update = StructuredUpdate(
                id: LiveBlogJSONLD.entryID(url: properties["url"], id: node.attribute("itemid") ?? node.attribute("id")),
                time: properties["datePublished"].flatMap(EntryTime.parse),
                headline: properties["headline"], author: properties["author.name"] ?? properties["author"],
                articleBody: nil, element: index)
            if posting == nil { posting = StructuredPosting(isLiveBlog: true) }
            posting?.updates.append(update)
        }
        return posting?.updates.isEmpty == false ? posting : nil
    }

    // No articleBody: a microdata update is its own element, so its text comes from the markup.
    private static let updateProperties: Set<String> = ["url", "datePublished", "headline", "author", "author.name"]

    /// The item's `wanted` properties, first value each; a nested item's as `outer.inner` (`author.name`).
    static func properties(of item: Int, in tree: HTMLTree, wanted: Set<String>) -> [String: String] {
        var result: [String: String] = [:]
        var scopes: [(end: Int, prefix: String)] = []
        var index = item + 1
        let end = tree.nodes[item].end
        while index < end {
            while let last = scopes.last, last.end <= index { scopes.removeLast() }
            let node = tree.nodes[index]
            guard node.kind == .element, let itemprop = node.attribute("itemprop") else { index += 1; continue }
            let prefix = scopes.last?.prefix ?? ""
            if node.attribute("itemtype")?.hasSuffix("/BlogPosting") == true, prefix.isEmpty, itemprop.contains("liveBlogUpdate") {
                index = node.end   // another update's item: not ours
                continue
            }
            for name in itemprop.split(separator: " ") {
                let key = prefix + name
                if wanted.contains(key), result[key] == nil, let value = value(of: index, in: tree) { result[key] = value }
            }
            if node.attribute("itemscope") != nil {
                scopes.append((node.end, prefix + (itemprop.split(separator: " ").first.map(String.init) ?? "") + "."))
            }
            index += 1
        }
        return result
    }

    private static func value(of index: Int, in tree: HTMLTree) -> String? {
        let node = tree.nodes[index]
        let raw: String? = switch node.name {
        case "meta": node.attribute("content")
        case "time": node.attribute("datetime") ?? tree.text(of: index)
        case "a", "link", "area": node.attribute("href")
        case "img", "source", "audio", "video": node.attribute("src")
        default: node.attribute("content") ?? (node.attribute("itemscope") != nil ? nil : tree.text(of: index))
        }
        guard let raw else { return nil }
        let text = TextFolding.fold(raw)
        return text.isEmpty ? nil : text
    }
}
