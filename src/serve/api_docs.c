/* src/serve/api_docs.c -- documents: read one back (segments, mentions,
** claims, from the graph module) and add one. Ingest runs what `dots ingest`
** runs: text_parse, pipeline_run, store_put_doc, on the worker thread that took
** the request, with that thread's pipeline. The body is either the page itself
** (name and format in the query) or JSON {"name","text","format"}; the page
** sends JSON for both pasted text and uploaded files. The reply is the stored
** document's {"id", "name", "skipped", "claims", "warnings"}; a JSON Lines body
** gives several documents: then the first is at the top and "documents" lists all. */
#include "serve/serve_int.h"
#include "dots.h"
#include "text/text.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int parse_id(const char *s, int64_t *id)
{
    char *end;
    errno = 0;
    long long v = strtoll(s, &end, 10);
    if (errno || *end || end == s || v <= 0) return 0;
    *id = v;
    return 1;
}

int api_document(serve_req *r)
{
    json_t *j = NULL;
    store *st;
    int64_t id;

    if (!parse_id(r->args[0], &id))
        return reply_error(r, 400, "document id must be a positive integer, not %s", r->args[0]);
    if (!(st = serve_store(r))) return r->status;
    int rc = graph_document(st, id, &j);
    return reply_rc(r, rc, j, "document");
}

static int valid_name(const char *s)
{
    size_t n = strlen(s);
    return n > 0 && n <= 200 && !strchr(s, '/') && !strchr(s, '\\') && strcmp(s, "..") != 0;
}

/* One parsed document through the stages into the store; its entry for the reply.
** On a timeout *dp is set to NULL: the document now belongs to the pipeline thread. */
static int ingest_one(serve_req *r, dots_doc **dp, json_t *list)
{
    store *st = r->slot->st;
    dots_doc *d = *dp;
    json_t *stored = NULL, *warn = json_array(), *e, *claims;
    int64_t id = 0;
    int skipped = 0, abandoned, rc;
    char name[256];

    snprintf(name, sizeof name, "%s", d->name ? d->name : "document");   /* d may go */
    rc = serve_run_pipeline(r->srv, r->slot->pipe, d, r->srv->ingest_ms, &abandoned);
    if (abandoned) {
        r->slot->pipe = NULL;        /* the old one is busy; the next ingest makes another */
        *dp = NULL;
        json_decref(warn);
        return reply_error(r, 503, "%s: analysis stopped after %.1f s; the document was not "
                           "stored", name, r->srv->ingest_ms / 1000.0);
    }
    if (rc != DOTS_OK)
        return json_decref(warn), reply_error(r, 500, "%s: the pipeline failed: %s", d->name,
                                              dots_strerror(rc));
    if ((rc = store_put_doc(st, d, &id, &skipped)) != DOTS_OK)
        return json_decref(warn), reply_rc(r, rc, NULL, d->name);
    if ((rc = graph_document(st, id, &stored)) != DOTS_OK)
        return json_decref(warn), reply_rc(r, rc, NULL, d->name);
    for (size_t i = 0; i < d->nwarnings; i++) json_array_append_new(warn, json_string(d->warnings[i]));
    claims = json_object_get(stored, "claims");
    e = json_pack("{s:I,s:s,s:b,s:o,s:o}", "id", (json_int_t)id, "name", d->name ? d->name : "",
                  "skipped", skipped, "claims", claims ? json_incref(claims) : json_array(),
                  "warnings", warn);
    json_decref(stored);
    if (!e) return reply_error(r, 500, "out of memory");
    json_array_append_new(list, e);
    return 0;
}

int api_ingest(serve_req *r)
{
    const char *name = serve_arg(r, "name"), *format = serve_arg(r, "format");
    const char *ctype = serve_header(r, "Content-Type");
    const char *text = r->body.s ? r->body.s : "";
    size_t len = r->body.len, ndocs = 0;
    dots_doc **docs = NULL;
    json_t *body = NULL, *list = NULL;
    char err[512];
    int rc;

    if (ctype && strncmp(ctype, "application/json", 16) == 0) {
        if (!(body = serve_body_json(r))) return r->status;
        json_t *t = json_object_get(body, "text");
        if (!json_is_string(t)) {
            json_decref(body);
            return reply_error(r, 400, "JSON body needs \"text\": the document as a string");
        }
        text = json_string_value(t);
        len = json_string_length(t);
        if (json_is_string(json_object_get(body, "name")))
            name = json_string_value(json_object_get(body, "name"));
        if (json_is_string(json_object_get(body, "format")))
            format = json_string_value(json_object_get(body, "format"));
    }
    if (!name) name = "pasted.txt";
    if (format && !*format) format = NULL;
    if (!valid_name(name)) {
        rc = reply_error(r, 400, "name must be a file name (no slashes, at most 200 bytes)");
        goto done;
    }
    if (format && strcmp(format, "text") && strcmp(format, "html") && strcmp(format, "jsonl")) {
        rc = reply_error(r, 400, "format must be text, html or jsonl, not %s", format);
        goto done;
    }
    if (len == 0) { rc = reply_error(r, 400, "the document is empty"); goto done; }
    if (!serve_pipeline(r)) { rc = r->status; goto done; }
    if ((rc = text_parse(name, text, len, format, &docs, &ndocs, err, sizeof err)) != DOTS_OK) {
        rc = reply_error(r, 400, "%s", err);
        goto done;
    }
    if (ndocs == 0) { rc = reply_error(r, 400, "%s: no document found in the body", name); goto done; }
    list = json_array();
    for (size_t i = 0; i < ndocs; i++)
        if (ingest_one(r, &docs[i], list) != 0) { rc = r->status; goto done; }
    /* One document: its entry. Several (JSON Lines): the first, plus all of them. */
    json_t *top = json_deep_copy(json_array_get(list, 0));
    if (top && ndocs > 1) json_object_set(top, "documents", list);
    rc = reply_json(r, 201, top);
done:
    for (size_t i = 0; i < ndocs; i++) doc_free(docs[i]);
    free(docs);
    json_decref(list);
    json_decref(body);
    return rc;
}
