// libxml2, loaded with dlopen when the first page is parsed (see redline_xml.h).
#include "redline_xml.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

static htmlDocPtr (*readMemory)(const char *, int, const char *, const char *, int);
static void (*freeDoc)(htmlDocPtr);
static xmlNodePtr (*rootElement)(htmlDocPtr);
static const htmlEntityDesc *(*entityLookup)(const xmlChar *);

static pthread_once_t once = PTHREAD_ONCE_INIT;

/// Ends the process with one line and exit code 2: without libxml2 no page can be parsed, and an
/// empty article in its place would be stored as if the page had been emptied. (Linked, a missing
/// libxml2 stopped every redline process before it started.)
static void fail(const char *why, const char *detail) {
    fprintf(stderr, "redline: error: libxml2 (libxml2.so.2) %s%s; install it (apt-get install libxml2)\n", why, detail);
    _exit(2);
}

static void load(void) {
    void *library = dlopen("libxml2.so.2", RTLD_NOW | RTLD_LOCAL);
    if (library == NULL) {
        const char *detail = dlerror();
        char reason[400];
        snprintf(reason, sizeof reason, ": %s", detail ? detail : "not found");
        fail("could not be loaded", reason);
    }
    void (*initParser)(void) = (void (*)(void))dlsym(library, "xmlInitParser");
    readMemory = (htmlDocPtr (*)(const char *, int, const char *, const char *, int))dlsym(library, "htmlReadMemory");
    freeDoc = (void (*)(htmlDocPtr))dlsym(library, "xmlFreeDoc");
    rootElement = (xmlNodePtr (*)(htmlDocPtr))dlsym(library, "xmlDocGetRootElement");
    entityLookup = (const htmlEntityDesc *(*)(const xmlChar *))dlsym(library, "htmlEntityLookup");
    if (!initParser || !readMemory || !freeDoc || !rootElement || !entityLookup) fail("lacks a function redline calls", "");
    initParser();
}

void redline_xml_load(void) {
    pthread_once(&once, load);
}

htmlDocPtr redline_htmlReadMemory(const char *buffer, int size, const char *url, const char *encoding, int options) {
    return readMemory(buffer, size, url, encoding, options);
}

void redline_xmlFreeDoc(htmlDocPtr document) {
    freeDoc(document);
}

xmlNodePtr redline_xmlDocGetRootElement(htmlDocPtr document) {
    return rootElement(document);
}

const htmlEntityDesc *redline_htmlEntityLookup(const xmlChar *name) {
    return entityLookup(name);
}
