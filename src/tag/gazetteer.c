/* src/tag/gazetteer.c -- build the NER gazetteer from data/gazetteers/ at
** training time; the result is stored inside the model, so the runtime never
** reads these files.
** Sources: countries.tsv (names, alternative spellings, capitals, demonyms),
** armed_groups_ucdp.tsv (1,725 UCDP
** actors; org 1 = armed group, 4 = a government, skipped) and
** us_fto_from_ofac.tsv (70 FTO entries with aliases, in upper case).
** A phrase is stored as the chained hash of its lowercased tokens; every proper
** prefix is stored too, marked GAZ_PREFIX, so matching stops at the first
** token that cannot continue a phrase (one probe for most tokens).
** Measured on GMB dev: ISO 3166-2 subdivision names (Central, North, ...)
** cost F1, so they are left out, and so are one-token names of three letters
** or less (country codes such as IN, IT, NO match ordinary words). */
#include "tag/tag_impl.h"
#include "base/base.h"
#include "dots.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct entry { uint64_t h; uint32_t mask; } entry;
typedef struct list { entry *e; size_t n, cap; } list;

static int push(list *l, uint64_t h, uint32_t mask)
{
    if (l->n == l->cap) {
        size_t c = l->cap ? l->cap * 2 : 4096;
        entry *e = realloc(l->e, c * sizeof *e);
        if (!e) return DOTS_ENOMEM;
        l->e = e;
        l->cap = c;
    }
    l->e[l->n].h = h;
    l->e[l->n++].mask = mask;
    return DOTS_OK;
}

static int is_sep(char c) { return c == ' ' || c == ',' || c == '(' || c == ')' || c == ';' || c == '"'; }

/* Add one name (s, n bytes) with type mask. */
static int add_phrase(list *l, const char *s, size_t n, uint32_t mask)
{
    uint64_t hs[TAG_GAZ_MAXLEN];
    size_t nt = 0;
    char norm[TAG_MAX_WORD], low[TAG_MAX_WORD];
    for (size_t i = 0; i < n;) {
        while (i < n && is_sep(s[i])) i++;
        size_t a = i;
        while (i < n && !is_sep(s[i])) i++;
        if (i == a) break;
        if (nt == TAG_GAZ_MAXLEN) return DOTS_OK;     /* too long to be matched */
        if (nt == 0) {
            unsigned char c = (unsigned char)s[a];
            if (!((c >= 'A' && c <= 'Z') || c >= 0x80)) return DOTS_OK;
        }
        size_t len = i - a < TAG_MAX_WORD ? i - a : TAG_MAX_WORD;
        size_t nl = tag_normalize(s + a, len, norm);
        tag_lower(norm, nl, low);
        hs[nt++] = tag_hash(low, nl);
    }
    /* Two- and three-letter names are mostly codes (IN, IT, AT, NO) that would
    ** match ordinary capitalised words; the tagger learns real ones from data. */
    if (nt == 1 && n <= 3) return DOTS_OK;
    uint64_t h = 0x67617a;
    for (size_t j = 0; j < nt; j++) {
        h = tag_gaz_step(h, hs[j]);
        if (push(l, h, j + 1 < nt ? GAZ_PREFIX : mask)) return DOTS_ENOMEM;
    }
    return DOTS_OK;
}

/* Add each item of a field split on sep ("|"), and on ", " when split_comma. */
static int add_field(list *l, const char *f, const char *sep, int split_comma, uint32_t mask)
{
    while (*f) {
        size_t n = strcspn(f, sep);
        size_t k = 0;
        while (split_comma && k + 1 < n && !(f[k] == ',' && f[k + 1] == ' ')) k++;
        if (split_comma && k + 1 < n) n = k;
        if (n && add_phrase(l, f, n, mask)) return DOTS_ENOMEM;
        f += n;
        while (*f && (strchr(sep, *f) || (split_comma && (*f == ',' || *f == ' ')))) f++;
    }
    return DOTS_OK;
}

typedef int (*row_fn)(list *l, char **col, int ncol);

