import Foundation

/// git's delta format, what a pack's delta entries hold: the size of the base and of the result
/// (little-endian base-128), then instructions that build the result from the base:
///
///     1oooossss  copy: up to 4 offset bytes and 3 size bytes follow, as the bits o and s say
///                (a size of 0 means 65,536)
///     0nnnnnnn   insert: the next n (1…127) bytes
///
///     encode(source: "The mayor said yes.", target: "The mayor said no.")
///         → [19, 18, copy 0…14, insert "no."]
///
/// `encode` indexes the source in 16-byte blocks and looks each 16 bytes of the target up, as
/// git's `diff-delta` does (its hash of 16 bytes is made of two 8-byte words, not rolled a byte
/// at a time: indexing a 1.9 MB page took a millisecond); a match is grown forwards and
/// backwards. A page captured a minute after the one before is mostly copies either way round.
enum GitDelta {
    private static let block = 16
    private static let maxCopy = 0x10000

    /// The delta that makes `target` from `source`.
    static func encode(source: [UInt8], target: [UInt8]) -> [UInt8] {
        var delta: [UInt8] = []
        delta.reserveCapacity(64 + target.count / 16)
        appendSize(source.count, to: &delta)
        appendSize(target.count, to: &delta)
        source.withUnsafeBufferPointer { source in
            target.withUnsafeBufferPointer { target in
                encode(source, target, into: &delta)
            }
        }
        return delta
    }

    private static func encode(_ source: UnsafeBufferPointer<UInt8>, _ target: UnsafeBufferPointer<UInt8>, into delta: inout [UInt8]) {
        var inserted = 0   // where the bytes not yet written as an insert start
        defer { appendInsert(target[inserted..<target.count], to: &delta) }
        guard source.count >= block, target.count >= block else { return }

        let slots = 1 << max(10, (source.count / block * 2).bitWidth - (source.count / block * 2).leadingZeroBitCount)
        let shift = UInt64(64 - slots.trailingZeroBitCount)
        var table = [Int32](repeating: -1, count: slots)
        var start = 0
        while start + block <= source.count {
            table[Int(hash(source, at: start) >> shift)] = Int32(start)
            start += block
        }

        var position = 0
        while position + block <= target.count {
            let candidate = Int(table[Int(hash(target, at: position) >> shift)])
            if candidate >= 0, same(source, candidate, target, position, count: block) {
                var from = candidate
                var at = position
                var length = block
                // Eight bytes at a time while they agree (a page a minute later is mostly one
                // long copy), then byte by byte to where they part.
                let sourceBytes = UnsafeRawPointer(source.baseAddress!), targetBytes = UnsafeRawPointer(target.baseAddress!)
                while from + length + 8 <= source.count, at + length + 8 <= target.count,
                      sourceBytes.loadUnaligned(fromByteOffset: from + length, as: UInt64.self)
                        == targetBytes.loadUnaligned(fromByteOffset: at + length, as: UInt64.self) {
                    length += 8
                }
                while from + length < source.count, at + length < target.count, source[from + length] == target[at + length] {
                    length += 1
                }
                while at > inserted, from > 0, source[from - 1] == target[at - 1] {
                    at -= 1
                    from -= 1
                    length += 1
                }
                appendInsert(target[inserted..<at], to: &delta)
                appendCopy(from: from, count: length, to: &delta)
                position = at + length
                inserted = position
                continue
            }
            position += 1
        }
    }

    /// The result of `delta` on `source`; nil when the delta is not one for `source` or is
    /// damaged.
    static func apply(_ delta: [UInt8], to source: [UInt8]) -> [UInt8]? {
        var at = 0
        guard readSize(delta, &at) != nil, let expected = readSize(delta, &at) else { return nil }
        var result: [UInt8] = []
        result.reserveCapacity(min(expected, source.count + delta.count))   // a damaged delta may claim anything
        let size = run(delta, on: source) { piece in
            result.append(contentsOf: piece)
            return true
        }
        return size == result.count ? result : nil
    }

    /// A delta that makes `target` out of `source`, applied back (``makes(_:from:with:)``) before
    /// it is handed out, when it is under `limit` bytes; nil otherwise.
    static func checked(source: [UInt8], target: [UInt8], under limit: Int) -> [UInt8]? {
        let delta = encode(source: source, target: target)
        return delta.count < limit && makes(target, from: source, with: delta) ? delta : nil
    }

    /// The size `delta` says it makes (its second header field); nil when malformed.
    static func targetSize(_ delta: [UInt8]) -> Int? {
        var at = 0
        guard readSize(delta, &at) != nil else { return nil }
        return readSize(delta, &at)
    }

