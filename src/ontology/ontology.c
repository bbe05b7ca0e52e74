/* Loading ontology/: gazetteer files, lexicons and the OWL labels.
 *
 * Every alias is cut into words exactly as article text is (ng_segment) and
 * folded, then inserted into one token trie, so that matching an article is a
 * single walk from each token. */
#include "ontology_int.h"
#include "newsgraph/text.h"

#include <dirent.h>
#include <raptor2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const type_names[NG_TYPE_COUNT] = {
    "Entity", "Person", "Organization", "Country", "City", "Region", "Place", "Agreement", "Event"};

const char *ng_type_name(ng_type t)
{
    return (unsigned)t < NG_TYPE_COUNT ? type_names[t] : "Entity";
}

int ng_type_parse(const char *name)
{
    for (int i = 0; i < NG_TYPE_COUNT; i++)
        if (strcmp(type_names[i], name) == 0) return i;
    return -1;
}

/* ---- trie ---------------------------------------------------------------- */
int ng_trie_init(ng_trie *t)
{
    memset(t, 0, sizeof *t);
    t->edges = ng_map_new();
    if (!t->edges || NG_GROW(t->nodes, t->cap, 1)) return NG_ENOMEM;
    t->nodes[0] = (ng_trie_node){-1, {-1, -1}, 0, 0, 0};
    t->nnodes = 1;
    return 0;
}

void ng_trie_free(ng_trie *t)
{
    ng_map_free(t->edges);
    free(t->nodes);
    memset(t, 0, sizeof *t);
}

/* Binary key: the parent node's index, then the word (hot path: no printf). */
static size_t edge_key(char *buf, size_t cap, int node, const char *w, size_t wlen)
{
    if (sizeof node + wlen >= cap) return 0;
    memcpy(buf, &node, sizeof node);
    memcpy(buf + sizeof node, w, wlen);
    return sizeof node + wlen;
}

int ng__trie_step(const ng_trie *t, int node, const char *w, size_t wlen)
{
    char key[256];
    size_t k = edge_key(key, sizeof key, node, w, wlen);
    if (!k) return -1;
    void *v = ng_map_get(t->edges, key, k);
    return v ? (int)((intptr_t)v - 1) : -1;
}

/* Insert a phrase (folded words); returns the end node or -1 on OOM. */
static int trie_insert(ng_trie *t, const char **words, int nwords)
{
    int node = 0;
    for (int i = 0; i < nwords; i++) {
        int next = ng__trie_step(t, node, words[i], strlen(words[i]));
        if (next < 0) {
            if (NG_GROW(t->nodes, t->cap, t->nnodes + 1)) return -1;
            next = (int)t->nnodes++;
            t->nodes[next] = (ng_trie_node){-1, {-1, -1}, 0, 0, 0};
            char key[256];
            size_t k = edge_key(key, sizeof key, node, words[i], strlen(words[i]));
            if (!k || ng_map_put(t->edges, key, k, (void *)(intptr_t)(next + 1))) return -1;
        }
        node = next;
    }
    return node;
}

/* ---- words ----------------------------------------------------------------- */
#define MAX_PHRASE_WORDS 16

/* Cut s into folded words the way article text is cut (hyphens skipped).
 * Returns the number of words (0 on error); *acronym set if a word is all caps. */
static int fold_words(ng_pool *pool, const char *s, const char **words, int *acronym)
{
    ng_segmentation seg = {0};
    ng_buf b = {0};
    int n = 0;
    if (acronym) *acronym = 0;
    if (ng_segment(&seg, s, strlen(s), NULL, NULL, NULL)) goto done;
    for (size_t i = 0; i < seg.ntokens && n < MAX_PHRASE_WORDS; i++) {
        const ng_token *t = &seg.tokens[i];
        if (t->flags & NG_TOK_HYPHEN) continue;
        if (acronym && (t->flags & NG_TOK_ALLCAPS)) *acronym = 1;
        b.len = 0;
        if (ng_fold_append(&b, s + t->start, t->end - t->start)) {
            n = 0;
            goto done;
        }
        words[n] = ng_pool_strndup(pool, b.data, b.len);
        if (!words[n]) {
            n = 0;
            goto done;
        }
        n++;
    }
done:
    ng_segmentation_free(&seg);
    ng_buf_free(&b);
    return n;
}

/* Join folded words with single spaces into a pool string. */
static char *join_words(ng_pool *pool, const char **words, int n)
{
    ng_buf b = {0};
    for (int i = 0; i < n; i++)
        if ((i && ng_buf_addc(&b, ' ')) || ng_buf_adds(&b, words[i])) {
            ng_buf_free(&b);
            return NULL;
        }
    char *r = ng_pool_strndup(pool, b.data ? b.data : "", b.len);
    ng_buf_free(&b);
    return r;
}

/* ---- line reader ------------------------------------------------------------ */
typedef int (*line_fn)(ng_ontology *o, void *ud, char **f, int nf, const char *file, int line,
                       ng_error *err);

