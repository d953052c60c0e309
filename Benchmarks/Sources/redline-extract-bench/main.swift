// Times redline's extraction of real captures: the 711 KB NDTV live blog and the two seeds.
//
//     swift run -c release redline-extract-bench [RUNS [FILE…]]
//     → ndtv-ind-vs-sl-cwc2023-live.html  710777 bytes  median 9.8 ms  (21 runs)
//
// Inputs come from ../shared/ beside the package (or $REDLINE_SHARED). Benchmarks/extract.sh runs
// this and, in the same run, times Python's html.parser tokenising the same page.
import Foundation
import RedlineExtract

let runs = CommandLine.arguments.dropFirst().first.flatMap(Int.init) ?? 21
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let shared = ProcessInfo.processInfo.environment["REDLINE_SHARED"].map { URL(fileURLWithPath: $0) }
    ?? packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
let files = CommandLine.arguments.dropFirst(2).map { URL(fileURLWithPath: $0) }
let inputs = files.isEmpty ? [
    "corpus/html/ndtv-ind-vs-sl-cwc2023-live.html",
    "seeds/000_25ca672d572d6d0d.txt",
    "seeds/004_7c9f8753ad4a5580.txt",
].map { shared.appendingPathComponent($0) } : files

/// The median of `runs` timings of `body`, in milliseconds.
func medianMilliseconds(runs: Int, _ body: () -> Void) -> Double {
    var timings: [Double] = []
    let clock = ContinuousClock()
    for _ in 0..<max(runs, 1) {
        let elapsed = clock.measure(body)
        timings.append(Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15)
    }
    timings.sort()
    return timings[timings.count / 2]
}

for url in inputs {
    guard let bytes = try? Data(contentsOf: url) else {
        FileHandle.standardError.write(Data("redline-extract-bench: cannot read \(url.path); set REDLINE_SHARED\n".utf8))
        exit(2)
    }
    var entries = 0
    let median = medianMilliseconds(runs: runs) {
        entries = ArticleExtractor.extract(bytes).article.entries.count
    }
    print("\(url.lastPathComponent)\t\(bytes.count) bytes\tmedian \(String(format: "%.2f", median)) ms\t(\(runs) runs, \(entries) entries)")
}
