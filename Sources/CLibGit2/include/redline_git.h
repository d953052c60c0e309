#ifndef REDLINE_GIT_H
#define REDLINE_GIT_H

/* libgit2's header, with every function it declares after git2/common.h made hidden: redline
   defines the ones it calls itself (libgit2.c), forwarding to libgit2 loaded at run time, and
   those definitions must stay inside redline, not be offered to libgit2's own calls. */
#include <git2/common.h>
#undef GIT_EXTERN
#define GIT_EXTERN(type) extern __attribute__((visibility("hidden"))) type
#include <git2.h>

#include "redline_pack.h"

/// Loads libgit2 (libgit2.so.1.5, the version these headers are) the first time it is called;
/// NULL once loaded, else why it could not be. Call it before any other libgit2 function.
const char *redline_git_load(void);

/// git_libgit2_opts(GIT_OPT_ENABLE_FSYNC_GITDIR, enabled): the call is variadic, which Swift
/// does not import.
int redline_git_enable_fsync(int enabled);

/// git_libgit2_opts(GIT_OPT_SET_MWINDOW_FILE_LIMIT, files): at most `files` pack files mapped at
/// once (unlimited by default), the least recently used closed first.
int redline_git_limit_mapped_packs(size_t files);

#endif
