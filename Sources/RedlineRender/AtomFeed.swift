import Foundation
import RedlineModel
import RedlineText

/// An Atom 1.0 feed (RFC 4287) of an article's changes, one entry per version that is news
/// (``ArticleDiff/isNews``), newest first: its title the change in a line, its summary the
/// change quoted (``DiffNews``), its content the HTML diff (``DiffHTML``), escaped, `type="html"`.
///
///     <feed xmlns="http://www.w3.org/2005/Atom">
///       <id>tag:redline,2025:articles/cork-live</id>
///       <title>cork-live</title>
///       <updated>2025-04-23T16:00:00Z</updated>
///       <author><name>redline</name></author>
///       <entry>
///         <id>tag:redline,2025:articles/cork-live/3f2a…</id>
///         <title>cork-live, version 3: headline changed; 2 new key events</title>
///         <updated>2025-04-23T16:00:00Z</updated>
///         <link rel="alternate" href="https://example.com/live/cork"/>
///         <summary type="text">Headline: Talks collapse …</summary>
///         <content type="html">&lt;section class="diff" …</content>
///       </entry>
///     </feed>
///
/// Ids are `tag:` URIs made of the slug and the version's commit, so an entry keeps its id
/// however often the feed is written again.
public struct AtomFeed: Sendable {
    /// One entry: one version's change.
    public struct Entry: Sendable {
        /// The version it tells of.
        public var version: Int
        public var id: String
        public var title: String
        public var updated: Date
        public var link: String?
        public var summary: String
        /// The HTML diff, unescaped.
        public var html: String

        /// The entry of `diff`, a change between two stored versions (or from nothing, for a first version).
        public init(_ diff: ArticleDiff) {
            let slug = diff.article ?? "files"
            version = diff.to.version ?? 0
            id = AtomFeed.id(slug) + "/" + (diff.to.commit ?? String(diff.to.version ?? 0))
            title = "\(slug), version \(diff.to.version.map(String.init) ?? "?"): " + DiffNews.line(diff)
            updated = diff.to.capturedAt ?? Date(timeIntervalSince1970: 0)
            link = diff.to.url
            summary = DiffNews.summary(diff)
            html = DiffHTML.section(diff, id: "v\(diff.to.version ?? 0)", context: 1)
        }
    }

    /// The feed's `tag:` id: `articles/SLUG` for an article, `all` for every article.
    public var id: String
    public var title: String
    /// Where the article lives, when the feed is one article's.
    public var link: String?
    /// Newest first.
    public var entries: [Entry]
    /// When the newest version was captured (the feed's `updated` when it has no entry).
    public var updated: Date

    /// A feed of `entries` (any order: they are put newest first).
    public init(id: String, title: String, link: String?, entries: [Entry], updated: Date) {
        self.id = id
        self.title = title
        self.link = link
        // Newest first as the feed shows times, to the second; then the later version first.
        self.entries = entries.sorted {
            let (a, b) = ($0.updated.timeIntervalSince1970.rounded(.down), $1.updated.timeIntervalSince1970.rounded(.down))
            return a != b ? a > b : $0.version != $1.version ? $0.version > $1.version : $0.id < $1.id
        }
        self.updated = max(updated, self.entries.first?.updated ?? updated)
    }

    /// The id of the feed of `slug`.
    public static func id(_ slug: String) -> String { "tag:redline,2025:articles/" + slug }
    /// The id of the feed of every article.
    public static let allID = "tag:redline,2025:all"

    /// The document, UTF-8 XML.
    public func render() -> String {
        var out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n"
        out += "  <id>\(Self.xml(id))</id>\n  <title>\(Self.xml(title))</title>\n"
        out += "  <updated>\(Timestamp.format(updated))</updated>\n"
        if let link { out += "  <link rel=\"alternate\" href=\"\(Self.xml(link))\"/>\n" }
        out += "  <author><name>redline</name></author>\n  <generator>redline</generator>\n"
        for entry in entries {
            out += "  <entry>\n    <id>\(Self.xml(entry.id))</id>\n    <title>\(Self.xml(entry.title))</title>\n"
            out += "    <updated>\(Timestamp.format(entry.updated))</updated>\n"
            if let link = entry.link { out += "    <link rel=\"alternate\" href=\"\(Self.xml(link))\"/>\n" }
            out += "    <summary type=\"text\">\(Self.xml(entry.summary))</summary>\n"
            out += "    <content type=\"html\">\(Self.xml(entry.html))</content>\n  </entry>\n"
        }
        return out + "</feed>\n"
    }

    /// `text` as XML character data or a quoted attribute value: `& < > "` as references, and
    /// what XML 1.0 cannot hold (control characters other than tab and line breaks, U+FFFE,
    /// U+FFFF) as U+FFFD.
    static func xml(_ text: String) -> String {
        // Byte by byte into one buffer: an entry's HTML is most of a megabyte for a large live
        // blog, and appending to a string's scalars grew it by copying, a feed a second of CPU.
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + text.utf8.count / 8 + 16)
        let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]   // U+FFFD
        text.withUTF8Bytes { bytes in
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                switch byte {
                case 0x26: out += "&amp;".utf8
                case 0x3C: out += "&lt;".utf8
                case 0x3E: out += "&gt;".utf8
                case 0x22: out += "&quot;".utf8
                case 0x09, 0x0A, 0x0D: out.append(byte)
                case ..<0x20: out += replacement
                case 0xEF where index + 2 < bytes.count && bytes[index + 1] == 0xBF && (bytes[index + 2] == 0xBE || bytes[index + 2] == 0xBF):
                    out += replacement   // U+FFFE, U+FFFF: not characters XML allows
                    index += 2
                default: out.append(byte)
                }
                index += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
