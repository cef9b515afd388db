/* src/actor/ofac.c -- OFAC's SDN "legacy CSV" set (sdn.csv, alt.csv, add.csv)
** parsed from memory.
** Layout, as published: no header; comma-separated; strings in double quotes
** ("" escapes a quote); "-0- " (trailing space) is an empty value; lines end in
** CRLF and the file ends with one 0x1A byte (DOS end of file). The text is ASCII.
**   sdn: ent_num, SDN_Name, SDN_Type, Program, Title, Call_Sign, Vess_type,
**        Tonnage, GRT, Vess_flag, Vess_owner, Remarks              (12 fields)
**   alt: ent_num, alt_num, alt_type, alt_name, alt_remarks          (5 fields)
**   add: ent_num, add_num, address, city/state/postal, country, add_remarks (6)
** Several programs share one field as "SDGT] [FTO" (the brackets of the
** printed list, half kept); they become "SDGT FTO". Entities have SDN_Type
** "-0- " and become "entity". Remarks carry weak aliases as a.k.a. 'X'.
** Anything else -- a stray quote, a missing or extra column, a non-numeric
** ent_num, a NUL or control byte, invalid UTF-8 -- is an error naming the file
** and line, because a silently dropped designation is worse than no load. */
#include "actor/actor_int.h"
#include "dots.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#define MAX_FIELDS 16

typedef struct csv {
    const lists_src *src;
    size_t pos, line;
    size_t rec_line;            /* where the current record began */
    char *err; size_t errlen;
    buf field[MAX_FIELDS];
    int null[MAX_FIELDS];
    size_t nf;
} csv;

static int csv_fail(csv *c, const char *what, size_t line)
{
    return base_err(c->err, c->errlen, DOTS_EFORMAT, "%s:%zu: %s", c->src->file, line, what);
}

static int at_eof(csv *c)
{
    const char *s = c->src->data;
    size_t n = c->src->len, p = c->pos;
    while (p < n && (s[p] == '\r' || s[p] == '\n' || s[p] == 0x1a)) {
        if (s[p] == 0x1a && p + 1 < n) {
            /* 0x1A is only allowed as the very last byte (before trailing newlines) */
            size_t q = p + 1;
            while (q < n && (s[q] == '\r' || s[q] == '\n')) q++;
            if (q < n) return 0;
        }
        p++;
    }
    return p == n;
}

/* Check a byte run is valid UTF-8 without control bytes other than tab. */
static int check_text(csv *c, const char *s, size_t n, size_t line)
{
    size_t i = 0;
    while (i < n) {
        unsigned char b = (unsigned char)s[i];
        if (b < 0x80) {
            if (b < 0x20 && b != '\t') return csv_fail(c, "control byte in a field", line);
            i++;
            continue;
        }
        utf8proc_int32_t cp;
        utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
                                              (utf8proc_ssize_t)(n - i), &cp);
        if (k <= 0)
            return csv_fail(c, "invalid UTF-8 (OFAC files are ASCII; wrong encoding?)", line);
        i += (size_t)k;
    }
    return DOTS_OK;
}

/* Read one record into c->field. Returns DOTS_OK, 1 at end of input, or an error. */
static int csv_record(csv *c)
{
    const char *s = c->src->data;
    size_t n = c->src->len;
    /* skip blank lines */
    while (c->pos < n && (s[c->pos] == '\n' || s[c->pos] == '\r')) {
        if (s[c->pos] == '\n') c->line++;
        c->pos++;
    }
    if (at_eof(c)) return 1;
    size_t start_line = c->line;
    c->rec_line = start_line;
    c->nf = 0;
    for (;;) {
        if (c->nf == MAX_FIELDS) return csv_fail(c, "too many fields", start_line);
        buf *f = &c->field[c->nf];
        buf_reset(f);
        buf_putc(f, 0); f->len = 0;
        c->null[c->nf] = 0;
        if (c->pos < n && s[c->pos] == '"') {
            size_t qline = c->line;
            c->pos++;
            for (;;) {
                if (c->pos >= n) return csv_fail(c, "unterminated quoted field (truncated file?)", qline);
                char ch = s[c->pos];
                if (ch == '"') {
                    if (c->pos + 1 < n && s[c->pos + 1] == '"') { buf_putc(f, '"'); c->pos += 2; continue; }
                    c->pos++;
                    break;
                }
                if (ch == '\n') c->line++;
                buf_putc(f, ch);
                c->pos++;
            }
            if (c->pos < n && s[c->pos] != ',' && s[c->pos] != '\r' && s[c->pos] != '\n' &&
                s[c->pos] != 0x1a)
                return csv_fail(c, "text after a closing quote (bad quoting)", c->line);
        } else {
            size_t b = c->pos;
            while (c->pos < n && s[c->pos] != ',' && s[c->pos] != '\r' && s[c->pos] != '\n') {
                if (s[c->pos] == '"') return csv_fail(c, "quote inside an unquoted field", c->line);
                if (s[c->pos] == 0x1a) break;
                c->pos++;
            }
            buf_append(f, s + b, c->pos - b);
            if (!strcmp(f->s, "-0- ") || !strcmp(f->s, "-0-")) c->null[c->nf] = 1;
        }
        if (check_text(c, f->s, f->len, c->line)) return DOTS_EFORMAT;
        c->nf++;
        if (c->pos < n && s[c->pos] == ',') { c->pos++; continue; }
        break;
    }
    /* end of record: CRLF, LF, 0x1A, or end of input */
    if (c->pos < n && s[c->pos] == 0x1a) {
        if (!at_eof(c)) return csv_fail(c, "0x1A byte before the end of the file", c->line);
        c->pos = n;
    } else if (c->pos < n && s[c->pos] == '\r') {
        c->pos++;
        if (c->pos < n && s[c->pos] == '\n') c->pos++;
        c->line++;
    } else if (c->pos < n && s[c->pos] == '\n') {
        c->pos++;
        c->line++;
    }
    return DOTS_OK;
}