static int each_line(ng_ontology *o, const char *path, int optional, line_fn fn, void *ud,
                     ng_error *err)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        if (optional) return 0;
        return ng_error_set(err, NG_EIO, "%s: cannot open", path);
    }
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    int lineno = 0, rc = 0;
    while (!rc && (n = getline(&line, &cap, f)) >= 0) {
        lineno++;
        while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
            line[--n] = '\0';
        if (n == 0 || line[0] == '#') continue;
        char *fields[12];
        int nf = ng_split_tabs(line, fields, 12);
        rc = fn(o, ud, fields, nf, path, lineno, err);
    }
    free(line);
    fclose(f);
    return rc;
}

static const char *opt_field(ng_ontology *o, const char *s)
{
    if (!s || !*s || strcmp(s, "-") == 0) return NULL;
    return ng_pool_strdup(o->pool, s);
}

/* ---- gazetteer ------------------------------------------------------------ */
static int add_alias(ng_ontology *o, const char *alias, int entry, const char *file, int line,
                     ng_error *err)
{
    const char *words[MAX_PHRASE_WORDS];
    int acronym;
    /* "EU@en": in English text only (in Mexican Spanish "EU" is the US) */
    int lang = -1;
    char *copy = NULL;
    const char *at = strrchr(alias, '@');
    if (at && (strcmp(at, "@es") == 0 || strcmp(at, "@en") == 0)) {
        lang = strcmp(at, "@en") == 0;
        if (!(copy = ng_pool_strndup(o->pool, alias, (size_t)(at - alias))))
            return ng_error_set(err, NG_ENOMEM, "out of memory");
        alias = copy;
    }
    int n = fold_words(o->pool, alias, words, &acronym);
    if (n == 0) return ng_error_set(err, NG_EDATA, "%s:%d: empty alias", file, line);
    int node = trie_insert(&o->aliases, words, n);
    if (node < 0) return ng_error_set(err, NG_ENOMEM, "out of memory");
    /* A spelling with a lower-case last word ("Kim Jong-un") allows it in text. */
    const char *last = alias;
    for (const char *p = alias; *p; p++)
        if (*p == ' ' || *p == '-') last = p + 1;
    if (n > 1 && *last >= 'a' && *last <= 'z') o->aliases.nodes[node].lower_tail = 1;
    if (n > 1 && *alias >= 'a' && *alias <= 'z') o->aliases.nodes[node].lower_head = 1;
    /* First entry wins: files load from most to least specific. */
    ng_trie_node *nd = &o->aliases.nodes[node];
    if (lang >= 0 && nd->in_lang[lang] < 0) {
        nd->in_lang[lang] = entry;
        nd->acronym = (uint8_t)acronym;
        o->naliases++;
    } else if (lang < 0 && nd->value < 0) {
        nd->value = entry;
        nd->acronym = (uint8_t)acronym;
        o->naliases++;
    } else if (!acronym && (lang < 0 ? nd->value : nd->in_lang[lang]) == entry) {
        /* the entry also lists a spelling not in capitals ("Sars-Cov-2" beside
         * "SARS-CoV-2"): any case of those words will do */
        nd->acronym = 0;
    }
    return 0;
}

static int add_aliases(ng_ontology *o, char *list, int entry, const char *file, int line,
                       ng_error *err)
{
    if (!list || strcmp(list, "-") == 0) return 0;
    char *save = NULL;
    for (char *a = strtok_r(list, "|", &save); a; a = strtok_r(NULL, "|", &save)) {
        while (*a == ' ')
            a++;
        if (*a && add_alias(o, a, entry, file, line, err)) return err ? err->code : NG_EDATA;
    }
    return 0;
}

static void parse_attributes(ng_ontology *o, ng_gaz_entry *e, char *attrs)
{
    if (!attrs || strcmp(attrs, "-") == 0) return;
    char *save = NULL;
    for (char *a = strtok_r(attrs, "|", &save); a; a = strtok_r(NULL, "|", &save)) {
        if (strncmp(a, "country=", 8) == 0)
            e->country = ng_pool_strdup(o->pool, a + 8);
        else if (strcmp(a, "capital=1") == 0)
            e->capital = 1;
        else if (strcmp(a, "gov=1") == 0)
            e->gov = 1;
    }
}

static int gaz_line(ng_ontology *o, void *ud, char **f, int nf, const char *file, int line,
                    ng_error *err)
{
    (void)ud;
    if (nf < 6)
        return ng_error_set(err, NG_EDATA, "%s:%d: expected 7 columns, found %d", file, line, nf);
    int type = ng_type_parse(f[1]);
    if (type < 0) return ng_error_set(err, NG_EDATA, "%s:%d: unknown type '%s'", file, line, f[1]);
    void *known = ng_map_get(o->by_id, f[0], strlen(f[0]));
    int idx;
    if (known) {
        idx = (int)((intptr_t)known - 1); /* an extra line for a known id adds aliases */
    } else {
        if (NG_GROW(o->entries, o->entries_cap, o->nentries + 1))
            return ng_error_set(err, NG_ENOMEM, "out of memory");
        idx = (int)o->nentries++;
        ng_gaz_entry *e = &o->entries[idx];
        memset(e, 0, sizeof *e);
        e->id = ng_pool_strdup(o->pool, f[0]);
        e->type = (ng_type)type;
        e->qid = opt_field(o, f[2]);
        e->label_en = opt_field(o, f[3]);
        e->label_es = opt_field(o, f[4]);
        parse_attributes(o, e, nf > 6 ? f[6] : NULL);
        if (!e->id || ng_map_put(o->by_id, f[0], strlen(f[0]), (void *)(intptr_t)(idx + 1)))
            return ng_error_set(err, NG_ENOMEM, "out of memory");
        if (e->label_en && add_alias(o, e->label_en, idx, file, line, err)) return err->code;
        if (e->label_es && add_alias(o, e->label_es, idx, file, line, err)) return err->code;
    }
    return add_aliases(o, f[5], idx, file, line, err);
}

