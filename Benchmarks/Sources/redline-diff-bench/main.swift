// The differ's speed, in-process (build with `swift build -c release --product redline-diff-bench`).
//
//     redline-diff-bench                     the table: 200 KB and 2 MB pairs, 2 MB sharing nothing,
//                                            0.2 → 2 → 20 MB scaling, peak memory
//     redline-diff-bench --memory MB         one diff of an MB-sized pair with realistic edits, then
//                                            the peak resident memory (run it in a fresh process)
//     redline-diff-bench --write-pair DIR [MB]  the 2 MB (or MB-sized) pair as plain text:
//                                            DIR/old.txt, DIR/new.txt
//     redline-diff-bench --repeat CASE [--runs N]  one case N (20) times, for a profiler
//                                            (realistic2, plain2, apart2, realistic20)
//
// Inputs are built from ../shared/corpus/liveblogs: entries repeated (each round's ids and texts
// tagged so they stay distinct) until the article's text reaches the size, then a newer version
// with entries added on top, paragraphs edited, removed, moved, moved and edited, swapped.
import RedlineCorpus
import Foundation
import RedlineDiff
import RedlineModel

#if canImport(Glibc)
import Glibc
#endif


/// The article's text size: the UTF-8 bytes of all its blocks.
func textBytes(_ article: Article) -> Int {
    article.positionedBlocks.reduce(0) { $0 + $1.block.text.utf8.count + 1 }
}

/// Entries of `blogs`, newest first, repeated with tagged ids and texts until `bytes` of text.
func entries(from blogs: [LiveBlog], bytes: Int, tag: String) -> [Entry] {
    var result: [Entry] = []
    var size = 0
    var round = 0
    while size < bytes {
        for blog in blogs {
            for entry in blog.entries where size < bytes {
                var copy = entry
                copy.id = entry.id.map { "\($0)-\(tag)\(round)" }
                if round > 0 || tag != "" {
                    copy.title = entry.title.map { "\($0) [\(tag)\(round)]" }
                    copy.blocks = entry.blocks.map { Block($0.kind, "\($0.text) [\(tag)\(round)]") }
                }
                size += copy.blocks.reduce(copy.title.map { $0.utf8.count + 1 } ?? 0) { $0 + $1.text.utf8.count + 1 }
                result.append(copy)
            }
        }
        round += 1
    }
    return result
}

/// About one titled entry in `n` is a key event (chosen by its id, so both versions agree).
func keyEvents(of entries: [Entry], every n: Int) -> [KeyEvent] {
    entries.compactMap { entry in
        guard let title = entry.title, let id = entry.id, id.utf8.reduce(0, { $0 &+ Int($1) }) % n == 0 else { return nil }
        return KeyEvent(id: id, time: entry.time, title: title)
    }
}

/// A pair of versions of about `bytes` of text: the newer one has entries on top and edits.
func realisticPair(_ blogs: [LiveBlog], bytes: Int, seed: UInt64) -> (Article, Article) {
    var rng = SeededGenerator(seed: seed)
    let all = entries(from: blogs, bytes: bytes, tag: "")
    let scale = max(1, bytes / 200_000)
    let added = 3 * scale
    let oldEntries = Array(all.dropFirst(added))
    var newEntries = all
    func edit(_ text: String) -> String {
        var words = text.split(separator: " ").map(String.init)
        for _ in 0..<max(1, words.count / 6) {
            let w = Int.random(in: 0..<words.count, using: &rng)
            words[w] = ["reportedly", "officials", "confirmed", "later", "police", "said"].randomElement(using: &rng)!
        }
        return words.joined(separator: " ")
    }
    let shared = added..<newEntries.count
    func randomBlock() -> (Int, Int)? {
        for _ in 0..<100 {
            let e = Int.random(in: shared, using: &rng)
            if newEntries[e].blocks.count >= 2 { return (e, Int.random(in: 0..<newEntries[e].blocks.count, using: &rng)) }
        }
        return nil
    }
    for _ in 0..<(5 * scale) { if let (e, k) = randomBlock() { newEntries[e].blocks[k].text = edit(newEntries[e].blocks[k].text) } }
    for _ in 0..<(2 * scale) { if let (e, k) = randomBlock() { newEntries[e].blocks.remove(at: k) } }
    for moveAndEdit in [false, false, true] {
        for _ in 0..<scale {
            guard let (e, k) = randomBlock() else { continue }
            var block = newEntries[e].blocks.remove(at: k)
            if moveAndEdit { block.text = edit(block.text) }
            let target = Int.random(in: shared, using: &rng)
            newEntries[target].blocks.insert(block, at: Int.random(in: 0...newEntries[target].blocks.count, using: &rng))
        }
    }
    for _ in 0..<scale { if let (e, k) = randomBlock(), k + 1 < newEntries[e].blocks.count { newEntries[e].blocks.swapAt(k, k + 1) } }
    let old = Article(title: "Live", keyEvents: keyEvents(of: oldEntries, every: 7), entries: oldEntries)
    var newEvents = keyEvents(of: newEntries, every: 7)
    if newEvents.count > 3 { newEvents[2].title += " – updated"; newEvents.remove(at: 3) }
    let new = Article(title: "Live", keyEvents: newEvents, entries: newEntries)
    return (old, new)
}

