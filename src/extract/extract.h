/* src/extract/extract.h -- claims from tagged, linked text: who does what to
** whom (one of 14 predicates), with polarity, time, place, source, evidence
** and origin, per ../shared/spec/claims.md. */
#ifndef DOTS_EXTRACT_H
#define DOTS_EXTRACT_H

#include "doc/doc.h"

/* Fill d->claims from d's sentences, tokens, tags and actors. */
int extract_doc(dots_doc *d);

/* Normalise a time expression found in text[start,end) against the document
** date (ISO "YYYY-MM-DD" or NULL) and the last date mentioned (or NULL), into
** out (ISO 8601 date or interval: "2010-08", "2006/..", "../2002").
** Returns 1 if a time was recognised. */
int extract_time_normalize(const char *expr, size_t n, const char *doc_date,
                           const char *last_date, char out[32]);

/* ---- Output (output.c) --------------------------------------------------- */
struct json_t;
/* The claims.md JSON object of one extracted document: {"doc", "entities",
** "claims"} with every attribute present (time, source null when none) and
** evidence offsets in the source file. Caller json_decref()s; NULL on OOM. */
struct json_t *extract_doc_json(const dots_doc *d);

/* One claim as a line for people: subject -predicate-> object [time] (source)
** "evidence...", appended to out. */
int extract_claim_format(const dots_doc *d, const doc_claim *c, buf *out);

/* The claim's source as a name: the commenter for comments, the source
** actor's name, or NULL for the author's own voice. */
const char *extract_claim_source(const dots_doc *d, const doc_claim *c);

#endif
