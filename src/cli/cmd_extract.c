/* newsgraph extract: articles in, one knowledge graph out (RDF or diagram). */
#include "cli.h"
#include "newsgraph/document.h"
#include "newsgraph/export.h"
#include "newsgraph/extract.h"
#include "newsgraph/newsgraph.h"
#include "newsgraph/ontology.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static void usage_extract(FILE *f)
{
    fprintf(f,
            "usage: newsgraph extract [options] FILE...   (FILE '-' reads stdin)\n\n"
            "  -f, --format FMT     turtle (default), ntriples, nquads, rdfxml, dot, svg, png\n"
            "  -o, --output FILE    write there instead of stdout (replaced only on success)\n"
            "      --base IRI       base of entity IRIs (default %s)\n"
            "      --lang es|en     language of the articles (default: detected)\n"
            "      --label-lang L   language of diagram labels (default en)\n"
            "      --date Y-M-D     article date when the article has none\n"
            "      --html / --text  force the input format (default: by extension, sniffed)\n"
            "      --ontology DIR   the ontology/ folder (default: $NEWSGRAPH_ONTOLOGY or %s)\n"
            "      --models DIR     the models/ folder (default: $NEWSGRAPH_MODELS or %s)\n"
            "      --name-rules     find names by capitalisation rules, not the entity models\n"
            "  -v, --verbose        say what was read and chosen for each article\n"
            "  -h, --help           this help\n",
            NG_DEFAULT_BASE, NG_ONTOLOGY_DIR, NG_MODELS_DIR);
}

typedef struct extract_opts {
    ng_writer_options w;
    ng_read_options r;
    cli_common common;
    const char *output;
    int verbose;
} extract_opts;

static int parse_extract(int argc, char **argv, extract_opts *o)
{
    enum { O_HTML = CLI_OPT_OWN, O_TEXT, O_LABEL };
    static const struct option longs[] = {{"format", required_argument, 0, 'f'},
                                          {"output", required_argument, 0, 'o'},
                                          {"html", no_argument, 0, O_HTML},
                                          {"text", no_argument, 0, O_TEXT},
                                          {"label-lang", required_argument, 0, O_LABEL},
                                          {"verbose", no_argument, 0, 'v'},
                                          {"help", no_argument, 0, 'h'},
                                          CLI_COMMON_OPTIONS,
                                          {0, 0, 0, 0}};
    int c, fmt;
    opterr = 0;
    optind = 1;
    while ((c = getopt_long(argc, argv, ":f:o:vh", longs, NULL)) != -1) {
        switch (c) {
        case 'f':
            if ((fmt = ng_out_format_parse(optarg)) < 0) {
                fprintf(stderr, "%s: unknown format '%s' (see --help)\n", prog, optarg);
                return -1;
            }
            o->w.format = (ng_out_format)fmt;
            break;
        case 'o':
            o->output = optarg;
            break;
        case O_LABEL:
            if (strcmp(optarg, "es") && strcmp(optarg, "en")) {
                fprintf(stderr, "%s: language must be es or en, not '%s'\n", prog, optarg);
                return -1;
            }
            o->w.lang = optarg;
            break;
        case O_HTML:
            o->r.format = NG_FORMAT_HTML;
            break;
        case O_TEXT:
            o->r.format = NG_FORMAT_TEXT;
            break;
        case 'v':
            o->verbose = 1;
            break;
        case 'h':
            usage_extract(stdout);
            exit(EXIT_OK);
        default:
            if (cli_common_option(c, optarg, argv, &o->common)) return -1;
        }
    }
    o->r.lang = o->common.lang;
    o->r.date = o->common.date;
    o->w.base = o->common.base;
    return cli_need_files(argc, "extract");
}

int cmd_extract(int argc, char **argv)
{
    extract_opts o = {NG_WRITER_OPTIONS_INIT, NG_READ_OPTIONS_INIT, {0}, NULL, 0};
    if (parse_extract(argc, argv, &o)) return EXIT_USAGE;
    ng_error err = {0};
    ng_context *ctx = NULL;
    ng_ontology *onto = NULL;
    ng_extractor *x = NULL;
    cli_models ms = {0};
    ng_writer *w = NULL;
    char *tmp = NULL;
    FILE *out = NULL;
    int status = EXIT_FAIL, failures = 0;
    if (ng_context_new(&ctx, &err) ||
        ng_ontology_load(&onto, ctx, cli_ontology_dir(o.common.ontology), NULL, &err) ||
        ng_extractor_new(&x, onto, &err)) {
        fprintf(stderr, "%s: %s\n", prog, err.msg);
        goto done;
    }
    if (cli_models_attach(x, &o.common, &ms)) goto done;
    if (o.verbose) {
        size_t e, a, v;
        ng_ontology_stats(onto, &e, &a, &v);
        fprintf(stderr, "%s: ontology %s: %zu gazetteer entries, %zu aliases, %zu verb frames\n",
                prog, cli_ontology_dir(o.common.ontology), e, a, v);
    }
    if (!(out = cli_open_output(o.output, &tmp))) goto done;
    if (ng_writer_new(&w, ctx, onto, out, &o.w, &err)) {
        fprintf(stderr, "%s: %s\n", prog, err.msg);
        goto done;
    }
    for (int i = optind; i < argc; i++) {
        ng_document *doc = NULL;
        const ng_extraction *ex = NULL;
        ng_error_clear(&err);
        struct stat st;
        if (strcmp(argv[i], "-") && stat(argv[i], &st) == 0 && S_ISDIR(st.st_mode)) {
            fprintf(stderr, "%s: %s: is a directory, not an article\n", prog, argv[i]);
            failures++;
            continue;
        }
        if (ng_document_read_file(&doc, argv[i], &o.r, &err) ||
            ng_extract(x, doc, o.r.lang, &ex, &err)) {
            fprintf(stderr, "%s: %s\n", prog, err.msg);
            failures++;
            ng_document_free(doc);
            continue;
        }
        if (o.verbose) {
            ng_extract_stats s = ng_extraction_stats(ex);
            fprintf(stderr,
                    "%s: %s: language %s%s, date %s, %zu sentences, %zu words, %zu mentions, "
                    "%zu entities, %zu claims, %zu dates, %zu quantities\n",
                    prog, argv[i], ng_extraction_lang(ex), o.r.lang ? " (given)" : " (detected)",
                    ng_extraction_date(ex) ? ng_extraction_date(ex) : "unknown", s.sentences,
                    s.words, s.mentions, ng_extraction_entity_count(ex),
                    ng_extraction_claim_count(ex), s.dates, s.quantities);
        }
        int rc = ng_writer_add(w, doc, ex, &err);
        ng_document_free(doc);
        if (rc) {
            fprintf(stderr, "%s: %s\n", prog, err.msg);
            goto done;
        }
    }
    if (ng_writer_finish(w, &err)) {
        fprintf(stderr, "%s: %s\n", prog, err.msg);
        goto done;
    }
    status = failures ? EXIT_FAIL : EXIT_OK;
done:
    ng_writer_free(w);
    if (out && cli_close_output(out, o.output, tmp, status != EXIT_FAIL || failures) != 0)
        status = EXIT_FAIL;
    else if (!out)
        free(tmp);
    ng_extractor_free(x);
    cli_models_free(&ms);
    ng_ontology_free(onto);
    ng_context_free(ctx);
    return status;
}
