/* Internal view of the loaded ontology, shared by the extractor. */
#ifndef NG_ONTOLOGY_INT_H
#define NG_ONTOLOGY_INT_H

#include "newsgraph/ontology.h"
#include "util/util.h"

/* A token trie over folded words: one automaton for all aliases of a kind. */
typedef struct ng_trie_node {
    int32_t value;      /* payload index, -1 when no phrase ends here */
    int32_t in_lang[2]; /* gazetteer: the entry in Spanish, English text when it differs, or -1 */
    uint8_t acronym;
    uint8_t lower_tail; /* the alias ends in a lower-case word ("Presidencia rusa") */
    uint8_t lower_head; /* the alias starts with a lower-case title ("papa Francisco") */
} ng_trie_node;

typedef struct ng_trie {
    ng_map *edges; /* "<node>\x1f<word>" -> child node index + 1 */
    ng_trie_node *nodes;
    size_t nnodes, cap;
} ng_trie;

int ng_trie_init(ng_trie *t);
void ng_trie_free(ng_trie *t);
/* Child of node for folded word w, or -1. */
int ng__trie_step(const ng_trie *t, int node, const char *w, size_t wlen);

typedef struct ng_gaz_entry {
    const char *id, *qid, *label_en, *label_es, *country;
    ng_type type;
    uint8_t capital, gov, demonym;
} ng_gaz_entry;

/* A title or office (roles.tsv): the property linking its holder to the
 * body it belongs to; inverse when the body is the subject ("X's parent
 * company, Y": X subsidiaryOf Y); org when holders are organisations. */
typedef struct ng_role {
    const char *property; /* NULL: the word only marks a person */
    uint8_t inverse, org;
} ng_role;

enum ng_number_kind { NG_NUM_NUMBER, NG_NUM_MULTIPLIER, NG_NUM_APPROX };
typedef struct ng_number {
    double value;
    int kind;
} ng_number;

typedef struct ng_verb_frame {
    const char *property;
    const char **rest;     /* words after the verb, folded; NULL-terminated */
    const char ***markers; /* each a NULL-terminated folded word list; "_" = bare */
    int nmarkers;
    int sym, inv;
    int solo;  /* sym, but subjects coordinated with no object act each on their own */
    int owner; /* a bare object naming no one stands for its owner ("el mensaje del Rey") */
    const char **nouns;         /* the frame applies only near one of these (lemmas), or NULL */
    struct ng_verb_frame *next; /* next frame for the same verb */
} ng_verb_frame;

enum ng_cue_kind {
    NG_CUE_ORG_HEAD,
    NG_CUE_PLACE_HEAD,
    NG_CUE_AGREEMENT_HEAD,
    NG_CUE_SPEECH,
    NG_CUE_ACCORDING,
    NG_CUE_CONNECTOR,
    NG_CUE_STOP,
    NG_CUE_DETERMINER,
    NG_CUE_ABBREV,
    NG_CUE_NEGATION,
    NG_CUE_FUTURE,
    NG_CUE_HEDGE,
    NG_CUE_COORD,
    NG_CUE_PREP,
    NG_CUE_POSSESSIVE,
    NG_CUE_NONNAME,
    NG_CUE_STATE,
    NG_CUE_MEDIA_HEAD,
    NG_CUE_ALLIANCE_HEAD,
    NG_CUE_PERSON_HEAD,
    NG_CUE_PASSIVE_AUX,
    NG_CUE_COMPLEMENTIZER,
    NG_CUE_GENITIVE,
    NG_CUE_DATE_YESTERDAY,
    NG_CUE_DATE_TODAY,
    NG_CUE_DATE_TOMORROW,
    NG_CUE_DATE_LAST,
    NG_CUE_DATE_NEXT,
    NG_CUE_DATE_THIS,
    NG_CUE_DATE_MONTH_WORD,
    NG_CUE_DATE_YEAR_WORD,
    NG_CUE_DATE_SINCE,
    NG_CUE_DATE_UNTIL,
    NG_CUE_QTY_MIN,
    NG_CUE_QTY_MAX,
    NG_CUE_QTY_APPROX,
    NG_CUE_NOUN_SUFFIX,
    NG_CUE_PARTNERSHIP_HEAD,
    NG_CUE_BETWEEN,
    NG_CUE_INTENT,
    NG_CUE_NAMING,
    NG_CUE_DESCRIPTION,
    NG_CUE_MEMBER_NOUN,
    NG_CUE_OBJECT_CONTROL,
    NG_CUE_LIGHT_VERB,
    NG_CUE_ROLE_MODIFIER,
    NG_CUE_BOTH,
    NG_CUE_COUNTERPART,
    NG_CUE_FORMER,
    NG_CUE_WHOSE,
    NG_CUE_COPULA,
    NG_CUE_INDEFINITE,
    NG_CUE_ENVOY_HEAD,
    NG_CUE_COMMON_BEFORE,
    NG_CUE_COMPARISON,
    NG_CUE_COUNT
};

