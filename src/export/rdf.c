/* RDF through Raptor's serializers.
 *
 * Literal text is valid UTF-8 by construction (the reader refuses anything
 * else), and every IRI is minted percent-encoded, so Raptor's silent
 * truncation and unescaped IRIs (style.md, Raptor pitfalls 5 and 6) cannot
 * happen. Any error-level log message still fails the write. */
#include "writer_int.h"

#include <stdlib.h>
#include <string.h>

static const char *const syntax_names[] = {"turtle", "ntriples", "nquads", "rdfxml-abbrev"};

static void on_log(void *ud, raptor_log_message *m)
{
    ng_writer *w = ud;
    if (m->level >= RAPTOR_LOG_LEVEL_ERROR) {
        w->rdf_errors++;
        fprintf(stderr, "newsgraph: rdf: %s\n", m->text);
    }
}

static int set_ns(ng_writer *w, const char *prefix, const char *iri)
{
    raptor_uri *u = raptor_new_uri(w->world, (const unsigned char *)iri);
    if (!u) return -1;
    int rc = raptor_serializer_set_namespace(w->ser, u, (const unsigned char *)prefix);
    raptor_free_uri(u);
    return rc;
}

/* Raptor writes byte by byte; through stdio each byte pays for a lock. Collect
 * the bytes here and hand stdio large blocks instead. */
static int flush_pending(ng_writer *w)
{
    if (w->pending.len && fwrite(w->pending.data, 1, w->pending.len, w->out) != w->pending.len)
        w->write_failed = 1;
    w->pending.len = 0;
    return w->write_failed ? -1 : 0;
}

static int io_write_byte(void *ud, const int byte)
{
    ng_writer *w = ud;
    ng_buf *b = &w->pending;
    if (b->len + 1 < b->cap) {
        b->data[b->len++] = (char)byte; /* the common case, kept cheap */
        return 0;
    }
    if (ng_buf_addc(b, (char)byte)) return 1;
    return w->pending.len >= 65536 ? flush_pending(w) : 0;
}

static int io_write_bytes(void *ud, const void *p, size_t size, size_t nmemb)
{
    ng_writer *w = ud;
    if (ng_buf_add(&w->pending, p, size * nmemb)) return 0;
    if (w->pending.len >= 65536 && flush_pending(w)) return 0;
    return (int)nmemb; /* items written, as fwrite counts them */
}

static const raptor_iostream_handler buffer_handler = {
    .version = 2, .write_byte = io_write_byte, .write_bytes = io_write_bytes};

/* A serializer with our prefixes, started on w->iostream. */
static int new_serializer(ng_writer *w, ng_error *err)
{
    w->ser = raptor_new_serializer(w->world, syntax_names[w->opts.format]);
    if (!w->ser)
        return ng_error_set(err, NG_ELIB, "raptor: no serializer for %s",
                            syntax_names[w->opts.format]);
    /* rdf: is predeclared by every Raptor serializer */
    const char *pfx[][2] = {{"ng", NG_ONTOLOGY_NS}, {"rdfs", NG_RDFS_NS}, {"owl", NG_OWL_NS},
                            {"skos", NG_SKOS_NS},   {"prov", NG_PROV_NS}, {"dct", NG_DCT_NS},
                            {"nif", NG_NIF_NS},     {"xsd", NG_XSD_NS},   {"wd", NG_WD_NS}};
    for (size_t i = 0; i < sizeof pfx / sizeof *pfx; i++)
        if (set_ns(w, pfx[i][0], pfx[i][1]))
            return ng_error_set(err, NG_ELIB, "raptor: cannot declare prefix %s", pfx[i][0]);
    if (raptor_serializer_start_to_iostream(w->ser, NULL, w->iostream))
        return ng_error_set(err, NG_ELIB, "raptor: cannot start the serializer");
    return 0;
}

int ng__rdf_begin(ng_writer *w, ng_error *err)
{
    w->world = ng_context_raptor(w->ctx);
    raptor_world_set_log_handler(w->world, w, on_log);
    w->iostream = raptor_new_iostream_from_handler(w->world, w, &buffer_handler);
    if (!w->iostream) return ng_error_set(err, NG_ENOMEM, "out of memory");
    return new_serializer(w, err);
}

