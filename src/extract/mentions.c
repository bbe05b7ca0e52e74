/* Mentions: gazetteer matches and capitalised name chunks, typed by cue
 * words, then resolved inside the article (surnames, acronyms).
 *
 * Gazetteer matches come first and win; a name chunk that carries an
 * organisation head ("Fuerzas Armadas de Rusia") may swallow a place that
 * follows a connector, because there the place is part of the name. */
#include "extract_int.h"

#include <stdlib.h>
#include <string.h>

static const ng_token *tk(const ng_extractor *x, size_t i)
{
    return &x->seg.tokens[i];
}

static int is_word(const ng_extractor *x, size_t i)
{
    return (x->toks[i].flags & NG_TOK_WORD) != 0;
}

static int is_cap(const ng_extractor *x, size_t i)
{
    return (x->toks[i].flags & (NG_TOK_UPPER | NG_TOK_ALLCAPS)) && is_word(x, i);
}

/* The first step of the roles automaton at token i: its word, or the word
 * without "ex" ("expresidente", "ex-ministra": a former holder still held
 * the role). */
static int role_start(const ng_extractor *x, size_t i)
{
    const xtok *k = &x->toks[i];
    if (k->role_child >= 0 || k->flen < 5 || strncmp(k->fold, "ex", 2) != 0) return k->role_child;
    size_t skip = k->fold[2] == '-' ? 3 : 2;
    return ng__trie_step(&x->lx->roles, 0, k->fold + skip, k->flen - skip);
}

/* Words a role phrase may carry without changing the role (cues.tsv:
 * role-modifier: "presidenta interina", "the acting minister"), and the
 * nationality inside one ("la ministra peruana de Economía"). */
static int role_modifier(const ng_extractor *x, size_t j)
{
    if (ng__tok_cue(x, j, NG_CUE_ROLE_MODIFIER)) return 1;
    int m = x->toks[j].mention;
    return m >= 0 && x->ms[m].kind == MK_DEMONYM && x->ms[m].t1 == j + 1;
}

int ng__role_at(const ng_extractor *x, size_t i, size_t end, const ng_role **role)
{
    const ng_trie *t = &x->lx->roles;
    int node = 0, best = 0;
    for (size_t j = i; j < end; j++) {
        if (x->toks[j].flags & NG_TOK_HYPHEN) continue;
        if (j > i && role_modifier(x, j)) {
            /* a modifier after a whole role stays part of it */
            if (best == (int)(j - i)) best = (int)(j + 1 - i);
            continue;
        }
        node = j == i ? role_start(x, i) : ng__trie_step(t, node, x->toks[j].fold, x->toks[j].flen);
        if (node < 0) break;
        if (t->nodes[node].value >= 0) {
            best = (int)(j + 1 - i);
            if (role) *role = &x->lx->role_list[t->nodes[node].value];
        }
    }
    return best;
}

int ng__person_role_at(const ng_extractor *x, size_t i, size_t end)
{
    const ng_role *r = NULL;
    int n = ng__role_at(x, i, end, &r);
    return n && !r->org ? n : 0;
}

/* Whether surface, folded, is the first word of the entity's name of
 * several words ("Michael" of Michael Carrick): a given name, kept off the
 * aliases, which other articles and stores read as names of their own. */
static int first_name_of(ng_extractor *x, const aent *a, const char *surface)
{
    ng_buf *b = &x->scratch;
    b->len = 0;
    if (!a->fold || ng_fold_append(b, surface, strlen(surface)) || !b->len) return 0;
    return !memchr(b->data, ' ', b->len) && strncmp(a->fold, b->data, b->len) == 0 &&
           a->fold[b->len] == ' ';
}

int ng__ent_add_alias(ng_extractor *x, int ent, const char *surface)
{
    aent *a = &x->ents[ent];
    if (strcmp(a->name, surface) == 0 || first_name_of(x, a, surface)) return 0;
    for (size_t i = 0; i < a->naliases; i++)
        if (strcmp(a->aliases[i], surface) == 0) return 0;
    if (NG_GROW(a->aliases, a->aliases_cap, a->naliases + 1)) return NG_ENOMEM;
    a->aliases[a->naliases++] = surface;
    return 0;
}

/* Each cue supports a class as much as it is sure (model or capitals 1,
 * role words and name heads 2); the entity takes the class most supported,
 * not the first seen. The gazetteer's class stands. */
void ng__ent_type(ng_extractor *x, int ent, ng_type t, int strength)
{
    aent *a = &x->ents[ent];
    if (a->strength >= 3 || t == NG_TYPE_ENTITY) return;
    a->votes[t] += strength > 0 ? strength : 1;
    if (strength > a->strength) a->strength = strength;
    if (a->type == NG_TYPE_ENTITY || a->votes[t] > a->votes[a->type]) a->type = t;
}

/* ---- gazetteer ------------------------------------------------------------ */

/* Longest alias starting at token i; returns its end token (0 = none). */
static size_t gaz_match(const ng_extractor *x, size_t i, size_t end, int *entry, int *acronym,
                        int *lower_tail, int *lower_head)
{
    const ng_trie *t = &x->onto->aliases;
    int node = 0, english = strcmp(x->lx->lang, "en") == 0;
    size_t best = 0;
    for (size_t j = i; j < end; j++) {
        const xtok *k = &x->toks[j];
        if (k->flags & NG_TOK_HYPHEN) {
            if (j == i) break;
            continue;
        }
        node = j == i ? k->gaz_child : ng__trie_step(t, node, k->fold, k->flen);
        if (node < 0) break;
        int value = t->nodes[node].in_lang[english];
        if (value < 0) value = t->nodes[node].value;
        if (value >= 0) {
            best = j + 1;
            *entry = value;
            *acronym = t->nodes[node].acronym;
            *lower_tail = t->nodes[node].lower_tail;
            *lower_head = t->nodes[node].lower_head;
        }
    }
    return best;
}

/* Names are capitalised where they start and where they end ("La Paz", not
 * "la paz"); acronyms are written in capitals ("US", not "us"). */
static int gaz_case_ok(const ng_extractor *x, size_t i, size_t stop, const ng_gaz_entry *e,
                       int acronym, int lower_tail, int lower_head)
{
    const uint32_t cap = NG_TOK_UPPER | NG_TOK_ALLCAPS | NG_TOK_NUM;
    uint32_t f = x->toks[i].flags;
    if (e->demonym) return 1;
    if (acronym) return (f & NG_TOK_ALLCAPS) || ((f & NG_TOK_ABBR) && (f & NG_TOK_UPPER));
    if (!(f & cap) && !lower_head) return 0;
    return lower_tail || stop == i + 1 || (x->toks[stop - 1].flags & cap);
}

static int push_mention(ng_extractor *x, size_t t0, size_t t1, uint32_t sent, int kind, int gaz)
{
    if (NG_GROW(x->ms, x->ms_cap, x->nms + 1)) return NG_ENOMEM;
    x->ms[x->nms++] = (mention){(uint32_t)t0, (uint32_t)t1, sent, kind, gaz, -1, NG_TYPE_ENTITY, 0,
                                -1,           NG_NER_O,     -1};
    for (size_t j = t0; j < t1; j++)
        x->toks[j].mention = (int)x->nms - 1;
    return 0;
}

