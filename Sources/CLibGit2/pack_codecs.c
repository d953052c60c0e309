// zlib and OpenSSL's SHA-1 for RedlineStore's PackWriter, loaded with dlopen like libgit2 (which
// maps both already when it opens a repository). See redline_pack.h.
#include "redline_pack.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>

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
} codecs;

static pthread_once_t zlib_once = PTHREAD_ONCE_INIT, load_once = PTHREAD_ONCE_INIT;
static char zlib_failure[512], load_failure[512];

static void *open_library(const char *name, char *failure) {
    void *library = dlopen(name, RTLD_NOW | RTLD_LOCAL);
    if (!library) snprintf(failure, 512, "%s", dlerror());
    return library;
}

#define LOAD(library, name, file, failure) \
    if (!(*(void **)&codecs.name = dlsym(library, #name))) { \
        snprintf(failure, 512, file " has no %s", #name); \
        return; \
    }

static void load_zlib(void) {
    void *zlib = open_library("libz.so.1", zlib_failure);
    if (!zlib) return;
    LOAD(zlib, compressBound, "libz.so.1", zlib_failure)
    LOAD(zlib, compress2, "libz.so.1", zlib_failure)
    LOAD(zlib, uncompress, "libz.so.1", zlib_failure)
    LOAD(zlib, crc32, "libz.so.1", zlib_failure)
}

static void load(void) {
    if (redline_zlib_load()) {
        snprintf(load_failure, sizeof load_failure, "%s", zlib_failure);
        return;
    }
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
    unsigned long written = capacity;
    return codecs.compress2(out, &written, data, length, level) == 0 ? written : 0;
}

size_t redline_zlib_uncompress(void *out, size_t capacity, const void *data, size_t length) {
    unsigned long written = capacity;
    return codecs.uncompress(out, &written, data, length) == 0 ? written : (size_t)-1;
}

uint32_t redline_crc32(uint32_t crc, const void *data, size_t length) {
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
    // OpenSSL's SHA_CTX (96 bytes), held without its header, which a build machine may lack.
    _Alignas(16) unsigned char context[256];
    codecs.SHA1_Init(context);
    codecs.SHA1_Update(context, prefix, prefix_length);
    codecs.SHA1_Update(context, data, length);
    codecs.SHA1_Final(digest, context);
}
