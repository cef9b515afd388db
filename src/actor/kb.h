/* src/actor/kb.h -- the knowledge base's layout, shared by kb.c (which builds
** it) and link.c (which matches document text against it). Not for other
** modules: they use the accessors in actor.h. */
#ifndef DOTS_ACTOR_KB_H
#define DOTS_ACTOR_KB_H

#include <stdint.h>

#include "actor/actor_int.h"

enum { KB_NAME, KB_ALIAS, KB_DEMONYM, KB_CAPITAL };   /* lower wins a shared key */

typedef struct kb_entry {
    const char *id, *name, *parent;
    doc_actor_type type;
    int capital_of;             /* entry index of the country, or -1 */
    uint8_t country;            /* from iso-codes */
    uint8_t curated;            /* from data/actors.tsv */
} kb_entry;

typedef struct kb_alias {
    const char *key;            /* folded */
    const char *surface;        /* as written in the data */
    uint32_t keylen;
    uint32_t entry;
    uint8_t kind;               /* KB_* */
    uint8_t caps;               /* all-capitals acronym: match capitals only */
    uint8_t ntoks;              /* words in the folded key */
} kb_alias;

typedef struct kb_slot { uint64_t hash; uint32_t alias; } kb_slot;

struct actor_kb {
    kb_entry *e; size_t n, cap;
    kb_alias *aliases; size_t naliases, capaliases;
    kb_slot *slots; size_t nslots, capslots;
    /* FNV-1a hashes (0 stored as 1) of every key up to each of its spaces and
    ** whole: the linker stops lengthening a span once its fold, at a word
    ** end, is in no key. Open addressing, 0 = empty. */
    uint64_t *pre; size_t cappre;
    arena *arena;
    actor_lists *fuzzy;         /* every entry's names, for spellings the keys miss;
                                   entry_id is the KB index in decimal */
};

/* Aliases whose folded key is exactly key[0..n): up to max, in insertion order. */
size_t kb_lookup(const actor_kb *kb, const char *key, size_t n, uint32_t *out, size_t max);
/* 1 if h (base_hash64 of a folded text) may be a key or a key's words up to one of its spaces. */
int kb_has_prefix(const actor_kb *kb, uint64_t h);
int kb_new(actor_kb **out);
void kb_free(actor_kb *kb);

#endif
