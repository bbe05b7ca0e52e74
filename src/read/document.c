/* Reader: plain text and HTML articles into documents.
 *
 * Both paths end in the same place: one UTF-8, NFC string whose first line is
 * the title. HTML goes through libxml2's forgiving HTML parser; boilerplate
 * (scripts, navigation, asides, footers) is dropped before any text is kept. */
#include "newsgraph/document.h"
#include "util/util.h"

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <utf8proc.h>

#define DEFAULT_MAX_BYTES (64u << 20)

struct ng_document {
    char *text;
    size_t len;
    char *title;
    char *source;
    char *date;
    char *lang;
    char id[17];
};

void ng_document_free(ng_document *doc)
{
    if (!doc) return;
    free(doc->text);
    free(doc->title);
    free(doc->source);
    free(doc->date);
    free(doc->lang);
    free(doc);
}

const char *ng_document_text(const ng_document *doc, size_t *len)
{
    if (len) *len = doc->len;
    return doc->text;
}
const char *ng_document_title(const ng_document *doc)
{
    return doc->title;
}
const char *ng_document_source(const ng_document *doc)
{
    return doc->source;
}
const char *ng_document_date(const ng_document *doc)
{
    return doc->date;
}
const char *ng_document_lang(const ng_document *doc)
{
    return doc->lang;
}
const char *ng_document_id(const ng_document *doc)
{
    return doc->id;
}

int ng_document_set_lang(ng_document *doc, const char *lang)
{
    char *l = strdup(lang);
    if (!l) return NG_ENOMEM;
    free(doc->lang);
    doc->lang = l;
    return 0;
}

static int looks_binary(const char *data, size_t len)
{
    size_t n = len < 8192 ? len : 8192;
    return memchr(data, '\0', n) != NULL;
}

/* Returns 1 when valid; otherwise the byte offset and line of the first error. */
static int utf8_valid(const char *s, size_t n, size_t *bad, size_t *line)
{
    size_t k = ng_utf8_valid_len(s, n);
    if (k == n) return 1;
    size_t ln = 1;
    for (size_t i = 0; i < k; i++)
        ln += s[i] == '\n';
    *bad = k;
    *line = ln;
    return 0;
}

static int is_blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!strchr(" \t\r\n\f\v", s[i])) return 0;
    return 1;
}

/* Text made only of code points below U+0300 (Latin letters, precomposed)
 * and of U+2010..U+206F (dashes, quotes) and U+20AC is already in NFC: no
 * combining marks, composition exclusions or singletons live there. */
static int surely_nfc(const char *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            i++;
            continue;
        }
        int32_t cp;
        int k = ng_utf8_decode(s + i, n - i, &cp);
        if (!k) return 0;
        if (!(cp < 0x300 || (cp >= 0x2010 && cp <= 0x206F) || cp == 0x20AC)) return 0;
        i += (size_t)k;
    }
    return 1;
}

/* CR LF and lone CR become LF, in place; returns the new length. */
static size_t unix_line_ends(char *r, size_t n)
{
    size_t w = 0;
    for (size_t i = 0; i < n; i++) {
        if (r[i] == '\r') {
            if (i + 1 < n && r[i + 1] == '\n') continue;
            r[w++] = '\n';
            continue;
        }
        r[w++] = r[i];
    }
    r[w] = '\0';
    return w;
}

/* NFC and LF line ends; the result is what every offset refers to. */
static int normalise(const char *s, size_t n, char **out, size_t *outlen)
{
    char *r;
    size_t len;
    if (surely_nfc(s, n)) {
        if (!(r = malloc(n + 1))) return NG_ENOMEM;
        memcpy(r, s, n);
        len = n;
    } else {
        utf8proc_uint8_t *m = NULL;
        utf8proc_ssize_t k = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, &m,
                                          UTF8PROC_STABLE | UTF8PROC_COMPOSE);
        if (k < 0) return k == UTF8PROC_ERROR_NOMEM ? NG_ENOMEM : NG_EENCODING;
        r = (char *)m;
        len = (size_t)k;
    }
    *outlen = unix_line_ends(r, len);
    *out = r;
    return 0;
}

