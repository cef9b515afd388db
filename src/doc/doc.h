/* src/doc/doc.h -- the document as it moves through the pipeline:
**
**   file bytes --page--> segments --text--> sentences, tokens
**              --tag--> POS, NER --actor--> actors, mentions --extract--> claims
**
** Every stage reads what the earlier ones filled and adds its own arrays; no
** stage copies text. doc->text is the analysed text: for plain text it is the
** file itself (offsets are file offsets); for HTML and JSON Lines it is the
** decoded segments joined by blank lines, and each segment records where it
** came from in the source (src_start, src_end). All offsets are bytes.
** Memory: everything hangs off doc->arena except the growable arrays, which
** doc_free releases; strings stored in the doc are arena copies. */
#ifndef DOTS_DOC_H
#define DOTS_DOC_H

#include <stddef.h>
#include <stdint.h>

#include "base/base.h"

/* ---- Segments (src/text/page.c) ------------------------------------------ */
typedef enum {
    SEG_TITLE, SEG_DATE, SEG_BYLINE, SEG_BODY, SEG_TAGS, SEG_COMMENT, SEG_TOPICS
} doc_seg_kind;

typedef struct doc_seg {
    doc_seg_kind kind;
    uint32_t start, end;          /* in doc->text */
    size_t src_start, src_end;    /* in the source file */
    int comment;                  /* index into doc->comments for SEG_COMMENT, else -1 */
} doc_seg;

typedef struct doc_comment {
    const char *author;           /* "" when the author line was lost */
    uint32_t start, end;          /* the comment text in doc->text */
    size_t src_start, src_end;
    int empty;                    /* the comment has no text */
} doc_comment;

/* ---- Tokens and sentences (src/text/) ------------------------------------ */
typedef struct doc_token {
    uint32_t start, end;          /* in doc->text */
    uint8_t pos;                  /* tag_pos_* id; 0 before tagging */
    uint8_t ner;                  /* tag_ner_* BIO label id; 0 (O) before tagging */
    int32_t actor;                /* index into doc->actors, -1 if none */
} doc_token;

typedef struct doc_sent {
    uint32_t start, end;          /* in doc->text */
    uint32_t first, count;        /* token range */
    int seg;                      /* index into doc->segs */
} doc_sent;

/* ---- Actors (src/actor/) ------------------------------------------------- */
typedef enum { ACT_PER, ACT_ORG, ACT_GPE, ACT_LOC } doc_actor_type;

typedef struct doc_actor {
    const char *id;               /* KB id ("iran", "taliban") or "doc:<name>" */
    const char *name;             /* canonical name */
    doc_actor_type type;
    const char **aliases;         /* surface forms seen in this document */
    size_t naliases;
    size_t nmentions;
    int kb;                       /* index in the knowledge base, -1 if new */
} doc_actor;

typedef struct doc_mention {
    uint32_t start, end;          /* in doc->text */
    uint32_t tok_first, tok_count;
    int actor;                    /* index into doc->actors */
} doc_mention;

/* ---- Claims (src/extract/) ----------------------------------------------- */
typedef enum {
    PRED_SUPPORTS, PRED_ARMS, PRED_FUNDS, PRED_TRAINS, PRED_SHELTERS,
    PRED_ALLIED_WITH, PRED_MEETS, PRED_OPPOSES, PRED_ATTACKS, PRED_DESIGNATES,
    PRED_DETAINS, PRED_RELEASES, PRED_MEMBER_OF, PRED_LOCATED_IN, PRED_COUNT
} doc_predicate;

typedef enum { POL_ASSERTED, POL_DENIED, POL_HEDGED } doc_polarity;

typedef struct doc_claim {
    int subject, object;          /* indexes into doc->actors */
    doc_predicate predicate;
    doc_polarity polarity;
    const char *time;             /* ISO 8601 date or interval, NULL if none */
    int source;                   /* actor index, -1 for the author */
    const char *source_name;      /* commenter's name for comments, else NULL */
    int origin_comment;           /* index into doc->comments, -1 for the article */
    uint32_t ev_start, ev_end;    /* evidence sentence in doc->text */
    float confidence;
    const char *rule;             /* which pattern found it, for explanations */
} doc_claim;

/* ---- The document -------------------------------------------------------- */
typedef struct dots_doc {
    arena *arena;
    const char *file;             /* path as given */
    const char *name;             /* base name; "file#id" for a JSON Lines record */
    const char *format;           /* "text", "html", "jsonl" */
    const char *title, *date, *byline, *url, *ext_id;  /* date: ISO or NULL */
    const char **tags; size_t ntags;
    const char **topics; size_t ntopics;

    const char *text; size_t len; /* analysed text (NUL-terminated) */
    const char *src; size_t src_len; /* the source bytes this doc came from */
    int text_is_src;              /* 1 when text offsets are source offsets (plain text:
                                     text is a same-length sanitized copy of src) */

    doc_seg *segs; size_t nsegs, capsegs;
    doc_comment *comments; size_t ncomments, capcomments;
    doc_token *toks; size_t ntoks, captoks;
    doc_sent *sents; size_t nsents, capsents;
    doc_actor *actors; size_t nactors, capactors;
    doc_mention *mentions; size_t nmentions, capmentions;
    doc_claim *claims; size_t nclaims, capclaims;

    char **warnings; size_t nwarnings, capwarnings; /* e.g. invalid UTF-8 replaced at... */
} dots_doc;

dots_doc *doc_new(void);
void doc_free(dots_doc *d);

/* Append one zeroed element to an array of the doc and return it (NULL on OOM).
** Pointers returned earlier may move: keep indexes, not pointers. */
doc_seg *doc_add_seg(dots_doc *d);
doc_comment *doc_add_comment(dots_doc *d);
doc_token *doc_add_token(dots_doc *d);
doc_sent *doc_add_sent(dots_doc *d);
doc_actor *doc_add_actor(dots_doc *d);
doc_mention *doc_add_mention(dots_doc *d);
doc_claim *doc_add_claim(dots_doc *d);
int doc_warn(dots_doc *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Map an offset in doc->text back to the source file (identity for text). */
size_t doc_src_offset(const dots_doc *d, uint32_t off);
/* The segment holding offset off, or -1. */
int doc_seg_at(const dots_doc *d, uint32_t off);

const char *doc_predicate_name(doc_predicate p);
int doc_predicate_parse(const char *s);            /* -1 if unknown */
const char *doc_polarity_name(doc_polarity p);
const char *doc_actor_type_name(doc_actor_type t);  /* "PER", ... */
int doc_actor_type_parse(const char *s);            /* -1 if unknown */
const char *doc_seg_kind_name(doc_seg_kind k);

#endif
