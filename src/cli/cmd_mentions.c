/* newsgraph mentions: the entity mentions of articles as TSV, or, with
 * --conll, CoNLL-2002-style tokens tagged with BIO entity tags (PER, ORG,
 * LOC, MISC; the mapping from our classes is ontology/conll.tsv). */
#include "cli.h"
#include "newsgraph/document.h"
#include "newsgraph/extract.h"
#include "newsgraph/graph.h"
#include "newsgraph/newsgraph.h"
#include "newsgraph/ontology.h"

#include <errno.h>
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

typedef struct mentions_opts {
    ng_read_options r;
    cli_common common;
    const char *output;
    int conll, latin1;
} mentions_opts;

static void usage_mentions(FILE *f)
{
    fprintf(f,
            "usage: newsgraph mentions [options] FILE...   (FILE '-' reads stdin)\n\n"
            "Without --conll: one TSV line per mention: file, start and end (code points\n"
            "into the article text), text, class, kind (name|demonym), entity IRI.\n\n"
            "  --conll             FILE is CoNLL-2002 style (token first on each line, extra\n"
            "                      columns kept, blank line between sentences); each token\n"
            "                      line is written back with a BIO tag column appended\n"
            "  --encoding E        utf8 (default) or latin1 (CoNLL input; output keeps it)\n"
            "  -o, --output FILE   write there instead of stdout\n"
            "      --lang es|en    language (default: detected)\n"
            "      --date Y-M-D    article date when it has none\n"
            "      --base IRI      base of entity IRIs (default %s)\n"
            "      --ontology DIR  the ontology/ folder\n"
            "      --models DIR    the models/ folder (tagger and parser)\n"
            "  -h, --help          this help\n",
            NG_DEFAULT_BASE);
}

static int parse_mentions(int argc, char **argv, mentions_opts *o)
{
    enum { O_CONLL = CLI_OPT_OWN, O_ENC };
    static const struct option longs[] = {{"conll", no_argument, 0, O_CONLL},
                                          {"encoding", required_argument, 0, O_ENC},
                                          {"output", required_argument, 0, 'o'},
                                          {"help", no_argument, 0, 'h'},
                                          CLI_COMMON_OPTIONS,
                                          {0, 0, 0, 0}};
    int c;
    opterr = 0;
    optind = 1;
    while ((c = getopt_long(argc, argv, ":o:h", longs, NULL)) != -1) {
        switch (c) {
        case O_CONLL:
            o->conll = 1;
            break;
        case O_ENC:
            if (strcmp(optarg, "utf8") && strcmp(optarg, "utf-8") && strcmp(optarg, "latin1")) {
                fprintf(stderr, "%s: --encoding must be utf8 or latin1, not '%s'\n", prog, optarg);
                return -1;
            }
            o->latin1 = strcmp(optarg, "latin1") == 0;
            break;
        case 'o':
            o->output = optarg;
            break;
        case 'h':
            usage_mentions(stdout);
            exit(EXIT_OK);
        default:
            if (cli_common_option(c, optarg, argv, &o->common)) return -1;
        }
    }
    o->r.lang = o->common.lang;
    o->r.date = o->common.date;
    return cli_need_files(argc, "mentions");
}

typedef struct run {
    ng_context *ctx;
    ng_ontology *onto;
    ng_extractor *x;
    ng_graph *graph;
    size_t *ids;
    size_t ids_cap;
    FILE *out;
} run;

static const char *class_of(const run *r, const ng_extraction *ex, const ng_mention_view *m)
{
    (void)r;
    return ng_type_name(ng_extraction_entity(ex, m->entity)->type);
}

/* Graph ids (and so IRIs) of this extraction's entities. */
static int map_entities(run *r, const ng_extraction *ex, ng_error *err)
{
    size_t n = ng_extraction_entity_count(ex) + 1;
    if (n > r->ids_cap) {
        size_t *p = realloc(r->ids, n * sizeof *p);
        if (!p) return ng_error_set(err, NG_ENOMEM, "out of memory");
        r->ids = p;
        r->ids_cap = n;
    }
    return ng_graph_add_entities(r->graph, ex, r->ids, err);
}

