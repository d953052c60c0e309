#ifndef REDLINE_HTTP_H
#define REDLINE_HTTP_H

#include <stddef.h>

/// Why a GET (or POST) did not bring an answer back.
typedef enum {
    redline_http_ok = 0,
    redline_http_no_libcurl,   ///< libcurl.so.4 could not be loaded
    redline_http_timed_out,
    redline_http_tls,
    redline_http_network,
    redline_http_too_large,    ///< the body passed `max_bytes`
    redline_http_private_redirect, ///< a redirect from a public address to a private one, not allowed
    redline_http_cancelled,    ///< redline_http_cancel was called (Ctrl-C)
} redline_http_failure;

/// What a GET brought back. Free with redline_http_response_free.
typedef struct {
    long status;
    unsigned char *body;
    size_t body_length;
    char *etag;                ///< the last response's ETag header, or NULL
    char *last_modified;       ///< the last response's Last-Modified header, or NULL
    char *content_type;        ///< the last response's Content-Type header, or NULL
    char *retry_after;         ///< the last response's Retry-After header, or NULL
    char *final_url;           ///< the URL the body came from, after redirects, or NULL
    long redirects;            ///< how many redirects were followed
    char refused_address[64];  ///< for redline_http_private_redirect: the private address
    redline_http_failure failure;
    char message[256];         ///< libcurl's words for the failure
} redline_http_response;

/// GETs `url` with libcurl, loaded at the first call (dlopen), so that commands that never
/// fetch never load it: redirects followed (http and https only), gzip and deflate accepted and
/// decoded here (a compressed stream cut short or damaged is a failure), `headers` ("Name: value") sent, the whole exchange limited to `timeout_ms` (at
/// least 1: 0 would mean no limit). A redirect from a public address to a private one
/// (redline_http_is_private_address) is refused unless `allow_private_redirects`; the address
/// checked is the one connected to. redline_http_cancel aborts it.
void redline_http_get(const char *url, const char *const *headers, size_t header_count, const char *user_agent,
                      long timeout_ms, size_t max_bytes, int allow_private_redirects, redline_http_response *response);

/// POSTs `body_length` bytes of `body` to `url` as redline_http_get GETs (the same limits,
/// `headers` such as "Content-Type: application/json" sent), without following redirects:
/// `response` carries the status and the answer's body (up to `max_bytes`).
void redline_http_post(const char *url, const char *const *headers, size_t header_count, const char *user_agent,
                       long timeout_ms, const unsigned char *body, size_t body_length, size_t max_bytes,
                       redline_http_response *response);

/// Aborts every transfer in flight, and every later one, with redline_http_cancelled.
/// Async-signal-safe: for a SIGINT or SIGTERM handler.
void redline_http_cancel(void);

/// 1 when `address` (numeric IPv4 or IPv6) is loopback, private, link-local or unspecified:
/// 127/8, 10/8, 172.16/12, 192.168/16, 169.254/16, 0/8, ::1, ::, fc00::/7, fe80::/10, and
/// those IPv4 ranges mapped into IPv6 (::ffff:a.b.c.d); 0 otherwise (also for what is not an address).
int redline_http_is_private_address(const char *address);

/// 1 when a redirect from a request to address `from` to one to address `to` is refused: from a
/// public address to a private one, unless `allow_private_redirects`.
int redline_http_refuses_redirect(const char *from, const char *to, int allow_private_redirects);

void redline_http_response_free(redline_http_response *response);

#endif
