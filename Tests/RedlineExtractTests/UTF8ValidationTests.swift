import RedlineCorpus
@testable import RedlineExtract
import Testing

/// ``TextDecoding/isValidUTF8(_:)`` says yes exactly when decoding repairs nothing.
@Suite struct UTF8ValidationTests {
    static let pieces: [[UInt8]] = [
        Array("plain ASCII, long enough to fill a word ".utf8), Array("é".utf8), Array("中".utf8), Array("😀".utf8),
        [0x80], [0xC0, 0x80], [0xC1, 0xBF], [0xC2], [0xE0, 0x80, 0x80], [0xE0, 0xA0], [0xED, 0xA0, 0x80], [0xEF, 0xBF, 0xBF],
        [0xF0, 0x8F, 0xBF, 0xBF], [0xF4, 0x90, 0x80, 0x80], [0xF4, 0x8F, 0xBF, 0xBF], [0xF5, 0x80, 0x80, 0x80], [0xFF], [0xE9],
        [0x00], Array("<p>".utf8),
    ]

    @Test func agreesWithTheDecoder() {
        var random = SeededGenerator(seed: 23)
        for _ in 0..<3_000 {
            let count = Int(random.next() % 12)
            let bytes = (0..<count).flatMap { _ in Self.pieces[Int(random.next() % UInt64(Self.pieces.count))] }
            bytes.withUnsafeBufferPointer { buffer in
                #expect(TextDecoding.isValidUTF8(buffer) == !TextDecoding.decodeUTF8(buffer).repaired, "\(bytes)")
            }
        }
    }
}
