#ifndef REDLINE_XML_H
#define REDLINE_XML_H

/* The part of libxml2's API that redline uses, as libxml2's public headers declare it (tree.h,
   HTMLparser.h and parser.h of libxml2 2.9): these structs' layouts and these constants are part
   of libxml2.so.2's ABI, unchanged since 2.0. libxml2 itself is loaded with dlopen when a page is
   first parsed (libxml2.c): linked, it would make every redline process map libxml2 and the ICU
   libraries it needs, some 2 ms at start-up, also for plain-text captures and commands that
   parse no HTML. Declared here rather than included: the headers live outside the compiler's
   search path (in libxml2/), and Debian's pull in the system's ICU, which clashes with
   Foundation's own copy. */

typedef unsigned char xmlChar;

typedef enum {
    XML_ELEMENT_NODE = 1,
    XML_TEXT_NODE = 3,
    XML_CDATA_SECTION_NODE = 4
} xmlElementType;

typedef enum {
    HTML_PARSE_RECOVER = 1 << 0,
    HTML_PARSE_NOERROR = 1 << 5,
    HTML_PARSE_NOWARNING = 1 << 6,
    HTML_PARSE_NONET = 1 << 11,
    HTML_PARSE_COMPACT = 1 << 16,
    HTML_PARSE_IGNORE_ENC = 1 << 21
} htmlParserOption;

typedef enum {
    XML_PARSE_HUGE = 1 << 19
} xmlParserOption;

typedef struct _xmlDoc *htmlDocPtr;
typedef struct _xmlNode *xmlNodePtr;

/// An attribute: its name, and its value as the text nodes under `children`.
struct _xmlAttr {
    void *_private;
    xmlElementType type;
    const xmlChar *name;
    struct _xmlNode *children;
    struct _xmlNode *last;
    struct _xmlNode *parent;
    struct _xmlAttr *next;
    struct _xmlAttr *prev;
    struct _xmlDoc *doc;
    void *ns;
    int atype;
    void *psvi;
};

/// A node of the parsed document.
struct _xmlNode {
    void *_private;
    xmlElementType type;
    const xmlChar *name;
    struct _xmlNode *children;
    struct _xmlNode *last;
    struct _xmlNode *parent;
    struct _xmlNode *next;
    struct _xmlNode *prev;
    struct _xmlDoc *doc;
    void *ns;
    xmlChar *content;
    struct _xmlAttr *properties;
    void *nsDef;
    void *psvi;
    unsigned short line;
    unsigned short extra;
};

/// A named character reference in libxml2's table.
typedef struct {
    unsigned int value;
    const char *name;
    const char *desc;
} htmlEntityDesc;

/// Loads libxml2 (libxml2.so.2) the first time it is called, and calls xmlInitParser. Call it
/// before the functions below, which forward to libxml2's of the same name without the prefix.
/// When libxml2 cannot be loaded, it ends the process with one line on standard error and exit
/// code 2.
void redline_xml_load(void);

htmlDocPtr redline_htmlReadMemory(const char *buffer, int size, const char *url, const char *encoding, int options);
void redline_xmlFreeDoc(htmlDocPtr document);
xmlNodePtr redline_xmlDocGetRootElement(htmlDocPtr document);
const htmlEntityDesc *redline_htmlEntityLookup(const xmlChar *name);

#endif
