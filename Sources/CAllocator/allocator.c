#include "redline_allocator.h"
#include <stdlib.h>     // defines __GLIBC__ on glibc

#if defined(__GLIBC__)
#include <malloc.h>
#include <stdint.h>
#include <sys/mman.h>
#include <unistd.h>

/// The heap's pad; a 2 MB page; the largest block taken from a heap rather than mapped on its own
/// (also how much of its arena a thread grows at once, less a page: a larger block would be mapped).
enum { pad = 64 << 20, hugePage = 2 << 20, largestHeapBlock = 32 << 20 };

/// Asks for 2 MB pages over the whole 2 MB pages within `start..<end`.
static void preferHugePages(char *start, char *end) {
    uintptr_t from = ((uintptr_t)start + hugePage - 1) & ~(uintptr_t)(hugePage - 1);
    uintptr_t to = (uintptr_t)end & ~(uintptr_t)(hugePage - 1);
    if (to > from) madvise((void *)from, to - from, MADV_HUGEPAGE);
}

void redline_prepare_allocator(void) {
    enum { piece = 64 << 10, mostPieces = 64 };
    mallopt(M_TOP_PAD, pad);
    mallopt(M_MMAP_THRESHOLD, largestHeapBlock);
    // Grow the heap now: take pieces until it has grown, then give them back; it keeps the pad.
    char *start = sbrk(0);
    void *pieces[mostPieces];
    int taken = 0;
    while (taken < mostPieces && (char *)sbrk(0) == start && (pieces[taken] = malloc(piece)) != NULL) taken++;
    while (taken > 0) free(pieces[--taken]);
    preferHugePages(start, sbrk(0));
}

void redline_prepare_thread_allocator(void) {
    // The thread's first allocation makes its arena; one block of most of an arena's room grows
    // it, and it keeps that room once the block is freed (it keeps the pad).
    char *block = malloc(largestHeapBlock - hugePage);
    if (block == NULL) return;
    preferHugePages(block, block + largestHeapBlock - hugePage);
    free(block);
}
#else
void redline_prepare_allocator(void) {}
void redline_prepare_thread_allocator(void) {}
#endif
