/* Extractor driver: per-article state, token preparation (folding, cached
 * hunspell lemmas) and the extraction result. */
#include "extract_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

const char *ng_modality_name(ng_modality m)
{
    static const char *const names[] = {"asserted", "reported", "future",
                                        "negated",  "hedged",   "past"};
    return (unsigned)m <= NG_MOD_PAST ? names[m] : "asserted";
}

int ng_claim_is_direct(const ng_claim *c)
{
    return (c->modality == NG_MOD_ASSERTED || c->modality == NG_MOD_REPORTED ||
            c->modality == NG_MOD_FUTURE) &&
           strcmp(c->property, NG_UNMAPPED_PROPERTY) != 0;
}

int ng_extractor_new(ng_extractor **out, const ng_ontology *onto, ng_error *err)
{
    ng_extractor *x = calloc(1, sizeof *x);
    if (!x) return ng_error_set(err, NG_ENOMEM, "out of memory");
    x->onto = onto;
    x->pool = ng_pool_new();
    x->ent_by_key = ng_map_new();
    if (!x->pool || !x->ent_by_key) {
        ng_extractor_free(x);
        return ng_error_set(err, NG_ENOMEM, "out of memory");
    }
    *out = x;
    return 0;
}

void ng_extractor_free(ng_extractor *x)
{
    if (!x) return;
    for (int i = 0; i < 2; i++) {
        if (x->langs[i].hun) Hunspell_destroy(x->langs[i].hun);
        ng_map_free(x->langs[i].lemma_cache);
        ng_map_free(x->langs[i].words);
        ng_pool_free(x->langs[i].cache_pool);
    }
    ng_pool_free(x->pool);
    ng_parse_free(x->parse);
    ng_segmentation_free(&x->seg);
    free(x->toks);
    free(x->ms);
    for (size_t i = 0; i < x->ents_cap && x->ents; i++)
        free(x->ents[i].aliases);
    free(x->ents);
    ng_map_free(x->ent_by_key);
    ng_buf_free(&x->scratch);
    free(x->out.entities);
    free(x->out.claims);
    free(x->out.mentions);
    free(x->out.references);
    free(x->sites);
    free(x->whens);
    free(x->qtys);
    ng_ner_tagger_free(x->ner_tagger);
    free(x->ner_toks);
    free(x->ner_labels);
    free(x->headline);
    ng_map_free(x->body_names);
    free(x);
}

/* The language's lexicon, for the segmenter's abbreviations and what comes
 * after it. */
static void select_language(ng_extractor *x, const char *lang)
{
    x->lx = ng__ontology_lexicon(x->onto, lang);
    x->ls = &x->langs[strcmp(lang, "en") == 0];
}

/* Its lemma caches and hunspell, opened when first needed: mention finding
 * needs them, a parse alone does not, and an English-only run never reads
 * the Spanish dictionary. */
static int open_language(ng_extractor *x, const char *lang, ng_error *err)
{
    int li = strcmp(lang, "en") == 0;
    select_language(x, lang);
    lang_state *ls = x->ls;
    if (ls->lemma_cache) return 0;
    ls->lemma_cache = ng_map_new();
    ls->words = ng_map_new();
    ls->cache_pool = ng_pool_new();
    if (!ls->lemma_cache || !ls->words || !ls->cache_pool)
        return ng_error_set(err, NG_ENOMEM, "out of memory");
    FILE *f = fopen(x->lx->dic_dic, "r");
    if (!f)
        return ng_error_set(err, NG_EIO, "%s: hunspell dictionary missing (install hunspell-%s)",
                            x->lx->dic_dic, li ? "en-us" : "es");
    fclose(f);
    ls->hun = Hunspell_create(x->lx->dic_aff, x->lx->dic_dic);
    if (!ls->hun) return ng_error_set(err, NG_ELIB, "%s: hunspell cannot load", x->lx->dic_dic);
    return 0;
}

