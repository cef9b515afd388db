/* src/actor/kb.c -- the built-in knowledge base of actors.
** Built once, on first use, from the data compiled into the binary
** (build/gen/actor_data.c): the ISO 3166-1 countries of Debian's iso-codes
** (249), their news names, demonyms and capitals (data/countries-extra.tsv),
** and the curated actors (data/actors.tsv: ~600 groups, agencies, courts,
** international bodies, media, people, places). Capitals become GPE entries
** of their own (Washington, Mogadishu) that remember their country, so the
** linker can read "Tehran said" as Iran.
** Every name and alias is folded (actor_fold) into a key of an open-addressing
** hash table; one key may name several entries ("congolese"), and the first
** kept wins in order: canonical names, then curated aliases, then country
** aliases, demonyms and capitals. Aliases written in capitals of up to five
** letters (US, AQ, ISI) are marked case-sensitive, so "us" never means the
** United States. The KB is immutable after the build and shared by threads. */
#include "actor/kb.h"
#include "dots.h"

#include <ctype.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- Hash of folded keys ---------------------------------------------------- */
static uint64_t key_hash(const char *k, size_t n)
{
    uint64_t h = base_hash64(k, n);
    return h ? h : 1;
}

static int table_put(actor_kb *kb, uint64_t h, uint32_t alias)
{
    if ((kb->nslots + 1) * 2 > kb->capslots) {
        size_t nc = kb->capslots ? kb->capslots * 2 : 4096;
        kb_slot *ns = calloc(nc, sizeof *ns);
        if (!ns) return DOTS_ENOMEM;
        for (size_t i = 0; i < kb->capslots; i++) {
            if (!kb->slots[i].hash) continue;
            size_t j = kb->slots[i].hash & (nc - 1);
            while (ns[j].hash) j = (j + 1) & (nc - 1);
            ns[j] = kb->slots[i];
        }
        free(kb->slots);
        kb->slots = ns;
        kb->capslots = nc;
    }
    size_t j = h & (kb->capslots - 1);
    while (kb->slots[j].hash) j = (j + 1) & (kb->capslots - 1);
    kb->slots[j].hash = h;
    kb->slots[j].alias = alias;
    kb->nslots++;
    return DOTS_OK;
}

size_t kb_lookup(const actor_kb *kb, const char *key, size_t n, uint32_t *out, size_t max)
{
    if (!kb->capslots || !n) return 0;
    uint64_t h = key_hash(key, n);
    size_t j = h & (kb->capslots - 1), k = 0;
    while (kb->slots[j].hash) {
        if (kb->slots[j].hash == h) {
            const kb_alias *a = &kb->aliases[kb->slots[j].alias];
            if (a->keylen == n && !memcmp(a->key, key, n) && k < max) out[k++] = kb->slots[j].alias;
        }
        j = (j + 1) & (kb->capslots - 1);
    }
    return k;
}

int kb_has_prefix(const actor_kb *kb, uint64_t h)
{
    if (!kb->cappre) return 1;
    h = h ? h : 1;
    for (size_t j = h & (kb->cappre - 1); kb->pre[j]; j = (j + 1) & (kb->cappre - 1))
        if (kb->pre[j] == h) return 1;
    return 0;
}

/* ---- Building ------------------------------------------------------------------ */
static int is_caps_acronym(const char *s)
{
    size_t letters = 0;
    for (const char *p = s; *p; p++) {
        if (islower((unsigned char)*p)) return 0;
        if (isalpha((unsigned char)*p)) letters++;
        if ((unsigned char)*p >= 0x80) return 0;
    }
    return letters >= 1 && letters <= 5;
}

static int add_alias(actor_kb *kb, uint32_t entry, const char *surface, int kind, buf *tmp)
{
    actor_fold(surface, strlen(surface), tmp);
    if (!tmp->len) return DOTS_OK;
    uint32_t same[8];
    size_t k = kb_lookup(kb, tmp->s, tmp->len, same, 8);
    for (size_t i = 0; i < k; i++)
        if (kb->aliases[same[i]].entry == entry) return DOTS_OK;     /* already there */
    if (kb->naliases == kb->capaliases) {
        size_t nc = kb->capaliases ? kb->capaliases * 2 : 4096;
        kb_alias *p = realloc(kb->aliases, nc * sizeof *p);
        if (!p) return DOTS_ENOMEM;
        kb->aliases = p;
        kb->capaliases = nc;
    }
    kb_alias *a = &kb->aliases[kb->naliases];
    memset(a, 0, sizeof *a);
    a->key = arena_strndup(kb->arena, tmp->s, tmp->len);
    a->surface = arena_strdup(kb->arena, surface);
    if (!a->key || !a->surface) return DOTS_ENOMEM;
    a->keylen = (uint32_t)tmp->len;
    a->entry = entry;
    a->kind = (uint8_t)kind;
    a->caps = (uint8_t)is_caps_acronym(surface);
    for (const char *p = tmp->s; *p; p++) a->ntoks += *p == ' ';
    a->ntoks++;
    return table_put(kb, key_hash(a->key, a->keylen), (uint32_t)kb->naliases++);
}

