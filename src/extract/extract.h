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

#endif
