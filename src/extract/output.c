/* src/extract/output.c -- claims as the JSON object of spec/claims.md and as
** one readable line each. Every attribute is present in the JSON (time and
** source are null when there is none) because the scorer counts a missing
** key as wrong. Evidence offsets are mapped back to the source file with
** doc_src_offset, so they point into the file the user gave, HTML included. */
#include "extract/extract.h"

#include <jansson.h>
#include <string.h>

#include "dots.h"

const char *extract_claim_source(const dots_doc *d, const doc_claim *c)
{
    if (c->origin_comment >= 0)
        return c->source_name && *c->source_name ? c->source_name : "(anonymous reader)";
    if (c->source >= 0 && (size_t)c->source < d->nactors) return d->actors[c->source].name;
    return NULL;
}

static json_t *entity_json(const doc_actor *a)
{
    json_t *o = json_object(), *al = json_array();
    if (!o || !al) { json_decref(o); json_decref(al); return NULL; }
    json_object_set_new(o, "name", json_string(a->name ? a->name : ""));
    json_object_set_new(o, "type", json_string(doc_actor_type_name(a->type)));
    for (size_t i = 0; i < a->naliases; i++)
        if (a->aliases[i] && strcmp(a->aliases[i], a->name ? a->name : "") != 0)
            json_array_append_new(al, json_string(a->aliases[i]));
    json_object_set_new(o, "aliases", al);
    return o;
}

static json_t *claim_json(const dots_doc *d, const doc_claim *c)
{
    json_t *o = json_object(), *ev = json_object();
    if (!o || !ev) { json_decref(o); json_decref(ev); return NULL; }
    const char *src = extract_claim_source(d, c);
    json_object_set_new(o, "subject", json_string(d->actors[c->subject].name));
    json_object_set_new(o, "predicate", json_string(doc_predicate_name(c->predicate)));
    json_object_set_new(o, "object", json_string(d->actors[c->object].name));
    json_object_set_new(o, "polarity", json_string(doc_polarity_name(c->polarity)));
    json_object_set_new(o, "time", c->time ? json_string(c->time) : json_null());
    json_object_set_new(o, "source", src ? json_string(src) : json_null());
    json_object_set_new(o, "origin", json_string(c->origin_comment >= 0 ? "comment" : "article"));
    /* two decimals: the confidence is a measured precision, not finer */
    json_object_set_new(o, "confidence", json_real((double)(int)(c->confidence * 100 + 0.5) / 100));
    json_object_set_new(ev, "start", json_integer((json_int_t)doc_src_offset(d, c->ev_start)));
    json_object_set_new(ev, "end", json_integer((json_int_t)doc_src_offset(d, c->ev_end)));
    json_object_set_new(o, "evidence", ev);
    if (c->rule) json_object_set_new(o, "rule", json_string(c->rule));
    return o;
}

json_t *extract_doc_json(const dots_doc *d)
{
    json_t *o = json_object(), *ents = json_array(), *claims = json_array();
    if (!o || !ents || !claims) goto fail;
    json_object_set_new(o, "doc", json_string(d->name ? d->name : ""));
    for (size_t i = 0; i < d->nactors; i++) {
        json_t *e = entity_json(&d->actors[i]);
        if (!e || json_array_append_new(ents, e)) goto fail;
    }
    json_object_set_new(o, "entities", ents);
    ents = NULL;
    for (size_t i = 0; i < d->nclaims; i++) {
        const doc_claim *c = &d->claims[i];
        if ((size_t)c->subject >= d->nactors || (size_t)c->object >= d->nactors) continue;
        json_t *j = claim_json(d, c);
        if (!j || json_array_append_new(claims, j)) goto fail;
    }
    json_object_set_new(o, "claims", claims);
    return o;
fail:
    json_decref(o);
    json_decref(ents);
    json_decref(claims);
    return NULL;
}

int extract_claim_format(const dots_doc *d, const doc_claim *c, buf *out)
{
    const char *src = extract_claim_source(d, c);
    int rc = buf_printf(out, "%s \xe2\x80\x94%s\xe2\x86\x92 %s", d->actors[c->subject].name,
                        doc_predicate_name(c->predicate), d->actors[c->object].name);
    if (!rc && c->polarity != POL_ASSERTED)
        rc = buf_printf(out, " <%s>", doc_polarity_name(c->polarity));
    if (!rc && c->time) rc = buf_printf(out, " [%s]", c->time);
    if (!rc && src) rc = buf_printf(out, " (%s)", src);
    /* the evidence, cut at 80 bytes on a UTF-8 boundary */
    size_t n = c->ev_end > c->ev_start ? c->ev_end - c->ev_start : 0, cut = n;
    if (cut > 80) {
        cut = 80;
        while (cut > 0 && ((unsigned char)d->text[c->ev_start + cut] & 0xC0) == 0x80) cut--;
    }
    if (!rc) rc = buf_puts(out, " \"");
    for (size_t i = 0; !rc && i < cut; i++) {
        char ch = d->text[c->ev_start + i];
        rc = buf_putc(out, ch == '\n' || ch == '\t' ? ' ' : ch);
    }
    if (!rc) rc = buf_puts(out, cut < n ? "\xe2\x80\xa6\"" : "\"");
    return rc ? DOTS_ENOMEM : DOTS_OK;
}
