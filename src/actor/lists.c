/* src/actor/lists.c -- sanctions list entries and the index that screens a
** name against them.
** The 2021 OFAC SDN set has 8,890 entries and 11,742 aliases; the UN list 875
** records. Every listed name and alias is parsed once, when it is added, into
** tokens with skeletons (names.c); the index maps each word's skeleton to the
** names that contain it. Screening a name looks up its words, scores only the
** names that share one (the rarest ones first; a word found in more than
** SCREEN_MAX_POSTING names, such as "muhammad", is used only when nothing
** rarer is there) and keeps those at or over ACTOR_MATCH_THRESHOLD.
** Loading is all or nothing: files are parsed into a fresh actor_lists, and
** only a complete parse is moved into the caller's, replacing the entries of
** the same list ("OFAC-SDN", "UN"). Strings live in arenas that move along. */
#include "actor/actor_int.h"
#include "dots.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SCREEN_MAX_POSTING 1500

typedef struct lentry {
    actor_list_entry e;
    name_packed *forms;         /* [0] the name, [1..] the aliases */
    size_t nforms;
} lentry;

typedef struct posting {
    uint64_t key;               /* hash of the skeleton; 0 = empty slot */
    uint32_t *refs;             /* entry << 8 | form (forms capped at 255) */
    uint32_t n, cap;
} posting;

struct actor_lists {
    lentry *ents; size_t n, cap;
    arena **arenas; size_t narenas;
    posting *tab; size_t tabcap, tabused;
    size_t indexed;             /* entries [0, indexed) are in the index */
    size_t skipped;             /* alias/address rows naming an unknown entry */
};

actor_lists *actor_lists_new(void)
{
    actor_lists *l = calloc(1, sizeof *l);
    if (!l) return NULL;
    l->arenas = malloc(sizeof *l->arenas);
    if (!l->arenas || !(l->arenas[0] = arena_new())) {
        free(l->arenas);
        free(l);
        return NULL;
    }
    l->narenas = 1;
    return l;
}

static void drop_index(actor_lists *l)
{
    for (size_t i = 0; i < l->tabcap; i++) free(l->tab[i].refs);
    free(l->tab);
    l->tab = NULL;
    l->tabcap = l->tabused = 0;
    l->indexed = 0;
}

void actor_lists_free(actor_lists *l)
{
    if (!l) return;
    drop_index(l);
    free(l->ents);
    for (size_t i = 0; i < l->narenas; i++) arena_free(l->arenas[i]);
    free(l->arenas);
    free(l);
}

arena *lists_arena(actor_lists *l) { return l->arenas[l->narenas - 1]; }
size_t actor_lists_count(const actor_lists *l) { return l ? l->n : 0; }
size_t actor_lists_skipped(const actor_lists *l) { return l ? l->skipped : 0; }
void lists_skip(actor_lists *l) { l->skipped++; }

const actor_list_entry *actor_lists_get(const actor_lists *l, size_t i)
{
    return i < l->n ? &l->ents[i].e : NULL;
}

/* ---- Adding entries ------------------------------------------------------- */
static int pack_name(arena *a, const char *s, name_packed *out)
{
    name_form *f = malloc(sizeof *f);
    if (!f) return DOTS_ENOMEM;
    name_parse(s, strlen(s), f);
    int rc = name_pack(a, f, out);
    free(f);
    return rc;
}

int lists_push(actor_lists *l, const actor_list_entry *e)
{
    if (l->n == l->cap) {
        size_t nc = l->cap ? l->cap * 2 : 1024;
        lentry *p = realloc(l->ents, nc * sizeof *p);
        if (!p) return DOTS_ENOMEM;
        l->ents = p;
        l->cap = nc;
    }
    arena *a = lists_arena(l);
    lentry *le = &l->ents[l->n];
    memset(le, 0, sizeof *le);
    le->e = *e;
    le->nforms = 1 + e->naliases;
    if (le->nforms > 255) le->nforms = 255;
    le->forms = arena_alloc(a, le->nforms * sizeof *le->forms);
    if (!le->forms) return DOTS_ENOMEM;
    int rc = pack_name(a, e->name ? e->name : "", &le->forms[0]);
    for (size_t i = 1; rc == DOTS_OK && i < le->nforms; i++)
        rc = pack_name(a, e->aliases[i - 1], &le->forms[i]);
    if (rc) return rc;
    l->n++;
    return DOTS_OK;
}

