// redline-render-bench: how long each renderer takes on a large diff, in process.
//
//     swift run -c release redline-render-bench [--megabytes 2] [--runs 5]
//
// Builds an ArticleDiff whose two sides each hold about N MB of text in live-blog entries of
// 8 paragraphs, with every kind of change (a tenth of the blocks added, removed, edited with
// word changes, or moved) and one where every block is new, then times DiffTerminal (colour, wrapped at 100 columns), DiffText,
// DiffStat, DiffMarkdown, DiffHTML and JSONOutput, and ReportHTML over 100 smaller diffs.
// Prints the median of the runs.
import Foundation
import RedlineModel
import RedlineRender

func option(_ name: String, default value: Double) -> Double {
    let args = CommandLine.arguments
    guard let index = args.firstIndex(of: name), index + 1 < args.count, let number = Double(args[index + 1]) else { return value }
    return number
}

let megabytes = option("--megabytes", default: 2)
let runs = Int(option("--runs", default: 5))
let words = ["Ukraine", "talks", "London", "ceasefire", "negotiators", "said", "the", "on", "Wednesday", "Crimea",
             "agreement", "officials", "Zelenskyy’s", "envoy", "Kremlin", "“peace”", "plan", "—", "and", "would"]

func sentence(_ seed: Int, length: Int = 34) -> String {
    (0..<length).map { words[(seed &* 31 &+ $0 &* 7) % words.count] }.joined(separator: " ") + "."
}

func diff(bytes target: Int, version: Int, allAdded: Bool = false) -> ArticleDiff {
    var blocks: [BlockChange] = []
    var size = 0
    var index = 0
    var entry = EntryReference(id: "block-0", time: Date(timeIntervalSince1970: 1_745_395_200), title: "Entry 0")
    while size < target {
        if index % 8 == 0 {
            let n = index / 8
            entry = EntryReference(id: "block-\(n)", time: Date(timeIntervalSince1970: 1_745_395_200 - Double(n * 60)), title: "Entry \(n)")
        }
        let text = sentence(index)
        size += text.utf8.count
        switch allAdded ? 1 : index % 40 {
        case 1: blocks.append(BlockChange(change: .added, newIndex: index, newText: text, entry: entry))
        case 2: blocks.append(BlockChange(change: .removed, oldIndex: index, oldText: text, entry: entry))
        case 3:
            let new = text.replacingOccurrences(of: "talks", with: "negotiations")
            blocks.append(BlockChange(change: .edited, edited: true, oldIndex: index, newIndex: index, oldText: text, newText: new,
                                      entry: entry, words: [.init(.equal, String(text.prefix(20))), .init(.delete, "talks"),
                                                            .init(.insert, "negotiations"), .init(.equal, String(text.suffix(40)))]))
        case 4: blocks.append(BlockChange(change: .moved, oldIndex: index + 100, newIndex: index, oldText: text, newText: text, entry: entry))
        default: blocks.append(BlockChange(change: .unchanged, oldIndex: index, newIndex: index, oldText: text, newText: text, entry: entry))
        }
        index += 1
    }
    return ArticleDiff(article: "bench",
                       from: DiffSide(version: version - 1, commit: String(repeating: "a", count: 40), capturedAt: Date(timeIntervalSince1970: 1_745_395_200)),
                       to: DiffSide(version: version, commit: String(repeating: "b", count: 40), capturedAt: Date(timeIntervalSince1970: 1_745_398_800)),
                       keyEvents: KeyEventChanges(added: [KeyEvent(title: "Talks end without agreement")]),
                       blocks: blocks)
}

func time(_ name: String, _ body: () -> String) {
    var seconds: [Double] = []
    var bytes = 0
    for _ in 0..<max(runs, 1) {
        let start = DispatchTime.now().uptimeNanoseconds
        bytes = body().utf8.count
        seconds.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    let median = seconds.sorted()[seconds.count / 2]
    print(name.padding(toLength: 34, withPad: " ", startingAt: 0) + String(format: "%8.3f s  %9.1f KB out", median, Double(bytes) / 1024))
}

let big = diff(bytes: Int(megabytes * 1_000_000), version: 2)
print("diff: \(big.blocks.count) blocks, about \(Int(megabytes * 1000)) KB of text a side; median of \(runs) runs")
time("terminal (colour, 100 columns)") { DiffTerminal.render(big, options: TerminalOptions(color: true, width: 100)) }
time("text") { DiffText.render(big) }
let added = diff(bytes: Int(megabytes * 1_000_000), version: 2, allAdded: true)
time("terminal, every block added") { DiffTerminal.render(added, options: TerminalOptions(color: true, width: 100)) }
time("html, every block added") { DiffHTML.render(added) }
time("stat") { DiffStat.render(big) }
time("markdown") { DiffMarkdown.render(big) }
time("html") { DiffHTML.render(big) }
time("json") { JSONOutput.render(big) }

let history = (2...100).map { diff(bytes: 100_000, version: $0) }
let versions = (1...100).map { Version(number: $0, commit: String(repeating: "c", count: 40), capturedAt: Date(timeIntervalSince1970: Double(1_745_395_200 + $0 * 600))) }
time("report: 100 versions of 100 KB") {
    ReportHTML.render(ReportHTML.History(article: "bench", title: "A long live blog", versions: versions, diffs: history))
}