/* Demonyms become entries of their own that point at their country. */
static int demonym_line(ng_ontology *o, void *ud, char **f, int nf, const char *file, int line,
                        ng_error *err)
{
    (void)ud;
    if (nf < 2) return ng_error_set(err, NG_EDATA, "%s:%d: expected 2 columns", file, line);
    void *known = ng_map_get(o->by_id, f[0], strlen(f[0]));
    if (!known) return ng_error_set(err, NG_EDATA, "%s:%d: unknown country '%s'", file, line, f[0]);
    if (NG_GROW(o->entries, o->entries_cap, o->nentries + 1))
        return ng_error_set(err, NG_ENOMEM, "out of memory");
    int idx = (int)o->nentries++;
    ng_gaz_entry *e = &o->entries[idx];
    *e = o->entries[(intptr_t)known - 1];
    e->demonym = 1;
    e->country = e->id;
    return add_aliases(o, f[1], idx, file, line, err);
}

/* One folded word a line into the map ud (given names, bodies). */
static int word_line(ng_ontology *o, void *ud, char **f, int nf, const char *file, int line,
                     ng_error *err)
{
    (void)o, (void)nf, (void)file, (void)line;
    ng_buf b = {0};
    int rc = ng_fold_append(&b, f[0], strlen(f[0]));
    if (!rc && b.len) rc = ng_map_put((ng_map *)ud, b.data, b.len, (void *)1);
    ng_buf_free(&b);
    return rc ? ng_error_set(err, NG_ENOMEM, "out of memory") : 0;
}

static int short_form_line(ng_ontology *o, void *ud, char **f, int nf, const char *file, int line,
                           ng_error *err)
{
    (void)ud;
    if (nf < 2 || !*f[0] || !*f[1])
        return ng_error_set(err, NG_EFORMAT, "%s:%d: expected short form <TAB> full name", file,
                            line);
    ng_buf a = {0}, b = {0};
    int rc = ng_fold_append(&a, f[0], strlen(f[0])) || ng_fold_append(&b, f[1], strlen(f[1]));
    char *full = rc ? NULL : ng_pool_strndup(o->pool, b.data, b.len);
    if (!rc) rc = !full || ng_map_put(o->short_forms, a.data, a.len, full);
    ng_buf_free(&a);
    ng_buf_free(&b);
    return rc ? ng_error_set(err, NG_ENOMEM, "out of memory") : 0;
}

/* ---- lexicons ------------------------------------------------------------ */
static int check_property(ng_ontology *o, const char *p, const char *file, int line, ng_error *err)
{
    if (ng_map_get(o->properties, p, strlen(p))) return 0;
    return ng_error_set(err, NG_EDATA, "%s:%d: property ng:%s is not declared in newsgraph.ttl",
                        file, line, p);
}

