import RedlineCorpus

extension SeededGenerator {
    /// `count` (1 to `most`) pieces picked from `pieces`, joined.
    mutating func join(_ pieces: [String], most: Int) -> String {
        let count = Int(next() % UInt64(most)) + 1
        return (0..<count).map { _ in pieces[Int(next() % UInt64(pieces.count))] }.joined()
    }
}