func median(_ values: [Duration]) -> Duration { values.sorted()[values.count / 2] }

func milliseconds(_ d: Duration) -> String {
    let ms = Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15
    return String(format: "%.2f ms", ms)
}

/// This thread's CPU time: unlike the wall clock, not inflated when other processes share the cores.
func threadCPUTime() -> Duration {
    var t = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
    return .seconds(t.tv_sec) + .nanoseconds(t.tv_nsec)
}

/// Median wall time and median CPU time of `runs` diffs (after one warm-up run), and the summary.
func time(_ old: Article, _ new: Article, runs: Int) -> (Duration, ChangeSummary, Duration) {
    let clock = ContinuousClock()
    var summary = ArticleDiffer.diff(old, new).summary
    var times: [Duration] = [], cpu: [Duration] = []
    for _ in 0..<runs {
        let start = clock.now, cpuStart = threadCPUTime()
        let diff = ArticleDiffer.diff(old, new)
        times.append(clock.now - start)
        cpu.append(threadCPUTime() - cpuStart)
        summary = diff.summary
    }
    return (median(times), summary, median(cpu))
}

func peakMemoryMB() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}

/// The article as plain text: one block per line, blank lines between, a time line per entry.
func plainText(_ article: Article) -> String {
    var lines: [String] = [article.title ?? ""]
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    for entry in article.entries {
        if let time = entry.time {
            let c = calendar.dateComponents([.hour, .minute], from: time)
            lines.append(String(format: "%02d:%02d", c.hour ?? 0, c.minute ?? 0))
        }
        if let title = entry.title { lines.append(title) }
        for block in entry.blocks { lines.append(block.text) }
    }
    return lines.joined(separator: "\n\n") + "\n"
}

let blogs = try LiveBlog.names.map(LiveBlog.load)
let arguments = CommandLine.arguments

if let flag = arguments.firstIndex(of: "--write-pair"), flag + 1 < arguments.count {
    let directory = URL(fileURLWithPath: arguments[flag + 1])
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let megabytes = flag + 2 < arguments.count ? Double(arguments[flag + 2]) ?? 2 : 2
    let (old, new) = realisticPair(blogs, bytes: Int(megabytes * 1_000_000), seed: 2)
    try plainText(old).write(to: directory.appendingPathComponent("old.txt"), atomically: true, encoding: .utf8)
    try plainText(new).write(to: directory.appendingPathComponent("new.txt"), atomically: true, encoding: .utf8)
    print("wrote \(directory.path)/old.txt and new.txt (\(textBytes(old)) and \(textBytes(new)) bytes of text)")
    exit(0)
}

if let flag = arguments.firstIndex(of: "--memory"), flag + 1 < arguments.count, let mb = Double(arguments[flag + 1]) {
    let (old, new) = realisticPair(blogs, bytes: Int(mb * 1_000_000), seed: 2)
    let before = peakMemoryMB()
    let diff = ArticleDiffer.diff(old, new)
    let after = peakMemoryMB()
    let input = Double(textBytes(old) + textBytes(new)) / 1_000_000
    print(String(format: "memory, %.1f MB pair (%.1f MB of text both sides): peak RSS %.1f MB before the diff, %.1f MB after (+%.1f MB); %d blocks",
                 mb, input, before, after, after - before, diff.blocks.count))
    exit(0)
}

