import Foundation

/// Reads a capture from a file or standard input and refuses what cannot be a page.
public enum CaptureReader {
    /// The largest capture accepted by default: 64 MiB (`REDLINE_MAX_BYTES` overrides it).
    public static let defaultLimit = 64 << 20

    /// The limit in force: `REDLINE_MAX_BYTES` when set to a positive number, else ``defaultLimit``.
    public static var limit: Int {
        // getenv, not ProcessInfo's environment, which builds a dictionary of every variable.
        getenv("REDLINE_MAX_BYTES").flatMap { Int(String(cString: $0)) }.flatMap { $0 > 0 ? $0 : nil } ?? defaultLimit
    }

    /// Reads `path` (`-` for standard input) as a capture taken at `capturedAt` from `url`.
    public static func read(_ path: String, url: String? = nil, capturedAt: Date? = nil) throws(CaptureError) -> Capture {
        let bytes = try path == "-" ? readStandardInput() : readFile(path)
        try check(bytes, origin: path == "-" ? "standard input" : path)
        return Capture(bytes: bytes, origin: path, url: url, capturedAt: capturedAt)
    }

    /// Refuses empty, binary and oversized captures.
    public static func check(_ bytes: Data, origin: String) throws(CaptureError) {
        if bytes.count > limit { throw .tooLarge(origin, bytes: bytes.count, limit: limit) }
        let head = bytes.prefix(8192)
        let isUTF16 = head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF])
        if !isUTF16, head.contains(0) {
            throw looksLikeUTF16(head) ? .utf16WithoutByteOrderMark(origin) : .binary(origin)
        }
        if isUTF16 ? bytes.count <= 2 : bytes.allSatisfy({ $0 == 0x20 || ($0 >= 0x09 && $0 <= 0x0D) }) {
            throw .empty(origin)
        }
    }

    /// Text in UTF-16 without a BOM: every NUL on the same side of its byte pair, and most pairs
    /// with one (ASCII letters, white space and punctuation have a zero high byte).
    ///
    ///     "Hi\n" as UTF-16LE: 48 00 69 00 0A 00 → true;  a PNG header → false
    static func looksLikeUTF16(_ head: Data) -> Bool {
        let bytes = Array(head.prefix(head.count & ~1))
        guard bytes.count >= 4 else { return false }
        var nulsAt = [0, 0]
        for (offset, byte) in bytes.enumerated() where byte == 0 { nulsAt[offset & 1] += 1 }
        let pairs = bytes.count / 2
        return (nulsAt[0] == 0 || nulsAt[1] == 0) && max(nulsAt[0], nulsAt[1]) * 2 >= pairs
    }

    /// Files at least this large are mapped rather than read into memory.
    static let mappingThreshold = 64 << 10

    private static func readFile(_ path: String) throws(CaptureError) -> Data {
        // One stat(2): FileManager's attributes would also look up the owner's name (NSS).
        var info = stat()
        guard stat(path, &info) == 0 else {
            let error = errno
            if error == ENOENT { throw .missingFile(path) }
            throw .unreadable(path, reason: String(cString: strerror(error)))
        }
        if info.st_mode & S_IFMT == S_IFDIR { throw .isDirectory(path) }
        if info.st_mode & S_IFMT == S_IFSOCK { throw .unreadable(path, reason: "it is a socket, not a file or a pipe") }
        // A named pipe or `<(cmd)` (/dev/fd/63) is read to its end, as standard input is.
        if info.st_mode & S_IFMT == S_IFIFO || info.st_mode & S_IFMT == S_IFCHR { return try readStream(path) }
        if Int(info.st_size) > limit { throw .tooLarge(path, bytes: Int(info.st_size), limit: limit) }
        let url = URL(fileURLWithPath: path)
        // A large file is mapped, not copied: its pages come straight from the page cache. Cut
        // short while it is read, it raises SIGBUS on the next page touched (the redline command
        // reports that in one line). Where it cannot be mapped, it is read.
        if info.st_mode & S_IFMT == S_IFREG, Int(info.st_size) >= mappingThreshold,
           let mapped = try? Data(contentsOf: url, options: .alwaysMapped) {
            return mapped
        }
        do {
            return try Data(contentsOf: url)
        } catch {
            throw .unreadable(path, reason: (error as NSError).localizedDescription)
        }
    }

    /// Reads a pipe (or a device) at `path` to its end, up to the limit.
    private static func readStream(_ path: String) throws(CaptureError) -> Data {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .unreadable(path, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count == 0 { return data }
            if count < 0 {
                if errno == EINTR { continue }
                throw .unreadable(path, reason: String(cString: strerror(errno)))
            }
            data.append(contentsOf: buffer[..<count])
            if data.count > limit { throw .tooLarge(path, bytes: nil, limit: limit) }
        }
    }

    private static func readStandardInput() throws(CaptureError) -> Data {
        var data = Data()
        while let chunk = try? FileHandle.standardInput.read(upToCount: 1 << 16), !chunk.isEmpty {
            data.append(chunk)
            if data.count > limit { throw .tooLarge("standard input", bytes: nil, limit: limit) }
        }
        return data
    }
}
