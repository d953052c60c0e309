import RedlineCorpus
import Testing
@testable import RedlineDiff

/// The radix sort of the candidate index puts keys in the same order as a comparison sort.
struct RadixSortTests {
    @Test(arguments: [0, 1, 100, 257, 10_000])
    func sortsAsTheStandardLibraryDoes(count: Int) {
        var rng = SeededGenerator(seed: 0x5EED_0100 &+ UInt64(count))
        // Random keys, some sharing their high bytes (as word hashes with slots below do) and some equal.
        var keys = (0..<count).map { _ in UInt64.random(in: 0...UInt64.max, using: &rng) & (Bool.random(using: &rng) ? ~0 : 0xFFFF_0000_00FF_FFFF) }
        keys += keys.prefix(count / 10)
        var sorted = keys
        RadixSort.sort(&sorted)
        #expect(sorted == keys.sorted())
    }
}