static const char *dup_or_null(arena *a, const char *s, int *oom)
{
    if (!s) return NULL;
    char *p = arena_strdup(a, s);
    if (!p) *oom = 1;
    return p;
}

int actor_lists_add(actor_lists *l, const actor_list_entry *e)
{
    arena *a = lists_arena(l);
    actor_list_entry c = {0};
    int oom = 0;
    c.list = dup_or_null(a, e->list ? e->list : "", &oom);
    c.entry_id = dup_or_null(a, e->entry_id ? e->entry_id : "", &oom);
    c.name = dup_or_null(a, e->name ? e->name : "", &oom);
    c.type = dup_or_null(a, e->type, &oom);
    c.programs = dup_or_null(a, e->programs, &oom);
    c.remarks = dup_or_null(a, e->remarks, &oom);
    c.countries = dup_or_null(a, e->countries, &oom);
    if (e->naliases) {
        const char **al = arena_alloc(a, e->naliases * sizeof *al);
        if (!al) return DOTS_ENOMEM;
        for (size_t i = 0; i < e->naliases; i++) al[i] = dup_or_null(a, e->aliases[i], &oom);
        c.aliases = al;
        c.naliases = e->naliases;
    }
    if (oom) return DOTS_ENOMEM;
    int rc = lists_push(l, &c);
    /* indexed at once (cheap: postings grow by appending), so that screening
    ** never writes and lists can be shared by threads */
    return rc ? rc : lists_index(l);
}

/* ---- Index ------------------------------------------------------------------ */
static uint64_t tok_key(const name_tok *t)
{
    uint64_t h = t->sklen >= 2 ? base_hash64(t->sk, t->sklen) : base_hash64(t->s, t->len);
    return h ? h : 1;
}

static int indexable(const name_tok *t)
{
    return t->kind == NAME_TOK_WORD || t->kind == NAME_TOK_COMMON;
}

static posting *slot_for(posting *tab, size_t cap, uint64_t key)
{
    size_t i = (size_t)key & (cap - 1);
    while (tab[i].key && tab[i].key != key) i = (i + 1) & (cap - 1);
    return &tab[i];
}

static const posting *find_posting(const actor_lists *l, uint64_t key)
{
    if (!l->tabcap) return NULL;
    const posting *p = slot_for(l->tab, l->tabcap, key);
    return p->key ? p : NULL;
}

static int grow_table(actor_lists *l)
{
    size_t nc = l->tabcap ? l->tabcap * 2 : 4096;
    posting *nt = calloc(nc, sizeof *nt);
    if (!nt) return DOTS_ENOMEM;
    for (size_t i = 0; i < l->tabcap; i++)
        if (l->tab[i].key) *slot_for(nt, nc, l->tab[i].key) = l->tab[i];
    free(l->tab);
    l->tab = nt;
    l->tabcap = nc;
    return DOTS_OK;
}

static int index_ref(actor_lists *l, uint64_t key, uint32_t ref)
{
    if ((l->tabused + 1) * 4 >= l->tabcap * 3 && grow_table(l)) return DOTS_ENOMEM;
    posting *p = slot_for(l->tab, l->tabcap, key);
    if (!p->key) { p->key = key; l->tabused++; }
    if (p->n && p->refs[p->n - 1] == ref) return DOTS_OK;   /* same word twice in a name */
    if (p->n == p->cap) {
        uint32_t nc = p->cap ? p->cap * 2 : 4;
        uint32_t *r = realloc(p->refs, nc * sizeof *r);
        if (!r) return DOTS_ENOMEM;
        p->refs = r;
        p->cap = nc;
    }
    p->refs[p->n++] = ref;
    return DOTS_OK;
}

