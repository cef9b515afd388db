/* src/text/text_int.h -- what the files of src/text/ share and no other
** module needs: the raw token scanner, the page parsers per format and the
** helpers they have in common (sanitizing, segments, dates). */
#ifndef DOTS_TEXT_INT_H
#define DOTS_TEXT_INT_H

#include "doc/doc.h"

/* A growable token array; the scanner appends to it (one realloc per doubling). */
typedef struct text_toks {
    doc_token *t;
    size_t n, cap;
} text_toks;

/* Append the tokens of s[0..len) to out with offsets shifted by base. */
int text_scan(const char *s, size_t len, size_t base, text_toks *out);

/* ---- Page parsers (one document each, except JSON Lines) ---------------- */
int text_parse_plain(dots_doc *d, char *err, size_t errlen);
int text_parse_html(dots_doc *d, char *err, size_t errlen);
int text_parse_jsonl(const char *file, const char *src, size_t len,
                     dots_doc ***docs, size_t *ndocs, char *err, size_t errlen);

/* ---- Shared helpers (page.c) -------------------------------------------- */
/* A same-length copy of src with invalid UTF-8 and NUL bytes replaced by '?',
** NUL-terminated, in d's arena; each affected line is reported with doc_warn
** as "FILE: invalid UTF-8 at line L, column C (N bytes replaced)". *nrep gets
** the total number of bytes replaced. NULL on OOM. */
char *text_sanitize(dots_doc *d, const char *label, const char *src, size_t len,
                    size_t *nrep);
/* The same for a piece of a file that starts at line line1 (JSON Lines). */
char *text_sanitize_at(dots_doc *d, const char *label, const char *src, size_t len,
                       size_t line1, size_t *nrep);

/* Parse a date written on its own ("2022-10-17", "May 21, 2016", "21 May
** 2016", "Published: Tue, June 10, 2021 10:32 AM") into ISO "YYYY-MM-DD" in
** iso[11]. Returns the number of bytes of s the date used (the remainder may
** hold a time or a byline), or 0 when s does not start with a date. */
size_t text_parse_date(const char *s, size_t len, char iso[11]);

/* Add a segment; returns its index or -1 on OOM. */
int text_add_seg(dots_doc *d, doc_seg_kind kind, uint32_t start, uint32_t end,
                 size_t src_start, size_t src_end);

/* Base name of a path, arena copy. */
const char *text_base_name(dots_doc *d, const char *file);

/* Append a string to a doc's string list (tags, topics) in its arena. */
int text_add_str(dots_doc *d, const char ***list, size_t *n, const char *s, size_t len);

#endif