void ng__rdf_free(ng_writer *w)
{
    free(w->article);
    w->article = NULL;
    if (w->graph_term) raptor_free_term(w->graph_term);
    w->graph_term = NULL;
    if (w->ser) raptor_free_serializer(w->ser);
    w->ser = NULL;
    if (w->iostream) raptor_free_iostream(w->iostream);
    w->iostream = NULL;
    ng_buf_free(&w->pending);
    if (w->world) raptor_world_set_log_handler(w->world, NULL, NULL);
}

static raptor_term *iri(ng_writer *w, const char *s)
{
    return raptor_new_term_from_uri_string(w->world, (const unsigned char *)s);
}

static raptor_term *iri2(ng_writer *w, const char *ns, const char *local)
{
    char buf[512];
    int n = snprintf(buf, sizeof buf, "%s%s", ns, local);
    if (n < 0 || (size_t)n >= sizeof buf) return NULL;
    return iri(w, buf);
}

static raptor_term *lit(ng_writer *w, const char *s, const char *lang)
{
    size_t ll = lang ? strlen(lang) : 0;
    return raptor_new_term_from_counted_literal(w->world, (const unsigned char *)s, strlen(s), NULL,
                                                (const unsigned char *)lang, (unsigned char)ll);
}

static raptor_term *typed(ng_writer *w, const char *s, const char *xsd_type)
{
    char buf[128];
    snprintf(buf, sizeof buf, NG_XSD_NS "%s", xsd_type);
    raptor_uri *dt = raptor_new_uri(w->world, (const unsigned char *)buf);
    if (!dt) return NULL;
    raptor_term *t = raptor_new_term_from_literal(w->world, (const unsigned char *)s, dt, NULL);
    raptor_free_uri(dt);
    return t;
}

/* Emit s p o (terms are consumed). */
static int emit(ng_writer *w, raptor_term *s, raptor_term *p, raptor_term *o)
{
    raptor_term *g = w->graph_term ? raptor_term_copy(w->graph_term) : NULL;
    raptor_statement *st = raptor_new_statement_from_nodes(w->world, s, p, o, g);
    int bad = !st || !st->subject || !st->predicate || !st->object ||
              raptor_serializer_serialize_statement(w->ser, st);
    raptor_free_statement(st);
    if (bad) return -1;
    w->triples++;
    return 0;
}

static char *article_iri(ng_writer *w, const char *id)
{
    ng_buf b = {0};
    if (ng_buf_printf(&b, "%sarticle/%s", ng_graph_base(w->graph), id)) {
        ng_buf_free(&b);
        return NULL;
    }
    return b.data;
}

static int write_article_node(ng_writer *w, const ng_article_row *r, const char *a)
{
    const char *src = r->source ? r->source : "";
    int rc = emit(w, iri(w, a), iri2(w, NG_RDF_NS, "type"), iri2(w, NG_ONTOLOGY_NS, "Article"));
    if (r->title)
        rc = rc || emit(w, iri(w, a), iri2(w, NG_DCT_NS, "title"), lit(w, r->title, r->lang));
    rc = rc || emit(w, iri(w, a), iri2(w, NG_DCT_NS, "language"), lit(w, r->lang, NULL));
    if (strncmp(src, "http://", 7) == 0 || strncmp(src, "https://", 8) == 0)
        rc = rc || emit(w, iri(w, a), iri2(w, NG_DCT_NS, "source"), iri(w, src));
    else
        rc = rc || emit(w, iri(w, a), iri2(w, NG_DCT_NS, "source"), lit(w, src, NULL));
    if (r->date)
        rc = rc || emit(w, iri(w, a), iri2(w, NG_DCT_NS, "date"), typed(w, r->date, "date"));
    return rc;
}

static const char *entity_iri(ng_writer *w, size_t ex_index)
{
    return ng_graph_entity_at(w->graph, w->ids[ex_index])->iri;
}

