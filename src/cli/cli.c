/* Shared pieces of the command-line tool. */
#include "cli.h"
#include "newsgraph/newsgraph.h"
#include "newsgraph/extract.h"
#include "newsgraph/link.h"
#include "newsgraph/ner.h"
#include "newsgraph/parse.h"
#include "newsgraph/store.h"

#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

const char *prog = "newsgraph";

int cli_valid_date(const char *d)
{
    int y, m, day;
    char tail;
    return strlen(d) == 10 && sscanf(d, "%4d-%2d-%2d%c", &y, &m, &day, &tail) == 3 && m >= 1 &&
           m <= 12 && day >= 1 && day <= 31;
}

const char *cli_ontology_dir(const char *opt)
{
    if (opt) return opt;
    const char *env = getenv("NEWSGRAPH_ONTOLOGY");
    return env && *env ? env : NG_ONTOLOGY_DIR;
}

const char *cli_models_dir(const char *opt)
{
    if (opt) return opt;
    const char *env = getenv("NEWSGRAPH_MODELS");
    return env && *env ? env : NG_MODELS_DIR;
}

int cli_load_models(const char *dir_opt, const char *lang, struct ng_models **out)
{
    ng_error err = {0};
    const ng_model *m;
    *out = NULL;
    if (ng_models_new(out, cli_models_dir(dir_opt), &err) ||
        (lang && ng_models_get(*out, lang, &m, &err))) {
        fprintf(stderr, "%s: %s\n", prog, err.msg);
        ng_models_free(*out);
        *out = NULL;
        return -1;
    }
    return 0;
}

static int load_entity_models(const char *dir_opt, const char *lang, struct ng_ner_models **out)
{
    ng_error err = {0};
    const ng_ner_model *m;
    *out = NULL;
    if (ng_ner_models_new(out, cli_models_dir(dir_opt), &err) ||
        (lang && ng_ner_models_get(*out, lang, &m, &err))) {
        fprintf(stderr, "%s: %s\n", prog, err.msg);
        return -1;
    }
    return 0;
}

int cli_models_attach(struct ng_extractor *x, const cli_common *c, cli_models *m)
{
    ng_error err = {0};
    m->parse = NULL;
    m->entities = NULL;
    if (cli_load_models(c->models, c->lang, &m->parse) ||
        (!c->name_rules && load_entity_models(c->models, c->lang, &m->entities)))
        return -1;
    if (ng_extractor_set_models(x, m->parse, &err) ||
        ng_extractor_set_entity_models(x, m->entities, &err)) {
        fprintf(stderr, "%s: %s\n", prog, err.msg);
        return -1;
    }
    return 0;
}

void cli_models_free(cli_models *m)
{
    ng_models_free(m->parse);
    ng_ner_models_free(m->entities);
    m->parse = NULL;
    m->entities = NULL;
}

/* Output goes to a temporary file beside the target, renamed on success, so
 * a failed run never leaves a half-written or truncated file behind. */
FILE *cli_open_output(const char *path, char **tmp)
{
    *tmp = NULL;
    if (!path || strcmp(path, "-") == 0) return stdout;
    size_t n = strlen(path) + 16;
    *tmp = malloc(n);
    if (!*tmp) return NULL;
    snprintf(*tmp, n, "%s.tmp%ld", path, (long)getpid());
    FILE *f = fopen(*tmp, "wb");
    if (!f) {
        fprintf(stderr, "%s: %s: %s\n", prog, path, strerror(errno));
        free(*tmp);
        *tmp = NULL;
    }
    return f;
}

int cli_close_output(FILE *f, const char *path, char *tmp, int ok)
{
    int rc = ok ? 0 : -1;
    if (f == stdout) {
        if (fflush(stdout) != 0) {
            fprintf(stderr, "%s: <stdout>: %s\n", prog, strerror(errno));
            rc = -1;
        }
        return rc;
    }
    if (fclose(f) != 0) {
        fprintf(stderr, "%s: %s: %s\n", prog, path, strerror(errno));
        rc = -1;
    }
    if (rc == 0 && rename(tmp, path) != 0) {
        fprintf(stderr, "%s: %s: %s\n", prog, path, strerror(errno));
        rc = -1;
    }
    if (rc != 0) unlink(tmp);
    free(tmp);
    return rc;
}

