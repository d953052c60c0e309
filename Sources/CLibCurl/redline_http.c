// libcurl's easy interface, loaded with dlopen at the first fetch. Linking it (or Foundation's
// URLSession, which does) would make every redline process resolve libcurl and its two dozen
// libraries at start-up, some 8 ms, for the two commands that fetch.
//
// The names and option numbers are curl.h's own (libcurl4-openssl-dev); only the functions are
// looked up at run time, so the header's checks of the calls' types do not apply to them.
#include "redline_http.h"

#include <curl/curl.h>
#include <zlib.h>

#include <arpa/inet.h>
#include <dlfcn.h>
#include <signal.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static struct {
    int loaded;
    CURLcode (*global_init)(long);
    CURL *(*easy_init)(void);
    CURLcode (*easy_setopt)(CURL *, CURLoption, ...);
    CURLcode (*easy_perform)(CURL *);
    CURLcode (*easy_getinfo)(CURL *, CURLINFO, ...);
    void (*easy_cleanup)(CURL *);
    const char *(*easy_strerror)(CURLcode);
    struct curl_slist *(*slist_append)(struct curl_slist *, const char *);
    void (*slist_free_all)(struct curl_slist *);
} curl;

static pthread_once_t load_once = PTHREAD_ONCE_INIT;

static void load(void) {
    // Lazily bound, as libgit2 is (libgit2.c).
    void *library = dlopen("libcurl.so.4", RTLD_LAZY | RTLD_LOCAL);
    if (!library) library = dlopen("libcurl-gnutls.so.4", RTLD_LAZY | RTLD_LOCAL);
    if (!library) return;
#define SYMBOL(field, name) if (!(*(void **)&curl.field = dlsym(library, name))) return
    SYMBOL(global_init, "curl_global_init");
    SYMBOL(easy_init, "curl_easy_init");
    SYMBOL(easy_setopt, "curl_easy_setopt");
    SYMBOL(easy_perform, "curl_easy_perform");
    SYMBOL(easy_getinfo, "curl_easy_getinfo");
    SYMBOL(easy_cleanup, "curl_easy_cleanup");
    SYMBOL(easy_strerror, "curl_easy_strerror");
    SYMBOL(slist_append, "curl_slist_append");
    SYMBOL(slist_free_all, "curl_slist_free_all");
#undef SYMBOL
    if (curl.global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) return;
    curl.loaded = 1;
}

typedef struct {
    redline_http_response *response;
    size_t capacity;
    size_t max_bytes;
    CURL *handle;
    int allow_private_redirects;
    int requests;              ///< requests started so far (the first, then one per redirect)
    char previous_address[64]; ///< the address the last request went to
    char *content_encoding;    ///< the last response's Content-Encoding header, or NULL
} transfer;

static volatile sig_atomic_t cancelled = 0;

void redline_http_cancel(void) { cancelled = 1; }

int redline_http_is_private_address(const char *address) {
    unsigned char bytes[16];
    if (inet_pton(AF_INET, address, bytes) == 1) goto v4;
    if (inet_pton(AF_INET6, address, bytes) != 1) return 0;
    static const unsigned char mapped[12] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff };
    if (memcmp(bytes, mapped, 12) == 0) { memmove(bytes, bytes + 12, 4); goto v4; }
    int zeros = 1;
    for (int i = 0; i < 15; i++) zeros &= bytes[i] == 0;
    if (zeros && (bytes[15] == 0 || bytes[15] == 1)) return 1;   // :: and ::1
    if ((bytes[0] & 0xfe) == 0xfc) return 1;                     // fc00::/7
    if (bytes[0] == 0xfe && (bytes[1] & 0xc0) == 0x80) return 1;  // fe80::/10
    return 0;
v4:
    return bytes[0] == 127 || bytes[0] == 10 || bytes[0] == 0
        || (bytes[0] == 172 && (bytes[1] & 0xf0) == 16)
        || (bytes[0] == 192 && bytes[1] == 168)
        || (bytes[0] == 169 && bytes[1] == 254);
}

int redline_http_refuses_redirect(const char *from, const char *to, int allow_private_redirects) {
    return !allow_private_redirects && !redline_http_is_private_address(from) && redline_http_is_private_address(to);
}