static void csv_init(csv *c, const lists_src *src, char *err, size_t errlen)
{
    memset(c, 0, sizeof *c);
    c->src = src;
    c->line = 1;
    c->err = err;
    c->errlen = errlen;
    for (int i = 0; i < MAX_FIELDS; i++) buf_init(&c->field[i]);
}

static void csv_fini(csv *c)
{
    for (int i = 0; i < MAX_FIELDS; i++) buf_fini(&c->field[i]);
}

static int parse_ent(csv *c, long *out)
{
    size_t line = c->rec_line;
    const char *s = c->field[0].s;
    char *e;
    if (c->null[0] || !*s) return csv_fail(c, "empty ent_num", line);
    long v = strtol(s, &e, 10);
    if (*e || v <= 0) return csv_fail(c, "ent_num is not a positive number", line);
    *out = v;
    return DOTS_OK;
}

static int check_fields(csv *c, size_t want)
{
    size_t line = c->rec_line;
    if (c->nf == want) return DOTS_OK;
    char msg[96];
    snprintf(msg, sizeof msg, "%zu fields, expected %zu (%s)", c->nf, want,
             c->nf < want ? "missing columns or truncated line" : "extra columns");
    return csv_fail(c, msg, line);
}

/* ---- Building entries --------------------------------------------------------- */
typedef struct raw_ent {
    long ent;
    actor_list_entry e;
    const char **al; size_t nal, capal;
    buf countries;
} raw_ent;

typedef struct ent_ix { long ent; size_t i; } ent_ix;

typedef struct ent_map {
    raw_ent *v; size_t n, cap;
    ent_ix *order;              /* sorted by ent for lookups */
} ent_map;

static raw_ent *find_ent(ent_map *m, long ent)
{
    /* sdn.csv is not sorted by ent_num; a sorted index array is built once */
    size_t lo = 0, hi = m->n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        long v = m->order[mid].ent;
        if (v == ent) return &m->v[m->order[mid].i];
        if (v < ent) lo = mid + 1; else hi = mid;
    }
    return NULL;
}

static int cmp_ent(const void *a, const void *b)
{
    long x = ((const ent_ix *)a)->ent, y = ((const ent_ix *)b)->ent;
    return x < y ? -1 : x > y;
}

static char *adup(arena *a, const buf *b, int isnull)
{
    if (isnull) return NULL;
    return arena_strndup(a, b->s ? b->s : "", b->len);
}

static int add_alias(raw_ent *r, const char *s)
{
    for (size_t i = 0; i < r->nal; i++) if (!strcmp(r->al[i], s)) return DOTS_OK;
    if (r->nal == r->capal) {
        size_t nc = r->capal ? r->capal * 2 : 4;
        const char **p = realloc(r->al, nc * sizeof *p);
        if (!p) return DOTS_ENOMEM;
        r->al = p;
        r->capal = nc;
    }
    r->al[r->nal++] = s;
    return DOTS_OK;
}

/* "SDGT] [FTO" -> "SDGT FTO" */
static char *programs(arena *a, const buf *b, int isnull)
{
    if (isnull) return NULL;
    char *p = arena_strndup(a, b->s, b->len), *o = p;
    for (const char *s = p; *s; s++) {
        if (*s == '[' || *s == ']') continue;
        if (*s == ' ' && o > p && o[-1] == ' ') continue;
        *o++ = *s;
    }
    *o = 0;
    return p;
}

/* The weak aliases inside the remarks: a.k.a. 'X'; */
static int weak_akas(arena *a, raw_ent *r, const char *rem)
{
    const char *p = rem;
    while (rem && (p = strstr(p, "a.k.a. '"))) {
        p += 8;
        const char *e = strchr(p, '\'');
        if (!e) break;
        /* one-word weak aliases ("LH", "ESO") match too much to screen on */
        if (memchr(p, ' ', (size_t)(e - p))) {
            char *s = arena_strndup(a, p, (size_t)(e - p));
            if (!s || add_alias(r, s)) return DOTS_ENOMEM;
        }
        p = e + 1;
    }
    return DOTS_OK;
}

