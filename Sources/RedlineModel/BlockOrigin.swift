/// Where a block of a version comes from, as `redline blame` shows it.
public struct BlockOrigin: Sendable, Hashable, Codable {
    /// The version in which the block first appeared (followed through moves).
    public var firstVersion: Int
    /// The version in which its text last changed.
    public var lastChangedVersion: Int

    /// An origin with the given versions.
    public init(firstVersion: Int, lastChangedVersion: Int) {
        self.firstVersion = firstVersion
        self.lastChangedVersion = lastChangedVersion
    }
}
