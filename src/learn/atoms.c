/* What the trained stages read of a word form: hashes of its lower-cased
 * form, affixes and shape. */
#include <string.h>
#include <utf8proc.h>

#include "learn.h"

/* A shape that keeps what tells names and numbers apart: X for upper case,
 * x for lower, d for digits, the character itself otherwise, with runs
 * longer than two collapsed ("Xxx", "dd.dd", "XX-dd"). */
static uint64_t shape_of(const char *s, size_t n)
{
    char shape[32];
    size_t k = 0;
    char last = 0;
    int run = 0;
    for (size_t i = 0; i < n && k < sizeof shape;) {
        int32_t cp;
        int l = ng_utf8_decode(s + i, n - i, &cp);
        if (l <= 0) break;
        i += (size_t)l;
        int cat = ng_utf8_category(cp);
        char c = cat == UTF8PROC_CATEGORY_LU   ? 'X'
                 : cat == UTF8PROC_CATEGORY_LL ? 'x'
                 : cat == UTF8PROC_CATEGORY_ND ? 'd'
                 : cp < 128                    ? (char)cp
                                               : 'o';
        run = c == last ? run + 1 : 1;
        last = c;
        if (run <= 2) shape[k++] = c;
    }
    return ng_hash64(shape, k);
}

int ng_atoms_make(ng_watoms *a, const char *form, size_t len, ng_buf *lower)
{
    size_t starts[256];
    size_t ncp = 0;
    lower->len = 0;
    for (size_t i = 0; i < len;) {
        int32_t cp;
        int l = ng_utf8_decode(form + i, len - i, &cp);
        if (l <= 0) {
            cp = 0xFFFD;
            l = 1;
        }
        i += (size_t)l;
        utf8proc_uint8_t enc[4];
        utf8proc_ssize_t el = utf8proc_encode_char(ng_utf8_tolower(cp), enc);
        if (ncp < 256) starts[ncp] = lower->len;
        ncp++;
        if (ng_buf_add(lower, enc, (size_t)el)) return NG_ENOMEM;
    }
    const char *lw = lower->data ? lower->data : "";
    size_t ll = lower->len;
    a->len = (uint32_t)ncp;
    a->w = ng_hash64(lw, ll);
    size_t nstarts = ncp < 256 ? ncp : 256;
    for (size_t k = 0; k < 4; k++) {
        size_t from = ncp > k && ncp <= 256 ? starts[ncp - 1 - k] : 0;
        a->suf[k] = ncp > k ? ng_hash64(lw + from, ll - from) ^ (k + 1) : 0;
    }
    for (size_t k = 0; k < 2; k++) {
        size_t to = k + 1 < nstarts ? starts[k + 1] : ll;
        a->pre[k] = ncp > k ? ng_hash64(lw, to) ^ (k + 11) : 0;
    }
    a->shape = shape_of(form, len);
    a->mask = 0;
    a->cls = 0;
    return 0;
}
