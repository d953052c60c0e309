import Foundation
import RedlineText

/// Who wrote an article or an entry, as the page shows it: an element marked as the author
/// (`rel="author"`, `itemprop="author"`, a class naming an author, byline, contributor or
/// reporters) whose text is a list of names, without a leading "By".
///
///     <address><a rel="author">Jamie Grierson</a> and <a rel="author">Haroon Siddique</a></address>
///     → "Jamie Grierson and Haroon Siddique"     (the links and what joins them)
///     <p class="lx-c-live-reporting-header__reporters">By Orla Moore and Andrew Segal</p>
///     → "Orla Moore and Andrew Segal"
///     <div class="byline"><ul class="share">…</ul><span class="author-label">By</span>
///       <div class="author">Gavin O'Callaghan</div><time>21:22, 6 OCT 2020</time></div>
///     → "Gavin O'Callaghan"                        (the outer box holds more than names)
///
/// The page's own text wins over structured data: a byline written for JSON-LD may differ from
/// the one the reader sees, and only what the reader sees is tracked.
struct Byline {
    /// The names, as shown ("Orla Moore and Andrew Segal").
    var names: String
    /// The marked element that holds them with their labels (a name with its role): not body text.
    var box: Int

    /// The first byline under `root` in document order, leaving out the subtrees `skip` names,
    /// navigation, forms, footers, hidden elements and figures (a photo credit is no byline).
    static func find(in page: HTMLPage, under root: Int, skip: (Int) -> Bool) -> Byline? {
        let tree = page.tree
        func isMarked(_ index: Int) -> Bool { page.marksAuthor[index] }
        // The first marked element that reads as names; inside it, a deeper one that does
        // (`<div class="byline">` around a share bar, a label and `<span rel="author">`).
        var found: (names: String, element: Int)?
        let end = tree.nodes[root].end
        var index = root
        while index < (found.map { tree.nodes[$0.element].end } ?? end) {
            let node = tree.nodes[index]
            if index != root, skip(index) || node.kind == .element && Self.isOutside(node) {
                index = node.end
                continue
            }
            if isMarked(index), let names = Self.names(in: page, at: index),
               !insideFurnitureBox(index, below: root, page: page, isMarked: isMarked),
               !(found.map { Self.lists(names, among: $0.names) } ?? false) {
                found = (names, index)
            }
            index += 1
        }
        guard var chosen = found else { return nil }
        // Several marked names side by side: the element that holds them and what joins them.
        var parent = tree.nodes[chosen.element].parent
        while parent > root {
            let between = TextFolding.fold(tree.text(of: parent) { inner in
                isMarked(inner) || tree.nodes[inner].kind == .element && Self.isOutside(tree.nodes[inner])
            })
            guard !between.isEmpty, between.split(separator: " ").allSatisfy({ Self.joiners.contains($0.lowercased()) }),
                  let all = Self.names(in: page, at: parent) else { break }
            chosen = (all, parent)
            parent = tree.nodes[parent].parent
        }
        // The box: the outermost marked element around the names that is still short
        // (`<div class="contributor"><p class="contributor-name">…</p><p>role</p></div>`).
        var box = chosen.element
        while case let up = tree.nodes[box].parent, up > root, isMarked(up), page.visibleText(of: up).utf8.count <= 160 { box = up }
        return Byline(names: chosen.names, box: box)
    }

    /// The names the text under `index` reads as, time labels left out: those in elements of
    /// their own, and "Updated 5 minutes ago" after the names in the same text ("By Jane Doe ·
    /// Updated 5 minutes ago", where the label made the byline unread, and its change unseen).
    private static func names(in page: HTMLPage, at index: Int) -> String? {
        names(TimeLabel.withoutRelativeLabel(page.labelFreeText(of: index)))
    }

    /// True for an element marked as naming an author: `rel="author"`, `itemprop="author"`, or a
    /// class with a word such as "byline" (`isAuthorClass`, which pages judge once per class).
    static func marks(_ node: HTMLNode, isAuthorClass: (String) -> Bool) -> Bool {
        guard node.kind == .element else { return false }
        if node.attribute("rel")?.lowercased() == "author" || node.attribute("itemprop")?.lowercased() == "author" { return true }
        return node.attribute("class").map(isAuthorClass) ?? false
    }

    static func isAuthorClass(_ value: String) -> Bool {
        Furniture.lowercase(value).split(whereSeparator: { !$0.isLetter }).contains { markWords.contains(String($0)) }
    }

    /// Words in class names that mark a byline or its parts (`author-name`, `contributor`, `reporters`),
    /// in English and in German, French and Italian (`autorenzeile`, `auteur`, `autore`).
    private static let markWords: Set<String> = ["author", "authors", "byline", "bylines", "contributor", "contributors", "reporter", "reporters",
                                                 "autor", "autoren", "autorin", "autorenzeile", "auteur", "auteurs", "autore", "autori"]

