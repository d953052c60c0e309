/// An object id as the 20 bytes a pack and its index hold, and as the 40 lower-case hex digits
/// everything else in the store passes around.
///
///     hex([0x3f, 0x2a, …]) → "3f2a…"      bytes("3f2a…") → [0x3f, 0x2a, …]
enum ObjectID {
    private static let digits = Array("0123456789abcdef".utf8)

    /// Written straight into the string's storage: a pack of thousands of entries names each
    /// entry and its base by hex, and an array a byte made that a tenth of a capture's CPU.
    static func hex(_ id: some Collection<UInt8>) -> String {
        String(unsafeUninitializedCapacity: 2 * id.count) { out in
            var at = 0
            for byte in id {
                out[at] = digits[Int(byte >> 4)]
                out[at + 1] = digits[Int(byte & 15)]
                at += 2
            }
            return at
        }
    }

    /// True when `digits` are `count` lower-case hex digits (an id is 40; a loose object's
    /// folder 2, its file 38).
    static func isHex(_ digits: some Collection<UInt8>, count: Int = 40) -> Bool {
        digits.count == count && digits.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }

    static func bytes(_ hex: String) -> [UInt8] {
        func value(_ digit: UInt8) -> UInt8 { digit <= 57 ? digit - 48 : digit - 87 }
        var hex = hex
        return hex.withUTF8 { digits in
            [UInt8](unsafeUninitializedCapacity: digits.count / 2) { out, count in
                for at in 0..<digits.count / 2 { out[at] = value(digits[2 * at]) << 4 | value(digits[2 * at + 1]) }
                count = digits.count / 2
            }
        }
    }
}

/// An object id as a value to look up by: its 20 bytes in three words, hashed and compared
/// without an allocation (a pack's thousands of entries are looked up by id on every capture).
struct ObjectKey: Hashable {
    private let first: UInt64, second: UInt64, third: UInt32

    /// The id whose 20 bytes start at `offset` in `bytes`.
    init(_ bytes: [UInt8], at offset: Int = 0) {
        precondition(offset >= 0 && offset + 20 <= bytes.count)
        (first, second, third) = bytes.withUnsafeBytes { raw in
            (raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self), raw.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self),
             raw.loadUnaligned(fromByteOffset: offset + 16, as: UInt32.self))
        }
    }

    /// The id `hex` names (40 hex digits); nil for anything else.
    init?(hex: String) {
        guard hex.utf8.count == 40 else { return nil }
        self.init(ObjectID.bytes(hex))
    }
}

