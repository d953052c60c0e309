/// Fits styled text to a terminal's width, breaking lines only at spaces so no word is cut.
///
///     width 16, [("Ukraine ", plain), ("may", deletedWord), ("will", insertedWord), (" not accept the plan", plain)]
///     → "Ukraine maywill"   (15 columns: the word "maywill" spans two runs and stays whole)
///       "not accept the"
///       "plan"
///
/// The spaces at a break are dropped. A word wider than the whole line is not cut: it gets a line
/// of its own and overflows it (as a long URL does in `less`). Widths count terminal columns:
/// combining marks take none, East Asian wide characters and emoji take two.
enum TextWrap {
    /// `runs` as lines no wider than `width` columns (except for single over-long words).
    /// Always at least one line, possibly empty.
    static func wrap(_ runs: [StyledRun], width: Int) -> [[StyledRun]] {
        var wrapper = Wrapper(width: max(width, 1))
        for run in runs {
            wrapper.add(run)
        }
        return wrapper.finish()
    }

    /// The number of terminal columns `text` takes.
    static func columns(_ text: Substring) -> Int {
        let utf8 = text.utf8
        if utf8.allSatisfy({ $0 < 0x80 }) { return utf8.count }
        var count = 0
        for scalar in text.unicodeScalars {
            count += columns(scalar)
        }
        return count
    }

    /// The number of terminal columns `text` takes.
    static func columns(_ text: String) -> Int { columns(text[...]) }

    private static func columns(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x300 { return 1 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if (0xFE00...0xFE0F).contains(value) || (0xE0100...0xE01EF).contains(value) { return 0 }
        if (0x1100...0x115F).contains(value) || (0x2E80...0x303E).contains(value) || (0x3041...0x33FF).contains(value)
            || (0x3400...0x4DBF).contains(value) || (0x4E00...0x9FFF).contains(value) || (0xA000...0xA4CF).contains(value)
            || (0xAC00...0xD7A3).contains(value) || (0xF900...0xFAFF).contains(value) || (0xFE30...0xFE4F).contains(value)
            || (0xFF00...0xFF60).contains(value) || (0xFFE0...0xFFE6).contains(value) || (0x1F300...0x1F64F).contains(value)
            || (0x1F900...0x1F9FF).contains(value) || (0x20000...0x3FFFD).contains(value) {
            return 2
        }
        return 1
    }

    /// The greedy line filler: words are gathered piece by piece (a word may span runs), then
    /// placed on the current line or, when they do not fit, on a new one.
    private struct Wrapper {
        let width: Int
        var lines: [[StyledRun]] = []
        var line: [StyledRun] = []
        var lineWidth = 0
        var spaces: [StyledRun] = []
        var spacesWidth = 0
        var word: [StyledRun] = []
        var wordWidth = 0

        init(width: Int) { self.width = width }

        mutating func add(_ run: StyledRun) {
            let text = run.text
            let utf8 = text.utf8
            var start = utf8.startIndex
            var inSpace: Bool? = nil
            var index = start
            while index != utf8.endIndex {
                let isSpace = utf8[index] == 0x20
                if let current = inSpace, current != isSpace {
                    piece(text[start..<index], style: run.style, isSpace: current)
                    start = index
                }
                inSpace = isSpace
                index = utf8.index(after: index)
            }
            if let current = inSpace {
                piece(text[start..<index], style: run.style, isSpace: current)
            }
        }

        private mutating func piece(_ text: Substring, style: TerminalStyle, isSpace: Bool) {
            if isSpace {
                placeWord()
                spaces.append(StyledRun(String(text), style))
                spacesWidth += text.utf8.count
            } else {
                word.append(StyledRun(String(text), style))
                wordWidth += TextWrap.columns(text)
            }
        }

        private mutating func placeWord() {
            guard !word.isEmpty else { return }
            if !line.isEmpty, lineWidth + spacesWidth + wordWidth > width {
                lines.append(line)
                line = []
                lineWidth = 0
            } else if !line.isEmpty {
                append(spaces)
                lineWidth += spacesWidth
            }
            append(word)
            lineWidth += wordWidth
            spaces = []
            spacesWidth = 0
            word = []
            wordWidth = 0
        }

        private mutating func append(_ runs: [StyledRun]) {
            for run in runs {
                if let last = line.last, last.style == run.style {
                    line[line.count - 1].text += run.text
                } else {
                    line.append(run)
                }
            }
        }

        mutating func finish() -> [[StyledRun]] {
            placeWord()
            if !line.isEmpty || lines.isEmpty { lines.append(line) }
            return lines
        }
    }
}
