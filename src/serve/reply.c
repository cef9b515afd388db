/* src/serve/reply.c -- how handlers answer. Every error has the same JSON shape,
** {"error": "what went wrong", "status": N}, so a client needs one code path;
** status codes follow the library's: not found -> 404, bad argument or
** malformed input -> 400, anything the store refused -> 500. */
#include "serve/serve_int.h"
#include "dots.h"

#include <stdio.h>

int reply_json(serve_req *r, int status, json_t *j)
{
    json_decref(r->json);
    r->json = j;
    r->status = j ? status : 500;
    if (!j) r->json = json_pack("{s:s,s:i}", "error", "out of memory", "status", 500);
    return r->status;
}

int reply_error(serve_req *r, int status, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    return reply_json(r, status, json_pack("{s:s,s:i}", "error", msg, "status", status));
}

int reply_rc(serve_req *r, int rc, json_t *j, const char *what)
{
    const char *msg = r->slot && r->slot->st ? store_errmsg(r->slot->st) : NULL;

    if (rc == DOTS_OK) return reply_json(r, 200, j);
    json_decref(j);
    if (!msg || !*msg) msg = dots_strerror(rc);
    switch (rc) {
    case DOTS_ENOTFOUND: return reply_error(r, 404, "%s", msg);     /* "no actor 'x'" */
    case DOTS_EINVAL:
    case DOTS_EFORMAT:   return reply_error(r, 400, "%s: %s", what, msg);
    case DOTS_ENOMEM:    return reply_error(r, 503, "%s: out of memory", what);
    default:             return reply_error(r, 500, "%s: %s", what, msg);
    }
}

int reply_raw(serve_req *r, int status, const char *ctype, buf *b)
{
    json_decref(r->json);
    r->json = NULL;
    buf_fini(&r->raw);
    r->raw = *b;
    buf_init(b);
    r->ctype = ctype;
    return r->status = status;
}