static int abbrev_cb(void *ud, const char *w, size_t n)
{
    ng_extractor *x = ud;
    x->scratch.len = 0;
    if (ng_fold_append(&x->scratch, w, n)) return 0;
    return ng__cue(x->lx, NG_CUE_ABBREV, x->scratch.data, x->scratch.len) != NULL;
}

/* s[0..n) in lower case, accents kept, into out (NUL-terminated), its
 * first letter in upper case when title is set; its length, 0 when it does
 * not fit. */
static size_t recase(const char *s, size_t n, int title, char *out, size_t cap)
{
    size_t len = 0;
    for (size_t i = 0; i < n;) {
        int32_t cp;
        int l = ng_utf8_decode(s + i, n - i, &cp);
        if (l <= 0) return 0;
        cp = title && i == 0 ? utf8proc_toupper(cp) : ng_utf8_tolower(cp);
        i += (size_t)l;
        if (len + 5 > cap) return 0;
        len += (size_t)utf8proc_encode_char(cp, (utf8proc_uint8_t *)out + len);
    }
    out[len] = '\0';
    return len;
}

/* Lemmas of a lower-case word, cached per folded form. Capitalised words are
 * looked up too: a sentence may start with a verb. */
static const char *lemmas_of(ng_extractor *x, const char *s, size_t n, const char *fold,
                             size_t flen)
{
    lang_state *ls = x->ls;
    char word[128];
    /* "Agradeció" stems like "agradeció", "ANTIBIÓTICOS" like
     * "antibióticos": lower case, but with the accents hunspell needs */
    n = recase(s, n, 0, word, sizeof word);
    if (!n) return NULL;
    /* cached by the word with its accents: "criticó" and "crítico" fold
     * alike but are not one word, and whichever came first must not decide */
    const char *hit = ng_map_get(ls->lemma_cache, word, n);
    if (hit) return *hit ? hit : NULL;
    char **list = NULL;
    int k = Hunspell_stem(ls->hun, &list, word);
    ng_buf b = {0};
    const char *irregular = ng_map_get(x->lx->forms, fold, flen);
    if (irregular) ng_buf_add(&b, irregular, strlen(irregular) + 1);
    for (int i = 0; i < k; i++) {
        if (ng_fold_append(&b, list[i], strlen(list[i])) || ng_buf_addc(&b, '\0')) break;
    }
    if (k > 0) Hunspell_free_list(ls->hun, &list, k);
    ng_buf_addc(&b, '\0');
    char *stored = ng_pool_alloc(ls->cache_pool, b.len ? b.len : 1);
    if (stored) {
        memcpy(stored, b.data ? b.data : "", b.len ? b.len : 1);
        ng_map_put(ls->lemma_cache, word, n, stored);
    }
    ng_buf_free(&b);
    return stored && *stored ? stored : NULL;
}

/* Whether the dictionary has the word only as a name: written with a
 * capital ("Starbucks", "Ginsburg"), never in lower case. */
static int proper_noun(ng_extractor *x, const char *s, size_t n)
{
    char word[128];
    return recase(s, n, 1, word, sizeof word) && Hunspell_spell(x->ls->hun, word) != 0;
}

/* Everything the later stages ask of a word form, looked up once. */
static void describe_word(const ng_lexicon *lx, winfo *w)
{
    w->month = (int)(intptr_t)ng_map_get(lx->months, w->fold, w->flen);
    w->weekday = (int)(intptr_t)ng_map_get(lx->weekdays, w->fold, w->flen);
    w->number = ng_map_get(lx->numbers, w->fold, w->flen);
    w->unit = ng_map_get(lx->units, w->fold, w->flen);
    w->frames = NULL;
    w->frame_lemma = NULL;
    w->speech = (w->cues.one & NG_CUE_BIT(NG_CUE_SPEECH)) != 0;
    for (const char *l = w->lemmas; l && *l; l += strlen(l) + 1) {
        if (!w->frames && (w->frames = ng_map_get(lx->verbs, l, strlen(l)))) w->frame_lemma = l;
        if (!w->speech && ng__cue(lx, NG_CUE_SPEECH, l, strlen(l))) w->speech = 1;
    }
    w->noun_form = 0;
    for (uint32_t n = 3; n <= 6 && n < w->flen && !w->noun_form; n++)
        w->noun_form = ng__cue(lx, NG_CUE_NOUN_SUFFIX, w->fold + w->flen - n, n) != NULL;
}

