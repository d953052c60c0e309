import Foundation
import RedlineModel

/// The entries and key-events list of a live blog as its markup shows them.
///
///     <ul><li><a href="#block-2">Talks end</a></li></ul>                      → key-events list
///     <article id="block-2"><time datetime="2025-04-23T15:10Z">…</time><p>…</p></article>
///     <article id="block-1"><time datetime="2025-04-23T14:00Z">…</time><p>…</p></article>
///     → entries: block-2 (15:10), block-1 (14:00); key event "Talks end" → block-2
///
/// An entry is an element with a `block-…` id, the target of a key-events link, or a child of
/// the element with the most children holding a `<time>` (the list of entries).
struct MarkupEntry: Sendable {
    /// The entry's element.
    var element: Int
    /// Its `id` attribute.
    var id: String?
    /// Its time: the first `<time datetime>` inside, else a `data-post-time` in milliseconds.
    var time: Date?
    /// The small box holding the time stamp (and often the author), left out of the entry's text.
    var stamp: Int?
}

/// One link of a key-events list.
struct MarkupKeyEvent: Sendable {
    /// The id the link points at; empty for an item of a list without links that names no entry.
    var target: String
    /// The link's text.
    var title: String
    /// A time shown beside the link, when it has a `datetime`.
    var time: Date?
}

/// A page's live-blog markup: entries in page order, key-events lists and the boxes to leave out.
struct LiveBlogMarkup {
    var entries: [MarkupEntry] = []
    var keyEvents: [MarkupKeyEvent] = []
    /// The key-events lists (with their headings): not entry text.
    var keyEventBoxes: [Int] = []

    /// Tags whose `<time>` elements are never an entry's.
    private static let chromeTags: Set<String> = ["nav", "aside", "footer", "script", "noscript", "template", "head", "form"]

    init(_ page: HTMLPage, updateIDs: Set<String>, updateElements: Set<Int>) {
        let tree = page.tree
        findKeyEvents(page, updateIDs: updateIDs)
        var taken: [Int] = []   // entry elements found so far
        // 1. Elements with `block-…` ids and the targets of key-events links.
        var byID: [Int] = []
        for (id, element) in page.elementByID where id.hasPrefix("block-") || keyEvents.contains(where: { $0.target == id }) {
            if tree.nodes[element].name != "a" || tree.nodes[element].end - element > 1 { byID.append(element) }
        }
        for element in byID.sorted() where !taken.contains(where: { tree.contains($0, element) || tree.contains(element, $0) }) {
            taken.append(element)
        }
        // 2. The children of the element with the most children that hold a `<time>`.
        let times = eligibleTimes(page)
        var timed = [Bool](repeating: false, count: tree.nodes.count)
        for time in times { timed[time] = true }
        var timedChildren = [Int](repeating: 0, count: tree.nodes.count)
        for index in tree.nodes.indices.reversed() where timed[index] {
            let parent = tree.nodes[index].parent
            if parent >= 0 { timed[parent] = true; timedChildren[parent] += 1 }
        }
        var container = -1
        for index in tree.nodes.indices where timedChildren[index] >= 2 && (container < 0 || timedChildren[index] > timedChildren[container]) {
            container = index
        }
        if container >= 0 {
            var child = container + 1
            while child < tree.nodes[container].end {
                defer { child = tree.nodes[child].end }
                guard timed[child], tree.nodes[child].kind == .element else { continue }
                if taken.contains(where: { tree.contains($0, child) || tree.contains(child, $0) }) { continue }
                if updateElements.contains(where: { tree.contains(child, $0) && $0 != child }) { continue }
                taken.append(Self.unwrapped(child, in: tree))
            }
        }
        entries = taken.sorted().map { Self.entry(at: $0, in: page) }
        if keyEvents.isEmpty { findUnlinkedKeyEvents(page) }
    }

    /// A key-events list whose items link nowhere (`<ul><li><span>10.10</span> Red warning
    /// extended to Devon</li>…`): a list outside the entries whose items say entries' titles
    /// (their first headings), two of them at least and at least half (an item may name an
    /// entry without a heading). It flipped between body text and nothing, and no key event was
    /// ever found on such a page (the sixteenth session's newcomer trial).
    private mutating func findUnlinkedKeyEvents(_ page: HTMLPage) {
        let tree = page.tree
        var entryByTitle: [String: String] = [:]
        for entry in entries {
            guard let id = entry.id, let heading = (entry.element..<tree.nodes[entry.element].end).first(where: { index in
                tree.nodes[index].kind == .element && BlockFlow.kind(of: tree.nodes[index].name) == .heading
            }) else { continue }
            let title = TimeLabel.withoutRelativeLabel(page.labelFreeText(of: heading))
            if !title.isEmpty { entryByTitle[title] = entryByTitle[title] == nil ? id : "" }   // "": said twice, no target
        }
        guard entryByTitle.count >= 2 else { return }
        for list in tree.elements(named: "ul") + tree.elements(named: "ol")
        where !entries.contains(where: { tree.contains($0.element, list) || tree.contains(list, $0.element) }) {
            var items: [(title: String, target: String)] = []
            var child = list + 1
            while child < tree.nodes[list].end {
                defer { child = tree.nodes[child].end }
                guard tree.nodes[child].kind == .element else { continue }
                let title = TimeLabel.withoutRelativeLabel(page.labelFreeText(of: child))
                guard tree.nodes[child].name == "li", !title.isEmpty else { items = []; break }
                items.append((title, entryByTitle[title] ?? ""))   // "": no entry of that title
            }
            let found = items.filter { !$0.target.isEmpty }.count
            guard found >= 2, found * 2 >= items.count else { continue }
            keyEventBoxes.append(Self.box(around: list, in: page) { _ in false })
            keyEvents = items.map { MarkupKeyEvent(target: $0.target, title: $0.title, time: nil) }
            return
        }
    }

