import Foundation

/// Why a file a command writes (`report -o`, `feed -o`) could not be written.
enum OutputFileError: Error, CustomStringConvertible {
    case cannotWrite(String, what: String, reason: String)

    var description: String {
        switch self {
        case .cannotWrite(let path, let what, let reason): "cannot write the \(what) to '\(path)': \(reason); give another path with -o"
        }
    }
}

extension Output {
    /// Writes `text` to the file at `path` atomically (a reader sees the old file or the new one,
    /// never half of one); `what` names it in an error.
    static func write(_ text: String, toFile path: String, what: String) throws {
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            let reason = (error as NSError).localizedFailureReason ?? (error as NSError).localizedDescription
            throw OutputFileError.cannotWrite(path, what: what, reason: reason)
        }
    }
}