static char *dup_trim(const char *s, size_t n)
{
    while (n && strchr(" \t\r\n", *s))
        s++, n--;
    while (n && strchr(" \t\r\n", s[n - 1]))
        n--;
    char *d = malloc(n + 1);
    if (!d) return NULL;
    memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

/* Plain text: drop leading blank lines so the title is the first line. */
static int finish_text(ng_document *doc, const char *name, char *norm, size_t nlen, ng_error *err)
{
    size_t start = 0;
    while (start < nlen && strchr(" \t\n", norm[start]))
        start++;
    memmove(norm, norm + start, nlen - start + 1);
    nlen -= start;
    doc->text = norm;
    doc->len = nlen;
    const char *eol = memchr(norm, '\n', nlen);
    doc->title = dup_trim(norm, eol ? (size_t)(eol - norm) : nlen);
    if (!doc->title) return ng_error_set(err, NG_ENOMEM, "%s: out of memory", name);
    return 0;
}

/* ---- HTML --------------------------------------------------------------- */

static int name_is(const xmlNode *n, const char *name)
{
    return n->type == XML_ELEMENT_NODE && n->name && strcasecmp((const char *)n->name, name) == 0;
}

static int is_dropped(const xmlNode *n)
{
    static const char *const drop[] = {"script", "style",    "nav",    "header", "footer",
                                       "aside",  "noscript", "form",   "iframe", "svg",
                                       "button", "template", "select", NULL};
    for (int i = 0; drop[i]; i++)
        if (name_is(n, drop[i])) return 1;
    return 0;
}

static int is_block(const xmlNode *n)
{
    static const char *const blocks[] = {
        "p",  "div",        "h1",  "h2",      "h3",      "h4",   "h5",         "h6", "li", "br",
        "tr", "blockquote", "pre", "section", "article", "main", "figcaption", "dd", "dt", NULL};
    for (int i = 0; blocks[i]; i++)
        if (name_is(n, blocks[i])) return 1;
    return 0;
}

static const xmlNode *find_element(const xmlNode *n, const char *name)
{
    for (; n; n = n->next) {
        if (name_is(n, name)) return n;
        if (n->type == XML_ELEMENT_NODE && !is_dropped(n)) {
            const xmlNode *r = find_element(n->children, name);
            if (r) return r;
        }
    }
    return NULL;
}

/* Append text with whitespace collapsed; blocks end the current line. */
static int collect_text(const xmlNode *n, ng_buf *out)
{
    for (; n; n = n->next) {
        if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
            const char *s = (const char *)n->content;
            for (; s && *s; s++) {
                char c = *s;
                if (strchr(" \t\r\n\f\v", c)) {
                    if (out->len && !strchr(" \n", out->data[out->len - 1]) &&
                        ng_buf_addc(out, ' '))
                        return NG_ENOMEM;
                } else if (ng_buf_addc(out, c)) {
                    return NG_ENOMEM;
                }
            }
        } else if (n->type == XML_ELEMENT_NODE && !is_dropped(n)) {
            int block = is_block(n);
            if (block && out->len && out->data[out->len - 1] != '\n' && ng_buf_addc(out, '\n'))
                return NG_ENOMEM;
            if (collect_text(n->children, out)) return NG_ENOMEM;
            if (block && out->len && out->data[out->len - 1] != '\n' && ng_buf_addc(out, '\n'))
                return NG_ENOMEM;
        }
    }
    return 0;
}

/* Only the paragraphs and headings of a page without <article>/<main>. */
static int collect_paragraphs(const xmlNode *n, ng_buf *out)
{
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE || is_dropped(n)) continue;
        if (name_is(n, "p") || name_is(n, "h1") || name_is(n, "h2") || name_is(n, "h3") ||
            name_is(n, "blockquote") || name_is(n, "li")) {
            if (collect_text(n, out)) return NG_ENOMEM;
            if (out->len && out->data[out->len - 1] != '\n' && ng_buf_addc(out, '\n'))
                return NG_ENOMEM;
        } else if (collect_paragraphs(n->children, out)) {
            return NG_ENOMEM;
        }
    }
    return 0;
}