    /// `element` without the wrappers around it: while it has no id and holds nothing but one
    /// element, that element (`<li><article id="post_1">…</article></li>` → the `article`, whose
    /// id the key-events links name).
    static func unwrapped(_ element: Int, in tree: HTMLTree) -> Int {
        var current = element
        while tree.nodes[current].attribute("id") == nil, let only = onlyChild(of: current, in: tree) { current = only }
        return current
    }

    /// The element that holds `element` and nothing else, climbing through id-less wrappers
    /// (the opposite of ``unwrapped(_:in:)``): entries wrapped one by one in `<li>`s are siblings
    /// under the list.
    static func outermostWrapper(of element: Int, in tree: HTMLTree) -> Int {
        var current = element
        while case let parent = tree.nodes[current].parent, parent >= 0, tree.nodes[parent].attribute("id") == nil,
              onlyChild(of: parent, in: tree) == current {
            current = parent
        }
        return current
    }

    /// The one element child of `element` when it has no other children but blank text.
    private static func onlyChild(of element: Int, in tree: HTMLTree) -> Int? {
        var only: Int?
        var child = element + 1
        while child < tree.nodes[element].end {
            let node = tree.nodes[child]
            if node.kind == .element {
                if only != nil { return nil }
                only = child
            } else if node.text.utf8.contains(where: { $0 > 0x20 }) {
                return nil
            }
            child = node.end
        }
        return only
    }

    /// The entry at `element`: its id, time and stamp box.
    static func entry(at element: Int, in page: HTMLPage) -> MarkupEntry {
        let tree = page.tree
        let node = tree.nodes[element]
        var entry = MarkupEntry(element: element, id: node.attribute("id"))
        if let time = tree.firstElement(named: "time", in: element..<node.end) {
            entry.time = tree.nodes[time].attribute("datetime").flatMap(EntryTime.parse)
            var stamp = time
            while tree.nodes[stamp].parent > element, page.textLength[tree.nodes[stamp].parent] < 80 {
                stamp = tree.nodes[stamp].parent
            }
            entry.stamp = stamp
        }
        if entry.time == nil, let milliseconds = node.attribute("data-post-time").flatMap(Double.init) {
            entry.time = Date(timeIntervalSince1970: (milliseconds / 1000).rounded(.down))
        }
        return entry
    }

    /// `<time>` elements that could stamp an entry: not in navigation, sidebars, footers or key-events lists.
    private func eligibleTimes(_ page: HTMLPage) -> [Int] {
        let tree = page.tree
        var result: [Int] = []
        for time in tree.elements(named: "time") {
            if keyEventBoxes.contains(where: { tree.contains($0, time) }) { continue }
            var ancestor = tree.nodes[time].parent
            var chrome = false
            while ancestor >= 0 {
                let node = tree.nodes[ancestor]
                if Self.chromeTags.contains(node.name) || Furniture.isHidden(node) { chrome = true; break }
                ancestor = node.parent
            }
            if !chrome { result.append(time) }
        }
        return result
    }

    /// The key-events box around `list`: its heading and wrappers, the ancestors that add under
    /// 40 letters to it, short of the body and of one that `holdsEntry`.
    private static func box(around list: Int, in page: HTMLPage, holdsEntry: (Int) -> Bool) -> Int {
        let tree = page.tree
        var box = list
        while case let outer = tree.nodes[box].parent, outer >= 0, outer != page.body,
              page.textLength[outer] - page.textLength[box] < 40, !holdsEntry(outer) {
            box = outer
        }
        return box
    }

    /// Lists of links to entries (`href="#block-…"`, `data-id="…"`): the key events.
    private mutating func findKeyEvents(_ page: HTMLPage, updateIDs: Set<String>) {
        let tree = page.tree
        var groups: [Int: [(link: Int, target: String)]] = [:]
        var order: [Int] = []
        for link in tree.elements(named: "a") {
            let node = tree.nodes[link]
            var target: String?
            if let href = node.attribute("href"), let hash = href.firstIndex(of: "#") {
                target = String(href[href.index(after: hash)...])
            } else if let id = node.attribute("data-id") {
                target = id
            }
            guard let target, !target.isEmpty, let element = page.elementByID[target], !tree.contains(element, link),
                  updateIDs.contains(target) || target.hasPrefix("block-")
                      || tree.firstElement(named: "time", in: element..<tree.nodes[element].end) != nil
            else { continue }
            var list = tree.nodes[link].parent
            while list >= 0, tree.nodes[list].name != "ul", tree.nodes[list].name != "ol" { list = tree.nodes[list].parent }
            if list < 0 { continue }
            if groups[list] == nil { order.append(list) }
            groups[list, default: []].append((link, target))
        }
        for list in order {
            guard let links = groups[list],
                  !links.contains(where: { page.elementByID[$0.target].map { tree.contains(list, $0) } ?? false }) else { continue }
            keyEventBoxes.append(Self.box(around: list, in: page) { outer in
                links.contains { page.elementByID[$0.target].map { tree.contains(outer, $0) } ?? false }
            })
            for (link, target) in links {
                let title = page.labelFreeText(of: link)
                guard !title.isEmpty else { continue }
                var item = link
                while tree.nodes[item].parent != list, tree.nodes[item].parent >= 0 { item = tree.nodes[item].parent }
                let time = tree.firstElement(named: "time", in: item..<tree.nodes[item].end)
                    .flatMap { tree.nodes[$0].attribute("datetime") }.flatMap(EntryTime.parse)
                keyEvents.append(MarkupKeyEvent(target: target, title: title, time: time))
            }
        }
    }
}
