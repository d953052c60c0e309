import RedlineText
import RedlineCorpus
import Foundation
import Testing
import RedlineModel
import RedlineExtract
@testable import RedlineDiff

/// The quality suite through extraction: the same known edits as `DifferQualityTests`, but both
/// versions are written out as captures (plain text, HTML), read back with `ArticleExtractor`, and
/// the extracted articles diffed, as `redline snap` + `redline diff` would.
///
/// Extraction may number blocks differently from the generated article (a title it reads as a
/// paragraph, a line it drops as furniture), so each generated block is found again in the
/// extracted article by its text, in order (`PositionMap`), and the known changes are restated at
/// the extracted positions. Nothing is forgiven: a changed block extraction lost counts as missed,
/// an unchanged block lost on one side only counts as reported changed, and an extracted block that
/// matches no generated one counts as a false change when the diff reports it changed.
struct ExtractedQualityTests {
    enum Format: String, CaseIterable {
        case text = "plain text"
        case html = "HTML"

        func capture(_ article: Article, style: CaptureRendering.Style = .plain) -> Data {
            switch self {
            case .text: Data(CaptureRendering.plainText(article, style: style).utf8)
            case .html: Data(CaptureRendering.html(article, style: style).utf8)
            }
        }

        func extract(_ article: Article, style: CaptureRendering.Style = .plain) -> Article {
            let format: CaptureFormat = self == .text ? .text : .html
            return ArticleExtractor.extract(capture(article, style: style), format: format).article
        }
    }

    /// Trials per blog and format, on the blog's oldest `entriesPerBlog` entries (the BBC blog has
    /// 1 418, the Guardian ones about 300): extraction in a debug build is the slow part of this
    /// suite, and the number of changes per trial does not depend on the size.
    static let trialsPerBlog = 6
    static let entriesPerBlog = 160

    @Test(arguments: Format.allCases) func everyKindOfChangeIsFound(format: Format) throws {
        let blogs = try LiveBlog.names.map { try LiveBlog.load($0).oldest(Self.entriesPerBlog) }
        var score = QualityScore()
        var extractTime = Duration.zero, diffTime = Duration.zero
        let clock = ContinuousClock()
        for (b, blog) in blogs.enumerated() {
            // The same seeds as the Article-level suite: its first trials, through extraction.
            var rng = SeededGenerator(seed: 0xB10C_0000 + UInt64(b))
            for _ in 0..<Self.trialsPerBlog {
                let trial = EditedVersions.make(blog, &rng)
                var started = clock.now
                let old = format.extract(trial.old), new = format.extract(trial.new)
                extractTime += clock.now - started
                started = clock.now
                let diff = ArticleDiffer.diff(old, new)
                diffTime += clock.now - started
                let problems = invariantProblems(old, new, diff)
                #expect(problems.isEmpty, "\(blog.name) \(format.rawValue): \(problems.prefix(3))")
                score.add(trial.remapped(oldExtracted: old, newExtracted: new).score(diff))
            }
        }
        var lines = score.report(title: "through \(format.rawValue) extraction")
        lines.append("  (time extracting: \(extractTime), in the differ: \(diffTime))")
        print(lines.joined(separator: "\n"))
        for kind in ChangeKind.allCases where score.total[kind, default: 0] > 0 {
            #expect(score.rate(kind) >= 0.98, "\(format.rawValue): \(kind.rawValue) found \(score.rate(kind))")
        }
        #expect(score.falseChangeRate <= 0.001, "\(format.rawValue): unchanged reported changed \(score.falseChangeRate)")
    }