static const winfo *word_info(ng_extractor *x, const ng_token *t)
{
    lang_state *ls = x->ls;
    const char *s = x->text + t->start;
    size_t n = t->end - t->start;
    const winfo *hit = ng_map_get(ls->words, s, n);
    if (hit) return hit;
    winfo *w = ng_pool_alloc(ls->cache_pool, sizeof *w);
    x->scratch.len = 0;
    if (!w || ng_fold_append(&x->scratch, s, n)) return NULL;
    w->flen = (uint32_t)x->scratch.len;
    w->fold = ng_pool_strndup(ls->cache_pool, x->scratch.data ? x->scratch.data : "", w->flen);
    if (!w->fold) return NULL;
    w->cues = ng__cue_bits(x->lx, w->fold, w->flen);
    w->gaz_child = ng__trie_step(&x->onto->aliases, 0, w->fold, w->flen);
    w->role_child = ng__trie_step(&x->lx->roles, 0, w->fold, w->flen);
    w->lemmas = NULL;
    w->dict = 0;
    if ((t->flags & NG_TOK_WORD) && w->flen > 1) {
        /* capitals ("OCUPAN") are looked up for the entity tagger, but keep
         * no lemmas: an acronym is not the word it spells */
        int stop = (w->cues.one & NG_CUE_BIT(NG_CUE_STOP)) != 0;
        const char *l = stop ? NULL : lemmas_of(x, s, n, w->fold, w->flen);
        w->dict = stop || l ? 1 : proper_noun(x, s, n) ? 2 : 0;
        if (!(t->flags & NG_TOK_ALLCAPS)) w->lemmas = l;
    }
    describe_word(x->lx, w);
    if (ng_map_put(ls->words, s, n, w)) return NULL;
    return w;
}

static int prepare_tokens(ng_extractor *x, ng_error *err)
{
    size_t n = x->seg.ntokens;
    if (NG_GROW(x->toks, x->toks_cap, n + 1)) return ng_error_set(err, NG_ENOMEM, "oom");
    lang_state *ls = x->ls;
    if (ng_map_count(ls->words) > NG_WORD_CACHE_MAX) {
        /* bounded memory on endless streams: start the caches afresh */
        ng_map_clear(ls->words);
        ng_map_clear(ls->lemma_cache);
        ng_pool_reset(ls->cache_pool);
    }
    for (size_t i = 0; i < n; i++) {
        const ng_token *t = &x->seg.tokens[i];
        const winfo *w = word_info(x, t);
        if (!w) return ng_error_set(err, NG_ENOMEM, "out of memory");
        xtok *k = &x->toks[i];
        k->w = w;
        k->fold = w->fold;
        k->flen = w->flen;
        k->lemmas = w->lemmas;
        k->cues = w->cues;
        k->gaz_child = w->gaz_child;
        k->role_child = w->role_child;
        k->flags = t->flags;
        k->mention = -1;
        k->in_role = 0;
        k->in_date = 0;
        k->in_qty = 0;
        if (t->flags & NG_TOK_WORD) x->out.stats.words++;
    }
    x->out.stats.tokens = n;
    return 0;
}

int ng__compared_at(const ng_extractor *x, size_t first, size_t i)
{
    size_t b = i;
    /* "like the Chilean president": a nationality before the role too */
    while (b > first && i - b < 4 &&
           (ng__tok_cue(x, b - 1, NG_CUE_DETERMINER) ||
            ng__tok_cue(x, b - 1, NG_CUE_ROLE_MODIFIER) || x->toks[b - 1].mention >= 0))
        b--;
    for (size_t n = 1; n <= 3 && n <= b - first; n++)
        if (ng__cue_at(x, NG_CUE_COMPARISON, b - n, b, NULL) == (int)n) return 1;
    return 0;
}