/* A copy with runs of white space made one space and the ends trimmed. */
static char *collapse_space(const char *s)
{
    ng_buf b = {0};
    int space = 0;
    for (const char *p = s; *p; p++) {
        if (strchr(" \t\r\n\f\v", *p)) {
            space = b.len > 0;
            continue;
        }
        if ((space && ng_buf_addc(&b, ' ')) || ng_buf_addc(&b, *p)) {
            ng_buf_free(&b);
            return NULL;
        }
        space = 0;
    }
    if (!b.data && ng_buf_adds(&b, "")) return NULL;
    return b.data;
}

static char *node_text(const xmlNode *n)
{
    xmlChar *c = xmlNodeGetContent(n);
    if (!c) return NULL;
    char *r = collapse_space((const char *)c);
    xmlFree(c);
    return r;
}

static char *meta_content(const xmlNode *root, const char *key)
{
    for (const xmlNode *n = root; n; n = n->next) {
        if (name_is(n, "meta")) {
            xmlChar *p = xmlGetProp(n, (const xmlChar *)"property");
            if (!p) p = xmlGetProp(n, (const xmlChar *)"name");
            int hit = p && strcasecmp((const char *)p, key) == 0;
            xmlFree(p);
            if (hit) {
                xmlChar *c = xmlGetProp(n, (const xmlChar *)"content");
                char *r = c ? collapse_space((const char *)c) : NULL;
                xmlFree(c);
                if (r && *r) return r;
                free(r);
            }
        }
        if (n->type == XML_ELEMENT_NODE) {
            char *r = meta_content(n->children, key);
            if (r) return r;
        }
    }
    return NULL;
}

static char *attr_of(const xmlNode *n, const char *attr)
{
    xmlChar *c = xmlGetProp(n, (const xmlChar *)attr);
    char *r = c ? strdup((const char *)c) : NULL;
    xmlFree(c);
    return r;
}

/* YYYY-MM-DD prefix of an ISO timestamp, or NULL when it is not a date. */
static char *iso_date(char *s)
{
    if (!s) return NULL;
    int ok = strlen(s) >= 10 && s[4] == '-' && s[7] == '-';
    for (int i = 0; ok && i < 10; i++)
        if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9')) ok = 0;
    int month = ok ? (s[5] - '0') * 10 + (s[6] - '0') : 0;
    int day = ok ? (s[8] - '0') * 10 + (s[9] - '0') : 0;
    if (ok && month >= 1 && month <= 12 && day >= 1 && day <= 31) {
        s[10] = '\0';
        return s;
    }
    free(s);
    return NULL;
}

/* Declared non-UTF-8 charsets are left to libxml2; everything else is UTF-8. */
static const char *html_encoding(const char *data, size_t len)
{
    size_t n = len < 2048 ? len : 2048;
    char head[2049];
    memcpy(head, data, n);
    head[n] = '\0';
    for (size_t i = 0; i < n; i++)
        if (head[i] >= 'A' && head[i] <= 'Z') head[i] = (char)(head[i] + 32);
    const char *cs = strstr(head, "charset=");
    if (!cs) return "UTF-8";
    cs += 8;
    while (*cs == '"' || *cs == '\'')
        cs++;
    return strncmp(cs, "utf-8", 5) == 0 || strncmp(cs, "utf8", 4) == 0 ? "UTF-8" : NULL;
}

