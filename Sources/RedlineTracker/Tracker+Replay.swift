import Foundation
import RedlineCapture
import RedlineExtract
import RedlineModel
import RedlineStore

extension Tracker {
    /// What `replay` did with one file.
    public enum ReplayStep: Sendable {
        /// Captured as `snap` does.
        case captured(SnapResult)
        /// Already stored as this version of `slug`: the same bytes at the same time, or what
        /// the history showed at the file's time, or (a name without a time) found among the
        /// versions from the one the previous file ended at.
        case alreadyStored(slug: Slug, version: Int)
        /// Not stored, and why: a file that cannot be read or holds no article, a capture older
        /// than the newest version and not stored before, one that extracts to almost nothing.
        case skipped(reason: String)
    }

    /// `redline replay`: captures every file of `directory` in name order as successive versions
    /// of `slug` (default: the directory's name). A file whose name starts with a time
    /// (`2025-04-23T0800Z_page.html`) is captured at that time, others now. Replaying a folder
    /// again stores nothing new (``ReplayStep/alreadyStored(slug:version:)``), also while
    /// another replay of it runs: what is already stored is checked under the article's lock.
    /// A file that cannot be captured, or is older than the newest version, is reported and
    /// skipped; when no file at all can be read, ``TrackerError/nothingReplayed(_:files:)``.
    /// `progress` is told before each file (its index); `report`, after it, what became of it.
    public func replay(_ directory: String, slug: Slug? = nil, format: CaptureFormat? = nil, url: String? = nil,
                       force: Bool = false,
                       progress: (_ done: Int, _ total: Int) -> Void = { _, _ in },
                       report: (_ file: String, _ step: ReplayStep) -> Void) throws {
        let slug = try slug ?? Self.slug(forDirectory: directory)
        if let url { _ = try PageFetcher.url(url) }   // stored and linked, as snap's
        let files = try Self.captureFiles(in: directory)
        var stored = try repository.storedCaptures(of: slug)
        var position = 0, unreadable = 0
        for (done, file) in files.enumerated() {
            progress(done, files.count)
            let step: ReplayStep
            do {
                if let reason = Self.notAFile(file) { throw CaptureError.unreadable(file, reason: reason) }
                step = try replay(file, of: slug, format: format, url: url, force: force, stored: &stored, position: position)
            } catch TrackerError.notAPage(let origin, let kind) {
                unreadable += 1
                step = .skipped(reason: TrackerError.notAPage(origin, kind: kind).description)
            } catch let error as CaptureError {
                unreadable += 1
                step = .skipped(reason: error.description)
            } catch TrackerError.nothingExtracted(let origin) {
                unreadable += 1
                step = .skipped(reason: TrackerError.nothingExtracted(origin).description)
            }
            switch step {
            case .captured(let result): position = result.version.number
            case .alreadyStored(_, let version): position = version
            case .skipped: break
            }
            report(file, step)
        }
        progress(files.count, files.count)
        if unreadable == files.count { throw TrackerError.nothingReplayed(directory, files: files.count) }
    }

    /// Thrown under the article's lock to store nothing: the capture is this version already.
    private struct AlreadyStored: Error {
        var version: Int
    }

    /// What becomes of `file`, replayed after the versions `stored` (kept up to date) with the
    /// previous file at version `position`.
    private func replay(_ file: String, of slug: Slug, format: CaptureFormat?, url: String?, force: Bool,
                        stored: inout StoredCaptures, position: Int) throws -> ReplayStep {
        let time = Self.captureTime(fromFileName: file)
        let capture = try Self.refusingNonPage(CaptureReader.read(file, url: url, capturedAt: time), format: format)
        let extraction = ArticleExtractor.extract(capture.bytes, format: format)
        let source = TrackRepository.blobID(of: capture.bytes)
        let article = extraction.article.isEmpty ? nil : StoredVersion.articleID(of: extraction.article)
        do {
            let result = try snap(slug, capture, extraction, force: force) { newest in
                if newest?.commit != stored.tip { stored = try repository.storedCaptures(of: slug) }
                let known = if let time { stored.version(capturing: source, at: time) } else {
                    stored.version(holding: source, article: article, from: position)
                }
                if let known { throw AlreadyStored(version: known) }
            }
            if result.isNew { stored.add(result.version, source: source, article: result.articleID) }
            return .captured(result)
        } catch let known as AlreadyStored {
            return .alreadyStored(slug: slug, version: known.version)
        } catch StoreError.olderThanNewest(_, let capturedAt, let newest, let newestAt) {
            if try repository.latest(of: slug)?.commit != stored.tip { stored = try repository.storedCaptures(of: slug) }
            if let time, let known = stored.version(capturing: source, at: time)
                ?? stored.version(showing: source, article: article, at: time) {
                return .alreadyStored(slug: slug, version: known)
            }
            return .skipped(reason: "captured at \(Timestamp.format(capturedAt)), before version \(newest) (\(Timestamp.format(newestAt)))")
        } catch let error as TrackerError {
            guard case .nearlyEmpty = error else { throw error }
            return .skipped(reason: error.description)
        }
    }

    /// The capture files of `directory` in name order: regular, not hidden.
    static func captureFiles(in directory: String) throws -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) else {
            throw CaptureError.missingFile(directory)
        }
        guard isDirectory.boolValue else {
            throw CaptureError.unreadable(directory, reason: "it is not a directory")
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: directory)
        // Every entry but folders (a link to nothing, a FIFO are reported, not read: notAFile),
        // in the order of the times their names give, those without one last (captured now),
        // then by name.
        let files = names.filter { !$0.hasPrefix(".") }.map { (directory as NSString).appendingPathComponent($0) }
            .filter { path in
                var info = stat()   // FileManager calls a link to nothing a folder
                return !(stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR)
            }
            .map { (path: $0, time: captureTime(fromFileName: $0) ?? .distantFuture) }
            .sorted { ($0.time, $0.path) < ($1.time, $1.path) }
            .map(\.path)
        guard !files.isEmpty else { throw TrackerError.emptyDirectory(directory) }
        return files
    }

    /// Why `path` is not a file to read as a capture (a link to nothing, a FIFO, a device, a
    /// socket: reading a FIFO would wait for ever), nil for a regular file or a link to one.
    static func notAFile(_ path: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0 else { return "it is a link to nothing" }
        return info.st_mode & S_IFMT == S_IFREG ? nil : "it is not a regular file (a FIFO, a device or a socket)"
    }

    /// The slug `replay` uses for `directory` when none is given: its name.
    static func slug(forDirectory directory: String) throws -> Slug {
        let name = URL(fileURLWithPath: directory).standardizedFileURL.lastPathComponent
        guard let slug = try? Slug(name) else { throw TrackerError.badSlugForDirectory(name) }
        return slug
    }

    /// The capture time a file's name gives (`2025-04-23T0800Z_guardian.txt` → 08:00 UTC that day).
    public static func captureTime(fromFileName path: String) -> Date? {
        let name = (path as NSString).lastPathComponent
        let stem = name.prefix { $0 != "_" && $0 != " " }
        let withoutExtension = stem.hasSuffix(".txt") || stem.hasSuffix(".html") || stem.hasSuffix(".htm")
            ? String(stem[..<stem.lastIndex(of: ".")!]) : String(stem)
        guard withoutExtension.count >= 10 else { return nil }
        return Timestamp.parse(withoutExtension)
    }
}
