/* src/base/base.h -- small utilities every module uses: a growable byte
** buffer, an arena for per-document memory, whole-file reading and error
** messages that name file and place.
** buf: owns its bytes, always NUL-terminated, grows by doubling.
** arena: bump allocator in 64 KiB blocks; one arena_free releases everything,
** which is how per-document and per-request memory is handed back. */
#ifndef DOTS_BASE_H
#define DOTS_BASE_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

/* ---- Growable buffer ---------------------------------------------------- */
typedef struct buf {
    char *s;      /* NUL-terminated; NULL until the first append */
    size_t len;
    size_t cap;
} buf;

void buf_init(buf *b);
void buf_fini(buf *b);
void buf_reset(buf *b);                      /* len = 0, keeps the memory */
int buf_reserve(buf *b, size_t extra);       /* DOTS_OK or DOTS_ENOMEM */
int buf_append(buf *b, const void *p, size_t n);
int buf_puts(buf *b, const char *s);
int buf_putc(buf *b, int c);
int buf_printf(buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int buf_vprintf(buf *b, const char *fmt, va_list ap);
char *buf_steal(buf *b);                     /* caller frees; b is left empty */

/* ---- Arena -------------------------------------------------------------- */
typedef struct arena arena;
arena *arena_new(void);
void arena_free(arena *a);                   /* NULL is fine */
void *arena_alloc(arena *a, size_t n);       /* 8-aligned, zeroed; NULL on OOM */
char *arena_strndup(arena *a, const char *s, size_t n);
char *arena_strdup(arena *a, const char *s);

/* ---- Files and errors --------------------------------------------------- */
/* Read a whole file ("-" is stdin) into *out (NUL-terminated, caller frees).
** On failure returns DOTS_EIO and writes "FILE: reason" into err. */
int base_read_file(const char *path, char **out, size_t *len, char *err, size_t errlen);

/* Format into a fixed error buffer; returns status, for `return base_err(...)`. */
int base_err(char *err, size_t errlen, int status, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* 1-based line and column of byte offset off in s, for error messages. */
void base_line_col(const char *s, size_t len, size_t off, size_t *line, size_t *col);

/* 64-bit FNV-1a, for content hashes and hash tables. */
uint64_t base_hash64(const void *p, size_t n);

#endif