static char *claim_iri(ng_writer *w, const char *article, const ng_claim *c, const char *s,
                       const char *o)
{
    uint64_t h = ng_hash64(article, strlen(article));
    h = ng_hash64_more(h, s, strlen(s));
    h = ng_hash64_more(h, c->property, strlen(c->property));
    h = ng_hash64_more(h, o, strlen(o));
    ng_buf b = {0};
    if (ng_buf_printf(&b, "%sclaim/%016llx", ng_graph_base(w->graph), (unsigned long long)h)) {
        ng_buf_free(&b);
        return NULL;
    }
    return b.data;
}

/* Whether s p o is a direct triple not written yet in this run (extractions:
 * later articles add only their claim). -1 on OOM. */
static int first_direct(ng_writer *w, const ng_claim *c, const char *s, const char *o)
{
    if (!ng_claim_is_direct(c)) return 0;
    ng_buf k = {0};
    if (ng_buf_printf(&k, "%s\x1f%s\x1f%s", s, c->property, o)) return -1;
    int first = !ng_map_get(w->direct_seen, k.data, k.len);
    if (first && ng_map_put(w->direct_seen, k.data, k.len, (void *)1)) first = -1;
    ng_buf_free(&k);
    return first;
}

static const char *when_type(ng_when_kind k)
{
    switch (k) {
    case NG_WHEN_DATE:
        return "date";
    case NG_WHEN_YEAR_MONTH:
        return "gYearMonth";
    case NG_WHEN_MONTH_DAY:
        return "gMonthDay";
    case NG_WHEN_MONTH:
        return "gMonth";
    default:
        return "gYear";
    }
}

/* Typed literals on the claim: when it held and how many. */
static int write_qualifiers(ng_writer *w, const char *ci, const ng_claim *c)
{
    int rc = 0;
    if (c->when.kind != NG_WHEN_NONE) {
        const char *p = c->when.rel == NG_WHEN_SINCE   ? "startDate"
                        : c->when.rel == NG_WHEN_UNTIL ? "endDate"
                                                       : "date";
        rc = emit(w, iri(w, ci), iri2(w, NG_ONTOLOGY_NS, p),
                  typed(w, c->when.value, when_type(c->when.kind)));
    }
    if (c->quantity.present) {
        static const char *const props[] = {"quantity", "minQuantity", "maxQuantity",
                                            "approximateQuantity"};
        /* always with a decimal point: Raptor's Turtle writer prints a bare
         * "24"^^xsd:decimal as 24, which reads back as an integer */
        char num[64];
        snprintf(num, sizeof num, "%.15g", c->quantity.value);
        if (strchr(num, 'e')) snprintf(num, sizeof num, "%.1f", c->quantity.value);
        if (!strchr(num, '.')) strcat(num, ".0");
        rc = rc || emit(w, iri(w, ci), iri2(w, NG_ONTOLOGY_NS, props[c->quantity.bound]),
                        typed(w, num, "decimal"));
        if (c->quantity.unit)
            rc = rc || emit(w, iri(w, ci), iri2(w, NG_ONTOLOGY_NS, "unit"),
                            lit(w, c->quantity.unit, NULL));
    }
    return rc;
}

static int write_claim(ng_writer *w, const char *a, const ng_claim *c, const char *s, const char *o,
                       const char *speaker, const char *lang, int direct)
{
    if (direct && emit(w, iri(w, s), iri2(w, NG_ONTOLOGY_NS, c->property), iri(w, o))) return -1;
    char *ci = claim_iri(w, a, c, s, o);
    if (!ci) return -1;
    char num[32];
    int rc = emit(w, iri(w, ci), iri2(w, NG_RDF_NS, "type"), iri2(w, NG_ONTOLOGY_NS, "Claim"));
    rc = rc || emit(w, iri(w, ci), iri2(w, NG_RDF_NS, "subject"), iri(w, s));
    rc = rc ||
         emit(w, iri(w, ci), iri2(w, NG_RDF_NS, "predicate"), iri2(w, NG_ONTOLOGY_NS, c->property));
    rc = rc || emit(w, iri(w, ci), iri2(w, NG_RDF_NS, "object"), iri(w, o));
    rc = rc || emit(w, iri(w, ci), iri2(w, NG_PROV_NS, "wasDerivedFrom"), iri(w, a));
    snprintf(num, sizeof num, "%u", c->char_start);
    rc = rc ||
         emit(w, iri(w, ci), iri2(w, NG_NIF_NS, "beginIndex"), typed(w, num, "nonNegativeInteger"));
    snprintf(num, sizeof num, "%u", c->char_end);
    rc = rc ||
         emit(w, iri(w, ci), iri2(w, NG_NIF_NS, "endIndex"), typed(w, num, "nonNegativeInteger"));
    rc = rc || emit(w, iri(w, ci), iri2(w, NG_ONTOLOGY_NS, "sentence"), lit(w, c->sentence, lang));
    rc = rc || emit(w, iri(w, ci), iri2(w, NG_ONTOLOGY_NS, "pattern"), lit(w, c->pattern, NULL));
    snprintf(num, sizeof num, "%.2f", c->confidence);
    rc = rc || emit(w, iri(w, ci), iri2(w, NG_ONTOLOGY_NS, "confidence"), typed(w, num, "decimal"));
    rc = rc || emit(w, iri(w, ci), iri2(w, NG_ONTOLOGY_NS, "modality"),
                    lit(w, ng_modality_name(c->modality), NULL));
    if (speaker)
        rc = rc || emit(w, iri(w, ci), iri2(w, NG_ONTOLOGY_NS, "attributedTo"), iri(w, speaker));
    rc = rc || write_qualifiers(w, ci, c);
    free(ci);
    return rc;
}

