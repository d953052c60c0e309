import Testing
import RedlineText

/// The eight-bytes-at-once tests against a byte-by-byte count.
struct SWARTests {
    @Test func bytesAboveABoundAreMarkedExactly() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for round in 0..<20_000 {
            // Every byte value in every position, then random words.
            var word: UInt64 = 0
            if round < 256 * 8 {
                word = UInt64(round % 256) << (8 * UInt64(round / 256))
            } else {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                word = state
            }
            for bound: UInt8 in [0x00, 0x1F, 0x20, 0x3C, 0x7E] {
                let expected = (0..<8).filter { UInt8(truncatingIfNeeded: word >> (8 * UInt64($0))) > bound }.count
                #expect(SWAR.count(SWAR.bytes(above: bound, word)) == expected, "word \(String(word, radix: 16)) bound \(bound)")
            }
        }
    }
}