int lists_index(actor_lists *l)
{
    for (; l->indexed < l->n; l->indexed++) {
        const lentry *le = &l->ents[l->indexed];
        for (size_t f = 0; f < le->nforms; f++) {
            const name_packed *np = &le->forms[f];
            uint32_t ref = (uint32_t)(l->indexed << 8 | f);
            for (size_t t = 0; t < np->n; t++) {
                if (!indexable(&np->t[t])) continue;
                if (index_ref(l, tok_key(&np->t[t]), ref)) return DOTS_ENOMEM;
            }
        }
    }
    return DOTS_OK;
}

/* ---- Screening -------------------------------------------------------------- */
static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

static int cmp_hit(const void *a, const void *b)
{
    const actor_hit *x = a, *y = b;
    if (x->score != y->score) return x->score < y->score ? 1 : -1;
    return x->entry < y->entry ? -1 : x->entry > y->entry;
}

size_t actor_lists_screen(const actor_lists *l, const char *name, actor_hit *hits, size_t max)
{
    if (!l || !l->n || !max) return 0;
    /* load and add keep the index complete; a list that ran out of memory
    ** while indexing screens what it has */
    name_form *q = malloc(sizeof *q);
    if (!q) return 0;
    name_parse(name, strlen(name), q);
    const posting *ps[NAME_MAX_TOKS];
    size_t np = 0, total = 0;
    for (size_t i = 0; i < q->n; i++) {
        if (!indexable(&q->t[i])) continue;
        const posting *p = find_posting(l, tok_key(&q->t[i]));
        if (p) ps[np++] = p;
    }
    size_t smallest = 0;
    for (size_t i = 1; i < np; i++) if (ps[i]->n < ps[smallest]->n) smallest = i;
    for (size_t i = 0; i < np; i++)
        if (ps[i]->n <= SCREEN_MAX_POSTING || i == smallest) total += ps[i]->n;
    size_t nh = 0;
    uint32_t *cand = total ? malloc(total * sizeof *cand) : NULL;
    if (cand) {
        size_t nc = 0;
        for (size_t i = 0; i < np; i++)
            if (ps[i]->n <= SCREEN_MAX_POSTING || i == smallest) {
                memcpy(cand + nc, ps[i]->refs, ps[i]->n * sizeof *cand);
                nc += ps[i]->n;
            }
        qsort(cand, nc, sizeof *cand, cmp_u32);
        size_t best_entry = SIZE_MAX;
        for (size_t i = 0; i < nc; i++) {
            if (i && cand[i] == cand[i - 1]) continue;
            size_t ent = cand[i] >> 8, form = cand[i] & 0xff;
            const name_packed *f = &l->ents[ent].forms[form];
            const char *ty = l->ents[ent].e.type;
            int person = ty && (!strcmp(ty, "individual") || !strcmp(ty, "PER"));
            double s = name_score_ex(q->t, q->n, f->t, f->n, person, NULL);
            if (s < ACTOR_MATCH_THRESHOLD) continue;
            const char *alias = form ? l->ents[ent].e.aliases[form - 1] : l->ents[ent].e.name;
            if (nh && best_entry == ent) {          /* keep the entry's best form */
                if (s > hits[nh - 1].score) { hits[nh - 1].score = s; hits[nh - 1].alias = alias; }
                continue;
            }
            if (nh == max) {                        /* replace the weakest hit */
                size_t w = 0;
                for (size_t k = 1; k < nh; k++) if (hits[k].score < hits[w].score) w = k;
                if (hits[w].score >= s) continue;
                hits[w] = hits[nh - 1];
                nh--;
            }
            hits[nh].entry = ent;
            hits[nh].score = s;
            hits[nh].alias = alias;
            nh++;
            best_entry = ent;
        }
        qsort(hits, nh, sizeof *hits, cmp_hit);
    }
    free(cand);
    free(q);
    return nh;
}