    /// True when `delta` makes `target` out of `source`: what ``apply(_:to:)`` would make,
    /// compared as it is made, never held.
    static func makes(_ target: [UInt8], from source: [UInt8], with delta: [UInt8]) -> Bool {
        var at = 0
        let size = target.withUnsafeBytes { target in
            run(delta, on: source) { piece in
                guard at + piece.count <= target.count else { return false }
                defer { at += piece.count }
                return piece.withUnsafeBytes { memcmp($0.baseAddress!, target.baseAddress! + at, piece.count) == 0 }
            }
        }
        return size == target.count && at == target.count
    }

    /// Runs `delta`'s instructions on `source`, handing `take` each piece of the result in order
    /// (a run of `source` or of the delta's own bytes); the size the delta says it makes, nil when
    /// it is malformed or `take` refused a piece.
    private static func run(_ delta: [UInt8], on source: [UInt8], _ take: (ArraySlice<UInt8>) -> Bool) -> Int? {
        var at = 0
        guard let sourceSize = readSize(delta, &at), sourceSize == source.count,
              let targetSize = readSize(delta, &at) else { return nil }
        while at < delta.count {
            let instruction = delta[at]
            at += 1
            let piece: ArraySlice<UInt8>
            if instruction & 0x80 != 0 {
                var offset = 0
                var size = 0
                for bit in 0..<7 where instruction & (1 << bit) != 0 {
                    guard at < delta.count else { return nil }
                    if bit < 4 { offset |= Int(delta[at]) << (8 * bit) } else { size |= Int(delta[at]) << (8 * (bit - 4)) }
                    at += 1
                }
                if size == 0 { size = maxCopy }
                guard offset + size <= source.count else { return nil }
                piece = source[offset..<(offset + size)]
            } else {
                let count = Int(instruction)
                guard count > 0, at + count <= delta.count else { return nil }
                piece = delta[at..<(at + count)]
                at += count
            }
            guard take(piece) else { return nil }
        }
        return targetSize
    }

    // MARK: Hashing 16 bytes

    /// The 16 bytes at `start`, as two words each multiplied into the high bits the table reads.
    @inline(__always) private static func hash(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> UInt64 {
        let words = UnsafeRawPointer(bytes.baseAddress! + start)
        let value = (words.loadUnaligned(as: UInt64.self) &* 0x9E37_79B9_7F4A_7C15)
            ^ (words.loadUnaligned(fromByteOffset: 8, as: UInt64.self) &* 0xC2B2_AE3D_27D4_EB4F)
        return (value ^ (value >> 31)) &* 0xBF58_476D_1CE4_E5B9
    }

    private static func same(_ a: UnsafeBufferPointer<UInt8>, _ i: Int, _ b: UnsafeBufferPointer<UInt8>, _ j: Int, count: Int) -> Bool {
        guard i + count <= a.count, j + count <= b.count else { return false }
        let left = UnsafeRawPointer(a.baseAddress! + i)
        let right = UnsafeRawPointer(b.baseAddress! + j)
        return left.loadUnaligned(as: UInt64.self) == right.loadUnaligned(as: UInt64.self)
            && left.loadUnaligned(fromByteOffset: 8, as: UInt64.self) == right.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
    }

    // MARK: Writing and reading instructions

    private static func appendSize(_ size: Int, to delta: inout [UInt8]) {
        var rest = size
        repeat {
            let low = UInt8(rest & 0x7F)
            rest >>= 7
            delta.append(rest > 0 ? low | 0x80 : low)
        } while rest > 0
    }

    private static func readSize(_ delta: [UInt8], _ at: inout Int) -> Int? {
        var size = 0
        var shift = 0
        while at < delta.count, shift < 63 {
            let byte = delta[at]
            at += 1
            size |= Int(byte & 0x7F) << shift
            shift += 7
            if byte & 0x80 == 0 { return size }
        }
        return nil
    }

    private static func appendInsert(_ bytes: Slice<UnsafeBufferPointer<UInt8>>, to delta: inout [UInt8]) {
        var start = bytes.startIndex
        while start < bytes.endIndex {
            let end = min(start + 127, bytes.endIndex)
            delta.append(UInt8(end - start))
            delta.append(contentsOf: bytes[start..<end])
            start = end
        }
    }

    private static func appendCopy(from offset: Int, count: Int, to delta: inout [UInt8]) {
        var offset = offset
        var rest = count
        while rest > 0 {
            let size = min(rest, maxCopy)
            var instruction: UInt8 = 0x80
            var operands: [UInt8] = []
            for bit in 0..<4 where (offset >> (8 * bit)) & 0xFF != 0 {
                instruction |= 1 << bit
                operands.append(UInt8((offset >> (8 * bit)) & 0xFF))
            }
            let encoded = size == maxCopy ? 0 : size   // 0 stands for 65,536
            for bit in 0..<3 where (encoded >> (8 * bit)) & 0xFF != 0 {
                instruction |= 1 << (4 + bit)
                operands.append(UInt8((encoded >> (8 * bit)) & 0xFF))
            }
            delta.append(instruction)
            delta.append(contentsOf: operands)
            offset += size
            rest -= size
        }
    }
}