    /// What may stand between names: "A, B and C", "A & B", "By A".
    private static let listJoiners: Set<String> = [",", "and", "&", "und", "et", "y", "en", "e"]
    private static let joiners: Set<String> = [",", "and", "&", "by", "with", "|", "·", "von", "und", "par", "et", "por", "y", "door", "en"]

    /// True when `outer` lists more names than `inner`, and `inner`'s among them: "Jane Doe and
    /// Tom Smith" around a link to "Jane Doe" is the byline, not the link alone (a co-author's
    /// change went unseen; the seventeenth session's trial).
    private static func lists(_ inner: String, among outer: String) -> Bool {
        // Split where a list joins names ("Posted by Vortex" is one item, not "Posted" and "Vortex").
        func items(_ names: String) -> [String] {
            names.split(separator: " ").split { listJoiners.contains($0.lowercased()) }.map { $0.joined(separator: " ") }
                .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: ",")) }.filter { !$0.isEmpty }
        }
        let outerItems = items(outer), innerItems = items(inner)
        return outerItems.count > innerItems.count && innerItems.allSatisfy(outerItems.contains)
    }

    /// Elements whose text is never a byline: navigation, forms, footers, figures, hidden ones.
    private static func isOutside(_ node: HTMLNode) -> Bool {
        Furniture.alwaysTags.contains(node.name) || node.name == "footer" || node.name == "figure" || node.name == "figcaption"
            || Furniture.isHidden(node)
    }

    /// True when an element between `index` and `root` is furniture by its class (a comments
    /// section's `comment-author`) without being part of the byline itself.
    private static func insideFurnitureBox(_ index: Int, below root: Int, page: HTMLPage, isMarked: (Int) -> Bool) -> Bool {
        var ancestor = page.tree.nodes[index].parent
        while ancestor > root {
            let node = page.tree.nodes[ancestor]
            if !isMarked(ancestor), page.hasFurnitureClass[ancestor] { return true }
            ancestor = node.parent
        }
        return false
    }

    /// The words a byline opens with, in lower case: "By", and in German, French, Spanish or
    /// Portuguese, and Dutch ("Von Thomas Steinberg"), these only before a capital ("von der
    /// Leyen" is a name).
    private static let leads = ["by", "von", "par", "por", "door"].map { Array($0.utf8) }

    /// Characters no list of names holds, besides digits.
    private static let notInNames = Array("@:()[]{}<>/|".utf8)

    /// `text` as a list of names, without a leading "By" (``leads``): nil when it is empty, long, or holds
    /// what names do not (digits, "@", ":", brackets), or is a furniture line ("Share").
    ///
    /// A text of printable ASCII (nearly every one), whose characters are its bytes, is read on
    /// its bytes; any other by characters, with Unicode's letters, numbers and case mapping.
    static func names(_ text: String) -> String? {
        guard text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x80 }) else { return namesByCharacters(text) }
        var names = Substring(text)
        let bytes = Array(text.utf8)
        for lead in leads {
            let opens = bytes.count >= lead.count && zip(bytes, lead).allSatisfy { $0 | 0x20 == $1 }
            guard opens else { continue }
            if bytes.count == lead.count { return nil }
            if bytes.count > lead.count + 1, bytes[lead.count] == UInt8(ascii: " "),
               lead == leads[0] || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(bytes[lead.count + 1]) {
                names = names.dropFirst(lead.count + 1)
                break
            }
        }
        let result = TextFolding.fold(names)
        let isName = result.withUTF8Bytes { bytes in
            var words = 0
            var hasLetter = false
            for (index, byte) in bytes.enumerated() {
                if byte != UInt8(ascii: " "), index == 0 || bytes[index - 1] == UInt8(ascii: " ") { words += 1 }
                if byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z") { hasLetter = true }
                if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") || notInNames.contains(byte) { return false }
            }
            return !bytes.isEmpty && bytes.count <= 100 && words <= 12 && hasLetter
        }
        guard isName, !Furniture.isFurnitureLine(result) else { return nil }
        return result
    }

    /// ``names(_:)`` read by characters: for a text with a byte outside printable ASCII, and the
    /// reference the byte reading is tested against.
    static func namesByCharacters(_ text: String) -> String? {
        var names = Substring(text)
        for lead in leads.map({ String(decoding: $0, as: UTF8.self) }) {
            if names.lowercased() == lead { return nil }
            let rest = names.dropFirst(lead.count + 1)
            if names.count > lead.count + 1, names.prefix(lead.count + 1).lowercased() == lead + " ",
               lead == "by" || rest.first?.isUppercase == true {
                names = rest
                break
            }
        }
        let result = TextFolding.fold(names)
        guard !result.isEmpty, result.utf8.count <= 100, result.split(separator: " ").count <= 12,
              result.contains(where: \.isLetter),
              !result.contains(where: { $0.isNumber || $0.asciiValue.map(notInNames.contains) == true }),
              !Furniture.isFurnitureLine(result) else { return nil }
        return result
    }
}
