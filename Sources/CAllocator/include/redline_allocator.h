#ifndef REDLINE_ALLOCATOR_H
#define REDLINE_ALLOCATOR_H

/// Sets up glibc's allocator for a process that allocates tens of megabytes within a few
/// milliseconds and then ends (`redline diff` of a 2 MB pair: some 30 MB). Called once, first
/// thing in `main`; does nothing on other C libraries.
///
/// - The heap grows 64 MB at a time (M_TOP_PAD) rather than 128 KB: one brk call, not hundreds;
///   and it keeps 64 MB when memory is freed.
/// - Blocks of up to 32 MB come from the heap (M_MMAP_THRESHOLD) rather than each from a mapping
///   of its own, whose pages are all fresh.
/// - The heap is grown once now, and the kernel asked to back it with 2 MB pages where it can
///   (MADV_HUGEPAGE): one page fault per 2 MB touched rather than 512, which in a virtual
///   machine cost some 2 µs each. Memory that is never touched is never taken.
///
/// Much as running with GLIBC_TUNABLES=glibc.malloc.hugetlb=1:glibc.malloc.top_pad=67108864,
/// which a process cannot set for itself once it runs. One arena for all threads instead (so that
/// this would cover every allocation) was slower: the threads then wait for each other's locks.
void redline_prepare_allocator(void);

/// The same for the calling thread's own arena, for a thread that will allocate much (glibc gives
/// each new thread an arena of its own, up to 64 MB, grown page by page).
void redline_prepare_thread_allocator(void);

#endif
