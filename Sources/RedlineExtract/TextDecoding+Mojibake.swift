import Foundation

/// Repairs mojibake: UTF-8 text that was once decoded as Latin-1 or Windows-1252 and encoded
/// again as UTF-8, so that each of its multi-byte characters became two to four characters.
///
///     "EspaÃ±ol"              → "Español"          (C3 B1 read as "Ã" "±")
///     "â€œroamingâ€\u{9D}"     → "“roaming”"        (E2 80 9C read as "â" "€" "œ")
///     "Â\u{A0}"                → "\u{A0}"           (a no-break space)
///     "Ã§" among "ä½“", "Ø§"   → "ç", "体", "ا"     (once the page has shown it is mangled)
///
/// A capture whose only change is such an encoding then reads as the same article. The
/// sequences that decide it are ones real text does not hold: "Ã" or "Â" before a Latin-1 or
/// Windows-1252 symbol, "â" before "€" or a C1 control. Only on a page that has them are the
/// other leads (Greek, Cyrillic, Arabic, CJK) repaired too, so that a French "CAFÉ…" or "é »" on a
/// sound page is never touched.
extension TextDecoding {
    /// `bytes` (UTF-8) with their mojibake repaired; nil when they have none.
    static func repairingMojibake(_ bytes: Data) -> Data? {
        guard mightHaveMojibake(bytes) else { return nil }
        var output = Data()
        let repaired = bytes.withUnsafeBytes { raw in
            repair(raw.bindMemory(to: UInt8.self), everyLead: false) { piece in
                if output.isEmpty { output.reserveCapacity(raw.count) }
                output.append(piece)
            }
        }
        guard repaired else { return nil }
        // Every lead, now that the page has shown it is mangled: in place, as a repair only
        // ever shortens what it reads (a page's worth of memory not taken a second time).
        var length = output.count
        output.withUnsafeMutableBytes { raw in
            guard let start = raw.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return }
            var written = 0
            let again = repair(UnsafeBufferPointer(start: start, count: raw.count), everyLead: true) { piece in
                memmove(start + written, piece.baseAddress!, piece.count)
                written += piece.count
            }
            if again { length = written }
        }
        output.count = length
        return output
    }

    /// False when `bytes` cannot hold mojibake that ``repair(_:everyLead:)`` reads back: that
    /// needs a C3 82/83 ("Â", "Ã") or C3 A2 ("â") somewhere, or an emoji's "ð" before U+009F or
    /// "Ÿ" (its second byte, 9F, read as Latin-1 or Windows-1252), and an unmistakable lead (Â,
    /// Ã, â, ð: C3 82/83/A2/B0) followed by a character of two bytes or more. Most pages have
    /// neither; a page in French or Portuguese has its "â" before letters. (Without the emoji
    /// mark, a page whose only mojibake was emoji was left as it was until a new entry brought
    /// an "â€™", and then its old entries' emoji read as edited.)
    ///
    ///     "pâte"  → false     "EspaÃ±ol" → true     "â€œ" → true     "ð\u{9F}\u{92}\u{94}" → true
    static func mightHaveMojibake(_ bytes: Data) -> Bool {
        bytes.withUnsafeBytes { raw in
            let buffer = raw.bindMemory(to: UInt8.self)
            var hasMark = false, hasLeadBeforeCharacter = false
            var index = nextC3(in: buffer, from: 0)
            while index + 1 < buffer.count {
                let second = buffer[index + 1]
                if second == 0x82 || second == 0x83 || second == 0xA2 { hasMark = true }
                if second == 0xB0, index + 3 < buffer.count,
                   buffer[index + 2] == 0xC2 && buffer[index + 3] == 0x9F || buffer[index + 2] == 0xC5 && buffer[index + 3] == 0xB8 {
                    hasMark = true   // "ð" then U+009F or "Ÿ": an emoji's F0 9F read byte by byte
                }
                if second == 0x82 || second == 0x83 || second == 0xA2 || second == 0xB0,
                   index + 2 < buffer.count, buffer[index + 2] >= 0xC2 {
                    hasLeadBeforeCharacter = true
                }
                if hasMark && hasLeadBeforeCharacter { return true }
                index = nextC3(in: buffer, from: index + 1)
            }
            return false
        }
    }

    /// One pass over `bytes`, handing `emit` the repaired text piece by piece, in order; false
    /// (and nothing emitted) when nothing was repaired. Without `everyLead`, only the
    /// unmistakable leads (Â, Ã, â, ð) are read. A piece never ends past where the pass reads
    /// next, so `emit` may write the pieces over `bytes` themselves, one after the other.
    private static func repair(_ bytes: UnsafeBufferPointer<UInt8>, everyLead: Bool,
                               emit: (UnsafeBufferPointer<UInt8>) -> Void) -> Bool {
        var copied = 0
        var index = 0
        while case let found = nextC3(in: bytes, from: index), found < bytes.count {
            index = found
            // The lead: a character U+00C2…U+00F4, written C3 82…C3 B4.
            guard index + 1 < bytes.count, (0x82...0xB4).contains(bytes[index + 1]) else { index += 1; continue }
            let lead = UInt8(0xC0 | (bytes[index + 1] & 0x3F))
            let count = lead < 0xE0 ? 1 : lead < 0xF0 ? 2 : 3
            if !everyLead, lead != 0xC2, lead != 0xC3, lead != 0xE2, lead != 0xF0 { index += 2; continue }
            // The continuation bytes, each read back from the character it was mistaken for.
            var original = [lead]
            var next = index + 2
            while original.count <= count, let (byte, length) = mistakenByte(bytes, at: next) {
                original.append(byte)
                next += length
            }
            // A no-break space or a guillemet after the lead is how French and Portuguese write
            // "Ã »" and "â «": proof of nothing, read back only on a page already shown to be
            // mangled, and a no-break space only as the one byte after a two-byte lead ("Â\u{A0}",
            // "Ã\u{A0}" for "à", "Ð\u{A0}" for "Р"), never inside a longer character.
            let spaced = everyLead ? count > 1 && original.dropFirst().contains(0xA0)
                                   : original.dropFirst().contains { $0 == 0xA0 || $0 == 0xAB || $0 == 0xBB }
            guard original.count == count + 1, !spaced, let scalar = decode(original), accepts(scalar, lead: lead) else {
                index += 2
                continue
            }
            emit(UnsafeBufferPointer(rebasing: bytes[copied..<index]))
            original.withUnsafeBufferPointer(emit)
            copied = next
            index = next
        }
        guard copied > 0 else { return false }
        emit(UnsafeBufferPointer(rebasing: bytes[copied...]))
        return true
    }

    /// The index of the first C3 byte (every lead's first) at or after `start`, `bytes.count`
    /// when there is none: leads are rare, and `memchr` passes over the bytes between them.
    private static func nextC3(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard start < bytes.count, let base = bytes.baseAddress,
              let found = memchr(base + start, 0xC3, bytes.count - start) else { return bytes.count }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    /// Whether `scalar`, decoded from a sequence with `lead`, is text a page would hold.
    private static func accepts(_ scalar: UInt32, lead: UInt8) -> Bool {
        switch lead {
        case 0xC2: scalar >= 0xA0                          // not a C1 control
        case 0xE2: (0x2000...0x2BFF).contains(scalar)      // punctuation, symbols, arrows
        case 0xF0: (0x1F000...0x1FFFF).contains(scalar)    // emoji
        default: true
        }
    }

    /// The byte 80…BF that the character at `index` stands for when bytes were read as
    /// Latin-1 (U+0080…U+00BF) or Windows-1252 (€ ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ Ž ‘ ’ “ ” • – — ˜ ™ š › œ ž Ÿ),
    /// and the length of that character in UTF-8.
    private static func mistakenByte(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (UInt8, Int)? {
        guard index + 1 < bytes.count else { return nil }
        if bytes[index] == 0xC2, (0x80...0xBF).contains(bytes[index + 1]) { return (bytes[index + 1], 2) }
        let length = bytes[index] >= 0xE0 ? 3 : 2
        guard bytes[index] >= 0xC5, index + length <= bytes.count,
              let scalar = decode(Array(bytes[index..<index + length])),
              let byte = windows1252[scalar] else { return nil }
        return (byte, length)
    }

    /// The characters of Windows-1252's 80…9F row, by the byte they stand for.
    private static let windows1252: [UInt32: UInt8] = [
        0x20AC: 0x80, 0x201A: 0x82, 0x0192: 0x83, 0x201E: 0x84, 0x2026: 0x85, 0x2020: 0x86, 0x2021: 0x87,
        0x02C6: 0x88, 0x2030: 0x89, 0x0160: 0x8A, 0x2039: 0x8B, 0x0152: 0x8C, 0x017D: 0x8E, 0x2018: 0x91,
        0x2019: 0x92, 0x201C: 0x93, 0x201D: 0x94, 0x2022: 0x95, 0x2013: 0x96, 0x2014: 0x97, 0x02DC: 0x98,
        0x2122: 0x99, 0x0161: 0x9A, 0x203A: 0x9B, 0x0153: 0x9C, 0x017E: 0x9E, 0x0178: 0x9F,
    ]

    /// The scalar `bytes` encode as one well-formed UTF-8 sequence (no overlong form, no
    /// surrogate), or nil.
    private static func decode(_ bytes: [UInt8]) -> UInt32? {
        guard let first = bytes.first, bytes.dropFirst().allSatisfy({ $0 & 0xC0 == 0x80 }) else { return nil }
        let value: UInt32
        switch bytes.count {
        case 2 where first & 0xE0 == 0xC0:
            value = UInt32(first & 0x1F) << 6 | UInt32(bytes[1] & 0x3F)
            return value >= 0x80 ? value : nil
        case 3 where first & 0xF0 == 0xE0:
            value = UInt32(first & 0x0F) << 12 | UInt32(bytes[1] & 0x3F) << 6 | UInt32(bytes[2] & 0x3F)
            return value >= 0x800 && !(0xD800...0xDFFF).contains(value) ? value : nil
        case 4 where first & 0xF8 == 0xF0:
            value = UInt32(first & 0x07) << 18 | UInt32(bytes[1] & 0x3F) << 12 | UInt32(bytes[2] & 0x3F) << 6 | UInt32(bytes[3] & 0x3F)
            return (0x10000...0x10FFFF).contains(value) ? value : nil
        default:
            return nil
        }
    }
}