static int gaz_pass(ng_extractor *x, const ng_sentence *z, uint32_t sent)
{
    size_t end = z->first + z->count;
    for (size_t i = z->first; i < end; i++) {
        if (!(x->toks[i].flags & (NG_TOK_WORD | NG_TOK_NUM))) continue;
        int entry = -1, acronym = 0, lower_tail = 0, lower_head = 0;
        size_t stop = gaz_match(x, i, end, &entry, &acronym, &lower_tail, &lower_head);
        if (!stop) continue;
        const ng_gaz_entry *e = &x->onto->entries[entry];
        if (!gaz_case_ok(x, i, stop, e, acronym, lower_tail, lower_head)) continue;
        /* "Mauricio Macri" is a person, not Mauritius: a one-word place that is
         * also a given name, followed by a capitalised word, starts a name */
        if (stop == i + 1 && e->type != NG_TYPE_PERSON && stop < end &&
            (x->toks[stop].flags & NG_TOK_UPPER) && (x->toks[stop].flags & NG_TOK_WORD) &&
            ng_map_get(x->onto->given_names, x->toks[i].fold, x->toks[i].flen))
            continue;
        if (push_mention(x, i, stop, sent, e->demonym ? MK_DEMONYM : MK_GAZ, entry))
            return NG_ENOMEM;
        i = stop - 1;
    }
    return 0;
}

/* ---- name chunks ------------------------------------------------------------ */

static int after_opener(const ng_extractor *x, size_t i, size_t first)
{
    if (i == first) return 1;
    const ng_token *p = tk(x, i - 1);
    if (!(x->toks[i - 1].flags & NG_TOK_PUNCT)) return 0;
    const char *s = x->text + p->start;
    size_t n = p->end - p->start;
    static const char *const openers[] = {"\"", "\u201C", "\u00AB", "(", "\u00BF", "\u00A1",
                                          ":",  "-",      "\u2014", "'", "\u2018", "["};
    for (size_t k = 0; k < sizeof openers / sizeof *openers; k++)
        if (n == strlen(openers[k]) && memcmp(s, openers[k], n) == 0) return 1;
    return 0;
}

/* A capitalised word that may start a name. */
static int name_start(ng_extractor *x, size_t i, size_t first, size_t end)
{
    const xtok *k = &x->toks[i];
    if (!is_cap(x, i) || k->mention >= 0) return 0;
    if (ng__tok_cue(x, i, NG_CUE_STOP) || ng__tok_cue(x, i, NG_CUE_NONNAME) ||
        ng__tok_cue(x, i, NG_CUE_DETERMINER))
        return 0;
    if (ng__person_role_at(x, i, end)) return 0;
    /* At the start of a sentence or a quote any word is capitalised: a
     * dictionary word there is not a name unless it is a known given name. */
    if (after_opener(x, i, first) && k->lemmas && !(k->flags & NG_TOK_ALLCAPS) &&
        !ng_map_get(x->onto->given_names, k->fold, k->flen))
        return 0;
    return 1;
}

/* Whether the chunk [t0, j) holds an organisation or agreement head. */
static int has_head(const ng_extractor *x, size_t t0, size_t j)
{
    for (size_t i = t0; i < j; i++)
        if (ng__cue_at(x, NG_CUE_ORG_HEAD, i, j, NULL) ||
            ng__cue_at(x, NG_CUE_AGREEMENT_HEAD, i, j, NULL))
            return 1;
    return 0;
}

/* Extend a chunk from t0; returns its end (exclusive). *owner receives a
 * known organisation the chunk belongs to ("Central Military Commission of
 * the Workers' Party"), or -1. */
static size_t chunk_end(ng_extractor *x, size_t t0, size_t end, int *owner)
{
    size_t j = t0 + 1;
    *owner = -1;
    while (j < end) {
        const xtok *k = &x->toks[j];
        if ((k->flags & NG_TOK_HYPHEN) && (k->flags & NG_TOK_NOSPACE) && j + 1 < end &&
            is_word(x, j + 1) && (x->toks[j + 1].flags & NG_TOK_NOSPACE) &&
            x->toks[j + 1].mention < 0) {
            j += 2; /* Jong-un, Jean-Noël */
            continue;
        }
        if (is_cap(x, j) && ng__person_role_at(x, j, end)) break;
        if (is_cap(x, j) && k->mention < 0 && !ng__tok_cue(x, j, NG_CUE_NONNAME) &&
            !ng__tok_cue(x, j, NG_CUE_STOP)) {
            j++;
            continue;
        }
        int c = ng__cue_at(x, NG_CUE_CONNECTOR, j, end, NULL);
        if (c && j + (size_t)c < end && is_cap(x, j + (size_t)c)) {
            size_t n = j + (size_t)c;
            int m = x->toks[n].mention;
            if (m < 0 && !ng__person_role_at(x, n, end) && !ng__tok_cue(x, n, NG_CUE_STOP)) {
                j = n + 1;
                continue;
            }
            /* A known place after a connector belongs to an organisation's name
             * ("Fuerzas Armadas de Rusia"); so does a known organisation after a
             * name without a head of its own ("Estado Mayor de las Fuerzas
             * Armadas de Rusia" is one body). */
            int known = m >= 0 && x->ms[m].kind == MK_GAZ && x->ms[m].t0 == n;
            ng_type gt = known ? x->onto->entries[x->ms[m].gaz].type : NG_TYPE_ENTITY;
            int head = known ? has_head(x, t0, j) : 0;
            if (known && gt != NG_TYPE_PERSON &&
                ((gt != NG_TYPE_ORGANIZATION && head) || (gt == NG_TYPE_ORGANIZATION && !head))) {
                x->ms[m].kind = -1; /* swallowed */
                j = x->ms[m].t1;
                continue;
            }
            if (known && gt == NG_TYPE_ORGANIZATION && head) *owner = m;
        }
        break;
    }
    /* Spanish puts the nationality after the body: "Ministerio de Defensa iraní",
     * "Presidencia bielorrusa" name one country's institution */
    if (j < end && has_head(x, t0, j) && x->toks[j].mention >= 0 &&
        x->ms[x->toks[j].mention].kind == MK_DEMONYM && !is_cap(x, j) &&
        strcmp(x->lx->lang, "es") == 0) {
        int d = x->toks[j].mention;
        x->ms[d].kind = -1;
        j = x->ms[d].t1;
        return j;
    }
    /* drop connectors left at the end */
    while (j > t0 + 1 && !is_cap(x, j - 1) && !(x->toks[j - 1].flags & NG_TOK_NOSPACE))
        j--;
    return j;
}

