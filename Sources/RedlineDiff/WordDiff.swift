import RedlineModel

/// The word-by-word change inside one pair of blocks.
///
///     old: "Ukraine may not accept the plan."
///     new: "Ukraine will never accept the plan."
///     → equal "Ukraine " · delete "may not" · insert "will never" · equal " accept the plan."
///
/// Tokens (words, punctuation, white space; see ``Tokenizer``) are compared by id with Myers.
/// Changes fall on token boundaries, so never inside a word; a change is not split by one equal
/// run of white space ("may" → "will", " ", "not" → "never" becomes one change). Above a work cap
/// the block is shown replaced whole.
enum WordDiff {
    /// The result for one pair of blocks.
    struct Result {
        /// Shared words over all words: 2 × equal words / (old words + new words); 0 when capped.
        var similarity: Double
        /// The runs: equal and inserted ones give the new text, equal and deleted the old.
        var words: [WordChange]
        /// True when the cap was hit and the block is shown replaced whole.
        var capped: Bool
    }

    /// Most token comparisons a single block pair may cost before it is shown replaced whole.
    static let workCap = 4_000_000

    /// True when the words `a` and `b` share, in order, make up at least `minimum` of all their
    /// words (2 × common / (|a| + |b|)). Myers on the words alone, capped at the cost beyond which
    /// the bar cannot be met; above the work cap, the bags' overlap decides.
    static func similarity(_ a: ArraySlice<UInt64>, _ b: ArraySlice<UInt64>, atLeast minimum: Double) -> Bool {
        let total = a.count + b.count
        guard total > 0 else { return true }
        let maxCost = Int(Double(total) * (1 - minimum))
        if total * maxCost > workCap { return true }   // the caller's Dice already passed the bar
        var steps: [EditStep] = []
        let x = Array(a), y = Array(b)
        let done = x.withUnsafeBufferPointer { px in
            y.withUnsafeBufferPointer { py in
                Myers.diff(px, 0..<x.count, py, 0..<y.count, maxCost: maxCost, into: &steps)
            }
        }
        guard done else { return false }
        let common = steps.reduce(0) { $0 + ($1.operation == .equal ? 1 : 0) }
        return 2 * Double(common) >= minimum * Double(total)
    }

    /// Compares two tokenized blocks.
    static func compare(
        old: ArraySlice<Tokenizer.Token>, oldBytes: UnsafeBufferPointer<UInt8>,
        new: ArraySlice<Tokenizer.Token>, newBytes: UnsafeBufferPointer<UInt8>,
        tokenizer: Tokenizer
    ) -> Result {
        let a = old.map(\.id), b = new.map(\.id)
        let total = a.count + b.count
        let maxCost = min(total, max(64, workCap / max(total, 1)), 2_000)
        var steps: [EditStep] = []
        steps.reserveCapacity(total)
        let done = a.withUnsafeBufferPointer { pa in
            b.withUnsafeBufferPointer { pb in
                Myers.diff(pa, 0..<a.count, pb, 0..<b.count, maxCost: maxCost, into: &steps)
            }
        }
        guard done else {
            var words: [WordChange] = []
            if !oldBytes.isEmpty { words.append(WordChange(.delete, String(decoding: oldBytes, as: UTF8.self))) }
            if !newBytes.isEmpty { words.append(WordChange(.insert, String(decoding: newBytes, as: UTF8.self))) }
            return Result(similarity: 0, words: words, capped: true)
        }

        // Similarity on words only.
        var oldWords = 0, newWords = 0, equalWords = 0
        for id in a where tokenizer.kind(id) == .word { oldWords += 1 }
        for id in b where tokenizer.kind(id) == .word { newWords += 1 }
        for step in steps where step.operation == .equal && tokenizer.kind(a[Int(step.old)]) == .word { equalWords += 1 }
        let similarity = oldWords + newWords == 0 ? 1 : 2 * Double(equalWords) / Double(oldWords + newWords)

        // Runs: equal stretches and changes (old token range, new token range).
        var runs: [Run] = []
        for step in steps {
            let i = Int(step.old), j = Int(step.new)
            let isEqual = step.operation == .equal
            if runs.isEmpty || runs[runs.count - 1].isEqual != isEqual {
                runs.append(Run(isEqual: isEqual, oldStart: i, oldEnd: i, newStart: j, newEnd: j))
            }
            switch step.operation {
            case .equal: runs[runs.count - 1].oldEnd = i + 1; runs[runs.count - 1].newEnd = j + 1
            case .delete: runs[runs.count - 1].oldEnd = i + 1
            case .insert: runs[runs.count - 1].newEnd = j + 1
            }
        }
        // A change is not split by an equal stretch of only white space.
        var merged: [Run] = []
        for run in runs {
            if !run.isEqual, merged.count >= 2, merged[merged.count - 1].isEqual, !merged[merged.count - 2].isEqual,
               (merged[merged.count - 1].oldStart..<merged[merged.count - 1].oldEnd).allSatisfy({ tokenizer.kind(a[$0]) == .space }) {
                merged.removeLast()
                merged[merged.count - 1].oldEnd = run.oldEnd
                merged[merged.count - 1].newEnd = run.newEnd
            } else {
                merged.append(run)
            }
        }

        func text(_ tokens: ArraySlice<Tokenizer.Token>, _ range: Range<Int>, _ bytes: UnsafeBufferPointer<UInt8>) -> String {
            let start = Int(tokens[tokens.startIndex + range.lowerBound].start)
            let end = Int(tokens[tokens.startIndex + range.upperBound - 1].end)
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        }
        var words: [WordChange] = []
        words.reserveCapacity(merged.count * 2)
        for run in merged {
            if run.isEqual {
                words.append(WordChange(.equal, text(new, run.newStart..<run.newEnd, newBytes)))
            } else {
                if run.oldEnd > run.oldStart { words.append(WordChange(.delete, text(old, run.oldStart..<run.oldEnd, oldBytes))) }
                if run.newEnd > run.newStart { words.append(WordChange(.insert, text(new, run.newStart..<run.newEnd, newBytes))) }
            }
        }
        return Result(similarity: similarity, words: words, capped: false)
    }

    private struct Run {
        var isEqual: Bool
        var oldStart: Int
        var oldEnd: Int
        var newStart: Int
        var newEnd: Int
    }
}

extension WordDiff {
    /// The word-by-word change from `old` to `new`, two texts outside any version (a headline,
    /// a byline).
    static func words(_ old: String, _ new: String) -> [WordChange] {
        var tokenizer = Tokenizer(capacity: 64)
        var oldTokens: [Tokenizer.Token] = [], newTokens: [Tokenizer.Token] = []
        return old.withUTF8Bytes { ob in
            new.withUTF8Bytes { nb in
                tokenizer.tokenize(ob, into: &oldTokens)
                tokenizer.tokenize(nb, into: &newTokens)
                return compare(old: oldTokens[...], oldBytes: ob, new: newTokens[...], newBytes: nb, tokenizer: tokenizer).words
            }
        }
    }
}
