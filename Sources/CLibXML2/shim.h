#ifndef REDLINE_CLIBXML2_SHIM_H
#define REDLINE_CLIBXML2_SHIM_H
/* Debian builds libxml2 with ICU; its headers would pull the system's ICU into the module and
   clash with Foundation's own copy. redline never touches libxml2's encoding handlers (it hands
   the parser UTF-8), so the ICU part of the headers is left out. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/tree.h>
#include <libxml/parser.h>
#endif
