import RedlineCorpus
import Foundation
import RedlineModel

/// An ``Article`` written back out as a capture, for the quality suite to extract again.
///
///     Article(title: "London Bridge attack", keyEvents: [{block-2, 22:58, "IS claims attack"}],
///             entries: [Entry(id: "block-2", time: 22:58, title: "IS claims attack", blocks: [p "…"])])
///     → text:  "London Bridge attack\n\n…\n\nKey events\n\n4 Jun 2017 22.58 UTC\nIS claims attack\n…
///               4 Jun 2017 22.58 UTC\nIS claims attack\n\n…\n\nShare\n"
///     → HTML:  "<h1>London Bridge attack</h1><div class=\"key-events\"><ul><li><a href=\"#block-2\">…
///               <article id=\"block-2\"><time datetime=\"2017-06-04T22:58:00Z\">…</time><h2>…</h2><p>…</p></article>"
///
/// Each shape is the one the extractor reads (see `RedlineExtractTests`): the text as a browser
/// copies a live blog (headline, standfirst, byline, a "Key events" list of stamped titles, entries
/// each introduced by a time line), the HTML as live-blog markup (entries as `<article id>` with a
/// `<time datetime>` and an `<h2>` title, key events as links to the entries' ids).
enum CaptureRendering {
    /// How the page's markup and white space are written; the text is the same in every style.
    enum Style {
        /// Tidy markup, one element a line.
        case plain
        /// The same article with other markup: attributes in another order and with tracking
        /// data, scripts, comments, a sidebar, inline spans, structured data, indentation.
        case noisy
        /// The same markup with extra white space inside and between the text (text: CRLF line
        /// ends, doubled blank lines, runs of spaces and tabs).
        case spaced
    }

    static let standfirst = "Live coverage of the day's events, as it happened."
    static let byline = "By Redline Newsroom"

    // MARK: Plain text

    /// `article` as copied text.
    static func plainText(_ article: Article, style: Style = .plain) -> String {
        var lines: [String] = [article.title ?? "Live", "", standfirst, byline, ""]
        if !article.keyEvents.isEmpty {
            lines += ["Key events", ""]
            for event in article.keyEvents { lines += [stamp(event.time), event.title] }
            lines += ["Show key events only", ""]
        }
        for block in article.blocks { lines += [text(block), ""] }
        for entry in article.entries {
            lines.append(stamp(entry.time))
            if let title = entry.title { lines.append(title) }
            lines.append("")
            for block in entry.blocks { lines += [text(block), ""] }
            lines += ["Share", ""]
        }
        switch style {
        case .plain, .noisy:
            return lines.joined(separator: "\n")
        case .spaced:
            var rng = SeededGenerator(seed: UInt64(lines.count))
            return lines.map { line in
                guard !line.isEmpty else { return "\r\n" }
                let spaced = line.split(separator: " ", omittingEmptySubsequences: false)
                    .joined(separator: ["  ", " \t", " ", "\u{00A0}"].randomElement(using: &rng)!)
                return ["", "  ", "\t"].randomElement(using: &rng)! + spaced + ["", " ", "   "].randomElement(using: &rng)!
            }.joined(separator: "\r\n")
        }
    }

    private static func text(_ block: Block) -> String {
        block.kind == .listItem ? "• " + block.text : block.text
    }

    /// "4 Jun 2017 22.58 UTC": a time line the text extractor reads with its day.
    private static func stamp(_ time: Date?) -> String {
        guard let time else { return "00.00" }
        return stampFormat.string(from: time)
    }

    private static let stampFormat: DateFormatter = {
        let format = DateFormatter()
        format.locale = Locale(identifier: "en_US_POSIX")
        format.timeZone = TimeZone(identifier: "UTC")
        format.dateFormat = "d MMM yyyy HH.mm 'UTC'"
        return format
    }()

    // MARK: HTML

