import RedlineModel

/// Why the tracker refused a capture or a question.
public enum TrackerError: Error, Sendable, Equatable, CustomStringConvertible {
    case nothingExtracted(String)
    case nearlyEmpty(String, letters: Int, previousLetters: Int, previousVersion: Int)
    case badSlugForDirectory(String)
    case emptyDirectory(String)
    /// `replay` could capture none of the files of a directory.
    case nothingReplayed(String, files: Int)
    case missingStoredArticle(version: Int)
    case onlyOneVersion(String)
    /// A configured `select` matched nothing on the page.
    case selectorMatchedNothing(String, selector: String)
    /// `snap` was given what is plainly not a page (a PDF, an image, JSON), `kind` says which.
    case notAPage(String, kind: String)
    /// `extract` of what is not a page: the same, told how `extract` reads it as text.
    case notAPageToExtract(String, kind: String)
    /// A page fetched before the newest version was stored by another process (this one
    /// stalled between fetching and storing): stored after it, it would show the page going back.
    case fetchedBeforeNewest(String, fetchedAt: String, newest: Int, newestAt: String)

    public var description: String {
        switch self {
        case .nothingExtracted(let origin):
            "no article text could be extracted from \(origin); check that it is the page itself"
        case .nearlyEmpty:
            nearlyEmptyReason + "; nothing was stored; use --force to store it anyway"
        case .badSlugForDirectory(let name):
            "the directory name '\(name)' is not a valid article name; give one with --slug"
        case .emptyDirectory(let path):
            "\(path) holds no capture files"
        case .nothingReplayed(let path, let files):
            "none of the \(files) files of \(path) could be captured; the warnings above say why"
        case .missingStoredArticle(let version):
            "version \(version) has no stored article; the track repository may be damaged"
        case .selectorMatchedNothing(let origin, let selector):
            "the selector '\(selector)' matched nothing on \(origin); nothing was read or stored (has the page changed its layout?)"
        case .notAPage(let origin, let kind):
            "\(origin) is \(kind), not a web page; nothing was stored (--format text stores it as text)"
        case .notAPageToExtract(let origin, let kind):
            "\(origin) is \(kind), not a web page; --input text reads it as text"
        case .onlyOneVersion(let slug):
            "'\(slug)' has only 1 version so far; there is nothing to compare it with yet"
        case .fetchedBeforeNewest(let origin, let fetchedAt, let newest, let newestAt):
            "\(origin) was fetched at \(fetchedAt), before version \(newest) (\(newestAt)) was stored; nothing was stored, "
                + "as versions are kept in the order they were captured"
        }
    }

    /// The error as a watcher's log line says it: `watch` has no `--force`, so a page refused
    /// as nearly empty is one `fetch --force` away; "nothing stored" once.
    func watched(_ slug: Slug, _ url: String) -> String {
        switch self {
        case .nearlyEmpty:
            "\(nearlyEmptyReason); nothing stored ('redline fetch \(slug) \(url) --force' stores it once)"
        case .selectorMatchedNothing, .fetchedBeforeNewest:
            description
        default:
            "\(description); nothing stored"
        }
    }

    private var nearlyEmptyReason: String {
        guard case .nearlyEmpty(let origin, let letters, let previous, let version) = self else { return description }
        return "\(origin) holds \(letters) characters of article text, under a quarter of version \(version)'s \(previous) "
            + "(a paywall, consent wall or error page?)"
    }
}
