/* src/graph/export.c -- the network for other tools:
**   graphml  actors as nodes, one edge per (subject, predicate, object) with
**            claim and document counts (Gephi, yEd, networkx, igraph);
**   gexf     the same for Gephi (GEXF 1.2);
**   csv      one claim per row with its evidence (spreadsheets);
**   jsonl    one claim object per line, the shape of graph_claims;
**   ftm      FollowTheMoney entities, one JSON object per line, as OpenSanctions
**            and Aleph read them: Person / Organization / PublicBody (states) /
**            LegalEntity (places), and per claim a Membership (member_of
**            between a person or group and an organisation) or UnknownLink
**            whose role is the predicate.
** The XML formats are written with libxml2's xmlTextWriter, which escapes and
** checks nesting. Whole-network exports read the tables once, in id order. */
#include "graph/graph_int.h"
#include "dots.h"

#include <libxml/xmlwriter.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct exp_ctx {
    store *s;
    buf where;                    /* " AND ..." from the filter */
    graph_params p;
} exp_ctx;

static int run(exp_ctx *x, const char *fmt_sql, int twice, store_stmt **st)
{
    buf sql;
    int rc;
    buf_init(&sql);
    if (twice) buf_printf(&sql, fmt_sql, x->where.s, x->where.s);
    else buf_printf(&sql, fmt_sql, x->where.s);
    rc = store_prepare(x->s, sql.s, st);
    buf_fini(&sql);
    if (rc) return rc;
    if ((rc = graph_params_bind(*st, &x->p, 1))) return rc;
    if (twice) rc = graph_params_bind(*st, &x->p, 1 + x->p.n);
    return rc;
}

/* Actors that take part in at least one exported claim. */
static const char *actor_sql =
    "SELECT a.id, a.akey, a.name, a.type, a.kb_id FROM actors a WHERE a.id IN ("
    "SELECT c.subject FROM claims c WHERE 1 = 1%s UNION "
    "SELECT c.object FROM claims c WHERE 1 = 1%s) ORDER BY a.id";
static const char *edge_sql =
    "SELECT c.subject, c.object, c.predicate, count(*), count(DISTINCT c.doc_id), "
    "min(c.time), max(c.time) FROM claims c WHERE 1 = 1%s "
    "GROUP BY c.subject, c.object, c.predicate ORDER BY c.subject, c.object, c.predicate";
static const char *claim_sql =
    "SELECT " GRAPH_CLAIM_COLS ", c.ckey, d.url, sa.type, oa.type FROM " GRAPH_CLAIM_FROM
    " WHERE 1 = 1%s ORDER BY c.id";

/* ---- XML ---------------------------------------------------------------- */
static int xml_done(xmlTextWriterPtr w, xmlBufferPtr xb, int bad, buf *out)
{
    if (!bad && xmlTextWriterEndDocument(w) < 0) bad = 1;
    xmlFreeTextWriter(w);
    int rc = bad ? DOTS_EIO : buf_append(out, xmlBufferContent(xb), (size_t)xmlBufferLength(xb));
    xmlBufferFree(xb);
    return rc;
}

static int key_attr(xmlTextWriterPtr w, const char *id, const char *for_, const char *name,
                    const char *type)
{
    return xmlTextWriterStartElement(w, BAD_CAST "key") < 0 ||
           xmlTextWriterWriteAttribute(w, BAD_CAST "id", BAD_CAST id) < 0 ||
           xmlTextWriterWriteAttribute(w, BAD_CAST "for", BAD_CAST for_) < 0 ||
           xmlTextWriterWriteAttribute(w, BAD_CAST "attr.name", BAD_CAST name) < 0 ||
           xmlTextWriterWriteAttribute(w, BAD_CAST "attr.type", BAD_CAST type) < 0 ||
           xmlTextWriterEndElement(w) < 0;
}