static int add_entry(actor_kb *kb, const char *id, const char *name, doc_actor_type type,
                     const char *parent, uint32_t *out)
{
    if (kb->n == kb->cap) {
        size_t nc = kb->cap ? kb->cap * 2 : 1024;
        kb_entry *p = realloc(kb->e, nc * sizeof *p);
        if (!p) return DOTS_ENOMEM;
        kb->e = p;
        kb->cap = nc;
    }
    kb_entry *e = &kb->e[kb->n];
    memset(e, 0, sizeof *e);
    e->id = arena_strdup(kb->arena, id);
    e->name = arena_strdup(kb->arena, name);
    e->parent = parent && *parent && strcmp(parent, "-") ? arena_strdup(kb->arena, parent) : NULL;
    e->type = type;
    e->capital_of = -1;
    if (!e->id || !e->name) return DOTS_ENOMEM;
    *out = (uint32_t)kb->n++;
    return DOTS_OK;
}

/* Split a line into tab-separated fields in place; returns the count. */
static size_t split_tabs(char *line, char **f, size_t max)
{
    size_t n = 0;
    f[n++] = line;
    for (char *p = line; *p && n < max; p++)
        if (*p == '\t') { *p = 0; f[n++] = p + 1; }
    return n;
}

static void make_id(const char *name, buf *tmp, buf *id)
{
    actor_fold(name, strlen(name), tmp);
    buf_reset(id);
    for (size_t i = 0; i < tmp->len; i++) buf_putc(id, tmp->s[i] == ' ' ? '-' : tmp->s[i]);
}

/* Each |-separated item of list as an alias of kind. */
static int add_list(actor_kb *kb, uint32_t entry, char *list, int kind, buf *tmp)
{
    int rc = DOTS_OK;
    char *save = NULL;
    for (char *s = strtok_r(list, "|", &save); s && !rc; s = strtok_r(NULL, "|", &save))
        if (*s) rc = add_alias(kb, entry, s, kind, tmp);
    return rc;
}

typedef struct country_row { char *a2, *name, *aliases, *demonyms, *capitals; } country_row;

