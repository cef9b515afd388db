/* src/store/lists.c -- sanctions list entries in the store: store_put_lists
** replaces, per list ("OFAC-SDN", "UN"), every stored entry by the ones given,
** in one transaction, so a list refreshed from a newer file never mixes
** generations; store_get_lists reads them all back for screening.
** Each entry's primary name and aliases go into list_aliases folded like
** actor aliases, which is what `dots show` matches exactly against. */
#include "store/store_int.h"
#include "dots.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int put_alias(store *s, int64_t entry, const char *alias, buf *f)
{
    store_stmt *st;
    int rc;
    store_fold(alias, f);
    if (!f->len) return DOTS_OK;
    if ((rc = store_cached(s, "INSERT INTO list_aliases (entry, fold, alias) VALUES (?, ?, ?)",
                           &st)))
        return rc;
    store_bind_int(st, 1, entry);
    store_bind_text(st, 2, f->s);
    store_bind_text(st, 3, alias);
    rc = store_step(st);
    store_reset(st);
    return rc < 0 ? rc : DOTS_OK;
}

/* 1 when list name appears among entries [0, i) of l. */
static int seen_before(const actor_lists *l, size_t i, const char *list)
{
    for (size_t k = 0; k < i; k++)
        if (strcmp(actor_lists_get(l, k)->list, list) == 0) return 1;
    return 0;
}

int store_put_lists(store *s, const actor_lists *l)
{
    size_t n = actor_lists_count(l);
    store_stmt *st;
    buf f;
    int rc;

    buf_init(&f);
    if ((rc = store_begin(s))) goto out;
    for (size_t i = 0; i < n; i++) {
        const char *list = actor_lists_get(l, i)->list;
        if (!list || seen_before(l, i, list)) continue;
        static const char *const del[] = {
            "DELETE FROM list_aliases WHERE entry IN (SELECT id FROM list_entries WHERE list = ?)",
            "DELETE FROM list_entries WHERE list = ?",
        };
        for (int k = 0; k < 2; k++) {
            if ((rc = store_cached(s, del[k], &st))) goto fail;
            store_bind_text(st, 1, list);
            rc = store_step(st);
            store_reset(st);
            if (rc < 0) goto fail;
        }
    }
    for (size_t i = 0; i < n; i++) {
        const actor_list_entry *e = actor_lists_get(l, i);
        int64_t id;
        if (!e->list || !e->entry_id || !e->name) continue;
        if ((rc = store_cached(s, "INSERT INTO list_entries (list, entry_id, name, type, programs, "
                                  "remarks, countries) VALUES (?, ?, ?, ?, ?, ?, ?) "
                                  "ON CONFLICT (list, entry_id) DO UPDATE SET name = excluded.name "
                                  "RETURNING id", &st)))
            goto fail;
        store_bind_text(st, 1, e->list);
        store_bind_text(st, 2, e->entry_id);
        store_bind_text(st, 3, e->name);
        store_bind_text(st, 4, e->type);
        store_bind_text(st, 5, e->programs);
        store_bind_text(st, 6, e->remarks);
        store_bind_text(st, 7, e->countries);
        rc = store_step(st);
        id = rc == 1 ? store_col_int(st, 0) : 0;
        store_reset(st);
        if (rc != 1) { rc = rc < 0 ? rc : DOTS_ESTORE; goto fail; }
        if ((rc = put_alias(s, id, e->name, &f))) goto fail;
        for (size_t k = 0; k < e->naliases; k++)
            if ((rc = put_alias(s, id, e->aliases[k], &f))) goto fail;
    }
    rc = store_commit(s);
    actor_lists_free(s->lists);          /* the cache is stale now */
    s->lists = NULL;
    s->lists_loaded = 0;
    goto out;
fail:
    store_rollback(s);
out:
    buf_fini(&f);
    return rc;
}

int store_lists(store *s, const actor_lists **out)
{
    int64_t n = 0;
    int rc;
    *out = NULL;
    if (!s->lists_loaded) {
        if ((rc = store_count(s, "list_entries", &n))) return rc;
        if (n) {
            if (!(s->lists = actor_lists_new())) return DOTS_ENOMEM;
            if ((rc = store_get_lists(s, s->lists))) {
                actor_lists_free(s->lists);
                s->lists = NULL;
                return rc;
            }
        }
        s->lists_loaded = 1;
    }
    *out = s->lists;
    return DOTS_OK;
}

int store_get_lists(store *s, actor_lists *l)
{
    store_stmt *st, *al;
    int rc;
    const char **aliases = NULL;
    size_t cap = 0;

    if ((rc = store_cached(s, "SELECT id, list, entry_id, name, type, programs, remarks, "
                              "countries FROM list_entries ORDER BY id", &st)) ||
        (rc = store_cached(s, "SELECT alias FROM list_aliases WHERE entry = ? ORDER BY alias",
                           &al)))
        return rc;
    /* Copy each row before stepping the alias query: column text is only
    ** valid until the statement moves on. */
    while ((rc = store_step(st)) == 1) {
        char *f[7];
        for (int k = 0; k < 7; k++) {
            const char *v = store_col_text(st, k + 1);
            f[k] = v ? strdup(v) : NULL;
        }
        int64_t id = store_col_int(st, 0);
        size_t na = 0;
        store_bind_int(al, 1, id);
        while ((rc = store_step(al)) == 1) {
            if (strcmp(store_col_text(al, 0), f[2] ? f[2] : "") == 0) continue;  /* the name */
            if (na == cap) {
                cap = cap ? cap * 2 : 16;
                const char **p = realloc(aliases, cap * sizeof *p);
                if (!p) { rc = DOTS_ENOMEM; break; }
                aliases = p;
            }
            if (!(aliases[na] = strdup(store_col_text(al, 0)))) { rc = DOTS_ENOMEM; break; }
            na++;
        }
        store_reset(al);
        actor_list_entry e = { .list = f[0], .entry_id = f[1], .name = f[2], .type = f[3],
                               .programs = f[4], .remarks = f[5], .countries = f[6],
                               .aliases = aliases, .naliases = na };
        if (rc >= 0) rc = actor_lists_add(l, &e);
        for (size_t k = 0; k < na; k++) free((char *)aliases[k]);
        for (int k = 0; k < 7; k++) free(f[k]);
        if (rc) break;
    }
    store_reset(st);
    free(aliases);
    return rc < 0 ? rc : DOTS_OK;
}
