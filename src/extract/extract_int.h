/* src/extract/extract_int.h -- what the files of the claim extractor share:
** the time scanner, the predicate lexicon and the output writers.
** Nothing here is for other modules; extract.h is the module's contract. */
#ifndef DOTS_EXTRACT_INT_H
#define DOTS_EXTRACT_INT_H

#include <stddef.h>
#include <stdint.h>

#include "extract/extract.h"

/* ---- Time (time.c) ------------------------------------------------------- */
typedef struct extract_time {
    char value[32];           /* ISO 8601 date or interval */
    uint32_t start, end;      /* the expression in the scanned text */
    int relative;             /* resolved against the last date, not the text */
} extract_time;

/* Find the time expressions of s[0,n) in order, at most max. last_date (may be
** NULL) is the last absolute date mentioned before s; it is updated with the
** dates found, so consecutive calls follow a text. */
size_t extract_time_scan(const char *s, size_t n, const char *doc_date, char last_date[32],
                         extract_time *out, size_t max);

/* ---- Lexicon (lexicon.c) ------------------------------------------------- */
enum {
    LX_VERB = 1,              /* a verb, found by lemma, tagged VB* when tags exist */
    LX_NOUN = 2,              /* an event or relation noun ("support", "attack") */
    LX_ROLE = 3,              /* a role noun ("leader", "commander"): member_of */
    LX_THING = 4,             /* something provided ("weapons" -> arms) */
    LX_SPEECH = 5,            /* a reporting verb ("said", "noted", "found") */
};

enum {
    LF_SYM = 1 << 0,          /* symmetric predicate */
    LF_THING = 1 << 1,        /* the thing provided decides the predicate */
    LF_HEDGE = 1 << 2,        /* offered/planned/threatened: the act is hedged */
    LF_DENY = 1 << 3,         /* "denied", "disputes": the complement is denied */
    LF_REVERSE = 1 << 4,      /* the object acts on the subject ("received ... from") */
    LF_PLACE_PAT = 1 << 5,    /* the patient is located at an "in/at" place ("held at") */
    LF_PLACE_AGT = 1 << 6,    /* the agent is located at an "in" place ("operation in") */
    LF_NOPASS = 1 << 7,       /* no passive reading */
    LF_ALLOBJ = 1 << 8,       /* every actor in the object region ("met with A, B and C") */
    LF_HEDGE_SPEECH = 1 << 9, /* "claimed", "alleged": the complement is hedged */
    LF_PLACEOBJ = 1 << 10,    /* a place object is fine for this predicate */
};

typedef struct extract_lex {
    const char *lemma;
    uint8_t kind;             /* LX_* */
    int8_t pred;              /* doc_predicate, -1 for none (speech verbs) */
    uint16_t flags;           /* LF_* */
    const char *preps;        /* "|to|for|": prepositions introducing the object;
                                 "|" alone for a direct object; NULL: direct too */
    float prec;               /* the family's measured precision (see docs/CLAIMS.md) */
} extract_lex;

/* Look a lower-cased word up, trying its inflections (supported -> support,
** shipments -> shipment, planned -> plan). kind 0 matches any kind. */
const extract_lex *extract_lex_find(const char *word, int kind);
/* All kinds at once: out[LX_VERB..LX_SPEECH] (out[0] unused), NULL where none. */
void extract_lex_find_all(const char *word, const extract_lex *out[6]);

#endif
