/* src/base/util.c -- whole-file reading, error formatting, status messages
** and the content hash used for documents and hash tables. */
#include "base/base.h"
#include "dots.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *dots_strerror(int status)
{
    switch (status) {
    case DOTS_OK: return "ok";
    case DOTS_ENOMEM: return "out of memory";
    case DOTS_EIO: return "input/output error";
    case DOTS_EFORMAT: return "malformed input";
    case DOTS_ESTORE: return "database error";
    case DOTS_EINVAL: return "invalid argument";
    case DOTS_ENOTFOUND: return "not found";
    }
    return "unknown error";
}

int base_err(char *err, size_t errlen, int status, const char *fmt, ...)
{
    if (err && errlen) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(err, errlen, fmt, ap);
        va_end(ap);
    }
    return status;
}

int base_read_file(const char *path, char **out, size_t *len, char *err, size_t errlen)
{
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    if (!f) return base_err(err, errlen, DOTS_EIO, "%s: %s", path, strerror(errno));
    buf b;
    buf_init(&b);
    char chunk[65536];
    size_t n;
    int rc = DOTS_OK;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        if (buf_append(&b, chunk, n)) { rc = DOTS_ENOMEM; break; }
    if (rc == DOTS_OK && ferror(f))
        rc = base_err(err, errlen, DOTS_EIO, "%s: read error: %s", path, strerror(errno));
    else if (rc)
        base_err(err, errlen, rc, "%s: out of memory", path);
    if (f != stdin) fclose(f);
    if (rc) { buf_fini(&b); return rc; }
    *len = b.len;
    *out = buf_steal(&b);
    return DOTS_OK;
}

void base_line_col(const char *s, size_t len, size_t off, size_t *line, size_t *col)
{
    size_t l = 1, c = 1;
    for (size_t i = 0; i < off && i < len; i++) {
        if (s[i] == '\n') { l++; c = 1; } else c++;
    }
    *line = l;
    *col = c;
}

uint64_t base_hash64(const void *p, size_t n)
{
    const unsigned char *s = p;
    uint64_t h = 1469598103934665603ULL;
    for (size_t i = 0; i < n; i++) { h ^= s[i]; h *= 1099511628211ULL; }
    return h;
}
