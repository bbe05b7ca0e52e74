/* newsgraph mentions: the entity mentions of articles as TSV, or, with
 * --conll, CoNLL-2002-style tokens tagged with BIO entity tags (PER, ORG,
 * LOC, MISC; the mapping from our classes is ontology/conll.tsv). */
#include "cli.h"
#include "newsgraph/document.h"
#include "newsgraph/extract.h"
#include "newsgraph/graph.h"
#include "newsgraph/ner.h"
#include "newsgraph/newsgraph.h"
#include "newsgraph/ontology.h"

#include <errno.h>
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct mentions_opts {
    ng_read_options r;
    cli_common common;
    const char *output;
    int conll, latin1, coref;
} mentions_opts;

static void usage_mentions(FILE *f)
{
    fprintf(f,
            "usage: newsgraph mentions [options] FILE...   (FILE '-' reads stdin)\n\n"
            "Without --conll: one TSV line per mention: file, start and end (code points\n"
            "into the article text), text, class, kind (name|demonym), entity IRI.\n\n"
            "  --coref             also one line per pronoun, possessive or description\n"
            "                      resolved to a name of the article (needs the parse\n"
            "                      models): kind is the rule (coref:pronoun, coref:possessive,\n"
            "                      coref:description; coref:zero: a Spanish verb whose\n"
            "                      unstated subject it is), then a column START-END of the\n"
            "                      mention it was resolved to\n"
            "  --conll             FILE is CoNLL-2002 style (token first on each line, extra\n"
            "                      columns kept, blank line between sentences); each token\n"
            "                      line is written back with a BIO tag column appended: the\n"
            "                      entity tagger's labels, or with --name-rules the classes\n"
            "                      of the mentions found\n"
            "  --encoding E        utf8 (default) or latin1 (CoNLL input; output keeps it)\n"
            "  -o, --output FILE   write there instead of stdout\n"
            "      --lang es|en    language (default: detected)\n"
            "      --date Y-M-D    article date when it has none\n"
            "      --base IRI      base of entity IRIs (default %s)\n"
            "      --ontology DIR  the ontology/ folder\n"
            "      --models DIR    the models/ folder (parse and entity models)\n"
            "      --name-rules    find names by capitalisation rules, not the entity models\n"
            "  -h, --help          this help\n",
            NG_DEFAULT_BASE);
}

