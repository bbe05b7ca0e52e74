/* Dates: absolute ("26 de abril de 2025", "April 26, 2025", "junio de 2024"),
 * relative to the article date ("este lunes", "ayer", "on Tuesday", "last
 * month", "en octubre", "junio pasado") and ranges ("desde agosto de 2024").
 * Month and weekday names come from CLDR (ontology/cldr.c); the words around
 * them from cues.tsv. Relative dates are resolved only when the article has a
 * date (metadata, --date, or a dateline read here). */
#include "extract_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Days since 1970-01-01 of a civil date, and back (proleptic Gregorian). */
static long days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static void civil_from_days(long z, int *y, int *m, int *d)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*m <= 2));
}

static int is_cue_tok(const ng_extractor *x, size_t i, int kind)
{
    return i < x->seg.ntokens && ng__tok_cue(x, i, kind);
}

/* An integer token without separators, or -1. */
static long int_at(const ng_extractor *x, size_t i)
{
    if (i >= x->seg.ntokens || !(x->toks[i].flags & NG_TOK_NUM)) return -1;
    const ng_token *t = &x->seg.tokens[i];
    long v = 0;
    for (uint32_t k = t->start; k < t->end; k++) {
        char c = x->text[k];
        if (c < '0' || c > '9' || v > 100000) return -1;
        v = v * 10 + (c - '0');
    }
    return v;
}

static int year_at(const ng_extractor *x, size_t i)
{
    long v = int_at(x, i);
    return v >= 1800 && v <= 2200 && x->seg.tokens[i].end - x->seg.tokens[i].start == 4 ? (int)v
                                                                                        : 0;
}

/* Month name at i: 1..12, 0 if none. Abbreviations only when strict. The
 * case a month is written in tells it from a name or a modal ("Mayo", "may"). */
static int month_at(const ng_extractor *x, size_t i, int strict)
{
    if (i >= x->seg.ntokens) return 0;
    const xtok *k = &x->toks[i];
    int v = k->w->month;
    if (!v || (v > 100 && !strict)) return 0;
    int en = strcmp(x->lx->lang, "en") == 0;
    if (en && !(k->flags & NG_TOK_UPPER)) return 0;
    return (int)(v > 100 ? v - 100 : v);
}

static int weekday_at(const ng_extractor *x, size_t i)
{
    if (i >= x->seg.ntokens) return 0;
    const xtok *k = &x->toks[i];
    int en = strcmp(x->lx->lang, "en") == 0;
    if (en && !(k->flags & NG_TOK_UPPER)) return 0;
    return k->w->weekday;
}

static int tok_is_any(const ng_extractor *x, size_t i, const char *a, const char *b)
{
    return ng__tok_is(x, i, a) || (b && ng__tok_is(x, i, b));
}

typedef struct found {
    size_t t1;
    int y, m, d;
    ng_when_kind kind;
} found;

/* Absolute dates starting at i. */
static int absolute_at(const ng_extractor *x, size_t i, size_t end, found *f)
{
    long day = int_at(x, i);
    size_t j;
    int m, y;
    /* 26 de abril [de 2025] | 26 April [2025] */
    if (day >= 1 && day <= 31) {
        j = i + 1;
        if (tok_is_any(x, j, "de", NULL)) j++;
        if (j < end && (m = month_at(x, j, 1))) {
            j++;
            size_t k = tok_is_any(x, j, "de", "del") ? j + 1 : j;
            if (k < end && (y = year_at(x, k))) {
                *f = (found){k + 1, y, m, (int)day, NG_WHEN_DATE};
                return 1;
            }
            *f = (found){j, 0, m, (int)day, NG_WHEN_DATE}; /* year from the article */
            return 1;
        }
    }
    if (!(m = month_at(x, i, 1))) return 0;
    j = i + 1;
    /* April 26[,] [2025] */
    day = int_at(x, j);
    if (day >= 1 && day <= 31) {
        size_t k = j + 1;
        if (tok_is_any(x, k, ",", NULL)) k++;
        if (k < end && (y = year_at(x, k))) {
            *f = (found){k + 1, y, m, (int)day, NG_WHEN_DATE};
            return 1;
        }
        *f = (found){j + 1, 0, m, (int)day, NG_WHEN_DATE};
        return 1;
    }
    /* junio de 2024 | June 2024 */
    size_t k = tok_is_any(x, j, "de", "del") ? j + 1 : j;
    if (k < end && (y = year_at(x, k))) {
        *f = (found){k + 1, y, m, 0, NG_WHEN_YEAR_MONTH};
        return 1;
    }
    return 0;
}

/* Year of the most recent (or, looking ahead, next) given month. */
static int infer_year(const ng_extractor *x, int month, int ahead)
{
    if (!x->year) return 0;
    if (ahead) return month > x->month ? x->year : x->year + 1;
    return month <= x->month ? x->year : x->year - 1;
}

