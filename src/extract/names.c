/* Names by the trained entity tagger: what it is shown of each token (form,
 * part of speech, gazetteer hits, dictionary), which lines are headlines,
 * and the labels it gives.
 *
 * A headline (an ALL-CAPS line, or a Title Case line standing alone) has no
 * case to tell names from words, so it is tagged without case, and the
 * names found there are kept only where the gazetteer, the body of the
 * article or the absence of dictionary words backs them. */
#include "extract_int.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static uint8_t gaz_bits(const ng_extractor *x, size_t i)
{
    int m = x->toks[i].mention;
    if (m < 0 || x->ms[m].gaz < 0)
        return ng_map_get(x->onto->given_names, x->toks[i].fold, x->toks[i].flen) ? NG_NER_GAZ_GIVEN
                                                                                  : 0;
    const mention *mm = &x->ms[m];
    if (mm->kind == MK_DEMONYM) return 0;
    uint8_t first = mm->t0 == i ? NG_NER_GAZ_FIRST : 0;
    switch (x->onto->entries[mm->gaz].type) {
    case NG_TYPE_PERSON:
        return first | NG_NER_GAZ_PER;
    case NG_TYPE_ORGANIZATION:
        return first | NG_NER_GAZ_ORG;
    case NG_TYPE_COUNTRY:
    case NG_TYPE_CITY:
    case NG_TYPE_REGION:
    case NG_TYPE_PLACE:
        return first | NG_NER_GAZ_LOC;
    default:
        return first | NG_NER_GAZ_MISC;
    }
}

/* The part of speech of each token: that of its first word. */
/* The part of speech of each token, its relation and its head's lemma:
 * those of its first word. */
static void token_tags(ng_extractor *x)
{
    for (size_t i = 0; i < x->seg.ntokens; i++) {
        x->ner_toks[i].upos = NG_UPOS_X;
        x->ner_toks[i].deprel = x->ner_toks[i].head = NULL;
        x->ner_toks[i].cls = 0;
    }
    if (!x->parsed) return;
    const ng_parse *p = x->parse;
    size_t last = (size_t)-1;
    for (size_t w = 0; w < ng_parse_word_count(p); w++) {
        const ng_word *wd = ng_parse_word(p, w);
        if (wd->token == last || wd->token >= x->seg.ntokens) continue;
        last = wd->token;
        ng_ner_token *k = &x->ner_toks[wd->token];
        k->upos = (uint8_t)wd->upos;
        k->deprel = wd->deprel;
        k->cls = wd->cls;
        const ng_parse_sentence *ps = ng_parse_sentence_at(p, wd->sentence);
        k->head = wd->head ? ng_parse_word(p, ps->first + wd->head - 1)->lemma : "<root>";
    }
}

/* Whether the sentence fills its line: nothing but space between it and
 * the line breaks (or the ends of the text) around it. */
static int line_alone(const ng_extractor *x, const ng_sentence *z)
{
    for (size_t i = z->start; i-- > 0 && x->text[i] != '\n';)
        if (x->text[i] != ' ' && x->text[i] != '\t') return 0;
    for (size_t i = z->end; i < x->len && x->text[i] != '\n' && x->text[i] != '\r'; i++)
        if (x->text[i] != ' ' && x->text[i] != '\t') return 0;
    return 1;
}

static int is_headline(const ng_extractor *x, const ng_sentence *z)
{
    size_t words = 0, allcaps = 0, longw = 0, longcap = 0;
    for (size_t i = z->first; i < z->first + z->count; i++) {
        uint32_t f = x->toks[i].flags;
        if (!(f & NG_TOK_WORD)) continue;
        words++;
        allcaps += (f & NG_TOK_ALLCAPS) != 0;
        if (x->toks[i].flen >= 4) {
            longw++;
            longcap += (f & (NG_TOK_UPPER | NG_TOK_ALLCAPS)) != 0;
        }
    }
    if (words >= 2 && allcaps * 4 >= words * 3) return 1;
    /* Title Case: nearly every longer word capitalised, on a line of its own
     * without a full stop */
    size_t lastt = z->first + z->count - 1;
    int stop = z->count && (x->toks[lastt].flags & NG_TOK_PUNCT) &&
               x->text[x->seg.tokens[lastt].start] == '.';
    return words >= 3 && longw >= 3 && longcap * 10 >= longw * 8 && !stop && line_alone(x, z);
}