int ng__tok_is(const ng_extractor *x, size_t i, const char *folded)
{
    return i < x->seg.ntokens && strcmp(x->toks[i].fold, folded) == 0;
}

int ng__has_lemma(const ng_extractor *x, size_t i, const char *lemma)
{
    if (ng__tok_is(x, i, lemma)) return 1;
    for (const char *l = x->toks[i].lemmas; l && *l; l += strlen(l) + 1)
        if (strcmp(l, lemma) == 0) return 1;
    return 0;
}

int ng__cue_at(const ng_extractor *x, int kind, size_t i, size_t end, void **value)
{
    if (i >= end) return 0;
    ng_cue_bits bits = x->toks[i].cues;
    if (!((bits.one | bits.multi) & NG_CUE_BIT(kind))) return 0;
    int maxw = (bits.multi & NG_CUE_BIT(kind)) ? x->lx->cue_maxwords[kind] : 1;
    char phrase[256];
    for (int w = maxw; w >= 1; w--) {
        if (i + (size_t)w > end) continue;
        size_t len = 0;
        int ok = 1;
        for (int j = 0; j < w && ok; j++) {
            const xtok *t = &x->toks[i + (size_t)j];
            if (len + t->flen + 2 >= sizeof phrase)
                ok = 0;
            else {
                if (j) phrase[len++] = ' ';
                memcpy(phrase + len, t->fold, t->flen);
                len += t->flen;
            }
        }
        if (!ok) continue;
        void *v = ng__cue(x->lx, kind, phrase, len);
        if (v) {
            if (value) *value = v;
            return w;
        }
    }
    return 0;
}

int ng__root(const ng_extractor *x, int ent)
{
    while (ent >= 0 && x->ents[ent].parent >= 0)
        ent = x->ents[ent].parent;
    return ent;
}

static const char *scoped_key(ng_extractor *x, const aent *a)
{
    ng_buf b = {0};
    const char *k = ng_buf_printf(&b, "name:%s %s", a->fold, x->doc_id)
                        ? NULL
                        : ng_pool_strndup(x->pool, b.data, b.len);
    ng_buf_free(&b);
    return k;
}

/* Output index of an article entity, created on first use. */
long ng__output_entity(ng_extractor *x, int ent)
{
    aent *a = &x->ents[ent];
    if (a->used >= 0) return a->used;
    ng_extraction *o = &x->out;
    if (NG_GROW(o->entities, o->entities_cap, o->nentities + 1)) return -1;
    const ng_gaz_entry *g = a->gaz >= 0 ? &x->onto->entries[a->gaz] : NULL;
    ng_entity_view *v = &o->entities[o->nentities];
    memset(v, 0, sizeof *v);
    v->key = a->key;
    /* "Gobierno" alone is this article's government, not every article's:
     * its key, and so its IRI, carries the article */
    if (a->body && x->doc_id && !(v->key = scoped_key(x, a))) return -1;
    v->name = a->name;
    v->type = a->type;
    if (g) {
        v->gaz_id = g->id;
        v->qid = g->qid;
        v->label_en = g->label_en;
        v->label_es = g->label_es;
    }
    a->used = (int)o->nentities++;
    return a->used;
}

static void add_site(claim_site *cs, uint32_t sent, uint32_t anchor)
{
    if (cs->n >= NG_CLAIM_SITES) return;
    cs->sent[cs->n] = sent;
    cs->anchor[cs->n++] = anchor;
}

int ng__add_claim(ng_extractor *x, int sm, int om, const char *property, const char *pattern,
                  uint32_t sent, uint32_t anchor, double confidence)
{
    return ng__add_entity_claim(x, x->ms[sm].ent, x->ms[om].ent, property, pattern, sent, anchor,
                                confidence);
}