static int relative_at(const ng_extractor *x, size_t i, size_t end, found *f)
{
    if (!x->year) return 0;
    long today = days_from_civil(x->year, x->month, x->day);
    int wd, m;
    size_t j = i;
    int last = 0, next = 0, this_ = 0;
    if (is_cue_tok(x, j, NG_CUE_DATE_LAST))
        last = 1, j++;
    else if (is_cue_tok(x, j, NG_CUE_DATE_NEXT))
        next = 1, j++;
    else if (is_cue_tok(x, j, NG_CUE_DATE_THIS))
        this_ = 1, j++;
    if (j >= end) return 0;
    int offset = is_cue_tok(x, j, NG_CUE_DATE_YESTERDAY)                                    ? -1
                 : is_cue_tok(x, j, NG_CUE_DATE_TODAY)                                      ? 0
                 : is_cue_tok(x, j, NG_CUE_DATE_TOMORROW) && strcmp(x->lx->lang, "en") == 0 ? 1
                                                                                            : 99;
    if (offset != 99 && j == i) {
        civil_from_days(today + offset, &f->y, &f->m, &f->d);
        f->t1 = j + 1;
        f->kind = NG_WHEN_DATE;
        return 1;
    }
    if ((wd = weekday_at(x, j))) {
        /* el sábado / este lunes / on Tuesday: the latest such day up to the
         * article's (news tells what happened); "próximo" looks ahead */
        int today_wd = (int)((today % 7 + 7 + 4) % 7) + 1; /* 1970-01-01 was a Thursday */
        long delta = next ? ((wd - today_wd + 7) % 7 ? (wd - today_wd + 7) % 7 : 7)
                          : -(long)((today_wd - wd + 7) % 7);
        if (last && delta == 0) delta = -7;
        civil_from_days(today + delta, &f->y, &f->m, &f->d);
        f->t1 = j + 1;
        if (j + 1 < end && (last = is_cue_tok(x, j + 1, NG_CUE_DATE_LAST))) f->t1++;
        f->kind = NG_WHEN_DATE;
        return 1;
    }
    /* el mes pasado / last month / este año */
    int word_month = is_cue_tok(x, j, NG_CUE_DATE_MONTH_WORD);
    int word_year = is_cue_tok(x, j, NG_CUE_DATE_YEAR_WORD);
    if (word_month || word_year) {
        size_t k = j + 1;
        if (!last && !next && !this_ && k < end) {
            if (is_cue_tok(x, k, NG_CUE_DATE_LAST))
                last = 1, k++;
            else if (is_cue_tok(x, k, NG_CUE_DATE_NEXT))
                next = 1, k++;
        }
        if (!last && !next && !this_) return 0;
        int step = last ? -1 : next ? 1 : 0;
        f->t1 = k;
        if (word_year) {
            f->y = x->year + step;
            f->kind = NG_WHEN_YEAR;
        } else {
            int mm = x->month + step;
            f->y = x->year + (mm < 1 ? -1 : mm > 12 ? 1 : 0);
            f->m = mm < 1 ? 12 : mm > 12 ? 1 : mm;
            f->kind = NG_WHEN_YEAR_MONTH;
        }
        return 1;
    }
    /* en octubre / junio pasado / in October / last June */
    if ((m = month_at(x, j, 0))) {
        size_t k = j + 1;
        int after_last = k < end && is_cue_tok(x, k, NG_CUE_DATE_LAST);
        int after_next = k < end && is_cue_tok(x, k, NG_CUE_DATE_NEXT);
        int prep =
            j > 0 && (tok_is_any(x, j - 1, "en", "in") || is_cue_tok(x, j - 1, NG_CUE_DATE_SINCE) ||
                      is_cue_tok(x, j - 1, NG_CUE_DATE_UNTIL));
        if (!(last || next || this_ || after_last || after_next || prep)) return 0;
        f->y = infer_year(x, m, next || after_next);
        if (last || after_last) f->y = m < x->month ? x->year : x->year - 1;
        f->m = m;
        f->t1 = k + (after_last || after_next);
        f->kind = NG_WHEN_YEAR_MONTH;
        return f->y > 0;
    }
    return 0;
}

static int push_when(ng_extractor *x, uint32_t t0, uint32_t sent, const found *f, ng_when_rel rel)
{
    if (NG_GROW(x->whens, x->whens_cap, x->nwhens + 1)) return NG_ENOMEM;
    when_mention *w = &x->whens[x->nwhens++];
    w->t0 = t0;
    w->t1 = (uint32_t)f->t1;
    w->sent = sent;
    w->when.kind = f->kind;
    w->when.rel = rel;
    if (f->kind == NG_WHEN_MONTH_DAY)
        snprintf(w->when.value, sizeof w->when.value, "--%02d-%02d", f->m, f->d);
    else if (f->kind == NG_WHEN_MONTH)
        snprintf(w->when.value, sizeof w->when.value, "--%02d", f->m);
    else if (f->kind == NG_WHEN_DATE)
        snprintf(w->when.value, sizeof w->when.value, "%04d-%02d-%02d", f->y, f->m, f->d);
    else if (f->kind == NG_WHEN_YEAR_MONTH)
        snprintf(w->when.value, sizeof w->when.value, "%04d-%02d", f->y, f->m);
    else
        snprintf(w->when.value, sizeof w->when.value, "%04d", f->y);
    return 0;
}

