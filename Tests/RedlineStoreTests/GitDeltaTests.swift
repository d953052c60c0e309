import RedlineCorpus
import Testing
@testable import RedlineStore

/// git's delta format as ``GitDelta`` writes and applies it (issue 17: the store appends to its
/// pack instead of repacking it).
@Suite struct GitDeltaTests {
    /// Made-up text and numbers, the same on every run.
    struct Bytes {
        var random: SeededGenerator
        init(state: UInt64) { random = SeededGenerator(seed: state) }
        mutating func next(_ bound: Int) -> Int {
            Int.random(in: 0..<bound, using: &random)
        }
        mutating func text(_ count: Int) -> [UInt8] {
            let words = ["live", "blog", "minister", "said", "the", "police", "update", "<p>", "</p>", "2020", "\n"]
            var out: [UInt8] = []
            while out.count < count { out += Array((words[next(words.count)] + " ").utf8) }
            return Array(out.prefix(count))
        }
    }

    func roundTrip(_ source: [UInt8], _ target: [UInt8]) -> [UInt8] {
        let delta = GitDelta.encode(source: source, target: target)
        #expect(GitDelta.apply(delta, to: source) == target)
        #expect(GitDelta.makes(target, from: source, with: delta))
        if !target.isEmpty {
            var other = target
            other[other.count / 2] ^= 1
            #expect(!GitDelta.makes(other, from: source, with: delta))
            #expect(!GitDelta.makes(Array(target.dropLast()), from: source, with: delta))
            #expect(!GitDelta.makes(target + [0], from: source, with: delta))
        }
        return delta
    }

    @Test func editsAreMostlyCopies() {
        var bytes = Bytes(state: 17)
        let page = bytes.text(200_000)
        var edited = page
        edited.insert(contentsOf: bytes.text(1_500), at: 1_000)             // a new entry on top
        edited.replaceSubrange(90_000..<90_012, with: Array("8 minutes ago".utf8))
        edited.removeSubrange(150_000..<151_000)                               // an entry taken down
        #expect(roundTrip(page, edited).count < 4_000)
        #expect(roundTrip(edited, page).count < 2_000)                          // the older from the newer
    }

    @Test func anyPairRoundTrips() {
        var bytes = Bytes(state: 5)
        for _ in 0..<200 {
            let source = bytes.text(bytes.next(3_000))
            var target = source
            for _ in 0..<bytes.next(6) {
                let at = bytes.next(target.count + 1)
                let cut = min(target.count - at, bytes.next(300))
                target.replaceSubrange(at..<(at + cut), with: bytes.text(bytes.next(300)))
            }
            _ = roundTrip(source, target)
        }
    }

    @Test func edgeCases() {
        _ = roundTrip([], [])
        _ = roundTrip([], Array("short".utf8))
        _ = roundTrip(Array("short".utf8), [])
        _ = roundTrip(Array(repeating: 65, count: 300_000), Array(repeating: 65, count: 300_001))   // copies longer than 64 KiB
        var bytes = Bytes(state: 9)
        _ = roundTrip(bytes.text(5_000), bytes.text(5_000))                                         // nothing in common
    }

    @Test func aDeltaForAnotherSourceIsRefused() {
        let delta = GitDelta.encode(source: Array("the mayor said yes, the mayor said yes".utf8), target: Array("the mayor said no".utf8))
        #expect(GitDelta.apply(delta, to: Array("something else".utf8)) == nil)
        #expect(GitDelta.apply(Array(delta.dropLast()), to: Array("the mayor said yes, the mayor said yes".utf8)) == nil)
        #expect(!GitDelta.makes(Array("the mayor said no".utf8), from: Array("the mayor said yes, the mayor said yes".utf8),
                                with: Array(delta.dropLast())))
    }
}
