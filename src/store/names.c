/* src/store/names.c -- finding a stored actor for a name the knowledge base
** does not know, when no stored name folds exactly like it: "Akhtar Mansur"
** in one report is "Akhtar Mansour" stored from another.
** actor_name_similarity decides (>= ACTOR_MATCH_THRESHOLD, people and
** organisations only); this file finds the few stored actors worth asking.
** Each word of each alias of a person or organisation is indexed by a
** consonant skeleton (name_keys): folded, vowels and h/w/y dropped, q and c
** written k, z written s, doubled letters once -- so "mansour" and "mansur"
** are both "mnsr", "hizballah" and "hezbollah" both "sbl". A name's candidates
** are the actors sharing a skeleton with one of its words (at most
** NAMES_MAX_CAND per word); a candidate wins when one of its aliases scores
** at the threshold, and only if no other candidate scores as well (an
** ambiguous name stays its own actor: a wrong merge is worse than a missed
** one, and the analyst can merge by hand). */
#include "store/store_int.h"
#include "dots.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NAMES_MAX_CAND 64
#define NAMES_MAX_WORDS 8

/* Skeletons of the words of fold (folded: lowercase words, single spaces),
** written "k1\0k2\0...\0" into out; returns how many. */
static int skeletons(const char *fold, buf *out)
{
    int n = 0;
    buf_reset(out);
    for (const char *p = fold; *p && n < NAMES_MAX_WORDS;) {
        size_t len = strcspn(p, " "), start = out->len;
        char last = 0;
        for (size_t i = 0; i < len; i++) {
            char c = p[i];
            if (strchr("aeiouhwy", c)) continue;
            if (c == 'q' || c == 'c') c = 'k';
            if (c == 'z') c = 's';
            if (c == last) continue;
            buf_putc(out, c);
            last = c;
        }
        /* Short words ("al", "bin", "ali") select too much to be useful. */
        if (out->len - start < 2 || len < 4) {
            out->len = start;
        } else {
            buf_putc(out, 0);
            n++;
        }
        p += len;
        while (*p == ' ') p++;
    }
    return n;
}

static int typed(const char *type)
{
    return strcmp(type, "PER") == 0 || strcmp(type, "ORG") == 0;
}

int store_name_keys_add(store *s, int64_t actor_id, const char *type, const char *fold)
{
    buf k;
    store_stmt *st;
    int rc, n;

    if (!typed(type)) return DOTS_OK;
    buf_init(&k);
    n = skeletons(fold, &k);
    rc = n ? store_cached(s, "INSERT INTO name_keys (skel, actor_id) VALUES (?, ?) "
                             "ON CONFLICT (skel, actor_id) DO NOTHING", &st) : DOTS_OK;
    const char *p = k.s;
    for (int i = 0; i < n && rc == DOTS_OK; i++, p += strlen(p) + 1) {
        store_bind_text(st, 1, p);
        store_bind_int(st, 2, actor_id);
        if (store_step(st) < 0) rc = DOTS_ESTORE;
        store_reset(st);
    }
    buf_fini(&k);
    return rc;
}

int store_name_keys_backfill(store *s)
{
    store_stmt *st;
    int rc = store_prepare(s, "SELECT l.actor_id, a.type, l.fold FROM aliases l "
                              "JOIN actors a ON a.id = l.actor_id", &st);
    if (rc) return rc;
    /* Collect first: the statement cannot stay open across inserts everywhere. */
    struct row { int64_t id; char *type, *fold; } *rows = NULL;
    size_t n = 0, cap = 0;
    while ((rc = store_step(st)) == 1) {
        if (n == cap) {
            cap = cap ? cap * 2 : 256;
            struct row *r = realloc(rows, cap * sizeof *r);
            if (!r) { rc = DOTS_ENOMEM; break; }
            rows = r;
        }
        rows[n].id = store_col_int(st, 0);
        rows[n].type = strdup(store_col_text(st, 1));
        rows[n].fold = strdup(store_col_text(st, 2));
        n++;
    }
    store_finalize(st);
    for (size_t i = 0; i < n; i++) {
        if (rc >= 0 && rows[i].type && rows[i].fold)
            rc = store_name_keys_add(s, rows[i].id, rows[i].type, rows[i].fold);
        free(rows[i].type);
        free(rows[i].fold);
    }
    free(rows);
    return rc < 0 ? rc : DOTS_OK;
}

int store_similar_actor(store *s, const char *name, const char *type, buf *key)
{
    buf f, k;
    store_stmt *cand, *al;
    int64_t ids[NAMES_MAX_CAND];
    int nids = 0, rc;

    if (!name || !typed(type)) return 0;
    buf_init(&f);
    buf_init(&k);
    store_fold(name, &f);
    int n = skeletons(f.s, &k);
    if (!n) { rc = 0; goto out; }
    if ((rc = store_cached(s, "SELECT k.actor_id FROM name_keys k JOIN actors a "
                              "ON a.id = k.actor_id WHERE k.skel = ? AND a.type = ? LIMIT 64",
                           &cand)) ||
        (rc = store_cached(s, "SELECT alias FROM aliases WHERE actor_id = ?", &al)))
        goto out;
    const char *p = k.s;
    for (int i = 0; i < n; i++, p += strlen(p) + 1) {
        store_bind_text(cand, 1, p);
        store_bind_text(cand, 2, type);
        while ((rc = store_step(cand)) == 1) {
            int64_t id = store_col_int(cand, 0);
            int seen = 0;
            for (int j = 0; j < nids; j++) seen |= ids[j] == id;
            if (!seen && nids < NAMES_MAX_CAND) ids[nids++] = id;
        }
        store_reset(cand);
        if (rc < 0) goto out;
    }
    double best = 0, second = 0;
    int64_t best_id = 0;
    for (int j = 0; j < nids; j++) {
        double top = 0;
        store_bind_int(al, 1, ids[j]);
        while ((rc = store_step(al)) == 1) {
            double sc = actor_name_similarity(name, store_col_text(al, 0), NULL);
            if (sc > top) top = sc;
        }
        store_reset(al);
        if (rc < 0) goto out;
        if (top > best) { second = best; best = top; best_id = ids[j]; }
        else if (top > second) second = top;
    }
    rc = 0;
    if (best >= ACTOR_MATCH_THRESHOLD && second < ACTOR_MATCH_THRESHOLD) {
        store_stmt *st;
        if ((rc = store_cached(s, "SELECT akey FROM actors WHERE id = ?", &st))) goto out;
        store_bind_int(st, 1, best_id);
        if ((rc = store_step(st)) == 1) { buf_reset(key); buf_puts(key, store_col_text(st, 0)); }
        store_reset(st);
    }
out:
    buf_fini(&f);
    buf_fini(&k);
    return rc;
}