static void type_chunk(ng_extractor *x, mention *m)
{
    void *v = NULL;
    size_t t0 = m->t0, t1 = m->t1;
    if (ng__cue_at(x, NG_CUE_AGREEMENT_HEAD, t0, t1, &v) ||
        ng__cue_at(x, NG_CUE_PLACE_HEAD, t0, t1, &v)) {
        m->type = (ng_type)((intptr_t)v - 100);
        m->strength = 2;
        return;
    }
    for (size_t i = t0; i < t1; i++)
        if (ng__cue_at(x, NG_CUE_ORG_HEAD, i, t1, NULL)) {
            m->type = NG_TYPE_ORGANIZATION;
            m->strength = 2;
            return;
        }
    const xtok *k = &x->toks[t0];
    if (t1 - t0 >= 2 && ng_map_get(x->onto->given_names, k->fold, k->flen)) {
        m->type = NG_TYPE_PERSON;
        m->strength = 1;
    } else if (t1 - t0 == 1 && (k->flags & NG_TOK_ALLCAPS) && k->flen <= 8) {
        m->type = NG_TYPE_ORGANIZATION; /* an acronym */
        m->strength = 1;
    }
    /* context before the name: "región de Kursk", "el general Valeri Guerásimov" */
    size_t p = t0;
    while (p > 0 && p + 4 > t0 && ng__tok_cue(x, p - 1, NG_CUE_CONNECTOR))
        p--;
    if (p < t0 && p > 0 && ng__cue_at(x, NG_CUE_PLACE_HEAD, p - 1, p, &v) && !is_cap(x, p - 1)) {
        m->type = (ng_type)((intptr_t)v - 100);
        m->strength = 2;
        return;
    }
    for (size_t s = t0 >= 4 ? t0 - 4 : 0; s < t0; s++) {
        int n = ng__person_role_at(x, s, t0);
        if (n && s + (size_t)n == t0) {
            m->type = NG_TYPE_PERSON;
            m->strength = 2;
            return;
        }
    }
}

/* "Comisión Militar Central del Partido de los Trabajadores": two bodies, the
 * first part of the second. Split at the connector before the second head. */
static int split_org(ng_extractor *x, size_t mi)
{
    mention m = x->ms[mi];
    if (m.type != NG_TYPE_ORGANIZATION) return 0;
    int first_head = -1;
    for (size_t i = m.t0; i < m.t1; i++) {
        int h = ng__cue_at(x, NG_CUE_ORG_HEAD, i, m.t1, NULL);
        if (!h) continue;
        if (first_head < 0) {
            first_head = (int)i;
            i += (size_t)h - 1;
            continue;
        }
        /* find the connector right before this head */
        for (size_t c = (size_t)first_head + 1; c < i; c++) {
            int cl = ng__cue_at(x, NG_CUE_CONNECTOR, c, i, NULL);
            if (cl && c + (size_t)cl == i && c > (size_t)first_head + 1) {
                x->ms[mi].t1 = (uint32_t)c;
                if (push_mention(x, i, m.t1, m.sent, MK_NAME, -1)) return NG_ENOMEM;
                mention *b = &x->ms[x->nms - 1];
                b->type = NG_TYPE_ORGANIZATION;
                b->strength = 2;
                x->ms[mi].part_of = (int)x->nms - 1;
                for (size_t j = m.t0; j < c; j++)
                    x->toks[j].mention = (int)mi;
                for (size_t j = c; j < i; j++)
                    x->toks[j].mention = -1;
                return 0;
            }
        }
        break;
    }
    return 0;
}

static int chunk_pass(ng_extractor *x, const ng_sentence *z, uint32_t sent)
{
    size_t first = z->first, end = z->first + z->count;
    for (size_t i = first; i < end; i++) {
        /* a title is not a name: "ministro de Asuntos Exteriores", "Prime Minister" */
        int role = ng__person_role_at(x, i, end);
        if (role) {
            i += (size_t)role - 1;
            continue;
        }
        if (!name_start(x, i, first, end)) continue;
        int owner;
        size_t j = chunk_end(x, i, end, &owner);
        const xtok *k = &x->toks[i];
        /* one capitalised dictionary word ("Patria", "Estado") is not a name,
         * nor is a lone letter ("P", an initial without its name) */
        if (j == i + 1 && ((k->lemmas && !(k->flags & NG_TOK_ALLCAPS) &&
                            !ng_map_get(x->onto->given_names, k->fold, k->flen)) ||
                           ng_utf8_count(x->text + x->seg.tokens[i].start,
                                         x->seg.tokens[i].end - x->seg.tokens[i].start) == 1))
            continue;
        if (push_mention(x, i, j, sent, MK_NAME, -1)) return NG_ENOMEM;
        size_t mi = x->nms - 1;
        type_chunk(x, &x->ms[mi]);
        if (owner >= 0 && x->ms[mi].type == NG_TYPE_ORGANIZATION) x->ms[mi].part_of = owner;
        if (split_org(x, mi)) return NG_ENOMEM;
        i = j - 1;
    }
    return 0;
}

static int cmp_mention(const void *a, const void *b)
{
    const mention *x = a, *y = b;
    if (x->t0 != y->t0) return x->t0 < y->t0 ? -1 : 1;
    return 0;
}

/* Sort this sentence's mentions, drop swallowed ones, and fix links. */
static void settle_sentence(ng_extractor *x, const ng_sentence *z, size_t from)
{
    if (x->nms == from) return;
    /* part_of links point at mentions inside [from, nms): keep them as token
     * positions across the sort */
    for (size_t i = from; i < x->nms; i++)
        if (x->ms[i].part_of >= 0) x->ms[i].part_of = (int)x->ms[x->ms[i].part_of].t0 + 1;
    size_t w = from;
    for (size_t i = from; i < x->nms; i++)
        if (x->ms[i].kind >= 0) x->ms[w++] = x->ms[i];
    x->nms = w;
    qsort(x->ms + from, x->nms - from, sizeof *x->ms, cmp_mention);
    for (size_t j = z->first; j < z->first + z->count; j++)
        x->toks[j].mention = -1;
    for (size_t i = from; i < x->nms; i++)
        for (size_t j = x->ms[i].t0; j < x->ms[i].t1; j++)
            x->toks[j].mention = (int)i;
    for (size_t i = from; i < x->nms; i++) {
        if (x->ms[i].part_of < 0) continue;
        int t = x->ms[i].part_of - 1;
        x->ms[i].part_of = x->toks[t].mention;
    }
}

/* ---- entities ------------------------------------------------------------- */

static const char *surface(ng_extractor *x, const mention *m)
{
    const ng_token *a = tk(x, m->t0), *b = tk(x, m->t1 - 1);
    return ng_pool_strndup(x->pool, x->text + a->start, b->end - a->start);
}

static const char *folded_key(ng_extractor *x, const mention *m, int *nwords)
{
    ng_buf *b = &x->scratch;
    b->len = 0;
    *nwords = 0;
    for (size_t i = m->t0; i < m->t1; i++) {
        if (x->toks[i].flags & NG_TOK_HYPHEN) continue;
        /* "Ministerio del Interior" = "Ministerio de Interior": connectors do not count */
        if (i > m->t0 && !(x->toks[i].flags & NG_TOK_NOSPACE) &&
            (ng__tok_cue(x, i, NG_CUE_CONNECTOR) || ng__tok_cue(x, i, NG_CUE_DETERMINER)))
            continue;
        if ((b->len && ng_buf_addc(b, ' ')) || ng_buf_add(b, x->toks[i].fold, x->toks[i].flen))
            return NULL;
        (*nwords)++;
    }
    return ng_pool_strndup(x->pool, b->data ? b->data : "", b->len);
}

/* The name a gazetteer entry goes by in the article's language, else in
 * the other one; NULL when it has none. */
static const char *gaz_label(const ng_extractor *x, const ng_gaz_entry *g)
{
    const char *label = strcmp(x->lx->lang, "en") == 0 ? g->label_en : g->label_es;
    return label ? label : (g->label_en ? g->label_en : g->label_es);
}