/// Called once a connection is made, before each request is sent (the first, then one per
/// redirect), with the address connected to: a request that a public address redirected to a
/// private one is not sent.
static int on_request(void *context, char *primary_ip, char *local_ip, int primary_port, int local_port) {
    (void)local_ip; (void)primary_port; (void)local_port;
    transfer *t = context;
    int refuse = t->requests > 0 && redline_http_refuses_redirect(t->previous_address, primary_ip, t->allow_private_redirects);
    t->requests++;
    snprintf(t->previous_address, sizeof t->previous_address, "%s", primary_ip);
    if (!refuse) return CURL_PREREQFUNC_OK;
    redline_http_response *r = t->response;
    r->failure = redline_http_private_redirect;
    snprintf(r->refused_address, sizeof r->refused_address, "%s", primary_ip);
    char *url = NULL;
    if (curl.easy_getinfo(t->handle, CURLINFO_EFFECTIVE_URL, &url) == CURLE_OK && url) {
        free(r->final_url);
        r->final_url = strdup(url);
    }
    return CURL_PREREQFUNC_ABORT;
}

static int on_progress(void *context, curl_off_t total, curl_off_t now, curl_off_t up_total, curl_off_t up_now) {
    (void)total; (void)now; (void)up_total; (void)up_now;
    transfer *t = context;
    if (!cancelled) return 0;
    t->response->failure = redline_http_cancelled;
    return 1;   // libcurl stops with CURLE_ABORTED_BY_CALLBACK
}

static size_t on_body(char *data, size_t size, size_t count, void *context) {
    transfer *t = context;
    redline_http_response *r = t->response;
    size_t length = size * count;
    if (r->body_length + length > t->max_bytes) {
        r->failure = redline_http_too_large;
        r->body_length += length;
        return 0;   // libcurl stops with CURLE_WRITE_ERROR
    }
    if (r->body_length + length > t->capacity) {
        size_t capacity = t->capacity ? t->capacity : 64 * 1024;
        while (capacity < r->body_length + length) capacity *= 2;
        unsigned char *body = realloc(r->body, capacity);
        if (!body) return 0;
        r->body = body;
        t->capacity = capacity;
    }
    memcpy(r->body + r->body_length, data, length);
    r->body_length += length;
    return length;
}

/// The value of header `name` in `line` ("Name: value\r\n"), trimmed, newly allocated; else NULL.
static char *header_value(const char *line, size_t length, const char *name) {
    size_t name_length = strlen(name);
    if (length <= name_length || strncasecmp(line, name, name_length) != 0 || line[name_length] != ':') return NULL;
    const char *start = line + name_length + 1, *end = line + length;
    while (start < end && (*start == ' ' || *start == '\t')) start++;
    while (end > start && (end[-1] == '\r' || end[-1] == '\n' || end[-1] == ' ' || end[-1] == '\t')) end--;
    char *value = malloc((size_t)(end - start) + 1);
    if (!value) return NULL;
    memcpy(value, start, (size_t)(end - start));
    value[end - start] = 0;
    return value;
}

static size_t on_header(char *line, size_t size, size_t count, void *context) {
    transfer *t = context;
    redline_http_response *r = t->response;
    size_t length = size * count;
    // A new status line starts the next response of a redirect chain: its headers count.
    if (length >= 5 && strncmp(line, "HTTP/", 5) == 0) {
        free(r->etag);
        free(r->last_modified);
        free(r->content_type);
        free(r->retry_after);
        free(t->content_encoding);
        r->etag = r->last_modified = r->content_type = r->retry_after = t->content_encoding = NULL;
        return length;
    }
    char *value;
    if ((value = header_value(line, length, "ETag"))) { free(r->etag); r->etag = value; }
    else if ((value = header_value(line, length, "Content-Encoding"))) { free(t->content_encoding); t->content_encoding = value; }
    else if ((value = header_value(line, length, "Last-Modified"))) { free(r->last_modified); r->last_modified = value; }
    else if ((value = header_value(line, length, "Content-Type"))) { free(r->content_type); r->content_type = value; }
    else if ((value = header_value(line, length, "Retry-After"))) { free(r->retry_after); r->retry_after = value; }
    return length;
}

static redline_http_failure classify(CURLcode code) {
    switch (code) {
    case CURLE_OPERATION_TIMEDOUT: return redline_http_timed_out;
    case CURLE_SSL_CONNECT_ERROR: case CURLE_SSL_CERTPROBLEM: case CURLE_SSL_CIPHER: case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_USE_SSL_FAILED: case CURLE_SSL_CACERT_BADFILE: case CURLE_SSL_SHUTDOWN_FAILED: case CURLE_SSL_CRL_BADFILE:
    case CURLE_SSL_ISSUER_ERROR: case CURLE_SSL_PINNEDPUBKEYNOTMATCH: case CURLE_SSL_INVALIDCERTSTATUS:
    case CURLE_SSL_CLIENTCERT:
        return redline_http_tls;
    default: return redline_http_network;
    }
}

