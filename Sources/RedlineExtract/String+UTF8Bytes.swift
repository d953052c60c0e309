/// A string's UTF-8 bytes read in place, without copying the string.
///
///     "Talks end".withUTF8Bytes { $0.count }   → 9
///
/// `String.withUTF8` is mutating, so reading a `let` with it takes a `var` copy first: an atomic
/// retain and release on every call, which the plain-text path paid several times a line.
extension String {
    func withUTF8Bytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        // A native string is contiguous; only a bridged one is copied.
        if let result = utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = self
        return copy.withUTF8(body)
    }
}
