/// A string's UTF-8 bytes read in place, without copying the string.
///
///     "Talks end".withUTF8Bytes { $0.count }   → 9
///
/// `String.withUTF8` is mutating, so reading a `let` with it takes a `var` copy first: an atomic
/// retain and release on every call, which extraction and the differ would pay several times a
/// block. Inlinable, so that each caller's closure is specialised into it.
extension String {
    @inlinable
    public func withUTF8Bytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        // A native string is contiguous; only a bridged one is copied.
        if let result = try utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = self
        return try copy.withUTF8(body)
    }
}
