/// How one run of terminal output is coloured: a closed set of roles, each mapped to an ANSI SGR
/// code only when colour is on.
///
///     StyledRun("+ ", .added) with colour → "\u{1B}[32m+ \u{1B}[m"; without → "+ "
enum TerminalStyle: Sendable, Hashable {
    case plain, bold, dim, added, removed, edited, moved, entry, insertedWord, deletedWord

    /// The SGR parameters, nil for plain text.
    var sgr: String? {
        switch self {
        case .plain: nil
        case .bold: "1"
        case .dim: "2"
        case .added: "32"
        case .removed: "31"
        case .edited: "33"
        case .moved: "35"
        case .entry: "36"
        case .insertedWord: "1;32"
        case .deletedWord: "9;31"
        }
    }
}

/// A piece of terminal text in one style. Its text is already safe for a terminal
/// (``TerminalText/escape(_:keepLineBreaks:)`` has run on anything that came from an article).
struct StyledRun: Sendable, Hashable {
    var text: String
    var style: TerminalStyle

    init(_ text: String, _ style: TerminalStyle = .plain) {
        self.text = text
        self.style = style
    }
}

extension Array where Element == StyledRun {
    /// The runs as one line of output: each styled run wrapped in its SGR code and a reset when
    /// `color` is on, the bare text otherwise.
    func rendered(color: Bool) -> String {
        var out = ""
        for run in self where !run.text.isEmpty {
            if color, let sgr = run.style.sgr {
                out += "\u{1B}[" + sgr + "m" + run.text + "\u{1B}[m"
            } else {
                out += run.text
            }
        }
        return out
    }
}