    /// `article` as a live-blog page.
    static func html(_ article: Article, style: Style = .plain) -> String {
        let noisy = style == .noisy
        let gap = style == .spaced ? "\n   \n\t" : "\n"
        func space(_ text: String) -> String {
            guard style == .spaced else { return escape(text) }
            return "\n    " + escape(text).replacingOccurrences(of: " ", with: " \n  ") + "  \n"
        }
        func inline(_ text: String) -> String {
            guard noisy, let cut = text.firstIndex(of: " ") else { return space(text) }
            return "<span class=\"lead\">\(escape(String(text[..<cut])))</span>\(escape(String(text[cut...])))"
        }
        let title = article.title ?? "Live"
        var out = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>\(escape(title))</title>"
        out += noisy
            ? "<meta content=\"\(escape(standfirst))\" name=\"description\">\(gap)<script>window.dataLayer = [{\"page\": \"live\"}];</script>\(gap)"
            : "<meta name=\"description\" content=\"\(escape(standfirst))\">\(gap)"
        if noisy { out += jsonLD(article) }
        out += "</head>\(gap)<body>\(gap)"
        if noisy {
            out += "<header><nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav></header>\(gap)<!-- advert slot -->\(gap)"
        }
        out += "<main>\(gap)<h1>\(space(title))</h1>\(gap)"
        if !article.keyEvents.isEmpty {
            out += noisy ? "<div data-component=\"key-events\" class=\"key-events\"><h2>Key events</h2>\(gap)<ul>"
                         : "<div class=\"key-events\"><h2>Key events</h2>\(gap)<ul>"
            for event in article.keyEvents {
                let target = event.id.map { "#" + escape($0) } ?? ""
                let time = event.time.map { "<time datetime=\"\(iso($0))\">\(clock($0))</time> " } ?? ""
                out += noisy ? "<li class=\"key-event\">\(time)<a data-link-name=\"key event\" href=\"?utm_source=x\(target)\">\(space(event.title))</a></li>\(gap)"
                             : "<li>\(time)<a href=\"\(target)\">\(space(event.title))</a></li>\(gap)"
            }
            out += "</ul></div>\(gap)"
        }
        for block in article.blocks { out += element(block, inline) + gap }
        out += noisy ? "<div data-test-id=\"live-blog\" class=\"live-blog\">\(gap)" : "<div class=\"live-blog\">\(gap)"
        for entry in article.entries {
            let id = entry.id.map { " id=\"\(escape($0))\"" } ?? ""
            out += noisy ? "<article data-gu-block=\"1\" class=\"block\"\(id)>" : "<article\(id) class=\"block\">"
            if let time = entry.time {
                out += noisy ? "<header>\(gap)  <time title=\"\(clock(time))\" datetime=\"\(iso(time))\">\(clock(time)) UTC</time>\(gap)</header>"
                             : "<header><time datetime=\"\(iso(time))\">\(clock(time)) UTC</time></header>"
            }
            if let title = entry.title { out += "\(gap)<h2>\(space(title))</h2>" }
            for block in entry.blocks { out += gap + element(block, inline) }
            if noisy { out += "\(gap)<footer><button>Share</button></footer>" }
            out += "</article>\(gap)"
        }
        out += "</div>\(gap)</main>\(gap)"
        if noisy {
            out += "<aside class=\"most-read\"><h2>Most read</h2><ol><li><a href=\"/a\">Another story entirely</a></li>"
                + "<li><a href=\"/b\">And one more, read by many</a></li></ol></aside>\(gap)"
                + "<script src=\"/app.js\" async></script><footer><p>© Redline Newspapers</p></footer>\(gap)"
        }
        return out + "</body></html>\n"
    }

    private static func element(_ block: Block, _ inline: (String) -> String) -> String {
        switch block.kind {
        case .paragraph: return "<p>\(inline(block.text))</p>"
        case .heading: return "<h3>\(inline(block.text))</h3>"
        case .listItem: return "<ul><li>\(inline(block.text))</li></ul>"
        case .quote: return "<blockquote><p>\(inline(block.text))</p></blockquote>"
        }
    }

    /// A `LiveBlogPosting` naming every entry (id in the url, time, headline).
    private static func jsonLD(_ article: Article) -> String {
        let updates: [[String: Any]] = article.entries.map { entry in
            var update: [String: Any] = ["@type": "BlogPosting"]
            if let id = entry.id { update["url"] = "https://example.com/live#" + id }
            if let time = entry.time { update["datePublished"] = iso(time) }
            if let title = entry.title { update["headline"] = title }
            return update
        }
        let posting: [String: Any] = ["@context": "https://schema.org", "@type": "LiveBlogPosting",
                                      "headline": article.title ?? "Live", "description": standfirst, "liveBlogUpdate": updates]
        let data = try! JSONSerialization.data(withJSONObject: posting, options: [.sortedKeys, .withoutEscapingSlashes])
        let json = String(decoding: data, as: UTF8.self).replacingOccurrences(of: "</", with: "<\\/")
        return "<script type=\"application/ld+json\">\(json)</script>\n"
    }

    private static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(character)
            }
        }
        return out
    }

    private static func iso(_ time: Date) -> String { time.formatted(.iso8601) }

    private static func clock(_ time: Date) -> String { clockFormat.string(from: time) }

    private static let clockFormat: DateFormatter = {
        let format = DateFormatter()
        format.locale = Locale(identifier: "en_US_POSIX")
        format.timeZone = TimeZone(identifier: "UTC")
        format.dateFormat = "HH:mm"
        return format
    }()
}
