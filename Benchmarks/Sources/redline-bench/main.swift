// redline-bench: the store's speed on a growing real live blog.
//
//     swift run -c release redline-bench [--versions 1000]     (REDLINE_CORPUS=DIR to read the live blogs elsewhere)
//
// Builds successive plain-text captures of the Guardian's London Bridge live blog
// (../shared/corpus/liveblogs), each a little longer or a little edited, snaps them one after
// another into a fresh track repository, then times `log` over the whole history, in process
// and as a whole `redline log` process.
import Foundation
import RedlineTracker
import RedlineCapture
import RedlineCorpus
import RedlineModel
import RedlineStore
import RedlineExtract
import RedlineRender
import RedlineDiff

func option(_ name: String, default value: String) -> String {
    let args = CommandLine.arguments
    guard let index = args.firstIndex(of: name), index + 1 < args.count else { return value }
    return args[index + 1]
}

#if DEBUG
let buildMode = "debug"
#else
let buildMode = "release"
#endif

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted[sorted.count / 2]
}

let versionCount = Int(option("--versions", default: "1000")) ?? 1000
let blog = try LiveBlog.load("guardian-london-bridge-attack-2017-06-03")
let entries = Array(blog.entries.reversed())

/// Capture `k` of `versionCount`: the live blog as it stood with the first `n` entries published
/// (newest first), growing from half the blog to all of it; a capture that adds no entry
/// corrects the newest entry instead, as live blogs do between posts.
func capture(_ k: Int) -> String {
    let half = entries.count / 2
    let n = half + (entries.count - half) * (k + 1) / versionCount
    var lines = [blog.title, ""]
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    for (index, entry) in entries.prefix(n).enumerated().reversed() {
        let time = calendar.dateComponents([.hour, .minute], from: entry.time ?? Date(timeIntervalSince1970: 0))
        lines.append(String(format: "%02d.%02d", time.hour ?? 0, time.minute ?? 0))
        if let title = entry.title { lines.append(title) }
        var text = entry.blocks.map(\.text).joined(separator: " ")
        if index == n - 1 { text += " (updated at capture \(k))" }
        lines.append(text)
        lines.append("")
    }
    return lines.joined(separator: "\n")
}

let captures = (0..<versionCount).map(capture)
let meanBytes = captures.reduce(0) { $0 + $1.utf8.count } / captures.count
let lastBytes = captures.last?.utf8.count ?? 0

let directory = NSTemporaryDirectory() + "redline-bench-" + UUID().uuidString
let repoPath = directory + "/track.git"
try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(atPath: directory) }
let tracker = Tracker(repository: try TrackRepository.create(at: repoPath))
let slug = try Slug("london-bridge")

/// Median of five timings of `body`, in seconds.
func timed(_ body: () throws -> Void) rethrows -> Double {
    var runs: [Double] = []
    for _ in 0..<5 {
        let t = Date()
        try body()
        runs.append(Date().timeIntervalSince(t))
    }
    return median(runs)
}

/// Median of five runs of `redline ARGUMENTS --repo …` as a whole process, in seconds; nil when
/// the redline executable is not built beside this benchmark.
let executable = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("redline").path
func timedProcess(_ arguments: [String]) throws -> Double? {
    guard FileManager.default.isExecutableFile(atPath: executable) else { return nil }
    return try timed {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments + ["--repo", repoPath]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
    }
}

func milliseconds(_ seconds: Double?) -> String {
    seconds.map { String(format: "%.0f ms", $0 * 1000) } ?? "n/a (build the redline product)"
}

/// The history commands timed over the versions stored so far.
func reportHistory(versions: Int) throws {
    let repo = try TrackRepository.open(at: repoPath)
    let reader = Tracker(repository: repo)
    let log = try timed { _ = try repo.versions(of: slug) }
    let events = try timed { _ = try reader.events(slug) }
    let newest = try repo.resolve(.newest, of: slug)
    let blame = try timed { _ = try reader.blame(slug, at: String(newest.number)) }
    print("  \(versions) versions, in process:   log \(milliseconds(log)), events \(milliseconds(events)), blame \(milliseconds(blame))")
    print("  \(versions) versions, whole process: log \(milliseconds(try timedProcess(["log", slug.value]))), "
          + "events \(milliseconds(try timedProcess(["events", slug.value]))), "
          + "blame \(milliseconds(try timedProcess(["blame", slug.value])))")
}

print("live blog: \(entries.count) entries; \(versionCount) captures, mean \(meanBytes / 1024) KB, last \(lastBytes / 1024) KB")
let start = Date()
var stored = 0
for (k, text) in captures.enumerated() {
    let time = Date(timeIntervalSince1970: 1_496_520_000 + Double(k) * 60)
    let result = try tracker.snap(slug, Capture(bytes: Data(text.utf8), origin: "capture \(k)", capturedAt: time))
    if result.isNew { stored += 1 }
    if k + 1 == versionCount / 10, versionCount >= 100 {
        let elapsed = Date().timeIntervalSince(start)
        print(String(format: "snap: first %d versions in %.1f s = %.1f captures/s", stored, elapsed, Double(stored) / elapsed))
        try reportHistory(versions: stored)
    }
}
let snapSeconds = Date().timeIntervalSince(start)
print(String(format: "snap: %d versions stored in %.1f s = %.1f captures/s (%.1f ms each, in process, %@ build)",
             stored, snapSeconds, Double(stored) / snapSeconds, snapSeconds * 1000 / Double(stored), buildMode))
try reportHistory(versions: stored)

// Where a capture's time goes, stage by stage, on the last two captures.
if CommandLine.arguments.contains("--stages") {
    func time(_ label: String, _ body: () throws -> Void) rethrows {
        var runs: [Double] = []
        for _ in 0..<5 {
            let t = Date()
            try body()
            runs.append(Date().timeIntervalSince(t))
        }
        print(String(format: "  %@: %.2f ms", label, median(runs) * 1000))
    }
    let a = Data(captures[captures.count - 2].utf8), b = Data(captures[captures.count - 1].utf8)
    let oldArticle = RedlineExtract.ArticleExtractor.extract(a).article
    let newArticle = RedlineExtract.ArticleExtractor.extract(b).article
    let json = Data(RedlineRender.JSONOutput.render(newArticle).utf8)
    print("stages:")
    time("extract") { _ = RedlineExtract.ArticleExtractor.extract(b) }
    try time("article.json decode") { _ = try JSONDecoder().decode(Article.self, from: json) }
    time("article.json render") { _ = RedlineRender.JSONOutput.render(newArticle) }
    time("article.md render") { _ = RedlineStore.ArticleMarkdown.render(newArticle) }
    time("equality") { _ = oldArticle == newArticle }
    time("textLength") { _ = newArticle.textLength }
    time("diff") { _ = RedlineDiff.ArticleDiffer.diff(oldArticle, newArticle) }
}