/* A line of verbs.tsv or events.tsv into map: the frames of one lemma. */
static int frame_line(ng_ontology *o, ng_map *map, char **f, int nf, const char *file, int line,
                      ng_error *err)
{
    if (nf < 3) return ng_error_set(err, NG_EDATA, "%s:%d: expected 4 columns", file, line);
    if (check_property(o, f[2], file, line, err)) return err->code;
    const char *words[MAX_PHRASE_WORDS];
    int n = fold_words(o->pool, f[0], words, NULL);
    if (!n) return ng_error_set(err, NG_EDATA, "%s:%d: empty verb", file, line);
    ng_verb_frame *fr = ng_pool_alloc(o->pool, sizeof *fr);
    if (!fr) return ng_error_set(err, NG_ENOMEM, "out of memory");
    memset(fr, 0, sizeof *fr);
    fr->property = ng_pool_strdup(o->pool, f[2]);
    fr->rest = ng_pool_alloc(o->pool, sizeof(char *) * (size_t)n);
    for (int i = 1; i < n; i++)
        fr->rest[i - 1] = words[i];
    fr->rest[n - 1] = NULL;
    /* markers */
    fr->markers = ng_pool_alloc(o->pool, sizeof(char **) * 16);
    char *save = NULL;
    for (char *m = strtok_r(f[1], "|", &save); m && fr->nmarkers < 16;
         m = strtok_r(NULL, "|", &save)) {
        const char *mw[MAX_PHRASE_WORDS];
        int k = strcmp(m, "_") == 0 ? 1 : fold_words(o->pool, m, mw, NULL);
        if (strcmp(m, "_") == 0) mw[0] = "_";
        if (!k) continue;
        const char **list = ng_pool_alloc(o->pool, sizeof(char *) * (size_t)(k + 1));
        for (int i = 0; i < k; i++)
            list[i] = mw[i];
        list[k] = NULL;
        fr->markers[fr->nmarkers++] = list;
    }
    if (nf > 3) {
        fr->sym = strstr(f[3], "sym") != NULL;
        fr->inv = strstr(f[3], "inv") != NULL;
        fr->solo = strstr(f[3], "solo") != NULL;
        fr->owner = strstr(f[3], "owner") != NULL;
        const char *nl = strstr(f[3], "noun=");
        if (nl) {
            /* noun=tropa,soldado: the object or subject noun decides the property */
            char *copy = ng_pool_strdup(o->pool, nl + 5), *sv = NULL;
            fr->nouns = ng_pool_alloc(o->pool, sizeof(char *) * 17);
            int k = 0;
            for (char *w = strtok_r(copy, ",", &sv); w && k < 16; w = strtok_r(NULL, ",", &sv)) {
                const char *fw[MAX_PHRASE_WORDS];
                if (fold_words(o->pool, w, fw, NULL) == 1) fr->nouns[k++] = fw[0];
            }
            fr->nouns[k] = NULL;
        }
    }
    ng_verb_frame *head = ng_map_get(map, words[0], strlen(words[0]));
    if (head) {
        /* longer verb phrases first so "prestar asistencia" beats "prestar" */
        /* most specific first: noun conditions, then longer phrases */
        ng_verb_frame **pp = &head;
        while (*pp && !fr->nouns && ((*pp)->nouns || ((*pp)->rest[0] && !fr->rest[0])))
            pp = &(*pp)->next;
        fr->next = *pp;
        *pp = fr;
    } else {
        head = fr;
    }
    if (ng_map_put(map, words[0], strlen(words[0]), head))
        return ng_error_set(err, NG_ENOMEM, "out of memory");
    return 0;
}

static int verb_line(ng_ontology *o, void *ud, char **f, int nf, const char *file, int line,
                     ng_error *err)
{
    ng_lexicon *lx = ud;
    int rc = frame_line(o, lx->verbs, f, nf, file, line, err);
    if (!rc) o->nverbs++;
    return rc;
}

static int event_line(ng_ontology *o, void *ud, char **f, int nf, const char *file, int line,
                      ng_error *err)
{
    ng_lexicon *lx = ud;
    return frame_line(o, lx->events, f, nf, file, line, err);
}

static int role_line(ng_ontology *o, void *ud, char **f, int nf, const char *file, int line,
                     ng_error *err)
{
    ng_lexicon *lx = ud;
    if (nf < 2) return ng_error_set(err, NG_EDATA, "%s:%d: expected 2 columns", file, line);
    ng_role role = {NULL, 0, 0};
    const char *p = f[1];
    if (*p == '^') role.inverse = 1, p++;
    if (strcmp(p, "-") != 0) {
        if (check_property(o, p, file, line, err)) return err->code;
        role.property = ng_pool_strdup(o->pool, p);
    }
    if (nf > 2 && strcmp(f[2], "org") == 0) role.org = 1;
    const char *words[MAX_PHRASE_WORDS];
    int n = fold_words(o->pool, f[0], words, NULL);
    if (!n) return 0;
    int node = trie_insert(&lx->roles, words, n);
    if (node < 0 || NG_GROW(lx->role_list, lx->roles_cap, lx->nroles + 1))
        return ng_error_set(err, NG_ENOMEM, "out of memory");
    lx->role_list[lx->nroles] = role;
    lx->roles.nodes[node].value = (int32_t)lx->nroles++;
    return 0;
}

/* forms.tsv: form <TAB> lemma, for forms the dictionary does not stem
 * (irregular past tenses, British spellings). */
static int form_line(ng_ontology *o, void *ud, char **f, int nf, const char *file, int line,
                     ng_error *err)
{
    ng_lexicon *lx = ud;
    if (nf < 2) return ng_error_set(err, NG_EDATA, "%s:%d: expected 2 columns", file, line);
    const char *form[MAX_PHRASE_WORDS], *lemma[MAX_PHRASE_WORDS];
    if (fold_words(o->pool, f[0], form, NULL) != 1 || fold_words(o->pool, f[1], lemma, NULL) != 1)
        return ng_error_set(err, NG_EDATA, "%s:%d: want one word per column", file, line);
    if (ng_map_put(lx->forms, form[0], strlen(form[0]), (void *)lemma[0]))
        return ng_error_set(err, NG_ENOMEM, "out of memory");
    return 0;
}