int ng__add_entity_claim(ng_extractor *x, int se, int oe, const char *property, const char *pattern,
                         uint32_t sent, uint32_t anchor, double confidence)
{
    int s = ng__root(x, se), o = ng__root(x, oe);
    if (s < 0 || o < 0 || s == o) return 0;
    long si = ng__output_entity(x, s), oi = ng__output_entity(x, o);
    if (si < 0 || oi < 0) return NG_ENOMEM;
    ng_extraction *out = &x->out;
    for (size_t i = 0; i < out->nclaims; i++) {
        const ng_claim *c = &out->claims[i];
        if (c->subject == (size_t)si && c->object == (size_t)oi &&
            strcmp(c->property, property) == 0) {
            add_site(&x->sites[i], sent, anchor); /* one claim per fact and article */
            return 0;
        }
    }
    size_t cap = out->claims_cap;
    if (NG_GROW(out->claims, out->claims_cap, out->nclaims + 1)) return NG_ENOMEM;
    if (NG_GROW(x->sites, x->sites_cap, out->claims_cap)) {
        out->claims_cap = cap;
        return NG_ENOMEM;
    }
    const ng_sentence *z = &x->seg.sentences[sent];
    const char *stext = ng_pool_strndup(x->pool, x->text + z->start, z->end - z->start);
    if (!stext) return NG_ENOMEM;
    ng_claim *c = &out->claims[out->nclaims];
    memset(c, 0, sizeof *c);
    c->subject = (size_t)si;
    c->object = (size_t)oi;
    c->property = property;
    c->pattern = pattern;
    c->speaker = -1;
    c->modality = NG_MOD_ASSERTED;
    c->confidence = confidence;
    c->char_start = z->char_start;
    c->char_end = z->char_end;
    c->sentence = stext;
    x->sites[out->nclaims].n = 0;
    add_site(&x->sites[out->nclaims], sent, anchor);
    out->nclaims++;
    return 0;
}

/* Mentions as offsets into the text, each pointing at its output entity. */
static int build_mentions(ng_extractor *x)
{
    ng_extraction *o = &x->out;
    o->nmentions = 0;
    size_t chars = 0, bytes = 0;
    for (size_t i = 0; i < x->nms; i++) {
        const mention *m = &x->ms[i];
        long e = ng__output_entity(x, ng__root(x, m->ent));
        if (e < 0 || NG_GROW(o->mentions, o->mentions_cap, o->nmentions + 1)) return NG_ENOMEM;
        uint32_t b0 = x->seg.tokens[m->t0].start, b1 = x->seg.tokens[m->t1 - 1].end;
        chars += ng_utf8_count(x->text + bytes, b0 - bytes);
        size_t c0 = chars;
        chars += ng_utf8_count(x->text + b0, b1 - b0);
        bytes = b1;
        o->mentions[o->nmentions++] =
            (ng_mention_view){b0,
                              b1,
                              (uint32_t)c0,
                              (uint32_t)chars,
                              (size_t)e,
                              m->kind == MK_DEMONYM ? NG_MENTION_DEMONYM : NG_MENTION_NAME,
                              (ng_ner_class)m->ner};
    }
    return 0;
}

/* References as offsets into the text, in text order. */
static int build_references(ng_extractor *x)
{
    ng_extraction *o = &x->out;
    o->nreferences = 0;
    size_t n = x->refs ? ng_parse_word_count(x->parse) : 0;
    for (size_t i = 0; i < n; i++) {
        const char *rule = NULL;
        int ms[2] = {ng__reference_of(x, i, &rule), -1}, other;
        if (ms[0] < 0) continue;
        if (ng__reference_pair(x, i, &ms[0], &other)) ms[1] = other; /* "ambos": one view each */
        for (int k = 0; k < 2 && ms[k] >= 0; k++) {
            long e = ng__output_entity(x, ng__root(x, x->ms[ms[k]].ent));
            if (e < 0 || NG_GROW(o->references, o->references_cap, o->nreferences + 1))
                return NG_ENOMEM;
            const ng_word *w = ng_parse_word(x->parse, i);
            o->references[o->nreferences++] =
                (ng_reference_view){w->byte_start, w->byte_end,   w->char_start, w->char_end,
                                    (size_t)e,     (size_t)ms[k], rule};
        }
    }
    return 0;
}

