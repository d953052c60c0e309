internal import CLibGit2

/// SHA-1 and zlib for ``PackWriter``, from the libraries libgit2 brings (`redline_pack.h`).
enum PackCodecs {
    /// Nil once they are loaded, else why they could not be.
    static func load() -> String? {
        redline_pack_load().map { String(cString: $0) }
    }
}

enum SHA1 {
    /// The SHA-1 of `prefix` followed by `bytes`.
    static func digest(_ bytes: [UInt8], after prefix: [UInt8] = []) -> [UInt8] {
        var digest = [UInt8](repeating: 0, count: 20)
        prefix.withUnsafeBytes { prefix in
            bytes.withUnsafeBytes { bytes in redline_sha1(prefix.baseAddress, prefix.count, bytes.baseAddress, bytes.count, &digest) }
        }
        return digest
    }
}

enum Zlib {
    /// `bytes` as one zlib stream at `level` (1 fastest … 9 smallest); nil when zlib fails.
    /// The output is not zeroed first: only the pages zlib writes are touched.
    static func compress(_ bytes: [UInt8], level: Int32) -> [UInt8]? {
        let out = [UInt8](unsafeUninitializedCapacity: redline_zlib_bound(bytes.count)) { out, count in
            count = bytes.withUnsafeBytes { bytes in
                max(redline_zlib_compress(out.baseAddress, out.count, bytes.baseAddress, bytes.count, level), 0)
            }
        }
        return out.isEmpty ? nil : out
    }

    /// The zlib stream `bytes`, which must make exactly `size` bytes; nil when it does not.
    static func decompress(_ bytes: ArraySlice<UInt8>, size: Int) -> [UInt8]? {
        guard case .made(let out) = inflate(bytes, atMost: size), out.count == size else { return nil }
        return out
    }

    /// What a zlib stream of unknown size makes.
    enum Inflated {
        case made([UInt8])
        case tooLarge
        case damaged
    }

    /// The zlib stream `bytes`, when it makes at most `capacity` bytes (bytes after the stream's
    /// end are not read).
    static func inflate(_ bytes: ArraySlice<UInt8>, atMost capacity: Int) -> Inflated {
        var made = -1
        let out = [UInt8](unsafeUninitializedCapacity: capacity) { out, count in
            made = bytes.withUnsafeBytes { bytes in redline_zlib_uncompress(out.baseAddress, out.count, bytes.baseAddress, bytes.count) }
            count = max(made, 0)
        }
        return made >= 0 ? .made(out) : made == -2 ? .tooLarge : .damaged
    }

    static func crc32(_ bytes: ArraySlice<UInt8>) -> UInt32 {
        bytes.withUnsafeBytes { bytes in redline_crc32(0, bytes.baseAddress, bytes.count) }
    }
}
