import Foundation
import RedlineModel

/// How git and forges show a track repository: the article's text, not the captured page and
/// redline's index. `git log -p` reads `info/attributes` (a bare repository has no work tree
/// for a `.gitattributes`); a forge reads the `.gitattributes` each version's tree carries
/// (``StoredVersion/files``, the same blob every time).
///
///     git log -p articles/cork-live
///     → article.md     the extracted article, line by line
///       source.html    "Binary files differ"   (-diff)
///       redline.json   "Binary files differ"   (-diff)
extension TrackRepository {
    /// What both files say: every file redline generates is `-diff` and `linguist-generated`,
    /// except `article.md`, the readable text.
    static var attributes: String {
        let generated = CaptureFormat.allCases.map(StoredVersion.sourceFile)
            + [StoredVersion.articleFile, VersionIndex.fileName, VersionIndex.originsFileName, StoredVersion.attributesFile]
        return "# redline: show the article's text changes (\(StoredVersion.articleTextFile)), not the captured page or redline's index.\n"
            + generated.map { $0 + " -diff linguist-generated\n" }.joined() + "# end of redline's lines\n"
    }

    /// Writes redline's lines into `info/attributes` when they are not there (a repository made
    /// before they were kept): a new file, or appended to the lines someone else wrote. Idempotent;
    /// `init` and every capture call it, so a repository of any age gets them once.
    func writeAttributes() throws {
        let info = path + "/info", file = info + "/attributes"
        let existing = FileManager.default.contents(atPath: file)
        if let existing, String(decoding: existing, as: UTF8.self).contains(Self.attributes) { return }
        do {
            try FileManager.default.createDirectory(atPath: info, withIntermediateDirectories: true)
            var text = existing.map { String(decoding: $0, as: UTF8.self) } ?? ""
            if !text.isEmpty, !text.hasSuffix("\n") { text += "\n" }
            try Data((text + Self.attributes).utf8).write(to: URL(fileURLWithPath: file), options: .atomic)
        } catch {
            throw StoreError.system(path: path, detail: "write \(file)", errno: Self.posixCode(of: error) ?? EIO)
        }
    }
}