/* The entry of the country a nationality entry names, or -1. */
static int demonym_country(const ng_extractor *x, int gaz)
{
    const char *cid = x->onto->entries[gaz].country;
    void *v = cid ? ng_map_get(x->onto->by_id, cid, strlen(cid)) : NULL;
    return v ? (int)((intptr_t)v - 1) : -1;
}

/* The article entity of key, created with these names when new; its
 * index, or -1 when out of memory. */
static int entity_of_key(ng_extractor *x, const ng_buf *key, const char *fold, const char *surf,
                         int gaz, int nwords)
{
    void *found = ng_map_get(x->ent_by_key, key->data, key->len);
    if (found) return (int)((intptr_t)found - 1);
    size_t old_cap = x->ents_cap;
    if (NG_GROW(x->ents, x->ents_cap, x->nents + 1)) return -1;
    /* alias arrays are kept from article to article: new slots start empty */
    memset(x->ents + old_cap, 0, (x->ents_cap - old_cap) * sizeof *x->ents);
    int e = (int)x->nents++;
    aent *a = &x->ents[e];
    const char **keep = a->aliases;
    size_t keep_cap = a->aliases_cap;
    memset(a, 0, sizeof *a);
    a->aliases = keep;
    a->aliases_cap = keep_cap;
    a->key = ng_pool_strndup(x->pool, key->data, key->len);
    a->gaz = gaz;
    a->parent = -1;
    a->used = -1;
    a->nwords = nwords;
    if (gaz >= 0) {
        const ng_gaz_entry *g = &x->onto->entries[gaz];
        a->name = gaz_label(x, g);
        if (!a->name) a->name = surf;
        a->type = g->type;
        a->strength = 3;
    } else {
        a->name = surf;
        a->type = NG_TYPE_ENTITY;
    }
    a->fold = fold;
    a->body = gaz < 0 && ng__generic_body(x->onto, fold);
    if (!a->key || ng_map_put(x->ent_by_key, key->data, key->len, (void *)(intptr_t)(e + 1)))
        return -1;
    return e;
}

int ng__gaz_entity(ng_extractor *x, int gaz)
{
    const ng_gaz_entry *g = &x->onto->entries[gaz];
    const char *label = gaz_label(x, g);
    if (!label) label = g->id;
    ng_buf key = {0}, fold = {0};
    int e = -1;
    if (!ng_buf_printf(&key, "gaz:%s", g->id) && !ng_fold_append(&fold, label, strlen(label))) {
        const char *f = ng_pool_strndup(x->pool, fold.data ? fold.data : "", fold.len);
        int nwords = 1;
        for (size_t i = 0; i < fold.len; i++)
            nwords += fold.data[i] == ' ';
        if (f) e = entity_of_key(x, &key, f, label, gaz, nwords);
    }
    ng_buf_free(&key);
    ng_buf_free(&fold);
    return e;
}

static int entity_for(ng_extractor *x, mention *m)
{
    int nwords = 0;
    const char *fold = folded_key(x, m, &nwords);
    const char *surf = surface(x, m);
    if (!fold || !surf) return NG_ENOMEM;
    int gaz = m->kind == MK_DEMONYM ? demonym_country(x, m->gaz) : m->gaz;
    ng_buf key = {0};
    int rc = gaz >= 0 ? ng_buf_printf(&key, "gaz:%s", x->onto->entries[gaz].id)
                      : ng_buf_printf(&key, "name:%s", fold);
    if (rc) return NG_ENOMEM;
    int e = entity_of_key(x, &key, fold, surf, gaz, nwords);
    if (e < 0) {
        ng_buf_free(&key);
        return NG_ENOMEM;
    }
    ng_buf_free(&key);
    aent *a = &x->ents[e];
    /* the longest surface form names a non-gazetteer entity */
    if (gaz < 0 && strlen(surf) > strlen(a->name)) {
        if (ng__ent_add_alias(x, e, a->name)) return NG_ENOMEM;
        a->name = surf;
    }
    /* labels look like names: not a demonym, not "papa Francisco" */
    int lower = surf[0] >= 'a' && surf[0] <= 'z';
    if (m->kind != MK_DEMONYM && !lower && ng__ent_add_alias(x, e, surf)) return NG_ENOMEM;
    ng__ent_type(x, e, m->type, m->strength);
    m->ent = e;
    return 0;
}

/* ---- names from the entity tagger ------------------------------------------- */

static ng_type class_type(ng_ner_class c)
{
    return c == NG_NER_PER   ? NG_TYPE_PERSON
           : c == NG_NER_ORG ? NG_TYPE_ORGANIZATION
           : c == NG_NER_LOC ? NG_TYPE_PLACE
                             : NG_TYPE_ENTITY;
}

/* A headline's word that may be part of a name: the gazetteer knows it, or
 * it is no dictionary word ("GALINDO", not "PIDE"). */
static int headline_name_word(const ng_extractor *x, size_t i)
{
    return x->toks[i].mention >= 0 || x->toks[i].w->dict != 1 || !(x->toks[i].flags & NG_TOK_WORD);
}

/* The place gazetteer mention g stands for: its entry, or for a
 * nationality its country's; -1 when it is no place. */
static int place_entry(const ng_extractor *x, const mention *g)
{
    if (g->gaz < 0) return -1;
    if (g->kind == MK_DEMONYM) return demonym_country(x, g->gaz);
    return ng__place_rank(x->onto->entries[g->gaz].type) ? g->gaz : -1;
}

/* Where a body named over [t0, t1) sits, by the known place its name ends
 * with: after a connector ("Universidad de Oxford", "Gobierno de
 * Tamaulipas") or, in Spanish, as a nationality ("Ejército tailandés"). Its
 * gazetteer entry, or -1. Read before the name swallows the place. */
static int seat_of(const ng_extractor *x, size_t t0, size_t t1)
{
    int m = t1 > t0 ? x->toks[t1 - 1].mention : -1;
    if (m < 0) return -1;
    const mention *g = &x->ms[m];
    if (g->t1 != t1 || g->t0 <= t0 || (g->kind != MK_GAZ && g->kind != MK_DEMONYM)) return -1;
    if (g->kind == MK_GAZ) {
        size_t c = g->t0 - 1;
        while (c > t0 && ng__tok_cue(x, c, NG_CUE_DETERMINER))
            c--;
        if (c <= t0 || !ng__tok_cue(x, c, NG_CUE_CONNECTOR)) return -1;
    } else if (strcmp(x->lx->lang, "es") != 0 || is_cap(x, g->t0)) {
        /* a capitalised nationality is a word of the title ("Enciclopedia
         * Británica", "Beneficencia Española"), not where the body is */
        return -1;
    }
    return place_entry(x, g);
}

/* Gazetteer mentions inside [t0, t1) give way to the tagger's name around
 * them ("Universidad de Chile", "Iván Lima"); one that reaches outside it, or
 * that is the name itself, stands. Returns whether the name is to be added. */
