/* src/store/decide.c -- an analyst's decisions: merging two actors, splitting
** an alias off an actor, and reviewing a claim. Each is recorded in its own
** table (actor_decisions, reviews) and applied to the stored rows at once;
** store_put_doc replays the recorded ones on every insert, so a re-ingest of
** the same or a changed document cannot undo them.
** Splits work per document: a document's actor whose surface forms all fold
** to split-off aliases belongs to the new actor, with its mentions and claims.
** Reviews are keyed by the claim's stable key, not its row id, which changes
** when a document is re-ingested. */
#include "store/store_int.h"
#include "dots.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static void stamp(char *now, size_t n)
{
    time_t t = time(NULL);
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(now, n, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

static int find_key(store *s, const char *sql, const char *arg, int64_t *id)
{
    int rc = store_q_int(s, sql, id, arg, NULL);
    return rc;
}

int store_actor_find(store *s, const char *ref, int64_t *id)
{
    buf k;
    int rc;
    const char *p = ref;

    *id = 0;
    if (!ref || !*ref) return DOTS_EINVAL;
    while (isdigit((unsigned char)*p)) p++;
    if (!*p) {
        rc = find_key(s, "SELECT id FROM actors WHERE id = ?", ref, id);
        if (rc != 0) return rc < 0 ? rc : DOTS_OK;
    }
    buf_init(&k);
    rc = find_key(s, "SELECT id FROM actors WHERE akey = ?", ref, id);
    if (rc == 0) {
        buf_printf(&k, "kb:%s", ref);
        rc = find_key(s, "SELECT id FROM actors WHERE akey = ?", k.s, id);
    }
    if (rc == 0) {
        store_fold(ref, &k);
        rc = find_key(s, "SELECT id FROM actors WHERE fold = ? "
                         "ORDER BY (CASE WHEN kb_id IS NULL THEN 1 ELSE 0 END), id LIMIT 1",
                      k.s, id);
        if (rc == 0)
            rc = find_key(s, "SELECT a.id FROM aliases l JOIN actors a ON a.id = l.actor_id "
                             "WHERE l.fold = ? "
                             "ORDER BY (CASE WHEN a.kb_id IS NULL THEN 1 ELSE 0 END), a.id "
                             "LIMIT 1", k.s, id);
    }
    buf_fini(&k);
    if (rc == 0) {
        snprintf(s->err, sizeof s->err, "no actor '%s'", ref);
        return DOTS_ENOTFOUND;
    }
    return rc < 0 ? rc : DOTS_OK;
}

static int actor_key(store *s, int64_t id, buf *key)
{
    store_stmt *st;
    int rc = store_cached(s, "SELECT akey FROM actors WHERE id = ?", &st);
    if (rc) return rc;
    store_bind_int(st, 1, id);
    rc = store_step(st);
    buf_reset(key);
    if (rc == 1) buf_puts(key, store_col_text(st, 0));
    store_reset(st);
    return rc == 1 ? DOTS_OK : rc == 0 ? DOTS_ENOTFOUND : rc;
}

/* Run sql with integer arguments a, b (b < 0: only a). */
static int run2(store *s, const char *sql, int64_t a, int64_t b)
{
    store_stmt *st;
    int rc = store_cached(s, sql, &st);
    if (rc) return rc;
    store_bind_int(st, 1, a);
    if (b >= 0) store_bind_int(st, 2, b);
    rc = store_step(st);
    store_reset(st);
    return rc < 0 ? rc : DOTS_OK;
}

static int decide(store *s, const char *kind, const char *akey, const char *target)
{
    char now[32];
    store_stmt *st;
    stamp(now, sizeof now);
    int rc = store_cached(s, "INSERT INTO actor_decisions (kind, akey, target, decided_at) "
                             "VALUES (?, ?, ?, ?) ON CONFLICT (kind, akey, target) DO NOTHING",
                          &st);
    if (rc) return rc;
    store_bind_text(st, 1, kind);
    store_bind_text(st, 2, akey);
    store_bind_text(st, 3, target);
    store_bind_text(st, 4, now);
    rc = store_step(st);
    store_reset(st);
    return rc < 0 ? rc : DOTS_OK;
}

int store_actor_merge(store *s, const char *into, const char *from)
{
    int64_t a, b;
    buf ka, kb;
    int rc;

    if ((rc = store_actor_find(s, into, &a)) || (rc = store_actor_find(s, from, &b))) return rc;
    if (a == b) {
        snprintf(s->err, sizeof s->err, "'%s' and '%s' are the same actor", into, from);
        return DOTS_EINVAL;
    }
    buf_init(&ka);
    buf_init(&kb);
    if ((rc = actor_key(s, a, &ka)) || (rc = actor_key(s, b, &kb))) goto out;
    if ((rc = store_begin(s))) goto out;
    static const char *const moves[] = {
        "UPDATE claims SET subject = ? WHERE subject = ?",
        "UPDATE claims SET object = ? WHERE object = ?",
        "UPDATE claims SET source_id = ? WHERE source_id = ?",
        "UPDATE mentions SET actor_id = ? WHERE actor_id = ?",
        "INSERT INTO aliases (actor_id, fold, alias) SELECT ?, fold, alias FROM aliases "
        "WHERE actor_id = ? ON CONFLICT (actor_id, fold) DO NOTHING",
        "INSERT INTO aliases (actor_id, fold, alias) SELECT ?, fold, name FROM actors "
        "WHERE id = ? ON CONFLICT (actor_id, fold) DO NOTHING",
        "INSERT INTO name_keys (skel, actor_id) SELECT skel, ? FROM name_keys "
        "WHERE actor_id = ? ON CONFLICT (skel, actor_id) DO NOTHING",
    };
    for (size_t i = 0; i < sizeof moves / sizeof *moves; i++)
        if ((rc = run2(s, moves[i], a, b))) goto fail;
    if ((rc = run2(s, "DELETE FROM aliases WHERE actor_id = ?", b, -1)) ||
        (rc = run2(s, "DELETE FROM name_keys WHERE actor_id = ?", b, -1)) ||
        (rc = run2(s, "DELETE FROM actors WHERE id = ?", b, -1)))
        goto fail;
    /* Decisions aimed at the old actor now aim at the merged one. */
    store_stmt *st;
    if ((rc = store_cached(s, "UPDATE actor_decisions SET target = ? "
                              "WHERE kind = 'merge' AND target = ?", &st)))
        goto fail;
    store_bind_text(st, 1, ka.s);
    store_bind_text(st, 2, kb.s);
    rc = store_step(st);
    store_reset(st);
    if (rc < 0) goto fail;
    if ((rc = decide(s, "merge", kb.s, ka.s))) goto fail;
    rc = store_commit(s);
    goto out;
fail:
    store_rollback(s);
out:
    buf_fini(&ka);
    buf_fini(&kb);
    return rc;
}

int store_actor_split(store *s, const char *actor, const char *alias)
{
    int64_t a, n = 0;
    buf ka, f, nk;
    int rc;
    store_stmt *st;

    if ((rc = store_actor_find(s, actor, &a))) return rc;
    buf_init(&ka);
    buf_init(&f);
    buf_init(&nk);
    store_fold(alias, &f);
    if ((rc = actor_key(s, a, &ka))) goto out;
    if ((rc = store_cached(s, "SELECT alias, (SELECT type FROM actors WHERE id = ?), "
                              "(SELECT count(*) FROM aliases WHERE actor_id = ?) "
                              "FROM aliases WHERE actor_id = ? AND fold = ?", &st)))
        goto out;
    store_bind_int(st, 1, a);
    store_bind_int(st, 2, a);
    store_bind_int(st, 3, a);
    store_bind_text(st, 4, f.s);
    rc = store_step(st);
    if (rc != 1) {
        store_reset(st);
        if (rc == 0) {
            snprintf(s->err, sizeof s->err, "actor '%s' has no alias '%s'", actor, alias);
            rc = DOTS_ENOTFOUND;
        }
        goto out;
    }
    char *surface = strdup(store_col_text(st, 0)), *type = strdup(store_col_text(st, 1));
    int64_t naliases = store_col_int(st, 2);
    store_reset(st);
    if (!surface || !type) { rc = DOTS_ENOMEM; goto free_out; }
    if (naliases < 2) {
        snprintf(s->err, sizeof s->err, "'%s' is the only name of actor '%s'", alias, actor);
        rc = DOTS_EINVAL;
        goto free_out;
    }
    buf_printf(&nk, "split:%s|%s", ka.s, f.s);
    if ((rc = store_begin(s))) goto free_out;
    if ((rc = decide(s, "split", ka.s, f.s))) goto fail;
    if ((rc = store_cached(s, "INSERT INTO actors (akey, name, type, kb_id, fold) "
                              "VALUES (?, ?, ?, NULL, ?) ON CONFLICT (akey) DO NOTHING", &st)))
        goto fail;
    store_bind_text(st, 1, nk.s);
    store_bind_text(st, 2, surface);
    store_bind_text(st, 3, type);
    store_bind_text(st, 4, f.s);
    rc = store_step(st);
    store_reset(st);
    if (rc < 0) goto fail;
    if ((rc = store_q_int(s, "SELECT id FROM actors WHERE akey = ?", &n, nk.s, NULL)) != 1) {
        rc = DOTS_ESTORE;
        goto fail;
    }
    if ((rc = store_name_keys_add(s, n, type, f.s))) goto fail;
    static const char *const moved[] = {  /* the alias and its mentions go along */
        "UPDATE aliases SET actor_id = ? WHERE actor_id = ? AND fold = ?",
        "UPDATE mentions SET actor_id = ? WHERE actor_id = ? AND fold = ?",
    };
    for (size_t i = 0; i < sizeof moved / sizeof *moved; i++) {
        if ((rc = store_cached(s, moved[i], &st))) goto fail;
        store_bind_int(st, 1, n);
        store_bind_int(st, 2, a);
        store_bind_text(st, 3, f.s);
        rc = store_step(st);
        store_reset(st);
        if (rc < 0) goto fail;
    }
    /* Claims follow where a document speaks of the actor only by that name. */
    static const char *const moves[] = {
        "UPDATE claims SET subject = ?1 WHERE subject = ?2 AND doc_id IN (SELECT doc_id FROM "
        "mentions WHERE actor_id = ?1) AND doc_id NOT IN (SELECT doc_id FROM mentions "
        "WHERE actor_id = ?2)",
        "UPDATE claims SET object = ?1 WHERE object = ?2 AND doc_id IN (SELECT doc_id FROM "
        "mentions WHERE actor_id = ?1) AND doc_id NOT IN (SELECT doc_id FROM mentions "
        "WHERE actor_id = ?2)",
        "UPDATE claims SET source_id = ?1 WHERE source_id = ?2 AND doc_id IN (SELECT doc_id "
        "FROM mentions WHERE actor_id = ?1) AND doc_id NOT IN (SELECT doc_id FROM mentions "
        "WHERE actor_id = ?2)",
    };
    for (size_t i = 0; i < sizeof moves / sizeof *moves; i++)
        if ((rc = run2(s, moves[i], n, a))) goto fail;
    rc = store_commit(s);
    goto free_out;
fail:
    store_rollback(s);
free_out:
    free(surface);
    free(type);
out:
    buf_fini(&ka);
    buf_fini(&f);
    buf_fini(&nk);
    return rc;
}

int store_claim_review(store *s, int64_t claim_id, const char *action,
                       const char *predicate, const char *polarity, const char *time,
                       const char *note)
{
    buf ckey;
    store_stmt *st;
    int rc;
    const char *status;

    if (!action) return DOTS_EINVAL;
    if (strcmp(action, "confirm") == 0) status = "confirmed";
    else if (strcmp(action, "reject") == 0) status = "rejected";
    else if (strcmp(action, "correct") == 0) status = "corrected";
    else {
        snprintf(s->err, sizeof s->err, "review action must be confirm, reject or correct, "
                 "not '%s'", action);
        return DOTS_EINVAL;
    }
    if (strcmp(action, "correct") != 0) predicate = polarity = time = NULL;
    if (predicate && doc_predicate_parse(predicate) < 0) {
        snprintf(s->err, sizeof s->err, "unknown predicate '%s'", predicate);
        return DOTS_EINVAL;
    }
    if (polarity && strcmp(polarity, "asserted") && strcmp(polarity, "denied") &&
        strcmp(polarity, "hedged")) {
        snprintf(s->err, sizeof s->err, "polarity must be asserted, denied or hedged");
        return DOTS_EINVAL;
    }
    buf_init(&ckey);
    if ((rc = store_cached(s, "SELECT ckey FROM claims WHERE id = ?", &st))) goto out;
    store_bind_int(st, 1, claim_id);
    rc = store_step(st);
    if (rc == 1) buf_puts(&ckey, store_col_text(st, 0));
    store_reset(st);
    if (rc <= 0) {
        if (rc == 0) {
            snprintf(s->err, sizeof s->err, "no claim %lld", (long long)claim_id);
            rc = DOTS_ENOTFOUND;
        }
        goto out;
    }
    char now[32];
    stamp(now, sizeof now);
    if ((rc = store_begin(s))) goto out;
    if ((rc = store_cached(s, "INSERT INTO reviews (ckey, action, predicate, polarity, time, "
                              "note, reviewed_at) VALUES (?, ?, ?, ?, ?, ?, ?) "
                              "ON CONFLICT (ckey) DO UPDATE SET action = excluded.action, "
                              "predicate = excluded.predicate, polarity = excluded.polarity, "
                              "time = excluded.time, note = excluded.note, "
                              "reviewed_at = excluded.reviewed_at", &st)))
        goto fail;
    store_bind_text(st, 1, ckey.s);
    store_bind_text(st, 2, action);
    store_bind_text(st, 3, predicate);
    store_bind_text(st, 4, polarity);
    store_bind_text(st, 5, time);
    store_bind_text(st, 6, note);
    store_bind_text(st, 7, now);
    rc = store_step(st);
    store_reset(st);
    if (rc < 0) goto fail;
    /* Every stored copy of the claim (one per key) takes the verdict now. */
    if ((rc = store_cached(s, "UPDATE claims SET status = ?, predicate = COALESCE(?, predicate), "
                              "polarity = COALESCE(?, polarity), time = COALESCE(?, time) "
                              "WHERE ckey = ?", &st)))
        goto fail;
    store_bind_text(st, 1, status);
    store_bind_text(st, 2, predicate);
    store_bind_text(st, 3, polarity);
    store_bind_text(st, 4, time);
    store_bind_text(st, 5, ckey.s);
    rc = store_step(st);
    store_reset(st);
    if (rc < 0) goto fail;
    rc = store_commit(s);
    goto out;
fail:
    store_rollback(s);
out:
    buf_fini(&ckey);
    return rc;
}
