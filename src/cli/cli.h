/* Shared pieces of the command-line tool: exit codes, option checks, the
 * ontology location and safe output files. Only the tool includes this. */
#ifndef NG_CLI_H
#define NG_CLI_H

#include <stdio.h>

enum { EXIT_OK = 0, EXIT_FAIL = 1, EXIT_USAGE = 2 };

#ifndef NG_ONTOLOGY_DIR
#define NG_ONTOLOGY_DIR "ontology"
#endif

extern const char *prog;

/* YYYY-MM-DD with a plausible month and day. */
int cli_valid_date(const char *d);
/* --ontology, else $NEWSGRAPH_ONTOLOGY, else the source tree's folder. */
const char *cli_ontology_dir(const char *opt);
/* Open path for writing through a temporary file (stdout for NULL or "-"). */
FILE *cli_open_output(const char *path, char **tmp);
/* Close and, when ok, rename the temporary file over path; 0 on success. */
int cli_close_output(FILE *f, const char *path, char *tmp, int ok);

/* Options every command takes: codes, long names, and where they land. */
enum {
    CLI_OPT_LANG = 256,
    CLI_OPT_DATE,
    CLI_OPT_BASE,
    CLI_OPT_ONTOLOGY,
    CLI_OPT_MODELS,
    CLI_OPT_NAME_RULES,
    CLI_OPT_OWN
};
#define CLI_COMMON_OPTIONS                                                                         \
    {"lang", required_argument, 0, CLI_OPT_LANG}, {"date", required_argument, 0, CLI_OPT_DATE},    \
        {"base", required_argument, 0, CLI_OPT_BASE},                                              \
        {"ontology", required_argument, 0, CLI_OPT_ONTOLOGY},                                      \
        {"models", required_argument, 0, CLI_OPT_MODELS},                                          \
    {                                                                                              \
        "name-rules", no_argument, 0, CLI_OPT_NAME_RULES                                           \
    }

typedef struct cli_common {
    const char *lang, *date, *base, *ontology, *models;
    int name_rules; /* --name-rules: capitalisation rules instead of the entity models */
} cli_common;

#ifndef NG_MODELS_DIR
#define NG_MODELS_DIR "models"
#endif
/* --models, else $NEWSGRAPH_MODELS, else the source tree's folder. */
const char *cli_models_dir(const char *opt);
/* The models of that folder (each loaded on first use); when lang is given,
 * its model is loaded now so that a missing or broken file is reported
 * before any input is read. Prints the error and returns -1 on failure. */
struct ng_models;
int cli_load_models(const char *dir_opt, const char *lang, struct ng_models **out);
/* The parse and entity models of --models (DIR/<lang>.ngm and
 * DIR/<lang>.ner.ngm), given to an extractor; with --lang both are loaded
 * now. Prints the error and returns -1 on failure; cli_models_free either way. */
struct ng_ner_models;
struct ng_extractor;
typedef struct cli_models {
    struct ng_models *parse;
    struct ng_ner_models *entities;
} cli_models;
int cli_models_attach(struct ng_extractor *x, const cli_common *c, cli_models *m);
void cli_models_free(cli_models *m);

/* Take option c if it is a common one, and report a missing value or an
 * unknown option (argv names it). Returns 0 when handled, -1 after printing
 * a usage error. */
int cli_common_option(int c, const char *arg, char **argv, cli_common *o);
/* An existing store as the commands read it: with a context, the ontology
 * (from the folder cli_ontology_dir names) and a linker made from it, which
 * decides which stored rows are one entity. */
struct ng_store;
struct ng_context;
struct ng_ontology;
struct ng_linker;
typedef struct cli_store {
    struct ng_store *s;
    struct ng_context *ctx;
    struct ng_ontology *onto;
    struct ng_linker *linker;
} cli_store;
/* Open the store at path (never creating one) with ontology (an --ontology
 * value, may be NULL); prints the error and returns -1 on failure, after
 * which cli_store_close is still the caller's to call. */
int cli_store_open(cli_store *cs, const char *path, const char *ontology);
/* Attach a linker to a store the caller opened, from onto (borrowed: it
 * must outlive the store); prints the error and returns -1 on failure;
 * *l is the caller's to free. */
int cli_store_link(struct ng_store *s, const struct ng_ontology *onto, struct ng_linker **l);
void cli_store_close(cli_store *cs);

/* For commands that take --store FILE and positional arguments (which may
 * follow or precede it): the index of the first positional argument, 0 after
 * printing usage for --help, -1 after printing a usage error. */
int cli_store_and_args(int argc, char **argv, const char *usage, const char **store);

/* A whole number in [lo, hi] for option name; prints the usage error and
 * returns -1 otherwise. */
int cli_int_arg(const char *s, const char *name, long lo, long hi, long *v);

/* Usage error unless files follow the options. */
int cli_need_files(int argc, const char *command);

/* A CoNLL-2002-style token file (token first, tag last, blank lines
 * between sentences, -DOCSTART- lines ignored) and the text its tokens make:
 * tokens one space apart, sentences a line each, NFC. */
typedef struct cli_conll_line {
    size_t start, len; /* the line in raw, without its line end */
    long token;        /* its token, -1 for blank and -DOCSTART- lines */
} cli_conll_line;
typedef struct cli_conll_token {
    size_t at, len;      /* in text */
    size_t tag, tag_len; /* the line's last field, in src */
    int first;           /* first token of its sentence */
} cli_conll_token;
typedef struct cli_conll {
    char *raw, *utf; /* the file, and its UTF-8 copy for latin1 input */
    const char *src; /* raw or utf */
    size_t rawlen;
    char *text;
    size_t len, cap;
    cli_conll_line *lines;
    size_t nlines, lines_cap;
    cli_conll_token *toks;
    size_t ntoks, toks_cap;
} cli_conll;
struct ng_error;
/* Errors name the file (and line); c is freed with cli_conll_free either way. */
int cli_conll_read(cli_conll *c, const char *path, int latin1, struct ng_error *err);
void cli_conll_free(cli_conll *c);

int cmd_extract(int argc, char **argv);
int cmd_add(int argc, char **argv);
int cmd_entities(int argc, char **argv);
int cmd_stats(int argc, char **argv);
int cmd_verbs(int argc, char **argv);
int cmd_export(int argc, char **argv);
int cmd_show(int argc, char **argv);
int cmd_mentions(int argc, char **argv);
int cmd_merge(int argc, char **argv);
int cmd_split(int argc, char **argv);
int cmd_alias(int argc, char **argv);
int cmd_load(int argc, char **argv);
int cmd_query(int argc, char **argv);
int cmd_diagram(int argc, char **argv);
int cmd_parse(int argc, char **argv);
int cmd_train(int argc, char **argv);
int cmd_train_entities(int argc, char **argv);

#endif