/* ---- Loading files ------------------------------------------------------------ */
typedef enum { LF_SDN, LF_ALT, LF_ADD, LF_UN } list_kind;

static const char *base_name(const char *p)
{
    const char *s = strrchr(p, '/');
    return s ? s + 1 : p;
}

static size_t dir_len(const char *p)
{
    const char *s = strrchr(p, '/');
    return s ? (size_t)(s - p) : 0;
}

/* Count the fields of the first CSV record (quotes respected). */
static size_t first_record_fields(const char *s, size_t n)
{
    size_t k = 1;
    int q = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '"') q = !q;
        else if (!q && s[i] == ',') k++;
        else if (!q && (s[i] == '\n' || s[i] == '\r')) break;
    }
    return k;
}

static int classify(const char *file, const char *s, size_t n, list_kind *k,
                    char *err, size_t errlen)
{
    const char *b = base_name(file);
    size_t bl = strlen(b);
    if (bl > 4 && !strcmp(b + bl - 4, ".xml")) { *k = LF_UN; return DOTS_OK; }
    if (!strncmp(b, "sdn", 3)) { *k = LF_SDN; return DOTS_OK; }
    if (!strncmp(b, "alt", 3)) { *k = LF_ALT; return DOTS_OK; }
    if (!strncmp(b, "add", 3)) { *k = LF_ADD; return DOTS_OK; }
    size_t i = 0;
    while (i < n && (s[i] == ' ' || s[i] == '\n' || s[i] == '\r' || s[i] == '\t')) i++;
    if (i < n && s[i] == '<') { *k = LF_UN; return DOTS_OK; }
    switch (first_record_fields(s, n)) {
    case 12: *k = LF_SDN; return DOTS_OK;
    case 5: *k = LF_ALT; return DOTS_OK;
    case 6: *k = LF_ADD; return DOTS_OK;
    }
    return base_err(err, errlen, DOTS_EFORMAT,
                    "%s:1: not a sanctions list: expected OFAC sdn/alt/add CSV "
                    "(12, 5 or 6 fields) or UN consolidated XML", file);
}

typedef struct loaded {
    char *file;                 /* points into the caller's array */
    char *data;
    size_t len;
    list_kind kind;
    int used;
} loaded;

/* Move everything of src into dst, replacing dst's entries of lists src has. */
static int merge(actor_lists *dst, actor_lists *src)
{
    arena **na = realloc(dst->arenas, (dst->narenas + src->narenas) * sizeof *na);
    if (!na) return DOTS_ENOMEM;
    dst->arenas = na;
    size_t need = dst->n + src->n;
    if (need > dst->cap) {
        lentry *p = realloc(dst->ents, need * sizeof *p);
        if (!p) return DOTS_ENOMEM;
        dst->ents = p;
        dst->cap = need;
    }
    /* nothing can fail from here on */
    size_t keep = 0;
    for (size_t i = 0; i < dst->n; i++) {
        int replaced = 0;
        for (size_t j = 0; j < src->n && !replaced; j++)
            replaced = !strcmp(dst->ents[i].e.list, src->ents[j].e.list);
        if (!replaced) dst->ents[keep++] = dst->ents[i];
        /* a list's entries are contiguous in src, but checking all is cheap
        ** next to parsing, and keeps this obviously right */
    }
    int rebuilt = keep != dst->n;
    dst->n = keep;
    memcpy(dst->ents + dst->n, src->ents, src->n * sizeof *src->ents);
    dst->n += src->n;
    for (size_t i = 0; i < src->narenas; i++) dst->arenas[dst->narenas++] = src->arenas[i];
    src->narenas = 0;
    src->n = 0;
    dst->skipped += src->skipped;
    if (rebuilt) drop_index(dst);
    return DOTS_OK;
}

