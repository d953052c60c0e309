/// Whether a change is news to a reader of the page, the question feeds and webhooks ask.
///
///     +0 -0 ~0 >3 (three blocks only changed position)          → not news
///     +2 -0 ~0 >0, 1 new key event                              → news
///     +0 -0 ~1 >0 (a stealth edit of a published paragraph)     → news
///
/// A block that only changed position says nothing new (the complaint against watchers that alert
/// on reordered content); anything added, removed, edited, retitled or dropped is news.
extension ArticleDiff {
    /// True when a reader cares: a changed field, a key event added, retitled or dropped, or a
    /// block added, removed or edited (moved and edited included); false for moves alone.
    public var isNews: Bool {
        !fields.isEmpty || !keyEvents.isEmpty
            || blocks.contains { $0.change == .added || Self.isEdit($0) }
    }

    /// True for the change a first version makes: from nothing, every block added, `from` empty.
    public var isFirstVersion: Bool {
        from == DiffSide() && to.version != nil
    }
}