/* numbers.tsv: word <TAB> value <TAB> number|multiplier|approx */
static int number_line(ng_ontology *o, void *ud, char **f, int nf, const char *file, int line,
                       ng_error *err)
{
    ng_lexicon *lx = ud;
    if (nf < 3) return ng_error_set(err, NG_EDATA, "%s:%d: expected 3 columns", file, line);
    const char *w[MAX_PHRASE_WORDS];
    char *end = NULL;
    double v = strtod(f[1], &end);
    int kind = strcmp(f[2], "number") == 0       ? NG_NUM_NUMBER
               : strcmp(f[2], "multiplier") == 0 ? NG_NUM_MULTIPLIER
               : strcmp(f[2], "approx") == 0     ? NG_NUM_APPROX
                                                 : -1;
    if (!end || *end || kind < 0 || fold_words(o->pool, f[0], w, NULL) != 1)
        return ng_error_set(err, NG_EDATA, "%s:%d: want word, number, kind", file, line);
    ng_number *n = ng_pool_alloc(o->pool, sizeof *n);
    if (!n || ng_map_put(lx->numbers, w[0], strlen(w[0]), n))
        return ng_error_set(err, NG_ENOMEM, "out of memory");
    n->value = v;
    n->kind = kind;
    return 0;
}

/* units.tsv: word <TAB> unit code ("dólares" -> USD, "$" -> USD) */
static int unit_line(ng_ontology *o, void *ud, char **f, int nf, const char *file, int line,
                     ng_error *err)
{
    ng_lexicon *lx = ud;
    if (nf < 2) return ng_error_set(err, NG_EDATA, "%s:%d: expected 2 columns", file, line);
    const char *w[MAX_PHRASE_WORDS];
    const char *code = ng_pool_strdup(o->pool, f[1]);
    if (fold_words(o->pool, f[0], w, NULL) != 1)
        return ng_error_set(err, NG_EDATA, "%s:%d: want one word", file, line);
    if (!code || ng_map_put(lx->units, w[0], strlen(w[0]), (void *)code))
        return ng_error_set(err, NG_ENOMEM, "out of memory");
    return 0;
}

static const char *const cue_names[] = {"org-head",       "place-head",
                                        "agreement-head", "speech",
                                        "according",      "connector",
                                        "stop",           "determiner",
                                        "abbrev",         "negation",
                                        "future",         "hedge",
                                        "coord",          "prep",
                                        "possessive",     "nonname",
                                        "state",          "media-head",
                                        "alliance-head",  "person-head",
                                        "passive-aux",    "complementizer",
                                        "genitive",       "date-yesterday",
                                        "date-today",     "date-tomorrow",
                                        "date-last",      "date-next",
                                        "date-this",      "date-month-word",
                                        "date-year-word", "date-since",
                                        "date-until",     "qty-min",
                                        "qty-max",        "qty-approx",
                                        "noun-suffix",    "partnership-head",
                                        "between",        "intent",
                                        "naming",         "description",
                                        "member-noun",    "object-control",
                                        "light-verb",     "role-modifier",
                                        "both",           "counterpart",
                                        "former",         "whose",
                                        "copula",         "indefinite",
                                        "envoy-head",     "common-before",
                                        "comparison"};
_Static_assert(sizeof cue_names / sizeof *cue_names == NG_CUE_COUNT,
               "cue_names must name every cue kind");

/* cues.tsv: kind <TAB> words (|-separated) [<TAB> class for heads] */
static int cue_line(ng_ontology *o, void *ud, char **f, int nf, const char *file, int line,
                    ng_error *err)
{
    ng_lexicon *lx = ud;
    int kind = -1;
    for (int i = 0; i < NG_CUE_COUNT; i++)
        if (strcmp(cue_names[i], f[0]) == 0) kind = i;
    if (kind < 0)
        return ng_error_set(err, NG_EDATA, "%s:%d: unknown cue kind '%s'", file, line, f[0]);
    if (nf < 2) return ng_error_set(err, NG_EDATA, "%s:%d: expected words", file, line);
    intptr_t value = 1;
    if (nf > 2 && strcmp(f[2], "-") != 0) {
        int t = ng_type_parse(f[2]);
        if (t < 0)
            return ng_error_set(err, NG_EDATA, "%s:%d: unknown class '%s'", file, line, f[2]);
        value = 100 + t;
    }
    char *save = NULL;
    for (char *w = strtok_r(f[1], "|", &save); w; w = strtok_r(NULL, "|", &save)) {
        const char *words[MAX_PHRASE_WORDS];
        int n = fold_words(o->pool, w, words, NULL);
        if (!n) continue;
        const char *phrase = join_words(o->pool, words, n);
        if (!phrase || ng_map_put(lx->cues[kind], phrase, strlen(phrase), (void *)value))
            return ng_error_set(err, NG_ENOMEM, "out of memory");
        ng_cue_bits *bits = ng_map_get(lx->cue_bits, words[0], strlen(words[0]));
        if (!bits && (bits = ng_pool_alloc(o->pool, sizeof *bits))) {
            bits->one = bits->multi = 0;
            if (ng_map_put(lx->cue_bits, words[0], strlen(words[0]), bits)) bits = NULL;
        }
        if (bits) {
            if (n == 1)
                bits->one |= NG_CUE_BIT(kind);
            else
                bits->multi |= NG_CUE_BIT(kind);
        }
        if (!bits) return ng_error_set(err, NG_ENOMEM, "out of memory");
        if (n > lx->cue_maxwords[kind]) lx->cue_maxwords[kind] = n;
    }
    return 0;
}

