#ifndef REDLINE_XML_H
#define REDLINE_XML_H

/* libxml2's own headers (2.9), for its HTML parser, tree and XPath, with every function they
   declare made hidden: redline defines the ones it calls itself (libxml2.c), forwarding to libxml2
   loaded at run time, and those definitions must stay inside redline.

   Debian builds libxml2 with ICU, and its encoding.h then includes the system's ICU headers, whose
   types clash with the copy of ICU inside Foundation; redline uses none of libxml2's
   ICU-dependent declarations (only the tail of xmlCharEncodingHandler, which it never touches),
   so they are left out. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/xmlexports.h>
#undef XMLPUBFUN
#define XMLPUBFUN __attribute__((visibility("hidden")))
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>

/// Loads libxml2 (libxml2.so.2) the first time it is called; NULL once loaded, else why it could
/// not be. Call it before any other libxml2 function.
const char *redline_xml_load(void);

/// Parses `buffer` as htmlReadMemory would (same context, options, `encoding`), calling
/// `handler`'s callbacks with libxml2's parser context, whose `_private` is `user`
/// (``redline_html_sax_user``); no document is built. -1 when no context could be made.
int redline_html_sax_parse(const char *buffer, int size, const char *encoding, int options,
                           const htmlSAXHandler *handler, void *user);

/// The `user` given to ``redline_html_sax_parse`` for the context a callback was handed.
void *redline_html_sax_user(void *context);

/// The local part of a prefixed element name (`o:p` → `p`), as libxml2's document builder names
/// the element; free it with ``redline_xml_free``.
xmlChar *redline_xml_local_name(void *context, const xmlChar *name);

/// Frees memory libxml2 allocated.
void redline_xml_free(void *memory);

#endif
