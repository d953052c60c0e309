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
        var words = words(of: text)
        while let first = words.first, prefixWords.contains(first.hasSuffix(":") ? String(first.dropLast()) : first) {
            words.removeFirst()
        }
        guard !words.isEmpty else { return false }
        return isRelative(words) || isClock(words)
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
        // A label holds a number or says "an hour ago" ("just now" is not taken: "Now it's …").
        guard title.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 })
                || ["ago", " fa", "il y a", "hace ", "vor ", "há "].contains(where: title.contains) else { return title }
        var words = title.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        // At the start: the longest run of words that is a label, then any separator after it.
        for count in stride(from: min(8, words.count - 1), through: 1, by: -1) {
            var label = words[..<count].joined(separator: " ")
            while let last = label.last, labelEnds.contains(last) { label.removeLast() }
            guard isRelativeLabel(label), !label.hasSuffix("now") else { continue }
            let rest = words[count...].drop { $0.allSatisfy { labelEnds.contains($0) || $0 == "-" || $0 == "–" || $0 == "—" } }
            if !rest.isEmpty { words = Array(rest) }
            break
        }
        var text = words.joined(separator: " ")
        // At the end: after " · ", " | ", " - ", " – ", " — ", ", ", or in parentheses.
        if text.hasSuffix(")"), let open = text.lastIndex(of: "("), open > text.startIndex,
           isRelativeLabel(String(text[text.index(after: open)..<text.index(before: text.endIndex)])) {
            text = String(text[..<open]).trimmingCharacters(in: .whitespaces)
        }
        for separator in [" · ", " | ", " - ", " – ", " — ", ", "] {
            guard let range = text.range(of: separator, options: .backwards), range.lowerBound > text.startIndex,
                  isRelativeLabel(String(text[range.upperBound...])) else { continue }
            text = String(text[..<range.lowerBound])
            break
        }
        return text.isEmpty ? title : text
    }

    /// What may close a label at a title's start: "Updated 5 minutes ago: …", "1h ago · …".
    private static let labelEnds: Set<Character> = [":", "·", "|"]

    /// True when `text` is a label saying how long ago, with its opening words ("Updated"), and
    /// nothing else; a clock time is not one.
    static func isRelativeLabel(_ text: String) -> Bool {
        guard !text.isEmpty, text.utf8.count <= 48 else { return false }
        var words = words(of: text)
        while let first = words.first, prefixWords.contains(first.hasSuffix(":") ? String(first.dropLast()) : first) {
            words.removeFirst()
        }
        return !words.isEmpty && isRelative(words)
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