ng_cue_bits ng__cue_bits(const ng_lexicon *lx, const char *word, size_t len)
{
    const ng_cue_bits *b = ng_map_get(lx->cue_bits, word, len);
    ng_cue_bits none = {0, 0};
    return b ? *b : none;
}

void *ng__cue(const ng_lexicon *lx, int kind, const char *phrase, size_t len)
{
    return ng_map_get(lx->cues[kind], phrase, len);
}

/* "de", "del", "y", "of", "the": a word between a body's words in any
 * language. */
static int small_word(const ng_ontology *o, const char *w, size_t n)
{
    for (size_t l = 0; l < sizeof o->langs / sizeof *o->langs; l++) {
        if (!o->langs[l].cue_bits) continue;
        ng_cue_bits b = ng__cue_bits(&o->langs[l], w, n);
        if (b.one & (NG_CUE_BIT(NG_CUE_CONNECTOR) | NG_CUE_BIT(NG_CUE_STOP))) return 1;
    }
    return 0;
}

int ng__generic_body(const ng_ontology *o, const char *fold)
{
    int bodies = 0;
    for (const char *p = fold; *p;) {
        size_t n = strcspn(p, " ");
        if (ng_map_get(o->bodies, p, n))
            bodies++;
        else if (!small_word(o, p, n))
            return 0;
        p += n;
        while (*p == ' ')
            p++;
    }
    return bodies > 0;
}

const ng_lexicon *ng__ontology_lexicon(const ng_ontology *o, const char *lang)
{
    return (lang && strcmp(lang, "en") == 0) ? &o->langs[1] : &o->langs[0];
}

/* ---- OWL labels through Raptor --------------------------------------------- */
typedef struct label_ctx {
    ng_ontology *o;
    int failed;
    int line;          /* of the first syntax error */
    char message[200]; /* Raptor's text for it */
} label_ctx;

static const char *ng_local(raptor_term *t)
{
    if (!t || t->type != RAPTOR_TERM_TYPE_URI) return NULL;
    const char *s = (const char *)raptor_uri_as_string(t->value.uri);
    size_t ns = strlen(NG_ONTOLOGY_NS);
    return strncmp(s, NG_ONTOLOGY_NS, ns) == 0 ? s + ns : NULL;
}

static int uri_is(raptor_term *t, const char *iri)
{
    return t && t->type == RAPTOR_TERM_TYPE_URI &&
           strcmp((const char *)raptor_uri_as_string(t->value.uri), iri) == 0;
}

static void on_owl_statement(void *ud, raptor_statement *st)
{
    label_ctx *c = ud;
    const char *local = ng_local(st->subject);
    if (!local || c->failed) return;
    if (uri_is(st->predicate, "http://www.w3.org/1999/02/22-rdf-syntax-ns#type") &&
        (uri_is(st->object, "http://www.w3.org/2002/07/owl#ObjectProperty") ||
         uri_is(st->object, "http://www.w3.org/2002/07/owl#DatatypeProperty") ||
         uri_is(st->object, "http://www.w3.org/2002/07/owl#SymmetricProperty"))) {
        if (ng_map_put(c->o->properties, local, strlen(local), (void *)1)) c->failed = 1;
        return;
    }
    if (!uri_is(st->predicate, "http://www.w3.org/2000/01/rdf-schema#label") ||
        st->object->type != RAPTOR_TERM_TYPE_LITERAL || !st->object->value.literal.language)
        return;
    char key[256];
    int n = snprintf(key, sizeof key, "%s\x1f%s", local,
                     (const char *)st->object->value.literal.language);
    const char *label = ng_pool_strdup(c->o->pool, (const char *)st->object->value.literal.string);
    if (n <= 0 || (size_t)n >= sizeof key || !label ||
        ng_map_put(c->o->labels, key, (size_t)n, (void *)label))
        c->failed = 1;
}

static void on_owl_log(void *ud, raptor_log_message *m)
{
    label_ctx *c = ud;
    if (m->level < RAPTOR_LOG_LEVEL_ERROR || c->failed == 2) return;
    c->failed = 2;
    c->line = m->locator ? m->locator->line : 0;
    snprintf(c->message, sizeof c->message, "%s", m->text ? m->text : "syntax error");
}

static int load_owl(ng_ontology *o, ng_context *ctx, const char *path, ng_error *err)
{
    raptor_world *w = ng_context_raptor(ctx);
    label_ctx c = {o, 0, 0, ""};
    FILE *probe = fopen(path, "r");
    if (!probe) return ng_error_set(err, NG_EIO, "%s: cannot open", path);
    fclose(probe);
    raptor_parser *p = raptor_new_parser(w, "turtle");
    unsigned char *uri_str = raptor_uri_filename_to_uri_string(path);
    raptor_uri *uri = uri_str ? raptor_new_uri(w, uri_str) : NULL;
    int rc = 0;
    if (!p || !uri) {
        rc = ng_error_set(err, NG_ELIB, "%s: cannot set up the Turtle parser", path);
        goto done;
    }
    raptor_world_set_log_handler(w, &c, on_owl_log);
    raptor_parser_set_statement_handler(p, &c, on_owl_statement);
    if (raptor_parser_parse_file(p, uri, NULL) || c.failed) {
        if (c.line > 0)
            rc = ng_error_set(err, NG_EDATA, "%s:%d: %s", path, c.line, c.message);
        else
            rc = ng_error_set(err, NG_EDATA, "%s: not a valid Turtle ontology%s%s", path,
                              c.message[0] ? ": " : "", c.message);
    }
    raptor_world_set_log_handler(w, NULL, NULL);
done:
    raptor_free_parser(p);
    raptor_free_uri(uri);
    raptor_free_memory(uri_str);
    return rc;
}