int ng_writer_begin_article(ng_writer *w, const ng_article_row *r, ng_error *err)
{
    if (!w->ser) return ng_error_set(err, NG_EINVAL, "rows are written as RDF only");
    free(w->article);
    if (!(w->article = article_iri(w, r->id))) return ng_error_set(err, NG_ENOMEM, "oom");
    if (w->graph_term) raptor_free_term(w->graph_term);
    w->graph_term = w->opts.format == NG_OUT_NQUADS ? iri(w, w->article) : NULL;
    w->article_lang = r->lang;
    if (write_article_node(w, r, w->article) || w->rdf_errors)
        return ng_error_set(err, NG_ELIB, "%s: the RDF serializer failed", r->id);
    return 0;
}

int ng_writer_claim(ng_writer *w, const ng_claim_row *r, ng_error *err)
{
    if (!w->article) return ng_error_set(err, NG_EINVAL, "a claim outside an article");
    if (write_claim(w, w->article, &r->claim, r->subject_iri, r->object_iri, r->speaker_iri,
                    w->article_lang, r->write_direct) ||
        w->rdf_errors)
        return ng_error_set(err, NG_ELIB, "the RDF serializer failed");
    return 0;
}

/* Raptor's Turtle serializer keeps every triple until it ends (about 150
 * bytes each), and frees them only with itself: a store of millions of
 * triples would need gigabytes. A new serializer every NG_TURTLE_BATCH
 * triples, on the same output, bounds that; the result is still one Turtle
 * document (the prefixes are declared again, which Turtle allows, and no
 * blank nodes are written). */
#define NG_TURTLE_BATCH 20000

static int next_batch(ng_writer *w)
{
    if (w->opts.format != NG_OUT_TURTLE || w->triples - w->batch_start < NG_TURTLE_BATCH) return 0;
    w->batch_start = w->triples;
    int rc = raptor_serializer_serialize_end(w->ser);
    raptor_free_serializer(w->ser);
    w->ser = NULL;
    ng_error ignored = {0};
    return rc || new_serializer(w, &ignored) || flush_pending(w) ? -1 : 0;
}

int ng_writer_end_article(ng_writer *w, ng_error *err)
{
    if (w->graph_term) raptor_free_term(w->graph_term);
    w->graph_term = NULL;
    free(w->article);
    w->article = NULL;
    if (next_batch(w) || (w->pending.len >= 65536 && flush_pending(w)))
        return ng_error_set(err, NG_EIO, "write error on output");
    return 0;
}

