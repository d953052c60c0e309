import Foundation
import RedlineText

/// Turns captured bytes into text: UTF-8 (with or without BOM) or UTF-16 with a BOM; bytes that
/// declare nothing and are not UTF-8 are read as windows-1252 (``windows1252Fallback(_:)``);
/// bad bytes become U+FFFD and a warning, never a crash.
public enum TextDecoding {
    /// The warning for a capture that is not valid UTF-8.
    static let invalidUTF8Warning = "the capture is not valid UTF-8; bad bytes were replaced with U+FFFD"

    /// `bytes` as text, with a warning when anything had to be replaced.
    public static func decode(_ bytes: some Collection<UInt8>) -> (text: String, warning: String?) {
        // Read in place when the bytes are contiguous (Data, Array): a capture can be megabytes.
        bytes.withContiguousStorageIfAvailable(decode) ?? Array(bytes).withUnsafeBufferPointer(decode)
    }

    /// True when `bytes` open with a UTF-16 byte order mark.
    static func isUTF16(_ bytes: some Collection<UInt8>) -> Bool {
        bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF])
    }

    /// `bytes` without a UTF-8 byte order mark.
    static func withoutBOM(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? UnsafeBufferPointer(rebasing: bytes[3...]) : bytes
    }

    private static func decode(_ data: UnsafeBufferPointer<UInt8>) -> (text: String, warning: String?) {
        if isUTF16(data) {
            let littleEndian = data[0] == 0xFF
            var units: [UInt16] = []
            units.reserveCapacity(data.count / 2)
            var index = 2
            while index + 1 < data.count {
                let pair = littleEndian ? UInt16(data[index]) | UInt16(data[index + 1]) << 8
                                        : UInt16(data[index]) << 8 | UInt16(data[index + 1])
                units.append(pair)
                index += 2
            }
            let text = String(decoding: units, as: UTF16.self)
            return (text, text.contains("\u{FFFD}") ? "the capture is not valid UTF-16; bad bytes were replaced with U+FFFD" : nil)
        }
        let (text, repaired) = decodeUTF8(withoutBOM(data))
        guard repaired else { return (text, nil) }
        // A UTF-8 byte order mark declares UTF-8; without one, the bytes may be in a legacy encoding.
        if !data.starts(with: [0xEF, 0xBB, 0xBF]), let legacy = windows1252Fallback(data) { return legacy }
        return (text, invalidUTF8Warning)
    }

    /// True when `bytes` are well-formed UTF-8 (what ``decodeUTF8(_:)`` leaves unrepaired),
    /// told without making a string: eight ASCII bytes at a time, then each sequence by
    /// RFC 3629's table (no overlong form, no surrogate, nothing past U+10FFFF).
    static func isValidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        var index = 0
        while index < bytes.count {
            if index + 8 <= bytes.count, SWAR.isASCII(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)) {
                index += 8
                continue
            }
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            let length: Int, second: ClosedRange<UInt8>
            switch lead {
            case 0xC2...0xDF: (length, second) = (2, 0x80...0xBF)
            case 0xE0: (length, second) = (3, 0xA0...0xBF)
            case 0xED: (length, second) = (3, 0x80...0x9F)
            case 0xE1...0xEF: (length, second) = (3, 0x80...0xBF)
            case 0xF0: (length, second) = (4, 0x90...0xBF)
            case 0xF1...0xF3: (length, second) = (4, 0x80...0xBF)
            case 0xF4: (length, second) = (4, 0x80...0x8F)
            default: return false
            }
            guard index + length <= bytes.count, second.contains(bytes[index + 1]) else { return false }
            for next in index + 2 ..< index + length where bytes[next] & 0xC0 != 0x80 { return false }
            index += length
        }
        return true
    }

    /// `bytes` decoded as UTF-8, bad sequences replaced with U+FFFD; `repaired` when there were any.
    static func decodeUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> (text: String, repaired: Bool) {
        // Decoded once, repairing: the decoder changes bytes exactly when they are not valid
        // UTF-8 (each bad sequence becomes EF BF BD), which one memcmp tells.
        var text = String(decoding: bytes, as: UTF8.self)
        let unchanged = text.withUTF8 { decoded in
            decoded.count == bytes.count && (bytes.isEmpty || memcmp(decoded.baseAddress!, bytes.baseAddress!, bytes.count) == 0)
        }
        return (text, !unchanged)
    }
}