static int parse_mentions(int argc, char **argv, mentions_opts *o)
{
    enum { O_CONLL = CLI_OPT_OWN, O_ENC, O_COREF };
    static const struct option longs[] = {{"conll", no_argument, 0, O_CONLL},
                                          {"coref", no_argument, 0, O_COREF},
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
        case O_COREF:
            o->coref = 1;
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
    int coref; /* print references too */
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
    for (size_t i = 0; r->coref && i < ng_extraction_reference_count(ex); i++) {
        const ng_reference_view *f = ng_extraction_reference(ex, i);
        const ng_mention_view *a = ng_extraction_mention(ex, f->antecedent);
        fprintf(r->out, "%s\t%u\t%u\t", path, f->char_start, f->char_end);
        tsv_field(r->out, text + f->byte_start, f->byte_end - f->byte_start);
        fprintf(r->out, "\t%s\t%s\t%s\t%u-%u\n", class_of(r, ex, a), f->rule,
                ng_graph_entity_at(r->graph, r->ids[f->entity])->iri, a->char_start, a->char_end);
    }
    ng_document_free(doc);
    return 0;
}

/* ---- CoNLL ------------------------------------------------------------------ */

/* Each mention tags the CoNLL tokens it overlaps (B- on the first), with
 * its entity's class (rules without entity models). */
static void mention_tags(run *r, const cli_conll *cl, const ng_extraction *ex, const char **tags,
                         uint8_t *begin)
{
    size_t t = 0;
    const char *lang = ng_extraction_lang(ex);
    for (size_t i = 0; i < ng_extraction_mention_count(ex); i++) {
        const ng_mention_view *m = ng_extraction_mention(ex, i);
        const char *tag = ng_ontology_ner_tag(
            r->onto, lang, m->kind == NG_MENTION_DEMONYM ? "Demonym" : class_of(r, ex, m));
        if (strcmp(tag, "O") == 0) continue;
        while (t < cl->ntoks && cl->toks[t].at + cl->toks[t].len <= m->byte_start)
            t++;
        for (size_t k = t, first = 1; k < cl->ntoks && cl->toks[k].at < m->byte_end; k++) {
            if (tags[k]) continue; /* an earlier mention has it */
            tags[k] = tag;
            begin[k] = (uint8_t)first;
            first = 0;
        }
    }
}

/* The entity tagger's own labels, carried from the segmenter's tokens to
 * the CoNLL tokens they start in: what is scored is the tagger, before the
 * gazetteer and the name rules settle the mentions. */
static void tagger_tags(const cli_conll *cl, const ng_extraction *ex, const char **tags,
                        uint8_t *begin)
{
    const ng_segmentation *seg = ng_extraction_segmentation(ex);
    const uint8_t *lab = ng_extraction_tagger_labels(ex);
    size_t t = 0;
    for (size_t i = 0; i < seg->ntokens; i++) {
        uint32_t s = seg->tokens[i].start;
        while (t < cl->ntoks && cl->toks[t].at + cl->toks[t].len <= s)
            t++;
        if (t == cl->ntoks) break;
        if (!lab[i] || cl->toks[t].at > s || tags[t]) continue;
        tags[t] = ng_ner_class_name(ng_ner_label_class(lab[i]));
        begin[t] = (uint8_t)(ng_ner_label_begins(lab[i]) && s == cl->toks[t].at);
        /* a name that starts inside a token begins there */
        if (!begin[t] && (t == 0 || tags[t - 1] != tags[t])) begin[t] = 1;
    }
}

static void write_tagged(run *r, const cli_conll *cl, const char **tags, const uint8_t *begin)
{
    for (size_t i = 0; i < cl->nlines; i++) {
        const cli_conll_line *L = &cl->lines[i];
        fwrite(cl->raw + L->start, 1, L->len, r->out);
        if (L->token >= 0) {
            size_t k = (size_t)L->token;
            if (tags[k])
                fprintf(r->out, "\t%s-%s", begin[k] ? "B" : "I", tags[k]);
            else
                fputs("\tO", r->out);
        }
        fputc('\n', r->out);
    }
}

static int tag_conll(run *r, const char *path, const mentions_opts *o, ng_error *err)
{
    cli_conll cl;
    ng_document *doc = NULL;
    const char **tags = NULL;
    uint8_t *begin = NULL;
    int rc = cli_conll_read(&cl, path, o->latin1, err);
    if (rc) {
        cli_conll_free(&cl);
        return rc;
    }
    if (!(tags = calloc(cl.ntoks, sizeof *tags)) || !(begin = calloc(cl.ntoks, 1))) {
        rc = ng_error_set(err, NG_ENOMEM, "%s: out of memory", path);
        goto done;
    }
    ng_read_options ro = o->r;
    ro.format = NG_FORMAT_TEXT;
    const ng_extraction *ex = NULL;
    if ((rc = ng_document_read_memory(&doc, path, cl.text, cl.len, &ro, err))) goto done;
    size_t dlen;
    ng_document_text(doc, &dlen);
    if (dlen != cl.len) {
        rc = ng_error_set(err, NG_EFORMAT, "%s: tokens changed when read as text", path);
        goto done;
    }
    if ((rc = ng_extract(r->x, doc, ro.lang, &ex, err))) goto done;
    if (ng_extraction_tagger_labels(ex))
        tagger_tags(&cl, ex, tags, begin);
    else
        mention_tags(r, &cl, ex, tags, begin);
    write_tagged(r, &cl, tags, begin);
done:
    ng_document_free(doc);
    free(tags);
    free(begin);
    cli_conll_free(&cl);
    return rc;
}

int cmd_mentions(int argc, char **argv)
{
    mentions_opts o = {NG_READ_OPTIONS_INIT, {0}, NULL, 0, 0, 0};
    if (parse_mentions(argc, argv, &o)) return EXIT_USAGE;
    ng_error err = {0};
    run r = {0};
    cli_models ms = {0};
    char *tmp = NULL;
    int status = EXIT_FAIL, failures = 0;
    if (ng_context_new(&r.ctx, &err) ||
        ng_ontology_load(&r.onto, r.ctx, cli_ontology_dir(o.common.ontology), NULL, &err) ||
        ng_extractor_new(&r.x, r.onto, &err) || ng_graph_new(&r.graph, o.common.base, &err)) {
        fprintf(stderr, "%s: %s\n", prog, err.msg);
        goto done;
    }
    if (cli_models_attach(r.x, &o.common, &ms)) goto done;
    r.coref = o.coref;
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
    cli_models_free(&ms);
    ng_ontology_free(r.onto);
    ng_context_free(r.ctx);
    return status;
}