static void tsv_field(FILE *f, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        fputc(s[i] == '\t' || s[i] == '\n' ? ' ' : s[i], f);
}

static int mentions_tsv(run *r, const char *path, const ng_read_options *ro, ng_error *err)
{
    ng_document *doc = NULL;
    const ng_extraction *ex = NULL;
    int rc = ng_document_read_file(&doc, path, ro, err);
    if (!rc) rc = ng_extract(r->x, doc, ro->lang, &ex, err);
    if (!rc) rc = map_entities(r, ex, err);
    if (rc) {
        ng_document_free(doc);
        return rc;
    }
    const char *text = ng_document_text(doc, NULL);
    for (size_t i = 0; i < ng_extraction_mention_count(ex); i++) {
        const ng_mention_view *m = ng_extraction_mention(ex, i);
        fprintf(r->out, "%s\t%u\t%u\t", path, m->char_start, m->char_end);
        tsv_field(r->out, text + m->byte_start, m->byte_end - m->byte_start);
        fprintf(r->out, "\t%s\t%s\t%s\n", class_of(r, ex, m),
                m->kind == NG_MENTION_DEMONYM ? "demonym" : "name",
                ng_graph_entity_at(r->graph, r->ids[m->entity])->iri);
    }
    ng_document_free(doc);
    return 0;
}

/* ---- CoNLL ------------------------------------------------------------------ */

typedef struct conll_line {
    size_t start, len; /* the line in the raw input, without its line end */
    long token;        /* token index, -1 for blank and -DOCSTART- lines */
} conll_line;

typedef struct conll_token {
    size_t at, len;  /* in the built text */
    const char *tag; /* PER, ORG, LOC, MISC or NULL */
    int begin;       /* first token of its entity */
} conll_token;

static char *latin1_to_utf8(const char *s, size_t n, size_t *out_len)
{
    char *r = malloc(2 * n + 1);
    if (!r) return NULL;
    size_t w = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            r[w++] = (char)c;
        } else {
            r[w++] = (char)(0xC0 | (c >> 6));
            r[w++] = (char)(0x80 | (c & 0x3F));
        }
    }
    r[w] = '\0';
    *out_len = w;
    return r;
}

/* Append token (NFC) to text; returns 0 or -1. */
static int append_token(char **text, size_t *len, size_t *cap, const char *t, size_t n)
{
    utf8proc_uint8_t *nfc = NULL;
    utf8proc_ssize_t k = utf8proc_map((const utf8proc_uint8_t *)t, (utf8proc_ssize_t)n, &nfc,
                                      UTF8PROC_STABLE | UTF8PROC_COMPOSE);
    if (k < 0) return -1;
    if (*len + (size_t)k + 2 > *cap) {
        size_t c = (*cap ? *cap : 4096);
        while (*len + (size_t)k + 2 > c)
            c *= 2;
        char *p = realloc(*text, c);
        if (!p) {
            free(nfc);
            return -1;
        }
        *text = p;
        *cap = c;
    }
    memcpy(*text + *len, nfc, (size_t)k);
    *len += (size_t)k;
    free(nfc);
    return 0;
}

