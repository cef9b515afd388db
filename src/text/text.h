/* src/text/text.h -- pages in, segments, sentences and tokens out.
** text_parse reads one input file (plain text as scraped, HTML, JSON Lines)
** into documents whose segments (title, date, byline, body paragraphs, tags,
** reader comments, topic lists) point into doc->text; text_tokenize_doc then
** splits each segment into sentences and tokens with exact byte offsets.
** Invalid UTF-8 and NUL bytes are replaced byte for byte (so offsets stay
** exact) and reported as warnings on the document, never dropped silently. */
#ifndef DOTS_TEXT_H
#define DOTS_TEXT_H

#include "doc/doc.h"

/* Parse src (len bytes, read from file) into *ndocs documents, returned in a
** malloc'd array *docs; the caller frees each with doc_free and the array with
** free. format is "text", "html", "jsonl" or NULL to detect. Plain text and
** HTML give one document; JSON Lines one per non-empty line. A malformed
** JSON line is an error naming file and line (documents before it are kept in
** *docs and counted in *ndocs). Returns DOTS_OK or DOTS_E* with err set. */
int text_parse(const char *file, const char *src, size_t len, const char *format,
               dots_doc ***docs, size_t *ndocs, char *err, size_t errlen);

/* "text", "html" or "jsonl", from the name's extension and the first bytes. */
const char *text_detect_format(const char *file, const char *src, size_t len);

/* Fill d->sents and d->toks from d->segs, replacing any earlier ones.
** Sentences never cross a segment; date, tags and topics segments get no
** sentences. Returns DOTS_OK or DOTS_ENOMEM. */
int text_tokenize_doc(dots_doc *d);

/* Tokenize one run of text, for tools that have no document (the tagger's
** `tag` command on raw text, tests). Calls emit(start, end, ctx) per token and
** sent(start, end, ctx) per sentence, offsets relative to s. */
typedef void (*text_emit_fn)(uint32_t start, uint32_t end, void *ctx);
void text_tokenize(const char *s, size_t len, text_emit_fn tok, text_emit_fn sent, void *ctx);

#endif
