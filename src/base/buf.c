/* src/base/buf.c -- growable NUL-terminated byte buffer. Grows by doubling
** so appends are amortised O(1); the JSON writers and every formatter use it. */
#include "base/base.h"
#include "dots.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void buf_init(buf *b) { b->s = NULL; b->len = b->cap = 0; }

void buf_fini(buf *b) { free(b->s); buf_init(b); }

void buf_reset(buf *b) { b->len = 0; if (b->s) b->s[0] = 0; }

int buf_reserve(buf *b, size_t extra)
{
    if (b->len + extra + 1 <= b->cap) return DOTS_OK;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < b->len + extra + 1) {
        if (cap > SIZE_MAX / 2) return DOTS_ENOMEM;
        cap *= 2;
    }
    char *s = realloc(b->s, cap);
    if (!s) return DOTS_ENOMEM;
    b->s = s;
    b->cap = cap;
    return DOTS_OK;
}

int buf_append(buf *b, const void *p, size_t n)
{
    if (buf_reserve(b, n)) return DOTS_ENOMEM;
    if (n) memcpy(b->s + b->len, p, n);
    b->len += n;
    b->s[b->len] = 0;
    return DOTS_OK;
}

int buf_puts(buf *b, const char *s) { return buf_append(b, s, strlen(s)); }

int buf_putc(buf *b, int c) { char ch = (char)c; return buf_append(b, &ch, 1); }

int buf_vprintf(buf *b, const char *fmt, va_list ap)
{
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap2);
    va_end(ap2);
    if (n < 0 || buf_reserve(b, (size_t)n)) return DOTS_ENOMEM;
    vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
    b->len += (size_t)n;
    return DOTS_OK;
}

int buf_printf(buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int rc = buf_vprintf(b, fmt, ap);
    va_end(ap);
    return rc;
}

char *buf_steal(buf *b)
{
    char *s = b->s;
    if (!s) s = calloc(1, 1);
    buf_init(b);
    return s;
}
