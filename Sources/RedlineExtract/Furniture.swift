import RedlineText
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
        "source", "img", "head", "title", "meta", "link", "dialog", "menu", "figure", "figcaption",
    ]

    /// Tags whose text is never article text, even inside an entry's own header.
    static let alwaysTags: Set<String> = [
        "script", "style", "noscript", "template", "nav", "aside", "form", "iframe", "svg", "button", "select",
        "option", "textarea", "input", "object", "embed", "head", "title", "meta", "link", "dialog",
    ]

    /// Tags whose subtree is furniture unless it holds most of the page's text: a page-wide
    /// ASP.NET `<form>`, an article put in a `<header>`, a body inside `<noscript>`.
    static let softTags: Set<String> = ["form", "header", "noscript"]

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

    /// Whole lines of furniture, compared after folding case and trailing dots.
    static let lines: Set<String> = [
        "share", "share this", "share link", "share on facebook", "share on twitter", "share via email",
        "copy link", "key events", "key event", "related articles", "related", "related stories",
        "leave a reply", "leave a comment", "exit mobile version", "skip to main content", "skip to content",
        "advertisement", "advertising", "sign up", "read more", "most read", "most popular", "show key events only",
        "please turn on javascript", "comments", "reuse this content", "cancel reply", "post comment", "δ", "Δ",
        "live", "updated", "topics",
        // Live-blog furniture of the Guardian's and the BBC's copied pages.
        "live feed", "live reporting", "get involved", "all times stated are uk", "share this post", "share by email",
        "copy this link", "most viewed", "top stories", "older", "oldest", "previous page", "next page",
        // Links to other stories and player chrome set between paragraphs.
        "continue reading below", "story continues below", "don't miss", "don’t miss", "close", "video",
        // Picture chrome.
        "enlarge this image", "hide caption", "toggle caption", "expand image",
    ]

    /// Openings of a line that points the reader at another story ("READ MORE: Hong Kong protests …").
    private static let elsewherePrefixes: [StaticString] = ["read more:", "see more:", "read more |", "related:"]

    /// Lines that head what follows a live blog's feed or an article's body (a "most read" box,
    /// the feed's pagination): nothing after them is the article's until the next time stamp.
    static let boxHeadings: [StaticString] = [
        "most read", "most viewed", "most popular", "top stories", "older", "oldest", "previous page", "next page",
    ]

    /// True when `line` (folded, a furniture line) is one of ``boxHeadings``.
    static func opensBox(_ line: String) -> Bool {
        boxHeadings.contains { equalsIgnoringCase(line, $0) }
    }

    /// Openings of a line that is only a label and a time: "Updated at 09.40 BST", "Posted at 12:25",
    /// "Last updated 5 minutes ago", "Published 1 hour ago", "First published on Thu 23 Jun 2016 20.55 BST".
    private static let timeLabels: [StaticString] = ["updated at ", "last updated ", "posted at ", "published ", "first published on "]
    /// The first bytes of ``timeLabels``: most lines need no other test.
    private static let timeLabelInitials: [UInt8] = [UInt8(ascii: "u"), UInt8(ascii: "l"), UInt8(ascii: "p"), UInt8(ascii: "f")]

    /// Lines of the comment form that follows "Leave a Reply".
    static let commentFormPrefixes = [
        "your email address will not be published", "required fields are marked", "save my name, email",
        "you must be logged in to post a comment", "this site uses akismet", "comment *", "name *", "email *",
        "website", "notify me of",
    ]

    /// True for the kicker a page sets above a headline inside its heading, by its class
    /// (`dachzeile`, `article-header__roofline`, `ts-overline`, `a-article-teaser__kicker`,
    /// `c-topline`, `supertitle`, `pretitle`, `eyebrow`): a word of the class that ends so.
    static func isKicker(_ node: HTMLNode) -> Bool {
        guard node.kind == .element, let classes = node.attribute("class") else { return false }
        return lowercase(classes).split(whereSeparator: { !$0.isLetter }).contains { word in
            kickerWords.contains { word.hasSuffix($0) }
        }
    }

    private static let kickerWords = ["kicker", "topline", "roofline", "overline", "dachzeile", "supertitle", "pretitle", "eyebrow"]

    /// `text` with its ASCII letters in lower case (others untouched): every furniture pattern
    /// is ASCII, so this is all matching needs, and it costs no Unicode case mapping.
    static func lowercase(_ text: String) -> String {
        text.withUTF8Bytes { bytes in
            String(unsafeUninitializedCapacity: bytes.count) { output in
                for (index, byte) in bytes.enumerated() { output[index] = lowercased(byte) }
                return bytes.count
            }
        }
    }

    /// `byte` in lower case when it is an ASCII capital.
    static func lowercased(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }

    /// True when `text` is `phrase` (lower-case ASCII) in any ASCII case, compared on bytes
    /// without making a lower-case copy.
    static func equalsIgnoringCase(_ text: String, _ phrase: StaticString) -> Bool {
        guard text.utf8.count == phrase.utf8CodeUnitCount else { return false }
        return text.withUTF8Bytes { matches(phrase, in: $0, at: 0) }
    }

    /// True when `phrase` (lower-case ASCII) occurs in `bytes` at `start`, in any ASCII case.
    private static func matches(_ phrase: StaticString, in bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
        guard start >= 0, start + phrase.utf8CodeUnitCount <= bytes.count else { return false }
        for offset in 0..<phrase.utf8CodeUnitCount where lowercased(bytes[start + offset]) != phrase.utf8Start[offset] {
            return false
        }
        return true
    }

    /// True when `line` (already folded) is furniture on its own.
    static func isFurnitureLine(_ line: String) -> Bool {
        line.utf8.count <= 300 && mightBeFurnitureLine(line) && readsAsFurniture(line)
    }

    /// ``isFurnitureLine(_:)``'s test itself, on a lower-case copy of `line`: the byte test
    /// ``mightBeFurnitureLine(_:)`` spares most lines the copy.
    static func readsAsFurniture(_ line: String) -> Bool {
        var key = lowercase(line)
        while key.hasSuffix(".") || key.hasSuffix(":") { key.removeLast() }
        if lines.contains(key) { return true }
        if key.hasPrefix("sign up to ") || key.hasPrefix("sign up for ") || key.hasPrefix("subscribe to our") {
            return TextFolding.contains(key, "newsletter") || TextFolding.contains(key, "email")
        }
        if TextFolding.contains(key, "newsletter promotion") || key == "privacy notice" { return true }
        if key.utf8.count <= 200, line.withUTF8Bytes({ bytes in elsewherePrefixes.contains { matches($0, in: bytes, at: 0) } }) { return true }
        if key.hasPrefix("please turn on javascript") || key.hasPrefix("this article is more than") { return true }
        if let label = line.withUTF8Bytes({ bytes in timeLabels.first { matches($0, in: bytes, at: 0) } }) {
            let time = String(Substring(line.utf8.dropFirst(label.utf8CodeUnitCount)))
            if PlainTextLine.timeStamp(of: time) != nil { return true }
        }
        if TextFolding.contains(key, "cookie") {
            let words = ["we use", "accept", "consent", "settings", "preferences", "this site uses", "this website uses", "manage"]
            return words.contains { TextFolding.contains(key, $0) }
        }
        return false
    }

    /// The longest whole line of furniture, in bytes.
    private static let longestLine = (lines.map(\.utf8.count) + ["privacy notice".utf8.count]).max() ?? 0

    /// The first bytes of the whole lines of furniture, in lower case: a short line starting
    /// with any other byte (a time, "21:04") is none of them.
    private static let lineInitials: [Bool] = {
        var initials = [Bool](repeating: false, count: 256)
        for line in lines.union(["privacy notice"]) {
            if let first = line.utf8.first { initials[Int(lowercased(first))] = true }
        }
        return initials
    }()

    /// A test on bytes, without allocating, that every line ``isFurnitureLine(_:)`` accepts
    /// passes: short once trailing dots and colons are dropped and starting like a whole line
    /// of furniture, or starting with or containing one of its phrases in any ASCII case. Most
    /// lines fail it after one pass over their bytes, eight at a time.
    static func mightBeFurnitureLine(_ line: String) -> Bool {
        line.withUTF8Bytes { bytes in
            guard let first = bytes.first else { return false }
            var end = bytes.count
            while end > 0, bytes[end - 1] == UInt8(ascii: ".") || bytes[end - 1] == UInt8(ascii: ":") { end -= 1 }
            if end <= longestLine, lineInitials[Int(lowercased(first))] { return true }
            if matches("sign up", in: bytes, at: 0) || matches("subscribe to our", in: bytes, at: 0)
                || end <= 200 && elsewherePrefixes.contains(where: { matches($0, in: bytes, at: 0) })
                || matches("please turn on javascript", in: bytes, at: 0) || matches("this article is more than", in: bytes, at: 0)
                || end <= 64 && timeLabelInitials.contains(lowercased(first)) && timeLabels.contains(where: { matches($0, in: bytes, at: 0) }) {
                return true
            }
            // Look for "cookie" and "newsletter promotion" (any ASCII case) by the rare triples two
            // bytes into them, "oki" and "wsl" (k and w alone are too common in English): one test
            // for both, eight starting places at a time (``SWAR``).
            let base = UnsafeRawPointer(bytes.baseAddress!)
            func mightStartPhrase(inWindowAt index: Int) -> Bool {
                SWAR.mightHaveSequence((0x6F, 0x6B, 0x69), or: (0x77, 0x73, 0x6C),         // "oki", "wsl"
                                       base.loadUnaligned(fromByteOffset: index + 2, as: UInt64.self),
                                       base.loadUnaligned(fromByteOffset: index + 3, as: UInt64.self),
                                       base.loadUnaligned(fromByteOffset: index + 4, as: UInt64.self))
            }
            // Out of line: inlined, it leaves the loop below too few registers for its constants.
            @inline(never) func startsPhrase(_ index: Int) -> Bool {
                switch lowercased(bytes[index]) {
                case UInt8(ascii: "c"): matches("cookie", in: bytes, at: index)
                case UInt8(ascii: "n"): matches("newsletter promotion", in: bytes, at: index)
                default: false
                }
            }
            var index = 0
            while index + 12 <= bytes.count {
                if mightStartPhrase(inWindowAt: index), (index..<index + 8).contains(where: startsPhrase) { return true }
                index += 8
            }
            // The last starting places: in one more window, ending with the line (a byte looked at
            // twice is harmless), or one by one in a line too short for a window.
            if bytes.count >= 12, !mightStartPhrase(inWindowAt: bytes.count - 12) { return false }
            return (index..<bytes.count).contains(where: startsPhrase)
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
        guard line.utf8.count <= 40, let first = line.withUTF8Bytes({ $0.first }), first | 0x20 == UInt8(ascii: "l") else { return false }
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
