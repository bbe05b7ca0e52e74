/* Linear models shared by the trained stages (tagger, parser, entity
 * tagger): feature keys, averaged-perceptron weight tables for training and
 * for run time, and the model file container (magic, version, language,
 * payload length, checksum). Internal to the library. */
#ifndef NG_LEARN_H
#define NG_LEARN_H

#include <stddef.h>
#include <stdint.h>
#include "newsgraph/error.h"
#include "util/util.h"

#define NG_MAX_FEATS 96 /* features per decision (scoring ignores the rest) */

/* ---- feature keys ------------------------------------------------------------ */
static inline uint64_t ng_fmix(uint64_t h)
{
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ULL;
    h ^= h >> 33;
    return h;
}
/* A feature's key from its template and up to three atoms (already hashed
 * words or small numbers): a multiply-xor chain and one final mix, cheap
 * because the parser makes about a hundred of them per word. */
static inline uint64_t ng_fkey(uint32_t tmpl, uint64_t a, uint64_t b, uint64_t c)
{
    uint64_t h = ((uint64_t)tmpl + 1) * 0x9E3779B97F4A7C15ULL;
    h = (h ^ a) * 0xC2B2AE3D27D4EB4FULL;
    h = (h ^ b) * 0x165667B19E3779F9ULL;
    h = (h ^ c) * 0x27D4EB2F165667C5ULL;
    h ^= h >> 29;
    h *= 0xBF58476D1CE4E5B9ULL;
    return (h ^ (h >> 32)) | 1; /* 0 marks an empty slot */
}

/* ---- weights while training: dense rows, averaged ------------------------------ */
typedef struct ng_wtrain {
    uint32_t nclasses;
    uint64_t *keys; /* open addressing; 0 = empty */
    uint32_t *rows;
    size_t cap, count;
    float *w;       /* count * nclasses */
    double *tot;    /* running sums for the average */
    uint32_t *ts;   /* step of each cell's last change */
    uint32_t *freq; /* how often each feature was seen in a gold decision */
    size_t rows_cap;
    uint32_t now; /* update steps so far */
} ng_wtrain;

int ng_wtrain_init(ng_wtrain *t, uint32_t nclasses);
void ng_wtrain_free(ng_wtrain *t);
/* Scores of every class (current, not averaged, weights). */
void ng_wtrain_score(const ng_wtrain *t, const uint64_t *f, size_t nf, float *scores);
/* Count the features of one gold decision (for pruning). */
int ng_wtrain_count(ng_wtrain *t, const uint64_t *f, size_t nf);
/* One perceptron step: + to gold, - to guess (no change when equal). */
int ng_wtrain_update(ng_wtrain *t, const uint64_t *f, size_t nf, uint32_t gold, uint32_t guess);

/* Half of an update: delta to class cls of the features f, without moving
 * the clock (a structured update changes transitions of two paths). */
int ng_wtrain_add(ng_wtrain *t, const uint64_t *f, size_t nf, uint32_t cls, float delta);

/* ---- weights at run time: averaged, a full row per feature ---------------- */
typedef struct ng_wslot {
    uint32_t fp;  /* high bits of the key, 0 = empty */
    uint32_t off; /* the feature's row */
} ng_wslot;

#define NG_DENSE_MAX 3 /* tables of at most this many classes keep rows in the slots */
typedef struct ng_dslot {
    uint32_t fp;
    float w[NG_DENSE_MAX];
} ng_dslot;

typedef struct ng_wtab {
    uint32_t nclasses;
    size_t cap, count; /* cap a power of two */
    uint64_t *keys;    /* the full key of each slot (0 = empty) */
    ng_dslot *dense;   /* nclasses <= NG_DENSE_MAX: rows beside their keys */
    ng_wslot *rslots;  /* otherwise slots pointing into rows */
    float *rows;
    size_t rows_cap;
    size_t nentries; /* non-zero weights */
} ng_wtab;

/* The averaged weights of t, plus those of the same features in extra (may
 * be NULL), without features seen fewer than min_count times and with
 * weights nearer zero than eps set to zero. */
int ng_wtab_from_train(ng_wtab *out, const ng_wtrain *t, const ng_wtrain *extra, uint32_t min_count,
                       float eps);

/* Frustratingly easy domain adaptation (Daumé 2007): every feature has a
 * weight shared by all treebanks and one of its own treebank; the model
 * keeps the shared weights plus those of treebank 0. Without several
 * treebanks only the shared table exists. */
#define NG_MAX_DOMAINS 8
typedef struct ng_dtrain {
    ng_wtrain gen;
    ng_wtrain dom[NG_MAX_DOMAINS];
    int ndom;
} ng_dtrain;
int ng_dtrain_init(ng_dtrain *t, uint32_t nclasses, int ndom);
void ng_dtrain_free(ng_dtrain *t);
void ng_dtrain_score(const ng_dtrain *t, const uint64_t *f, size_t nf, int dom, float *scores);
int ng_dtrain_count(ng_dtrain *t, const uint64_t *f, size_t nf);
int ng_dtrain_update(ng_dtrain *t, const uint64_t *f, size_t nf, int dom, uint32_t gold,
                     uint32_t guess);
