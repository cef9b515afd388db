/* tests/test_serve.c -- the HTTP server seen from a client: a real server on
** a free loopback port (port 0), a fresh SQLite store in a temp directory, and
** requests written by hand over a socket, so that every header the server
** checks (Host, Origin, Sec-Fetch-Site, Authorization, X-CSRF-Token,
** Content-Length) can be set or forged. The store is filled through the API
** itself (POST /api/documents) with the fixtures in tests/cases/serve/.
** SQLite by default; PostgreSQL when DOTS_PG_URL is set (test_serve_pg). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <arpa/inet.h>
#include <errno.h>
#include <jansson.h>
#include <libpq-fe.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/base.h"
#include "dots.h"
#include "serve/serve.h"

static serve *srv;
static char dir[64], db[300], host[64];
static int port;

typedef struct resp {
    int status;
    char *head;      /* status line and headers */
    char *body;
    json_t *json;    /* body parsed when it is JSON */
} resp;

static void resp_free(resp *r)
{
    free(r->head);
    free(r->body);
    json_decref(r->json);
    memset(r, 0, sizeof *r);
}

/* Send one request (extra: header lines, each ending in \r\n) and read the reply. */
static resp http(const char *method, const char *path, const char *extra, const char *body,
                 size_t blen)
{
    struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons((uint16_t)port) };
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    buf req, in;
    resp r = { 0 };
    char chunk[8192];
    ssize_t n;

    inet_pton(AF_INET, "127.0.0.1", &a.sin_addr);
    assert_int_equal(connect(fd, (struct sockaddr *)&a, sizeof a), 0);
    buf_init(&req);
    buf_init(&in);
    buf_printf(&req, "%s %s HTTP/1.1\r\nConnection: close\r\n%s", method, path,
               extra ? extra : "");
    if (!extra || !strstr(extra, "Host:")) buf_printf(&req, "Host: %s\r\n", host);
    if (body && (!extra || (!strstr(extra, "Content-Length:") &&
                            !strstr(extra, "Transfer-Encoding:"))))
        buf_printf(&req, "Content-Length: %zu\r\n", blen);
    buf_puts(&req, "\r\n");
    if (body) buf_append(&req, body, blen);
    for (size_t off = 0; off < req.len; off += (size_t)n) {
        n = send(fd, req.s + off, req.len - off, MSG_NOSIGNAL);
        if (n <= 0) break;       /* the server may refuse before reading it all */
    }
    while ((n = recv(fd, chunk, sizeof chunk, 0)) > 0) buf_append(&in, chunk, (size_t)n);
    if (!in.s) fprintf(stderr, "%s %s: no reply (%s)\n", method, path, strerror(errno));
    close(fd);
    buf_fini(&req);
    assert_non_null(in.s);
    char *sep = strstr(in.s, "\r\n\r\n");
    assert_non_null(sep);
    *sep = 0;
    r.head = strdup(in.s);
    r.body = strdup(sep + 4);
    r.status = atoi(in.s + 9);
    r.json = json_loads(r.body, 0, NULL);
    buf_fini(&in);
    return r;
}

static resp get(const char *path) { return http("GET", path, NULL, NULL, 0); }

static const char *jstr(json_t *j, const char *key)
{
    return json_string_value(json_object_get(j, key));
}

/* An error reply: the status and the same number in the JSON body. */
static void assert_error(resp *r, int status)
{
    assert_int_equal(r->status, status);
    assert_non_null(r->json);
    assert_non_null(jstr(r->json, "error"));
    assert_int_equal(json_integer_value(json_object_get(r->json, "status")), status);
}

static char *auth_header(void)
{
    static char h[128];
    snprintf(h, sizeof h, "Authorization: Bearer %s\r\n", serve_token(srv));
    return h;
}

static resp post_json(const char *path, const char *extra, const char *json)
{
    char h[1024];
    snprintf(h, sizeof h, "%sContent-Type: application/json\r\n", extra ? extra : "");
    return http("POST", path, h, json, strlen(json));
}

