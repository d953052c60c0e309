// libgit2, loaded with dlopen when the track repository is first opened. Linking it would make
// every redline process map libgit2 and the fifteen libraries it needs (TLS, SSH, Kerberos,
// PCRE, zlib) at start-up, some 5 ms, also for the commands that never open a repository
// (`diff --files`, `extract`).
//
// Each libgit2 function redline calls is listed once below, with its prototype from git2.h; the
// compiler checks every definition against that header. To call another, add it to the list.
#include "redline_git.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>

// F(result, name, parameters, arguments) for functions that return a value, V(name, parameters,
// arguments) for those that return nothing.
#define LIBGIT2_FUNCTIONS(F, V) \
    F(int, git_libgit2_init, (void), ()) \
    F(const git_error *, git_error_last, (void), ()) \
    V(git_error_clear, (void), ()) \
    F(int, git_repository_init, (git_repository **out, const char *path, unsigned is_bare), (out, path, is_bare)) \
    F(int, git_repository_open_bare, (git_repository **out, const char *bare_path), (out, bare_path)) \
    V(git_repository_free, (git_repository *repo), (repo)) \
    F(int, git_odb_hash, (git_oid *out, const void *data, size_t len, git_object_t type), (out, data, len, type)) \
    F(int, git_oid_fromstr, (git_oid *out, const char *str), (out, str)) \
    F(char *, git_oid_tostr, (char *out, size_t n, const git_oid *id), (out, n, id)) \
    F(int, git_blob_lookup, (git_blob **blob, git_repository *repo, const git_oid *id), (blob, repo, id)) \
    F(const void *, git_blob_rawcontent, (const git_blob *blob), (blob)) \
    F(git_object_size_t, git_blob_rawsize, (const git_blob *blob), (blob)) \
    V(git_blob_free, (git_blob *blob), (blob)) \
    F(int, git_commit_lookup, (git_commit **commit, git_repository *repo, const git_oid *id), (commit, repo, id)) \
    F(const char *, git_commit_message, (const git_commit *commit), (commit)) \
    F(const git_oid *, git_commit_parent_id, (const git_commit *commit, unsigned int n), (commit, n)) \
    F(unsigned int, git_commit_parentcount, (const git_commit *commit), (commit)) \
    F(git_time_t, git_commit_time, (const git_commit *commit), (commit)) \
    F(int, git_commit_tree, (git_tree **tree_out, const git_commit *commit), (tree_out, commit)) \
    F(const git_oid *, git_commit_tree_id, (const git_commit *commit), (commit)) \
    V(git_commit_free, (git_commit *commit), (commit)) \
    F(int, git_reference_create, \
      (git_reference **out, git_repository *repo, const char *name, const git_oid *id, int force, \
       const char *log_message), \
      (out, repo, name, id, force, log_message)) \
    F(int, git_reference_create_matching, \
      (git_reference **out, git_repository *repo, const char *name, const git_oid *id, int force, \
       const git_oid *current_id, const char *log_message), \
      (out, repo, name, id, force, current_id, log_message)) \
    F(int, git_reference_name_to_id, (git_oid *out, git_repository *repo, const char *name), (out, repo, name)) \
    V(git_reference_free, (git_reference *ref), (ref)) \
    F(int, git_reference_iterator_glob_new, (git_reference_iterator **out, git_repository *repo, const char *glob), \
      (out, repo, glob)) \
    F(int, git_reference_next_name, (const char **out, git_reference_iterator *iter), (out, iter)) \
    V(git_reference_iterator_free, (git_reference_iterator *iter), (iter)) \
    F(size_t, git_tree_entrycount, (const git_tree *tree), (tree)) \
    F(const git_tree_entry *, git_tree_entry_byindex, (const git_tree *tree, size_t idx), (tree, idx)) \
    F(const git_tree_entry *, git_tree_entry_byname, (const git_tree *tree, const char *filename), (tree, filename)) \
    F(const git_oid *, git_tree_entry_id, (const git_tree_entry *entry), (entry)) \
    F(const char *, git_tree_entry_name, (const git_tree_entry *entry), (entry)) \
    V(git_tree_free, (git_tree *tree), (tree)) \
    F(int, git_repository_odb, (git_odb **out, git_repository *repo), (out, repo)) \
    V(git_odb_free, (git_odb *db), (db)) \
    F(int, git_odb_foreach, (git_odb *db, git_odb_foreach_cb cb, void *payload), (db, cb, payload)) \
    F(int, git_odb_read, (git_odb_object **out, git_odb *db, const git_oid *id), (out, db, id)) \
    F(const void *, git_odb_object_data, (git_odb_object *object), (object)) \
    F(size_t, git_odb_object_size, (git_odb_object *object), (object)) \
    F(git_object_t, git_odb_object_type, (git_odb_object *object), (object)) \
    V(git_odb_object_free, (git_odb_object *object), (object)) \
    F(int, git_odb_write, (git_oid *out, git_odb *odb, const void *data, size_t len, git_object_t type), \
      (out, odb, data, len, type)) \
    F(int, git_odb_new, (git_odb **out), (out)) \
    F(int, git_odb_backend_one_pack, (git_odb_backend **out, const char *index_file), (out, index_file)) \
    F(int, git_odb_add_backend, (git_odb *odb, git_odb_backend *backend, int priority), (odb, backend, priority)) \
    F(int, git_odb_read_header, (size_t *len_out, git_object_t *type_out, git_odb *db, const git_oid *id), \
      (len_out, type_out, db, id)) \
    F(int, git_revwalk_new, (git_revwalk **out, git_repository *repo), (out, repo)) \
    F(int, git_revwalk_push_glob, (git_revwalk *walk, const char *glob), (walk, glob)) \
    F(int, git_revwalk_next, (git_oid *out, git_revwalk *walk), (out, walk)) \
    V(git_revwalk_free, (git_revwalk *walk), (walk)) \
    F(int, git_packbuilder_new, (git_packbuilder **out, git_repository *repo), (out, repo)) \
    F(unsigned int, git_packbuilder_set_threads, (git_packbuilder *pb, unsigned int n), (pb, n)) \
    F(int, git_packbuilder_insert, (git_packbuilder *pb, const git_oid *id, const char *name), (pb, id, name)) \
    F(int, git_packbuilder_insert_recur, (git_packbuilder *pb, const git_oid *id, const char *name), (pb, id, name)) \
    F(int, git_packbuilder_write, \
      (git_packbuilder *pb, const char *path, unsigned int mode, git_indexer_progress_cb progress_cb, \
       void *progress_cb_payload), \
      (pb, path, mode, progress_cb, progress_cb_payload)) \
    F(const char *, git_packbuilder_name, (git_packbuilder *pb), (pb)) \
    F(size_t, git_packbuilder_object_count, (git_packbuilder *pb), (pb)) \
    F(int, git_packbuilder_set_callbacks, \
      (git_packbuilder *pb, git_packbuilder_progress progress_cb, void *progress_cb_payload), \
      (pb, progress_cb, progress_cb_payload)) \
    V(git_packbuilder_free, (git_packbuilder *pb), (pb))

