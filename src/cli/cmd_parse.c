/* newsgraph parse: CoNLL-U for articles, or a treebank re-parsed on its own
 * words; newsgraph train: a model from treebanks. */
#include "cli.h"
#include "newsgraph/document.h"
#include "newsgraph/extract.h"
#include "newsgraph/newsgraph.h"
#include "newsgraph/ontology.h"
#include "newsgraph/parse.h"

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static void usage_parse(FILE *f)
{
    fprintf(f,
            "usage: newsgraph parse [options] FILE...   (FILE '-' reads stdin)\n\n"
            "Prints CoNLL-U: words (multiword tokens split), UPOS, FEATS, lemma, head and\n"
            "relation for every sentence, with TokenRange=start:end character offsets.\n\n"
            "      --lang es|en     language (default: detected; required with --conllu)\n"
            "      --conllu         FILE is CoNLL-U: parse its words as they are (gold\n"
            "                       tokenization), keeping comments and multiword lines\n"
            "  -o, --output FILE    write there instead of stdout (replaced only on success)\n"
            "      --models DIR     the models/ folder (default: $NEWSGRAPH_MODELS or %s)\n"
            "      --ontology DIR   the ontology/ folder (default: $NEWSGRAPH_ONTOLOGY or %s)\n"
            "      --html / --text  force the input format (default: by extension, sniffed)\n"
            "  -h, --help           this help\n",
            NG_MODELS_DIR, NG_ONTOLOGY_DIR);
}

typedef struct parse_opts {
    ng_read_options r;
    cli_common common;
    const char *output;
    int conllu;
} parse_opts;

static int parse_parse(int argc, char **argv, parse_opts *o)
{
    enum { O_HTML = CLI_OPT_OWN, O_TEXT, O_CONLLU };
    static const struct option longs[] = {{"output", required_argument, 0, 'o'},
                                          {"conllu", no_argument, 0, O_CONLLU},
                                          {"html", no_argument, 0, O_HTML},
                                          {"text", no_argument, 0, O_TEXT},
                                          {"help", no_argument, 0, 'h'},
                                          CLI_COMMON_OPTIONS,
                                          {0, 0, 0, 0}};
    int c;
    opterr = 0;
    optind = 1;
    while ((c = getopt_long(argc, argv, ":o:h", longs, NULL)) != -1) {
        switch (c) {
        case 'o':
            o->output = optarg;
            break;
        case O_CONLLU:
            o->conllu = 1;
            break;
        case O_HTML:
            o->r.format = NG_FORMAT_HTML;
            break;
        case O_TEXT:
            o->r.format = NG_FORMAT_TEXT;
            break;
        case 'h':
            usage_parse(stdout);
            exit(EXIT_OK);
        default:
            if (cli_common_option(c, optarg, argv, &o->common)) return -1;
        }
    }
    if (o->common.lang && strcmp(o->common.lang, "es") && strcmp(o->common.lang, "en")) {
        fprintf(stderr, "%s: language must be es or en, not '%s'\n", prog, o->common.lang);
        return -1;
    }
    if (o->conllu && !o->common.lang) {
        fprintf(stderr, "%s: parse --conllu needs --lang es|en\n", prog);
        return -1;
    }
    o->r.lang = o->common.lang;
    return cli_need_files(argc, "parse");
}

static int parse_conllu_files(const parse_opts *o, int argc, char **argv, FILE *out)
{
    ng_error err = {0};
    ng_models *ms = NULL;
    const ng_model *m;
    int failures = 0;
    if (cli_load_models(o->common.models, o->common.lang, &ms) ||
        ng_models_get(ms, o->common.lang, &m, &err)) {
        ng_models_free(ms);
        return -1;
    }
    for (int i = optind; i < argc; i++) {
        ng_error_clear(&err);
        if (ng_parse_conllu(m, argv[i], out, &err)) {
            fprintf(stderr, "%s: %s\n", prog, err.msg);
            failures++;
        }
    }
    ng_models_free(ms);
    return failures;
}