static int build(actor_kb *kb)
{
    int rc = DOTS_OK;
    buf tmp, id;
    char *iso = strdup(actor_data_countries), *extra = strdup(actor_data_extra),
         *curated = strdup(actor_data_actors);
    country_row *rows = NULL;
    size_t nrows = 0, caprows = 0;
    buf_init(&tmp);
    buf_init(&id);
    if (!iso || !extra || !curated) { rc = DOTS_ENOMEM; goto done; }

    /* countries-extra.tsv, keyed by alpha-2 */
    char *save = NULL;
    for (char *l = strtok_r(extra, "\n", &save); l; l = strtok_r(NULL, "\n", &save)) {
        if (*l == '#' || !*l) continue;
        char *f[5] = {0};
        if (split_tabs(l, f, 5) < 5) continue;
        if (nrows == caprows) {
            caprows = caprows ? caprows * 2 : 256;
            country_row *p = realloc(rows, caprows * sizeof *p);
            if (!p) { rc = DOTS_ENOMEM; goto done; }
            rows = p;
        }
        rows[nrows++] = (country_row){ f[0], f[1], f[2], f[3], f[4] };
    }

    /* curated actors first: their canonical names and aliases win key conflicts */
    save = NULL;
    for (char *l = strtok_r(curated, "\n", &save); l && !rc; l = strtok_r(NULL, "\n", &save)) {
        if (*l == '#' || !*l) continue;
        char *f[5] = {0};
        if (split_tabs(l, f, 5) < 4) continue;
        int type = doc_actor_type_parse(f[1]);
        if (type < 0) continue;
        uint32_t e;
        if ((rc = add_entry(kb, f[0], f[2], (doc_actor_type)type, f[3], &e))) break;
        kb->e[e].curated = 1;
        if ((rc = add_alias(kb, e, f[2], KB_NAME, &tmp))) break;
        if (f[4]) rc = add_list(kb, e, f[4], KB_ALIAS, &tmp);
    }

    /* countries: iso-codes lines "a2 TAB a3 TAB name TAB official TAB common" */
    save = NULL;
    size_t first_country = kb->n;
    for (char *l = strtok_r(iso, "\n", &save); l && !rc; l = strtok_r(NULL, "\n", &save)) {
        char *f[5] = {0};
        if (split_tabs(l, f, 5) < 5) continue;
        country_row *cr = NULL;
        for (size_t i = 0; i < nrows; i++) if (!strcmp(rows[i].a2, f[0])) { cr = &rows[i]; break; }
        const char *name = cr ? cr->name : *f[4] ? f[4] : f[2];
        make_id(name, &tmp, &id);
        uint32_t e;
        if ((rc = add_entry(kb, id.s, name, ACT_GPE, NULL, &e))) break;
        kb->e[e].country = 1;
        if ((rc = add_alias(kb, e, name, KB_NAME, &tmp))) break;
        for (int k = 2; k < 5 && !rc; k++) if (*f[k]) rc = add_alias(kb, e, f[k], KB_ALIAS, &tmp);
        if (rc || !cr) continue;
        char al[4096], dm[2048];
        snprintf(al, sizeof al, "%s", cr->aliases);
        snprintf(dm, sizeof dm, "%s", cr->demonyms);
        if ((rc = add_list(kb, e, al, KB_ALIAS, &tmp))) break;
        rc = add_list(kb, e, dm, KB_DEMONYM, &tmp);
    }
    /* capitals: a GPE of their own unless the name is taken (Kuwait, Singapore) */
    size_t last_country = kb->n;
    for (size_t c = first_country; c < last_country && !rc; c++) {
        country_row *cr = NULL;
        for (size_t i = 0; i < nrows; i++)
            if (!strcmp(rows[i].name, kb->e[c].name)) { cr = &rows[i]; break; }
        if (!cr || !*cr->capitals) continue;
        char caps[512];
        snprintf(caps, sizeof caps, "%s", cr->capitals);
        char *sv = NULL;
        uint32_t cap_entry = UINT32_MAX;
        for (char *s = strtok_r(caps, "|", &sv); s && !rc; s = strtok_r(NULL, "|", &sv)) {
            actor_fold(s, strlen(s), &tmp);
            uint32_t hit[4];
            size_t k = kb_lookup(kb, tmp.s, tmp.len, hit, 4);
            if (k && kb->aliases[hit[0]].entry != cap_entry) continue;  /* name taken */
            if (cap_entry == UINT32_MAX) {
                make_id(s, &tmp, &id);
                if ((rc = add_entry(kb, id.s, s, ACT_GPE, kb->e[c].id, &cap_entry))) break;
                kb->e[cap_entry].capital_of = (int)c;
                rc = add_alias(kb, cap_entry, s, KB_NAME, &tmp);
            } else {
                rc = add_alias(kb, cap_entry, s, KB_CAPITAL, &tmp);
            }
        }
    }
done:
    free(rows);
    free(iso);
    free(extra);
    free(curated);
    buf_fini(&tmp);
    buf_fini(&id);
    return rc;
}

/* The fuzzy index: canonical names and aliases of persons, organisations and
** places (not acronyms, which are too short to compare). */
static int build_fuzzy(actor_kb *kb)
{
    if (!(kb->fuzzy = actor_lists_new())) return DOTS_ENOMEM;
    const char **al = malloc(kb->naliases * sizeof *al);
    size_t *first = calloc(kb->n + 1, sizeof *first);
    int rc = al && first ? DOTS_OK : DOTS_ENOMEM;
    for (size_t e = 0; e < kb->n && !rc; e++) {
        size_t k = 0;
        for (size_t a = 0; a < kb->naliases; a++)
            if (kb->aliases[a].entry == e && !kb->aliases[a].caps &&
                kb->aliases[a].kind != KB_NAME)
                al[k++] = kb->aliases[a].surface;
        char id[24];
        snprintf(id, sizeof id, "%zu", e);
        actor_list_entry x = { .list = "KB", .entry_id = id, .name = kb->e[e].name,
                               .type = doc_actor_type_name(kb->e[e].type), .aliases = al,
                               .naliases = k };
        rc = actor_lists_add(kb->fuzzy, &x);
    }
    free(al);
    free(first);
    /* indexed now: the KB is shared by threads and must not change later */
    return rc ? rc : lists_index(kb->fuzzy);
}

