/* newsgraph add: read articles into the persistent store, one transaction
 * per article. FILE may be an article, a directory (read recursively, in
 * name order) or '-' for a list of paths on standard input. */
#include "cli.h"
#include "newsgraph/document.h"
#include "newsgraph/extract.h"
#include "newsgraph/newsgraph.h"
#include "newsgraph/ontology.h"
#include "newsgraph/store.h"

#include <dirent.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

typedef struct add_opts {
    ng_read_options r;
    cli_common common;
    const char *store;
    int quiet;
} add_opts;

typedef struct add_run {
    ng_ontology *onto;
    ng_extractor *x;
    ng_store *store;
    const add_opts *o;
    long added, replaced, unchanged, failed;
    struct timespec start;
    int progress;
} add_run;

static void usage_add(FILE *f)
{
    fprintf(f, "usage: newsgraph add --store FILE [options] PATH...\n\n"
               "PATH is an article, a directory (read recursively) or '-' for a list of\n"
               "paths on standard input. Each article is added in one transaction; an\n"
               "article already in the store (same text) changes nothing.\n\n"
               "  --store FILE       the store (created on first use)\n"
               "  --lang es|en       language of the articles (default: detected)\n"
               "  --date Y-M-D       article date when an article has none\n"
               "  --base IRI         entity IRI base, fixed when the store is created\n"
               "  --ontology DIR     the ontology/ folder\n"
               "  --models DIR       the models/ folder (parse and entity models)\n"
               "  --name-rules       find names by capitalisation rules, not the entity models\n"
               "  -q, --quiet        no progress line\n"
               "  -h, --help         this help\n");
}

static int parse_add(int argc, char **argv, add_opts *o)
{
    enum { O_STORE = CLI_OPT_OWN };
    static const struct option longs[] = {{"store", required_argument, 0, O_STORE},
                                          {"quiet", no_argument, 0, 'q'},
                                          {"help", no_argument, 0, 'h'},
                                          CLI_COMMON_OPTIONS,
                                          {0, 0, 0, 0}};
    int c;
    opterr = 0;
    optind = 1;
    while ((c = getopt_long(argc, argv, ":qh", longs, NULL)) != -1) {
        switch (c) {
        case O_STORE:
            o->store = optarg;
            break;
        case 'q':
            o->quiet = 1;
            break;
        case 'h':
            usage_add(stdout);
            exit(EXIT_OK);
        default:
            if (cli_common_option(c, optarg, argv, &o->common)) return -1;
        }
    }
    if (!o->store) {
        fprintf(stderr, "%s: add needs --store FILE (see --help)\n", prog);
        return -1;
    }
    o->r.lang = o->common.lang;
    o->r.date = o->common.date;
    return cli_need_files(argc, "add");
}

static void show_progress(add_run *r, int final)
{
    if (!r->progress) return;
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    double secs = (double)(now.tv_sec - r->start.tv_sec) + (now.tv_nsec - r->start.tv_nsec) / 1e9;
    /* no entity count: which rows are one entity is worked out when the
     * store is read, over all of them, too dear to do after each article */
    fprintf(stderr, "\r%s: %ld articles (%.0f/s)%s", prog, r->added + r->unchanged,
            secs > 0 ? (r->added + r->unchanged) / secs : 0.0, final ? "\n" : "");
}

static void add_file(add_run *r, const char *path)
{
    ng_error err = {0};
    ng_document *doc = NULL;
    const ng_extraction *ex = NULL;
    ng_store_result res;
    if (ng_document_read_file(&doc, path, &r->o->r, &err) ||
        ng_extract(r->x, doc, r->o->r.lang, &ex, &err) ||
        ng_store_add(r->store, doc, ex, &res, &err)) {
        if (r->progress) fputc('\n', stderr);
        fprintf(stderr, "%s: %s\n", prog, err.msg);
        r->failed++;
    } else if (res == NG_STORE_ADDED) {
        r->added++;
    } else if (res == NG_STORE_REPLACED) {
        r->replaced++;
    } else {
        r->unchanged++;
    }
    ng_document_free(doc);
    if ((r->added + r->unchanged) % 50 == 0) show_progress(r, 0);
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Directories in name order, so two runs add articles in the same order. */
static void add_path(add_run *r, const char *path, int depth)
{
    struct stat st;
    if (stat(path, &st) != 0 || !S_ISDIR(st.st_mode)) {
        add_file(r, path);
        return;
    }
    if (depth > 32) return;
    DIR *d = opendir(path);
    if (!d) {
        fprintf(stderr, "%s: %s: cannot read the directory\n", prog, path);
        r->failed++;
        return;
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.') continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 64;
            char **p = realloc(names, cap * sizeof *names);
            if (!p) break;
            names = p;
        }
        size_t len = strlen(path) + strlen(e->d_name) + 2;
        if (!(names[n] = malloc(len))) break;
        snprintf(names[n++], len, "%s/%s", path, e->d_name);
    }
    closedir(d);
    if (n) qsort(names, n, sizeof *names, by_name);
    for (size_t i = 0; i < n; i++) {
        add_path(r, names[i], depth + 1);
        free(names[i]);
    }
    free(names);
}

int cmd_add(int argc, char **argv)
{
    add_opts o = {NG_READ_OPTIONS_INIT, {0}, NULL, 0};
    if (parse_add(argc, argv, &o)) return EXIT_USAGE;
    ng_error err = {0};
    ng_context *ctx = NULL;
    add_run r = {0};
    cli_models ms = {0};
    r.o = &o;
    int status = EXIT_FAIL;
    if (ng_context_new(&ctx, &err) ||
        ng_ontology_load(&r.onto, ctx, cli_ontology_dir(o.common.ontology), NULL, &err) ||
        ng_extractor_new(&r.x, r.onto, &err)) {
        fprintf(stderr, "%s: %s\n", prog, err.msg);
        goto done;
    }
    /* models before the store, so that a broken model leaves no new store */
    if (cli_models_attach(r.x, &o.common, &ms)) goto done;
    if (ng_store_open(&r.store, o.store, o.common.base, &err)) {
        fprintf(stderr, "%s: %s\n", prog, err.msg);
        goto done;
    }
    r.progress = !o.quiet && isatty(STDERR_FILENO);
    clock_gettime(CLOCK_MONOTONIC, &r.start);
    for (int i = optind; i < argc; i++) {
        if (strcmp(argv[i], "-") != 0) {
            add_path(&r, argv[i], 0);
            continue;
        }
        char *line = NULL;
        size_t cap = 0;
        ssize_t n;
        while ((n = getline(&line, &cap, stdin)) > 0) {
            while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
                line[--n] = '\0';
            if (n > 0) add_path(&r, line, 0);
        }
        free(line);
    }
    show_progress(&r, 1);
    if (!o.quiet)
        fprintf(stderr,
                "%s: %ld added, %ld replaced (new content at a known URL), %ld already "
                "stored, %ld failed\n",
                prog, r.added, r.replaced, r.unchanged, r.failed);
    status = r.failed ? EXIT_FAIL : EXIT_OK;
done:
    ng_store_close(r.store);
    ng_extractor_free(r.x);
    cli_models_free(&ms);
    ng_ontology_free(r.onto);
    ng_context_free(ctx);
    return status;
}