static int yield_gazetteer(ng_extractor *x, size_t t0, size_t t1, ng_ner_class c)
{
    size_t own = 0; /* words of the name the gazetteer does not cover */
    for (size_t i = t0; i < t1; i++) {
        int m = x->toks[i].mention;
        if (m < 0) {
            own += (x->toks[i].flags & (NG_TOK_WORD | NG_TOK_NUM)) != 0;
            continue;
        }
        mention *g = &x->ms[m];
        if (g->t0 == t0 && g->t1 == t1) g->ner = (uint8_t)c;
        if (g->t0 < t0 || g->t1 > t1 || (g->t0 == t0 && g->t1 == t1)) return 0;
    }
    /* known names joined by a hyphen ("Pionyang-Moscú") stay apart */
    if (!own) return 0;
    for (size_t i = t0; i < t1; i++) {
        int m = x->toks[i].mention;
        if (m >= 0) x->ms[m].kind = -1;
        x->toks[i].mention = -1;
    }
    return 1;
}

static void type_name(ng_extractor *x, mention *m, ng_ner_class c)
{
    mention cue = *m;
    type_chunk(x, &cue);
    /* role words and name heads ("el general …", "región de …") are surer
     * than the model; its class is surer than a given name or capitals */
    if (cue.strength >= 2) {
        m->type = cue.type;
        m->strength = cue.strength;
    } else {
        m->type = class_type(c);
        m->strength = m->type == NG_TYPE_ENTITY ? 0 : 1;
    }
}

/* Where a person's name starts after the titles before it, and the known
 * country or body they go with ("UK Prime Minister Keir Starmer", "el
 * ministro de Exteriores francés"): titles are role words, not names. */
static size_t after_titles(const ng_extractor *x, size_t t0, size_t t1)
{
    size_t i = t0, name = t0;
    while (i < t1) {
        int r = ng__person_role_at(x, i, t1);
        int m = x->toks[i].mention;
        if (r) {
            i += (size_t)r;
            name = i;
        } else if (m >= 0 && x->ms[m].gaz >= 0 && x->ms[m].t1 <= t1 &&
                   x->onto->entries[x->ms[m].gaz].type != NG_TYPE_PERSON) {
            i = x->ms[m].t1;
        } else {
            break;
        }
    }
    return name;
}

/* Whether tokens i and i+1 are parts of one hyphenated word ("Jean" and "-"
 * of "Jean-Noël"). */
static int hyphen_joined(const ng_extractor *x, size_t i)
{
    const xtok *a = &x->toks[i], *b = &x->toks[i + 1];
    return ((a->flags & NG_TOK_HYPHEN) || (b->flags & NG_TOK_HYPHEN)) &&
           (b->flags & NG_TOK_NOSPACE) && ((a->flags | b->flags) & (NG_TOK_WORD | NG_TOK_NUM));
}

/* A name takes in the rest of a hyphenated word it starts or ends inside
 * ("Jean-Noël Barrot", "Kim Jong-un"). */
static void whole_words(const ng_extractor *x, size_t first, size_t end, size_t *t0, size_t *t1)
{
    while (*t0 > first && x->toks[*t0 - 1].mention < 0 && hyphen_joined(x, *t0 - 1))
        (*t0)--;
    while (*t1 < end && x->toks[*t1].mention < 0 && hyphen_joined(x, *t1 - 1))
        (*t1)++;
}

/* A quotation mark or a bracket: it opens or closes the name, it is not
 * part of it ("“Cucho”" names Cucho). */
static int enclosing_mark(const ng_extractor *x, size_t i)
{
    static const char *const marks[] = {"\"",
                                        "'",
                                        "\xE2\x80\x9C",
                                        "\xE2\x80\x9D",
                                        "\xE2\x80\x9E",
                                        "\xC2\xAB",
                                        "\xC2\xBB",
                                        "\xE2\x80\x98",
                                        "\xE2\x80\x99",
                                        "(",
                                        ")",
                                        "[",
                                        "]",
                                        NULL};
    if (x->toks[i].flags & (NG_TOK_WORD | NG_TOK_NUM)) return 0;
    for (int k = 0; marks[k]; k++)
        if (ng__tok_is(x, i, marks[k])) return 1;
    return 0;
}

static void trim_marks(const ng_extractor *x, size_t *t0, size_t *t1)
{
    while (*t0 < *t1 && enclosing_mark(x, *t0))
        (*t0)++;
    while (*t1 > *t0 && enclosing_mark(x, *t1 - 1))
        (*t1)--;
}

/* Swallow mention m into a name that reaches over it; returns its end. */
static size_t swallow(ng_extractor *x, int m)
{
    x->ms[m].kind = -1;
    for (size_t i = x->ms[m].t0; i < x->ms[m].t1; i++)
        x->toks[i].mention = -1;
    return x->ms[m].t1;
}

/* Whether token i may go on a body's name after its "y": a capitalised
 * word of no other name (none the gazetteer knows, none the tagger calls
 * a person, body or place: "y Sinopharm", "y el Liberal" stay apart; not
 * an article, a body word or a head of its own, not an acronym). */
static int tail_word(const ng_extractor *x, size_t i)
{
    const xtok *k = &x->toks[i];
    uint8_t l = x->ner_labels[i];
    return is_cap(x, i) && !(k->flags & NG_TOK_ALLCAPS) && k->mention < 0 &&
           (!l || ng_ner_label_class(l) == NG_NER_MISC) && !ng__tok_cue(x, i, NG_CUE_DETERMINER) &&
           !ng__tok_cue(x, i, NG_CUE_ORG_HEAD) && !ng_map_get(x->onto->bodies, k->fold, k->flen);
}

/* "Centros para el Control y la Prevención de Enfermedades", "Department
 * of Health and Human Services": a body with a head goes on over "y",
 * "and" (cues.tsv: coord), maybe an article, and capitalised words of no other name; not
 * over another body ("el Ministerio de Sanidad y la OMS"). Returns the new
 * end, or t1. */
static size_t coordinated_tail(const ng_extractor *x, size_t t0, size_t t1, size_t end)
{
    if (!has_head(x, t0, t1) || t1 + 1 >= end || !ng__tok_cue(x, t1, NG_CUE_COORD) ||
        !(x->toks[t1].flags & NG_TOK_WORD))
        return t1;
    size_t k = t1 + 1;
    if (k < end && ng__tok_cue(x, k, NG_CUE_DETERMINER) && !is_cap(x, k)) k++;
    if (k >= end || !tail_word(x, k)) return t1;
    size_t stop = ++k;
    while (k < end) {
        int c = ng__cue_at(x, NG_CUE_CONNECTOR, k, end, NULL);
        size_t n = k + (size_t)c;
        if (n < end && tail_word(x, n)) {
            stop = k = n + 1;
        } else {
            break;
        }
    }
    return stop;
}

/* A body's name goes on over what the gazetteer knows after it, as the
 * rules' chunks do: a place after a connector when the body has a head of
 * its own ("Fuerzas Armadas de Bielorrusia"), a known body after a name
 * without one ("Estado Mayor de las Fuerzas Armadas de Rusia"), and in
 * Spanish the nationality after the body ("Presidencia bielorrusa"). */