static int tag_conll(run *r, const char *path, const mentions_opts *o, ng_error *err)
{
    char *raw = NULL, *utf = NULL, *text = NULL;
    size_t rawlen = 0, utflen = 0, len = 0, cap = 0;
    conll_line *lines = NULL;
    conll_token *toks = NULL;
    size_t nlines = 0, ntoks = 0;
    ng_document *doc = NULL;
    int rc = 0;
    FILE *in = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    if (!in) return ng_error_set(err, NG_EIO, "%s: %s", path, strerror(errno));
    {
        size_t n, rcap = 0;
        char chunk[65536];
        while ((n = fread(chunk, 1, sizeof chunk, in)) > 0) {
            if (rawlen + n + 1 > rcap) {
                rcap = (rawlen + n + 1) * 2;
                char *p = realloc(raw, rcap);
                if (!p) {
                    rc = ng_error_set(err, NG_ENOMEM, "%s: out of memory", path);
                    break;
                }
                raw = p;
            }
            memcpy(raw + rawlen, chunk, n);
            rawlen += n;
        }
        if (in != stdin) fclose(in);
    }
    if (rc) goto done;
    if (!raw) {
        rc = ng_error_set(err, NG_EEMPTY, "%s: empty file", path);
        goto done;
    }
    raw[rawlen] = '\0';
    if (memchr(raw, '\0', rawlen)) {
        rc = ng_error_set(err, NG_EFORMAT, "%s: binary file (NUL bytes), not CoNLL", path);
        goto done;
    }
    if (o->latin1) {
        if (!(utf = latin1_to_utf8(raw, rawlen, &utflen))) {
            rc = ng_error_set(err, NG_ENOMEM, "%s: out of memory", path);
            goto done;
        }
    }
    /* lines and tokens; the raw and UTF-8 views have the same line breaks */
    const char *src = o->latin1 ? utf : raw;
    size_t srclen = o->latin1 ? utflen : rawlen;
    size_t rpos = 0, spos = 0;
    int sentence_open = 0, lineno = 0;
    while (rpos < rawlen) {
        const char *re = memchr(raw + rpos, '\n', rawlen - rpos);
        size_t rl = re ? (size_t)(re - raw - rpos) : rawlen - rpos;
        const char *se = memchr(src + spos, '\n', srclen - spos);
        size_t sl = se ? (size_t)(se - src - spos) : srclen - spos;
        lineno++;
        size_t rtrim = rl && raw[rpos + rl - 1] == '\r' ? rl - 1 : rl;
        size_t strim = sl && src[spos + sl - 1] == '\r' ? sl - 1 : sl;
        conll_line *tmp = realloc(lines, (nlines + 1) * sizeof *lines);
        if (!tmp) {
            rc = ng_error_set(err, NG_ENOMEM, "%s: out of memory", path);
            goto done;
        }
        lines = tmp;
        conll_line *L = &lines[nlines++];
        L->start = rpos;
        L->len = rtrim;
        L->token = -1;
        const char *line = src + spos;
        size_t tl = 0;
        while (tl < strim && line[tl] != '\t' && line[tl] != ' ')
            tl++;
        int blank = strim == 0 || tl == 0;
        if (!blank && strncmp(line, "-DOCSTART-", 10) != 0) {
            /* check UTF-8 of the token */
            utf8proc_ssize_t ok = 0;
            for (size_t i = 0; i < tl; i += (size_t)ok) {
                utf8proc_int32_t cp;
                ok = utf8proc_iterate((const utf8proc_uint8_t *)line + i,
                                      (utf8proc_ssize_t)(tl - i), &cp);
                if (ok <= 0) {
                    rc = ng_error_set(err, NG_EENCODING,
                                      "%s:%d: invalid UTF-8 (try --encoding latin1)", path, lineno);
                    goto done;
                }
            }
            if (len && append_token(&text, &len, &cap, sentence_open ? " " : "\n", 1)) {
                rc = ng_error_set(err, NG_ENOMEM, "%s: out of memory", path);
                goto done;
            }
            size_t at = len;
            if (append_token(&text, &len, &cap, line, tl)) {
                rc = ng_error_set(err, NG_EENCODING, "%s:%d: bad token", path, lineno);
                goto done;
            }
            conll_token *tt = realloc(toks, (ntoks + 1) * sizeof *toks);
            if (!tt) {
                rc = ng_error_set(err, NG_ENOMEM, "%s: out of memory", path);
                goto done;
            }
            toks = tt;
            toks[ntoks] = (conll_token){at, len - at, NULL, 0};
            L->token = (long)ntoks++;
            sentence_open = 1;
        } else {
            sentence_open = 0;
        }
        rpos += rl + (re ? 1 : 0);
        spos += sl + (se ? 1 : 0);
    }
    if (!ntoks) {
        rc = ng_error_set(err, NG_EEMPTY, "%s: no tokens", path);
        goto done;
    }
    text[len] = '\0';
    ng_read_options ro = o->r;
    ro.format = NG_FORMAT_TEXT;
    const ng_extraction *ex = NULL;
    if ((rc = ng_document_read_memory(&doc, path, text, len, &ro, err))) goto done;
    size_t dlen;
    ng_document_text(doc, &dlen);
    if (dlen != len) {
        rc = ng_error_set(err, NG_EFORMAT, "%s: tokens changed when read as text", path);
        goto done;
    }
    if ((rc = ng_extract(r->x, doc, ro.lang, &ex, err))) goto done;
    /* each mention tags the CoNLL tokens it overlaps: B- on the first */
    size_t t = 0;
    const char *lang = ng_extraction_lang(ex);
    for (size_t i = 0; i < ng_extraction_mention_count(ex); i++) {
        const ng_mention_view *m = ng_extraction_mention(ex, i);
        const char *tag = ng_ontology_ner_tag(
            r->onto, lang, m->kind == NG_MENTION_DEMONYM ? "Demonym" : class_of(r, ex, m));
        if (strcmp(tag, "O") == 0) continue;
        while (t < ntoks && toks[t].at + toks[t].len <= m->byte_start)
            t++;
        for (size_t k = t, first = 1; k < ntoks && toks[k].at < m->byte_end; k++) {
            if (toks[k].tag) continue; /* an earlier mention has it */
            toks[k].tag = tag;
            toks[k].begin = first;
            first = 0;
        }
    }
    for (size_t i = 0; i < nlines; i++) {
        const conll_line *L = &lines[i];
        fwrite(raw + L->start, 1, L->len, r->out);
        if (L->token >= 0) {
            const conll_token *k = &toks[L->token];
            if (k->tag)
                fprintf(r->out, "\t%s-%s", k->begin ? "B" : "I", k->tag);
            else
                fputs("\tO", r->out);
        }
        fputc('\n', r->out);
    }
done:
    ng_document_free(doc);
    free(toks);
    free(lines);
    free(text);
    free(utf);
    free(raw);
    return rc;
}