static int64_t ingest_fixture(const char *name)
{
    char path[256], err[256], *text;
    size_t len;
    json_t *body;
    resp r;

    snprintf(path, sizeof path, "tests/cases/serve/%s", name);
    assert_int_equal(base_read_file(path, &text, &len, err, sizeof err), DOTS_OK);
    body = json_pack("{s:s,s:s%}", "name", name, "text", text, len);
    char *s = json_dumps(body, 0);
    r = post_json("/api/documents", auth_header(), s);
    assert_int_equal(r.status, 201);
    int64_t id = json_integer_value(json_object_get(r.json, "id"));
    assert_true(id > 0);
    assert_true(json_is_array(json_object_get(r.json, "claims")));
    free(s);
    free(text);
    json_decref(body);
    resp_free(&r);
    return id;
}

/* With DOTS_PG_URL (ctest's test_serve_pg, cmake/serve.cmake) the server runs on
** PostgreSQL, in a database of its own so the store's suite can run alongside. */
static int pg_database(const char *url, char *out, size_t outlen)
{
    PGconn *c = PQconnectdb(url);
    const char *slash = strrchr(url, '/');
    int ok = PQstatus(c) == CONNECTION_OK && slash;
    for (int i = 0; ok && i < 2; i++) {
        PGresult *res = PQexec(c, i ? "CREATE DATABASE dots_serve_test"
                                    : "DROP DATABASE IF EXISTS dots_serve_test");
        ok = PQresultStatus(res) == PGRES_COMMAND_OK;
        if (!ok) fprintf(stderr, "test_serve: %s", PQerrorMessage(c));
        PQclear(res);
    }
    PQfinish(c);
    if (ok) snprintf(out, outlen, "%.*s/dots_serve_test", (int)(slash - url), url);
    return ok ? 0 : -1;
}

static int setup(void **st)
{
    serve_config cfg = { 0 };
    const char *pg = getenv("DOTS_PG_URL");
    char err[256], tok[160];

    snprintf(dir, sizeof dir, "/tmp/dots-test-serve-XXXXXX");
    if (!mkdtemp(dir)) return -1;
    snprintf(db, sizeof db, "%s/t.db", dir);
    if (pg && *pg && pg_database(pg, db, sizeof db) != 0) return -1;
    snprintf(tok, sizeof tok, "%s/t.token", dir);
    cfg.token_file = tok;
    cfg.db = db;
    cfg.host = "127.0.0.1";
    cfg.threads = 3;
    cfg.max_body = 64 * 1024;
    if (serve_start(&cfg, &srv, err, sizeof err) != DOTS_OK) {
        fprintf(stderr, "serve_start: %s\n", err);
        return -1;
    }
    port = serve_port(srv);
    snprintf(host, sizeof host, "127.0.0.1:%d", port);
    return 0;
}

static int teardown(void **st)
{
    char cmd[128];
    serve_stop(srv);
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    return system(cmd) == 0 ? 0 : -1;
}

/* ---- The page and its headers ------------------------------------------- */

static void test_page_headers(void **st)
{
    resp r = get("/");
    assert_int_equal(r.status, 200);
    assert_non_null(strstr(r.head, "Content-Security-Policy: default-src 'self'"));
    assert_non_null(strstr(r.head, "frame-ancestors 'none'"));
    assert_null(strstr(r.head, "unsafe-inline"));
    assert_non_null(strstr(r.head, "X-Content-Type-Options: nosniff"));
    assert_non_null(strstr(r.head, "Content-Type: text/html"));
    assert_non_null(strstr(r.body, "dots workbench"));
    assert_null(strstr(r.body, "<script>"));       /* every script has a src */
    assert_null(strstr(r.body, "style="));
    resp_free(&r);

    r = get("/vendor/cytoscape.min.js");
    assert_int_equal(r.status, 200);
    assert_true(strlen(r.body) > 1000);
    assert_non_null(strstr(r.head, "text/javascript"));
    resp_free(&r);

    r = get("/nothing-here.js");
    assert_error(&r, 404);
    resp_free(&r);
}

/* ---- Requests refused before any handler runs ----------------------------- */