/* Confidence: the pattern's prior, adjusted by the evidence around it. A
 * fact read more than once, or between entities the gazetteer knows, is
 * surer; a hedged one is less sure. */
static void score_claims(ng_extractor *x)
{
    for (size_t i = 0; i < x->out.nclaims; i++) {
        ng_claim *c = &x->out.claims[i];
        double p = c->confidence;
        p += 0.05 * (x->sites[i].n - 1);
        if (x->out.entities[c->subject].gaz_id && x->out.entities[c->object].gaz_id) p += 0.05;
        if (c->modality == NG_MOD_HEDGED) p *= 0.6;
        c->confidence = p > 0.99 ? 0.99 : p < 0.05 ? 0.05 : p;
    }
}

static int build_output(ng_extractor *x, ng_error *err)
{
    /* every mentioned entity is part of the graph, related or not */
    for (size_t i = 0; i < x->nents; i++)
        if (x->ents[i].parent < 0 && ng__output_entity(x, (int)i) < 0)
            return ng_error_set(err, NG_ENOMEM, "oom");
    for (size_t i = 0; i < x->nents; i++) {
        aent *a = &x->ents[i];
        if (a->parent >= 0 || a->used < 0) continue;
        ng_entity_view *v = &x->out.entities[a->used];
        v->aliases = a->aliases;
        v->naliases = a->naliases;
        v->type = a->type;
        v->name = a->name;
    }
    return 0;
}

int ng_extractor_set_models(ng_extractor *x, ng_models *ms, ng_error *err)
{
    if (ms && !x->parse) {
        int rc = ng_parse_new(&x->parse, err);
        if (rc) return rc;
    }
    x->models = ms;
    return 0;
}

int ng_extractor_set_entity_models(ng_extractor *x, ng_ner_models *ms, ng_error *err)
{
    (void)err;
    x->ner_models = ms;
    return 0;
}

/* The entity model of the article's language, when there are entity models. */
static int select_entity_model(ng_extractor *x, ng_error *err)
{
    x->ner = NULL;
    if (!x->ner_models) return 0;
    return ng_ner_models_get(x->ner_models, x->out.lang, &x->ner, err);
}

/* The parse stage: after the segmenter, before mention finding. */
static int parse_article(ng_extractor *x, const char *lang, ng_error *err)
{
    x->parsed = 0;
    if (!x->models) return 0;
    const ng_model *m;
    int rc = ng_models_get(x->models, lang, &m, err);
    if (!rc) rc = ng_parse_text(x->parse, m, x->text, &x->seg, err);
    x->parsed = rc == 0;
    return rc;
}

/* Language and tokens of an article, and its parse when there are models. */
static int segment_article(ng_extractor *x, const ng_document *doc, const char *lang, ng_error *err)
{
    int rc;
    x->text = ng_document_text(doc, &x->len);
    x->doc_id = ng_document_id(doc);
    if (!lang) lang = ng_document_lang(doc);
    if (!lang) lang = ng_ontology_detect_language(x->onto, x->text, x->len);
    lang = strcmp(lang, "en") == 0 ? "en" : "es";
    x->out.lang = lang;
    select_language(x, lang);
    if ((rc = ng_segment(&x->seg, x->text, x->len, abbrev_cb, x, err))) return rc;
    x->out.stats.sentences = x->seg.nsentences;
    return parse_article(x, lang, err);
}

static void reset_article(ng_extractor *x)
{
    ng_pool_reset(x->pool);
    ng_map_clear(x->ent_by_key);
    for (size_t i = 0; i < x->nents; i++)
        x->ents[i].naliases = 0;
    x->nms = x->nents = 0;
    memset(&x->out.stats, 0, sizeof x->out.stats);
    x->out.nentities = x->out.nclaims = x->out.nmentions = x->out.nreferences = 0;
    x->refs = NULL;
    x->out.date = NULL;
    x->parsed = 0;
    x->ner = NULL;
}

