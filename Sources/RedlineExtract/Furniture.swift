/// Page furniture: what a site puts around the journalism (navigation, share buttons, cookie
/// banners, "most read" boxes, comment forms), which redline leaves out of an article.
///
///     <nav>Home · World</nav>                    → furniture (tag)
///     <div class="cookie-banner">We use …</div>  → furniture (class name)
///     <p hidden>…</p>, <div style="display: none">  → furniture (hidden)
///     "Share", "Leave a Reply", "Exit mobile version" → furniture lines
///
/// The rules are narrow on purpose: nothing the newsroom wrote may be dropped, so when a line
/// or element is not plainly furniture it is kept.
enum Furniture {
    /// Elements whose whole subtree is never article text.
    static let tags: Set<String> = [
        "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form", "iframe", "svg",
        "button", "select", "option", "textarea", "input", "object", "embed", "video", "audio", "canvas", "picture",
        "source", "img", "head", "title", "meta", "link", "dialog", "menu",
    ]

    /// Tags whose text is never article text, even inside an entry's own header.
    static let alwaysTags: Set<String> = [
        "script", "style", "noscript", "template", "nav", "aside", "form", "iframe", "svg", "button", "select",
        "option", "textarea", "input", "object", "embed", "head", "title", "meta", "link", "dialog",
    ]

    /// Words in class names and ids that mark furniture (`cookie-banner`, `most-read`, `link-share`).
    static let classWords: Set<String> = [
        "cookie", "cookies", "consent", "gdpr", "newsletter", "newsletters", "mostread", "mostpopular", "popular",
        "trending", "related", "share", "sharing", "sharebar", "social", "socials", "facebook", "twitter", "whatsapp",
        "linkedin", "pinterest", "telegram", "reddit", "breadcrumb", "breadcrumbs", "advert", "advertisement",
        "adslot", "ads", "promo", "promotion", "subscribe", "subscription", "comments", "comment", "sidebar",
        "navbar", "navigation", "footer", "outbrain", "taboola", "paywall", "banner", "skip", "sronly", "toolbar",
        "tooltip", "modal", "popup", "recommended", "recirculation", "tag", "tags", "topics", "byline", "notification",
        "notifications", "alerts",
    ]

    /// Class-name prefixes that describe a state, not a box (`has-sidebar`, `no-comments`).
    private static let statePrefixes = ["has-", "is-", "with-", "no-", "show-", "hide-"]

    /// True for `hidden`, `aria-hidden="true"` and inline `display:none` / `visibility:hidden`.
    static func isHidden(_ node: HTMLNode) -> Bool {
        for attribute in node.attributes {
            switch attribute.name {
            case "hidden": return true
            case "aria-hidden": if attribute.value.lowercased() == "true" { return true }
            case "style":
                if isHiddenStyle(attribute.value) { return true }
            default: continue
            }
        }
        return false
    }

    /// True for an inline style with `display: none` or `visibility: hidden`, on UTF-8 bytes.
    static func isHiddenStyle(_ style: String) -> Bool {
        var compact: [UInt8] = []
        compact.reserveCapacity(style.utf8.count)
        for byte in style.utf8 where byte > 0x20 { compact.append(byte | (byte >= 0x41 && byte <= 0x5A ? 0x20 : 0)) }
        return compact.contains("display:none".utf8) || compact.contains("visibility:hidden".utf8)
    }

    /// True when a `class` or `id` value names furniture: one of its names is, or is made of,
    /// a furniture word (`cookie-banner`, `mostRead`, `link-share`).
    static func isFurnitureName(_ value: String) -> Bool {
        for name in value.split(whereSeparator: \.isWhitespace) {
            let lower = name.lowercased()
            if statePrefixes.contains(where: lower.hasPrefix) { continue }
            if classWords.contains(lower.filter { $0 != "-" && $0 != "_" }) { return true }
            for word in lower.split(whereSeparator: { $0 == "-" || $0 == "_" }) where classWords.contains(String(word)) {
                return true
            }
        }
        return false
    }

    /// Whole lines of furniture, compared after folding case and trailing dots.
    static let lines: Set<String> = [
        "share", "share this", "share link", "share on facebook", "share on twitter", "share via email",
        "copy link", "key events", "key event", "related articles", "related", "related stories",
        "leave a reply", "leave a comment", "exit mobile version", "skip to main content", "skip to content",
        "advertisement", "advertising", "sign up", "read more", "most read", "most popular", "show key events only",
        "please turn on javascript", "comments", "reuse this content", "cancel reply", "post comment", "δ", "Δ",
        "live", "updated", "topics",
    ]

    /// Lines of the comment form that follows "Leave a Reply".
    static let commentFormPrefixes = [
        "your email address will not be published", "required fields are marked", "save my name, email",
        "you must be logged in to post a comment", "this site uses akismet", "comment *", "name *", "email *",
        "website", "notify me of",
    ]

