/* Month and weekday names from CLDR's locale files (Debian's
 * unicode-cldr-core), read with libxml2's streaming reader rather than typed by hand. */
#include "ontology_int.h"

#include <libxml/parser.h>
#include <libxml/xmlreader.h>
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

/* Where the reader stands: inside the Gregorian calendar, and in which
 * width of month or day names (0 outside one). */
typedef struct cldr_walk {
    int gregorian;
    int width; /* 1 wide months, 2 abbreviated months, 3 wide days */
} cldr_walk;

static int attr_is(xmlTextReaderPtr r, const char *name, const char *value)
{
    xmlChar *v = xmlTextReaderGetAttribute(r, (const xmlChar *)name);
    int same = v && strcmp((const char *)v, value) == 0;
    xmlFree(v);
    return same;
}

static int width_of(xmlTextReaderPtr r, const char *element)
{
    if (strcmp(element, "monthWidth") == 0)
        return attr_is(r, "type", "wide") ? 1 : attr_is(r, "type", "abbreviated") ? 2 : 0;
    if (strcmp(element, "dayWidth") == 0) return attr_is(r, "type", "wide") ? 3 : 0;
    return -1; /* not a width */
}

/* One month or day name inside a width: its number from the type attribute
 * (abbreviated months + 100: only next to a day or year). */
static int take_name(xmlTextReaderPtr r, ng_lexicon *lx, int width)
{
    xmlChar *type = xmlTextReaderGetAttribute(r, (const xmlChar *)"type");
    xmlChar *text = xmlTextReaderReadString(r);
    intptr_t v = 0;
    if (type && width < 3) v = atoi((const char *)type);
    if (type && width == 3) v = day_number((const char *)type);
    if (v > 0 && width == 2) v += 100;
    int rc = text && v > 0 ? put_name(width == 3 ? lx->weekdays : lx->months, text, v) : 0;
    xmlFree(type);
    xmlFree(text);
    return rc;
}

/* One step of the walk; 1 once the Gregorian calendar has ended (the rest
 * of the file, most of it, is never parsed). */
static int walk_node(xmlTextReaderPtr r, cldr_walk *w, ng_lexicon *lx, int *rc)
{
    const char *name = (const char *)xmlTextReaderConstLocalName(r);
    int kind = xmlTextReaderNodeType(r);
    if (!name) return 0;
    if (kind == XML_READER_TYPE_END_ELEMENT) {
        if (strcmp(name, "calendar") == 0 && w->gregorian) return 1;
        if (width_of(r, name) >= 0) w->width = 0;
        return 0;
    }
    if (kind != XML_READER_TYPE_ELEMENT) return 0;
    if (strcmp(name, "calendar") == 0) {
        w->gregorian = attr_is(r, "type", "gregorian");
        w->width = 0;
        return 0;
    }
    if (!w->gregorian) return 0;
    int width = width_of(r, name);
    if (width >= 0) {
        w->width = xmlTextReaderIsEmptyElement(r) ? 0 : width;
        return 0;
    }
    if (w->width && strcmp(name, w->width == 3 ? "day" : "month") == 0)
        *rc = take_name(r, lx, w->width);
    return 0;
}

int ng__load_cldr_calendar(ng_ontology *o, ng_lexicon *lx, const char *lang, ng_error *err)
{
    (void)o;
    char path[1024];
    const char *dir = getenv("NEWSGRAPH_CLDR_DIR");
    snprintf(path, sizeof path, "%s/%s.xml", dir && *dir ? dir : NG_CLDR_DIR, lang);
    xmlTextReaderPtr r =
        xmlReaderForFile(path, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    if (!r)
        return ng_error_set(err, NG_EIO, "%s: cannot read CLDR data (install unicode-cldr-core)",
                            path);
    cldr_walk w = {0};
    int rc = 0, step = 0, done = 0;
    while (!rc && !done && (step = xmlTextReaderRead(r)) == 1)
        done = walk_node(r, &w, lx, &rc);
    xmlFreeTextReader(r);
    if (rc) return ng_error_set(err, NG_ENOMEM, "out of memory");
    if (step < 0) return ng_error_set(err, NG_EDATA, "%s: not well-formed XML (CLDR data)", path);
    if (ng_map_count(lx->months) < 12 || ng_map_count(lx->weekdays) < 7)
        return ng_error_set(err, NG_EDATA, "%s: no Gregorian month or day names", path);
    return 0;
}
