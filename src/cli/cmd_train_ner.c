/* newsgraph train-entities: an entity tagger model from BIO token files.
 * Each file is read as an article (its tokens one space apart, a sentence a
 * line) through the same segmenter, parse and gazetteer as extraction, so
 * that the tagger learns from what it will be shown; the gold tags are
 * carried over to the segmenter's tokens by their offsets. */
#include "cli.h"
#include "newsgraph/document.h"
#include "newsgraph/extract.h"
#include "newsgraph/ner.h"
#include "newsgraph/newsgraph.h"
#include "newsgraph/ontology.h"
#include "newsgraph/parse.h"

#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void usage_train_entities(FILE *f)
{
    fprintf(f, "usage: newsgraph train-entities --lang L -o MODEL [options] FILE...\n\n"
               "Trains the entity tagger of one language from BIO token files: the token\n"
               "first on each line, the tag last (O, B-PER, I-ORG, … over PER, ORG, LOC and\n"
               "MISC; other classes count as O), a blank line between sentences. The same\n"
               "files and options give the same bytes.\n\n"
               "      --lang L             language of the files and the model\n"
               "  -o, --output MODEL       the model file to write (LANG.ner.ngm in models/)\n"
               "      --epochs N           passes over the data (default 10)\n"
               "      --seed N             shuffling seed (default 1)\n"
               "      --min-count N        drop features seen fewer times (default 1)\n"
               "      --headline-every K   learn every K-th sentence also as a headline,\n"
               "                           without case (default 6; 0 = never)\n"
               "      --members N          taggers trained in different orders and summed\n"
               "                           into one model, an ensemble (default 2)\n"
               "      --quick-common       a common lower-case word gets a dozen features, not\n"
               "                           fifty: faster, as good where names are capitalised\n"
               "                           (news); not for text that writes names in lower case\n"
               "      --adapt              each FILE is a corpus of its own, with weights of\n"
               "                           its own beside the shared ones; the model follows\n"
               "                           the first file's conventions (default: one corpus)\n"
               "      --models DIR         the models/ folder with the parse model\n"
               "      --ontology DIR       the ontology/ folder (gazetteer)\n"
               "  -h, --help               this help\n");
}

typedef struct train_opts {
    ng_ner_train_options t;
    cli_common common;
    const char *output;
    int adapt;
} train_opts;

static int parse_args(int argc, char **argv, train_opts *o)
{
    enum { O_EPOCHS = CLI_OPT_OWN, O_SEED, O_MIN, O_HEAD, O_MEMBERS, O_ADAPT, O_QUICK };
    static const struct option longs[] = {{"output", required_argument, 0, 'o'},
                                          {"epochs", required_argument, 0, O_EPOCHS},
                                          {"seed", required_argument, 0, O_SEED},
                                          {"min-count", required_argument, 0, O_MIN},
                                          {"headline-every", required_argument, 0, O_HEAD},
                                          {"members", required_argument, 0, O_MEMBERS},
                                          {"adapt", no_argument, 0, O_ADAPT},
                                          {"quick-common", no_argument, 0, O_QUICK},
                                          {"help", no_argument, 0, 'h'},
                                          CLI_COMMON_OPTIONS,
                                          {0, 0, 0, 0}};
    int c;
    long v;
    opterr = 0;
    optind = 1;
    while ((c = getopt_long(argc, argv, ":o:h", longs, NULL)) != -1) {
        switch (c) {
        case 'o':
            o->output = optarg;
            break;
        case O_EPOCHS:
            if (cli_int_arg(optarg, "--epochs", 1, 1000, &v)) return -1;
            o->t.epochs = (int)v;
            break;
        case O_SEED:
            if (cli_int_arg(optarg, "--seed", 0, UINT32_MAX, &v)) return -1;
            o->t.seed = (uint32_t)v;
            break;
        case O_MIN:
            if (cli_int_arg(optarg, "--min-count", 1, 1000, &v)) return -1;
            o->t.min_count = (uint32_t)v;
            break;
        case O_HEAD:
            if (cli_int_arg(optarg, "--headline-every", 0, 1000000, &v)) return -1;
            o->t.headline_every = (int)v;
            break;
        case O_MEMBERS:
            if (cli_int_arg(optarg, "--members", 1, 16, &v)) return -1;
            o->t.members = (int)v;
            break;
        case O_ADAPT:
            o->adapt = 1;
            break;
        case O_QUICK:
            o->t.quick_common = 1;
            break;
        case 'h':
            usage_train_entities(stdout);
            exit(EXIT_OK);
        default:
            if (cli_common_option(c, optarg, argv, &o->common)) return -1;
        }
    }
    if (!o->output || !o->common.lang || !*o->common.lang || strlen(o->common.lang) > 7) {
        fprintf(stderr, "%s: train-entities needs --lang L and -o MODEL (see --help)\n", prog);
        return -1;
    }
    return cli_need_files(argc, "train-entities");
}

