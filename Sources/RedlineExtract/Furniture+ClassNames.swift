import RedlineText

/// Class names and ids that mark furniture, judged word by word.
///
///     "cookie-banner"            → furniture ("cookie")
///     "mostRead sidebar"         → furniture ("mostread" once its joiners are gone, "sidebar")
///     "section--ads"             → kept (a BEM modifier says how a box looks, not what it is)
///     "has-sidebar", "non-ads"   → kept (a state prefix, a negation)
///     "live-event-entry"         → kept
///
/// A page has a thousand of these values, most of them unique ids, so an ASCII value (nearly
/// all of them) is read on its bytes without copying it; a value with any other byte is read
/// by characters, with Unicode's case mapping and white space (the Kelvin sign lower-cases to
/// an ASCII `k`, U+00A0 separates names).
extension Furniture {
    /// Words in class names and ids that mark furniture (`cookie-banner`, `most-read`, `link-share`).
    static let classWords: Set<String> = [
        "cookie", "cookies", "consent", "gdpr", "newsletter", "newsletters", "mostread", "mostpopular", "popular",
        "trending", "related", "share", "sharing", "sharebar", "social", "socials", "facebook", "twitter", "whatsapp",
        "linkedin", "pinterest", "telegram", "reddit", "breadcrumb", "breadcrumbs", "advert", "advertisement",
        "adslot", "ads", "promo", "promotion", "subscribe", "subscription", "comments", "comment", "sidebar",
        "navbar", "navigation", "footer", "outbrain", "taboola", "banner", "skip", "sronly", "toolbar",
        "tooltip", "modal", "popup", "recommended", "recirculation", "tag", "tags", "topics", "byline", "notification",
        "notifications", "alerts", "morenews", "morestories", "moreposts", "recirc", "gallery", "carousel", "slideshow", "ticker", "breakingnews", "cta", "nextprev", "prevnext", "pagination",
        // Captions and credits of pictures, and cards of other stories set into the text.
        "caption", "captions", "credit", "credits", "teaser", "teasers",
    ]

    /// Class-name prefixes that describe a state, not a box (`has-sidebar`, `no-comments`), or
    /// label what a post is filed under (WordPress's `tag-sport`, `category-no-newsletter-rss`).
    private static let statePrefixes = ["has-", "is-", "with-", "no-", "non-", "not-", "show-", "hide-", "tag-", "category-"]

    /// Words that turn the furniture word after them into its opposite (`non-paywall`, `no-ads`).
    private static let negations: Set<Substring> = ["no", "non", "not", "without"]

    /// True when a `class` or `id` value names furniture: one of its names is, or is made of,
    /// a furniture word (`cookie-banner`, `mostRead`, `link-share`).
    ///
    /// Whole words only, and not every word: a BEM modifier (`section--ads`, `card--promo`) says
    /// what a box has or how it looks, not what it is, so only the name before `--` counts; a
    /// word after a negation (`non-paywall`, `article-no-ads`) counts for nothing.
    static func isFurnitureName(_ value: String) -> Bool {
        value.withUTF8Bytes { bytes in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return isFurnitureNameByCharacters(value) }
            var start = 0
            while start < bytes.count {
                var end = start
                while end < bytes.count, !isASCIISpace(bytes[end]) { end += 1 }
                if end > start, isFurnitureName(bytes, start..<end) { return true }
                start = end + 1
            }
            return false
        }
    }

    /// ``isFurnitureName(_:)`` for one name of an ASCII value, `bytes[name]` (no white space in it).
    private static func isFurnitureName(_ bytes: UnsafeBufferPointer<UInt8>, _ name: Range<Int>) -> Bool {
        var end = name.upperBound
        for index in name.dropLast() where bytes[index] == UInt8(ascii: "-") && bytes[index + 1] == UInt8(ascii: "-") {
            end = index
            break
        }
        let name = name.lowerBound..<end
        if name.isEmpty || statePrefixBytes.contains(where: { startsWith($0, bytes, name) }) { return false }
        if spellsClassWord(bytes, name, droppingJoiners: true) { return true }
        var negated = false
        var start = name.lowerBound
        while start < name.upperBound {
            var end = start
            while end < name.upperBound, !isJoiner(bytes[end]) { end += 1 }
            if end > start {
                if !negated, spellsClassWord(bytes, start..<end, droppingJoiners: false) { return true }
                negated = negationBytes.contains { spells($0, bytes, start..<end) }
            }
            start = end + 1
        }
        return false
    }

    /// The white space `Character.isWhitespace` finds among ASCII bytes: tab, line feed, vertical
    /// tab, form feed, carriage return and space.
    private static func isASCIISpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte >= 0x09 && byte <= 0x0D
    }

    /// The bytes that join the words of a name: `-` and `_`.
    private static func isJoiner(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
    }

    /// ``classWords`` as bytes, by length: `classWordBytes[3]` holds "ads", "cta", "tag".
    private static let classWordBytes: [[[UInt8]]] = {
        var byLength = [[[UInt8]]](repeating: [], count: (classWords.map(\.utf8.count).max() ?? 0) + 1)
        for word in classWords.sorted() { byLength[word.utf8.count].append(Array(word.utf8)) }
        return byLength
    }()

    private static let statePrefixBytes = statePrefixes.map { Array($0.utf8) }
    private static let negationBytes = negations.map { Array($0.utf8) }

    /// True when `bytes[name]` in lower case, without its joiners when `droppingJoiners`, is one
    /// of ``classWords``.
    private static func spellsClassWord(_ bytes: UnsafeBufferPointer<UInt8>, _ name: Range<Int>, droppingJoiners: Bool) -> Bool {
        let length = droppingJoiners ? name.count { !isJoiner(bytes[$0]) } : name.count
        guard length < classWordBytes.count else { return false }
        return classWordBytes[length].contains { word in
            var index = name.lowerBound
            for expected in word {
                while droppingJoiners, isJoiner(bytes[index]) { index += 1 }
                if lowercased(bytes[index]) != expected { return false }
                index += 1
            }
            return true
        }
    }

    /// True when `bytes[name]` in lower case is `word`.
    private static func spells(_ word: [UInt8], _ bytes: UnsafeBufferPointer<UInt8>, _ name: Range<Int>) -> Bool {
        name.count == word.count && startsWith(word, bytes, name)
    }

    /// True when `bytes[name]` in lower case starts with `prefix`.
    private static func startsWith(_ prefix: [UInt8], _ bytes: UnsafeBufferPointer<UInt8>, _ name: Range<Int>) -> Bool {
        name.count >= prefix.count && prefix.indices.allSatisfy { lowercased(bytes[name.lowerBound + $0]) == prefix[$0] }
    }

    /// ``isFurnitureName(_:)`` read by characters, with Unicode's white space and case mapping:
    /// for a value with a byte above ASCII, and the reference the byte reading is tested against.
    static func isFurnitureNameByCharacters(_ value: String) -> Bool {
        for name in value.split(whereSeparator: \.isWhitespace) {
            var lower = Substring(name.lowercased())
            if let modifier = lower.range(of: "--") { lower = lower[..<modifier.lowerBound] }
            if lower.isEmpty || statePrefixes.contains(where: lower.hasPrefix) { continue }
            if classWords.contains(lower.filter { $0 != "-" && $0 != "_" }) { return true }
            var negated = false
            for word in lower.split(whereSeparator: { $0 == "-" || $0 == "_" }) {
                if !negated, classWords.contains(String(word)) { return true }
                negated = negations.contains(word)
            }
        }
        return false
    }
}