static int data(xmlTextWriterPtr w, const char *key, const char *v)
{
    if (!v) return 0;
    return xmlTextWriterStartElement(w, BAD_CAST "data") < 0 ||
           xmlTextWriterWriteAttribute(w, BAD_CAST "key", BAD_CAST key) < 0 ||
           xmlTextWriterWriteString(w, BAD_CAST v) < 0 ||
           xmlTextWriterEndElement(w) < 0;
}

static int export_graphml(exp_ctx *x, buf *out)
{
    xmlBufferPtr xb = xmlBufferCreate();
    xmlTextWriterPtr w = xb ? xmlNewTextWriterMemory(xb, 0) : NULL;
    store_stmt *st = NULL;
    int bad = 0, rc;
    char n1[32], n2[32];

    if (!w) { xmlBufferFree(xb); return DOTS_ENOMEM; }
    xmlTextWriterSetIndent(w, 1);
    bad |= xmlTextWriterStartDocument(w, "1.0", "UTF-8", NULL) < 0;
    bad |= xmlTextWriterStartElement(w, BAD_CAST "graphml") < 0;
    bad |= xmlTextWriterWriteAttribute(w, BAD_CAST "xmlns",
                                       BAD_CAST "http://graphml.graphdrawing.org/xmlns") < 0;
    bad |= key_attr(w, "name", "node", "name", "string");
    bad |= key_attr(w, "type", "node", "type", "string");
    bad |= key_attr(w, "key", "node", "key", "string");
    bad |= key_attr(w, "predicate", "edge", "predicate", "string");
    bad |= key_attr(w, "claims", "edge", "claims", "int");
    bad |= key_attr(w, "documents", "edge", "documents", "int");
    bad |= key_attr(w, "first", "edge", "first", "string");
    bad |= key_attr(w, "last", "edge", "last", "string");
    bad |= xmlTextWriterStartElement(w, BAD_CAST "graph") < 0;
    bad |= xmlTextWriterWriteAttribute(w, BAD_CAST "id", BAD_CAST "dots") < 0;
    bad |= xmlTextWriterWriteAttribute(w, BAD_CAST "edgedefault", BAD_CAST "directed") < 0;
    if ((rc = run(x, actor_sql, 1, &st))) goto fail;
    while (!bad && (rc = store_step(st)) == 1) {
        snprintf(n1, sizeof n1, "a%lld", (long long)store_col_int(st, 0));
        bad |= xmlTextWriterStartElement(w, BAD_CAST "node") < 0;
        bad |= xmlTextWriterWriteAttribute(w, BAD_CAST "id", BAD_CAST n1) < 0;
        bad |= data(w, "name", store_col_text(st, 2));
        bad |= data(w, "type", store_col_text(st, 3));
        bad |= data(w, "key", store_col_text(st, 1));
        bad |= xmlTextWriterEndElement(w) < 0;
    }
    store_finalize(st);
    st = NULL;
    if (rc < 0) goto fail;
    if ((rc = run(x, edge_sql, 0, &st))) goto fail;
    while (!bad && (rc = store_step(st)) == 1) {
        snprintf(n1, sizeof n1, "a%lld", (long long)store_col_int(st, 0));
        snprintf(n2, sizeof n2, "a%lld", (long long)store_col_int(st, 1));
        bad |= xmlTextWriterStartElement(w, BAD_CAST "edge") < 0;
        bad |= xmlTextWriterWriteAttribute(w, BAD_CAST "source", BAD_CAST n1) < 0;
        bad |= xmlTextWriterWriteAttribute(w, BAD_CAST "target", BAD_CAST n2) < 0;
        bad |= data(w, "predicate", store_col_text(st, 2));
        bad |= data(w, "claims", store_col_text(st, 3));
        bad |= data(w, "documents", store_col_text(st, 4));
        bad |= data(w, "first", store_col_text(st, 5));
        bad |= data(w, "last", store_col_text(st, 6));
        bad |= xmlTextWriterEndElement(w) < 0;
    }
    store_finalize(st);
    st = NULL;
    if (rc < 0) goto fail;
    return xml_done(w, xb, bad, out);
fail:
    store_finalize(st);
    xml_done(w, xb, 1, out);
    return rc;
}