static size_t extend_body(ng_extractor *x, size_t t0, size_t t1, size_t end, int *seat)
{
    for (;;) {
        int head = has_head(x, t0, t1);
        int d = t1 < end ? x->toks[t1].mention : -1;
        if (d >= 0 && head && x->ms[d].kind == MK_DEMONYM && x->ms[d].t0 == t1 && !is_cap(x, t1) &&
            strcmp(x->lx->lang, "es") == 0) {
            *seat = place_entry(x, &x->ms[d]);
            t1 = swallow(x, d);
            continue;
        }
        int c = ng__cue_at(x, NG_CUE_CONNECTOR, t1, end, NULL);
        size_t n = t1 + (size_t)c;
        int m = c && n < end ? x->toks[n].mention : -1;
        if (m < 0 || x->ms[m].kind != MK_GAZ || x->ms[m].t0 != n) return t1;
        ng_type gt = x->onto->entries[x->ms[m].gaz].type;
        if (gt == NG_TYPE_PERSON || (gt == NG_TYPE_ORGANIZATION) == head) return t1;
        *seat = place_entry(x, &x->ms[m]);
        t1 = swallow(x, m);
    }
}

/* Whether [t0, t1) lies inside a title ("ministro de Asuntos Exteriores",
 * "jefe del Estado Mayor"): the ontology's role words are read as a role,
 * so the words in them are not names of their own. */
static int inside_role(const ng_extractor *x, size_t first, size_t t0, size_t t1, size_t end)
{
    for (size_t s = t0 > first + 6 ? t0 - 6 : first; s <= t0; s++) {
        int n = ng__person_role_at(x, s, end);
        if (n && s + (size_t)n >= t1 && !(s == t0 && is_cap(x, s))) return 1;
    }
    return 0;
}

/* "Central Military Commission of the Workers' Party": two bodies the
 * tagger names apart, each with a head of its own, joined by a connector;
 * the first is part of the second. */
static void part_of_before(ng_extractor *x, size_t first, size_t mi)
{
    mention *b = &x->ms[mi];
    if (b->type != NG_TYPE_ORGANIZATION || !has_head(x, b->t0, b->t1)) return;
    for (size_t c = first + 1; c < b->t0; c++) {
        int n = ng__cue_at(x, NG_CUE_CONNECTOR, c, b->t0, NULL);
        int a = x->toks[c - 1].mention;
        if (!n || c + (size_t)n != b->t0 || a < 0 || x->ms[a].t1 != c) continue;
        mention *am = &x->ms[a];
        if (am->kind == MK_NAME && am->type == NG_TYPE_ORGANIZATION &&
            has_head(x, am->t0, am->t1) && am->part_of < 0)
            am->part_of = (int)mi;
        return;
    }
}

/* The same with a body the gazetteer knows after the connector
 * ("Central Military Commission of the Workers' Party of Korea"). */
static void part_of_known(ng_extractor *x, size_t mi, size_t end)
{
    mention *a = &x->ms[mi];
    if (a->type != NG_TYPE_ORGANIZATION || !has_head(x, a->t0, a->t1)) return;
    int n = ng__cue_at(x, NG_CUE_CONNECTOR, a->t1, end, NULL);
    size_t at = a->t1 + (size_t)n;
    int b = n && at < end ? x->toks[at].mention : -1;
    if (b >= 0 && x->ms[b].t0 == at && x->ms[b].kind == MK_GAZ &&
        x->onto->entries[x->ms[b].gaz].type == NG_TYPE_ORGANIZATION)
        a->part_of = b;
}

/* Whether every word of [t0, t1) is one the ontology says is not a name
 * (months, "Navidad", "Covid-19", platforms): the tagger may not make them
 * names either. */
static int non_names(const ng_extractor *x, size_t t0, size_t t1)
{
    int words = 0;
    for (size_t i = t0; i < t1; i++) {
        if (!(x->toks[i].flags & NG_TOK_WORD)) continue;
        if (!ng__tok_cue(x, i, NG_CUE_NONNAME)) return 0;
        words++;
    }
    return words > 0;
}

/* "publicó un Noticia", "set up a Commission": one dictionary word after
 * an indefinite article is a thing of a kind, not one named. */
static int indefinite_word(const ng_extractor *x, size_t first, size_t t0, size_t t1)
{
    return t1 == t0 + 1 && t0 > first && x->toks[t0].w->dict == 1 &&
           ng__tok_cue(x, t0 - 1, NG_CUE_INDEFINITE);
}

/* Whether the word of token i ends a longer name somewhere in the article
 * ("Pablo Iglesias", "Ana Botín"): then alone it is that surname. */
static int ends_a_name(const ng_extractor *x, size_t i)
{
    for (size_t k = 1; k < x->seg.ntokens; k++)
        if (k != i && x->toks[k].w == x->toks[i].w && x->ner_toks[k - 1].upos == NG_UPOS_PROPN &&
            (x->toks[k - 1].flags & NG_TOK_UPPER))
            return 1;
    return 0;
}

/* "del Noticia publicado", "la Orden ministerial": after a determiner of
 * the cue common-before, one dictionary word the parse reads as a common
 * noun (NOUN, not PROPN) is no body or other name, whatever its capital
 * ("El Mundo", with its article capitalised, is a name). People and places named by words (Duque,
 * Cuenca) stay to the tagger, a bare body ("Gobierno") to the body rules, and a surname the article
 * gives in full to its person. */
static int common_noun(const ng_extractor *x, size_t first, size_t t0, size_t t1, ng_ner_class c)
{
    if ((c != NG_NER_ORG && c != NG_NER_MISC) || t1 != t0 + 1 || t0 <= first || !x->parsed ||
        x->toks[t0].w->dict != 1 || x->ner_toks[t0].upos != NG_UPOS_NOUN ||
        (x->toks[t0].flags & NG_TOK_ALLCAPS) || (x->toks[t0 - 1].flags & NG_TOK_UPPER) ||
        !ng__tok_cue(x, t0 - 1, NG_CUE_COMMON_BEFORE))
        return 0;
    return !ng_map_get(x->onto->bodies, x->toks[t0].fold, x->toks[t0].flen) && !ends_a_name(x, t0);
}

/* The tagger's name over tokens [t0, t1) of class c, as a mention. */
static int tagged_name(ng_extractor *x, size_t t0, size_t t1, size_t end, uint32_t sent,
                       ng_ner_class c, size_t *stop)
{
    *stop = t1;
    size_t first = x->seg.sentences[sent].first;
    if (inside_role(x, first, t0, t1, end) || non_names(x, t0, t1) ||
        indefinite_word(x, first, t0, t1) || common_noun(x, first, t0, t1, c))
        return 0;
    int seat = seat_of(x, t0, t1);
    if (!yield_gazetteer(x, t0, t1, c)) return 0;
    if (c == NG_NER_ORG) {
        t1 = coordinated_tail(x, t0, t1, end);
        *stop = t1 = extend_body(x, t0, t1, end, &seat);
    }
    if (push_mention(x, t0, t1, sent, MK_NAME, -1)) return NG_ENOMEM;
    x->ms[x->nms - 1].ner = (uint8_t)c;
    x->ms[x->nms - 1].seat = seat;
    type_name(x, &x->ms[x->nms - 1], c);
    part_of_before(x, x->seg.sentences[sent].first, x->nms - 1);
    part_of_known(x, x->nms - 1, end);
    return split_org(x, x->nms - 1);
}

/* "XXI", "II": a number, not a name (folded forms are lower case). */
static int roman_numeral(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!strchr("ivxlcdm", s[i])) return 0;
    return n > 0;
}

/* A name the rules found where the tagger found none stands when none of
 * its words is in the dictionary ("SEBI", "Gujarat"): an unknown
 * capitalised word mid-sentence is a name the model has not seen. Returns
 * the token after it, or t0 when there is none. */
