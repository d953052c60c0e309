import Foundation

/// Bytes in the encoding a transport declared (HTTP's `Content-Type: …; charset=…`), as UTF-8.
///
///     A3 31 30 6D, "ISO-8859-1" → C2 A3 31 30 6D ("£10m")
///     any bytes, "utf-8"        → nil (already what the extractors read)
///
/// Labels are read as browsers read them (the WHATWG Encoding Standard): `iso-8859-1`, `latin1`
/// and `us-ascii` mean windows-1252, a superset of Latin-1.
extension TextDecoding {
    /// What became of a declared charset.
    enum Transcoding {
        /// UTF-8 declared, and the bytes are UTF-8: they are read as they are. (UTF-8 declared over
        /// bytes that are not is ``converted(_:warning:)``, bad bytes to U+FFFD, so that nothing
        /// after reads them as undeclared.)
        case utf8
        /// The bytes converted to UTF-8, with a warning when some could not be.
        case converted(Data, warning: String?)
        /// A charset this system does not know: the bytes are read as if none was declared.
        case unknown(warning: String)
    }

    /// `bytes`, declared to be in `charset`, converted to UTF-8.
    /// True when this system converts from the charset `label` names (a `<meta>` naming one it
    /// does not, `klingon`, is read as if it named none).
    static func knows(_ label: String) -> Bool {
        let converter = iconv_open("UTF-8", converterName(label.trimmingCharacters(in: .whitespaces).lowercased()))
        guard converter != iconv_t(bitPattern: -1) else { return false }
        iconv_close(converter)
        return true
    }

    /// iconv's name for a lower-case charset label: the labels browsers read as windows-1252 are
    /// read so (latin1 too: its C1 bytes are windows-1252's characters on the web), and likewise
    /// Latin-5 as windows-1254 and TIS-620 as windows-874.
    private static func converterName(_ label: String) -> String {
        let windows1252 = ["iso-8859-1", "iso8859-1", "iso_8859-1", "iso88591", "iso_8859-1:1987", "latin1", "l1", "ascii",
                           "us-ascii", "ansi_x3.4-1968", "cp1252", "cp819", "ibm819", "csisolatin1", "iso-ir-100",
                           "windows-1252", "x-cp1252"]
        let windows1254 = ["iso-8859-9", "iso8859-9", "iso_8859-9", "iso88599", "iso_8859-9:1989", "latin5", "l5", "csisolatin5",
                           "iso-ir-148", "cp1254", "windows-1254", "x-cp1254"]
        let windows874 = ["tis-620", "iso-8859-11", "iso8859-11", "iso885911", "dos-874", "windows-874"]
        if windows1252.contains(label) { return "WINDOWS-1252" }
        if windows1254.contains(label) { return "WINDOWS-1254" }
        if windows874.contains(label) { return "CP874" }
        return label.uppercased()
    }

    /// `declarer` says who named it, for the warning when bytes had to be replaced.
    static func transcode(_ bytes: Data, from charset: String, declarer: String = "the server declared") -> Transcoding {
        let label = charset.trimmingCharacters(in: .whitespaces).lowercased()
        if ["utf-8", "utf8", "unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8", "x-unicode20utf8"].contains(label) {
            // Told without a string when it is valid (the most of them); decoded only to repair.
            guard !bytes.withUnsafeBytes({ isValidUTF8($0.bindMemory(to: UInt8.self)) }) else { return .utf8 }
            let (text, repaired) = bytes.withUnsafeBytes { decodeUTF8($0.bindMemory(to: UInt8.self)) }
            return repaired ? .converted(Data(text.utf8), warning: invalidUTF8Warning) : .utf8
        }
        // UTF-16 (or UTF-32) text holds zero bytes wherever it writes ASCII, as every page's
        // markup is: bytes without one are not it, whatever the header says (read as UTF-16,
        // "<html>" became "格浴㹬", stored without a word).
        if label.hasPrefix("utf-16") || label.hasPrefix("utf-32") || ["ucs-2", "unicode", "csunicode", "iso-10646-ucs-2",
                                                                       "unicodefeff", "unicodefffe"].contains(label),
           !bytes.prefix(1024).contains(0) {
            return .unknown(warning: "\(declarer) charset \(charset), but the capture is not \(charset) (it holds no zero bytes); it was read without it")
        }
        // A Latin charset declared for bytes that are UTF-8 beyond ASCII (a server's default, as
        // Apache's ISO-8859-1, over a page written in UTF-8): read as UTF-8, or the same page
        // served once with each header reads as an edit of every curly quote (a trial: "”"
        // holds 0x9D, which windows-1252 leaves undefined). Latin text is never valid UTF-8 but
        // by accident of mojibake, which is read back the same way.
        if converterName(label) == "WINDOWS-1252", bytes.contains(where: { $0 >= 0x80 }),
           bytes.withUnsafeBytes({ isValidUTF8($0.bindMemory(to: UInt8.self)) }) {
            return .unknown(warning: "\(declarer) charset \(charset), but the capture is UTF-8; it was read as UTF-8")
        }
        let converter = iconv_open("UTF-8", converterName(label))
        guard converter != iconv_t(bitPattern: -1) else {
            return .unknown(warning: "the server declared charset \(charset), which is not known here; it was read without it")
        }
        defer { iconv_close(converter) }
        var output = Data()
        output.reserveCapacity(bytes.count + bytes.count / 4 + 16)
        var replaced = false
        bytes.withUnsafeBytes { raw in
            var input = UnsafeMutablePointer(mutating: raw.bindMemory(to: CChar.self).baseAddress)
            var inputLeft = raw.count
            var buffer = [CChar](repeating: 0, count: 64 << 10)
            while inputLeft > 0 {
                let status = buffer.withUnsafeMutableBufferPointer { out -> (Int, Int32) in
                    var next = out.baseAddress
                    var outputLeft = out.count
                    let result = iconv(converter, &input, &inputLeft, &next, &outputLeft)
                    let error = result == -1 ? errno : 0
                    output.append(UnsafeBufferPointer(start: out.baseAddress, count: out.count - outputLeft))
                    return (result, error)
                }
                if status.0 != -1 || status.1 == E2BIG { continue }
                // A byte the encoding does not define (windows-1252's 81, 8D, 8F, 90, 9D) or a
                // sequence cut short: U+FFFD for one byte, and on.
                output.append(contentsOf: [0xEF, 0xBF, 0xBD])
                replaced = true
                input = input.map { $0 + 1 }
                inputLeft -= 1
            }
        }
        // Named as it was read: a label browsers read as another charset says which.
        let read = converterName(label), named = read.lowercased() == label ? charset : "\(charset) (read as \(read.lowercased()))"
        let warning = replaced ? "the capture is not valid \(named), as \(declarer); bad bytes were replaced with U+FFFD" : nil
        return .converted(output, warning: warning)
    }

    /// True when `bytes` open with a byte order mark (UTF-8 or UTF-16), which outranks a declared charset.
    static func hasBOM(_ bytes: some Collection<UInt8>) -> Bool {
        isUTF16(bytes) || bytes.starts(with: [0xEF, 0xBB, 0xBF])
    }
}
