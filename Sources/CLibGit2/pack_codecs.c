// zlib and a SHA-1 (Nettle's, else OpenSSL's) for RedlineStore's PackWriter, loaded with dlopen
// like libgit2, and libdeflate where it is installed: the same
// zlib streams, made in half the time and read in a third (a 1.9 MB page: 6.7 ms against zlib's
// 13 at level 1; 1.6 against 4.3 to read back). See redline_pack.h.
#include "redline_pack.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

static struct {
    unsigned long (*compressBound)(unsigned long source_length);
    int (*compress2)(unsigned char *dest, unsigned long *dest_length, const unsigned char *source,
                     unsigned long source_length, int level);
    int (*uncompress)(unsigned char *dest, unsigned long *dest_length, const unsigned char *source,
                      unsigned long source_length);
    unsigned long (*crc32)(unsigned long crc, const unsigned char *buffer, unsigned int length);
    int (*SHA1_Init)(void *context);
    int (*SHA1_Update)(void *context, const void *data, size_t length);
    int (*SHA1_Final)(unsigned char *digest, void *context);
    // Nettle's, where it is installed (git brings it, through GnuTLS): the same SHA-1 with the
    // CPU's SHA instructions, from a library loaded in a fifth of a millisecond rather than
    // OpenSSL's one. NULL otherwise (then OpenSSL's).
    void (*nettle_sha1_init)(void *context);
    void (*nettle_sha1_update)(void *context, size_t length, const void *data);
    void (*nettle_sha1_digest)(void *context, size_t length, unsigned char *digest);
    // libdeflate's, or NULL where it is not installed (then zlib does all).
    void *(*libdeflate_alloc_compressor)(int level);
    size_t (*libdeflate_zlib_compress)(void *compressor, const void *in, size_t in_length, void *out, size_t capacity);
    void (*libdeflate_free_compressor)(void *compressor);
    void *(*libdeflate_alloc_decompressor)(void);
    int (*libdeflate_zlib_decompress)(void *decompressor, const void *in, size_t in_length, void *out, size_t capacity,
                                      size_t *made);
    void (*libdeflate_free_decompressor)(void *decompressor);
    uint32_t (*libdeflate_crc32)(uint32_t crc, const void *buffer, size_t length);   // optional even then
} codecs;

static pthread_once_t zlib_once = PTHREAD_ONCE_INIT, load_once = PTHREAD_ONCE_INIT;
static char zlib_failure[512], load_failure[512];

static void *open_library(const char *name, char *failure) {
    void *library = dlopen(name, RTLD_LAZY | RTLD_LOCAL);   // lazily bound, as libgit2 is (libgit2.c)
    if (!library) snprintf(failure, 512, "%s", dlerror());
    return library;
}

