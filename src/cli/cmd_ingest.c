/* src/cli/cmd_ingest.c -- `dots ingest PATH... [--db DB] [-j N]`: files,
** folders (recursively) or - (stdin) through the pipeline into the store.
** N worker threads each own a pipeline (tagger scratch) and a store
** connection; they take files from a shared list. SQLite lets one writer in at
** a time, so connections wait on each other's short per-document transactions
** (busy timeout) while the others parse and tag, which is where time goes.
** Safe to kill: each document is one transaction and a stored document (same
** name, same content hash) is skipped on the next run, so re-running finishes
** the job without duplicates.
** Document names: a file given directly keeps the pipeline's name (its base
** name); a file found under a folder is named by its path below that folder,
** so two index.html in different folders stay two documents.
** --parse-only stores documents and segments without running the pipeline
** (an archive for full-text search, or a build without models). */
#define _XOPEN_SOURCE 700
#include "cli/cli.h"
#include "doc/pipeline.h"
#include "dots.h"
#include "store/store.h"
#include "text/text.h"

#include <dirent.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

typedef struct in_file {
    char *path;                   /* as found */
    char *name;                   /* name below the folder given, NULL for a file given */
    size_t size;
} in_file;

typedef struct ingest {
    const char *db;
    in_file *files; size_t nfiles, capfiles;
    char *stdin_src; size_t stdin_len;
    size_t next;                  /* next file to take */
    size_t files_done, bytes_done, bytes_total;
    size_t docs_new, docs_skipped, docs_failed, claims;
    int failed;
    int parse_only;               /* --parse-only: documents and segments, no pipeline */
    pthread_mutex_t mu;
} ingest;

/* ---- Finding the files ---------------------------------------------------- */
static int add_file(ingest *g, const char *path, const char *name, size_t size)
{
    if (g->nfiles == g->capfiles) {
        size_t nc = g->capfiles ? g->capfiles * 2 : 256;
        in_file *p = realloc(g->files, nc * sizeof *p);
        if (!p) return DOTS_ENOMEM;
        g->files = p;
        g->capfiles = nc;
    }
    in_file *f = &g->files[g->nfiles++];
    f->path = strdup(path);
    f->name = name ? strdup(name) : NULL;
    f->size = size;
    g->bytes_total += size;
    return f->path && (!name || f->name) ? DOTS_OK : DOTS_ENOMEM;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Walk dir; rel is the path below the folder given ("" at the top). */
static int walk(ingest *g, const char *dir, const char *rel)
{
    DIR *d = opendir(dir);
    if (!d) return cli_fail("ingest", "%s: cannot open folder", dir), DOTS_EIO;
    char **names = NULL;
    size_t n = 0, cap = 0;
    int rc = DOTS_OK;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.') continue;        /* ., .., hidden files */
        if (n == cap) {
            cap = cap ? cap * 2 : 64;
            char **p = realloc(names, cap * sizeof *p);
            if (!p) { rc = DOTS_ENOMEM; break; }
            names = p;
        }
        if (!(names[n++] = strdup(e->d_name))) { rc = DOTS_ENOMEM; break; }
    }
    closedir(d);
    if (names) qsort(names, n, sizeof *names, by_name);   /* same order every run */
    for (size_t i = 0; i < n && rc == DOTS_OK; i++) {
        size_t lp = strlen(dir) + strlen(names[i]) + 2, lr = strlen(rel) + strlen(names[i]) + 2;
        char *p = malloc(lp), *r = malloc(lr);
        struct stat st;
        if (!p || !r) { free(p); free(r); rc = DOTS_ENOMEM; break; }
        snprintf(p, lp, "%s/%s", dir, names[i]);
        snprintf(r, lr, "%s%s%s", rel, *rel ? "/" : "", names[i]);
        if (stat(p, &st) == 0 && S_ISDIR(st.st_mode)) rc = walk(g, p, r);
        else if (stat(p, &st) == 0 && S_ISREG(st.st_mode)) rc = add_file(g, p, r, (size_t)st.st_size);
        free(p);
        free(r);
    }
    for (size_t i = 0; i < n; i++) free(names[i]);
    free(names);
    return rc;
}

