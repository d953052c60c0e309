#ifndef REDLINE_HTTP_H
#define REDLINE_HTTP_H

#include <stddef.h>

/// Why a GET did not bring a page back.
typedef enum {
    redline_http_ok = 0,
    redline_http_no_libcurl,   ///< libcurl.so.4 could not be loaded
    redline_http_timed_out,
    redline_http_tls,
    redline_http_network,
    redline_http_too_large,    ///< the body passed `max_bytes`
} redline_http_failure;

/// What a GET brought back. Free with redline_http_response_free.
typedef struct {
    long status;
    unsigned char *body;
    size_t body_length;
    char *etag;                ///< the last response's ETag header, or NULL
    char *last_modified;       ///< the last response's Last-Modified header, or NULL
    char *content_type;        ///< the last response's Content-Type header, or NULL
    redline_http_failure failure;
    char message[256];         ///< libcurl's words for the failure
} redline_http_response;

/// GETs `url` with libcurl, loaded at the first call (dlopen), so that commands that never
/// fetch never load it: redirects followed (http and https only), every encoding libcurl knows
/// accepted, `headers` ("Name: value") sent, the whole exchange limited to `timeout_ms`.
void redline_http_get(const char *url, const char *const *headers, size_t header_count, const char *user_agent,
                      long timeout_ms, size_t max_bytes, redline_http_response *response);

void redline_http_response_free(redline_http_response *response);

#endif
