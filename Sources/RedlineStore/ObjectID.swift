/// An object id as the 20 bytes a pack and its index hold, and as the 40 lower-case hex digits
/// everything else in the store passes around.
///
///     hex([0x3f, 0x2a, …]) → "3f2a…"      bytes("3f2a…") → [0x3f, 0x2a, …]
enum ObjectID {
    private static let digits = Array("0123456789abcdef".utf8)

    static func hex(_ id: some Collection<UInt8>) -> String {
        String(decoding: id.flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 15)]] }, as: UTF8.self)
    }

    /// True when `digits` are `count` lower-case hex digits (an id is 40; a loose object's
    /// folder 2, its file 38).
    static func isHex(_ digits: some Collection<UInt8>, count: Int = 40) -> Bool {
        digits.count == count && digits.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }

    static func bytes(_ hex: String) -> [UInt8] {
        let digits = Array(hex.utf8)
        func value(_ digit: UInt8) -> UInt8 { digit <= 57 ? digit - 48 : digit - 87 }
        return stride(from: 0, to: digits.count, by: 2).map { value(digits[$0]) << 4 | value(digits[$0 + 1]) }
    }
}