const char *ng_ontology_label(const ng_ontology *o, const char *local, const char *lang)
{
    char key[256];
    const char *langs[] = {lang ? lang : "en", "en"};
    for (int i = 0; i < 2; i++) {
        int n = snprintf(key, sizeof key, "%s\x1f%s", local, langs[i]);
        if (n > 0 && (size_t)n < sizeof key) {
            const char *l = ng_map_get(o->labels, key, (size_t)n);
            if (l) return l;
        }
    }
    return local;
}

/* ---- CoNLL tags -------------------------------------------------------------- */

static int ner_line(ng_ontology *o, void *ud, char **f, int nf, const char *file, int line,
                    ng_error *err)
{
    (void)ud;
    if (nf < 3) return ng_error_set(err, NG_EDATA, "%s:%d: expected 3 columns", file, line);
    if (strcmp(f[1], "Demonym") != 0 && ng_type_parse(f[1]) < 0)
        return ng_error_set(err, NG_EDATA, "%s:%d: unknown class '%s'", file, line, f[1]);
    static const char *const tags[] = {"PER", "ORG", "LOC", "MISC", "O"};
    const char *tag = NULL;
    for (int i = 0; i < 5; i++)
        if (strcmp(f[2], tags[i]) == 0) tag = tags[i];
    if (!tag) return ng_error_set(err, NG_EDATA, "%s:%d: unknown tag '%s'", file, line, f[2]);
    char key[128];
    int n = snprintf(key, sizeof key, "%s\x1f%s", f[0], f[1]);
    if (n <= 0 || (size_t)n >= sizeof key || ng_map_put(o->ner_tags, key, (size_t)n, (void *)tag))
        return ng_error_set(err, NG_ENOMEM, "out of memory");
    return 0;
}

const char *ng_ontology_ner_tag(const ng_ontology *o, const char *lang, const char *cls)
{
    const char *langs[] = {lang ? lang : "*", "*"};
    for (int i = 0; i < 2; i++) {
        char key[128];
        int n = snprintf(key, sizeof key, "%s\x1f%s", langs[i], cls);
        const char *t =
            n > 0 && (size_t)n < sizeof key ? ng_map_get(o->ner_tags, key, (size_t)n) : NULL;
        if (t) return t;
    }
    return "O";
}

/* ---- top level ------------------------------------------------------------ */
static int load_lexicon(ng_ontology *o, ng_lexicon *lx, const char *dir, const char *lang,
                        const char *hunspell_dir, ng_error *err)
{
    char path[1024];
    int rc;
    snprintf(lx->lang, sizeof lx->lang, "%s", lang);
    lx->verbs = ng_map_new();
    lx->forms = ng_map_new();
    lx->cue_bits = ng_map_new();
    lx->months = ng_map_new();
    lx->weekdays = ng_map_new();
    lx->numbers = ng_map_new();
    lx->units = ng_map_new();
    lx->events = ng_map_new();
    if (!lx->verbs || !lx->events || !lx->forms || !lx->cue_bits || !lx->months || !lx->weekdays ||
        !lx->numbers || !lx->units || ng_trie_init(&lx->roles))
        return ng_error_set(err, NG_ENOMEM, "oom");
    for (int i = 0; i < NG_CUE_COUNT; i++)
        if (!(lx->cues[i] = ng_map_new())) return ng_error_set(err, NG_ENOMEM, "oom");
    const char *files[] = {"verbs.tsv",   "roles.tsv", "cues.tsv",  "forms.tsv",
                           "numbers.tsv", "units.tsv", "events.tsv"};
    line_fn fns[] = {verb_line, role_line, cue_line, form_line, number_line, unit_line, event_line};
    for (int i = 0; i < 7; i++) {
        snprintf(path, sizeof path, "%s/lexicon/%s/%s", dir, lang, files[i]);
        if ((rc = each_line(o, path, 0, fns[i], lx, err))) return rc;
    }
    if ((rc = ng__load_cldr_calendar(o, lx, lang, err))) return rc;
    const char *dic = strcmp(lang, "es") == 0 ? "es_ES" : "en_US";
    snprintf(lx->dic_aff, sizeof lx->dic_aff, "%s/%s.aff", hunspell_dir, dic);
    snprintf(lx->dic_dic, sizeof lx->dic_dic, "%s/%s.dic", hunspell_dir, dic);
    return 0;
}

