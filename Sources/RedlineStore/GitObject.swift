import Foundation

/// One object as git stores it, made in memory: its type (commit 1, tree 2, blob 3), its bytes,
/// and its id, the SHA-1 of `"<type> <size>\0"` and the bytes.
///
///     GitObject(blob: Data("hello\n".utf8)).id    → "ce013625030ba8dba906f756967f9e9ca394464a"
///     GitObject(tree: [("article.md", "ce01…")])  → "100644 article.md\0" + 20 bytes of id
///
/// A capture's objects are made here and then packed (``TrackRepository/packCapture(_:keep:)``)
/// or, when that cannot be done, written loose through libgit2 (``GitRepository/write(_:)``),
/// which checks the id.
struct GitObject {
    let type: Int
    let content: [UInt8]
    let id: String

    init(type: Int, content: [UInt8]) {
        self.type = type
        self.content = content
        id = Self.id(type: type, content: content)
    }

    init(blob: Data) {
        self.init(type: 3, content: blob.withUnsafeBytes { [UInt8]($0) })
    }

    /// A flat tree of regular files (`name` → blob id), in git's order (by name, byte for byte).
    init(tree files: [(name: String, blob: String)]) {
        var content: [UInt8] = []
        for file in files.sorted(by: { Array($0.name.utf8).lexicographicallyPrecedes(Array($1.name.utf8)) }) {
            content += Array("100644 \(file.name)".utf8) + [0] + ObjectID.bytes(file.blob)
        }
        self.init(type: 2, content: content)
    }

    /// A commit of `tree` on top of `parent` (nil for the first), authored and committed by
    /// `name <email>` at `time` (whole seconds, UTC), as `git_commit_create` writes one — but
    /// with the time as the 64-bit number it is: libgit2 1.5.1 prints a signature's time as
    /// `(unsigned)`, so through it a time after 2106-02-07T06:28:15Z was stored wrapped round.
    init(commit tree: String, parent: String?, message: String, name: String, email: String, time: Date) {
        let person = "\(name) <\(email)> \(Int64(time.timeIntervalSince1970.rounded(.down))) +0000"
        var text = "tree \(tree)\n" + (parent.map { "parent \($0)\n" } ?? "")
        text += "author \(person)\ncommitter \(person)\nencoding UTF-8\n\n" + message
        self.init(type: 1, content: Array(text.utf8))
    }

    static let typeNames = [1: "commit", 2: "tree", 3: "blob", 4: "tag"]

    /// The id `content` has as an object of `type`: the SHA-1 ``PackCodecs`` loads when it is loaded
    /// (``PackCodecs``), else libgit2's.
    static func id(type: Int, content: [UInt8]) -> String {
        guard PackCodecs.load() == nil else { return GitRepository.hash(type: type, content: content) }
        return ObjectID.hex(SHA1.digest(content, after: Array("\(typeNames[type] ?? "blob") \(content.count)".utf8) + [0]))
    }
}