    /// Markup-only differences (attribute order, scripts, comments, a sidebar, inline spans,
    /// structured data) and white-space-only differences report no change at all.
    @Test(arguments: Format.allCases) func markupAndWhiteSpaceOnlyDifferencesReportNothing(format: Format) throws {
        for name in LiveBlog.names {
            let blog = try LiveBlog.load(name).oldest(Self.entriesPerBlog)
            let article = blog.version(entryCount: blog.entries.count * 2 / 3)
            let plain = format.extract(article)
            #expect(plain.entries.count > 10, "\(name): \(plain.entries.count) entries extracted")
            let styles: [CaptureRendering.Style] = format == .html ? [.noisy, .spaced] : [.spaced]
            for style in styles {
                let other = format.extract(article, style: style)
                let diff = ArticleDiffer.diff(plain, other)
                #expect(!diff.summary.hasChanges, "\(name) \(format.rawValue) \(style): \(diff.summary)")
                // The same text, titles and key events, each block in the same entry. (Not always the
                // same entries: structured data naming an update by neither id nor headline, at a
                // minute several entries share, adds an empty entry of its own, where it stands in
                // the page; it holds no block, so the diff is unaffected.)
                func blocks(_ article: Article) -> [String] {
                    article.positionedBlocks.map { positioned in
                        let entry = positioned.entryIndex.map { article.entries[$0] }
                        return "\(entry?.id ?? "-") \(entry?.title ?? "-") \(positioned.isEntryTitle) \(positioned.block.kind) \(positioned.block.text)"
                    }
                }
                #expect(blocks(plain) == blocks(other) && plain.keyEvents == other.keyEvents
                            && plain.title == other.title && plain.standfirst == other.standfirst,
                        "\(name) \(format.rawValue) \(style): the extracted articles differ")
            }
        }
    }
}

/// Where each block of a generated article stands in the article extracted from its capture.
///
///     generated: 0 "Arrests latest" (title), 1 "Police said …", 2 "Share"
///     extracted: 0 "Arrests latest", 1 "Police said …"        (the line "Share" read as furniture)
///     → positions [0, 1, nil]; stray (extracted, matched by none): []
///
/// Matched by folded text, in order, each generated block looking a short way ahead of the last
/// match (further only when its successor follows it there too), so a lost block costs only itself.
struct PositionMap {
    /// For each generated position, the extracted one (nil: lost in extraction).
    var positions: [Int?]
    /// Extracted positions no generated block matched.
    var stray: Set<Int>

    init(generated: Article, extracted: Article) {
        let want = generated.positionedBlocks.map { Text.normalize($0.block.text) }
        let got = extracted.positionedBlocks.map { Text.normalize($0.block.text) }
        positions = []
        var cursor = 0
        for (k, text) in want.enumerated() {
            let window = cursor..<min(cursor + 24, got.count)
            // Near the last match; else anywhere further on, if the next block follows it there too
            // (so a run of stray blocks does not stall the map, and a repeated line does not derail it).
            let at = window.first { got[$0] == text }
                ?? (window.upperBound..<got.count).first { got[$0] == text && (k + 1 == want.count || $0 + 1 < got.count && got[$0 + 1] == want[k + 1]) }
            if let at {
                positions.append(at)
                cursor = at + 1
            } else {
                positions.append(nil)
            }
        }
        stray = Set(got.indices).subtracting(positions.compactMap { $0 })
    }
}

extension EditedVersions {
    /// The known changes restated at the positions of the extracted articles.
    func remapped(oldExtracted: Article, newExtracted: Article) -> EditedVersions {
        let oldMap = PositionMap(generated: old, extracted: oldExtracted)
        let newMap = PositionMap(generated: new, extracted: newExtracted)
        var result = self
        result.old = oldExtracted
        result.new = newExtracted
        result.strayOld = oldMap.stray
        result.strayNew = newMap.stray
        result.lost = [:]
        result.lostBlocks = oldMap.positions.filter { $0 == nil }.count + newMap.positions.filter { $0 == nil }.count
        var origins = [(origin: Int?, kind: ChangeKind?)](repeating: (nil, nil), count: newExtracted.positionedBlocks.count)
        let swapped = Set(swappedPairs.flatMap { [$0.0, $0.1] })
        for (j, expected) in newOrigins.enumerated() {
            guard let at = newMap.positions[j] else {
                // Lost on the new side: an expected change there is missed (swaps are counted below).
                if let kind = expected.kind, kind != .swapped, !swapped.contains(j) { result.lost[kind, default: 0] += 1 }
                continue
            }
            origins[at] = (expected.origin.flatMap { oldMap.positions[$0] }, expected.kind)
        }
        result.newOrigins = origins
        result.removedOld = []
        for i in removedOld {
            if let at = oldMap.positions[i] { result.removedOld.append(at) } else { result.lost[.removed, default: 0] += 1 }
        }
        result.swappedPairs = []
        for (a, b) in swappedPairs {
            if let x = newMap.positions[a], let y = newMap.positions[b] { result.swappedPairs.append((x, y)) } else { result.lost[.swapped, default: 0] += 1 }
        }
        return result
    }
}
