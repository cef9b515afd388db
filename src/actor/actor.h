/* src/actor/actor.h -- who the names are: the knowledge base of actors, the
** linker that resolves a document's mentions to actors, transliteration-aware
** name matching, and the sanctions lists (OFAC SDN legacy CSV, UN
** consolidated XML) with screening against them.
** The built-in KB (countries from iso-codes with demonyms and capitals, and
** the curated armed groups, agencies, courts and media in data/actors.tsv) is
** compiled into the binary, immutable once loaded and shared by all threads. */
#ifndef DOTS_ACTOR_H
#define DOTS_ACTOR_H

#include <stddef.h>

#include "base/base.h"
#include "doc/doc.h"

typedef struct actor_kb actor_kb;

/* The compiled-in KB, built on first call (thread-safe); NULL on OOM. */
const actor_kb *actor_kb_builtin(void);
size_t actor_kb_count(const actor_kb *kb);
/* KB entry i: id ("iran", "taliban", "irgc-qf"), canonical name, type, parent id or NULL. */
const char *actor_kb_id(const actor_kb *kb, size_t i);
const char *actor_kb_name(const actor_kb *kb, size_t i);
doc_actor_type actor_kb_type(const actor_kb *kb, size_t i);
const char *actor_kb_parent(const actor_kb *kb, size_t i);
/* Look an id or any alias up (folded); -1 if unknown. */
long actor_kb_find(const actor_kb *kb, const char *name);
/* Up to max of entry i's names and aliases as written in the data (borrowed). */
size_t actor_kb_aliases(const actor_kb *kb, size_t i, const char **out, size_t max);

/* Resolve the mentions of a tokenized, tagged document: fills d->actors,
** d->mentions (sorted by offset) and d->toks[].actor. Short names and
** surnames resolve to the full name seen in the document, demonyms and
** collective plurals to their state or group, a country's unnamed forces and
** officials to the country; unknown names become new actors ("doc:" ids).
** Works without NER labels (KB names only). Calling it again first clears
** what it filled. Rules: docs/ACTORS.md. */
int actor_link_doc(const actor_kb *kb, dots_doc *d);

/* ---- Name matching ------------------------------------------------------- */
/* Similarity of two person or organisation names in [0,1], tolerant of case,
** diacritics, particles (al-, bin, Mullah), transliteration variants and word
** order. If why is not NULL, appends the explanation (pairs, leftovers). */
double actor_name_similarity(const char *a, const char *b, buf *why);
#define ACTOR_MATCH_THRESHOLD 0.85   /* documented in docs/ACTORS.md */

/* Fold a name for lookups: NFKD, marks removed, casefolded, apostrophes and
** ayn/hamza signs dropped (Kata'ib = Kataib), other punctuation runs to one
** space, trimmed. Writes into out (cleared first, always NUL-terminated). */
void actor_fold(const char *s, size_t n, buf *out);

/* ---- Sanctions lists ----------------------------------------------------- */
typedef struct actor_list_entry {
    const char *list;         /* "OFAC-SDN", "UN" */
    const char *entry_id;     /* OFAC ent_num, UN DATAID/REFERENCE_NUMBER */
    const char *name;         /* primary name as listed */
    const char *type;         /* "individual", "entity", "vessel", "aircraft" */
    const char *programs;     /* "SDGT FTO", "Taliban" */
    const char *remarks;
    const char **aliases; size_t naliases;
    const char *countries;    /* from addresses / nationality, "; "-joined */
} actor_list_entry;

typedef struct actor_lists actor_lists;   /* entries plus the screening index */

actor_lists *actor_lists_new(void);
void actor_lists_free(actor_lists *l);
/* Load list files (sdn.csv with its alt.csv/add.csv siblings, or a UN XML)
** into l, all or nothing: on error l is unchanged and err names file:line. */
int actor_lists_load(actor_lists *l, const char *const *files, size_t nfiles,
                     char *err, size_t errlen);
/* Add one entry (copied), e.g. when reading them back from the store. */
int actor_lists_add(actor_lists *l, const actor_list_entry *e);
/* Load the small OFAC-format sample compiled in from data/sanctions-sample/
** (used by the demo when no list has been loaded). */
int actor_lists_load_sample(actor_lists *l, char *err, size_t errlen);
/* alt.csv/add.csv rows naming an ent_num absent from their sdn.csv, which
** were left out (sets of different dates do not fully join). */
size_t actor_lists_skipped(const actor_lists *l);
size_t actor_lists_count(const actor_lists *l);
const actor_list_entry *actor_lists_get(const actor_lists *l, size_t i);

typedef struct actor_hit {
    size_t entry;             /* index for actor_lists_get */
    double score;
    const char *alias;        /* the listed name or alias that matched */
} actor_hit;
/* Screen a name: up to max hits scoring >= ACTOR_MATCH_THRESHOLD, best first,
** one per entry. Returns the number of hits. Only reads l, so threads may
** screen against one actor_lists at once (while nobody loads or adds). */
size_t actor_lists_screen(const actor_lists *l, const char *name, actor_hit *hits, size_t max);

#endif