/// Replaces the body of `t`'s response, sent in `encoding` (gzip, x-gzip or deflate), with what
/// it stands for, up to the transfer's `max_bytes`; fails the response when the compressed
/// stream is damaged or ends early. libcurl decodes as it receives and says nothing of a stream
/// cut short where the server's Content-Length was cut to match: the page would be stored half.
static void decode(transfer *t, const char *encoding) {
    redline_http_response *r = t->response;
    int gzip = strcasecmp(encoding, "gzip") == 0 || strcasecmp(encoding, "x-gzip") == 0;
    if (!gzip && strcasecmp(encoding, "deflate") != 0) {
        r->failure = redline_http_network;
        snprintf(r->message, sizeof r->message, "the server sent the body in the '%s' encoding, which redline does not read",
                 encoding);
        return;
    }
    // gzip or zlib by their headers (15 + 32); "deflate" is zlib, or, from some servers, raw.
    for (int window = 15 + 32; ; window = -15) {
        z_stream z;
        memset(&z, 0, sizeof z);
        if (inflateInit2(&z, window) != Z_OK) break;
        size_t capacity = r->body_length * 4 + 4096, made = 0;
        if (capacity > t->max_bytes) capacity = t->max_bytes;
        unsigned char *out = malloc(capacity);
        z.next_in = r->body;
        z.avail_in = (uInt)r->body_length;
        int code = Z_OK;
        while (out && code == Z_OK) {
            if (made == capacity) {
                if (capacity >= t->max_bytes) { code = Z_MEM_ERROR; break; }
                capacity = capacity * 2 > t->max_bytes ? t->max_bytes : capacity * 2;
                unsigned char *grown = realloc(out, capacity);
                if (!grown) break;
                out = grown;
            }
            z.next_out = out + made;
            z.avail_out = (uInt)(capacity - made);
            code = inflate(&z, Z_NO_FLUSH);
            made = capacity - z.avail_out;
            if (code == Z_BUF_ERROR && z.avail_in == 0) break;   // the input ended before the stream did
            if (code == Z_BUF_ERROR) code = Z_OK;
        }
        const char *why = z.msg;
        inflateEnd(&z);
        if (code == Z_STREAM_END) {
            free(r->body);
            r->body = out;
            r->body_length = made;
            return;
        }
        free(out);
        if (code == Z_DATA_ERROR && !gzip && window > 0) continue;   // not zlib: raw deflate, then
        if (code == Z_MEM_ERROR && made >= t->max_bytes) {
            r->failure = redline_http_too_large;
            r->body_length = made;
            return;
        }
        r->failure = redline_http_network;
        if (code == Z_DATA_ERROR)
            snprintf(r->message, sizeof r->message, "the server's %s body is damaged (%s)", encoding, why ? why : "bad data");
        else
            snprintf(r->message, sizeof r->message, "the server's %s body ends before the compressed page does "
                     "(cut short)", encoding);
        return;
    }
    r->failure = redline_http_network;
    snprintf(r->message, sizeof r->message, "the server's %s body could not be decoded", encoding);
}

