/// The common subset of CSS selectors, translated to the XPath 1.0 that libxml2 evaluates.
///
///     "#liveblog-body"            → //*[@id='liveblog-body']
///     "div.post p"                → //div[contains(concat(' ',normalize-space(@class),' '),' post ')]//p
///     "main > article[data-x=1]"  → //main/article[@data-x='1']
///     "h1, .lead"                 → //h1 | //*[contains(concat(' ',normalize-space(@class),' '),' lead ')]
///
/// Supported: type (`p`, `*`), `#id`, `.class`, attributes (`[a]`, `[a=v]`, `[a~=v]`, `[a^=v]`,
/// `[a$=v]`, `[a*=v]`, values bare or quoted), the descendant (space) and child (`>`) combinators,
/// and lists (`,`). Anything else (pseudo-classes, `+`, `~`) is refused with the reason.
enum CSSSelector {
    /// Why a selector cannot be translated.
    struct Unsupported: Error {
        var reason: String
    }

    /// The XPath expression that selects what `css` selects.
    static func xpath(_ css: String) throws -> String {
        var scanner = Scanner(Array(css.unicodeScalars))
        var alternatives: [String] = []
        repeat {
            alternatives.append(try scanner.complexSelector())
        } while scanner.take(",")
        scanner.skipSpaces()
        if let extra = scanner.peek { throw Unsupported(reason: "unexpected '\(extra)' at character \(scanner.position + 1)") }
        return alternatives.joined(separator: " | ")
    }

    private struct Scanner {
        let scalars: [Unicode.Scalar]
        var position = 0

        init(_ scalars: [Unicode.Scalar]) { self.scalars = scalars }

        var peek: Unicode.Scalar? { position < scalars.count ? scalars[position] : nil }

        mutating func skipSpaces() {
            while let next = peek, next.properties.isWhitespace { position += 1 }
        }

        /// Skips spaces, then `character` if it comes next.
        mutating func take(_ character: Unicode.Scalar) -> Bool {
            skipSpaces()
            guard peek == character else { return false }
            position += 1
            return true
        }

        /// Compounds joined by combinators: `div.post > p`.
        mutating func complexSelector() throws -> String {
            skipSpaces()
            var path = "//" + (try compound())
            while true {
                let before = position
                skipSpaces()
                guard let next = peek, next != "," else { break }
                if next == ">" {
                    position += 1
                    skipSpaces()
                    path += "/" + (try compound())
                } else if next == "+" || next == "~" {
                    throw Unsupported(reason: "the combinator '\(next)' is not supported; use a descendant (space) or child (>)")
                } else if position > before {
                    path += "//" + (try compound())
                } else {
                    throw Unsupported(reason: "unexpected '\(next)' at character \(position + 1)")
                }
            }
            return path
        }

        /// One compound: `div#main.post[data-kind=live]`.
        mutating func compound() throws -> String {
            var step = "*"
            var seen = false
            if peek == "*" {
                position += 1
                seen = true
            } else if let next = peek, Self.isNameScalar(next) {
                step = try name().lowercased()
                seen = true
            }
            var predicates = ""
            loop: while let next = peek {
                switch next {
                case "#":
                    position += 1
                    predicates += "[@id=\(try Self.literal(try name()))]"
                case ".":
                    position += 1
                    predicates += Self.wordPredicate("class", try name())
                case "[":
                    position += 1
                    predicates += try attribute()
                case ":":
                    throw Unsupported(reason: "pseudo-classes (':…') are not supported")
                default:
                    break loop
                }
                seen = true
            }
            guard seen else {
                throw Unsupported(reason: peek.map { "unexpected '\($0)' at character \(position + 1)" } ?? "the selector ends too soon")
            }
            return step + predicates
        }

        /// `[name]` or `[name OP value]`, after the `[`.
        mutating func attribute() throws -> String {
            skipSpaces()
            let attribute = try name().lowercased()
            skipSpaces()
            if take("]") { return "[@\(attribute)]" }
            var op = ""
            while let next = peek, "~^$*|=".unicodeScalars.contains(next) {
                op.unicodeScalars.append(next)
                position += 1
            }
            skipSpaces()
            let value: String
            if let quote = peek, quote == "\"" || quote == "'" {
                position += 1
                var text = ""
                while let next = peek, next != quote { text.unicodeScalars.append(next); position += 1 }
                guard peek == quote else { throw Unsupported(reason: "an attribute value's quote is not closed") }
                position += 1
                value = text
            } else {
                value = try name()
            }
            guard take("]") else { throw Unsupported(reason: "an attribute selector is not closed with ']'") }
            let literal = try Self.literal(value)
            switch op {
            case "=": return "[@\(attribute)=\(literal)]"
            case "~=": return Self.wordPredicate(attribute, value)
            case "^=": return "[starts-with(@\(attribute),\(literal))]"
            case "*=": return "[contains(@\(attribute),\(literal))]"
            case "$=": return "[substring(@\(attribute),string-length(@\(attribute))-string-length(\(literal))+1)=\(literal)]"
            default: throw Unsupported(reason: "the attribute operator '\(op)' is not supported")
            }
        }

        /// An identifier: letters, digits, `-`, `_`, and anything beyond ASCII.
        mutating func name() throws -> String {
            let start = position
            while let next = peek, Self.isNameScalar(next) { position += 1 }
            guard position > start else {
                throw Unsupported(reason: peek.map { "unexpected '\($0)' at character \(position + 1)" } ?? "the selector ends too soon")
            }
            return String(String.UnicodeScalarView(scalars[start..<position]))
        }

        static func isNameScalar(_ scalar: Unicode.Scalar) -> Bool {
            scalar.value > 0x7F || scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "_"
        }

        /// `[contains(concat(' ',normalize-space(@class),' '),' word ')]`: a word of a space-separated list.
        static func wordPredicate(_ attribute: String, _ word: String) -> String {
            "[contains(concat(' ',normalize-space(@\(attribute)),' '),' \(word) ')]"
        }

        /// `text` as an XPath string literal.
        static func literal(_ text: String) throws -> String {
            if !text.contains("'") { return "'\(text)'" }
            if !text.contains("\"") { return "\"\(text)\"" }
            throw Unsupported(reason: "a value holds both kinds of quote")
        }
    }
}