    /// `text` with its ASCII letters in lower case (others untouched): every furniture pattern
    /// is ASCII, so this is all matching needs, and it costs no Unicode case mapping.
    static func lowercase(_ text: String) -> String {
        String(decoding: text.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
    }

    /// True when `line` (already folded) is furniture on its own.
    static func isFurnitureLine(_ line: String) -> Bool {
        guard line.utf8.count <= 300, mightBeFurnitureLine(line) else { return false }
        var key = lowercase(line)
        while key.hasSuffix(".") || key.hasSuffix(":") { key.removeLast() }
        if lines.contains(key) { return true }
        if key.hasPrefix("sign up to ") || key.hasPrefix("sign up for ") || key.hasPrefix("subscribe to our") {
            return TextFolding.contains(key, "newsletter") || TextFolding.contains(key, "email")
        }
        if TextFolding.contains(key, "newsletter promotion") || key == "privacy notice" { return true }
        if key.hasPrefix("please turn on javascript") || key.hasPrefix("this article is more than") { return true }
        if TextFolding.contains(key, "cookie") {
            let words = ["we use", "accept", "consent", "settings", "preferences", "this site uses", "this website uses", "manage"]
            return words.contains { TextFolding.contains(key, $0) }
        }
        return false
    }

    /// The longest whole line of furniture, in bytes.
    private static let longestLine = (lines.map(\.utf8.count) + ["privacy notice".utf8.count]).max() ?? 0

    /// A test on bytes, without allocating, that every line ``isFurnitureLine(_:)`` accepts
    /// passes: short once trailing dots and colons are dropped, or starting with or containing
    /// one of its phrases in any ASCII case. Most paragraphs fail it after one pass over their
    /// bytes, most of them eight at a time.
    private static func mightBeFurnitureLine(_ line: String) -> Bool {
        var line = line
        return line.withUTF8 { bytes in
            var end = bytes.count
            while end > 0, bytes[end - 1] == UInt8(ascii: ".") || bytes[end - 1] == UInt8(ascii: ":") { end -= 1 }
            if end <= longestLine { return true }
            func lowered(_ index: Int) -> UInt8 {
                let byte = bytes[index]
                return byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
            }
            func matches(_ phrase: StaticString, at start: Int) -> Bool {
                guard start + phrase.utf8CodeUnitCount <= bytes.count else { return false }
                for offset in 0..<phrase.utf8CodeUnitCount where lowered(start + offset) != phrase.utf8Start[offset] { return false }
                return true
            }
            if matches("sign up", at: 0) || matches("subscribe to our", at: 0) || matches("please turn on javascript", at: 0)
                || matches("this article is more than", at: 0) {
                return true
            }
            // Look for the rarer letters, "coo(k)ie" and "ne(w)sletter", eight bytes at a time
            // (``SWAR``): a word with no k or w in any case is skipped whole.
            var index = 0
            while index < bytes.count {
                if index + 8 <= bytes.count {
                    let word = UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self) | (SWAR.ones &* 0x20)
                    if SWAR.bytes(equalTo: UInt8(ascii: "k"), word) | SWAR.bytes(equalTo: UInt8(ascii: "w"), word) == 0 {
                        index += 8
                        continue
                    }
                }
                switch bytes[index] | 0x20 {
                case UInt8(ascii: "k"): if index >= 3, matches("cookie", at: index - 3) { return true }
                case UInt8(ascii: "w"): if index >= 2, matches("newsletter promotion", at: index - 2) { return true }
                default: break
                }
                index += 1
            }
            return false
        }
    }

    /// True for the heading of a promotion box: "Sign up for the CorkBeo newsletter".
    static func isPromotionHeading(_ heading: String) -> Bool {
        guard heading.utf8.count <= 240 else { return false }
        let key = lowercase(heading)
        return TextFolding.contains(key, "newsletter") || key.hasPrefix("sign up") || key.hasPrefix("subscribe")
            || key.hasPrefix("get alerts") || key.hasPrefix("download the app") || key.hasPrefix("most read")
            || key.hasPrefix("most popular") || key.hasPrefix("trending")
    }

    /// True when `line` (folded) opens the comment form: "Leave a Reply", "Leave A Reply".
    static func opensCommentForm(_ line: String) -> Bool {
        guard line.utf8.count <= 40, (line.utf8.first ?? 0) | 0x20 == UInt8(ascii: "l") else { return false }
        let key = lowercase(line)
        return key == "leave a reply" || key == "leave a comment" || key.hasPrefix("leave a reply")
    }

    /// True when `line` (folded) belongs to a comment form.
    static func isCommentFormLine(_ line: String) -> Bool {
        guard line.utf8.count <= 300 else { return false }
        let key = lowercase(line)
        return commentFormPrefixes.contains(where: key.hasPrefix) || isFurnitureLine(line)
    }
}