int ng__rdf_article(ng_writer *w, const ng_document *doc, const ng_extraction *ex, ng_error *err)
{
    const char *date = ng_document_date(doc);
    ng_article_row r = {ng_document_id(doc), ng_document_title(doc), ng_document_source(doc),
                        date ? date : ng_extraction_date(ex), ng_extraction_lang(ex)};
    int rc = ng_writer_begin_article(w, &r, err);
    for (size_t i = 0; !rc && i < ng_extraction_claim_count(ex); i++) {
        const ng_claim *c = ng_extraction_claim(ex, i);
        ng_claim_row row = {entity_iri(w, c->subject), entity_iri(w, c->object),
                            c->speaker >= 0 ? entity_iri(w, (size_t)c->speaker) : NULL, *c, 0};
        row.write_direct = first_direct(w, c, row.subject_iri, row.object_iri);
        if (row.write_direct < 0) return ng_error_set(err, NG_ENOMEM, "out of memory");
        rc = ng_writer_claim(w, &row, err);
    }
    int rc2 = ng_writer_end_article(w, err);
    return rc ? rc : rc2;
}

static int write_entity_row(ng_writer *w, const ng_entity_row *e)
{
    int rc = emit(w, iri(w, e->iri), iri2(w, NG_RDF_NS, "type"),
                  iri2(w, NG_ONTOLOGY_NS, ng_type_name(e->type)));
    if (e->label_en || e->label_es) {
        if (e->label_en)
            rc = rc ||
                 emit(w, iri(w, e->iri), iri2(w, NG_RDFS_NS, "label"), lit(w, e->label_en, "en"));
        if (e->label_es)
            rc = rc ||
                 emit(w, iri(w, e->iri), iri2(w, NG_RDFS_NS, "label"), lit(w, e->label_es, "es"));
    } else {
        rc = rc || emit(w, iri(w, e->iri), iri2(w, NG_RDFS_NS, "label"), lit(w, e->name, e->lang));
    }
    /* the other names: not the label again */
    for (size_t k = 0; k < e->nalts; k++)
        if (strcmp(e->alts[k], e->name) != 0 && (!e->label_en || strcmp(e->alts[k], e->label_en)) &&
            (!e->label_es || strcmp(e->alts[k], e->label_es)))
            rc = rc || emit(w, iri(w, e->iri), iri2(w, NG_SKOS_NS, "altLabel"),
                            lit(w, e->alts[k], e->alt_langs[k]));
    if (e->qid)
        rc = rc || emit(w, iri(w, e->iri), iri2(w, NG_OWL_NS, "sameAs"), iri2(w, NG_WD_NS, e->qid));
    for (const char *p = e->same_as; !rc && p && *p;) {
        size_t n = strcspn(p, " ");
        char *other = strndup(p, n);
        rc = !other || emit(w, iri(w, e->iri), iri2(w, NG_OWL_NS, "sameAs"), iri(w, other));
        free(other);
        p += n + (p[n] == ' ');
    }
    return rc;
}

int ng_writer_entity(ng_writer *w, const ng_entity_row *e, ng_error *err)
{
    if (!w->ser) return ng_error_set(err, NG_EINVAL, "rows are written as RDF only");
    if (write_entity_row(w, e) || w->rdf_errors)
        return ng_error_set(err, NG_ELIB, "%s: the RDF serializer failed", e->iri);
    if (next_batch(w)) return ng_error_set(err, NG_EIO, "write error on output");
    return 0;
}

static int write_entity(ng_writer *w, size_t i)
{
    const ng_graph_entity *e = ng_graph_entity_at(w->graph, i);
    ng_entity_row row = {e->iri, e->type, e->name, e->lang, e->label_en, e->label_es,
                         e->qid, NULL,    NULL,    0,       NULL};
    row.alts = ng_graph_alt_labels(w->graph, i, &row.alt_langs, &row.nalts);
    /* an entity linked to another one across articles is the same as it */
    size_t root = ng_graph_entity_root(w->graph, i, NULL);
    if (root != i) row.same_as = ng_graph_entity_at(w->graph, root)->iri;
    return write_entity_row(w, &row);
}

int ng__rdf_finish(ng_writer *w, ng_error *err)
{
    int rc = 0;
    for (size_t i = 0; !rc && i < ng_graph_entity_count(w->graph); i++)
        rc = write_entity(w, i) || next_batch(w);
    if (!rc && raptor_serializer_serialize_end(w->ser)) rc = -1;
    if (rc || w->rdf_errors) return ng_error_set(err, NG_ELIB, "the RDF serializer failed");
    if (flush_pending(w)) return ng_error_set(err, NG_EIO, "write error on output");
    return 0;
}