int actor_lists_load(actor_lists *l, const char *const *files, size_t nfiles,
                     char *err, size_t errlen)
{
    int rc = DOTS_OK;
    loaded *lf = calloc(nfiles ? nfiles : 1, sizeof *lf);
    actor_lists *tmp = actor_lists_new();
    if (!lf || !tmp) { rc = base_err(err, errlen, DOTS_ENOMEM, "out of memory"); goto done; }
    for (size_t i = 0; i < nfiles; i++) {
        lf[i].file = (char *)files[i];
        if ((rc = base_read_file(files[i], &lf[i].data, &lf[i].len, err, errlen))) goto done;
        if ((rc = classify(files[i], lf[i].data, lf[i].len, &lf[i].kind, err, errlen))) goto done;
    }
    for (size_t i = 0; i < nfiles; i++) {
        lists_src src = { lf[i].file, lf[i].data, lf[i].len };
        if (lf[i].kind == LF_UN) {
            if ((rc = lists_parse_un(tmp, &src, err, errlen))) goto done;
            lf[i].used = 1;
            continue;
        }
        if (lf[i].kind != LF_SDN) continue;
        /* alt.csv and add.csv belong to the sdn.csv of their directory */
        lists_src alt = {0}, add = {0};
        int have_alt = 0, have_add = 0;
        size_t dl = dir_len(lf[i].file);
        for (size_t j = 0; j < nfiles; j++) {
            if (lf[j].kind != LF_ALT && lf[j].kind != LF_ADD) continue;
            if (dir_len(lf[j].file) != dl || strncmp(lf[j].file, lf[i].file, dl)) continue;
            lists_src *d = lf[j].kind == LF_ALT ? &alt : &add;
            int *have = lf[j].kind == LF_ALT ? &have_alt : &have_add;
            if (*have) {
                rc = base_err(err, errlen, DOTS_EINVAL, "%s: a second %s file for %s",
                              lf[j].file, lf[j].kind == LF_ALT ? "alt" : "add", lf[i].file);
                goto done;
            }
            *d = (lists_src){ lf[j].file, lf[j].data, lf[j].len };
            *have = 1;
            lf[j].used = 1;
        }
        rc = lists_parse_ofac(tmp, &src, have_alt ? &alt : NULL, have_add ? &add : NULL,
                              err, errlen);
        if (rc) goto done;
        lf[i].used = 1;
    }
    for (size_t i = 0; i < nfiles; i++)
        if (!lf[i].used) {
            rc = base_err(err, errlen, DOTS_EINVAL,
                          "%s: an OFAC %s file needs its sdn.csv from the same directory "
                          "in the same load", lf[i].file, lf[i].kind == LF_ALT ? "alt" : "add");
            goto done;
        }
    if ((rc = merge(l, tmp))) { base_err(err, errlen, rc, "out of memory"); goto done; }
    if ((rc = lists_index(l))) base_err(err, errlen, rc, "out of memory while indexing");
done:
    for (size_t i = 0; lf && i < nfiles; i++) free(lf[i].data);
    free(lf);
    actor_lists_free(tmp);
    return rc;
}

int actor_lists_load_sample(actor_lists *l, char *err, size_t errlen)
{
    actor_lists *tmp = actor_lists_new();
    if (!tmp) return base_err(err, errlen, DOTS_ENOMEM, "out of memory");
    lists_src sdn = { "builtin:sanctions-sample/sdn.csv", actor_data_sample_sdn,
                      actor_data_sample_sdn_len };
    lists_src alt = { "builtin:sanctions-sample/alt.csv", actor_data_sample_alt,
                      actor_data_sample_alt_len };
    lists_src add = { "builtin:sanctions-sample/add.csv", actor_data_sample_add,
                      actor_data_sample_add_len };
    int rc = lists_parse_ofac(tmp, &sdn, &alt, &add, err, errlen);
    if (!rc && (rc = merge(l, tmp))) base_err(err, errlen, rc, "out of memory");
    if (!rc && (rc = lists_index(l))) base_err(err, errlen, rc, "out of memory");
    actor_lists_free(tmp);
    return rc;
}
