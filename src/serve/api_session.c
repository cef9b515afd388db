/* src/serve/api_session.c -- GET /api/session: what the page needs before it
** writes. It hands out the per-process CSRF token (only to our own page: a
** browser request from any other site is refused here and by the CORS-less
** same-origin policy, which keeps other pages from reading the answer) and
** says whether the Authorization header it got carries the write token, so the
** page can check a token the analyst pasted before using it. */
#include "serve/serve_int.h"
#include "dots.h"

#include <string.h>
#include <strings.h>

int api_session(serve_req *r)
{
    const char *site = serve_header(r, "Sec-Fetch-Site");
    const char *auth = serve_header(r, "Authorization");
    int authorized = auth && strncasecmp(auth, "Bearer ", 7) == 0 &&
                     serve_token_eq(auth + 7, r->srv->token);

    if (site && strcmp(site, "same-origin") != 0 && strcmp(site, "none") != 0)
        return reply_error(r, 403, "the session is for this server's own page");
    return reply_json(r, 200, json_pack("{s:s,s:b,s:s,s:s}", "csrf", r->srv->csrf,
                                        "authorized", authorized, "token_file",
                                        r->srv->token_path, "version", DOTS_VERSION));
}
