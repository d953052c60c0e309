// Prints, from the installed libxml2, the HTML parser's element facts as lines:
//   closes NEW OLD     (a start tag NEW ends an open OLD)
//   empty NAME         (an element without content)
//   entity NAME CODE
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <stdio.h>
#include <string.h>
int main(int argc, char **argv) {
    // argv: tag names, then "--", then entity names
    int split = 1; while (split < argc && strcmp(argv[split], "--")) split++;
    htmlDocPtr doc = htmlNewDoc(NULL, NULL);
    for (int i = 1; i < split; i++) {
        const htmlElemDesc *d = htmlTagLookup(BAD_CAST argv[i]);
        if (d && d->empty) printf("empty %s\n", argv[i]);
        for (int j = 1; j < split; j++) {
            if (i == j) continue;
            htmlNodePtr e = xmlNewDocNode(doc, NULL, BAD_CAST argv[j], NULL);
            if (htmlAutoCloseTag(doc, BAD_CAST argv[i], e)) printf("closes %s %s\n", argv[j], argv[i]);
            xmlFreeNode(e);
        }
    }
    for (int i = split + 1; i < argc; i++) {
        const htmlEntityDesc *e = htmlEntityLookup(BAD_CAST argv[i]);
        if (e) printf("entity %s %u\n", argv[i], e->value);
    }
    return 0;
}
