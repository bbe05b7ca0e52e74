/* Internal state of the extractor, shared by its source files. */
#ifndef NG_EXTRACT_INT_H
#define NG_EXTRACT_INT_H

#include "newsgraph/extract.h"
#include "newsgraph/ner.h"
#include "newsgraph/parse.h"
#include "newsgraph/text.h"
#include "ontology/ontology_int.h"

#include <hunspell/hunspell.h>
#include <string.h>

typedef struct xtok {
    const char *fold; /* folded form (pool) */
    uint32_t flen;
    uint32_t flags;
    const char *lemmas;        /* NUL-separated, ends with an empty string; NULL = none */
    int mention;               /* index of the mention covering it, or -1 */
    int in_role;               /* part of a role phrase ("finance minister"): not a verb */
    ng_cue_bits cues;          /* ng__cue_bits of the folded form */
    int in_date;               /* part of a date: not a quantity */
    int in_qty;                /* part of a quantity: its "de" and "$" are not the verb's */
    const struct winfo *w;     /* what is known of the word form */
    int gaz_child, role_child; /* first step of the alias and role automata */
} xtok;

/* What the extractor knows about one word form, computed once per form:
 * hunspell, folding and map lookups are too slow to repeat per token. */
typedef struct winfo {
    const char *fold;
    uint32_t flen;
    const char *lemmas;
    ng_cue_bits cues;
    int gaz_child, role_child;
    int month;                   /* CLDR month 1..12, +100 abbreviated, 0 none */
    int weekday;                 /* 1..7 (Sunday = 1), 0 none */
    const ng_number *number;     /* numbers.tsv */
    const char *unit;            /* units.tsv */
    const ng_verb_frame *frames; /* verb frames of the first lemma that has any */
    const char *frame_lemma;     /* that lemma */
    uint8_t speech;              /* a verb of saying, by form or lemma */
    uint8_t noun_form;           /* ends like a noun ("-ción", "-ment") */
    uint8_t dict;                /* 1 a word of the dictionary (any case), 2 a name there */
} winfo;

enum mention_kind { MK_GAZ, MK_DEMONYM, MK_NAME };

typedef struct mention {
    uint32_t t0, t1; /* token range [t0, t1) */
    uint32_t sent;
    int kind;
    int gaz;      /* gazetteer entry or -1 */
    int ent;      /* article entity (after resolution: root) */
    ng_type type; /* type cue seen at this mention */
    int strength; /* how sure the cue is: 0 none .. 3 gazetteer */
    int part_of;  /* mention this organisation belongs to (nominal split), or -1 */
    uint8_t ner;  /* the entity tagger's class for these tokens (NG_NER_O: none) */
    int seat;     /* a body's name ending in a known place ("Universidad de Oxford",
                     "Ejército tailandés"): that place's gazetteer entry, or -1 */
} mention;

typedef struct aent {
    const char *key, *name, *fold;
    ng_type type;
    int strength;
    int votes[NG_TYPE_COUNT]; /* support for each class, by how sure each cue is */
    int gaz;
    int parent; /* coreference: resolved to this entity, or -1 */
    int nwords;
    const char **aliases;
    size_t naliases, aliases_cap;
    int used; /* index in the output, -1 when not output */
    int body; /* its name is one word of bodies.tsv ("Gobierno"): named only in this article */
} aent;

/* Where a claim was read, so dates and numbers near it can qualify it. A
 * fact repeated in the article keeps one claim and up to 4 sites. */
#define NG_CLAIM_SITES 4
typedef struct claim_site {
    uint32_t sent[NG_CLAIM_SITES], anchor[NG_CLAIM_SITES];
    int n;
} claim_site;

/* A date or a quantity found in the text, over tokens [t0, t1). */
typedef struct when_mention {
    uint32_t t0, t1, sent;
    ng_when when;
} when_mention;

typedef struct qty_mention {
    uint32_t t0, t1, sent;
    ng_quantity q;
} qty_mention;

struct ng_extraction {
    ng_entity_view *entities;
    size_t nentities, entities_cap;
    ng_claim *claims;
    size_t nclaims, claims_cap;
    const char *lang;
    const char *date; /* article date or NULL */
    ng_mention_view *mentions;
    size_t nmentions, mentions_cap;
    ng_reference_view *references;
    size_t nreferences, references_cap;
    ng_extract_stats stats;
    const struct ng_extractor *owner; /* for the segmentation and the parse */
};

typedef struct lang_state {
    Hunhandle *hun;
    ng_map *lemma_cache; /* word, ASCII capitals lowered -> lemma list (pool) */
    ng_map *words;       /* word as written -> winfo (pool) */
    ng_pool *cache_pool;
} lang_state;

/* Word caches are dropped between articles beyond this many forms. */
#define NG_WORD_CACHE_MAX 400000

