/* src/serve/assets.c -- the page: index.html, app.css, app.js and cytoscape.js,
** compiled in by cmake/serve.cmake, so `dots serve` needs no files beside the
** binary. The page routes with the URL fragment (#/actor/iran), so the server
** only ever sees "/" and the asset paths. */
#include "serve/serve_int.h"

#include <string.h>

int serve_asset(serve_req *r)
{
    const char *path = strcmp(r->path, "/") == 0 ? "/index.html" : r->path;
    size_t n;
    const serve_asset_entry *a = serve_assets(&n);

    for (size_t i = 0; i < n; i++) {
        if (strcmp(a[i].path, path) != 0) continue;
        r->data = a[i].data;
        r->data_len = a[i].len;
        r->ctype = a[i].ctype;
        r->cache = 1;
        return r->status = 200;
    }
    return reply_error(r, 404, "no such page: %s", r->path);
}
