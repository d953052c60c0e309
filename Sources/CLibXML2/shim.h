#ifndef REDLINE_LIBXML2_SHIM_H
#define REDLINE_LIBXML2_SHIM_H

/* libxml2's own headers (2.9), for its HTML parser, tree and XPath (the `select` of a configured article). Debian builds libxml2 with ICU, and
   its encoding.h then includes the system's ICU headers, whose types clash with the copy of ICU
   inside Foundation; redline uses none of libxml2's ICU-dependent declarations (only the tail of
   xmlCharEncodingHandler, which it never touches), so they are left out. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>

#endif
