/// Labels that only say when something happened, which pages print beside entries, key events
/// and bylines: page furniture, never text of a block, a title or a key event.
///
///     "2h ago", "48m ago", "3 hours ago", "Published 1 hour ago"   → label (relative)
///     "Updated: 5 mins ago", "about 5 hours ago"                     → label
///     "il y a 5 minutes", "5 minuti fa", "hace 5 minutos", "vor 5 Minuten", "há 5 minutos"  → label
///     "Updated at 09.40 BST", "Last updated 5 minutes ago"          → label
///     "Posted at 13:05", "09.15 BST", "13:17 27 Feb", "5.27am"      → label (a clock time)
///     "Talks end at 10.45", "Seven died"                             → not a label
///
/// The test is on lower-case words, after a cheap check that spares most text any work: a
/// label is short, and holds a digit or is shorter still.
enum TimeLabel {
    /// True when `text` (folded) is a time label and nothing else.
    static func matches(_ text: String) -> Bool {
        guard !text.isEmpty, text.utf8.count <= 48,
              text.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) || text.utf8.count <= 32 else { return false }
        guard let words = labelWords(text) else { return false }
        return isRelative(words) || isClock(words)
    }

    /// `text`'s words after those that may open a label ("Last updated at"), nil when none is left.
    private static func labelWords(_ text: String) -> [String]? {
        var words = words(of: text)
        while let first = words.first, prefixWords.contains(withoutColon(first)) { words.removeFirst() }
        return words.isEmpty ? nil : words
    }

    /// `word` without a colon after it: "updated:" → "updated".
    private static func withoutColon(_ word: String) -> String {
        word.hasSuffix(":") ? String(word.dropLast()) : word
    }

    /// `title` (folded) without a label saying how long ago, which changes on every visit, at
    /// its start or, after a separator, at its end; a title that is nothing else stays as it is.
    /// Clock times stay: they do not change, and "Sunak to speak at 5pm" ends with one.
    ///
    ///     "1h ago Storm makes landfall"            → "Storm makes landfall"
    ///     "Updated 5 minutes ago: Storm hits"      → "Storm hits"
    ///     "Storm makes landfall · 1h ago"          → "Storm makes landfall"
    ///     "Storm makes landfall (35 minutes ago)"  → "Storm makes landfall"
    ///     "Storm makes landfall 1h ago", "5 things to know", "Now it's over"  → as they are
    static func withoutRelativeLabel(_ title: String) -> String {
        guard title.withUTF8Bytes(mayHoldRelativeLabel) else { return title }
        var words = title.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        // At the start, when the first word may open a label: the longest run of words that is
        // one, then any separator after it.
        if let first = words.first,
           first.first?.isASCIIDigit == true || openingWords.contains(Furniture.lowercase(withoutColon(first))) {
            // A label ends with "ago" or "fa", or opens with the words before a duration.
            let opensDuration = durationFirstWords.contains(Furniture.lowercase(words[0]))
            let closers = words.prefix(8).map { ["ago", "fa"].contains(Furniture.lowercase(withoutColon($0))) }
            for count in stride(from: min(8, words.count - 1), through: 1, by: -1) where opensDuration || closers[count - 1] {
                var label = words[..<count].joined(separator: " ")
                while let last = label.last, labelEnds.contains(last) { label.removeLast() }
                guard isRelativeLabel(label) else { continue }
                let rest = words[count...].drop { $0.allSatisfy { labelEnds.contains($0) || $0 == "-" || $0 == "–" || $0 == "—" } }
                if !rest.isEmpty { words = Array(rest) }
                break
            }
        }
        var text = words.count == 1 ? words[0] : words.joined(separator: " ")
        // At the end: in parentheses, or after " · ", " | ", " - ", " – ", " — ", ", ".
        var tail = Array(text.utf8)
        if tail.last == UInt8(ascii: ")"), let open = tail.lastIndex(of: UInt8(ascii: "(")), open > 0,
           isRelativeLabel(String(decoding: tail[(open + 1)..<(tail.count - 1)], as: UTF8.self)) {
            var end = open
            while end > 0, tail[end - 1] == UInt8(ascii: " ") { end -= 1 }
            tail = Array(tail[..<end])
            text = String(decoding: tail, as: UTF8.self)
        }
        for separator in trailingSeparators {
            guard let start = lastStart(of: separator, in: tail), start > 0,
                  isRelativeLabel(String(decoding: tail[(start + separator.count)...], as: UTF8.self)) else { continue }
            text = String(decoding: tail[..<start], as: UTF8.self)
            break
        }
        return text.isEmpty ? title : text
    }

    /// False when `bytes` cannot hold a label where ``withoutRelativeLabel(_:)`` looks (most
    /// titles, passed over on their bytes): a label holds a number, says "ago" or "fa" ("an
    /// hour ago") or opens with the words before a duration ("il y a une heure", "vor einer
    /// Stunde", "hace una hora", "há uma hora"), and stands first (opening with a number or an
    /// opening word), in parentheses at the end, or after a separator, in the 48 bytes at most a
    /// label takes.
    private static func mayHoldRelativeLabel(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress, let firstByte = bytes.first else { return false }
        func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
        /// A digit, "ago" or " fa" ("an hour ago", "un'ora fa"), or the words that open a
        /// duration, in one pass.
        func holdsLabelWord(_ part: UnsafeBufferPointer<UInt8>) -> Bool {
            var index = 0
            while index < part.count {
                let byte = part[index]
                if isDigit(byte) { return true }
                if index + 3 < part.count, durationOpeners.contains(where: { opener in
                    index + opener.count <= part.count && (index == 0 || part[index - 1] == UInt8(ascii: " "))
                        && opener.indices.allSatisfy { Furniture.lowercased(part[index + $0]) == opener[$0] }
                }) {
                    return true
                }
                if index + 2 < part.count, byte == UInt8(ascii: "a") || byte == UInt8(ascii: " "),
                   byte == UInt8(ascii: "a") ? part[index + 1] == UInt8(ascii: "g") && part[index + 2] == UInt8(ascii: "o")
                                             : part[index + 1] == UInt8(ascii: "f") && part[index + 2] == UInt8(ascii: "a") {
                    return true
                }
                index += 1
            }
            return false
        }
        guard holdsLabelWord(bytes) else { return false }   // most titles end here
        // At the start.
        if holdsLabelWord(UnsafeBufferPointer(rebasing: bytes.prefix(64))) {
            var firstWord = bytes.prefix { $0 != UInt8(ascii: " ") }
            if firstWord.last == UInt8(ascii: ":") { firstWord = firstWord.dropLast() }
            if isDigit(firstByte) || firstWord.count <= 12 && openingWords.contains(String(decoding: firstWord.map(Furniture.lowercased), as: UTF8.self)) {
                return true
            }
        }
        // At the end: what follows the last "(" or separator.
        let tailStart = max(0, bytes.count - 48)
        let tail = UnsafeBufferPointer(start: base + tailStart, count: bytes.count - tailStart)
        guard holdsLabelWord(tail) else { return false }
        let tailBytes = Array(tail)
        return bytes.last == UInt8(ascii: ")") || trailingSeparators.contains { lastStart(of: $0, in: tailBytes) != nil }
    }

    /// The words before a duration in ``relativeForms`` ("il y a", "hace", "vor", "há"); their
    /// first words; and each as bytes with the space after it, as a title holds them.
    private static let durationOpenings = relativeForms.map(\.opening).filter { !$0.isEmpty }
    private static let durationFirstWords = Set(durationOpenings.map { $0[0] })
    private static let durationOpeners = durationOpenings.map { Array(($0.joined(separator: " ") + " ").utf8) }

    /// What may open a label: a number, an article ("an hour ago"), the words before a
    /// duration in French, Spanish, German and Portuguese, and those before a label ("Updated").
    private static let openingWords = prefixWords.union(articles).union(durationFirstWords).union(["just"])
    private static let trailingSeparators = [" · ", " | ", " - ", " – ", " — ", ", "].map { Array($0.utf8) }

    /// Where the last `needle` in `bytes` starts.
    private static func lastStart(of needle: [UInt8], in bytes: [UInt8]) -> Int? {
        guard needle.count <= bytes.count else { return nil }
        var start = bytes.count - needle.count
        while start >= 0 {
            if bytes[start] == needle[0], bytes[start..<(start + needle.count)].elementsEqual(needle) { return start }
            start -= 1
        }
        return nil
    }

    /// What may close a label at a title's start: "Updated 5 minutes ago: …", "1h ago · …".
    private static let labelEnds: Set<Character> = [":", "·", "|"]

    /// True when `text` is a label saying how long ago, with its opening words ("Updated"), and
    /// nothing else; a clock time is not one.
    static func isRelativeLabel(_ text: String) -> Bool {
        guard !text.isEmpty, text.utf8.count <= 48, let words = labelWords(text) else { return false }
        return isRelative(words)
    }

    /// `text`'s words in lower case: what lies between spaces, commas, bars and middle dots.
    /// An ASCII text (nearly every one) is split on its bytes, which splits it where its
    /// characters split; any other is split by characters, where a combining mark after a
    /// space makes the two one character and no separator.
    static func words(of text: String) -> [String] {
        let ascii: [String]? = text.withUTF8Bytes { bytes in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
            var words: [String] = []
            var start = 0
            while start < bytes.count {
                var end = start
                while end < bytes.count, !isSeparator(bytes[end]) { end += 1 }
                if end > start {
                    words.append(String(unsafeUninitializedCapacity: end - start) { word in
                        for index in start..<end { word[index - start] = Furniture.lowercased(bytes[index]) }
                        return end - start
                    })
                }
                start = end + 1
            }
            return words
        }
        return ascii ?? wordsByCharacters(of: text)
    }

    /// ``words(of:)`` read by characters: for a text with a byte above ASCII, and the reference
    /// the byte reading is tested against.
    static func wordsByCharacters(of text: String) -> [String] {
        Furniture.lowercase(text).split(whereSeparator: { $0 == " " || $0 == "," || $0 == "|" || $0 == "·" }).map(String.init)
    }

    /// The ASCII bytes that separate words: space, comma and bar.
    private static func isSeparator(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: ",") || byte == UInt8(ascii: "|")
    }

    /// Words that may open a label (with a colon or not): "Last updated at", "Published",
    /// "Posted at", "First published on", "about", "Aggiornato", "Mis à jour", "Actualizado".
    private static let prefixWords: Set<String> = [
        "published", "updated", "last", "posted", "at", "on", "first", "modified", "about", "around", "over", "almost", "nearly",
        "-", "–", "aggiornato", "pubblicato", "mis", "à", "jour", "publié", "actualizado", "publicado", "aktualisiert",
        "veröffentlicht", "atualizado",
    ]

    /// "2h ago", "48 mins ago", "an hour ago", "just now", "1 hour, 5 minutes ago", and the same
    /// in French, Italian, Spanish, German and Portuguese (already split in words).
    private static func isRelative(_ words: [String]) -> Bool {
        if words == ["just", "now"] || words == ["now"] { return true }
        return relativeForms.contains { form in
            words.count > form.opening.count + form.closing.count && words.starts(with: form.opening)
                && words.suffix(form.closing.count).elementsEqual(form.closing)
                && isDuration(words[form.opening.count..<(words.count - form.closing.count)], units: form.units)
        }
    }

    /// "3 hours", "an hour", "3h", "48m", "5min", "1 hour 5 minutes", "5 hours and 8 minutes".
    private static func isDuration(_ words: ArraySlice<String>, units: Set<String>) -> Bool {
        var index = words.startIndex
        while index < words.endIndex {
            let word = words[index]
            if articles.contains(word) || word.allSatisfy(\.isASCIIDigit) {
                guard index + 1 < words.endIndex, units.contains(words[index + 1]) else { return false }
                index += 2
            } else {
                let digits = word.prefix(while: \.isASCIIDigit)
                guard !digits.isEmpty, units.contains(String(word.dropFirst(digits.count))) else { return false }
                index += 1
            }
            if index < words.endIndex, connectives.contains(words[index]) { index += 1 }
        }
        return true
    }

    /// How each language says "N units ago": the words before the duration and after it.
    private static let relativeForms: [(opening: [String], closing: [String], units: Set<String>)] = [
        ([], ["ago"], [
            "s", "sec", "secs", "second", "seconds", "m", "min", "mins", "minute", "minutes", "h", "hr", "hrs", "hour",
            "hours", "d", "day", "days", "w", "wk", "wks", "week", "weeks",
        ]),
        ([], ["fa"], ["secondo", "secondi", "min", "minuto", "minuti", "ora", "ore", "giorno", "giorni", "settimana", "settimane"]),
        (["il", "y", "a"], [], ["s", "seconde", "secondes", "min", "minute", "minutes", "h", "heure", "heures", "jour", "jours",
                                "semaine", "semaines"]),
        (["hace"], [], ["s", "segundo", "segundos", "min", "minuto", "minutos", "h", "hora", "horas", "día", "días", "dia", "dias",
                        "semana", "semanas"]),
        (["vor"], [], ["s", "sekunde", "sekunden", "min", "minute", "minuten", "std", "stunde", "stunden", "tag", "tagen",
                       "woche", "wochen"]),
        (["há"], [], ["s", "segundo", "segundos", "min", "minuto", "minutos", "h", "hora", "horas", "dia", "dias", "semana", "semanas"]),
    ]

    /// "an hour", "une heure", "una hora", "einer Stunde", "uma hora".
    private static let articles: Set<String> = ["a", "an", "un", "une", "una", "uno", "uma", "um", "einer", "einem"]
    /// "5 hours and 8 minutes", "5 ore e 8 minuti", "5 heures et 8 minutes", "5 horas y 8 minutos", "5 Stunden und 8 Minuten".
    private static let connectives: Set<String> = ["and", "e", "et", "y", "und"]

    /// "09.15 bst", "13:05", "5.27am", "13:17 27 feb", "11:38 am gmt" (already split in words).
    private static func isClock(_ words: [String]) -> Bool {
        var index = 0
        guard isClockWord(words[0]) else { return false }
        index = 1
        if index < words.count, words[index] == "am" || words[index] == "pm" { index += 1 }
        if index < words.count, zones.contains(words[index]) { index += 1 }
        // An optional date after the clock: "27 feb", "27 february 2018", "on 27 feb".
        if index < words.count, words[index] == "on" { index += 1 }
        if index < words.count, words[index].count <= 2, words[index].allSatisfy(\.isASCIIDigit) {
            index += 1
            guard index < words.count, months.contains(where: words[index].hasPrefix), words[index].count >= 3 else { return false }
            index += 1
            if index < words.count, words[index].count == 4, words[index].allSatisfy(\.isASCIIDigit) { index += 1 }
        }
        return index == words.count
    }

    /// "09.15", "13:05", "5.27am", "11:38pm".
    private static func isClockWord(_ word: String) -> Bool {
        var rest = Substring(word)
        if rest.hasSuffix("am") || rest.hasSuffix("pm") { rest = rest.dropLast(2) }
        let hour = rest.prefix(while: \.isASCIIDigit)
        guard (1...2).contains(hour.count), let separator = rest.dropFirst(hour.count).first, separator == "." || separator == ":" else { return false }
        let minute = rest.dropFirst(hour.count + 1)
        guard minute.count == 2, minute.allSatisfy(\.isASCIIDigit), let h = Int(hour), h <= 23, let m = Int(minute), m <= 59 else { return false }
        return true
    }

    private static let zones: Set<String> = ["bst", "gmt", "utc", "ist", "cet", "cest", "est", "edt", "pst", "pdt", "aest", "aedt", "uk"]
    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
}

extension Character {
    /// True for 0–9 only (not other scripts' digits).
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