/// One transfer: a GET when `body` is NULL, else a POST of `body_length` bytes of `body`, whose
/// redirects are not followed (libcurl would turn the POST into a GET).
static void run(const char *url, const char *const *headers, size_t header_count, const char *user_agent,
                long timeout_ms, size_t max_bytes, int allow_private_redirects,
                const unsigned char *body, size_t body_length, redline_http_response *response) {
    memset(response, 0, sizeof *response);
    pthread_once(&load_once, load);
    if (!curl.loaded) {
        response->failure = redline_http_no_libcurl;
        snprintf(response->message, sizeof response->message, "libcurl (libcurl.so.4) could not be loaded");
        return;
    }
    CURL *handle = curl.easy_init();
    if (!handle) {
        response->failure = redline_http_network;
        snprintf(response->message, sizeof response->message, "libcurl could not start a transfer");
        return;
    }
    struct curl_slist *list = NULL;
    for (size_t i = 0; i < header_count; i++) list = curl.slist_append(list, headers[i]);
    transfer t = { response, 0, max_bytes, handle, allow_private_redirects, 0, { 0 }, NULL };
    char errors[256] = { 0 };
    curl.easy_setopt(handle, CURLOPT_URL, url);
    curl.easy_setopt(handle, CURLOPT_USERAGENT, user_agent);
    curl.easy_setopt(handle, CURLOPT_HTTPHEADER, list);
    // Redirects are followed only where each request's address can be checked first (libcurl
    // 7.80 and later); an older libcurl reports the redirect's status instead.
    int checked = curl.easy_setopt(handle, CURLOPT_PREREQFUNCTION, on_request) == CURLE_OK
        && curl.easy_setopt(handle, CURLOPT_PREREQDATA, &t) == CURLE_OK;
    curl.easy_setopt(handle, CURLOPT_FOLLOWLOCATION, checked && !body ? 1L : 0L);
    if (body) {
        curl.easy_setopt(handle, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)body_length);
        curl.easy_setopt(handle, CURLOPT_POSTFIELDS, (const char *)body);
    }
    curl.easy_setopt(handle, CURLOPT_MAXREDIRS, 10L);
    curl.easy_setopt(handle, CURLOPT_NOPROGRESS, 0L);
    curl.easy_setopt(handle, CURLOPT_XFERINFOFUNCTION, on_progress);
    curl.easy_setopt(handle, CURLOPT_XFERINFODATA, &t);
    curl.easy_setopt(handle, CURLOPT_PROTOCOLS, (long)(CURLPROTO_HTTP | CURLPROTO_HTTPS));
    curl.easy_setopt(handle, CURLOPT_REDIR_PROTOCOLS, (long)(CURLPROTO_HTTP | CURLPROTO_HTTPS));
    // gzip and deflate asked for and decoded here (decode), so that a stream cut short is seen.
    curl.easy_setopt(handle, CURLOPT_ACCEPT_ENCODING, "gzip, deflate");
    curl.easy_setopt(handle, CURLOPT_HTTP_CONTENT_DECODING, 0L);
    curl.easy_setopt(handle, CURLOPT_TIMEOUT_MS, timeout_ms < 1 ? 1L : timeout_ms);
    curl.easy_setopt(handle, CURLOPT_NOSIGNAL, 1L);
    curl.easy_setopt(handle, CURLOPT_ERRORBUFFER, errors);
    curl.easy_setopt(handle, CURLOPT_WRITEFUNCTION, on_body);
    curl.easy_setopt(handle, CURLOPT_WRITEDATA, &t);
    curl.easy_setopt(handle, CURLOPT_HEADERFUNCTION, on_header);
    curl.easy_setopt(handle, CURLOPT_HEADERDATA, &t);
    CURLcode code = cancelled ? CURLE_ABORTED_BY_CALLBACK : curl.easy_perform(handle);
    if (cancelled) response->failure = redline_http_cancelled;
    curl.easy_getinfo(handle, CURLINFO_RESPONSE_CODE, &response->status);
    curl.easy_getinfo(handle, CURLINFO_REDIRECT_COUNT, &response->redirects);
    char *effective = NULL;
    if (!response->final_url && curl.easy_getinfo(handle, CURLINFO_EFFECTIVE_URL, &effective) == CURLE_OK && effective)
        response->final_url = strdup(effective);
    if (code != CURLE_OK && response->failure == redline_http_ok) {
        response->failure = classify(code);
        snprintf(response->message, sizeof response->message, "%s", errors[0] ? errors : curl.easy_strerror(code));
    }
    if (response->failure == redline_http_ok && !body && t.content_encoding && t.content_encoding[0]
        && strcasecmp(t.content_encoding, "identity") != 0 && response->body_length > 0)
        decode(&t, t.content_encoding);
    free(t.content_encoding);
    curl.easy_cleanup(handle);
    curl.slist_free_all(list);
}

void redline_http_get(const char *url, const char *const *headers, size_t header_count, const char *user_agent,
                      long timeout_ms, size_t max_bytes, int allow_private_redirects, redline_http_response *response) {
    run(url, headers, header_count, user_agent, timeout_ms, max_bytes, allow_private_redirects, NULL, 0, response);
}

void redline_http_post(const char *url, const char *const *headers, size_t header_count, const char *user_agent,
                       long timeout_ms, const unsigned char *body, size_t body_length, size_t max_bytes,
                       redline_http_response *response) {
    run(url, headers, header_count, user_agent, timeout_ms, max_bytes, 1, body ? body : (const unsigned char *)"",
        body_length, response);
}

void redline_http_response_free(redline_http_response *response) {
    free(response->body);
    free(response->etag);
    free(response->last_modified);
    free(response->content_type);
    free(response->retry_after);
    free(response->final_url);
    response->body = NULL;
    response->etag = response->last_modified = response->content_type = response->retry_after = response->final_url = NULL;
}
