import Foundation
import RedlineModel

/// A diff as HTML: one self-contained page for `diff --format html`, and the section for one
/// diff that ``ReportHTML`` repeats for every version.
///
///     <section class="diff" id="d">
///     <h2>Version 1 → version 2</h2>
///     <ul class="counts"><li class="n-added"><b>1</b> added</li> …</ul>
///     <div class="fields"><div class="b edited field"><span class="tag">headline edited</span><p>Talks <del>in London end</del> <ins>collapse</ins></p></div></div>
///     <div class="events"><h3>New key events</h3><ul><li class="ke-added">…</li></ul></div>
///     <div class="changes">
///     <h4 class="entry"><time …>2025-04-23 15:10</time> Talks end without agreement</h4>
///     <div class="b edited" id="d-n5"><span class="tag">edited</span><p>Ukraine <del>may</del> <ins>will</ins> …</p></div>
///     <div class="b moved" id="d-n2"><span class="tag">moved</span> <span class="note"><a href="#d-o7">from position 7</a> to 2 …</span><p>…</p></div>
///     <div class="b moved-away" id="d-o7"><span class="tag">moved away</span> <a href="#d-n2">now at position 2</a></div>
///     </div>
///     </section>
///
/// A moved block links back to where it stood, and that spot links forward to it. Every piece of
/// article text goes through ``HTMLEscape``; ids and links are made by redline from numbers only.
public enum DiffHTML {
    /// `diff` as a whole HTML page.
    public static func render(_ diff: ArticleDiff, context: Int = 1) -> String {
        let name = diff.article ?? "files"
        var header = "<header class=\"page\">\n<p class=\"kicker\">redline diff</p>\n"
        header += "<h1>\(HTMLEscape.text(name))</h1>\n"
        if let url = diff.to.url ?? diff.from.url { header += "<p class=\"meta\">\(HTMLPage.link(url))</p>\n" }
        header += "</header>"
        let title = "\(name): \(DiffTerminal.sideName(diff.from)) → \(DiffTerminal.sideName(diff.to))"
        return HTMLPage.document(title: title, body: header + "\n<main>\n" + section(diff, id: "d", context: context) + "</main>")
    }

    /// One diff as a `<section>` whose ids all start with `id` (which must be made of letters,
    /// digits and `-`).
    static func section(_ diff: ArticleDiff, id: String, context: Int) -> String {
        var out = "<section class=\"diff\" id=\"\(id)\">\n"
        out += "<h2>\(HTMLEscape.text(sideTitle(diff.from, capitalised: true))) → \(HTMLEscape.text(sideTitle(diff.to, capitalised: false)))</h2>\n"
        out += when(diff)
        out += counts(diff.summary)
        out += fields(diff.fields)
        out += keyEvents(diff.keyEvents)
        let layout = DiffLayout(diff, context: context, movedAway: true)
        if layout.items.contains(where: { if case .change = $0 { true } else { false } }) {
            out += "<div class=\"changes\">\n"
            for item in layout.items {
                out += self.item(item, id: id)
            }
            out += "</div>\n"
        } else if diff.keyEvents.isEmpty && diff.fields.isEmpty {
            out += "<p class=\"none\">No changes.</p>\n"
        }
        out += "</section>\n"
        return out
    }

    static func sideTitle(_ side: DiffSide, capitalised: Bool) -> String {
        if let path = side.path { return path }
        return side.version.map { (capitalised ? "Version " : "version ") + String($0) } ?? "?"
    }

    static func when(_ diff: ArticleDiff) -> String {
        var parts: [String] = []
        if let old = diff.from.capturedAt, let new = diff.to.capturedAt {
            parts.append("\(HTMLPage.time(old)) → \(HTMLPage.time(new)) UTC")
        }
        if let old = diff.from.commit, let new = diff.to.commit {
            parts.append("<code>\(HTMLEscape.text(String(old.prefix(7))))</code> → <code>\(HTMLEscape.text(String(new.prefix(7))))</code>")
        }
        return parts.isEmpty ? "" : "<p class=\"when\">" + parts.joined(separator: " · ") + "</p>\n"
    }

    static func counts(_ summary: ChangeSummary) -> String {
        var out = "<ul class=\"counts\">"
        for (name, count) in [("added", summary.added), ("removed", summary.removed), ("edited", summary.edited),
                              ("moved", summary.moved), ("unchanged", summary.unchanged)] {
            out += "<li class=\"n-\(name)\"><b>\(count)</b> \(name)</li>"
        }
        return out + "</ul>\n"
    }

    /// The changed headline, standfirst, byline and entry times and authors, each as a block.
    static func fields(_ fields: [FieldChange]) -> String {
        guard !fields.isEmpty else { return "" }
        var out = "<div class=\"fields\">\n"
        for field in fields {
            var tag = "\(field.field.label) \(field.change.rawValue)"
            if let entry = field.entry { tag += " · " + entryName(entry) } else { tag = HTMLEscape.text(tag) }
            let text: String
            switch field.change {
            case .added: text = HTMLEscape.text(field.newText ?? "")
            case .removed: text = HTMLEscape.text(field.oldText ?? "")
            case .edited: text = words(field.words, old: field.oldText, new: field.newText)
            }
            let paragraph = field.field == .title ? "<p class=\"heading\">\(text)</p>" : "<p>\(text)</p>"
            out += "<div class=\"b \(field.change.rawValue) field\"><span class=\"tag\">\(tag)</span>\(paragraph)</div>\n"
        }
        return out + "</div>\n"
    }