/* The stored name: the folder-relative path in place of the base name. */
static void rename_doc(dots_doc *d, const in_file *f)
{
    if (!f->name || !d->name) return;
    const char *base = strrchr(f->path, '/');
    base = base ? base + 1 : f->path;
    size_t nb = strlen(base);
    if (strncmp(d->name, base, nb) != 0) return;
    buf b;
    buf_init(&b);
    buf_printf(&b, "%s%s", f->name, d->name + nb);       /* keeps "#id" of JSON Lines */
    d->name = arena_strdup(d->arena, b.s);
    buf_fini(&b);
}

/* ---- Workers ------------------------------------------------------------------ */
static void *worker(void *arg)
{
    ingest *g = arg;
    char err[512];
    store *s = NULL;
    dots_pipeline *p = NULL;

    if (store_open(g->db, &s, err, sizeof err)) {
        pthread_mutex_lock(&g->mu);
        if (!g->failed) cli_fail("ingest", "%s", err);
        g->failed = 2;
        pthread_mutex_unlock(&g->mu);
        return NULL;
    }
    if (!g->parse_only && !(p = pipeline_new(err, sizeof err))) {
        pthread_mutex_lock(&g->mu);
        if (!g->failed) cli_fail("ingest", "pipeline: %s", err);
        g->failed = 2;
        pthread_mutex_unlock(&g->mu);
        store_close(s);
        return NULL;
    }
    for (;;) {
        pthread_mutex_lock(&g->mu);
        size_t i = g->failed == 2 ? g->nfiles : g->next++;
        pthread_mutex_unlock(&g->mu);
        if (i >= g->nfiles) break;
        in_file *f = &g->files[i];
        char *src = NULL;
        size_t len = 0, nd = 0, fresh = 0, skip = 0, bad = 0, claims = 0;
        dots_doc **docs = NULL;
        int is_stdin = strcmp(f->path, "-") == 0;
        int rc = is_stdin ? DOTS_OK : base_read_file(f->path, &src, &len, err, sizeof err);
        if (is_stdin) { src = g->stdin_src; len = g->stdin_len; }
        if (rc == DOTS_OK) rc = text_parse(is_stdin ? "-" : f->path, src, len, NULL, &docs, &nd,
                                           err, sizeof err);
        if (rc) {                 /* documents before a bad JSON line still go in */
            pthread_mutex_lock(&g->mu);
            fprintf(stderr, "\r\033[Kdots ingest: %s\n", err);
            g->failed = g->failed ? g->failed : 1;
            pthread_mutex_unlock(&g->mu);
            bad++;
        }
        for (size_t k = 0; k < nd; k++) {
            dots_doc *d = docs[k];
            int64_t id;
            int skipped = 0;
            rename_doc(d, f);
            /* Stored already (a re-run, or resuming after a kill): skip the pipeline. */
            int r = store_doc_known(s, d, &id);
            if (r == 1) skipped = 1;
            if (r == 0 && p) r = pipeline_run(p, d);
            if (r == 0) r = store_put_doc(s, d, &id, &skipped);
            if (r == 1) r = DOTS_OK;
            if (r) {
                pthread_mutex_lock(&g->mu);
                fprintf(stderr, "\r\033[Kdots ingest: %s: %s\n", d->name,
                        r == DOTS_ESTORE || r == DOTS_EINVAL ? store_errmsg(s) : dots_strerror(r));
                g->failed = g->failed ? g->failed : 1;
                pthread_mutex_unlock(&g->mu);
                bad++;
            } else if (skipped) {
                skip++;
            } else {
                fresh++;
                claims += d->nclaims;
            }
            doc_free(d);
        }
        free(docs);
        if (!is_stdin) free(src);
        pthread_mutex_lock(&g->mu);
        g->files_done++;
        g->bytes_done += f->size;
        g->docs_new += fresh;
        g->docs_skipped += skip;
        g->docs_failed += bad;
        g->claims += claims;
        pthread_mutex_unlock(&g->mu);
    }
    pipeline_free(p);
    store_close(s);
    return NULL;
}

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static void progress(ingest *g, double t0)
{
    pthread_mutex_lock(&g->mu);
    size_t fd = g->files_done, nf = g->nfiles, docs = g->docs_new + g->docs_skipped;
    double frac = g->bytes_total ? (double)g->bytes_done / (double)g->bytes_total
                                 : nf ? (double)fd / (double)nf : 1;
    pthread_mutex_unlock(&g->mu);
    double el = now_s() - t0, rate = el > 0 ? (double)docs / el : 0;
    double eta = frac > 0.001 ? el * (1 - frac) / frac : 0;
    char bar[31];
    int w = (int)(frac * 30);
    for (int i = 0; i < 30; i++) bar[i] = i < w ? '#' : '.';
    bar[30] = 0;
    fprintf(stderr, "\r\033[K[%s] %3.0f%% %zu/%zu files  %.0f docs/s  ETA %d:%02d", bar,
            frac * 100, fd, nf, rate, (int)eta / 60, (int)eta % 60);
}

