import Foundation
import RedlineModel

/// A way to name one version of an article on the command line.
///
///     "3"                  → .number(3)        the third version
///     "-1"                 → .offset(1)        the one before the newest
///     "9fceb02"            → .commit("9fceb02") a commit id or unique prefix (4+ hex digits; one of
///                                              digits only names a version when there is one)
///     "2025-04-23T10:00Z"  → .time(…)          the newest capture at or before then
public enum Revision: Sendable, Hashable, CustomStringConvertible {
    case number(Int)
    case offset(Int)
    case commit(String)
    case time(Date)

    /// The newest version.
    public static let newest = Revision.offset(0)

    /// Parses `text`; nil when it is none of the four shapes.
    public init?(_ text: String) {
        let bytes = Array(text.utf8)
        let isDigit: (UInt8) -> Bool = { $0 >= 0x30 && $0 <= 0x39 }
        let isHex: (UInt8) -> Bool = { isDigit($0) || ($0 >= 0x61 && $0 <= 0x66) }
        if !bytes.isEmpty, bytes.count <= 18, bytes.allSatisfy(isDigit), let n = Int(text) {
            self = .number(n)
        } else if bytes.count >= 2, bytes.count <= 19, bytes[0] == UInt8(ascii: "-"), bytes.dropFirst().allSatisfy(isDigit),
                  let n = Int(text.dropFirst()) {
            self = .offset(n)
        } else if (4...40).contains(bytes.count), bytes.allSatisfy(isHex), !bytes.allSatisfy(isDigit) {
            self = .commit(text)
        } else if let date = Timestamp.parse(text) {
            self = .time(date)
        } else {
            return nil
        }
    }

    public var description: String {
        switch self {
        case .number(let n): "\(n)"
        case .offset(let n): "-\(n)"
        case .commit(let prefix): prefix
        case .time(let date): Timestamp.format(date)
        }
    }

    /// The version this revision names among `versions` (newest first) of `slug`; errors quote
    /// `text`, the revision as the user wrote it.
    func select(from versions: [Version], of slug: Slug, text: String? = nil) throws(StoreError) -> Version {
        func miss(_ reason: String) -> StoreError { .unknownRevision(text ?? description, slug: slug.value, reason: reason) }
        switch self {
        case .number(let n):
            guard let newest = versions.first else { throw miss("the article has no versions") }
            guard n >= 1, n <= newest.number, let found = versions.first(where: { $0.number == n }) else {
                // No such version: digits only may still start a commit id, as `log` shows one (4888855).
                let digits = text ?? description
                let commits = digits.count >= 4 ? versions.filter { $0.commit.hasPrefix(digits) } : []
                if commits.count == 1 { return commits[0] }
                throw miss("versions run from 1 to \(newest.number)"
                           + (commits.count > 1 ? ", and \(commits.count) commits start with it" : ""))
            }
            return found
        case .offset(let n):
            guard n < versions.count else {
                throw miss(versions.count == 1 ? "there is only 1 version" : "there are only \(versions.count) versions")
            }
            return versions[n]
        case .commit(let prefix):
            let matches = versions.filter { $0.commit.hasPrefix(prefix) }
            guard !matches.isEmpty else { throw miss("no version of this article has a commit starting with it") }
            guard matches.count == 1 else { throw miss("it is ambiguous: \(matches.count) commits start with it") }
            return matches[0]
        case .time(let date):
            // Versions are stored in time order, but a repository written before that was enforced
            // may hold one that goes back in time: the newest capture wins, then the higher number.
            let candidates = versions.filter { $0.capturedAt <= date }
            guard let found = candidates.max(by: { ($0.capturedAt, $0.number) < ($1.capturedAt, $1.number) }) else {
                throw miss("no version was captured at or before \(Timestamp.format(date))")
            }
            return found
        }
    }
}