int cli_common_option(int c, const char *arg, char **argv, cli_common *o)
{
    switch (c) {
    case CLI_OPT_LANG:
        if (strcmp(arg, "es") && strcmp(arg, "en")) {
            fprintf(stderr, "%s: language must be es or en, not '%s'\n", prog, arg);
            return -1;
        }
        o->lang = arg;
        return 0;
    case CLI_OPT_DATE:
        if (!cli_valid_date(arg)) {
            fprintf(stderr, "%s: --date wants YYYY-MM-DD, not '%s'\n", prog, arg);
            return -1;
        }
        o->date = arg;
        return 0;
    case CLI_OPT_BASE:
        if (strncmp(arg, "http://", 7) && strncmp(arg, "https://", 8) && strncmp(arg, "urn:", 4)) {
            fprintf(stderr, "%s: --base must be an http(s) or urn IRI: '%s'\n", prog, arg);
            return -1;
        }
        o->base = arg;
        return 0;
    case CLI_OPT_ONTOLOGY:
        o->ontology = arg;
        return 0;
    case CLI_OPT_MODELS:
        o->models = arg;
        return 0;
    case CLI_OPT_NAME_RULES:
        o->name_rules = 1;
        return 0;
    case ':':
        fprintf(stderr, "%s: option '%s' needs a value\n", prog, argv[optind - 1]);
        return -1;
    default:
        fprintf(stderr, "%s: unknown option '%s' (see --help)\n", prog, argv[optind - 1]);
        return -1;
    }
}

int cli_need_files(int argc, const char *command)
{
    if (optind < argc) return 0;
    fprintf(stderr, "%s: %s needs at least one FILE (see --help)\n", prog, command);
    return -1;
}

int cli_store_link(struct ng_store *s, const struct ng_ontology *onto, struct ng_linker **l)
{
    ng_error err = {0};
    if (ng_linker_new(l, onto, &err)) {
        fprintf(stderr, "%s: %s\n", prog, err.msg);
        return -1;
    }
    ng_store_set_linker(s, *l);
    return 0;
}

int cli_store_open(cli_store *cs, const char *path, const char *ontology)
{
    ng_error err = {0};
    memset(cs, 0, sizeof *cs);
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "%s: %s: no such store\n", prog, path);
        return -1;
    }
    fclose(f);
    if (ng_store_open(&cs->s, path, NULL, &err) || ng_context_new(&cs->ctx, &err) ||
        ng_ontology_load(&cs->onto, cs->ctx, cli_ontology_dir(ontology), NULL, &err)) {
        fprintf(stderr, "%s: %s\n", prog, err.msg);
        return -1;
    }
    return cli_store_link(cs->s, cs->onto, &cs->linker);
}

void cli_store_close(cli_store *cs)
{
    ng_store_close(cs->s);
    ng_linker_free(cs->linker);
    ng_ontology_free(cs->onto);
    ng_context_free(cs->ctx);
    memset(cs, 0, sizeof *cs);
}

int cli_store_and_args(int argc, char **argv, const char *usage, const char **store)
{
    enum { O_STORE = CLI_OPT_OWN };
    static const struct option longs[] = {
        {"store", required_argument, 0, O_STORE}, {"help", no_argument, 0, 'h'}, {0, 0, 0, 0}};
    int c;
    opterr = 0;
    optind = 1;
    *store = NULL;
    /* options may come after the names; "--" ends them before a name that
     * starts with a dash */
    while ((c = getopt_long(argc, argv, ":h", longs, NULL)) != -1) {
        if (c == O_STORE) {
            *store = optarg;
        } else if (c == 'h') {
            fputs(usage, stdout);
            return 0;
        } else {
            cli_common unused = {0};
            cli_common_option(c, optarg, argv, &unused);
            return -1;
        }
    }
    if (!*store) {
        fprintf(stderr, "%s: %s needs --store FILE (see --help)\n", prog, argv[0]);
        return -1;
    }
    return optind;
}

int cli_int_arg(const char *s, const char *name, long lo, long hi, long *v)
{
    char *end;
    errno = 0;
    *v = strtol(s, &end, 10);
    if (errno || end == s || *end || *v < lo || *v > hi) {
        fprintf(stderr, "%s: %s must be a number from %ld to %ld, not '%s'\n", prog, name, lo, hi,
                s);
        return -1;
    }
    return 0;
}