static int read_html(ng_document *doc, const char *name, const char *data, size_t len,
                     const ng_read_options *opts, ng_error *err)
{
    const char *enc = html_encoding(data, len);
    if (enc) {
        size_t bad, line;
        if (!utf8_valid(data, len, &bad, &line))
            return ng_error_set(err, NG_EENCODING, "%s: invalid UTF-8 at byte %zu (line %zu)", name,
                                bad, line);
    }
    htmlDocPtr h = htmlReadMemory(data, (int)len, name, enc,
                                  HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                                      HTML_PARSE_NONET | HTML_PARSE_NOBLANKS);
    if (!h || !xmlDocGetRootElement(h)) {
        xmlFreeDoc(h);
        return ng_error_set(err, NG_EFORMAT, "%s: not parseable as HTML", name);
    }
    const xmlNode *root = xmlDocGetRootElement(h);
    int rc = NG_ENOMEM;
    ng_buf body = {0}, all = {0};
    char *title = meta_content(root, "og:title");
    if (!title) {
        const xmlNode *t = find_element(root, "title");
        title = t ? node_text(t) : NULL;
    }
    const xmlNode *h1 = find_element(root, "h1");
    if (!title && h1) title = node_text(h1);
    char *date = iso_date(meta_content(root, "article:published_time"));
    if (!date) {
        const xmlNode *t = find_element(root, "time");
        date = t ? iso_date(attr_of(t, "datetime")) : NULL;
    }
    char *url = meta_content(root, "og:url");
    const xmlNode *main = find_element(root, "article");
    if (!main) main = find_element(root, "main");
    if (main ? collect_text(main->children, &body) : collect_paragraphs(root, &body)) goto done;
    /* The title heads the text; a heading that repeats it is dropped. */
    const char *b = body.data ? body.data : "";
    if (title && strncmp(b, title, strlen(title)) == 0 && b[strlen(title)] == '\n')
        b += strlen(title) + 1;
    if ((title && ng_buf_printf(&all, "%s\n", title)) || ng_buf_adds(&all, b)) goto done;
    if (is_blank(all.data ? all.data : "", all.len)) {
        rc = ng_error_set(err, NG_EEMPTY, "%s: the HTML page holds no article text", name);
        goto done;
    }
    size_t bad, line;
    if (!utf8_valid(all.data, all.len, &bad, &line)) {
        rc = ng_error_set(err, NG_EENCODING, "%s: invalid UTF-8 in the page text", name);
        goto done;
    }
    char *norm;
    size_t nlen;
    if ((rc = normalise(all.data, all.len, &norm, &nlen))) {
        ng_error_set(err, rc, "%s: %s", name, ng_strerror(rc));
        goto done;
    }
    if ((rc = finish_text(doc, name, norm, nlen, err))) goto done;
    if (date) doc->date = date, date = NULL;
    if (url) doc->source = url, url = NULL;
    rc = 0;
done:
    if (rc == NG_ENOMEM && err && !err->msg[0]) ng_error_set(err, rc, "%s: out of memory", name);
    (void)opts;
    free(title);
    free(date);
    free(url);
    ng_buf_free(&body);
    ng_buf_free(&all);
    xmlFreeDoc(h);
    return rc;
}

static int has_suffix(const char *s, const char *suf)
{
    size_t a = strlen(s), b = strlen(suf);
    return a >= b && strcasecmp(s + a - b, suf) == 0;
}

static int sniff_html(const char *data, size_t len)
{
    size_t i = 0;
    if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) i = 3;
    while (i < len && strchr(" \t\r\n", data[i]))
        i++;
    if (i >= len || data[i] != '<') return 0;
    size_t n = len - i < 512 ? len - i : 512;
    char head[513];
    memcpy(head, data + i, n);
    head[n] = '\0';
    return strcasestr(head, "<html") || strcasestr(head, "<!doctype html") ||
           strcasestr(head, "<head") || strcasestr(head, "<body") || strcasestr(head, "<p");
}