static int attvalue(xmlTextWriterPtr w, const char *for_, const char *v)
{
    if (!v) return 0;
    return xmlTextWriterStartElement(w, BAD_CAST "attvalue") < 0 ||
           xmlTextWriterWriteAttribute(w, BAD_CAST "for", BAD_CAST for_) < 0 ||
           xmlTextWriterWriteAttribute(w, BAD_CAST "value", BAD_CAST v) < 0 ||
           xmlTextWriterEndElement(w) < 0;
}

static int gexf_attr(xmlTextWriterPtr w, const char *id, const char *title, const char *type)
{
    return xmlTextWriterStartElement(w, BAD_CAST "attribute") < 0 ||
           xmlTextWriterWriteAttribute(w, BAD_CAST "id", BAD_CAST id) < 0 ||
           xmlTextWriterWriteAttribute(w, BAD_CAST "title", BAD_CAST title) < 0 ||
           xmlTextWriterWriteAttribute(w, BAD_CAST "type", BAD_CAST type) < 0 ||
           xmlTextWriterEndElement(w) < 0;
}

static int export_gexf(exp_ctx *x, buf *out)
{
    xmlBufferPtr xb = xmlBufferCreate();
    xmlTextWriterPtr w = xb ? xmlNewTextWriterMemory(xb, 0) : NULL;
    store_stmt *st = NULL;
    int bad = 0, rc;
    long long eid = 0;
    char n1[32], n2[32], e[32];

    if (!w) { xmlBufferFree(xb); return DOTS_ENOMEM; }
    xmlTextWriterSetIndent(w, 1);
    bad |= xmlTextWriterStartDocument(w, "1.0", "UTF-8", NULL) < 0;
    bad |= xmlTextWriterStartElement(w, BAD_CAST "gexf") < 0;
    bad |= xmlTextWriterWriteAttribute(w, BAD_CAST "xmlns",
                                       BAD_CAST "http://www.gexf.net/1.2draft") < 0;
    bad |= xmlTextWriterWriteAttribute(w, BAD_CAST "version", BAD_CAST "1.2") < 0;
    bad |= xmlTextWriterStartElement(w, BAD_CAST "meta") < 0;
    bad |= xmlTextWriterWriteElement(w, BAD_CAST "creator", BAD_CAST "dots " DOTS_VERSION) < 0;
    bad |= xmlTextWriterEndElement(w) < 0;
    bad |= xmlTextWriterStartElement(w, BAD_CAST "graph") < 0;
    bad |= xmlTextWriterWriteAttribute(w, BAD_CAST "defaultedgetype", BAD_CAST "directed") < 0;
    bad |= xmlTextWriterWriteAttribute(w, BAD_CAST "mode", BAD_CAST "static") < 0;
    bad |= xmlTextWriterStartElement(w, BAD_CAST "attributes") < 0;
    bad |= xmlTextWriterWriteAttribute(w, BAD_CAST "class", BAD_CAST "node") < 0;
    bad |= gexf_attr(w, "type", "type", "string") | gexf_attr(w, "key", "key", "string");
    bad |= xmlTextWriterEndElement(w) < 0;
    bad |= xmlTextWriterStartElement(w, BAD_CAST "attributes") < 0;
    bad |= xmlTextWriterWriteAttribute(w, BAD_CAST "class", BAD_CAST "edge") < 0;
    bad |= gexf_attr(w, "predicate", "predicate", "string") |
           gexf_attr(w, "claims", "claims", "integer") |
           gexf_attr(w, "documents", "documents", "integer");
    bad |= xmlTextWriterEndElement(w) < 0;
    bad |= xmlTextWriterStartElement(w, BAD_CAST "nodes") < 0;
    if ((rc = run(x, actor_sql, 1, &st))) goto fail;
    while (!bad && (rc = store_step(st)) == 1) {
        snprintf(n1, sizeof n1, "a%lld", (long long)store_col_int(st, 0));
        bad |= xmlTextWriterStartElement(w, BAD_CAST "node") < 0;
        bad |= xmlTextWriterWriteAttribute(w, BAD_CAST "id", BAD_CAST n1) < 0;
        bad |= xmlTextWriterWriteAttribute(w, BAD_CAST "label", BAD_CAST store_col_text(st, 2)) < 0;
        bad |= xmlTextWriterStartElement(w, BAD_CAST "attvalues") < 0;
        bad |= attvalue(w, "type", store_col_text(st, 3));
        bad |= attvalue(w, "key", store_col_text(st, 1));
        bad |= xmlTextWriterEndElement(w) < 0;
        bad |= xmlTextWriterEndElement(w) < 0;
    }
    store_finalize(st);
    st = NULL;
    if (rc < 0) goto fail;
    bad |= xmlTextWriterEndElement(w) < 0;
    bad |= xmlTextWriterStartElement(w, BAD_CAST "edges") < 0;
    if ((rc = run(x, edge_sql, 0, &st))) goto fail;
    while (!bad && (rc = store_step(st)) == 1) {
        snprintf(n1, sizeof n1, "a%lld", (long long)store_col_int(st, 0));
        snprintf(n2, sizeof n2, "a%lld", (long long)store_col_int(st, 1));
        snprintf(e, sizeof e, "e%lld", eid++);
        bad |= xmlTextWriterStartElement(w, BAD_CAST "edge") < 0;
        bad |= xmlTextWriterWriteAttribute(w, BAD_CAST "id", BAD_CAST e) < 0;
        bad |= xmlTextWriterWriteAttribute(w, BAD_CAST "source", BAD_CAST n1) < 0;
        bad |= xmlTextWriterWriteAttribute(w, BAD_CAST "target", BAD_CAST n2) < 0;
        bad |= xmlTextWriterWriteAttribute(w, BAD_CAST "label", BAD_CAST store_col_text(st, 2)) < 0;
        bad |= xmlTextWriterWriteAttribute(w, BAD_CAST "weight",
                                           BAD_CAST store_col_text(st, 3)) < 0;
        bad |= xmlTextWriterStartElement(w, BAD_CAST "attvalues") < 0;
        bad |= attvalue(w, "predicate", store_col_text(st, 2)) |
               attvalue(w, "claims", store_col_text(st, 3)) |
               attvalue(w, "documents", store_col_text(st, 4));
        bad |= xmlTextWriterEndElement(w) < 0;
        bad |= xmlTextWriterEndElement(w) < 0;
    }
    store_finalize(st);
    st = NULL;
    if (rc < 0) goto fail;
    return xml_done(w, xb, bad, out);
fail:
    store_finalize(st);
    xml_done(w, xb, 1, out);
    return rc;
}

