/* src/doc/doc.c -- allocation of the pipeline document and the names of its
** enumerations. Arrays grow by doubling; the arena holds the strings. */
#include "doc/doc.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

dots_doc *doc_new(void)
{
    dots_doc *d = calloc(1, sizeof *d);
    if (!d) return NULL;
    if (!(d->arena = arena_new())) { free(d); return NULL; }
    return d;
}

void doc_free(dots_doc *d)
{
    if (!d) return;
    free(d->segs); free(d->comments); free(d->toks); free(d->sents);
    free(d->actors); free(d->mentions); free(d->claims);
    for (size_t i = 0; i < d->nwarnings; i++) free(d->warnings[i]);
    free(d->warnings);
    arena_free(d->arena);
    free(d);
}

static void *grow(void **arr, size_t *n, size_t *cap, size_t size)
{
    if (*n == *cap) {
        size_t nc = *cap ? *cap * 2 : 16;
        void *p = realloc(*arr, nc * size);
        if (!p) return NULL;
        *arr = p;
        *cap = nc;
    }
    char *e = (char *)*arr + (*n)++ * size;
    memset(e, 0, size);
    return e;
}

#define ADDER(fn, type, arr, n, cap) \
    type *fn(dots_doc *d) { return grow((void **)&d->arr, &d->n, &d->cap, sizeof(type)); }
ADDER(doc_add_seg, doc_seg, segs, nsegs, capsegs)
ADDER(doc_add_comment, doc_comment, comments, ncomments, capcomments)
ADDER(doc_add_token, doc_token, toks, ntoks, captoks)
ADDER(doc_add_sent, doc_sent, sents, nsents, capsents)
ADDER(doc_add_actor, doc_actor, actors, nactors, capactors)
ADDER(doc_add_mention, doc_mention, mentions, nmentions, capmentions)
ADDER(doc_add_claim, doc_claim, claims, nclaims, capclaims)

int doc_warn(dots_doc *d, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    char **slot = grow((void **)&d->warnings, &d->nwarnings, &d->capwarnings, sizeof(char *));
    if (!slot) return -1;
    if (!(*slot = strdup(msg))) { d->nwarnings--; return -1; }
    return 0;
}

int doc_seg_at(const dots_doc *d, uint32_t off)
{
    size_t lo = 0, hi = d->nsegs;          /* segments are in text order */
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (d->segs[mid].end <= off) lo = mid + 1;
        else hi = mid;
    }
    if (lo < d->nsegs && d->segs[lo].start <= off) return (int)lo;
    return -1;
}

size_t doc_src_offset(const dots_doc *d, uint32_t off)
{
    if (d->text_is_src) return off;
    int i = doc_seg_at(d, off);
    if (i < 0) return 0;
    const doc_seg *s = &d->segs[i];
    size_t src = s->src_start + (off - s->start);
    return src > s->src_end ? s->src_end : src;
}

static const char *const PRED[PRED_COUNT] = {
    "supports", "arms", "funds", "trains", "shelters", "allied_with", "meets",
    "opposes", "attacks", "designates", "detains", "releases", "member_of", "located_in"
};

const char *doc_predicate_name(doc_predicate p)
{
    return (unsigned)p < PRED_COUNT ? PRED[p] : "?";
}

int doc_predicate_parse(const char *s)
{
    for (int i = 0; i < PRED_COUNT; i++)
        if (strcmp(s, PRED[i]) == 0) return i;
    return -1;
}

const char *doc_polarity_name(doc_polarity p)
{
    static const char *const n[] = { "asserted", "denied", "hedged" };
    return (unsigned)p < 3 ? n[p] : "?";
}

static const char *const TYPES[] = { "PER", "ORG", "GPE", "LOC" };

const char *doc_actor_type_name(doc_actor_type t) { return (unsigned)t < 4 ? TYPES[t] : "?"; }

int doc_actor_type_parse(const char *s)
{
    for (int i = 0; i < 4; i++)
        if (strcmp(s, TYPES[i]) == 0) return i;
    return -1;
}

const char *doc_seg_kind_name(doc_seg_kind k)
{
    static const char *const n[] = { "title", "date", "byline", "body", "tags", "comment", "topics" };
    return (unsigned)k < 7 ? n[k] : "?";
}
