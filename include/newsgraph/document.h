/* Reader: turns an article file (plain UTF-8 text or HTML) into a document.
 *
 * A document holds the article's text as newsgraph analyses it: valid UTF-8 in
 * Unicode NFC, the title as its first line, then the body paragraphs separated
 * by newlines. Character offsets in the output graph count code points into
 * this text. Documents are immutable once read. */
#ifndef NEWSGRAPH_DOCUMENT_H
#define NEWSGRAPH_DOCUMENT_H

#include <stddef.h>
#include "newsgraph/error.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct ng_document ng_document;

typedef enum ng_doc_format {
    NG_FORMAT_AUTO = 0, /* by file extension, then by sniffing the bytes */
    NG_FORMAT_TEXT,
    NG_FORMAT_HTML
} ng_doc_format;

typedef struct ng_read_options {
    int version; /* NG_READ_OPTIONS_VERSION */
    ng_doc_format format;
    const char *lang; /* "es", "en" or NULL to detect */
    const char *date; /* YYYY-MM-DD used when the article has none; may be NULL */
    size_t max_bytes; /* refuse larger inputs; 0 = 64 MiB */
} ng_read_options;

#define NG_READ_OPTIONS_VERSION 1
#define NG_READ_OPTIONS_INIT                                                                       \
    {                                                                                              \
        NG_READ_OPTIONS_VERSION, NG_FORMAT_AUTO, NULL, NULL, 0                                     \
    }

/* Read an article from a file ("-" = stdin). On success *out belongs to the
 * caller (free with ng_document_free). Errors: NG_EIO, NG_EENCODING,
 * NG_EFORMAT (binary), NG_EEMPTY, NG_ETOOBIG; err names the file. */
int ng_document_read_file(ng_document **out, const char *path, const ng_read_options *opts,
                          ng_error *err);

/* Same, from bytes in memory (copied). `name` is used in messages and as the
 * source when the article has no URL of its own. */
int ng_document_read_memory(ng_document **out, const char *name, const char *data, size_t len,
                            const ng_read_options *opts, ng_error *err);

void ng_document_free(ng_document *doc);

/* Getters return strings owned by the document, valid until it is freed. */
const char *ng_document_text(const ng_document *doc, size_t *len);
const char *ng_document_title(const ng_document *doc);
const char *ng_document_source(const ng_document *doc); /* URL or file name */
const char *ng_document_date(const ng_document *doc);   /* YYYY-MM-DD or NULL */
const char *ng_document_lang(const ng_document *doc);   /* "es", "en" or NULL */
/* Stable id: hex digest of the text, the same on every machine. */
const char *ng_document_id(const ng_document *doc);

/* Set the language after detection ("es" or "en"; copied). Returns 0 or NG_ENOMEM. */
int ng_document_set_lang(ng_document *doc, const char *lang);

#ifdef __cplusplus
}
#endif
#endif