static size_t rule_name(ng_extractor *x, size_t t0, size_t end, uint32_t sent, int *rc)
{
    const ng_ner_token *hint = x->ner_toks;
    const uint8_t *lab = x->ner_labels;
    *rc = 0;
    if (!(hint[t0].rule & NG_NER_RULE_FIRST) || x->headline[sent]) return t0;
    size_t t1 = t0 + 1;
    while (t1 < end && (hint[t1].rule & NG_NER_RULE_IN) && !(hint[t1].rule & NG_NER_RULE_FIRST))
        t1++;
    if (after_opener(x, t0, x->seg.sentences[sent].first)) return t0;
    /* capitalised words, or one acronym ("SEBI"), not codes or addresses */
    for (size_t i = t0; i < t1; i++) {
        uint32_t f = x->toks[i].flags;
        int acronym = (f & NG_TOK_ALLCAPS) && t1 == t0 + 1 && x->toks[i].flen >= 3 &&
                      x->toks[i].flen <= 6 && !roman_numeral(x->toks[i].fold, x->toks[i].flen);
        if (lab[i] || x->toks[i].mention >= 0 || x->toks[i].w->dict == 1) return t0;
        if ((f & NG_TOK_WORD) &&
            (!(f & NG_TOK_UPPER) || (f & NG_TOK_NUM) || ((f & NG_TOK_ALLCAPS) && !acronym)))
            return t0;
        if (!(f & NG_TOK_WORD) && !ng__tok_cue(x, i, NG_CUE_CONNECTOR) && !(f & NG_TOK_HYPHEN))
            return t0;
    }
    if ((*rc = push_mention(x, t0, t1, sent, MK_NAME, -1))) return t0;
    /* typed only by the words around it ("región de …", "el general …"):
     * capitals alone do not make an organisation */
    mention *m = &x->ms[x->nms - 1];
    type_chunk(x, m);
    if (m->strength < 2) {
        m->type = NG_TYPE_ENTITY;
        m->strength = 0;
    }
    return t1;
}

/* A capitalised body word standing alone mid-sentence ("told Parliament",
 * "la Diputación aprobó") names that body even where the tagger missed it.
 * Returns the token after it, or i. */
static size_t body_word(ng_extractor *x, size_t i, size_t end, uint32_t sent, int *rc)
{
    const xtok *k = &x->toks[i];
    *rc = 0;
    if (x->headline[sent] || x->ner_labels[i] || k->mention >= 0 || !is_cap(x, i) ||
        (k->flags & NG_TOK_ALLCAPS) || after_opener(x, i, x->seg.sentences[sent].first) ||
        ng__cue_at(x, NG_CUE_ORG_HEAD, i, end, NULL) != 1)
        return i;
    /* not the first word of a longer name the tagger left alone */
    if (i + 1 < end && is_cap(x, i + 1)) return i;
    if ((*rc = push_mention(x, i, i + 1, sent, MK_NAME, -1))) return i;
    mention *m = &x->ms[x->nms - 1];
    m->type = NG_TYPE_ORGANIZATION;
    m->strength = 2;
    return i + 1;
}

/* In a headline the tagger reads no case, so its name is kept whole only
 * where the body names it ("RED CROSS"); elsewhere it is cut at dictionary
 * words and each piece stands if it is a name by itself: "GALINDO PIDE
 * CALMA" keeps GALINDO, "OCUPAN LAS CAMAS" nothing. */
static int headline_names(ng_extractor *x, size_t t0, size_t t1, size_t end, uint32_t sent,
                          ng_ner_class c)
{
    size_t stop;
    ng_ner_class body = ng__ner_body_name(x, t0, t1);
    if (body) return tagged_name(x, t0, t1, end, sent, body, &stop);
    for (size_t i = t0; i < t1;) {
        while (i < t1 && !headline_name_word(x, i))
            i++;
        size_t j = i;
        while (j < t1 && headline_name_word(x, j))
            j++;
        int word = 0;
        for (size_t k = i; k < j; k++)
            word |= (x->toks[k].flags & NG_TOK_WORD) != 0;
        /* the body knows better than a tagger without case what it is */
        ng_ner_class known = word ? ng__ner_body_name(x, i, j) : NG_NER_O;
        if (word && tagged_name(x, i, j, j, sent, known ? known : c, &stop)) return NG_ENOMEM;
        i = j;
    }
    return 0;
}

/* In a headline, a word after a person's title that the body names as a
 * person is that person even where the tagger, without case, saw none:
 * "…, SAYS DR. OKAFOR" when the body names Helen Okafor. */
static int titled_person(ng_extractor *x, size_t first, size_t i)
{
    if (i == first || x->toks[i].mention >= 0 || !headline_name_word(x, i) ||
        !(x->toks[i].flags & NG_TOK_WORD))
        return 0;
    size_t t = i - 1;
    if (t > first && ng__tok_is(x, t, ".")) t--; /* "DR." in two tokens */
    for (size_t r = first; r <= t; r++) {
        int n = ng__person_role_at(x, r, i);
        if (n && r + (size_t)n >= t + 1) return ng__ner_body_name(x, i, i + 1) == NG_NER_PER;
    }
    return 0;
}

static int ner_pass(ng_extractor *x, const ng_sentence *z, uint32_t sent)
{
    size_t end = z->first + z->count;
    const uint8_t *lab = x->ner_labels;
    for (size_t i = z->first; i < end; i++) {
        int rc;
        size_t r = rule_name(x, i, end, sent, &rc);
        if (!rc && r == i) r = body_word(x, i, end, sent, &rc);
        if (rc) return rc;
        if (r > i) {
            i = r - 1;
            continue;
        }
        if (!lab[i] && x->headline[sent] && titled_person(x, z->first, i)) {
            size_t stop;
            if (tagged_name(x, i, i + 1, i + 1, sent, NG_NER_PER, &stop)) return NG_ENOMEM;
            continue;
        }
        if (!ng_ner_label_begins(lab[i])) continue;
        size_t t0 = i, j = ng_ner_name_end(lab, i, end);
        ng_ner_class c = ng_ner_label_class(lab[i]);
        whole_words(x, z->first, end, &t0, &j);
        size_t tagged_end = j;
        trim_marks(x, &t0, &j);
        if (c == NG_NER_PER) t0 = after_titles(x, t0, j);
        size_t stop = t0 < j ? j : tagged_end; /* a name of marks alone is none */
        if (t0 < j && x->headline[sent]) {
            if (headline_names(x, t0, j, end, sent, c)) return NG_ENOMEM;
        } else if (t0 < j && tagged_name(x, t0, j, end, sent, c, &stop)) {
            return NG_ENOMEM;
        }
        i = stop - 1;
    }
    return 0;
}

/* The tagger reads gazetteer hits, so the gazetteer runs over the article
 * first; its mentions are then found again sentence by sentence beside the
 * tagger's names. */
int ng__gazetteer_mentions(ng_extractor *x, ng_error *err)
{
    for (size_t s = 0; s < x->seg.nsentences; s++)
        if (gaz_pass(x, &x->seg.sentences[s], (uint32_t)s))
            return ng_error_set(err, NG_ENOMEM, "out of memory");
    return 0;
}

