#ifndef REDLINE_PACK_H
#define REDLINE_PACK_H

#include <stddef.h>
#include <stdint.h>

/* zlib's compression, decompression and CRC-32 and a SHA-1, for the pack files redline writes itself
   (RedlineStore's PackWriter) and the objects it reads itself (GitFiles). The libraries come with
   libgit2 and git; they are loaded the same way, with dlopen, the first time redline_zlib_load (zlib) or
   redline_pack_load (both) is called. Where libdeflate (libdeflate.so.0) is installed, it makes
   and reads the zlib streams instead (the same format, faster), unless REDLINE_NO_LIBDEFLATE is
   set. The SHA-1 is Nettle's (libnettle.so.8, which git's GnuTLS brings: loaded in a fifth of
   the time) unless REDLINE_NO_NETTLE is set or it is missing, else OpenSSL's (libcrypto.so.3).
   Distinct names, so that nothing here stands in for the libraries' own symbols. */

/// NULL once both libraries are loaded, else why they could not be.
const char *redline_pack_load(void);

/// NULL once zlib alone is loaded (all that reading objects needs), else why it could not be;
/// the zlib functions below need only this.
const char *redline_zlib_load(void);

/// The most bytes zlib can make of `length` bytes.
size_t redline_zlib_bound(size_t length);

/// Compresses `length` bytes at `data` into `out` (room for `capacity` bytes) as one zlib stream
/// at `level` (1 fastest … 9 smallest); the stream's length, or 0 when it failed.
size_t redline_zlib_compress(void *out, size_t capacity, const void *data, size_t length, int level);

/// Decompresses the zlib stream of `length` bytes at `data` into `out` (room for `capacity`
/// bytes); the bytes it made, (size_t)-2 when they do not fit, or (size_t)-1 when the stream is
/// damaged (or cut short).
size_t redline_zlib_uncompress(void *out, size_t capacity, const void *data, size_t length);

/// zlib's CRC-32 of `length` bytes, continuing from `crc` (0 to start).
uint32_t redline_crc32(uint32_t crc, const void *data, size_t length);

/// SHA-1 of `prefix_length` bytes at `prefix` followed by `length` bytes at `data`, into
/// `digest` (20 bytes).
void redline_sha1(const void *prefix, size_t prefix_length, const void *data, size_t length, unsigned char *digest);

#endif