/// The functions, as loaded from the library.
static struct {
#define POINTER(result, name, parameters, arguments) result (*name) parameters;
#define VOID_POINTER(name, parameters, arguments) void (*name) parameters;
    LIBGIT2_FUNCTIONS(POINTER, VOID_POINTER)
    int (*git_libgit2_opts)(int option, ...);
} libgit2;

static pthread_once_t load_once = PTHREAD_ONCE_INIT;
static char load_failure[512];

static void load(void) {
    // Lazily bound, as a linked library is: each function libgit2 and its fifteen libraries call is
    // looked up when first called, not all of them now (a twentieth of `redline log`). The
    // functions redline calls are all looked up below, so a missing one is still said at once.
    void *library = dlopen("libgit2.so." LIBGIT2_SOVERSION, RTLD_LAZY | RTLD_LOCAL);
    if (!library) {
        snprintf(load_failure, sizeof load_failure, "%s", dlerror());
        return;
    }
#define LOAD(name) \
    if (!(*(void **)&libgit2.name = dlsym(library, #name))) { \
        snprintf(load_failure, sizeof load_failure, "libgit2.so." LIBGIT2_SOVERSION " has no %s", #name); \
        return; \
    }
#define LOAD_FUNCTION(result, name, parameters, arguments) LOAD(name)
#define LOAD_VOID_FUNCTION(name, parameters, arguments) LOAD(name)
    LIBGIT2_FUNCTIONS(LOAD_FUNCTION, LOAD_VOID_FUNCTION)
    LOAD(git_libgit2_opts)
}

const char *redline_git_load(void) {
    pthread_once(&load_once, load);
    return load_failure[0] ? load_failure : NULL;
}

int redline_git_enable_fsync(int enabled) {
    return libgit2.git_libgit2_opts(GIT_OPT_ENABLE_FSYNC_GITDIR, enabled);
}

int redline_git_limit_mapped_packs(size_t files) {
    return libgit2.git_libgit2_opts(GIT_OPT_SET_MWINDOW_FILE_LIMIT, files);
}

// The definitions Swift calls: each forwards to the loaded function.
#define FORWARD(result, name, parameters, arguments) \
    result name parameters { return libgit2.name arguments; }
#define FORWARD_VOID(name, parameters, arguments) \
    void name parameters { libgit2.name arguments; }
LIBGIT2_FUNCTIONS(FORWARD, FORWARD_VOID)

// Debian builds libgit2 on mbedTLS, and `git_libgit2_init` loads and parses every system CA
// certificate (139, some 5 ms: a third of `redline log`) for network transports redline never
// uses: it reads and writes local repositories only (HTTP goes through libcurl, on OpenSSL). The
// executable's symbols come first when the loader binds libgit2's, so these two definitions stand
// in for mbedTLS's certificate loading: nothing is read, and an (unused) TLS connection made by
// libgit2 would find no trusted certificate and fail rather than trust anything.
// `StartupTests` checks that libgit2 is bound to them.
struct mbedtls_x509_crt;

int mbedtls_x509_crt_parse_file(struct mbedtls_x509_crt *chain, const char *path) {
    (void)chain;
    (void)path;
    return 0;
}

int mbedtls_x509_crt_parse_path(struct mbedtls_x509_crt *chain, const char *path) {
    (void)chain;
    (void)path;
    return 0;
}
