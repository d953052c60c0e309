/// The changes to what was already published: what people who hunt stealth edits look for.
///
///     +1 -1 ~1 >2 (one moved block also edited), 1 new key event, 1 retitled, headline edited
///     → edits: the removed block, the edited one, the moved-and-edited one, the retitle, the headline
///
/// Added blocks and new key events are new publishing, and a block that only changed position says
/// nothing new: neither is an edit.
extension ArticleDiff {
    /// True when a block's change is an edit: edited, removed, or moved and edited.
    public static func isEdit(_ block: BlockChange) -> Bool {
        switch block.change {
        case .edited, .removed: true
        case .moved: block.edited
        case .added, .unchanged: false
        }
    }

    /// Only the edits: the changed fields, retitled and dropped key events, and the edited,
    /// removed, or moved and edited blocks.
    public var edits: ArticleDiff {
        var edits = self
        edits.keyEvents.added = []
        edits.blocks = blocks.filter(Self.isEdit)
        return edits
    }

    /// True when anything already published was changed (``edits`` is not empty).
    public var hasEdits: Bool {
        !fields.isEmpty || !keyEvents.retitled.isEmpty || !keyEvents.removed.isEmpty || blocks.contains(where: Self.isEdit)
    }

    /// True when the headline was added, removed or rewritten.
    public var headlineChanged: Bool {
        fields.contains { $0.field == .title }
    }
}
