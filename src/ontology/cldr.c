/* Month and weekday names from CLDR's locale files (Debian's
 * unicode-cldr-core), read with libxml2's XPath rather than typed by hand. */
#include "ontology_int.h"

#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A name as text would spell it: "sept." loses its period, which the
 * segmenter splits off; folded like every other word. */
static int put_name(ng_map *m, const xmlChar *name, intptr_t value)
{
    ng_buf b = {0};
    size_t n = strlen((const char *)name);
    while (n && name[n - 1] == '.')
        n--;
    int rc = ng_fold_append(&b, (const char *)name, n);
    /* wide names come first and win over abbreviations */
    if (!rc && b.len && !strchr(b.data, ' ') && !ng_map_get(m, b.data, b.len))
        rc = ng_map_put(m, b.data, b.len, (void *)value);
    ng_buf_free(&b);
    return rc;
}

static intptr_t day_number(const char *type)
{
    static const char *const days[] = {"sun", "mon", "tue", "wed", "thu", "fri", "sat"};
    for (int d = 0; d < 7; d++)
        if (strcmp(type, days[d]) == 0) return d + 1;
    return 0;
}

int ng__load_cldr_calendar(ng_ontology *o, ng_lexicon *lx, const char *lang, ng_error *err)
{
    (void)o;
    char path[1024];
    const char *dir = getenv("NEWSGRAPH_CLDR_DIR");
    snprintf(path, sizeof path, "%s/%s.xml", dir && *dir ? dir : NG_CLDR_DIR, lang);
    xmlDocPtr doc =
        xmlReadFile(path, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    if (!doc)
        return ng_error_set(err, NG_EIO, "%s: cannot read CLDR data (install unicode-cldr-core)",
                            path);
    static const char *const queries[] = {
        "//calendar[@type='gregorian']/months/monthContext/monthWidth[@type='wide']/month",
        "//calendar[@type='gregorian']/months/monthContext/monthWidth[@type='abbreviated']/month",
        "//calendar[@type='gregorian']/days/dayContext/dayWidth[@type='wide']/day"};
    int rc = 0;
    xmlXPathContextPtr xp = xmlXPathNewContext(doc);
    if (!xp) rc = NG_ENOMEM;
    for (int q = 0; q < 3 && !rc; q++) {
        xmlXPathObjectPtr r = xmlXPathEvalExpression((const xmlChar *)queries[q], xp);
        for (int i = 0; r && r->nodesetval && i < r->nodesetval->nodeNr && !rc; i++) {
            xmlNodePtr node = r->nodesetval->nodeTab[i];
            xmlChar *type = xmlGetProp(node, (const xmlChar *)"type");
            xmlChar *text = xmlNodeGetContent(node);
            intptr_t v = 0;
            if (type && q < 2) v = atoi((const char *)type);
            if (type && q == 2) v = day_number((const char *)type);
            if (v > 0 && q == 1) v += 100; /* abbreviated: only next to a day or year */
            if (text && v > 0) rc = put_name(q == 2 ? lx->weekdays : lx->months, text, v);
            xmlFree(type);
            xmlFree(text);
        }
        xmlXPathFreeObject(r);
    }
    xmlXPathFreeContext(xp);
    xmlFreeDoc(doc);
    if (rc) return ng_error_set(err, NG_ENOMEM, "out of memory");
    if (ng_map_count(lx->months) < 12 || ng_map_count(lx->weekdays) < 7)
        return ng_error_set(err, NG_EDATA, "%s: no Gregorian month or day names", path);
    return 0;
}
