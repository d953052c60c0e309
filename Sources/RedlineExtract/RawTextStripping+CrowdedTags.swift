extension RawTextStripping {
    /// More attributes than this on one start tag and it keeps only those extraction reads.
    /// libxml2 compares each attribute's name with every one before it on the tag (a page's
    /// `<p>` of 100,000 attributes took ten seconds, and the time grows with their square; at
    /// 64 a tag, 60 MB of such tags take two seconds). A real page's tag seldom has more, and then
    /// loses only attributes the tree never holds (416 real pages extract the same).
    static let crowdedTag = 64

    /// Appends the start tag `input[open...end]` (`<`…`>`) to `output`: as it is, or, past
    /// ``crowdedTag`` attributes, with only the attributes the tree keeps (``HTMLTreeBuilder/keeps(attribute:)``), each
    /// as it was written (the tree is the same: it holds no other).
    static func appendTag(_ input: UnsafeBufferPointer<UInt8>, from open: Int, to end: Int, to output: inout [UInt8]) {
        guard end - open > 2 * crowdedTag, attributeCount(input, from: open, to: end) > crowdedTag else {
            output.append(contentsOf: UnsafeBufferPointer(rebasing: input[open...end]))
            return
        }
        let closes = input[end - 1] == UInt8(ascii: "/")
        let last = closes ? end - 1 : end
        var index = open + 1
        while index < last, !isSpace(input[index]) { index += 1 }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: input[open..<index]))   // `<name`
        while index < last {
            while index < last, isSpace(input[index]) { index += 1 }
            guard index < last else { break }
            let start = index
            while index < last, !isSpace(input[index]), input[index] != UInt8(ascii: "=") { index += 1 }
            let name = String(decoding: UnsafeBufferPointer(rebasing: input[start..<index]), as: UTF8.self).lowercased()
            var cursor = index
            while cursor < last, isSpace(input[cursor]) { cursor += 1 }
            if cursor < last, input[cursor] == UInt8(ascii: "=") {
                cursor += 1
                while cursor < last, isSpace(input[cursor]) { cursor += 1 }
                if cursor < last, input[cursor] == UInt8(ascii: "\"") || input[cursor] == UInt8(ascii: "'") {
                    let quote = input[cursor]
                    cursor += 1
                    while cursor < last, input[cursor] != quote { cursor += 1 }
                    cursor = min(cursor + 1, last)
                } else {
                    while cursor < last, !isSpace(input[cursor]) { cursor += 1 }
                }
                index = cursor
            }
            if HTMLTreeBuilder.keeps(attribute: name) {
                output.append(UInt8(ascii: " "))
                output.append(contentsOf: UnsafeBufferPointer(rebasing: input[start..<index]))
            }
        }
        output.append(contentsOf: (closes ? "/>" : ">").utf8)
    }

    /// About how many attributes the tag `input[open...end]` has: the runs of characters that
    /// start after white space, outside quoted values.
    private static func attributeCount(_ input: UnsafeBufferPointer<UInt8>, from open: Int, to end: Int) -> Int {
        var count = 0
        var index = open + 1
        var quote: UInt8?
        var afterSpace = false
        while index < end {
            let byte = input[index]
            if let open = quote {
                if byte == open { quote = nil }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'"), index > 0, input[index - 1] == UInt8(ascii: "=") {
                quote = byte
            } else if isSpace(byte) {
                afterSpace = true
            } else if afterSpace {
                count += 1
                afterSpace = false
            }
            index += 1
        }
        return count
    }
}