static void test_host_check(void **st)
{
    /* DNS rebinding: a foreign name that resolves to 127.0.0.1 */
    resp r = http("GET", "/api/stats", "Host: attacker.example:80\r\n", NULL, 0);
    assert_error(&r, 421);
    resp_free(&r);
    char h[64];
    snprintf(h, sizeof h, "Host: localhost:%d\r\n", port);
    r = http("GET", "/api/stats", h, NULL, 0);
    assert_int_equal(r.status, 200);
    resp_free(&r);
}

static void test_cross_site_read(void **st)
{
    resp r = http("GET", "/api/stats", "Sec-Fetch-Site: cross-site\r\n", NULL, 0);
    assert_error(&r, 403);
    resp_free(&r);
    r = http("GET", "/api/session", "Sec-Fetch-Site: same-site\r\n", NULL, 0);
    assert_error(&r, 403);
    resp_free(&r);
}

static void test_writes_need_token(void **st)
{
    const char *merge = "{\"into\":\"iran\",\"from\":\"tehran\"}";
    char h[512];
    resp r = post_json("/api/actors/merge", NULL, merge);
    assert_error(&r, 401);
    resp_free(&r);

    r = post_json("/api/actors/merge", "Authorization: Bearer 00ff\r\n", merge);
    assert_error(&r, 401);
    resp_free(&r);

    /* right token, but from another site's page */
    snprintf(h, sizeof h, "%sOrigin: http://evil.example\r\n", auth_header());
    r = post_json("/api/actors/merge", h, merge);
    assert_error(&r, 403);
    resp_free(&r);
    snprintf(h, sizeof h, "%sSec-Fetch-Site: same-site\r\n", auth_header());
    r = post_json("/api/actors/merge", h, merge);
    assert_error(&r, 403);
    resp_free(&r);

    /* our own page, but without the CSRF token */
    snprintf(h, sizeof h, "%sOrigin: http://%s\r\nSec-Fetch-Site: same-origin\r\n",
             auth_header(), host);
    r = post_json("/api/actors/merge", h, merge);
    assert_error(&r, 403);
    assert_non_null(strstr(jstr(r.json, "error"), "CSRF"));
    resp_free(&r);

    /* with the CSRF token from /api/session the page's write goes through the checks */
    r = get("/api/session");
    assert_int_equal(r.status, 200);
    assert_false(json_is_true(json_object_get(r.json, "authorized")));
    char csrf[80];
    snprintf(csrf, sizeof csrf, "%s", jstr(r.json, "csrf"));
    assert_int_equal(strlen(csrf), 64);
    resp_free(&r);
    snprintf(h, sizeof h, "%sOrigin: http://%s\r\nSec-Fetch-Site: same-origin\r\n"
             "X-CSRF-Token: %s\r\n", auth_header(), host, csrf);
    r = post_json("/api/claims/999999999/review", h, "{\"action\":\"explode\"}");
    assert_error(&r, 400);              /* past the checks: the body is judged */
    resp_free(&r);

    r = http("GET", "/api/session", auth_header(), NULL, 0);
    assert_true(json_is_true(json_object_get(r.json, "authorized")));
    resp_free(&r);
}

static void test_body_limits(void **st)
{
    /* announced too big: refused before the body is read */
    char h[256];
    snprintf(h, sizeof h, "%sContent-Length: 6000000\r\n", auth_header());
    resp r = http("POST", "/api/documents", h, "x", 1);
    assert_error(&r, 413);
    resp_free(&r);

    /* chunked, so no length up front: refused when it grows past the limit */
    size_t n = 100 * 1024;
    char *big = malloc(n + 64);
    int off = sprintf(big, "%zx\r\n", n);
    memset(big + off, 'a', n);
    strcpy(big + off + n, "\r\n0\r\n\r\n");
    snprintf(h, sizeof h, "%sTransfer-Encoding: chunked\r\n", auth_header());
    r = http("POST", "/api/documents?name=big.txt", h, big, strlen(big));
    assert_error(&r, 413);
    resp_free(&r);
    free(big);
}