static int is_directory(const char *path)
{
    struct stat st;
    return strcmp(path, "-") && stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static int parse_articles(const parse_opts *o, int argc, char **argv, FILE *out)
{
    ng_error err = {0};
    ng_context *ctx = NULL;
    ng_ontology *onto = NULL;
    ng_extractor *x = NULL;
    ng_models *ms = NULL;
    int failures = 0;
    if (cli_load_models(o->common.models, o->common.lang, &ms)) return -1;
    if (ng_context_new(&ctx, &err) ||
        ng_ontology_load(&onto, ctx, cli_ontology_dir(o->common.ontology), NULL, &err) ||
        ng_extractor_new(&x, onto, &err) || ng_extractor_set_models(x, ms, &err)) {
        fprintf(stderr, "%s: %s\n", prog, err.msg);
        failures = -1;
        goto done;
    }
    for (int i = optind; i < argc; i++) {
        ng_document *doc = NULL;
        const ng_extraction *ex = NULL;
        ng_error_clear(&err);
        if (is_directory(argv[i])) {
            fprintf(stderr, "%s: %s: is a directory, not an article\n", prog, argv[i]);
            failures++;
            continue;
        }
        if (ng_document_read_file(&doc, argv[i], &o->r, &err) ||
            ng_extract_parse(x, doc, o->r.lang, &ex, &err)) {
            fprintf(stderr, "%s: %s\n", prog, err.msg);
            failures++;
            ng_document_free(doc);
            continue;
        }
        size_t len;
        const char *text = ng_document_text(doc, &len);
        fprintf(out, "# newdoc id = %s\n", ng_document_id(doc));
        if (ng_parse_write_conllu(ng_extraction_parse(ex), text, ng_extraction_segmentation(ex),
                                  ng_document_id(doc), out, &err)) {
            fprintf(stderr, "%s: %s\n", prog, err.msg);
            failures++;
        }
        ng_document_free(doc);
    }
done:
    ng_extractor_free(x);
    ng_models_free(ms);
    ng_ontology_free(onto);
    ng_context_free(ctx);
    return failures;
}

int cmd_parse(int argc, char **argv)
{
    parse_opts o = {NG_READ_OPTIONS_INIT, {0}, NULL, 0};
    if (parse_parse(argc, argv, &o)) return EXIT_USAGE;
    char *tmp = NULL;
    FILE *out = cli_open_output(o.output, &tmp);
    if (!out) return EXIT_FAIL;
    int failures =
        o.conllu ? parse_conllu_files(&o, argc, argv, out) : parse_articles(&o, argc, argv, out);
    /* the output is kept when at least one input was parsed */
    int ok = failures == 0 || (failures > 0 && failures < argc - optind);
    if (cli_close_output(out, o.output, tmp, ok) != 0) return EXIT_FAIL;
    return failures ? EXIT_FAIL : EXIT_OK;
}

/* ---- train ------------------------------------------------------------------- */

static void usage_train(FILE *f)
{
    fprintf(f, "usage: newsgraph train --lang L -o MODEL [options] TREEBANK.conllu...\n\n"
               "Trains the tagger, morphology, multiword splits and parser of one language\n"
               "from CoNLL-U treebanks. The same files and options give the same bytes.\n\n"
               "      --lang L             language stored in the model (es, en, …)\n"
               "  -o, --output MODEL       the model file to write\n"
               "      --dev FILE           CoNLL-U to score after training (never trained on)\n"
               "      --tagger-epochs N    passes over the data for the tagger (default 12)\n"
               "      --parser-epochs N    passes for the parser (default 15)\n"
               "      --seed N             shuffling seed (default 1)\n"
               "      --min-count N        drop features seen fewer times (default 3)\n"
               "      --parsers N          parsers trained on differently shuffled data and\n"
               "                           summed into one model, an ensemble (default 2)\n"
               "      --clusters N         word classes learnt from the treebanks' words and\n"
               "                           --text (default 0: none)\n"
               "      --text FILE          more text for the word classes: one token a line\n"
               "                           (its first tab-separated field), a blank line\n"
               "                           between sentences (repeatable)\n"
               "      --held-out FILE      CoNLL-U whose sentences are left out of --text\n"
               "                           (repeatable): the files you will measure on\n"
               "  -h, --help               this help\n");
}

#define MAX_TRAIN_PATHS 16
static const char *texts[MAX_TRAIN_PATHS], *held[MAX_TRAIN_PATHS];

static int add_path(const char *opt, const char **list, size_t *n, const char *path)
{
    if (*n == MAX_TRAIN_PATHS) {
        fprintf(stderr, "%s: at most %d %s files\n", prog, MAX_TRAIN_PATHS, opt);
        return -1;
    }
    list[(*n)++] = path;
    return 0;
}

static int parse_train(int argc, char **argv, ng_train_options *o, const char **output)
{
    enum { O_LANG = 300, O_DEV, O_TE, O_PE, O_SEED, O_MIN, O_PARSERS, O_CLUSTERS, O_TEXT, O_HELD };
    static const struct option longs[] = {{"lang", required_argument, 0, O_LANG},
                                          {"output", required_argument, 0, 'o'},
                                          {"dev", required_argument, 0, O_DEV},
                                          {"tagger-epochs", required_argument, 0, O_TE},
                                          {"parser-epochs", required_argument, 0, O_PE},
                                          {"seed", required_argument, 0, O_SEED},
                                          {"min-count", required_argument, 0, O_MIN},
                                          {"parsers", required_argument, 0, O_PARSERS},
                                          {"clusters", required_argument, 0, O_CLUSTERS},
                                          {"text", required_argument, 0, O_TEXT},
                                          {"held-out", required_argument, 0, O_HELD},
                                          {"help", no_argument, 0, 'h'},
                                          {0, 0, 0, 0}};
    int c;
    long v;
    opterr = 0;
    optind = 1;
    while ((c = getopt_long(argc, argv, ":o:h", longs, NULL)) != -1) {
        switch (c) {
        case O_LANG:
            o->lang = optarg;
            break;
        case 'o':
            *output = optarg;
            break;
        case O_DEV:
            o->dev = optarg;
            break;
        case O_TE:
            if (cli_int_arg(optarg, "--tagger-epochs", 1, 1000, &v)) return -1;
            o->tagger_epochs = (int)v;
            break;
        case O_PE:
            if (cli_int_arg(optarg, "--parser-epochs", 1, 1000, &v)) return -1;
            o->parser_epochs = (int)v;
            break;
        case O_SEED:
            if (cli_int_arg(optarg, "--seed", 0, LONG_MAX, &v)) return -1;
            o->seed = (uint64_t)v;
            break;
        case O_MIN:
            if (cli_int_arg(optarg, "--min-count", 1, 1000, &v)) return -1;
            o->min_count = (int)v;
            break;
        case O_PARSERS:
            if (cli_int_arg(optarg, "--parsers", 1, 16, &v)) return -1;
            o->parsers = (int)v;
            break;
        case O_CLUSTERS:
            if (cli_int_arg(optarg, "--clusters", 0, 4096, &v)) return -1;
            if (v == 1) {
                fprintf(stderr, "%s: --clusters must be 0 or at least 2\n", prog);
                return -1;
            }
            o->clusters = (int)v;
            break;
        case O_TEXT:
        case O_HELD:
            if (add_path(c == O_TEXT ? "--text" : "--held-out", c == O_TEXT ? texts : held,
                         c == O_TEXT ? &o->ntext : &o->nheld_out, optarg))
                return -1;
            break;
        case 'h':
            usage_train(stdout);
            exit(EXIT_OK);
        case ':':
            fprintf(stderr, "%s: %s needs a value\n", prog, argv[optind - 1]);
            return -1;
        default:
            fprintf(stderr, "%s: unknown option '%s' (see --help)\n", prog, argv[optind - 1]);
            return -1;
        }
    }
    if (!*output || strlen(o->lang) == 0 || strlen(o->lang) > 7) {
        fprintf(stderr, "%s: train needs --lang L and -o MODEL (see --help)\n", prog);
        return -1;
    }
    return cli_need_files(argc, "train");
}

int cmd_train(int argc, char **argv)
{
    ng_train_options o = NG_TRAIN_OPTIONS_INIT;
    const char *output = NULL;
    o.lang = "";
    if (parse_train(argc, argv, &o, &output)) return EXIT_USAGE;
    o.train = (const char *const *)argv + optind;
    o.ntrain = (size_t)(argc - optind);
    o.text = texts;
    o.held_out = held;
    ng_error err = {0};
    if (ng_train(&o, output, stderr, &err)) {
        fprintf(stderr, "%s: %s\n", prog, err.msg);
        return EXIT_FAIL;
    }
    fprintf(stderr, "%s: wrote %s\n", prog, output);
    return EXIT_OK;
}
