import RedlineStore

extension Tracker {
    /// `redline gc`: packs the track repository into one pack; nil when another process is
    /// packing it.
    public func gc() throws -> PackReport? {
        try repository.pack()
    }
}