static void test_errors(void **st)
{
    static const struct { const char *path; int status; } cases[] = {
        { "/api/nope", 404 },
        { "/api/search", 400 },
        { "/api/search?q=iran&limit=100000", 400 },
        { "/api/search?q=iran&limit=ten", 400 },
        { "/api/path?from=iran", 400 },
        { "/api/path?from=iran&to=taliban&hops=99", 400 },
        { "/api/network", 400 },
        { "/api/network?actor=iran&depth=9", 400 },
        { "/api/timeline", 400 },
        { "/api/documents/abc", 400 },
        { "/api/documents/99999999", 404 },
        { "/api/actors/no-such-actor-anywhere", 404 },
        { "/api/export?format=pdf", 400 },
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        resp r = get(cases[i].path);
        if (r.status != cases[i].status)
            fprintf(stderr, "%s: %d %s\n", cases[i].path, r.status, r.body);
        assert_error(&r, cases[i].status);
        resp_free(&r);
    }
    resp r = http("DELETE", "/api/stats", NULL, NULL, 0);
    assert_error(&r, 405);
    resp_free(&r);
    r = http("POST", "/api/stats", auth_header(), "{}", 2);
    assert_error(&r, 405);
    assert_non_null(strstr(r.head, "Allow: "));
    resp_free(&r);
    r = post_json("/api/actors/merge", auth_header(), "[1,2");
    assert_error(&r, 400);
    resp_free(&r);
    r = post_json("/api/documents", auth_header(), "{\"name\":\"../x\",\"text\":\"hi\"}");
    assert_error(&r, 400);
    resp_free(&r);
}

/* ---- Ingest and read back ------------------------------------------------- */

static void test_ingest_and_read(void **st)
{
    int64_t id = ingest_fixture("iran-taliban-brief.txt");
    char path[64];
    resp r;

    snprintf(path, sizeof path, "/api/documents/%lld", (long long)id);
    r = get(path);
    assert_int_equal(r.status, 200);
    /* {"document": {..., "text"}, "segments", "mentions", "claims"} (docs/STORE.md) */
    const char *text0 = jstr(json_object_get(r.json, "document"), "text");
    assert_non_null(text0);
    assert_non_null(strstr(text0, "Zahedan"));
    assert_true(json_is_array(json_object_get(r.json, "claims")));
    resp_free(&r);

    /* the same text again is recognised, not stored twice */
    char err[256], *text;
    size_t len;
    assert_int_equal(base_read_file("tests/cases/serve/iran-taliban-brief.txt", &text, &len,
                                    err, sizeof err), DOTS_OK);
    char q[128];
    snprintf(q, sizeof q, "/api/documents?name=iran-taliban-brief.txt&format=text");
    r = http("POST", q, auth_header(), text, len);
    assert_int_equal(r.status, 201);
    assert_int_equal(json_integer_value(json_object_get(r.json, "id")), id);
    assert_true(json_is_true(json_object_get(r.json, "skipped")));
    assert_null(json_object_get(r.json, "documents"));     /* one document, no list */
    resp_free(&r);
    free(text);

    /* JSON Lines: one document per record, all listed */
    static const char two[] =
        "{\"id\": \"a1\", \"title\": \"Brief one\", \"date\": \"2019-02-01\", "
        "\"text\": \"Pakistan sheltered Taliban leaders in Quetta in 2018.\"}\n"
        "{\"id\": \"a2\", \"title\": \"Brief two\", \"date\": \"2019-03-01\", "
        "\"text\": \"Iran hosted a Taliban delegation in Tehran in 2019.\"}\n";
    r = http("POST", "/api/documents?name=briefs.jsonl&format=jsonl", auth_header(), two,
             sizeof two - 1);
    assert_int_equal(r.status, 201);
    assert_int_equal(json_array_size(json_object_get(r.json, "documents")), 2);
    resp_free(&r);

    r = get("/api/stats");
    assert_int_equal(r.status, 200);
    assert_true(json_integer_value(json_object_get(r.json, "documents")) >= 3);
    assert_string_equal(jstr(r.json, "backend"), strstr(db, "://") ? "postgresql" : "sqlite");
    resp_free(&r);

    r = get("/api/search?q=Iran");
    assert_int_equal(r.status, 200);
    assert_non_null(strstr(r.body, "Iran"));
    resp_free(&r);

    r = get("/api/export?format=csv");
    assert_int_equal(r.status, 200);
    assert_non_null(strstr(r.head, "Content-Disposition: attachment"));
    resp_free(&r);
}

