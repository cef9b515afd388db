/* src/actor/unxml.c -- the UN Security Council Consolidated List (XML, schema
** sc-sanctions.xsd) parsed from memory with libxml2.
** Layout: CONSOLIDATED_LIST > INDIVIDUALS > INDIVIDUAL* and ENTITIES > ENTITY*.
** A record has DATAID, FIRST_NAME..FOURTH_NAME (an entity's whole name is in
** FIRST_NAME), UN_LIST_TYPE (Al-Qaida, Taliban, DPRK...), REFERENCE_NUMBER,
** INDIVIDUAL_ALIAS/ENTITY_ALIAS with QUALITY (Good/Low) and ALIAS_NAME,
** NATIONALITY/VALUE, *_ADDRESS/COUNTRY and COMMENTS1. The 2024-09-26 list has
** 682 individuals and 193 entities (1.9 MB).
** Entry ids are REFERENCE_NUMBER ("TAi.005"), which the UN cites in press
** releases; DATAID is used when it is missing. Network access and entity
** expansion are off: a list file is data, not a document to resolve. */
#include "actor/actor_int.h"
#include "dots.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int is(const xmlNode *n, const char *name)
{
    return n->type == XML_ELEMENT_NODE && !strcmp((const char *)n->name, name);
}

static const xmlNode *child(const xmlNode *n, const char *name)
{
    for (const xmlNode *c = n->children; c; c = c->next)
        if (is(c, name)) return c;
    return NULL;
}

/* Trimmed text content of n in arena memory, NULL when empty. */
static const char *text_of(arena *a, const xmlNode *n)
{
    if (!n) return NULL;
    xmlChar *t = xmlNodeGetContent(n);
    if (!t) return NULL;
    const char *s = (const char *)t;
    while (*s == ' ' || *s == '\n' || *s == '\t' || *s == '\r') s++;
    size_t len = strlen(s);
    while (len && (s[len - 1] == ' ' || s[len - 1] == '\n' || s[len - 1] == '\t' ||
                   s[len - 1] == '\r')) len--;
    const char *r = len ? arena_strndup(a, s, len) : NULL;
    xmlFree(t);
    return r;
}

typedef struct strs { const char **v; size_t n, cap; } strs;

static int strs_add(strs *s, const char *x)
{
    if (!x) return DOTS_OK;
    for (size_t i = 0; i < s->n; i++) if (!strcmp(s->v[i], x)) return DOTS_OK;
    if (s->n == s->cap) {
        size_t nc = s->cap ? s->cap * 2 : 8;
        const char **p = realloc(s->v, nc * sizeof *p);
        if (!p) return DOTS_ENOMEM;
        s->v = p;
        s->cap = nc;
    }
    s->v[s->n++] = x;
    return DOTS_OK;
}

