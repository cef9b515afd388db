/* src/base/arena.c -- bump allocator for per-document and per-request memory.
** Blocks of 64 KiB (or one block of exactly the size asked, for big requests)
** are chained and released together by arena_free; nothing is freed singly. */
#include "base/base.h"

#include <stdlib.h>
#include <string.h>

#define BLOCK 65536

typedef struct block {
    struct block *next;
    size_t used, cap;
    _Alignas(16) unsigned char data[];
} block;

struct arena { block *head; };

arena *arena_new(void) { return calloc(1, sizeof(arena)); }

void arena_free(arena *a)
{
    if (!a) return;
    for (block *b = a->head, *n; b; b = n) {
        n = b->next;
        free(b);
    }
    free(a);
}

void *arena_alloc(arena *a, size_t n)
{
    n = (n + 7) & ~(size_t)7;
    block *b = a->head;
    if (!b || b->cap - b->used < n) {
        size_t cap = n > BLOCK / 4 ? n : BLOCK;
        block *nb = malloc(sizeof(block) + cap);
        if (!nb) return NULL;
        nb->used = 0;
        nb->cap = cap;
        if (b && cap != BLOCK) {         /* big one-off: keep the current block on top */
            nb->next = b->next;
            b->next = nb;
            nb->used = n;
            memset(nb->data, 0, n);
            return nb->data;
        }
        nb->next = b;
        a->head = b = nb;
    }
    void *p = b->data + b->used;
    b->used += n;
    memset(p, 0, n);
    return p;
}

char *arena_strndup(arena *a, const char *s, size_t n)
{
    char *p = arena_alloc(a, n + 1);
    if (!p) return NULL;
    memcpy(p, s, n);
    p[n] = 0;
    return p;
}

char *arena_strdup(arena *a, const char *s) { return arena_strndup(a, s, strlen(s)); }
