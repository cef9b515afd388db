/* bench/bench_pipeline.c -- the whole pipeline on real pages: parse (segment),
** tokenize, tag (POS + NER), link actors, extract claims, each stage timed.
** Input: the dev-eval documents and the seed page from $DOTS_SHARED (default
** ../shared), parsed once and processed again and again until at least
** BENCH_MB (default 20) megabytes of source text have gone through, one core.
** Prints documents/s, MB/s, the share of each stage and the peak resident
** memory (getrusage ru_maxrss). Times are CPU seconds of this thread, so
** other jobs on a shared machine inflate them less than wall time; the wall
** time is printed too. Usage: bench_pipeline [MB] */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "actor/actor.h"
#include "base/base.h"
#include "dots.h"
#include "extract/extract.h"
#include "tag/tag.h"
#include "text/text.h"

typedef struct page { char *path, *src; size_t len; } page;

static double clock_s(clockid_t id)
{
    struct timespec ts;
    clock_gettime(id, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static double now(void) { return clock_s(CLOCK_THREAD_CPUTIME_ID); }

static int add_page(page **pages, size_t *n, const char *path)
{
    char err[256];
    page p = { strdup(path), NULL, 0 };
    if (!p.path || base_read_file(path, &p.src, &p.len, err, sizeof err) != DOTS_OK) {
        fprintf(stderr, "bench_pipeline: %s\n", err);
        free(p.path);
        return -1;
    }
    page *np = realloc(*pages, (*n + 1) * sizeof *np);
    if (!np) { free(p.path); free(p.src); return -1; }
    *pages = np;
    (*pages)[(*n)++] = p;
    return 0;
}

int main(int argc, char **argv)
{
    const char *shared = getenv("DOTS_SHARED") ? getenv("DOTS_SHARED") : "../shared";
    double want_mb = argc > 1 ? atof(argv[1]) : 20.0;
    char path[1024], err[512];
    page *pages = NULL;
    size_t npages = 0;

    snprintf(path, sizeof path, "%s/dev-eval/docs", shared);
    DIR *dir = opendir(path);
    if (!dir) { fprintf(stderr, "bench_pipeline: %s: cannot open (set DOTS_SHARED)\n", path); return 1; }
    for (struct dirent *e; (e = readdir(dir));) {
        size_t l = strlen(e->d_name);
        if (l < 5 || strcmp(e->d_name + l - 4, ".txt") != 0) continue;
        snprintf(path, sizeof path, "%s/dev-eval/docs/%s", shared, e->d_name);
        add_page(&pages, &npages, path);
    }
    closedir(dir);
    snprintf(path, sizeof path, "%s/seed/lwj-iran-taliban.txt", shared);
    add_page(&pages, &npages, path);
    if (!npages) { fprintf(stderr, "bench_pipeline: no documents\n"); return 1; }

    const tag_model *pos = tag_builtin_pos(), *ner = tag_builtin_ner();
    const actor_kb *kb = actor_kb_builtin();
    if (!pos || !kb) { fprintf(stderr, "bench_pipeline: this build has no POS model or KB\n"); return 1; }
    tag_tagger *tagger = tag_tagger_new(pos, ner);
    if (!tagger) return 1;

    /* stage times: parse, tokenize, tag, link, extract */
    double t[5] = { 0 }, bytes = 0;
    size_t docs = 0, claims = 0, rounds = 0;
    double start = now(), wall = clock_s(CLOCK_MONOTONIC);
    while (bytes < want_mb * 1e6) {
        for (size_t i = 0; i < npages; i++) {
            dots_doc **dv = NULL;
            size_t nd = 0;
            double a = now();
            if (text_parse(pages[i].path, pages[i].src, pages[i].len, NULL, &dv, &nd, err,
                           sizeof err) != DOTS_OK) {
                fprintf(stderr, "bench_pipeline: %s\n", err);
                return 1;
            }
            double b = now();
            t[0] += b - a;
            for (size_t k = 0; k < nd; k++) {
                dots_doc *d = dv[k];
                double c0 = now();
                int rc = text_tokenize_doc(d);
                double c1 = now();
                if (!rc) rc = tag_doc(tagger, d);
                double c2 = now();
                if (!rc) rc = actor_link_doc(kb, d);
                double c3 = now();
                if (!rc) rc = extract_doc(d);
                double c4 = now();
                if (rc) { fprintf(stderr, "bench_pipeline: %s: %s\n", pages[i].path, dots_strerror(rc)); return 1; }
                t[1] += c1 - c0; t[2] += c2 - c1; t[3] += c3 - c2; t[4] += c4 - c3;
                claims += d->nclaims;
                docs++;
                doc_free(d);
            }
            free(dv);
            bytes += (double)pages[i].len;
        }
        rounds++;
    }
    double total = now() - start;
    wall = clock_s(CLOCK_MONOTONIC) - wall;
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("pipeline: %zu pages x %zu rounds = %zu documents, %.1f MB in %.2f s CPU (%.2f s wall)\n",
           npages, rounds, docs, bytes / 1e6, total, wall);
    printf("  %.0f documents/s, %.2f MB/s, %.1f claims/document\n", (double)docs / total,
           bytes / 1e6 / total, (double)claims / (double)docs);
    static const char *const names[] = { "parse", "tokenize", "tag", "link", "extract" };
    for (int i = 0; i < 5; i++)
        printf("  %-9s %6.2f s  %5.1f%%  %8.2f MB/s\n", names[i], t[i], 100 * t[i] / total,
               t[i] > 0 ? bytes / 1e6 / t[i] : 0.0);
    printf("  peak memory %.1f MB (ru_maxrss)\n", (double)ru.ru_maxrss / 1024);
    tag_tagger_free(tagger);
    for (size_t i = 0; i < npages; i++) { free(pages[i].path); free(pages[i].src); }
    free(pages);
    return 0;
}