static void free_map(ent_map *m)
{
    for (size_t i = 0; i < m->n; i++) { free(m->v[i].al); buf_fini(&m->v[i].countries); }
    free(m->v);
    free(m->order);
}

int lists_parse_ofac(actor_lists *l, const lists_src *sdn, const lists_src *alt,
                     const lists_src *add, char *err, size_t errlen)
{
    arena *a = lists_arena(l);
    ent_map m = {0};
    csv c;
    int rc = DOTS_OK, r;

    csv_init(&c, sdn, err, errlen);
    for (;;) {
        if ((r = csv_record(&c)) == 1) break;
        if (r) { rc = r; goto done; }
        if ((rc = check_fields(&c, 12))) goto done;
        long ent;
        if ((rc = parse_ent(&c, &ent))) goto done;
        if (c.null[1] || !c.field[1].len) {
            rc = csv_fail(&c, "empty SDN_Name", c.rec_line);
            goto done;
        }
        if (m.n == m.cap) {
            size_t nc = m.cap ? m.cap * 2 : 1024;
            raw_ent *p = realloc(m.v, nc * sizeof *p);
            if (!p) { rc = DOTS_ENOMEM; goto done; }
            m.v = p;
            m.cap = nc;
        }
        raw_ent *re = &m.v[m.n++];
        memset(re, 0, sizeof *re);
        buf_init(&re->countries);
        re->ent = ent;
        char id[32];
        snprintf(id, sizeof id, "%ld", ent);
        re->e.list = "OFAC-SDN";
        re->e.entry_id = arena_strdup(a, id);
        re->e.name = adup(a, &c.field[1], 0);
        re->e.type = c.null[2] ? "entity" : adup(a, &c.field[2], 0);
        re->e.programs = programs(a, &c.field[3], c.null[3]);
        re->e.remarks = adup(a, &c.field[11], c.null[11]);
        if (!re->e.entry_id || !re->e.name || !re->e.type) { rc = DOTS_ENOMEM; goto done; }
        if ((rc = weak_akas(a, re, re->e.remarks))) goto done;
    }
    csv_fini(&c);
    if (!(m.order = malloc((m.n ? m.n : 1) * sizeof *m.order))) { rc = DOTS_ENOMEM; goto out; }
    for (size_t i = 0; i < m.n; i++) m.order[i] = (ent_ix){ m.v[i].ent, i };
    qsort(m.order, m.n, sizeof *m.order, cmp_ent);
    for (size_t i = 1; i < m.n; i++)
        if (m.order[i].ent == m.order[i - 1].ent) {
            rc = base_err(err, errlen, DOTS_EFORMAT, "%s: ent_num %ld appears twice",
                          sdn->file, m.order[i].ent);
            goto out;
        }

    if (alt) {
        csv_init(&c, alt, err, errlen);
        for (;;) {
            if ((r = csv_record(&c)) == 1) break;
            if (r) { rc = r; goto done; }
            if ((rc = check_fields(&c, 5))) goto done;
            long ent;
            if ((rc = parse_ent(&c, &ent))) goto done;
            raw_ent *re = find_ent(&m, ent);
            if (!re) { lists_skip(l); continue; }
            if (c.null[3] || !c.field[3].len) continue;     /* an alias row without a name */
            char *s = adup(a, &c.field[3], 0);
            if (!s || add_alias(re, s)) { rc = DOTS_ENOMEM; goto done; }
        }
        csv_fini(&c);
    }
    if (add) {
        csv_init(&c, add, err, errlen);
        for (;;) {
            if ((r = csv_record(&c)) == 1) break;
            if (r) { rc = r; goto done; }
            if ((rc = check_fields(&c, 6))) goto done;
            long ent;
            if ((rc = parse_ent(&c, &ent))) goto done;
            raw_ent *re = find_ent(&m, ent);
            if (!re) { lists_skip(l); continue; }
            if (c.null[4] || !c.field[4].len) continue;
            const char *cty = c.field[4].s;
            if (re->countries.s && strstr(re->countries.s, cty)) continue;
            if (re->countries.len) buf_puts(&re->countries, "; ");
            buf_puts(&re->countries, cty);
        }
        csv_fini(&c);
    }
    for (size_t i = 0; i < m.n; i++) {
        raw_ent *re = &m.v[i];
        if (re->nal) {
            re->e.aliases = arena_alloc(a, re->nal * sizeof *re->e.aliases);
            if (!re->e.aliases) { rc = DOTS_ENOMEM; goto out; }
            memcpy(re->e.aliases, re->al, re->nal * sizeof *re->al);
            re->e.naliases = re->nal;
        }
        if (re->countries.len && !(re->e.countries = arena_strdup(a, re->countries.s))) {
            rc = DOTS_ENOMEM; goto out;
        }
        if ((rc = lists_push(l, &re->e))) goto out;
    }
    goto out;
done:
    csv_fini(&c);
out:
    if (rc == DOTS_ENOMEM) base_err(err, errlen, rc, "%s: out of memory", sdn->file);
    free_map(&m);
    return rc;
}
