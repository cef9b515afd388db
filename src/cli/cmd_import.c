/* src/cli/cmd_import.c -- `dots import CLAIMS.json... [--docs DIR]`: store
** claims made elsewhere -- hand annotations such as the dev-eval gold files, or
** `dots extract --json` output -- together with their documents, so that
** they can be queried like ingested ones (and compared with them).
** Input: one JSON object per file or per line, in the scorer's format
** (spec/claims.md): {"doc", "date"?, "url"?, "entities": [{"name", "type",
** "aliases"}], "claims": [{"subject", "predicate", "object", "polarity"?,
** "time"?, "source"?, "origin"?, "confidence"?, "evidence": "sentence" or
** {"start", "end"}}]}. The document text is DIR/<doc> (default: a docs/
** folder beside the JSON's folder, as in dev-eval, else the JSON's folder).
** Mentions are every occurrence of an entity's name or alias in the text;
** an evidence sentence is located by search. Entities get document-local
** actors ("doc:" keys), which fold together across documents as usual. */
#include "cli/cli.h"
#include "dots.h"
#include "store/store.h"
#include "text/text.h"

#include <ctype.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static const char *jstr(json_t *o, const char *k)
{
    return json_string_value(json_object_get(o, k));
}

static int word_edge(const char *text, size_t len, size_t a, size_t b)
{
    int left = a == 0 || !isalnum((unsigned char)text[a - 1]);
    int right = b >= len || !isalnum((unsigned char)text[b]);
    return left && right;
}

/* Index of the entity called name (canonical name or alias), or -1. */
static int actor_index(const dots_doc *d, const char *name)
{
    if (!name) return -1;
    for (size_t i = 0; i < d->nactors; i++)
        for (size_t k = 0; k < d->actors[i].naliases; k++)
            if (strcmp(d->actors[i].aliases[k], name) == 0) return (int)i;
    return -1;
}

static int fill(dots_doc *d, json_t *o, const char *where)
{
    json_t *e, *c;
    size_t i;

    if (jstr(o, "date")) d->date = arena_strdup(d->arena, jstr(o, "date"));
    if (jstr(o, "url")) d->url = arena_strdup(d->arena, jstr(o, "url"));
    json_array_foreach(json_object_get(o, "entities"), i, e) {
        const char *name = jstr(e, "name");
        int type = jstr(e, "type") ? doc_actor_type_parse(jstr(e, "type")) : -1;
        if (!name || type < 0) {
            fprintf(stderr, "dots import: %s: entity %zu needs a name and a type "
                            "(PER, ORG, GPE, LOC)\n", where, i);
            return DOTS_EFORMAT;
        }
        json_t *al = json_object_get(e, "aliases");
        doc_actor *a = doc_add_actor(d);
        if (!a) return DOTS_ENOMEM;
        size_t na = 1 + json_array_size(al);
        a->aliases = arena_alloc(d->arena, na * sizeof *a->aliases);
        a->name = arena_strdup(d->arena, name);
        a->type = (doc_actor_type)type;
        a->kb = -1;
        char *id = arena_alloc(d->arena, strlen(name) + 5);
        sprintf(id, "doc:%s", name);
        a->id = id;
        a->aliases[a->naliases++] = a->name;
        size_t k;
        json_t *v;
        json_array_foreach(al, k, v)
            if (json_string_value(v))
                a->aliases[a->naliases++] = arena_strdup(d->arena, json_string_value(v));
    }
    for (size_t ai = 0; ai < d->nactors; ai++)
        for (size_t k = 0; k < d->actors[ai].naliases; k++) {
            const char *form = d->actors[ai].aliases[k];
            size_t n = strlen(form);
            for (const char *p = d->text; n && (p = strstr(p, form)); p += n) {
                size_t at = (size_t)(p - d->text);
                if (!word_edge(d->text, d->len, at, at + n)) continue;
                doc_mention *m = doc_add_mention(d);
                if (!m) return DOTS_ENOMEM;
                m->start = (uint32_t)at;
                m->end = (uint32_t)(at + n);
                m->actor = (int)ai;
                d->actors[ai].nmentions++;
            }
        }
    json_array_foreach(json_object_get(o, "claims"), i, c) {
        int s = actor_index(d, jstr(c, "subject")), ob = actor_index(d, jstr(c, "object"));
        int p = jstr(c, "predicate") ? doc_predicate_parse(jstr(c, "predicate")) : -1;
        if (s < 0 || ob < 0 || p < 0) {
            fprintf(stderr, "dots import: %s: claim %zu: unknown %s\n", where, i,
                    s < 0 ? "subject" : ob < 0 ? "object" : "predicate");
            return DOTS_EFORMAT;
        }
        doc_claim *x = doc_add_claim(d);
        if (!x) return DOTS_ENOMEM;
        x->subject = s;
        x->object = ob;
        x->predicate = (doc_predicate)p;
        const char *pol = jstr(c, "polarity");
        x->polarity = pol && strcmp(pol, "denied") == 0 ? POL_DENIED
                    : pol && strcmp(pol, "hedged") == 0 ? POL_HEDGED : POL_ASSERTED;
        if (jstr(c, "time")) x->time = arena_strdup(d->arena, jstr(c, "time"));
        x->source = actor_index(d, jstr(c, "source"));
        if (jstr(c, "source") && x->source < 0)
            x->source_name = arena_strdup(d->arena, jstr(c, "source"));
        x->origin_comment = jstr(c, "origin") && strcmp(jstr(c, "origin"), "comment") == 0 ? 0 : -1;
        json_t *conf = json_object_get(c, "confidence");
        x->confidence = conf ? (float)json_number_value(conf) : 1.0f;
        x->rule = "import";
        json_t *ev = json_object_get(c, "evidence");
        if (json_is_string(ev)) {
            const char *hit = strstr(d->text, json_string_value(ev));
            if (hit) {
                x->ev_start = (uint32_t)(hit - d->text);
                x->ev_end = x->ev_start + (uint32_t)strlen(json_string_value(ev));
            } else {
                fprintf(stderr, "dots import: %s: claim %zu: evidence not found in the text\n",
                        where, i);
            }
        } else if (json_is_object(ev)) {
            json_int_t a = json_integer_value(json_object_get(ev, "start"));
            json_int_t b = json_integer_value(json_object_get(ev, "end"));
            if (a >= 0 && b >= a && (size_t)b <= d->len) {
                x->ev_start = (uint32_t)a;
                x->ev_end = (uint32_t)b;
            }
        }
    }
    return DOTS_OK;
}