static uint8_t rule_class(ng_type t)
{
    switch (t) {
    case NG_TYPE_PERSON:
        return NG_NER_PER;
    case NG_TYPE_ORGANIZATION:
        return NG_NER_ORG;
    case NG_TYPE_COUNTRY:
    case NG_TYPE_CITY:
    case NG_TYPE_REGION:
    case NG_TYPE_PLACE:
        return NG_NER_LOC;
    case NG_TYPE_AGREEMENT:
    case NG_TYPE_EVENT:
        return NG_NER_MISC;
    default:
        return NG_NER_O;
    }
}

/* The rules' name chunks over the gazetteer's mentions, as hints; the
 * mentions and token links are put back as they were. */
int ng__rule_hints(ng_extractor *x, ng_error *err)
{
    ng_ner_token *toks = x->ner_toks;
    size_t n = x->seg.ntokens, nms = x->nms;
    int *kinds = malloc((nms + 1) * sizeof *kinds), *links = malloc((n + 1) * sizeof *links);
    int rc = 0;
    if (!kinds || !links) rc = ng_error_set(err, NG_ENOMEM, "out of memory");
    for (size_t i = 0; !rc && i < nms; i++)
        kinds[i] = x->ms[i].kind;
    for (size_t i = 0; !rc && i < n; i++)
        links[i] = x->toks[i].mention;
    for (size_t s = 0; !rc && s < x->seg.nsentences; s++)
        if (chunk_pass(x, &x->seg.sentences[s], (uint32_t)s))
            rc = ng_error_set(err, NG_ENOMEM, "out of memory");
    for (size_t t = 0; t < n; t++)
        toks[t].rule = 0;
    for (size_t i = nms; !rc && i < x->nms; i++) {
        const mention *m = &x->ms[i];
        for (size_t t = m->t0; t < m->t1; t++)
            toks[t].rule = (uint8_t)(NG_NER_RULE_IN | rule_class(m->type) |
                                     (t == m->t0 ? NG_NER_RULE_FIRST : 0));
    }
    if (!rc) {
        x->nms = nms;
        for (size_t i = 0; i < nms; i++)
            x->ms[i].kind = kinds[i];
        for (size_t i = 0; i < n; i++)
            x->toks[i].mention = links[i];
    }
    free(kinds);
    free(links);
    return rc;
}

static int tagger_mentions(ng_extractor *x, ng_error *err)
{
    int rc = ng__gazetteer_mentions(x, err);
    if (!rc) rc = ng__ner_input(x, err);
    if (!rc) rc = ng__ner_label(x, err);
    if (rc) return rc;
    x->nms = 0;
    for (size_t i = 0; i < x->seg.ntokens; i++)
        x->toks[i].mention = -1;
    for (size_t s = 0; s < x->seg.nsentences; s++) {
        const ng_sentence *z = &x->seg.sentences[s];
        size_t from = x->nms;
        if (gaz_pass(x, z, (uint32_t)s) || ner_pass(x, z, (uint32_t)s))
            return ng_error_set(err, NG_ENOMEM, "out of memory");
        settle_sentence(x, z, from);
    }
    return 0;
}

static int rule_mentions(ng_extractor *x, ng_error *err)
{
    for (size_t s = 0; s < x->seg.nsentences; s++) {
        const ng_sentence *z = &x->seg.sentences[s];
        size_t from = x->nms;
        if (gaz_pass(x, z, (uint32_t)s) || chunk_pass(x, z, (uint32_t)s))
            return ng_error_set(err, NG_ENOMEM, "out of memory");
        settle_sentence(x, z, from);
    }
    return 0;
}

int ng__find_mentions(ng_extractor *x, ng_error *err)
{
    int rc = x->ner ? tagger_mentions(x, err) : rule_mentions(x, err);
    if (rc) return rc;
    for (size_t i = 0; i < x->nms; i++)
        if (entity_for(x, &x->ms[i])) return ng_error_set(err, NG_ENOMEM, "out of memory");
    return 0;
}

/* ---- coreference inside the article --------------------------------------- */

static int word_in(const char *words, const char *w, int first_or_last)
{
    size_t n = strlen(w);
    const char *last = strrchr(words, ' ');
    if (first_or_last) {
        int first = strncmp(words, w, n) == 0 && words[n] == ' ';
        int lst = last && strcmp(last + 1, w) == 0;
        return first || lst;
    }
    return 0;
}

/* Initials of the capitalised words of a name: "Korean Central News Agency" -> "kcna". */
static int initials_match(const ng_extractor *x, const aent *org, const char *acr)
{
    (void)x;
    char ini[32];
    size_t n = 0;
    const char *p = org->name;
    while (*p && n + 1 < sizeof ini) {
        while (*p == ' ')
            p++;
        if (!*p) break;
        if (*p >= 'A' && *p <= 'Z') ini[n++] = (char)(*p + 32);
        while (*p && *p != ' ')
            p++;
    }
    ini[n] = '\0';
    return n >= 2 && strcmp(ini, acr) == 0;
}

/* "Gobierno" and "Gobierno de Colombia" (or "Gobierno colombiano"),
 * "Ministerio de Salud" and "Ministerio de Salud de Perú" in one article:
 * the fuller name starts with the generic one. */
static int fuller_body(const aent *a, const aent *b)
{
    size_t n = strlen(a->fold);
    return !b->body && strncmp(b->fold, a->fold, n) == 0 && b->fold[n] == ' ';
}

int ng__resolve_entities(ng_extractor *x, ng_error *err)
{
    (void)err;
    for (size_t i = 0; i < x->nents; i++) {
        aent *a = &x->ents[i];
        if (a->gaz >= 0 || a->parent >= 0) continue;
        int match = -1, count = 0;
        int acronym = a->nwords == 1 && a->type == NG_TYPE_ORGANIZATION;
        for (size_t j = 0; j < x->nents; j++) {
            aent *b = &x->ents[j];
            if (j == i || b->parent >= 0) continue;
            int hit = 0;
            if (a->nwords == 1 && b->type == NG_TYPE_PERSON && b->nwords >= 2 &&
                (a->type == NG_TYPE_ENTITY || a->type == NG_TYPE_PERSON))
                hit = word_in(b->fold, a->fold, 1);
            else if (acronym && b->type == NG_TYPE_ORGANIZATION && b->nwords >= 2)
                hit = initials_match(x, b, a->fold) || (a->body && fuller_body(a, b));
            else if (a->body && a->nwords > 1 && b->type == NG_TYPE_ORGANIZATION)
                hit = fuller_body(a, b);
            if (hit && match != (int)j) {
                match = (int)j;
                count++;
            }
        }
        if (count == 1) {
            /* "Putin" -> "Vladimir Putin": one candidate only, never a guess */
            a->parent = match;
            aent *b = &x->ents[match];
            if (ng__ent_add_alias(x, match, a->name)) return NG_ENOMEM;
            for (size_t k = 0; k < a->naliases; k++)
                if (ng__ent_add_alias(x, match, a->aliases[k])) return NG_ENOMEM;
            if (b->type == NG_TYPE_ENTITY) b->type = a->type;
        }
    }
    /* mentions point at their resolved entity */
    for (size_t i = 0; i < x->nms; i++)
        x->ms[i].ent = ng__root(x, x->ms[i].ent);
    return 0;
}
