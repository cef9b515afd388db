/* bench/bench_store.c -- query speed on a large generated network.
**   bench_store [--db URL] [--actors N] [--claims N] [--queries N] [--keep]
** Builds a network of N claims among M actors (default 1,000,000 among
** 100,000) by bulk inserts straight into the tables (500-row INSERTs, one
** transaction), with skewed degrees -- actor ids drawn as M*u^2, so a few
** hubs have tens of thousands of claims like a country does -- 20 claims per
** document, then times `show` (graph_actor) on random actors and `path`
** (graph_path, 3 hops, k=3) between actor pairs three random steps apart, and
** prints medians, p90, the database size and peak memory.
** Default database: /tmp/dots-bench-store.db (removed first, and after unless
** --keep; --reuse queries a kept one); a postgresql:// URL is wiped (schema public) before use. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "dots.h"
#include "graph/graph.h"
#include "store/store.h"

static uint64_t rng = 0x9E3779B97F4A7C15ull;
static uint64_t next(void)
{
    rng ^= rng << 13; rng ^= rng >> 7; rng ^= rng << 17;
    return rng;
}
static double unit(void) { return (double)(next() >> 11) / 9007199254740992.0; }
static long skewed(long n) { double u = unit(); return 1 + (long)(u * u * (double)n) % n; }

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static int cmp(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static void die(store *s, const char *what)
{
    fprintf(stderr, "bench_store: %s: %s\n", what, s ? store_errmsg(s) : "");
    exit(1);
}

static void flush(store *s, buf *b, int *rows)
{
    if (!*rows) return;
    if (store_exec(s, b->s)) die(s, "bulk insert");
    buf_reset(b);
    *rows = 0;
}

static const char *preds[] = { "supports", "arms", "funds", "trains", "shelters", "allied_with",
                               "meets", "opposes", "attacks", "designates", "detains",
                               "releases", "member_of", "located_in" };
static const char *types[] = { "PER", "ORG", "GPE", "LOC" };

static void generate(store *s, long na, long nc)
{
    buf b;
    int rows = 0;
    long ndocs = nc / 20 + 1;
    buf_init(&b);
    if (store_begin(s)) die(s, "begin");
    for (long i = 1; i <= na; i++) {
        if (!rows) buf_puts(&b, "INSERT INTO actors (id, akey, name, type, kb_id, fold) VALUES ");
        buf_printf(&b, "%s(%ld, 'doc:actor %ld', 'Actor %ld', '%s', NULL, 'actor %ld')",
                   rows ? "," : "", i, i, i, types[i % 4], i);
        if (++rows == 500) flush(s, &b, &rows);
    }
    flush(s, &b, &rows);
    for (long i = 1; i <= na; i++) {
        if (!rows) buf_puts(&b, "INSERT INTO aliases (actor_id, fold, alias) VALUES ");
        buf_printf(&b, "%s(%ld, 'actor %ld', 'Actor %ld')", rows ? "," : "", i, i, i);
        if (++rows == 500) flush(s, &b, &rows);
    }
    flush(s, &b, &rows);
    for (long i = 1; i <= ndocs; i++) {
        if (!rows) buf_puts(&b, "INSERT INTO documents (id, name, hash, title, date, format, "
                                "text) VALUES ");
        buf_printf(&b, "%s(%ld, 'gen-%ld.txt', '%016lx', 'Generated report %ld', "
                   "'2015-%02ld-%02ld', "
                   "'text', 'Generated report %ld about twenty relations between actors.')",
                   rows ? "," : "", i, i, (unsigned long)i, i, 1 + i % 12, 1 + i % 28, i);
        if (++rows == 200) flush(s, &b, &rows);
    }
    flush(s, &b, &rows);
    for (long i = 1; i <= nc; i++) {
        long a = skewed(na), o = skewed(na);
        if (o == a) o = a % na + 1;
        const char *p = preds[next() % 14];
        long doc = 1 + (i - 1) / 20;
        if (!rows) buf_puts(&b, "INSERT INTO claims (id, doc_id, ckey, subject, predicate, object, "
                                "polarity, time, source_id, source_name, origin, ev_start, ev_end, "
                                "sentence, confidence, rule, status) VALUES ");
        buf_printf(&b, "%s(%ld, %ld, 'gen-%ld.txt|%ld', %ld, '%s', %ld, 'asserted', '%ld-%02ld', "
                   "NULL, NULL, 'article', 0, 60, 'Actor %ld %s Actor %ld, the report said.', "
                   "%.2f, 'gen', 'unreviewed')",
                   rows ? "," : "", i, doc, doc, i, a, p, o, 2000 + (long)(next() % 20),
                   1 + (long)(next() % 12), a, p, o, 0.5 + unit() / 2);
        if (++rows == 500) flush(s, &b, &rows);
    }
    flush(s, &b, &rows);
    if (store_commit(s)) die(s, "commit");
    buf_fini(&b);
}

/* A random neighbour of actor a (0 if none). */
static long step(store *s, long a)
{
    store_stmt *st;
    long r = 0;
    if (store_cached(s, "SELECT object FROM claims WHERE subject = ? UNION ALL "
                        "SELECT subject FROM claims WHERE object = ? LIMIT 50", &st))
        die(s, "step");
    store_bind_int(st, 1, a);
    store_bind_int(st, 2, a);
    long got[50];
    int n = 0;
    while (store_step(st) == 1 && n < 50) got[n++] = (long)store_col_int(st, 0);
    store_reset(st);
    if (n) r = got[next() % (unsigned)n];
    return r;
}