/* ---- A document the pipeline takes too long on ------------------------------ */

static void test_ingest_time_limit(void **st)
{
    serve_config cfg = { 0 };
    serve *fast;
    char err[256], tok[160], big_db[300];
    int saved = port;

    /* a second server whose limit (1 ms) no real page can meet */
    snprintf(tok, sizeof tok, "%s/limit.token", dir);
    snprintf(big_db, sizeof big_db, "%s", db);
    cfg.db = big_db;
    cfg.token_file = tok;
    cfg.threads = 1;
    cfg.ingest_ms = 1;
    assert_int_equal(serve_start(&cfg, &fast, err, sizeof err), DOTS_OK);
    port = serve_port(fast);
    char h[128], host0[64];
    snprintf(host0, sizeof host0, "%s", host);
    snprintf(host, sizeof host, "127.0.0.1:%d", port);
    snprintf(h, sizeof h, "Authorization: Bearer %s\r\n", serve_token(fast));

    buf text;
    buf_init(&text);
    buf_puts(&text, "A long page\n2019-05-01\n\n");
    for (int i = 0; i < 1500; i++)
        buf_printf(&text, "Officials said that Iran sent %d rifles to the Taliban in Herat. ", i);
    buf_puts(&text, "\n");
    resp r = http("POST", "/api/documents?name=long.txt", h, text.s, text.len);
    assert_error(&r, 503);
    assert_non_null(strstr(jstr(r.json, "error"), "not stored"));
    resp_free(&r);
    /* the worker is free again at once */
    r = get("/api/stats");
    assert_int_equal(r.status, 200);
    resp_free(&r);
    buf_fini(&text);
    serve_stop(fast);                   /* waits for the abandoned analysis */
    port = saved;
    snprintf(host, sizeof host, "%s", host0);
}

/* ---- Many clients at once: each worker borrows its own store handle -------- */

static void *hammer(void *arg)
{
    int *bad = arg;
    for (int i = 0; i < 25; i++) {
        resp r = get(i % 2 ? "/api/stats" : "/api/search?q=ta");
        if (r.status != 200) (*bad)++;
        resp_free(&r);
    }
    return NULL;
}

static void test_concurrent_reads(void **st)
{
    pthread_t t[6];
    int bad[6] = { 0 };
    for (int i = 0; i < 6; i++) pthread_create(&t[i], NULL, hammer, &bad[i]);
    for (int i = 0; i < 6; i++) {
        pthread_join(t[i], NULL);
        assert_int_equal(bad[i], 0);
    }
}

/* ---- The token file --------------------------------------------------------- */

static void test_token_file(void **st)
{
    char path[160], tok[65], tok2[65], err[256];
    struct stat sb;
    int created;

    assert_int_equal(stat(serve_token_path(srv), &sb), 0);
    assert_int_equal(sb.st_mode & 0777, 0600);
    assert_int_equal(strlen(serve_token(srv)), 64);

    snprintf(path, sizeof path, "%s/other.token", dir);
    assert_int_equal(serve_token_load(path, tok, &created, err, sizeof err), DOTS_OK);
    assert_int_equal(created, 1);
    assert_int_equal(serve_token_load(path, tok2, &created, err, sizeof err), DOTS_OK);
    assert_int_equal(created, 0);
    assert_string_equal(tok, tok2);
    assert_string_not_equal(tok, serve_token(srv));   /* fresh randomness each time */

    chmod(path, 0644);                  /* readable by others: refused, not trusted */
    assert_int_equal(serve_token_load(path, tok2, &created, err, sizeof err), DOTS_EINVAL);
    assert_non_null(strstr(err, "chmod 600"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_page_headers),
        cmocka_unit_test(test_host_check),
        cmocka_unit_test(test_cross_site_read),
        cmocka_unit_test(test_writes_need_token),
        cmocka_unit_test(test_body_limits),
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_ingest_and_read),
        cmocka_unit_test(test_ingest_time_limit),
        cmocka_unit_test(test_concurrent_reads),
        cmocka_unit_test(test_token_file),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
