// libxml2, loaded with dlopen the first time a page is parsed. Linking it would make every redline
// process map libxml2 and what it needs (ICU's two libraries, liblzma, libstdc++) at start-up,
// some 1.5 ms, also for the commands that never parse a page (`log`, `events`, `blame`, `diff`
// of stored versions).
//
// Each libxml2 function redline calls is listed once below, with its prototype from libxml2's
// headers; the compiler checks every definition against them. To call another, add it to the list.
#include "redline_xml.h"
#include <libxml/parserInternals.h>

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#define LIBXML2_FUNCTIONS(F, V) \
    V(xmlInitParser, (void), ()) \
    F(htmlDocPtr, htmlReadMemory, \
      (const char *buffer, int size, const char *URL, const char *encoding, int options), \
      (buffer, size, URL, encoding, options)) \
    V(xmlFreeDoc, (xmlDocPtr cur), (cur)) \
    V(xmlFreeNode, (xmlNodePtr cur), (cur)) \
    V(xmlUnlinkNode, (xmlNodePtr cur), (cur)) \
    F(xmlNodePtr, xmlAddChild, (xmlNodePtr parent, xmlNodePtr cur), (parent, cur)) \
    F(xmlNodePtr, xmlDocGetRootElement, (const xmlDoc *doc), (doc)) \
    F(xmlXPathContextPtr, xmlXPathNewContext, (xmlDocPtr doc), (doc)) \
    V(xmlXPathFreeContext, (xmlXPathContextPtr ctxt), (ctxt)) \
    F(xmlXPathCompExprPtr, xmlXPathCtxtCompile, (xmlXPathContextPtr ctxt, const xmlChar *str), (ctxt, str)) \
    V(xmlXPathFreeCompExpr, (xmlXPathCompExprPtr comp), (comp)) \
    F(xmlXPathObjectPtr, xmlXPathEvalExpression, (const xmlChar *str, xmlXPathContextPtr ctxt), (str, ctxt)) \
    V(xmlXPathFreeObject, (xmlXPathObjectPtr obj), (obj)) \
    F(int, xmlXPathCmpNodes, (xmlNodePtr node1, xmlNodePtr node2), (node1, node2)) \
    F(xmlParserCtxtPtr, xmlCreateMemoryParserCtxt, (const char *buffer, int size), (buffer, size)) \
    F(int, htmlCtxtUseOptions, (htmlParserCtxtPtr ctxt, int options), (ctxt, options)) \
    F(xmlCharEncodingHandlerPtr, xmlFindCharEncodingHandler, (const char *name), (name)) \
    F(int, xmlSwitchToEncoding, (xmlParserCtxtPtr ctxt, xmlCharEncodingHandlerPtr handler), (ctxt, handler)) \
    F(int, htmlParseDocument, (htmlParserCtxtPtr ctxt), (ctxt)) \
    V(xmlFreeParserCtxt, (xmlParserCtxtPtr ctxt), (ctxt)) \
    F(xmlChar *, xmlSplitQName, (xmlParserCtxtPtr ctxt, const xmlChar *name, xmlChar **prefix), (ctxt, name, prefix))

/// The functions, as loaded from the library.
static struct {
#define POINTER(result, name, parameters, arguments) result (*name) parameters;
#define VOID_POINTER(name, parameters, arguments) void (*name) parameters;
    LIBXML2_FUNCTIONS(POINTER, VOID_POINTER)
    /// libxml2's deallocator: a variable in the library, holding the function.
    xmlFreeFunc *xmlFree;
} libxml2;

static pthread_once_t load_once = PTHREAD_ONCE_INIT;
static char load_failure[512];

static void load(void) {
    // Lazily bound, as libgit2 is (libgit2.c): libxml2 brings ICU, whose every function bound now
    // cost 0.8 of the 2 ms the load took.
    void *library = dlopen("libxml2.so.2", RTLD_LAZY | RTLD_LOCAL);
    if (!library) {
        snprintf(load_failure, sizeof load_failure, "%s", dlerror());
        return;
    }
#define LOAD(name) \
    if (!(*(void **)&libxml2.name = dlsym(library, #name))) { \
        snprintf(load_failure, sizeof load_failure, "libxml2.so.2 has no %s", #name); \
        return; \
    }
#define LOAD_FUNCTION(result, name, parameters, arguments) LOAD(name)
#define LOAD_VOID_FUNCTION(name, parameters, arguments) LOAD(name)
    LIBXML2_FUNCTIONS(LOAD_FUNCTION, LOAD_VOID_FUNCTION)
    LOAD(xmlFree)
}

const char *redline_xml_load(void) {
    pthread_once(&load_once, load);
    return load_failure[0] ? load_failure : NULL;
}

// The definitions Swift calls: each forwards to the loaded function.
#define FORWARD(result, name, parameters, arguments) \
    result name parameters { return libxml2.name arguments; }
#define FORWARD_VOID(name, parameters, arguments) \
    void name parameters { libxml2.name arguments; }
LIBXML2_FUNCTIONS(FORWARD, FORWARD_VOID)

// A page parsed as htmlReadMemory parses it (the same context, options and encoding), with
// `handler`'s callbacks in place of those that build libxml2's document: nothing is built.
int redline_html_sax_parse(const char *buffer, int size, const char *encoding, int options,
                           const htmlSAXHandler *handler, void *user) {
    xmlParserCtxtPtr ctxt = libxml2.xmlCreateMemoryParserCtxt(buffer, size);
    if (!ctxt) return -1;
    if (ctxt->sax) memcpy(ctxt->sax, handler, sizeof(xmlSAXHandlerV1));
    ctxt->_private = user;
    libxml2.htmlCtxtUseOptions(ctxt, options);
    ctxt->html = 1;
    if (encoding) {
        xmlCharEncodingHandlerPtr converter = libxml2.xmlFindCharEncodingHandler(encoding);
        if (converter) libxml2.xmlSwitchToEncoding(ctxt, converter);
    }
    libxml2.htmlParseDocument(ctxt);
    if (ctxt->myDoc) libxml2.xmlFreeDoc(ctxt->myDoc);
    ctxt->myDoc = NULL;
    libxml2.xmlFreeParserCtxt(ctxt);
    return 0;
}

void *redline_html_sax_user(void *context) {
    return ((xmlParserCtxtPtr)context)->_private;
}

xmlChar *redline_xml_local_name(void *context, const xmlChar *name) {
    xmlChar *prefix = NULL;
    xmlChar *local = libxml2.xmlSplitQName((xmlParserCtxtPtr)context, name, &prefix);
    if (prefix) (*libxml2.xmlFree)(prefix);
    return local;
}

void redline_xml_free(void *memory) {
    (*libxml2.xmlFree)(memory);
}