/* The examples of all files, and what they point into. */
typedef struct corpus {
    ng_ner_example *ex;
    size_t n, cap;
    ng_document **docs;
    size_t ndocs;
    size_t tokens, names;
} corpus;

static ng_ner_class tag_class(const cli_conll *cl, const cli_conll_token *g, int *begins)
{
    const char *t = cl->src + g->tag;
    *begins = g->tag_len > 2 && t[0] == 'B' && t[1] == '-';
    if (g->tag_len < 3 || (t[0] != 'B' && t[0] != 'I') || t[1] != '-') return NG_NER_O;
    char name[8];
    size_t n = g->tag_len - 2;
    if (n >= sizeof name) return NG_NER_O;
    memcpy(name, t + 2, n);
    name[n] = '\0';
    return ng_ner_class_from_name(name);
}

/* Gold labels of the segmenter's tokens: the class of the gold token each
 * starts in; B where a gold name starts, and wherever I could not follow. */
static void carry_labels(const cli_conll *cl, const ng_segmentation *seg, uint8_t *labels)
{
    size_t g = 0;
    uint8_t prev = 0;
    for (size_t i = 0; i < seg->ntokens; i++) {
        uint32_t s = seg->tokens[i].start;
        while (g < cl->ntoks && cl->toks[g].at + cl->toks[g].len <= s)
            g++;
        uint8_t l = 0;
        if (g < cl->ntoks && cl->toks[g].at <= s) {
            int begins;
            ng_ner_class c = tag_class(cl, &cl->toks[g], &begins);
            if (c != NG_NER_O) {
                int start = begins && s == cl->toks[g].at;
                int cont = prev && ng_ner_label_class(prev) == c;
                l = (uint8_t)(start || !cont ? 2 * c - 1 : 2 * c);
            }
        }
        labels[i] = prev = l;
    }
}

static void free_parse_strings(ng_ner_token *t, size_t n)
{
    for (size_t k = 0; k < n; k++) {
        free((void *)t[k].deprel);
        free((void *)t[k].head);
    }
}

static int own_parse_strings(ng_ner_token *t, size_t n)
{
    int bad = 0;
    for (size_t k = 0; k < n; k++) {
        const char *d = t[k].deprel, *h = t[k].head;
        t[k].deprel = d && !bad ? strdup(d) : NULL;
        t[k].head = h && !bad ? strdup(h) : NULL;
        bad |= (d && !t[k].deprel) || (h && !t[k].head);
    }
    if (bad) free_parse_strings(t, n);
    return bad ? -1 : 0;
}

static int add_examples(corpus *cp, const ng_entity_input *in, const uint8_t *labels, int domain)
{
    const ng_segmentation *seg = in->seg;
    for (size_t s = 0; s < seg->nsentences; s++) {
        const ng_sentence *z = &seg->sentences[s];
        if (!z->count) continue;
        if (cp->n == cp->cap) {
            size_t cap = cp->cap ? cp->cap * 2 : 4096;
            ng_ner_example *p = realloc(cp->ex, cap * sizeof *p);
            if (!p) return -1;
            cp->ex = p;
            cp->cap = cap;
        }
        ng_ner_token *t = malloc(z->count * sizeof *t);
        uint8_t *l = malloc(z->count);
        if (!t || !l) {
            free(t);
            free(l);
            return -1;
        }
        memcpy(t, in->tokens + z->first, z->count * sizeof *t);
        /* the parse's strings last only until the next article */
        if (own_parse_strings(t, z->count)) {
            free(t);
            free(l);
            return -1;
        }
        memcpy(l, labels + z->first, z->count);
        for (size_t k = 0; k < z->count; k++)
            cp->names += ng_ner_label_begins(l[k]);
        cp->tokens += z->count;
        cp->ex[cp->n++] = (ng_ner_example){t, l, z->count, domain};
    }
    return 0;
}

