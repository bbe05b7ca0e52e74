/* CoNLL-U out: a parse of raw text (with token ranges into the article), or
 * a treebank re-parsed on its own words so that any scorer can compare it
 * with the gold file line by line. */
#include <stdlib.h>
#include <string.h>

#include "parse_int.h"

static void put_text(FILE *out, const char *s, size_t n)
{
    /* a comment is one line: line breaks and tabs inside a sentence become spaces */
    for (size_t i = 0; i < n; i++)
        fputc(s[i] == '\n' || s[i] == '\r' || s[i] == '\t' ? ' ' : s[i], out);
}

static void put_field(FILE *out, const char *s)
{
    if (!s || !*s) {
        fputc('_', out);
        return;
    }
    for (; *s; s++)
        fputc(*s == '\t' || *s == '\n' || *s == '\r' ? ' ' : *s, out);
}

static void put_word(FILE *out, size_t id, const ng_word *w, const char *misc)
{
    fprintf(out, "%zu\t", id);
    put_field(out, w->form);
    fputc('\t', out);
    put_field(out, w->lemma);
    fprintf(out, "\t%s\t_\t%s\t%u\t%s\t_\t", ng_upos_name(w->upos), w->feats, w->head, w->deprel);
    put_field(out, misc);
    fputc('\n', out);
}

static void token_misc(char *misc, size_t cap, const ng_word *first, const ng_word *last,
                       int ranges)
{
    misc[0] = '\0';
    if (ranges) snprintf(misc, cap, "TokenRange=%u:%u", first->char_start, last->char_end);
    if (last->no_space) {
        size_t l = strlen(misc);
        snprintf(misc + l, cap - l, "%sSpaceAfter=No", l ? "|" : "");
    }
}

static void write_sentence(const ng_parse *p, const ng_parse_sentence *ps, const char *text,
                           const ng_segmentation *seg, FILE *out)
{
    char misc[96];
    const ng_word *w = &p->words[ps->first];
    if (text && seg && ps->count) {
        /* the text its words cover: a sentence parsed in parts has one per part */
        const ng_word *last = &w[ps->count - 1];
        fputs("# text = ", out);
        put_text(out, text + w->byte_start, last->byte_end - w->byte_start);
        fputc('\n', out);
    }
    for (size_t i = 0; i < ps->count;) {
        size_t j = i + 1;
        while (j < ps->count && w[j].token == w[i].token)
            j++;
        if (j - i > 1) {
            token_misc(misc, sizeof misc, &w[i], &w[j - 1], text != NULL);
            fprintf(out, "%zu-%zu\t", i + 1, j);
            if (text)
                put_text(out, text + w[i].byte_start, w[j - 1].byte_end - w[i].byte_start);
            else
                fputc('_', out);
            fprintf(out, "\t_\t_\t_\t_\t_\t_\t_\t%s\n", misc[0] ? misc : "_");
            for (size_t k = i; k < j; k++)
                put_word(out, k + 1, &w[k], NULL);
        } else {
            token_misc(misc, sizeof misc, &w[i], &w[i], text != NULL);
            put_word(out, i + 1, &w[i], misc);
        }
        i = j;
    }
    fputc('\n', out);
}

int ng_parse_write_conllu(const ng_parse *p, const char *text, const ng_segmentation *seg,
                          const char *sent_prefix, FILE *out, ng_error *err)
{
    for (size_t s = 0; s < p->nsents; s++) {
        fprintf(out, "# sent_id = %s%s%zu\n", sent_prefix ? sent_prefix : "",
                sent_prefix && *sent_prefix ? "-" : "", s + 1);
        write_sentence(p, &p->sents[s], text, seg, out);
    }
    if (ferror(out)) return ng_error_set(err, NG_EIO, "write error");
    return 0;
}

/* ---- a treebank re-parsed ------------------------------------------------------ */

static void write_reparsed(const ng_csent *cs, const ng_parse *p, FILE *out)
{
    size_t line = 0;
    for (size_t i = 0; i < cs->n; i++) {
        for (; line < cs->nlines && cs->lines[line].before <= i; line++)
            fprintf(out, "%s\n", cs->lines[line].text);
        const ng_word *w = ng_parse_word(p, i);
        put_word(out, i + 1, w, strcmp(cs->words[i].misc, "_") ? cs->words[i].misc : NULL);
    }
    for (; line < cs->nlines; line++)
        fprintf(out, "%s\n", cs->lines[line].text);
    fputc('\n', out);
}

int ng_parse_conllu(const ng_model *m, const char *path, FILE *out, ng_error *err)
{
    ng_treebank tb = {0};
    ng_parse *p = NULL;
    const char **forms = NULL;
    size_t forms_cap = 0;
    int rc = ng_treebank_read(&tb, path, err);
    if (!rc) rc = ng_parse_new(&p, err);
    for (size_t s = 0; !rc && s < tb.n; s++) {
        const ng_csent *cs = &tb.sents[s];
        if (NG_GROW(forms, forms_cap, cs->n)) {
            rc = ng_error_set(err, NG_ENOMEM, "out of memory");
            break;
        }
        for (size_t i = 0; i < cs->n; i++)
            forms[i] = cs->words[i].form;
        ng_parse_reset(p);
        rc = ng_parse_words(p, m, forms, cs->n, err);
        if (!rc) write_reparsed(cs, p, out);
    }
    if (!rc && ferror(out)) rc = ng_error_set(err, NG_EIO, "write error");
    free(forms);
    ng_parse_free(p);
    ng_treebank_free(&tb);
    return rc;
}
