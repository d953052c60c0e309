import Foundation
import RedlineCapture
import RedlineExtract
import RedlineModel

extension Tracker {
    /// The capture files of `directory` in name order: regular, not hidden.
    public static func captureFiles(in directory: String) throws -> [String] {
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
    public static func slug(forDirectory directory: String) throws -> Slug {
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