/* ---- CSV, JSON Lines ---------------------------------------------------- */
static void csv_field(buf *out, const char *v, int last)
{
    if (v && strpbrk(v, ",\"\n\r")) {
        buf_putc(out, '"');
        for (const char *p = v; *p; p++) {
            if (*p == '"') buf_putc(out, '"');
            buf_putc(out, *p);
        }
        buf_putc(out, '"');
    } else if (v) {
        buf_puts(out, v);
    }
    buf_putc(out, last ? '\n' : ',');
}

static int export_csv(exp_ctx *x, buf *out)
{
    store_stmt *st;
    int rc;
    buf_puts(out, "claim_id,subject,subject_type,predicate,object,object_type,polarity,time,"
                  "source,origin,confidence,status,document,url,evidence_start,evidence_end,"
                  "sentence\n");
    if ((rc = run(x, claim_sql, 0, &st))) return rc;
    while ((rc = store_step(st)) == 1) {
        char conf[32];
        snprintf(conf, sizeof conf, "%.3f", store_col_double(st, 11));
        const int cols[] = { 0, 2, 22, 3, 5, 23, 6, 7, 9, 10, -1, 12, 17, 21, 13, 14, 15 };
        for (size_t i = 0; i < sizeof cols / sizeof *cols; i++)
            csv_field(out, cols[i] < 0 ? conf : store_col_text(st, cols[i]),
                      i + 1 == sizeof cols / sizeof *cols);
    }
    store_finalize(st);
    return rc < 0 ? rc : DOTS_OK;
}

