/// Why the store could not do what was asked; each says what to do about it.
public enum StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    case noRepository(path: String)
    case notADirectory(path: String)
    case notARepository(path: String)
    case readOnly(path: String)
    case unknownArticle(slug: String)
    case unknownRevision(String, slug: String, reason: String)
    case locked(reference: String, path: String)
    case damaged(path: String, detail: String)

    public var description: String {
        switch self {
        case .noRepository(let path):
            "no track repository at \(path); create one with 'redline init' or name another with --repo"
        case .notADirectory(let path):
            "\(path) is a file, not a track repository; name a directory with --repo"
        case .notARepository(let path):
            "\(path) is not a git repository; run 'redline init --repo \(path)' to make it one, or name another with --repo"
        case .readOnly(let path):
            "the track repository at \(path) is read-only; nothing was written (make it writable, or capture into another with --repo)"
        case .unknownArticle(let slug):
            "no article named '\(slug)' in this track repository; 'redline articles' lists them"
        case .unknownRevision(let text, let slug, let reason):
            "unknown revision '\(text)' for '\(slug)': \(reason); 'redline log \(slug)' lists its versions"
        case .locked(let reference, let path):
            "\(reference) stayed locked by another writer; if no redline is running, remove \(path)"
        case .damaged(let path, let detail):
            "the track repository at \(path) could not be read: \(detail); run 'git --git-dir \(path) fsck' to find the damage"
        }
    }
}