struct ng_extractor {
    const ng_ontology *onto;
    const ng_lexicon *lx;
    lang_state langs[2];
    lang_state *ls;
    ng_pool *pool; /* per article */
    ng_segmentation seg;
    const char *text;
    const char *doc_id; /* the article's id (ng_document_id), borrowed */
    size_t len;
    xtok *toks;
    size_t toks_cap;
    mention *ms;
    size_t nms, ms_cap;
    aent *ents;
    size_t nents, ents_cap;
    ng_map *ent_by_key;
    ng_buf scratch;
    ng_extraction out;
    claim_site *sites; /* parallel to out.claims */
    size_t sites_cap;
    when_mention *whens;
    size_t nwhens, whens_cap;
    qty_mention *qtys;
    size_t nqtys, qtys_cap;
    int year, month, day; /* article date, 0 when unknown */
    char date_buf[11];
    ng_models *models; /* borrowed; NULL: no parse */
    ng_parse *parse;
    int parsed;                /* the current article has a parse */
    ng_ner_models *ner_models; /* borrowed; NULL: rules find names */
    const ng_ner_model *ner;   /* the current article's, or NULL */
    ng_ner_tagger *ner_tagger;
    ng_ner_token *ner_toks; /* per token of the article */
    uint8_t *ner_labels;
    size_t ner_cap;
    uint8_t *headline; /* per sentence */
    size_t headline_cap;
    ng_map *body_names;  /* folded names tagged outside headlines */
    struct ng_ref *refs; /* per parse word: what it refers to (pool); NULL without a parse */
};

/* mentions.c */
int ng__find_mentions(ng_extractor *x, ng_error *err);
int ng__resolve_entities(ng_extractor *x, ng_error *err);
/* What the capitalisation rules would find over the gazetteer's mentions,
 * into ner_toks[i].rule (NG_NER_RULE_*), leaving the mentions as they were. */
int ng__rule_hints(ng_extractor *x, ng_error *err);
/* Gazetteer matches of every sentence (what the entity tagger is shown). */
int ng__gazetteer_mentions(ng_extractor *x, ng_error *err);
/* names.c: the entity tagger's view of the article and its labels */
int ng__ner_input(ng_extractor *x, ng_error *err);
int ng__ner_label(ng_extractor *x, ng_error *err);
/* The class of what the folded words of tokens [t0, t1) name in the body
 * of the article, or NG_NER_O (for headlines). */
ng_ner_class ng__ner_body_name(ng_extractor *x, size_t t0, size_t t1);
/* coref.c: what pronouns, possessives and definite descriptions refer to */
/* NG_REF_ZERO: a verb whose unstated subject (Spanish) is the mention;
 * NG_REF_BOTH: "ambos países", "both leaders", two mentions */
enum {
    NG_REF_NONE,
    NG_REF_PRONOUN,
    NG_REF_POSSESSIVE,
    NG_REF_DESCRIPTION,
    NG_REF_ZERO,
    NG_REF_BOTH
};
typedef struct ng_ref {
    int mention;  /* the antecedent's mention, or -1 */
    uint8_t rule; /* NG_REF_* */
    int other;    /* NG_REF_BOTH: the second mention, else -1 */
} ng_ref;
/* Resolves the references of the article's parse into x->refs (nothing
 * without a parse); non-zero when out of memory. */
int ng__resolve_references(ng_extractor *x, ng_error *err);
/* The mention parse word `word` (an index over the article's words)
 * refers to, or -1; its rule's name ("coref:pronoun") through *rule. */
int ng__reference_of(const ng_extractor *x, size_t word, const char **rule);
/* Whether a word of sentence sent refers to a mention. */
int ng__sentence_has_reference(const ng_extractor *x, uint32_t sent);
/* For "ambos"/"both" at parse word `word`: 1 and the two mentions. */
int ng__reference_pair(const ng_extractor *x, size_t word, int *a, int *b);
/* relations.c */
int ng__find_relations(ng_extractor *x, ng_error *err);
/* The mention that stands for m in a relation: a capital's country. */
int ng__government_of(const ng_extractor *x, int m);
/* "kind:word", in the article's pool (NULL when out of memory). */
const char *ng__pattern_name(ng_extractor *x, const char *kind, const char *word);
/* Claims from index from on, asserted so far, get modality m. */
void ng__set_modality(ng_extractor *x, size_t from, ng_modality m);
/* The claim is speaker's report (an asserted one becomes reported). */
void ng__mark_reported(ng_claim *cl, long speaker);
/* Whether verb frame f's fixed words and nouns fit around the verb at token
 * v0 of sentence sent ("enviar tropas", noun=soldado). */
int ng__frame_fits(ng_extractor *x, uint32_t sent, const ng_verb_frame *f, size_t v0);
/* Negated, hedged, future or asserted, from the words before the verb. */
ng_modality ng__verb_modality(ng_extractor *x, uint32_t sent, size_t v0);
/* predicates.c: verbs and their arguments over the sentence's parse;
 * verbs[i] (one per token of the sentence, zeroed by the caller) is set to
 * NG_TREE_READ for a verb that gave claims or whose subjects in the tree
 * name no one, NG_TREE_VERB for another verb (the distance rules read
 * only those).
 * Non-zero when out of memory. */
