/* src/text/page_jsonl.c -- JSON Lines (stand-in). */
#include "text/text_int.h"
#include "dots.h"

int text_parse_jsonl(const char *file, const char *src, size_t len,
                     dots_doc ***docs, size_t *ndocs, char *err, size_t errlen)
{
    (void)src; (void)len; (void)docs; (void)ndocs;
    return base_err(err, errlen, DOTS_EFORMAT, "%s: JSON Lines not supported yet", file);
}