int cmd_mentions(int argc, char **argv)
{
    mentions_opts o = {NG_READ_OPTIONS_INIT, {0}, NULL, 0, 0};
    if (parse_mentions(argc, argv, &o)) return EXIT_USAGE;
    ng_error err = {0};
    run r = {0};
    ng_models *ms = NULL;
    char *tmp = NULL;
    int status = EXIT_FAIL, failures = 0;
    if (ng_context_new(&r.ctx, &err) ||
        ng_ontology_load(&r.onto, r.ctx, cli_ontology_dir(o.common.ontology), NULL, &err) ||
        ng_extractor_new(&r.x, r.onto, &err) || ng_graph_new(&r.graph, o.common.base, &err)) {
        fprintf(stderr, "%s: %s\n", prog, err.msg);
        goto done;
    }
    if (cli_load_models(o.common.models, o.common.lang, &ms) ||
        ng_extractor_set_models(r.x, ms, &err))
        goto done;
    if (!(r.out = cli_open_output(o.output, &tmp))) goto done;
    if (!o.conll) fprintf(r.out, "file\tstart\tend\ttext\tclass\tkind\tiri\n");
    for (int i = optind; i < argc; i++) {
        ng_error_clear(&err);
        int rc = o.conll ? tag_conll(&r, argv[i], &o, &err) : mentions_tsv(&r, argv[i], &o.r, &err);
        if (rc) {
            fprintf(stderr, "%s: %s\n", prog, err.msg);
            failures++;
        }
    }
    status = failures ? EXIT_FAIL : EXIT_OK;
done:
    if (r.out && cli_close_output(r.out, o.output, tmp, status == EXIT_OK || failures) != 0)
        status = EXIT_FAIL;
    free(r.ids);
    ng_graph_free(r.graph);
    ng_extractor_free(r.x);
    ng_models_free(ms);
    ng_ontology_free(r.onto);
    ng_context_free(r.ctx);
    return status;
}