static int read_corpus(ng_extractor *x, const char *path, const char *lang, int domain, corpus *cp,
                       ng_error *err)
{
    cli_conll cl;
    ng_document *doc = NULL;
    uint8_t *labels = NULL;
    int rc = cli_conll_read(&cl, path, 0, err);
    if (!rc) {
        ng_read_options ro = NG_READ_OPTIONS_INIT;
        ro.format = NG_FORMAT_TEXT;
        ro.lang = lang;
        rc = ng_document_read_memory(&doc, path, cl.text, cl.len, &ro, err);
    }
    ng_entity_input in;
    if (!rc) rc = ng_extract_entity_input(x, doc, lang, &in, err);
    if (!rc && !(labels = malloc(in.ntokens + 1)))
        rc = ng_error_set(err, NG_ENOMEM, "%s: out of memory", path);
    if (!rc) {
        carry_labels(&cl, in.seg, labels);
        if (add_examples(cp, &in, labels, domain))
            rc = ng_error_set(err, NG_ENOMEM, "%s: out of memory", path);
    }
    free(labels);
    cli_conll_free(&cl);
    if (rc) {
        ng_document_free(doc);
        return rc;
    }
    /* the examples' forms point into the document's text */
    ng_document **docs = realloc(cp->docs, (cp->ndocs + 1) * sizeof *docs);
    if (!docs) {
        ng_document_free(doc);
        return ng_error_set(err, NG_ENOMEM, "out of memory");
    }
    cp->docs = docs;
    cp->docs[cp->ndocs++] = doc;
    return 0;
}

static void corpus_free(corpus *cp)
{
    for (size_t i = 0; i < cp->n; i++) {
        free_parse_strings((ng_ner_token *)cp->ex[i].toks, cp->ex[i].n);
        free((void *)cp->ex[i].toks);
        free((void *)cp->ex[i].labels);
    }
    free(cp->ex);
    for (size_t i = 0; i < cp->ndocs; i++)
        ng_document_free(cp->docs[i]);
    free(cp->docs);
}

static void progress(void *arg, int epoch, double acc)
{
    (void)arg;
    fprintf(stderr, "%s: epoch %d: token accuracy on the training data %.2f%%\n", prog, epoch, acc);
}

int cmd_train_entities(int argc, char **argv)
{
    train_opts o = {NG_NER_TRAIN_OPTIONS_INIT, {0}, NULL, 0};
    if (parse_args(argc, argv, &o)) return EXIT_USAGE;
    ng_error err = {0};
    ng_context *ctx = NULL;
    ng_ontology *onto = NULL;
    ng_extractor *x = NULL;
    ng_models *ms = NULL;
    ng_ner_model *m = NULL;
    corpus cp = {0};
    int status = EXIT_FAIL;
    const char *lang = o.common.lang;
    if (ng_context_new(&ctx, &err) ||
        ng_ontology_load(&onto, ctx, cli_ontology_dir(o.common.ontology), NULL, &err) ||
        ng_extractor_new(&x, onto, &err)) {
        fprintf(stderr, "%s: %s\n", prog, err.msg);
        goto done;
    }
    if (cli_load_models(o.common.models, lang, &ms) || ng_extractor_set_models(x, ms, &err))
        goto done;
    o.t.lang = lang;
    o.t.ndomains = o.adapt ? argc - optind : 1;
    o.t.progress = progress;
    for (int i = optind; i < argc; i++) {
        if (read_corpus(x, argv[i], lang, o.adapt ? i - optind : 0, &cp, &err)) {
            fprintf(stderr, "%s: %s\n", prog, err.msg);
            goto done;
        }
    }
    fprintf(stderr, "%s: %zu sentences, %zu tokens, %zu names\n", prog, cp.n, cp.tokens, cp.names);
    if (ng_ner_train(&m, cp.ex, cp.n, &o.t, &err) || ng_ner_model_save(m, o.output, &err)) {
        fprintf(stderr, "%s: %s\n", prog, err.msg);
        goto done;
    }
    fprintf(stderr, "%s: wrote %s\n", prog, o.output);
    status = EXIT_OK;
done:
    ng_ner_model_free(m);
    corpus_free(&cp);
    ng_extractor_free(x);
    ng_models_free(ms);
    ng_ontology_free(onto);
    ng_context_free(ctx);
    return status;
}