static int export_jsonl(exp_ctx *x, buf *out)
{
    store_stmt *st;
    int rc;
    if ((rc = run(x, claim_sql, 0, &st))) return rc;
    while ((rc = store_step(st)) == 1) {
        json_t *c = graph_claim_json(st);
        char *s = c ? json_dumps(c, JSON_COMPACT) : NULL;
        json_decref(c);
        if (!s) { rc = DOTS_ENOMEM; break; }
        buf_puts(out, s);
        buf_putc(out, '\n');
        free(s);
    }
    store_finalize(st);
    return rc < 0 ? rc : DOTS_OK;
}

/* ---- FollowTheMoney ------------------------------------------------------ */
static const char *ftm_schema(const char *type)
{
    if (strcmp(type, "PER") == 0) return "Person";
    if (strcmp(type, "ORG") == 0) return "Organization";
    if (strcmp(type, "GPE") == 0) return "PublicBody";     /* a state acts as its government */
    return "LegalEntity";
}

static void ftm_id(char *out, size_t n, const char *prefix, const char *key)
{
    snprintf(out, n, "dots-%s-%016llx", prefix,
             (unsigned long long)base_hash64(key, strlen(key)));
}

/* FtM dates are YYYY, YYYY-MM or YYYY-MM-DD; "2006/.." starts in 2006. */
static json_t *ftm_date(const char *t)
{
    if (!t) return NULL;
    size_t n = strcspn(t, "/");
    if (n < 4 || n > 10) return NULL;
    char d[11];
    memcpy(d, t, n);
    d[n] = 0;
    for (size_t i = 0; i < n; i++)
        if (!((d[i] >= '0' && d[i] <= '9') || (d[i] == '-' && (i == 4 || i == 7)))) return NULL;
    return json_pack("[s]", d);
}

static int emit(buf *out, json_t *o)
{
    char *s = o ? json_dumps(o, JSON_COMPACT) : NULL;
    json_decref(o);
    if (!s) return DOTS_ENOMEM;
    buf_puts(out, s);
    buf_putc(out, '\n');
    free(s);
    return DOTS_OK;
}

