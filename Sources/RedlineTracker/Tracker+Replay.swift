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
        /// The same bytes at the same time were already stored, as this version of `slug`.
        case alreadyStored(slug: Slug, version: Int)
        /// Not stored, and why (a capture that extracts to almost nothing).
        case skipped(reason: String)
    }

    /// `redline replay`: captures every file of `directory` in name order as successive versions
    /// of `slug` (default: the directory's name). A file whose name starts with a time
    /// (`2025-04-23T0800Z_page.html`) is captured at that time, others now. `progress` is told
    /// before each file (its index) and after it (the file and what became of it).
    public func replay(_ directory: String, slug: Slug? = nil, format: CaptureFormat? = nil, url: String? = nil,
                       force: Bool = false,
                       progress: (_ done: Int, _ total: Int) -> Void = { _, _ in },
                       report: (_ file: String, _ step: ReplayStep) -> Void) throws {
        let slug = try slug ?? Self.slug(forDirectory: directory)
        let files = try Self.captureFiles(in: directory)
        let stored = try repository.storedCaptures(of: slug)
        for (done, file) in files.enumerated() {
            progress(done, files.count)
            let time = Self.captureTime(fromFileName: file) ?? Date()
            let capture = try CaptureReader.read(file, url: url, capturedAt: time)
            if let number = try stored[TrackRepository.captureKey(capture.bytes, capturedAt: time)] {
                report(file, .alreadyStored(slug: slug, version: number))
                continue
            }
            do {
                report(file, .captured(try snap(slug, capture, format: format, force: force)))
            } catch let error as TrackerError {
                guard case .nearlyEmpty = error else { throw error }
                report(file, .skipped(reason: error.description))
            }
        }
        progress(files.count, files.count)
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
        let files = names.filter { !$0.hasPrefix(".") }.sorted().map { (directory as NSString).appendingPathComponent($0) }
            .filter { path in
                var isDir: ObjCBool = false
                return FileManager.default.fileExists(atPath: path, isDirectory: &isDir) && !isDir.boolValue
            }
        guard !files.isEmpty else { throw TrackerError.emptyDirectory(directory) }
        return files
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