int ng_document_read_memory(ng_document **out, const char *name, const char *data, size_t len,
                            const ng_read_options *opts, ng_error *err)
{
    ng_read_options defaults = NG_READ_OPTIONS_INIT;
    if (!opts) opts = &defaults;
    *out = NULL;
    size_t max = opts->max_bytes ? opts->max_bytes : DEFAULT_MAX_BYTES;
    if (len > max)
        return ng_error_set(err, NG_ETOOBIG, "%s: %zu bytes is over the limit of %zu", name, len,
                            max);
    if (len == 0) return ng_error_set(err, NG_EEMPTY, "%s: empty file", name);
    if (len >= 2 &&
        ((data[0] == '\xFF' && data[1] == '\xFE') || (data[0] == '\xFE' && data[1] == '\xFF')))
        return ng_error_set(err, NG_EENCODING, "%s: UTF-16 text; convert it to UTF-8", name);
    if (looks_binary(data, len))
        return ng_error_set(err, NG_EFORMAT, "%s: binary file (NUL bytes), not an article", name);
    ng_document *doc = calloc(1, sizeof *doc);
    if (!doc) return ng_error_set(err, NG_ENOMEM, "%s: out of memory", name);
    int rc;
    ng_doc_format fmt = opts->format;
    if (fmt == NG_FORMAT_AUTO) {
        int ext =
            has_suffix(name, ".html") || has_suffix(name, ".htm") || has_suffix(name, ".xhtml");
        fmt = ext || sniff_html(data, len) ? NG_FORMAT_HTML : NG_FORMAT_TEXT;
    }
    if (fmt == NG_FORMAT_HTML) {
        rc = read_html(doc, name, data, len, opts, err);
    } else {
        size_t bad, line;
        if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) data += 3, len -= 3;
        if (!utf8_valid(data, len, &bad, &line)) {
            rc = ng_error_set(err, NG_EENCODING, "%s: invalid UTF-8 at byte %zu (line %zu)", name,
                              bad, line);
        } else if (is_blank(data, len)) {
            rc = ng_error_set(err, NG_EEMPTY, "%s: no text, only white space", name);
        } else {
            char *norm;
            size_t nlen;
            rc = normalise(data, len, &norm, &nlen);
            if (rc)
                ng_error_set(err, rc, "%s: %s", name, ng_strerror(rc));
            else
                rc = finish_text(doc, name, norm, nlen, err);
        }
    }
    if (!rc && !doc->source && !(doc->source = strdup(name)))
        rc = ng_error_set(err, NG_ENOMEM, "%s: out of memory", name);
    if (!rc && !doc->date && opts->date && !(doc->date = strdup(opts->date)))
        rc = ng_error_set(err, NG_ENOMEM, "%s: out of memory", name);
    if (!rc && opts->lang && !(doc->lang = strdup(opts->lang)))
        rc = ng_error_set(err, NG_ENOMEM, "%s: out of memory", name);
    if (rc) {
        ng_document_free(doc);
        return rc;
    }
    snprintf(doc->id, sizeof doc->id, "%016llx",
             (unsigned long long)ng_hash64(doc->text, doc->len));
    *out = doc;
    return 0;
}

int ng_document_read_file(ng_document **out, const char *path, const ng_read_options *opts,
                          ng_error *err)
{
    char *data = NULL;
    size_t len = 0;
    size_t max = opts && opts->max_bytes ? opts->max_bytes : DEFAULT_MAX_BYTES;
    int rc;
    *out = NULL;
    if (strcmp(path, "-") == 0) {
        ng_buf b = {0};
        char chunk[65536];
        size_t n;
        rc = 0;
        while ((n = fread(chunk, 1, sizeof chunk, stdin)) > 0) {
            if (b.len + n > max) {
                rc = ng_error_set(err, NG_ETOOBIG, "<stdin>: over the limit of %zu bytes", max);
                break;
            }
            if (ng_buf_add(&b, chunk, n)) {
                rc = ng_error_set(err, NG_ENOMEM, "<stdin>: out of memory");
                break;
            }
        }
        data = b.data;
        len = b.len;
        path = "<stdin>";
    } else {
        rc = ng_read_file(path, max, &data, &len, err);
    }
    if (!rc) rc = ng_document_read_memory(out, path, data ? data : "", len, opts, err);
    free(data);
    return rc;
}