static void report(const char *what, double *t, int n)
{
    qsort(t, (size_t)n, sizeof *t, cmp);
    printf("%-28s median %7.2f ms  p90 %7.2f ms  max %7.2f ms  (%d queries)\n", what,
           t[n / 2] * 1e3, t[n * 9 / 10] * 1e3, t[n - 1] * 1e3, n);
}

int main(int argc, char **argv)
{
    const char *db = "/tmp/dots-bench-store.db";
    long na = 100000, nc = 1000000;
    int nq = 200, keep = 0, reuse = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--db") == 0 && i + 1 < argc) db = argv[++i];
        else if (strcmp(argv[i], "--actors") == 0 && i + 1 < argc) na = atol(argv[++i]);
        else if (strcmp(argv[i], "--claims") == 0 && i + 1 < argc) nc = atol(argv[++i]);
        else if (strcmp(argv[i], "--queries") == 0 && i + 1 < argc) nq = atoi(argv[++i]);
        else if (strcmp(argv[i], "--keep") == 0) keep = 1;
        else if (strcmp(argv[i], "--reuse") == 0) reuse = keep = 1;
        else { fprintf(stderr, "usage: bench_store [--db URL] [--actors N] [--claims N] "
                               "[--queries N] [--keep] [--reuse]\n"); return 2; }
    }
    int pg = strncmp(db, "postgres", 8) == 0;
    char err[512], p[600];
    store *s = NULL;
    if (!pg && !reuse) {
        unlink(db);
        snprintf(p, sizeof p, "%s-wal", db); unlink(p);
        snprintf(p, sizeof p, "%s-shm", db); unlink(p);
    }
    if (store_open(db, &s, err, sizeof err)) {
        fprintf(stderr, "bench_store: %s\n", err);
        return 1;
    }
    if (pg && !reuse) {
        if (store_exec(s, "DROP SCHEMA public CASCADE; CREATE SCHEMA public")) die(s, "wipe");
        store_close(s);
        if (store_open(db, &s, err, sizeof err)) {
        fprintf(stderr, "bench_store: %s\n", err);
        return 1;
    }
    }
    printf("bench_store: %s, %ld claims among %ld actors\n", store_backend(s), nc, na);
    double t0 = now();
    if (reuse) goto queries;
    generate(s, na, nc);
    if (pg) {
        /* identity columns restart after the explicit ids, and the planner wants stats */
        if (store_exec(s, "SELECT setval(pg_get_serial_sequence('claims', 'id'), "
                          "(SELECT max(id) FROM claims)); ANALYZE"))
            die(s, "analyze");
    } else if (store_exec(s, "ANALYZE; PRAGMA wal_checkpoint(TRUNCATE)")) {
        die(s, "analyze");
    }
    double tg = now() - t0;
    printf("generate                     %.1f s (%.0f claims/s)\n", tg, (double)nc / tg);

queries:;
    double *t = malloc((size_t)nq * sizeof *t);
    char ref[32], ref2[32];
    int n = 0;
    for (int i = 0; i < nq; i++) {
        snprintf(ref, sizeof ref, "%ld", 1 + (long)(next() % (unsigned long)na));
        json_t *o;
        double q0 = now();
        if (graph_actor(s, ref, &o)) die(s, "show");
        t[n++] = now() - q0;
        json_decref(o);
    }
    report("show (random actor)", t, n);
    n = 0;
    int found = 0;
    long paths = 0;
    for (int i = 0; i < nq; i++) {
        long a = 1 + (long)(next() % (unsigned long)na), b = a;
        for (int k = 0; k < 3 && b; k++) b = step(s, b);
        if (!b || b == a) continue;
        snprintf(ref, sizeof ref, "%ld", a);
        snprintf(ref2, sizeof ref2, "%ld", b);
        json_t *o;
        double q0 = now();
        if (graph_path(s, ref, ref2, 3, 3, NULL, &o)) die(s, "path");
        t[n++] = now() - q0;
        size_t np = json_array_size(json_object_get(o, "paths"));
        found += np > 0;
        paths += (long)np;
        json_decref(o);
    }
    report("path (3 hops, k=3)", t, n);
    printf("  pairs with a path: %d of %d, %ld paths returned\n", found, n, paths);
    free(t);

    double mb = 0;
    if (pg) {
        store_stmt *st;
        if (store_cached(s, "SELECT pg_database_size(current_database())", &st) == 0 &&
            store_step(st) == 1)
            mb = (double)store_col_int(st, 0) / 1048576.0;
        if (st) store_reset(st);
    } else {
        struct stat sb;
        if (stat(db, &sb) == 0) mb = (double)sb.st_size / 1048576.0;
    }
    printf("database size                %.0f MB\n", mb);
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("peak memory                  %.0f MB\n", (double)ru.ru_maxrss / 1024.0);
    if (pg && !keep) store_exec(s, "DROP SCHEMA public CASCADE; CREATE SCHEMA public");
    store_close(s);
    if (!pg && !keep) {
        unlink(db);
        snprintf(p, sizeof p, "%s-wal", db); unlink(p);
        snprintf(p, sizeof p, "%s-shm", db); unlink(p);
    }
    return 0;
}