/* "en octubre" with no article date to place it: the month alone. */
static int month_alone(const ng_extractor *x, size_t i, size_t end, found *f)
{
    int m = month_at(x, i, 0);
    (void)end;
    if (!m || x->year || i == 0 ||
        !(tok_is_any(x, i - 1, "en", "in") || is_cue_tok(x, i - 1, NG_CUE_DATE_SINCE) ||
          is_cue_tok(x, i - 1, NG_CUE_DATE_UNTIL)))
        return 0;
    *f = (found){i + 1, 0, m, 0, NG_WHEN_MONTH};
    return 1;
}

/* A bare year only after a preposition ("en 2023", "since 2019"). */
static int year_alone(const ng_extractor *x, size_t i, found *f)
{
    int y = year_at(x, i);
    if (!y || i == 0) return 0;
    if (!(tok_is_any(x, i - 1, "en", "in") || ng__tok_is(x, i - 1, "del") ||
          is_cue_tok(x, i - 1, NG_CUE_DATE_SINCE) || is_cue_tok(x, i - 1, NG_CUE_DATE_UNTIL)))
        return 0;
    *f = (found){i + 1, y, 0, 0, NG_WHEN_YEAR};
    return 1;
}

/* A dateline: a full date at the very start of one of the opening sentences
 * ("MADRID, 14 de marzo de 2025.") names the article's day; a date inside a
 * sentence tells when something happened, not when it was written. */
static void read_dateline(ng_extractor *x)
{
    size_t nsent = x->seg.nsentences < 3 ? x->seg.nsentences : 3;
    for (size_t s = 0; s < nsent; s++) {
        const ng_sentence *z = &x->seg.sentences[s];
        size_t end = z->first + z->count, lead = z->first + 6 < end ? z->first + 6 : end;
        for (size_t i = z->first; i < lead; i++) {
            found f;
            if (!absolute_at(x, i, end, &f) || f.kind != NG_WHEN_DATE || !f.y) continue;
            x->year = f.y, x->month = f.m, x->day = f.d;
            snprintf(x->date_buf, sizeof x->date_buf, "%04d-%02d-%02d", f.y, f.m, f.d);
            x->out.date = x->date_buf;
            return;
        }
    }
}

static void set_article_date(ng_extractor *x, const char *date)
{
    x->year = x->month = x->day = 0;
    x->out.date = NULL;
    if (date && sscanf(date, "%4d-%2d-%2d", &x->year, &x->month, &x->day) == 3) {
        snprintf(x->date_buf, sizeof x->date_buf, "%s", date);
        x->out.date = x->date_buf;
        return;
    }
    x->year = x->month = x->day = 0;
    read_dateline(x);
}

int ng__find_dates(ng_extractor *x, const char *doc_date, ng_error *err)
{
    x->nwhens = 0;
    set_article_date(x, doc_date);
    for (size_t s = 0; s < x->seg.nsentences; s++) {
        const ng_sentence *z = &x->seg.sentences[s];
        size_t end = z->first + z->count;
        for (size_t i = z->first; i < end; i++) {
            found f = {0};
            int ok = absolute_at(x, i, end, &f);
            if (ok && !f.y) {
                /* "el 18 de diciembre": the article's year, or a day without one */
                f.y = infer_year(x, f.m, 0);
                if (!f.y) f.kind = NG_WHEN_MONTH_DAY;
            }
            if (!ok) ok = relative_at(x, i, end, &f);
            if (!ok) ok = month_alone(x, i, end, &f);
            if (!ok) ok = year_alone(x, i, &f);
            if (!ok) continue;
            /* "el 26 de abril": the article before the day is part of it */
            size_t t0 = i;
            ng_when_rel rel = NG_WHEN_AT;
            if (t0 > z->first && is_cue_tok(x, t0 - 1, NG_CUE_DATE_SINCE)) rel = NG_WHEN_SINCE;
            if (t0 > z->first && is_cue_tok(x, t0 - 1, NG_CUE_DATE_UNTIL)) rel = NG_WHEN_UNTIL;
            if (push_when(x, (uint32_t)t0, (uint32_t)s, &f, rel))
                return ng_error_set(err, NG_ENOMEM, "out of memory");
            for (size_t k = t0; k < f.t1; k++)
                x->toks[k].in_date = 1;
            i = f.t1 - 1;
        }
    }
    x->out.stats.dates = x->nwhens;
    return 0;
}