if let flag = arguments.firstIndex(of: "--repeat"), flag + 1 < arguments.count {
    // For profilers: one case, many times. realistic2 | apart2 | realistic20
    let (a, b): (Article, Article) = switch arguments[flag + 1] {
    case "apart2": (Article(entries: entries(from: Array(blogs.prefix(2)), bytes: 2_000_000, tag: "g")),
                    Article(entries: entries(from: Array(blogs.suffix(1)), bytes: 2_000_000, tag: "b")))
    case "realistic20": realisticPair(blogs, bytes: 20_000_000, seed: 3)
    case "plain2":
        { (p: (Article, Article)) in (asPlainText(p.0), asPlainText(p.1)) }(realisticPair(blogs, bytes: 2_000_000, seed: 2))
    default: realisticPair(blogs, bytes: 2_000_000, seed: 2)
    }
    let runs = arguments.firstIndex(of: "--runs").flatMap { Int(arguments[$0 + 1]) } ?? 20
    let (t, summary, cpu) = time(a, b, runs: runs)
    print(arguments[flag + 1], milliseconds(t), "wall,", milliseconds(cpu), "CPU", summary.line)
    exit(0)
}

print("redline-diff-bench: in-process ArticleDiffer.diff, median of runs after a warm-up (wall, and this thread's CPU time)")
let (small0, small1) = realisticPair(blogs, bytes: 200_000, seed: 1)
let (smallTime, smallSummary, smallCPU) = time(small0, small1, runs: 31)
print("200 KB live-blog pair (\(textBytes(small0)) B, \(small0.positionedBlocks.count) blocks): \(milliseconds(smallTime)) (CPU \(milliseconds(smallCPU)))  [\(smallSummary.line)]")

let (big0, big1) = realisticPair(blogs, bytes: 2_000_000, seed: 2)
let (bigTime, bigSummary, bigCPU) = time(big0, big1, runs: 11)
print("2 MB pair, realistic edits (\(textBytes(big0)) B, \(big0.positionedBlocks.count) blocks): \(milliseconds(bigTime)) (CPU \(milliseconds(bigCPU)))  [\(bigSummary.line)]")

/// The article as `diff --files` reads a plain-text file: every line a top-level block, no
/// entries, no ids (so no anchors: the id-less path of the differ).
func asPlainText(_ article: Article) -> Article {
    Article(title: article.title, blocks: plainText(article).split(separator: "\n").filter { !$0.isEmpty }.map { Block(.paragraph, String($0)) })
}
let (plain0, plain1) = (asPlainText(big0), asPlainText(big1))
let (plainTime, plainSummary, plainCPU) = time(plain0, plain1, runs: 11)
print("2 MB pair as plain text, no entries or ids (\(plain0.blocks.count) blocks): \(milliseconds(plainTime)) (CPU \(milliseconds(plainCPU)))  [\(plainSummary.line)]")

let guardian = Array(blogs.prefix(2)), bbc = Array(blogs.suffix(1))
let apart0 = Article(title: "A", entries: entries(from: guardian, bytes: 2_000_000, tag: "g"))
let apart1 = Article(title: "B", entries: entries(from: bbc, bytes: 2_000_000, tag: "b"))
let (apartTime, apartSummary, apartCPU) = time(apart0, apart1, runs: 5)
print("2 MB pair sharing nothing (\(textBytes(apart0)) B / \(textBytes(apart1)) B): \(milliseconds(apartTime)) (CPU \(milliseconds(apartCPU)))  [\(apartSummary.line)]")

let (huge0, huge1) = realisticPair(blogs, bytes: 20_000_000, seed: 3)
let (hugeTime, hugeSummary, hugeCPU) = time(huge0, huge1, runs: 3)
print("20 MB pair, realistic edits (\(textBytes(huge0)) B, \(huge0.positionedBlocks.count) blocks): \(milliseconds(hugeTime)) (CPU \(milliseconds(hugeCPU)))  [\(hugeSummary.line)]")
print("scaling 0.2 → 2 → 20 MB (CPU): \(milliseconds(smallCPU)) → \(milliseconds(bigCPU)) → \(milliseconds(hugeCPU))")
print(String(format: "peak RSS of this process (inputs up to 2 × 20 MB included): %.1f MB", peakMemoryMB()))