#define LOAD(library, name, file, failure) \
    if (!(*(void **)&codecs.name = dlsym(library, #name))) { \
        snprintf(failure, 512, file " has no %s", #name); \
        return; \
    }

static void load_libdeflate(void) {
    void *library = dlopen("libdeflate.so.0", RTLD_LAZY | RTLD_LOCAL);
    if (!library) return;
    void *functions[6];
    const char *names[6] = {"libdeflate_alloc_compressor", "libdeflate_zlib_compress", "libdeflate_free_compressor",
                            "libdeflate_alloc_decompressor", "libdeflate_zlib_decompress", "libdeflate_free_decompressor"};
    for (int i = 0; i < 6; i++) {
        if (!(functions[i] = dlsym(library, names[i]))) return;   // all of them, or zlib alone
    }
    *(void **)&codecs.libdeflate_alloc_compressor = functions[0];
    *(void **)&codecs.libdeflate_zlib_compress = functions[1];
    *(void **)&codecs.libdeflate_free_compressor = functions[2];
    *(void **)&codecs.libdeflate_alloc_decompressor = functions[3];
    *(void **)&codecs.libdeflate_zlib_decompress = functions[4];
    *(void **)&codecs.libdeflate_free_decompressor = functions[5];
    // Its CRC-32 folds with carry-less multiplication: every entry a capture copies is checked.
    *(void **)&codecs.libdeflate_crc32 = dlsym(library, "libdeflate_crc32");
}

static void load_zlib(void) {
    void *zlib = open_library("libz.so.1", zlib_failure);
    if (!zlib) return;
    LOAD(zlib, compressBound, "libz.so.1", zlib_failure)
    LOAD(zlib, compress2, "libz.so.1", zlib_failure)
    LOAD(zlib, uncompress, "libz.so.1", zlib_failure)
    LOAD(zlib, crc32, "libz.so.1", zlib_failure)
    if (!getenv("REDLINE_NO_LIBDEFLATE")) load_libdeflate();
}

static int load_nettle(void) {
    void *library = dlopen("libnettle.so.8", RTLD_LAZY | RTLD_LOCAL);
    if (!library) return 0;
    void *init = dlsym(library, "nettle_sha1_init"), *update = dlsym(library, "nettle_sha1_update"),
         *digest = dlsym(library, "nettle_sha1_digest");
    if (!init || !update || !digest) return 0;
    *(void **)&codecs.nettle_sha1_init = init;
    *(void **)&codecs.nettle_sha1_update = update;
    *(void **)&codecs.nettle_sha1_digest = digest;
    return 1;
}

static void load(void) {
    if (redline_zlib_load()) {
        snprintf(load_failure, sizeof load_failure, "%s", zlib_failure);
        return;
    }
    if (!getenv("REDLINE_NO_NETTLE") && load_nettle()) return;
    void *crypto = open_library("libcrypto.so.3", load_failure);
    if (!crypto) return;
    LOAD(crypto, SHA1_Init, "libcrypto.so.3", load_failure)
    LOAD(crypto, SHA1_Update, "libcrypto.so.3", load_failure)
    LOAD(crypto, SHA1_Final, "libcrypto.so.3", load_failure)
}

const char *redline_zlib_load(void) {
    pthread_once(&zlib_once, load_zlib);
    return zlib_failure[0] ? zlib_failure : NULL;
}

const char *redline_pack_load(void) {
    pthread_once(&load_once, load);
    return load_failure[0] ? load_failure : NULL;
}

size_t redline_zlib_bound(size_t length) {
    return codecs.compressBound(length);
}

size_t redline_zlib_compress(void *out, size_t capacity, const void *data, size_t length, int level) {
    if (codecs.libdeflate_alloc_compressor) {
        void *compressor = codecs.libdeflate_alloc_compressor(level);
        if (compressor) {
            size_t written = codecs.libdeflate_zlib_compress(compressor, data, length, out, capacity);
            codecs.libdeflate_free_compressor(compressor);
            if (written > 0) return written;   // 0: it did not fit; zlib's bound is what zlib needs
        }
    }
    unsigned long written = capacity;
    return codecs.compress2(out, &written, data, length, level) == 0 ? written : 0;
}

size_t redline_zlib_uncompress(void *out, size_t capacity, const void *data, size_t length) {
    if (codecs.libdeflate_alloc_decompressor) {
        void *decompressor = codecs.libdeflate_alloc_decompressor();
        if (decompressor) {
            size_t made = 0;
            int result = codecs.libdeflate_zlib_decompress(decompressor, data, length, out, capacity, &made);
            codecs.libdeflate_free_decompressor(decompressor);
            return result == 0 ? made : result == 3 ? (size_t)-2 : (size_t)-1;   // 3: LIBDEFLATE_INSUFFICIENT_SPACE
        }
    }
    unsigned long written = capacity;
    int result = codecs.uncompress(out, &written, data, length);
    return result == 0 ? written : result == -5 ? (size_t)-2 : (size_t)-1;   // -5: Z_BUF_ERROR, the output did not fit
}

uint32_t redline_crc32(uint32_t crc, const void *data, size_t length) {
    if (codecs.libdeflate_crc32) return codecs.libdeflate_crc32(crc, data, length);
    const unsigned char *bytes = data;
    while (length > 0) {   // zlib's length is an unsigned int
        unsigned int chunk = length > (1u << 30) ? (1u << 30) : (unsigned int)length;
        crc = (uint32_t)codecs.crc32(crc, bytes, chunk);
        bytes += chunk;
        length -= chunk;
    }
    return crc;
}

void redline_sha1(const void *prefix, size_t prefix_length, const void *data, size_t length, unsigned char *digest) {
    // OpenSSL's SHA_CTX (96 bytes) or Nettle's sha1_ctx, held without their headers, which a build machine may lack.
    _Alignas(16) unsigned char context[256];
    if (codecs.nettle_sha1_init) {
        codecs.nettle_sha1_init(context);
        codecs.nettle_sha1_update(context, prefix_length, prefix);
        codecs.nettle_sha1_update(context, length, data);
        codecs.nettle_sha1_digest(context, 20, digest);
        return;
    }
    codecs.SHA1_Init(context);
    codecs.SHA1_Update(context, prefix, prefix_length);
    codecs.SHA1_Update(context, data, length);
    codecs.SHA1_Final(digest, context);
}
