/* src/cli/cmd_serve.c -- `dots serve`: the API and the workbench page on
** loopback until SIGINT or SIGTERM. The signals are blocked before the server
** starts so that its threads inherit the mask and only this thread, in
** sigwait, sees them; stopping then waits for requests in flight.
** The first line on stdout names the URL (scripts read the port from it when
** they ask for port 0); the write token is shown once, when it is created. */
#include "cli/cli.h"
#include "dots.h"
#include "serve/serve.h"

#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* "127.0.0.1:8080", "[::1]:8080", "localhost:0", ":8080" or "8080". */
static int parse_listen(const char *s, char *host, size_t hostlen, int *port)
{
    const char *colon = strrchr(s, ':');
    const char *p = colon ? colon + 1 : s;
    char *end;
    long n = strtol(p, &end, 10);

    if (*p == 0 || *end || n < 0 || n > 65535) return -1;
    *port = (int)n;
    if (!colon || colon == s) { snprintf(host, hostlen, "127.0.0.1"); return 0; }
    size_t len = (size_t)(colon - s);
    if (s[0] == '[' && len >= 2 && s[len - 1] == ']') { s++; len -= 2; }
    if (len == 0 || len >= hostlen) return -1;
    memcpy(host, s, len);
    host[len] = 0;
    return 0;
}

CLI_COMMAND(cmd_serve, "serve",
            "[--db DB] [--listen 127.0.0.1:8080] [--threads N] [--token-file F] [--allow-host H] "
            "[--ingest-timeout SECONDS]",
            "serve the JSON API and the workbench page")
static int cmd_serve(int argc, char **argv)
{
    const char *listen = cli_opt(argc, argv, "--listen");
    const char *threads = cli_opt(argc, argv, "--threads");
    const char *limit = cli_opt(argc, argv, "--ingest-timeout");
    serve_config cfg = { 0 };
    char host[256], err[512];
    sigset_t sigs;
    serve *s;
    int sig;

    cfg.db = cli_opt(argc, argv, "--db");
    if (!cfg.db) cfg.db = cli_default_db();
    cfg.token_file = cli_opt(argc, argv, "--token-file");
    cfg.allow_host = cli_opt(argc, argv, "--allow-host");
    if (parse_listen(listen ? listen : "127.0.0.1:8080", host, sizeof host, &cfg.port) != 0) {
        cli_fail("serve", "--listen wants HOST:PORT, e.g. 127.0.0.1:8080, not %s", listen);
        return cli_usage("serve");
    }
    cfg.host = host;
    if (threads && ((cfg.threads = atoi(threads)) < 1 || cfg.threads > 64))
        return cli_fail("serve", "--threads must be from 1 to 64");
    if (limit && (atoi(limit) < 1 || atoi(limit) > 86400))
        return cli_fail("serve", "--ingest-timeout must be from 1 to 86400 seconds");
    if (limit) cfg.ingest_ms = (unsigned)atoi(limit) * 1000u;
    if (strcmp(host, "127.0.0.1") && strcmp(host, "::1") && strcmp(host, "localhost"))
        fprintf(stderr, "dots serve: warning: listening on %s, not loopback; reads are "
                        "open to anyone who can reach it\n", host);

    sigemptyset(&sigs);
    sigaddset(&sigs, SIGINT);
    sigaddset(&sigs, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &sigs, NULL);
    if (serve_start(&cfg, &s, err, sizeof err) != DOTS_OK) return cli_fail("serve", "%s", err);

    int v6 = strchr(host, ':') != NULL;
    printf("dots serve: listening on http://%s%s%s:%d/ (database %s)\n", v6 ? "[" : "", host,
           v6 ? "]" : "", serve_port(s), cfg.db);
    if (serve_token_created(s))
        printf("dots serve: new write token, shown once (kept in %s, mode 0600):\n  %s\n"
               "  open http://%s%s%s:%d/#token=%s to write from the page\n",
               serve_token_path(s), serve_token(s), v6 ? "[" : "", host, v6 ? "]" : "",
               serve_port(s), serve_token(s));
    else
        printf("dots serve: write token in %s\n", serve_token_path(s));
    fflush(stdout);

    while (sigwait(&sigs, &sig) != 0) {}
    serve_stop(s);
    printf("dots serve: stopped (%s)\n", sig == SIGINT ? "SIGINT" : "SIGTERM");
    return 0;
}