int ng_ontology_load(ng_ontology **out, ng_context *ctx, const char *dir, const char *hunspell_dir,
                     ng_error *err)
{
    char path[1024];
    int rc = NG_ENOMEM;
    *out = NULL;
    ng_ontology *o = calloc(1, sizeof *o);
    if (!o) return ng_error_set(err, NG_ENOMEM, "out of memory");
    o->pool = ng_pool_new();
    o->by_id = ng_map_new();
    o->given_names = ng_map_new();
    o->short_forms = ng_map_new();
    o->bodies = ng_map_new();
    o->labels = ng_map_new();
    o->properties = ng_map_new();
    o->ner_tags = ng_map_new();
    if (!o->pool || !o->by_id || !o->given_names || !o->short_forms || !o->bodies || !o->labels ||
        !o->properties || !o->ner_tags || ng_trie_init(&o->aliases)) {
        ng_error_set(err, NG_ENOMEM, "out of memory");
        goto fail;
    }
    if (!hunspell_dir) hunspell_dir = "/usr/share/hunspell";
    snprintf(path, sizeof path, "%s/newsgraph.ttl", dir);
    if ((rc = load_owl(o, ctx, path, err))) goto fail;
    /* Most specific first: an alias claimed by a country is not re-read as a city. */
    const char *gaz[] = {"countries.tsv", "countries-extra.tsv", "organizations.tsv", "people.tsv",
                         "cities.tsv",    "regions.tsv",         "things.tsv"};
    for (size_t i = 0; i < sizeof gaz / sizeof *gaz; i++) {
        snprintf(path, sizeof path, "%s/gazetteer/%s", dir, gaz[i]);
        if ((rc = each_line(o, path, 0, gaz_line, NULL, err))) goto fail;
    }
    snprintf(path, sizeof path, "%s/gazetteer/demonyms.tsv", dir);
    if ((rc = each_line(o, path, 0, demonym_line, NULL, err))) goto fail;
    snprintf(path, sizeof path, "%s/gazetteer/given-names.tsv", dir);
    if ((rc = each_line(o, path, 0, word_line, o->given_names, err))) goto fail;
    snprintf(path, sizeof path, "%s/gazetteer/bodies.tsv", dir);
    if ((rc = each_line(o, path, 0, word_line, o->bodies, err))) goto fail;
    snprintf(path, sizeof path, "%s/gazetteer/short-forms.tsv", dir);
    if ((rc = each_line(o, path, 0, short_form_line, NULL, err))) goto fail;
    snprintf(path, sizeof path, "%s/conll.tsv", dir);
    if ((rc = each_line(o, path, 0, ner_line, NULL, err))) goto fail;
    if ((rc = load_lexicon(o, &o->langs[0], dir, "es", hunspell_dir, err))) goto fail;
    if ((rc = load_lexicon(o, &o->langs[1], dir, "en", hunspell_dir, err))) goto fail;
    *out = o;
    return 0;
fail:
    ng_ontology_free(o);
    return rc ? rc : NG_ENOMEM;
}

void ng_ontology_free(ng_ontology *o)
{
    if (!o) return;
    for (int l = 0; l < 2; l++) {
        ng_lexicon *lx = &o->langs[l];
        ng_map_free(lx->verbs);
        ng_map_free(lx->events);
        ng_map_free(lx->forms);
        ng_map_free(lx->cue_bits);
        ng_map_free(lx->months);
        ng_map_free(lx->weekdays);
        ng_map_free(lx->numbers);
        ng_map_free(lx->units);
        ng_trie_free(&lx->roles);
        free(lx->role_list);
        for (int i = 0; i < NG_CUE_COUNT; i++)
            ng_map_free(lx->cues[i]);
    }
    ng_trie_free(&o->aliases);
    ng_map_free(o->by_id);
    ng_map_free(o->given_names);
    ng_map_free(o->short_forms);
    ng_map_free(o->bodies);
    ng_map_free(o->labels);
    ng_map_free(o->properties);
    ng_map_free(o->ner_tags);
    free(o->entries);
    ng_pool_free(o->pool);
    free(o);
}

const char *ng_ontology_detect_language(const ng_ontology *o, const char *text, size_t len)
{
    int votes[2] = {0, 0};
    ng_buf b = {0};
    size_t i = 0, words = 0;
    while (i < len && words < 3000) {
        while (i < len && !((unsigned char)text[i] >= 0x80 || (text[i] >= 'a' && text[i] <= 'z') ||
                            (text[i] >= 'A' && text[i] <= 'Z')))
            i++;
        size_t s = i;
        while (i < len && ((unsigned char)text[i] >= 0x80 || (text[i] >= 'a' && text[i] <= 'z') ||
                           (text[i] >= 'A' && text[i] <= 'Z')))
            i++;
        if (i == s) break;
        words++;
        b.len = 0;
        if (ng_fold_append(&b, text + s, i - s)) continue;
        for (int l = 0; l < 2; l++)
            if (ng_map_get(o->langs[l].cues[NG_CUE_STOP], b.data, b.len)) votes[l]++;
    }
    ng_buf_free(&b);
    return votes[1] > votes[0] ? "en" : "es";
}

void ng_ontology_stats(const ng_ontology *o, size_t *entries, size_t *aliases, size_t *verbs)
{
    if (entries) *entries = o->nentries;
    if (aliases) *aliases = o->naliases;
    if (verbs) *verbs = o->nverbs;
}