static int record(actor_lists *l, const lists_src *src, const xmlNode *r, int person,
                  char *err, size_t errlen)
{
    arena *a = lists_arena(l);
    actor_list_entry e = { .list = "UN", .type = person ? "individual" : "entity" };
    strs al = {0}, cty = {0};
    buf name;
    int rc = DOTS_OK;
    static const char *const parts[] = { "FIRST_NAME", "SECOND_NAME", "THIRD_NAME",
                                         "FOURTH_NAME" };
    buf_init(&name);
    for (size_t i = 0; i < 4; i++) {
        const char *p = text_of(a, child(r, parts[i]));
        if (p) buf_printf(&name, "%s%s", name.len ? " " : "", p);
    }
    const char *dataid = text_of(a, child(r, "DATAID"));
    e.entry_id = text_of(a, child(r, "REFERENCE_NUMBER"));
    if (!e.entry_id) e.entry_id = dataid;
    if (!name.len || !e.entry_id) {
        rc = base_err(err, errlen, DOTS_EFORMAT, "%s:%ld: %s record without %s", src->file,
                      xmlGetLineNo(r), person ? "INDIVIDUAL" : "ENTITY",
                      name.len ? "DATAID or REFERENCE_NUMBER" : "FIRST_NAME");
        goto done;
    }
    if (!(e.name = arena_strdup(a, name.s))) { rc = DOTS_ENOMEM; goto done; }
    e.programs = text_of(a, child(r, "UN_LIST_TYPE"));
    e.remarks = text_of(a, child(r, "COMMENTS1"));
    const char *alias_tag = person ? "INDIVIDUAL_ALIAS" : "ENTITY_ALIAS";
    const char *addr_tag = person ? "INDIVIDUAL_ADDRESS" : "ENTITY_ADDRESS";
    for (const xmlNode *c = r->children; c && !rc; c = c->next) {
        if (is(c, alias_tag)) {
            rc = strs_add(&al, text_of(a, child(c, "ALIAS_NAME")));
        } else if (is(c, "NAME_ORIGINAL_SCRIPT")) {
            rc = strs_add(&al, text_of(a, c));
        } else if (is(c, addr_tag)) {
            rc = strs_add(&cty, text_of(a, child(c, "COUNTRY")));
        } else if (is(c, "NATIONALITY")) {
            for (const xmlNode *v = c->children; v && !rc; v = v->next)
                if (is(v, "VALUE")) rc = strs_add(&cty, text_of(a, v));
        }
    }
    if (rc) goto done;
    if (al.n) {
        if (!(e.aliases = arena_alloc(a, al.n * sizeof *e.aliases))) { rc = DOTS_ENOMEM; goto done; }
        memcpy(e.aliases, al.v, al.n * sizeof *al.v);
        e.naliases = al.n;
    }
    if (cty.n) {
        buf_reset(&name);
        for (size_t i = 0; i < cty.n; i++) buf_printf(&name, "%s%s", i ? "; " : "", cty.v[i]);
        if (!(e.countries = arena_strdup(a, name.s))) { rc = DOTS_ENOMEM; goto done; }
    }
    rc = lists_push(l, &e);
done:
    if (rc == DOTS_ENOMEM) base_err(err, errlen, rc, "%s: out of memory", src->file);
    free(al.v);
    free(cty.v);
    buf_fini(&name);
    return rc;
}

int lists_parse_un(actor_lists *l, const lists_src *src, char *err, size_t errlen)
{
    int rc = DOTS_OK;
    if (src->len > (size_t)INT32_MAX)
        return base_err(err, errlen, DOTS_EFORMAT, "%s: too large", src->file);
    xmlParserCtxtPtr ctx = xmlNewParserCtxt();
    if (!ctx) return base_err(err, errlen, DOTS_ENOMEM, "%s: out of memory", src->file);
    xmlDocPtr doc = xmlCtxtReadMemory(ctx, src->data, (int)src->len, src->file, NULL,
                                      XML_PARSE_NONET | XML_PARSE_NOERROR |
                                      XML_PARSE_NOWARNING);
    if (!doc) {
        const xmlError *e = xmlCtxtGetLastError(ctx);
        char msg[256] = "not well-formed XML";
        if (e && e->message) {
            snprintf(msg, sizeof msg, "%s", e->message);
            size_t ml = strlen(msg);
            while (ml && msg[ml - 1] == '\n') msg[--ml] = 0;
        }
        rc = base_err(err, errlen, DOTS_EFORMAT, "%s:%d: %s", src->file, e ? e->line : 0, msg);
        goto done;
    }
    const xmlNode *root = xmlDocGetRootElement(doc);
    if (!root || !is(root, "CONSOLIDATED_LIST")) {
        rc = base_err(err, errlen, DOTS_EFORMAT,
                      "%s:%ld: not a UN consolidated list (root element <%s>)", src->file,
                      root ? xmlGetLineNo(root) : 0L, root ? (const char *)root->name : "none");
        goto done;
    }
    for (const xmlNode *g = root->children; g && !rc; g = g->next) {
        int person = is(g, "INDIVIDUALS");
        if (!person && !is(g, "ENTITIES")) continue;
        for (const xmlNode *r = g->children; r && !rc; r = r->next)
            if (is(r, person ? "INDIVIDUAL" : "ENTITY"))
                rc = record(l, src, r, person, err, errlen);
    }
done:
    xmlFreeDoc(doc);
    xmlFreeParserCtxt(ctx);
    return rc;
}
