/* src/serve/api_review.c -- analyst decisions: confirm, reject or correct a
** claim, and merge two actors. Both are writes (token checked in server.c) and
** both survive re-ingest (the store keeps them apart from extracted data).
** Bodies are JSON; an absent field means "keep". */
#include "serve/serve_int.h"
#include "dots.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

static const char *opt_str(json_t *o, const char *key)
{
    json_t *v = json_object_get(o, key);
    return json_is_string(v) && json_string_length(v) ? json_string_value(v) : NULL;
}

int api_review(serve_req *r)
{
    const char *action, *pred, *pol, *time, *note;
    json_t *body;
    store *st;
    char *end;
    long long id;
    int rc;

    errno = 0;
    id = strtoll(r->args[0], &end, 10);
    if (errno || *end || id <= 0)
        return reply_error(r, 400, "claim id must be a positive integer, not %s", r->args[0]);
    if (!(body = serve_body_json(r))) return r->status;
    action = opt_str(body, "action");
    pred = opt_str(body, "predicate");
    pol = opt_str(body, "polarity");
    time = opt_str(body, "time");
    note = opt_str(body, "note");
    if (!action || (strcmp(action, "confirm") && strcmp(action, "reject") &&
                    strcmp(action, "correct"))) {
        rc = reply_error(r, 400, "action must be confirm, reject or correct");
    } else if (pred && doc_predicate_parse(pred) < 0) {
        rc = reply_error(r, 400, "unknown predicate %s", pred);
    } else if (pol && strcmp(pol, "asserted") && strcmp(pol, "denied") && strcmp(pol, "hedged")) {
        rc = reply_error(r, 400, "polarity must be asserted, denied or hedged");
    } else if (!strcmp(action, "correct") && !pred && !pol && !time) {
        rc = reply_error(r, 400, "correct needs a predicate, polarity or time");
    } else if (!(st = serve_store(r))) {
        rc = r->status;
    } else {
        rc = store_claim_review(st, (int64_t)id, action, pred, pol, time, note);
        rc = reply_rc(r, rc, json_pack("{s:I,s:s,s:b}", "claim", (json_int_t)id, "review",
                                       action, "ok", 1), "review");
    }
    json_decref(body);
    return rc;
}

int api_merge(serve_req *r)
{
    json_t *body = serve_body_json(r), *j = NULL;
    const char *into, *from;
    store *st;
    int rc;

    if (!body) return r->status;
    into = opt_str(body, "into");
    from = opt_str(body, "from");
    if (!into || !from) {
        rc = reply_error(r, 400, "merge needs {\"into\": actor, \"from\": actor}");
    } else if (!strcmp(into, from)) {
        rc = reply_error(r, 400, "cannot merge an actor into itself");
    } else if (!(st = serve_store(r))) {
        rc = r->status;
    } else if ((rc = store_actor_merge(st, into, from)) != DOTS_OK) {
        rc = reply_rc(r, rc, NULL, "merge");
    } else {
        graph_actor(st, into, &j);       /* the merged profile, when it can be read */
        rc = reply_json(r, 200, json_pack("{s:s,s:s,s:o*}", "merged", from, "into", into,
                                          "actor", j));
    }
    json_decref(body);
    return rc;
}
