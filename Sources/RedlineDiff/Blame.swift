import RedlineModel

/// Carries each block's origin from one version to the next, following moves as
/// `git blame -M` does.
///
///     version 2 blocks: [A (v1, v1), B (v1, v2)]
///     diff 2 → 3:       N added, A unchanged, B moved and edited
///     version 3 blocks: [N (v3, v3), A (v1, v1), B (v1, v3)]
///
/// Unchanged and moved blocks keep their origin; edited ones (moved or not) keep their first
/// version and take the new one as their last change; added blocks start at the new version.
public enum Blame {
    /// The origins of a first version's `blockCount` blocks, all new in `version`.
    public static func start(blockCount: Int, version: Int) -> [BlockOrigin] {
        Array(repeating: BlockOrigin(firstVersion: version, lastChangedVersion: version), count: blockCount)
    }

    /// The origins of the new side of `diff` (captured as `version`), given `previous`, the origins of
    /// its old side. Returns nil when `previous` does not fit the diff's old side.
    public static func carry(_ previous: [BlockOrigin], through diff: ArticleDiff, version: Int) -> [BlockOrigin]? {
        let newCount = diff.blocks.reduce(0) { $0 + ($1.newIndex == nil ? 0 : 1) }
        var result = Array(repeating: BlockOrigin(firstVersion: version, lastChangedVersion: version), count: newCount)
        for block in diff.blocks {
            guard let newIndex = block.newIndex else { continue }
            guard newIndex < newCount else { return nil }
            guard let oldIndex = block.oldIndex else { continue }
            guard oldIndex < previous.count else { return nil }
            var origin = previous[oldIndex]
            if block.edited || block.change == .edited { origin.lastChangedVersion = version }
            result[newIndex] = origin
        }
        return result
    }

    /// The origins of `new`'s headline, standfirst and byline (captured as `version`), given
    /// `previous`, those of the version before it (`previousVersion`), and `old`, its article as
    /// compared with `new` (nil for a first version); `changed` are the fields the diff found
    /// changed. A field the comparison finds where `previous` has none (another extractor read the
    /// version before) dates from that version.
    public static func carry(_ previous: [FieldChange.Field: BlockOrigin], from old: Article?, to new: Article,
                             changed: Set<FieldChange.Field>, version: Int, previousVersion: Int?) -> [FieldChange.Field: BlockOrigin] {
        var origins = previous
        for field in FieldChange.Field.ofTheArticle {
            if let old, let previousVersion, (old.text(of: field) == nil) != (origins[field] == nil) {
                origins[field] = old.text(of: field) == nil ? nil : BlockOrigin(firstVersion: previousVersion, lastChangedVersion: previousVersion)
            }
            guard old == nil || changed.contains(field) else { continue }
            let first = old?.text(of: field) == nil ? version : origins[field]?.firstVersion ?? version
            origins[field] = new.text(of: field) == nil ? nil : BlockOrigin(firstVersion: first, lastChangedVersion: version)
        }
        return origins
    }
}
