import ArgumentParser
import Foundation
import Redline
import RedlineCapture
import RedlineExtract
import RedlineModel
import RedlineStore

extension RedlineCommand {
    struct Replay: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "replay",
            abstract: "Capture every file of a directory, in name order, as successive versions.",
            discussion: """
                A file whose name starts with a time (2025-04-23T0800Z_page.html) is recorded as \
                captured then; others as captured now. A file already stored with the same time \
                is skipped, so replaying a directory again adds only what is new.
                """)

        @OptionGroup var repository: RepositoryOptions
        @Argument(help: "A directory of captures.") var directory: String
        @Option(help: "The article's name (default: the directory's name).") var slug: String?
        @Option(help: "How to read the captures.") var format: InputFormat = .auto
        @Option(help: "The URL to record with every capture.") var url: String?
        @Flag(help: "Store captures that hold under a quarter of the previous version's text (otherwise skipped).")
        var force = false

        func run() throws {
            let slug = try slug.map { try Slug($0) } ?? Tracker.slug(forDirectory: directory)
            let tracker = try repository.tracker()
            let files = try Tracker.captureFiles(in: directory)
            let stored = try tracker.repository.storedCaptures(of: slug, sourceFileNames: CaptureFormat.allCases.map(\.sourceFileName))
            var progress = ProgressBar(total: files.count)
            defer { progress.finish() }
            for (done, file) in files.enumerated() {
                progress.update(done)
                let time = Tracker.captureTime(fromFileName: file) ?? Date()
                let capture = try CaptureReader.read(file, url: url, capturedAt: time)
                if let number = try stored[TrackRepository.captureKey(capture.bytes, capturedAt: time)] {
                    progress.clear()
                    Output.write("\((file as NSString).lastPathComponent): \(slug): already stored as version \(number)\n")
                    continue
                }
                let result: Tracker.SnapResult
                do {
                    result = try tracker.snap(slug, capture, format: format.captureFormat, force: force)
                } catch let error as TrackerError {
                    guard case .nearlyEmpty = error else { throw error }
                    progress.clear()
                    Output.warning("\((file as NSString).lastPathComponent) skipped: \(error)")
                    continue
                }
                result.warnings.forEach { Output.warning("\(file): \($0)") }
                progress.clear()
                Output.write("\((file as NSString).lastPathComponent): \(describe(result, slug: slug))\n")
            }
            progress.update(files.count)
        }
    }
}