static void pre_put(actor_kb *kb, uint64_t h)
{
    h = h ? h : 1;
    size_t j = h & (kb->cappre - 1);
    for (; kb->pre[j]; j = (j + 1) & (kb->cappre - 1))
        if (kb->pre[j] == h) return;
    kb->pre[j] = h;
}

static int build_prefixes(actor_kb *kb)
{
    size_t words = 0;
    for (size_t a = 0; a < kb->naliases; a++) words += kb->aliases[a].ntoks;
    size_t cap = 1024;
    while (cap < words * 2) cap *= 2;              /* at most half full */
    if (!(kb->pre = calloc(cap, sizeof *kb->pre))) return DOTS_ENOMEM;
    kb->cappre = cap;
    for (size_t a = 0; a < kb->naliases; a++) {
        const kb_alias *al = &kb->aliases[a];
        for (uint32_t j = 0; j < al->keylen; j++)
            if (al->key[j] == ' ') pre_put(kb, base_hash64(al->key, j));
        pre_put(kb, base_hash64(al->key, al->keylen));
    }
    return DOTS_OK;
}

void kb_free(actor_kb *kb)
{
    if (!kb) return;
    actor_lists_free(kb->fuzzy);
    free(kb->e);
    free(kb->aliases);
    free(kb->slots);
    free(kb->pre);
    arena_free(kb->arena);
    free(kb);
}

int kb_new(actor_kb **out)
{
    actor_kb *kb = calloc(1, sizeof *kb);
    *out = NULL;
    if (!kb || !(kb->arena = arena_new())) { free(kb); return DOTS_ENOMEM; }
    int rc = build(kb);
    if (!rc) rc = build_fuzzy(kb);
    if (!rc) rc = build_prefixes(kb);
    if (rc) { kb_free(kb); return rc; }
    *out = kb;
    return DOTS_OK;
}

static actor_kb *builtin;
static pthread_once_t builtin_once = PTHREAD_ONCE_INIT;

static void builtin_free(void) { kb_free(builtin); builtin = NULL; }

static void builtin_build(void)
{
    if (kb_new(&builtin) == DOTS_OK) atexit(builtin_free);   /* keeps leak checkers quiet */
}

const actor_kb *actor_kb_builtin(void)
{
    pthread_once(&builtin_once, builtin_build);
    return builtin;
}

/* ---- Accessors ------------------------------------------------------------------ */
size_t actor_kb_count(const actor_kb *kb) { return kb ? kb->n : 0; }
const char *actor_kb_id(const actor_kb *kb, size_t i) { return i < kb->n ? kb->e[i].id : NULL; }
const char *actor_kb_name(const actor_kb *kb, size_t i) { return i < kb->n ? kb->e[i].name : NULL; }
doc_actor_type actor_kb_type(const actor_kb *kb, size_t i) { return kb->e[i].type; }
const char *actor_kb_parent(const actor_kb *kb, size_t i)
{
    return i < kb->n ? kb->e[i].parent : NULL;
}

size_t actor_kb_aliases(const actor_kb *kb, size_t i, const char **out, size_t max)
{
    size_t k = 0;
    for (size_t a = 0; a < kb->naliases && k < max; a++)
        if (kb->aliases[a].entry == i) out[k++] = kb->aliases[a].surface;
    return k;
}

long actor_kb_find(const actor_kb *kb, const char *name)
{
    if (!kb || !name) return -1;
    for (size_t i = 0; i < kb->n; i++) if (!strcmp(kb->e[i].id, name)) return (long)i;
    buf f;
    buf_init(&f);
    actor_fold(name, strlen(name), &f);
    uint32_t hit[8];
    size_t k = kb_lookup(kb, f.s ? f.s : "", f.len, hit, 8);
    buf_fini(&f);
    if (!k) return -1;
    /* several entries share the key: the canonical name beats an alias */
    size_t best = 0;
    for (size_t i = 1; i < k; i++)
        if (kb->aliases[hit[i]].kind < kb->aliases[hit[best]].kind) best = i;
    return (long)kb->aliases[hit[best]].entry;
}
