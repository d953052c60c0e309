import Foundation
import RedlineText

/// Why a file a command writes (`report -o`, `feed -o`) could not be written.
enum OutputFileError: Error, CustomStringConvertible {
    /// The path names a directory, not a file.
    case isDirectory(String, what: String)
    /// The folder the file would go in does not exist, or is a file: `problem` says which.
    case badFolder(String, what: String, folder: String, problem: String)
    /// Anything else: `reason` is the system's, without a closing full stop.
    case cannotWrite(String, what: String, reason: String)

    var description: String {
        switch self {
        case .isDirectory(let path, let what):
            "cannot write the \(what) to '\(path)': it is a directory; give the path of a file in it with -o"
        case .badFolder(let path, let what, let folder, let problem):
            "cannot write the \(what) to '\(path)': '\(folder)' \(problem); give another path with -o"
        case .cannotWrite(let path, let what, let reason):
            "cannot write the \(what) to '\(path)': \(reason); give another path with -o"
        }
    }
}

extension Output {
    /// Writes `text` to the file at `path` atomically (a reader sees the old file or the new one,
    /// never half of one); `what` names it in an error. A path that is not a file (`/dev/null`, a
    /// FIFO, a terminal) is written into as it is, and a symbolic link's file replaced, not the
    /// link: an atomic write renames a new file over the path, and run as root it made
    /// `report -o /dev/null` replace the system's `/dev/null` with a file.
    static func write(_ text: String, toFile path: String, what: String) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw OutputFileError.isDirectory(path, what: what)
        }
        var info = stat()
        if stat(path, &info) == 0, info.st_mode & S_IFMT != S_IFREG {
            guard let handle = FileHandle(forWritingAtPath: path) else {
                throw OutputFileError.cannotWrite(path, what: what, reason: String(cString: strerror(errno)))
            }
            defer { try? handle.close() }
            do {
                try handle.write(contentsOf: Data(text.utf8))
            } catch {
                throw OutputFileError.cannotWrite(path, what: what, reason: SystemReason.of(error))
            }
            return
        }
        let url = URL(fileURLWithPath: path).resolvingSymlinksInPath()
        let folder = url.deletingLastPathComponent().path
        do {
            try Data(text.utf8).write(to: url, options: .atomic)
        } catch {
            if !FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) {
                throw OutputFileError.badFolder(path, what: what, folder: folder, problem: "does not exist")
            }
            if !isDirectory.boolValue {
                throw OutputFileError.badFolder(path, what: what, folder: folder, problem: "is a file, not a folder")
            }
            throw OutputFileError.cannotWrite(path, what: what, reason: SystemReason.of(error))
        }
    }

}