    static func keyEvents(_ events: KeyEventChanges) -> String {
        guard !events.isEmpty else { return "" }
        var out = "<div class=\"events\">\n"
        if !events.added.isEmpty {
            out += "<h3>New key events</h3>\n<ul>\n"
            for event in events.added {
                out += "<li class=\"ke-added\">" + (event.time.map(HTMLPage.time) ?? "") + HTMLEscape.text(event.title) + "</li>\n"
            }
            out += "</ul>\n"
        }
        if !events.retitled.isEmpty {
            out += "<h3>Retitled key events</h3>\n<ul>\n"
            for item in events.retitled {
                out += "<li>" + (item.time.map(HTMLPage.time) ?? "")
                    + "<del>\(HTMLEscape.text(item.oldTitle))</del> → <ins>\(HTMLEscape.text(item.newTitle))</ins></li>\n"
            }
            out += "</ul>\n"
        }
        if !events.removed.isEmpty {
            out += "<h3>Dropped key events</h3>\n<ul>\n"
            for event in events.removed {
                out += "<li>" + (event.time.map(HTMLPage.time) ?? "") + "<del>\(HTMLEscape.text(event.title))</del></li>\n"
            }
            out += "</ul>\n"
        }
        return out + "</div>\n"
    }

    static func item(_ item: DiffLayout.Item, id: String) -> String {
        switch item {
        case .entry(let entry):
            return "<h4 class=\"entry\">\(entryName(entry))</h4>\n"
        case .skipped(let count):
            return "<p class=\"skip\">… \(count) unchanged block\(count == 1 ? "" : "s")</p>\n"
        case .context(let block):
            return "<div class=\"b context\">\(paragraph(HTMLEscape.text(block.newText ?? ""), block.kind))</div>\n"
        case .movedAway(let block):
            let new = block.newIndex.map(String.init) ?? "?"
            return "<div class=\"b moved-away\" id=\"\(id)-o\(block.oldIndex ?? 0)\"><span class=\"tag\">moved away</span> "
                + "<a href=\"#\(id)-n\(new)\">now at position \(new)</a></div>\n"
        case .change(let block):
            return change(block, id: id)
        }
    }

    static func change(_ block: BlockChange, id: String) -> String {
        let name = block.change.rawValue
        switch block.change {
        case .added:
            return "<div class=\"b added\" id=\"\(id)-n\(block.newIndex ?? 0)\"><span class=\"tag\">added</span>"
                + paragraph(HTMLEscape.text(block.newText ?? ""), block.kind) + "</div>\n"
        case .removed:
            return "<div class=\"b removed\" id=\"\(id)-o\(block.oldIndex ?? 0)\"><span class=\"tag\">removed</span>"
                + paragraph(HTMLEscape.text(block.oldText ?? ""), block.kind) + "</div>\n"
        case .edited:
            return "<div class=\"b edited\" id=\"\(id)-n\(block.newIndex ?? 0)\"><span class=\"tag\">edited</span>"
                + paragraph(words(block.words, old: block.oldText, new: block.newText), block.kind) + "</div>\n"
        case .moved:
            let old = block.oldIndex.map(String.init) ?? "?", new = block.newIndex.map(String.init) ?? "?"
            var note = "<a href=\"#\(id)-o\(old)\">from position \(old)</a> to \(new)"
            if block.edited { note += ", and edited" }
            if let entry = block.entry { note += " · now in \(entryName(entry))" }
            let text = block.edited ? words(block.words, old: block.oldText, new: block.newText) : HTMLEscape.text(block.newText ?? block.oldText ?? "")
            return "<div class=\"b moved\" id=\"\(id)-n\(new)\"><span class=\"tag\">\(name)</span> <span class=\"note\">\(note)</span>"
                + paragraph(text, block.kind) + "</div>\n"
        case .unchanged:
            return "<div class=\"b context\">\(paragraph(HTMLEscape.text(block.newText ?? ""), block.kind))</div>\n"
        }
    }

    /// An edited text with `<del>` and `<ins>` around its changed words.
    static func words(_ words: [WordChange]?, old: String?, new: String?) -> String {
        guard let words else {
            return "<del>\(HTMLEscape.text(old ?? ""))</del> <ins>\(HTMLEscape.text(new ?? ""))</ins>"
        }
        var out = ""
        for word in WordRuns.display(words) {
            switch word.op {
            case .equal: out += HTMLEscape.text(word.text)
            case .delete: out += "<del>" + HTMLEscape.text(word.text) + "</del>"
            case .insert: out += "<ins>" + HTMLEscape.text(word.text) + "</ins>"
            }
        }
        return out
    }

    static func paragraph(_ html: String, _ kind: Block.Kind) -> String {
        switch kind {
        case .heading: "<p class=\"heading\">\(html)</p>"
        case .listItem: "<p class=\"item\">• \(html)</p>"
        case .quote: "<p class=\"quote\">\(html)</p>"
        case .paragraph: "<p>\(html)</p>"
        }
    }

    static func entryName(_ entry: EntryReference?) -> String {
        guard let entry else { return "Outside the entries" }
        let title = entry.title.map { HTMLEscape.text($0) }
        switch (entry.time, title) {
        case (let time?, let title?): return HTMLPage.time(time) + " " + title
        case (let time?, nil): return HTMLPage.time(time) + " untitled entry"
        case (nil, let title?): return title
        case (nil, nil): return "Untitled entry"
        }
    }
}
