import RedlineStore

extension Tracker {
    /// `redline gc`: packs the track repository into one pack; nil when another process is
    /// packing it. Throws ``StoreError/packingStopped`` when ``stopPacking()`` stopped it while
    /// its pack was written.
    public func gc() throws -> PackReport? {
        try repository.pack()
    }

    /// Asks the packing under way to stop, for Ctrl-C and SIGTERM; safe to call from a signal
    /// handler. True when nothing of it is on disk yet: the caller must then end the process at
    /// once (``TrackRepository/stopPacking()``).
    public static func stopPacking() -> Bool {
        TrackRepository.stopPacking()
    }
}