int ng_dtrain_add(ng_dtrain *t, const uint64_t *f, size_t nf, int dom, uint32_t cls, float delta);
int ng_dtrain_compile(ng_wtab *out, const ng_dtrain *t, uint32_t min_count, float eps);

void ng_wtab_score(const ng_wtab *t, const uint64_t *f, size_t nf, float *scores);
void ng_wtab_free(ng_wtab *t);
int ng_wtab_sum(ng_wtab *out, const ng_wtab *a, const ng_wtab *b);
int ng_wtab_write(const ng_wtab *t, ng_buf *b);
/* Reads from *p (advanced), end is the end of the payload. */
int ng_wtab_read(ng_wtab *t, const unsigned char **p, const unsigned char *end);

/* ---- what the models read of a word ------------------------------------------- */
typedef struct ng_watoms {
    uint64_t w;      /* lower-cased form */
    uint64_t suf[4]; /* last 1..4 code points */
    uint64_t pre[2]; /* first 1..2 code points */
    uint64_t shape;
    uint32_t mask; /* UPOS seen with the form in training */
    uint32_t cls;  /* word class + 1 (0: none), fine in the low 16 bits, coarse above */
    uint32_t len;  /* code points */
} ng_watoms;

/* Fill atoms for a form (mask 0); lower receives the lower-cased form. */
int ng_atoms_make(ng_watoms *a, const char *form, size_t len, ng_buf *lower);

/* ---- word classes from text --------------------------------------------------- */
/* Classes for the words 1..nwords-1 of seq (word ids, 0 between sentences,
 * ids in order of falling frequency) by the predictive exchange algorithm:
 * cls[w] in 0..nclasses-1 (cls[0] = 0). moves, when not NULL, receives the
 * words moved in each of the iters passes (0 once nothing moves). The same
 * input gives the same classes. NG_ENOMEM or NG_EINVAL on failure. */
int ng_exchange_clusters(const uint32_t *seq, size_t n, uint32_t nwords, uint32_t nclasses,
                         int iters, uint32_t *cls, uint32_t *moves);

/* ---- the model file container ------------------------------------------------ */

/* The checksum of a payload: FNV-1a 64's step over little-endian 64-bit
 * words, then over the bytes left. */
uint64_t ng_model_checksum(const void *p, size_t n);

/* Write header (magic: 4 bytes, version, lang) and payload to path through a
 * temporary file renamed into place, so that a failed write never leaves a
 * half model where a good one was. */
int ng_container_save(const char *path, const char *magic, uint32_t version, const char *lang,
                      const ng_buf *payload, ng_error *err);

/* Read path whole and check its header; on success *data (caller frees)
 * holds the file and the payload is [*data + NG_CONTAINER_HEADER, + *len).
 * what names the kind of file in errors ("model", "entity model"). */
#define NG_CONTAINER_HEADER 32
int ng_container_load(const char *path, const char *magic, uint32_t version, const char *what,
                      char lang[8], char **data, size_t *len, ng_error *err);

/* A folder of models, one file a language (DIR/<lang><suffix>), each
 * loaded when first asked for and kept until the folder is freed. */
#define NG_MFOLDER_MAX 8
typedef struct ng_mfolder {
    char *dir;
    const char *suffix; /* static: ".ngm", ".ner.ngm" */
    int (*load)(void **out, const char *path, ng_error *err);
    void (*free)(void *model);
    const char *(*lang)(const void *model);
    void *loaded[NG_MFOLDER_MAX];
    char langs[NG_MFOLDER_MAX][8];
    size_t n;
} ng_mfolder;
int ng_mfolder_init(ng_mfolder *f, const char *dir, const char *suffix,
                    int (*load)(void **, const char *, ng_error *), void (*free_fn)(void *),
                    const char *(*lang)(const void *), ng_error *err);
void ng_mfolder_clear(ng_mfolder *f);
/* The model of lang, loaded now if need be; *out is borrowed from f. A
 * file whose header names another language is an error. */
int ng_mfolder_get(ng_mfolder *f, const char *lang, void **out, ng_error *err);

/* Little-endian writing and checked reading of payloads. */
int ng_w32(ng_buf *b, uint32_t v);
int ng_w64(ng_buf *b, uint64_t v);
typedef struct ng_reader {
    const unsigned char *p, *end;
    int bad; /* set by any read past the end */
} ng_reader;
uint32_t ng_r32(ng_reader *r);
uint64_t ng_r64(ng_reader *r);
uint8_t ng_r8(ng_reader *r);

#endif