enum { NG_TREE_VERB = 1, NG_TREE_READ = 2 };
int ng__tree_predicates(ng_extractor *x, uint32_t sent, uint8_t *verbs);
/* Whether marker, a preposition's folded words one space apart ("junto
 * a") or "_" for a bare object, is one of frame f's (tree.c). */
int ng__tree_marker_fits(const ng_verb_frame *f, const char *marker);
/* What the parse says of the verb at token verb_tok, for the distance
 * rules to agree with: whether it has an object after one of its first
 * frame's prepositions that names no one (or, a participle on a noun,
 * whether that noun names no one). Unset without a parse; non-zero when
 * out of memory. */
int ng__tree_verb_args(const ng_extractor *x, uint32_t sent, size_t verb_tok, int *unnamed_object);
/* Nominal relations over the sentence's parse (nationality, state
 * ownership); non-zero when out of memory. */
int ng__tree_nominals(ng_extractor *x, uint32_t sent);
/* Whether the clause of the word at token tok (the nearest verb above it
 * that a clausal relation hangs on, else the root) holds the verb at token
 * verb_tok, in the parse; 1 without one. */
int ng__tree_clause_above(const ng_extractor *x, uint32_t sent, size_t tok, size_t verb_tok);
/* Whether the verb at token verb_tok is, in the parse, the complement of a
 * verb of trying, asking or promising (cues.tsv: intent); 0 without one. */
int ng__tree_intended(const ng_extractor *x, uint32_t sent, size_t verb_tok);
/* extract.c */
int ng__add_claim(ng_extractor *x, int s_mention, int o_mention, const char *property,
                  const char *pattern, uint32_t sent, uint32_t anchor, double confidence);
/* The same between two article entities (for one no mention names). */
int ng__add_entity_claim(ng_extractor *x, int s_ent, int o_ent, const char *property,
                         const char *pattern, uint32_t sent, uint32_t anchor, double confidence);
/* dates.c */
int ng__find_dates(ng_extractor *x, const char *doc_date, ng_error *err);
/* quantities.c */
int ng__find_quantities(ng_extractor *x, ng_error *err);
/* Give each claim the date and the quantity nearest to where it was read. */
void ng__qualify_claims(ng_extractor *x);
int ng__root(const ng_extractor *x, int ent);
/* Index of an article entity in the output, added on first use; -1 on OOM. */
long ng__output_entity(ng_extractor *x, int ent);
/* Match a multi-word cue of `kind` starting at token i (not past end);
 * returns the number of tokens matched (0 = none). */
int ng__cue_at(const ng_extractor *x, int kind, size_t i, size_t end, void **value);
int ng__tok_is(const ng_extractor *x, size_t i, const char *folded);
/* Whether the phrase at token i (past determiners and role modifiers back
 * to token first) follows a comparison (cues.tsv: comparison): "al igual
 * que el pontífice argentino, Aguiar": what it names is someone else. */
int ng__compared_at(const ng_extractor *x, size_t first, size_t i);
/* Token i is a one-word cue of kind. */
static inline int ng__tok_cue(const ng_extractor *x, size_t i, int kind)
{
    return (x->toks[i].cues.one & NG_CUE_BIT(kind)) != 0;
}
int ng__has_lemma(const ng_extractor *x, size_t i, const char *lemma);
/* Role phrase (roles.tsv) starting at token i; returns its length in tokens
 * and its property (NULL for a bare title) through *prop. */
int ng__role_at(const ng_extractor *x, size_t i, size_t end, const ng_role **role);
/* A title that marks a person ("presidente", "Prime Minister") at i; 0 if none. */
int ng__person_role_at(const ng_extractor *x, size_t i, size_t end);
/* Record a surface form for an article entity (deduplicated). */
int ng__ent_add_alias(ng_extractor *x, int ent, const char *surface);
/* The article entity of gazetteer entry gaz, created when no mention made
 * it; -1 when out of memory. */
int ng__gaz_entity(ng_extractor *x, int gaz);
/* Upgrade an entity's type when the cue is stronger than what it has. */
void ng__ent_type(ng_extractor *x, int ent, ng_type t, int strength);

/* How wide a place is: a city lies in a region, a region in a country; 0
 * for what is no known kind of place. */
static inline int ng__place_rank(ng_type ty)
{
    return ty == NG_TYPE_CITY ? 1 : ty == NG_TYPE_REGION ? 2 : ty == NG_TYPE_COUNTRY ? 3 : 0;
}

/* A word's relation in the parse is rel ("obj"), or of its family ("obl"
 * also fits "obl:agent", "obl:tmod"). */
static inline int rel_is(const ng_word *w, const char *rel)
{
    return strcmp(w->deprel, rel) == 0;
}

static inline int rel_family(const ng_word *w, const char *rel)
{
    size_t n = strlen(rel);
    return strncmp(w->deprel, rel, n) == 0 && (w->deprel[n] == '\0' || w->deprel[n] == ':');
}

#endif
