#ifndef REDLINE_CLIBGIT2_SHIM_H
#define REDLINE_CLIBGIT2_SHIM_H
#include <git2.h>

/* git_libgit2_opts is variadic and does not import into Swift: one wrapper per option we set. */
static inline int redline_git_enable_fsync(int enabled) {
    return git_libgit2_opts(GIT_OPT_ENABLE_FSYNC_GITDIR, enabled);
}
#endif