int ng_extract_parse(ng_extractor *x, const ng_document *doc, const char *lang,
                     const ng_extraction **out, ng_error *err)
{
    if (!x->models) return ng_error_set(err, NG_EINVAL, "no models to parse with");
    reset_article(x);
    int rc = segment_article(x, doc, lang, err);
    if (rc) return rc;
    x->out.stats.tokens = x->seg.ntokens;
    x->out.stats.words = ng_parse_word_count(x->parse);
    x->out.owner = x;
    *out = &x->out;
    return 0;
}

int ng_extract_entity_input(ng_extractor *x, const ng_document *doc, const char *lang,
                            ng_entity_input *out, ng_error *err)
{
    int rc;
    reset_article(x);
    if ((rc = segment_article(x, doc, lang, err))) return rc;
    if ((rc = open_language(x, x->out.lang, err))) return rc;
    if ((rc = prepare_tokens(x, err))) return rc;
    if ((rc = ng__gazetteer_mentions(x, err))) return rc;
    if ((rc = ng__ner_input(x, err))) return rc;
    out->tokens = x->ner_toks;
    out->ntokens = x->seg.ntokens;
    out->seg = &x->seg;
    out->headline = x->headline;
    return 0;
}

const ng_segmentation *ng_extraction_segmentation(const ng_extraction *e)
{
    return &e->owner->seg;
}

const uint8_t *ng_extraction_tagger_labels(const ng_extraction *e)
{
    return e->owner->ner ? e->owner->ner_labels : NULL;
}

const ng_parse *ng_extraction_parse(const ng_extraction *e)
{
    return e->owner->parsed ? e->owner->parse : NULL;
}

int ng_extract(ng_extractor *x, const ng_document *doc, const char *lang, const ng_extraction **out,
               ng_error *err)
{
    int rc;
    reset_article(x);
    if ((rc = segment_article(x, doc, lang, err))) return rc;
    if ((rc = open_language(x, x->out.lang, err))) return rc;
    if ((rc = select_entity_model(x, err))) return rc;
    if ((rc = prepare_tokens(x, err))) return rc;
    if ((rc = ng__find_dates(x, ng_document_date(doc), err))) return rc;
    if ((rc = ng__find_quantities(x, err))) return rc;
    if ((rc = ng__find_mentions(x, err))) return rc;
    if ((rc = ng__resolve_entities(x, err))) return rc;
    if ((rc = ng__resolve_references(x, err))) return rc;
    if ((rc = ng__find_relations(x, err))) return rc;
    ng__qualify_claims(x);
    if ((rc = build_output(x, err))) return rc;
    score_claims(x);
    if (build_mentions(x) || build_references(x))
        return ng_error_set(err, NG_ENOMEM, "out of memory");
    x->out.stats.mentions = x->nms;
    x->out.owner = x;
    *out = &x->out;
    return 0;
}

size_t ng_extraction_entity_count(const ng_extraction *e)
{
    return e->nentities;
}
const ng_entity_view *ng_extraction_entity(const ng_extraction *e, size_t i)
{
    return i < e->nentities ? &e->entities[i] : NULL;
}
size_t ng_extraction_claim_count(const ng_extraction *e)
{
    return e->nclaims;
}
const ng_claim *ng_extraction_claim(const ng_extraction *e, size_t i)
{
    return i < e->nclaims ? &e->claims[i] : NULL;
}
const char *ng_extraction_lang(const ng_extraction *e)
{
    return e->lang;
}
size_t ng_extraction_mention_count(const ng_extraction *e)
{
    return e->nmentions;
}
size_t ng_extraction_reference_count(const ng_extraction *e)
{
    return e->nreferences;
}

const ng_reference_view *ng_extraction_reference(const ng_extraction *e, size_t i)
{
    return i < e->nreferences ? &e->references[i] : NULL;
}

const ng_mention_view *ng_extraction_mention(const ng_extraction *e, size_t i)
{
    return i < e->nmentions ? &e->mentions[i] : NULL;
}
const char *ng_extraction_date(const ng_extraction *e)
{
    return e->date;
}
ng_extract_stats ng_extraction_stats(const ng_extraction *e)
{
    return e->stats;
}