static int export_ftm(exp_ctx *x, buf *out)
{
    store_stmt *st = NULL, *al = NULL;
    char id[64], sid[64], oid[64];
    int rc;

    if ((rc = store_cached(x->s, "SELECT alias FROM aliases WHERE actor_id = ? ORDER BY alias",
                           &al)))
        return rc;
    if ((rc = run(x, actor_sql, 1, &st))) return rc;
    while ((rc = store_step(st)) == 1) {
        const char *name = store_col_text(st, 2);
        json_t *aliases = json_array();
        store_bind_int(al, 1, store_col_int(st, 0));
        while (store_step(al) == 1)
            if (strcmp(store_col_text(al, 0), name) != 0)
                json_array_append_new(aliases, json_string(store_col_text(al, 0)));
        store_reset(al);
        ftm_id(id, sizeof id, "actor", store_col_text(st, 1));
        json_t *props = json_pack("{s:[s]}", "name", name);
        if (json_array_size(aliases)) json_object_set(props, "alias", aliases);
        json_decref(aliases);
        if ((rc = emit(out, json_pack("{s:s, s:s, s:o}", "id", id, "schema",
                                      ftm_schema(store_col_text(st, 3)), "properties", props))))
            break;
    }
    store_finalize(st);
    if (rc < 0) return rc;
    if ((rc = run(x, "SELECT c.ckey, sa.akey, sa.type, oa.akey, oa.type, c.predicate, c.time, "
                     "c.sentence, d.url, d.title, c.polarity, c.source_name FROM "
                     GRAPH_CLAIM_FROM " WHERE 1 = 1%s ORDER BY c.id", 0, &st)))
        return rc;
    while ((rc = store_step(st)) == 1) {
        const char *pred = store_col_text(st, 5), *st_ = store_col_text(st, 2);
        const char *ot = store_col_text(st, 4);
        ftm_id(id, sizeof id, "claim", store_col_text(st, 0));
        ftm_id(sid, sizeof sid, "actor", store_col_text(st, 1));
        ftm_id(oid, sizeof oid, "actor", store_col_text(st, 3));
        /* Membership wants an organisation on the far end (Organization or its
        ** PublicBody); anything else is an UnknownLink with the predicate as role. */
        int member = strcmp(pred, "member_of") == 0 && strcmp(st_, "LOC") != 0 &&
                     (strcmp(ot, "ORG") == 0 || strcmp(ot, "GPE") == 0);
        json_t *props = member ? json_pack("{s:[s], s:[s]}", "member", sid, "organization", oid)
                               : json_pack("{s:[s], s:[s], s:[s]}", "subject", sid, "object", oid,
                                           "role", pred);
        json_t *d = ftm_date(store_col_text(st, 6));
        if (d) json_object_set_new(props, "startDate", d);
        if (store_col_text(st, 7))
            json_object_set_new(props, "summary", json_pack("[s]", store_col_text(st, 7)));
        if (store_col_text(st, 8))
            json_object_set_new(props, "sourceUrl", json_pack("[s]", store_col_text(st, 8)));
        if (store_col_text(st, 11))
            json_object_set_new(props, "publisher", json_pack("[s]", store_col_text(st, 11)));
        else if (store_col_text(st, 9))
            json_object_set_new(props, "publisher", json_pack("[s]", store_col_text(st, 9)));
        if (strcmp(store_col_text(st, 10), "asserted") != 0)
            json_object_set_new(props, "description",
                                json_pack("[s]", store_col_text(st, 10)));
        if ((rc = emit(out, json_pack("{s:s, s:s, s:o}", "id", id, "schema",
                                      member ? "Membership" : "UnknownLink",
                                      "properties", props))))
            break;
    }
    store_finalize(st);
    return rc < 0 ? rc : DOTS_OK;
}

int graph_export(store *s, const char *format, const graph_filter *f, buf *out)
{
    exp_ctx x = { .s = s };
    char err[256] = "";
    int rc;

    if (!format) format = "graphml";
    buf_init(&x.where);
    buf_puts(&x.where, "");
    if ((rc = graph_filter_sql(s, f, &x.where, &x.p, err, sizeof err))) {
        if (err[0]) snprintf(s->err, sizeof s->err, "%s", err);
        goto out;
    }
    if (strcmp(format, "graphml") == 0) rc = export_graphml(&x, out);
    else if (strcmp(format, "gexf") == 0) rc = export_gexf(&x, out);
    else if (strcmp(format, "csv") == 0) rc = export_csv(&x, out);
    else if (strcmp(format, "jsonl") == 0) rc = export_jsonl(&x, out);
    else if (strcmp(format, "ftm") == 0) rc = export_ftm(&x, out);
    else {
        snprintf(s->err, sizeof s->err, "unknown export format '%s' "
                 "(graphml, gexf, csv, jsonl, ftm)", format);
        rc = DOTS_EINVAL;
    }
out:
    graph_params_fini(&x.p);
    buf_fini(&x.where);
    return rc;
}