CLI_COMMAND(cmd_ingest, "ingest", "PATH... [--db DB] [-j N] [--parse-only]",
            "add documents (files, folders, - for stdin) to the database")
static int cmd_ingest(int argc, char **argv)
{
    ingest g = { .db = cli_default_db() };
    int jobs = 1, rc = 0;
    const char *o;

    if ((o = cli_opt(argc, argv, "--db"))) g.db = o;
    g.parse_only = cli_flag(argc, argv, "--parse-only");
    if ((o = cli_opt(argc, argv, "-j")) || (o = cli_opt(argc, argv, "--jobs"))) {
        char *end;
        jobs = (int)strtol(o, &end, 10);
        if (*end || jobs < 1 || jobs > 256) return cli_fail("ingest", "-j wants 1..256, not '%s'", o);
    }
    pthread_mutex_init(&g.mu, NULL);
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--db") == 0 || strcmp(a, "-j") == 0 || strcmp(a, "--jobs") == 0) { i++; continue; }
        if (strncmp(a, "--", 2) == 0) continue;
        struct stat st;
        if (strcmp(a, "-") == 0) {
            char err[256];
            if (g.stdin_src) continue;
            if (base_read_file("-", &g.stdin_src, &g.stdin_len, err, sizeof err)) {
                rc = cli_fail("ingest", "%s", err);
                goto out;
            }
            if ((rc = add_file(&g, "-", NULL, g.stdin_len))) goto out;
        } else if (stat(a, &st) != 0) {
            rc = cli_fail("ingest", "%s: no such file or folder", a);
            goto out;
        } else if (S_ISDIR(st.st_mode)) {
            char *dir = strdup(a);
            size_t n = strlen(dir);
            while (n > 1 && dir[n - 1] == '/') dir[--n] = 0;
            int r = walk(&g, dir, "");
            free(dir);
            if (r) { rc = 1; goto out; }
        } else if ((rc = add_file(&g, a, NULL, (size_t)st.st_size))) {
            goto out;
        }
    }
    if (!g.nfiles) { rc = cli_usage("ingest"); goto out; }
    {
        /* Open once here: creates the schema before the workers race for it,
        ** and a wrong URL fails before any work. */
        char err[512];
        store *s;
        if (store_open(g.db, &s, err, sizeof err)) { rc = cli_fail("ingest", "%s", err); goto out; }
        store_close(s);
    }
    if ((size_t)jobs > g.nfiles) jobs = (int)g.nfiles;
    pthread_t *th = calloc((size_t)jobs, sizeof *th);
    if (!th) { rc = cli_fail("ingest", "out of memory"); goto out; }
    double t0 = now_s();
    for (int i = 0; i < jobs; i++) pthread_create(&th[i], NULL, worker, &g);
    int tty = isatty(2);
    if (tty) {
        for (;;) {
            pthread_mutex_lock(&g.mu);
            int done = g.files_done >= g.nfiles || g.failed == 2;
            pthread_mutex_unlock(&g.mu);
            progress(&g, t0);
            if (done) break;
            usleep(200000);
        }
        fputc('\n', stderr);
    }
    for (int i = 0; i < jobs; i++) pthread_join(th[i], NULL);
    free(th);
    double el = now_s() - t0;
    size_t docs = g.docs_new + g.docs_skipped;
    printf("ingested %zu documents (%zu new, %zu unchanged, %zu failed) with %zu claims "
           "from %zu files in %.1f s (%.0f docs/s) into %s\n", docs, g.docs_new, g.docs_skipped,
           g.docs_failed, g.claims, g.files_done, el, el > 0 ? (double)docs / el : 0, g.db);
    rc = g.failed ? 1 : 0;
out:
    for (size_t i = 0; i < g.nfiles; i++) { free(g.files[i].path); free(g.files[i].name); }
    free(g.files);
    free(g.stdin_src);
    pthread_mutex_destroy(&g.mu);
    return rc;
}