static int row_countries(list *l, char **col, int ncol)
{
    if (ncol < 9) return DOTS_EFORMAT;
    int rc = add_field(l, col[3], "|", 0, GAZ_COUNTRY);
    if (!rc) rc = add_field(l, col[4], "|", 0, GAZ_COUNTRY);
    if (!rc) rc = add_field(l, col[5], "|", 0, GAZ_COUNTRY);
    if (!rc) rc = add_field(l, col[6], "|", 0, GAZ_CAPITAL);
    for (int k = 7; k <= 8 && !rc; k++) {
        char pl[128];
        size_t n = strlen(col[k]);
        if (!n) continue;
        rc = add_field(l, col[k], "|", 0, GAZ_DEMONYM);
        if (!rc && n + 2 < sizeof pl && col[k][n - 1] != 's') {   /* "Afghans" */
            snprintf(pl, sizeof pl, "%ss", col[k]);
            rc = add_field(l, pl, "|", 0, GAZ_DEMONYM);
        }
    }
    return rc;
}

static int row_ucdp(list *l, char **col, int ncol)
{
    if (ncol < 4) return DOTS_EFORMAT;
    int org = atoi(col[1]);
    if (org == 4) return DOTS_OK;             /* "Government of X": the country is there */
    uint32_t m = org == 1 ? GAZ_ARMED : GAZ_GROUP;
    int rc = add_field(l, col[2], "|", 1, m);
    return rc ? rc : add_field(l, col[3], "|", 1, m);
}

static int row_fto(list *l, char **col, int ncol)
{
    if (ncol < 7) return DOTS_EFORMAT;
    int rc = DOTS_OK;
    for (int k = 1; k < 7 && !rc; k++) {
        if (k == 2) continue;                 /* programs */
        rc = add_field(l, col[k], "|", 0, GAZ_FTO);
    }
    return rc;
}

static int read_tsv(list *l, const char *dir, const char *name, row_fn fn, char *err, size_t errlen)
{
    char path[1024], *text = NULL;
    size_t len = 0, line = 0;
    snprintf(path, sizeof path, "%s/%s", dir, name);
    int rc = base_read_file(path, &text, &len, err, errlen);
    if (rc) return rc;
    char *p = text, *end = text + len;
    while (p < end && !rc) {
        char *nl = memchr(p, '\n', (size_t)(end - p));
        char *e = nl ? nl : end;
        line++;
        if (e > p && e[-1] == '\r') e--;
        *e = 0;
        if (line > 1 && e > p) {
            char *col[16];
            int ncol = 0;
            for (char *q = p; ncol < 16;) {
                col[ncol++] = q;
                char *tab = strchr(q, '\t');
                if (!tab) break;
                *tab = 0;
                q = tab + 1;
            }
            rc = fn(l, col, ncol);
            if (rc == DOTS_EFORMAT)
                base_err(err, errlen, rc, "%s:%zu: too few columns", path, line);
            else if (rc)
                base_err(err, errlen, rc, "%s: out of memory", path);
        }
        p = nl ? nl + 1 : end;
    }
    free(text);
    return rc;
}

static int cmp_entry(const void *a, const void *b)
{
    const entry *x = a, *y = b;
    return x->h < y->h ? -1 : x->h > y->h;
}

int tag_gaz_build(const char *dir, tag_gslot **slots, uint32_t *nslots, char *err, size_t errlen)
{
    list l = { 0 };
    int rc = read_tsv(&l, dir, "countries.tsv", row_countries, err, errlen);
    if (!rc) rc = read_tsv(&l, dir, "armed_groups_ucdp.tsv", row_ucdp, err, errlen);
    if (!rc) rc = read_tsv(&l, dir, "us_fto_from_ofac.tsv", row_fto, err, errlen);
    if (rc) { free(l.e); return rc; }
    qsort(l.e, l.n, sizeof *l.e, cmp_entry);
    size_t m = 0;                             /* merge duplicates: OR their masks */
    for (size_t i = 0; i < l.n; i++) {
        if (m && l.e[m - 1].h == l.e[i].h) l.e[m - 1].mask |= l.e[i].mask;
        else l.e[m++] = l.e[i];
    }
    uint32_t ns = 1024;
    while (ns < 2 * m) ns *= 2;
    tag_gslot *t = calloc(ns, sizeof *t);
    if (!t) { free(l.e); return base_err(err, errlen, DOTS_ENOMEM, "out of memory"); }
    for (size_t i = 0; i < m; i++) {
        uint32_t s = (uint32_t)l.e[i].h & (ns - 1), fp = tag_fp(l.e[i].h);
        while (t[s].fp && t[s].fp != fp) s = (s + 1) & (ns - 1);
        t[s].fp = fp;
        t[s].mask |= l.e[i].mask;
    }
    free(l.e);
    *slots = t;
    *nslots = ns;
    return DOTS_OK;
}