/* The folder holding the texts for a JSON file at path. */
static void docs_dir(const char *path, const char *opt, char *out, size_t n)
{
    if (opt) { snprintf(out, n, "%s", opt); return; }
    char dir[2048];
    snprintf(dir, sizeof dir, "%s", path);
    char *slash = strrchr(dir, '/');
    if (slash) *slash = 0; else snprintf(dir, sizeof dir, ".");
    struct stat st;
    snprintf(out, n, "%s/../docs", dir);
    if (stat(out, &st) == 0 && S_ISDIR(st.st_mode)) return;
    snprintf(out, n, "%s", dir);
}

static int import_one(store *s, json_t *o, const char *dir, const char *where, size_t *claims)
{
    const char *name = jstr(o, "doc");
    char path[4096], err[512];
    char *src = NULL;
    size_t len, nd = 0;
    dots_doc **docs = NULL;
    int rc;

    if (!name) { fprintf(stderr, "dots import: %s: no \"doc\"\n", where); return DOTS_EFORMAT; }
    snprintf(path, sizeof path, "%s/%s", dir, name);
    if ((rc = base_read_file(path, &src, &len, err, sizeof err)) ||
        (rc = text_parse(path, src, len, NULL, &docs, &nd, err, sizeof err))) {
        fprintf(stderr, "dots import: %s: %s\n", where, err);
        free(src);
        return rc;
    }
    for (size_t i = 0; i < nd; i++) {
        if (i == 0 && rc == DOTS_OK) {
            dots_doc *d = docs[0];
            d->name = arena_strdup(d->arena, name);
            if ((rc = fill(d, o, where)) == DOTS_OK) {
                int64_t id;
                int skipped;
                if ((rc = store_put_doc(s, d, &id, &skipped)))
                    fprintf(stderr, "dots import: %s: %s\n", where, store_errmsg(s));
                else if (!skipped) *claims += d->nclaims;
            }
        }
        doc_free(docs[i]);
    }
    free(docs);
    free(src);
    return rc;
}

CLI_COMMAND(cmd_import, "import", "CLAIMS.json... [--docs DIR] [--db DB]",
            "store annotated claims (dev-eval gold, dots extract --json) with their texts")
static int cmd_import(int argc, char **argv)
{
    const char *db = cli_opt(argc, argv, "--db"), *dopt = cli_opt(argc, argv, "--docs");
    char err[512], dir[4096], where[4200];
    store *s;
    int bad = 0, files = 0;
    size_t docs = 0, claims = 0;

    if (store_open(db ? db : cli_default_db(), &s, err, sizeof err))
        return cli_fail("import", "%s", err);
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--db") == 0 || strcmp(argv[i], "--docs") == 0) { i++; continue; }
        if (strncmp(argv[i], "--", 2) == 0) continue;
        files++;
        char *txt;
        size_t len;
        if (base_read_file(argv[i], &txt, &len, err, sizeof err)) {
            fprintf(stderr, "dots import: %s\n", err);
            bad = 1;
            continue;
        }
        docs_dir(argv[i], dopt, dir, sizeof dir);
        /* one JSON value per file, or JSON Lines */
        json_error_t je;
        json_t *o = json_loadb(txt, len, 0, &je);
        if (o) {
            snprintf(where, sizeof where, "%s", argv[i]);
            if (import_one(s, o, dir, where, &claims)) bad = 1; else docs++;
            json_decref(o);
        } else {
            size_t line = 0;
            for (char *p = txt, *nl; p && *p; p = nl ? nl + 1 : NULL) {
                nl = strchr(p, '\n');
                line++;
                size_t n = nl ? (size_t)(nl - p) : strlen(p);
                if (strspn(p, " \t\r") >= n) continue;
                snprintf(where, sizeof where, "%s:%zu", argv[i], line);
                if (!(o = json_loadb(p, n, 0, &je))) {
                    fprintf(stderr, "dots import: %s: %s\n", where, je.text);
                    bad = 1;
                    continue;
                }
                if (import_one(s, o, dir, where, &claims)) bad = 1; else docs++;
                json_decref(o);
            }
        }
        free(txt);
    }
    store_close(s);
    if (!files) return cli_usage("import");
    printf("imported %zu documents with %zu new claims\n", docs, claims);
    return bad;
}