/* Which cue kinds a word is (one), or starts a multi-word cue of (multi). */
typedef struct ng_cue_bits {
    uint64_t one, multi;
} ng_cue_bits;
_Static_assert(NG_CUE_COUNT <= 64, "cue kinds must fit one 64-bit mask");

typedef struct ng_lexicon {
    char lang[4];
    ng_map *verbs;    /* folded lemma (first word) -> ng_verb_frame* */
    ng_map *events;   /* events.tsv: folded noun lemma -> ng_verb_frame* (markers: the theme's) */
    ng_map *forms;    /* folded irregular form -> folded lemma (forms.tsv) */
    ng_map *months;   /* folded CLDR month name -> 1..12, +100 when abbreviated */
    ng_map *weekdays; /* folded CLDR day name -> 1..7 (Sunday = 1) */
    ng_map *numbers;  /* folded number word -> ng_number (numbers.tsv) */
    ng_map *units;    /* folded unit word -> unit code (units.tsv) */
    ng_trie roles;    /* payload: index into role_list */
    struct ng_role *role_list;
    size_t nroles, roles_cap;
    ng_map *cues[NG_CUE_COUNT]; /* folded phrase -> (void*)1 or a class for heads */
    /* folded word -> bits: 1<<kind when the word is a cue of that kind,
     * 1<<(32+kind) when it starts a multi-word cue of that kind */
    ng_map *cue_bits;
    int cue_maxwords[NG_CUE_COUNT];
    char dic_aff[512], dic_dic[512];
} ng_lexicon;

struct ng_ontology {
    ng_pool *pool;
    ng_gaz_entry *entries;
    size_t nentries, entries_cap;
    ng_map *by_id;   /* id -> entry index + 1 */
    ng_trie aliases; /* payload: entry index */
    size_t naliases;
    ng_map *given_names;
    ng_map *short_forms; /* folded short form -> folded full name (pool) */
    ng_map *bodies;      /* folded words that name a body only in context (bodies.tsv) */
    ng_map *labels;      /* "<local>\x1f<lang>" -> label */
    ng_map *properties;  /* declared property local names */
    ng_map *ner_tags;    /* "<lang>\x1f<class>" -> CoNLL tag (conll.tsv) */
    ng_lexicon langs[2]; /* 0 = es, 1 = en */
    size_t nverbs;
};

const ng_lexicon *ng__ontology_lexicon(const ng_ontology *o, const char *lang);
/* Month and weekday names from CLDR (NG_CLDR_DIR, or $NEWSGRAPH_CLDR_DIR). */
int ng__load_cldr_calendar(ng_ontology *o, ng_lexicon *lx, const char *lang, ng_error *err);
#ifndef NG_CLDR_DIR
#define NG_CLDR_DIR "/usr/share/unicode/cldr/common/main"
#endif
/* Multi-word cue lookup on folded words; returns the stored value or NULL. */
void *ng__cue(const ng_lexicon *lx, int kind, const char *phrase, size_t len);
/* Whether a folded name is made only of words of bodies.tsv and the small
 * words between them ("gobierno", "ministerio de salud", "ministry of
 * health"): it names a body only through the article around it. */
int ng__generic_body(const ng_ontology *o, const char *fold);
/* Cue bits of one folded word (see ng_lexicon.cue_bits). */
ng_cue_bits ng__cue_bits(const ng_lexicon *lx, const char *word, size_t len);
#define NG_CUE_BIT(kind) ((uint64_t)1 << (kind))

#endif
