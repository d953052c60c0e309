/// Why a capture was refused before anything was stored.
public enum CaptureError: Error, Sendable, Equatable, CustomStringConvertible {
    case missingFile(String)
    case isDirectory(String)
    case unreadable(String, reason: String)
    case empty(String)
    case binary(String)
    case utf16WithoutByteOrderMark(String)
    /// Larger than `limit`: `bytes` when its size is known, nil when it was read only as far as the limit.
    case tooLarge(String, bytes: Int?, limit: Int)

    public var description: String {
        switch self {
        case .missingFile(let path): "no such file: \(path)"
        case .isDirectory(let path): "\(path) is a directory; name a file (or use 'redline replay' for a directory of captures)"
        case .unreadable(let path, let reason): "cannot read \(path): \(reason)"
        case .empty(let path): "\(path) is empty (or only white space); nothing to capture"
        case .binary(let path): "\(path) looks like a binary file (a NUL byte in its first 8 KiB); capture the page's HTML or text instead"
        case .utf16WithoutByteOrderMark(let path):
            "\(path) looks like UTF-16 without a byte-order mark; convert it to UTF-8 (iconv -f UTF-16LE -t UTF-8) or add a BOM"
        case .tooLarge(let path, let bytes, let limit):
            "\(path) is \(bytes.map { "\($0) bytes, " } ?? "")over the limit of \(limit)\(bytes == nil ? " bytes (read no further)" : ""); raise it with REDLINE_MAX_BYTES if you mean it"
        }
    }
}