int ng__ner_input(ng_extractor *x, ng_error *err)
{
    size_t n = x->seg.ntokens, ns = x->seg.nsentences;
    if (NG_GROW(x->ner_toks, x->ner_cap, n + 1) || NG_GROW(x->headline, x->headline_cap, ns + 1))
        return ng_error_set(err, NG_ENOMEM, "out of memory");
    int rc = ng__rule_hints(x, err);
    if (rc) return rc;
    token_tags(x);
    for (size_t i = 0; i < n; i++) {
        const ng_token *t = &x->seg.tokens[i];
        ng_ner_token *k = &x->ner_toks[i];
        k->form = x->text + t->start;
        k->len = t->end - t->start;
        k->gaz = gaz_bits(x, i);
        k->dict = x->toks[i].w->dict;
    }
    for (size_t s = 0; s < ns; s++)
        x->headline[s] = (uint8_t)is_headline(x, &x->seg.sentences[s]);
    return 0;
}

/* The folded words of tokens [t0, t1), one space apart, into scratch. */
static int fold_span(ng_extractor *x, size_t t0, size_t t1)
{
    ng_buf *b = &x->scratch;
    b->len = 0;
    for (size_t i = t0; i < t1; i++)
        if ((b->len && ng_buf_addc(b, ' ')) || ng_buf_add(b, x->toks[i].fold, x->toks[i].flen))
            return NG_ENOMEM;
    return 0;
}

/* A name of the body is remembered whole and, for a person, by its last
 * word (a headline says "ZAPATERO" for José Luis Rodríguez Zapatero). */
static int remember_name(ng_extractor *x, size_t t0, size_t t1, ng_ner_class c)
{
    void *v = (void *)(intptr_t)(c + 1);
    if (fold_span(x, t0, t1) || ng_map_put(x->body_names, x->scratch.data, x->scratch.len, v))
        return NG_ENOMEM;
    if (c != NG_NER_PER || t1 - t0 < 2) return 0;
    const xtok *k = &x->toks[t1 - 1];
    return ng_map_put(x->body_names, k->fold, k->flen, v) ? NG_ENOMEM : 0;
}

ng_ner_class ng__ner_body_name(ng_extractor *x, size_t t0, size_t t1)
{
    if (fold_span(x, t0, t1)) return NG_NER_O;
    void *v = ng_map_get(x->body_names, x->scratch.data ? x->scratch.data : "", x->scratch.len);
    return v ? (ng_ner_class)((intptr_t)v - 1) : NG_NER_O;
}

static int remember_body(ng_extractor *x, const ng_sentence *z)
{
    size_t end = z->first + z->count;
    for (size_t i = z->first; i < end; i++) {
        uint8_t l = x->ner_labels[i];
        if (!ng_ner_label_begins(l)) continue;
        size_t j = ng_ner_name_end(x->ner_labels, i, end);
        if (remember_name(x, i, j, ng_ner_label_class(l))) return NG_ENOMEM;
        i = j - 1;
    }
    return 0;
}

int ng__ner_label(ng_extractor *x, ng_error *err)
{
    size_t n = x->seg.ntokens;
    uint8_t *labels = realloc(x->ner_labels, n + 1);
    if (!labels) return ng_error_set(err, NG_ENOMEM, "out of memory");
    x->ner_labels = labels;
    /* tokens between sentences (line breaks) are O too */
    memset(labels, 0, n + 1);
    if (!x->ner_tagger && ng_ner_tagger_new(&x->ner_tagger, err)) return NG_ENOMEM;
    if (!x->body_names && !(x->body_names = ng_map_new()))
        return ng_error_set(err, NG_ENOMEM, "out of memory");
    ng_map_clear(x->body_names);
    for (size_t s = 0; s < x->seg.nsentences; s++) {
        const ng_sentence *z = &x->seg.sentences[s];
        int rc = ng_ner_tag(x->ner_tagger, x->ner, x->ner_toks + z->first, z->count, x->headline[s],
                            labels + z->first, err);
        if (rc) return rc;
        if (!x->headline[s] && remember_body(x, z))
            return ng_error_set(err, NG_ENOMEM, "out of memory");
    }
    return 0;
}
