import Foundation
import RedlineCapture
import RedlineDiff
import RedlineExtract
import RedlineModel
import Synchronization

extension Tracker {
    /// `redline extract`: the article in the capture at `path` (`-` for standard input).
    public static func extract(_ path: String, format: CaptureFormat? = nil, filter: ExtractionFilter = .none) throws -> Extraction {
        let capture = try refusingNonPage(CaptureReader.read(path), format: format, as: TrackerError.notAPageToExtract)
        return ArticleExtractor.extract(capture.bytes, format: format, filter: filter)
    }

    /// `capture`, unless it is not a page (a PDF, JSON, an image: ``Capture/nonPageKind``) and
    /// `format` does not say to read it as text: then `refusal` of where it came from and what it
    /// is, as `fetch` refuses what a server sends.
    static func refusingNonPage(_ capture: Capture, format: CaptureFormat?,
                                as refusal: (String, String) -> TrackerError = TrackerError.notAPage) throws -> Capture {
        guard format != .text, let kind = capture.nonPageKind else { return capture }
        throw refusal(capture.origin == "-" ? "standard input" : capture.origin, kind)
    }

    /// What `diff --files` found.
    public struct FilesDiff: Sendable {
        /// The change from the old capture to the new.
        public var diff: ArticleDiff
        /// The warnings met extracting them, each naming its file.
        public var warnings: [String]
        /// The two captures as extracted, old first.
        public var extractions: [Extraction]
    }

    /// `redline diff --files OLD NEW`: the change between two captures, no repository needed.
    /// The two are read and extracted at once, one on each core (one after the other when one
    /// is standard input).
    public static func diffFiles(_ old: String, _ new: String) throws -> FilesDiff {
        let paths = [old, new]
        let results = Mutex<[Result<(extraction: Extraction, blocks: VersionBlocks), CaptureError>?]>([nil, nil])
        let extract = { @Sendable (index: Int) in
            ProcessMemory.prepareShortRunThread()
            let result = Result { () throws(CaptureError) in
                let extraction = try ArticleExtractor.extract(CaptureReader.read(paths[index]).bytes)
                return (extraction: extraction, blocks: VersionBlocks(extraction.article))
            }
            results.withLock { $0[index] = result }
        }
        if paths.contains("-") {
            (0..<2).forEach(extract)
        } else {
            DispatchQueue.concurrentPerform(iterations: 2, execute: extract)
        }
        let (oldResult, newResult) = results.withLock { ($0[0]!, $0[1]!) }
        let (first, second) = try (oldResult.get(), newResult.get())
        var diff = ArticleDiffer.diff(first.blocks, second.blocks)
        diff.from = DiffSide(path: old)
        diff.to = DiffSide(path: new)
        let warnings = first.extraction.warnings.map { "\(old): \($0)" } + second.extraction.warnings.map { "\(new): \($0)" }
        return FilesDiff(diff: diff, warnings: warnings, extractions: [first.extraction, second.extraction])
    }
}
