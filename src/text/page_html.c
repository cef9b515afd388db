/* src/text/page_html.c -- segment an HTML page (stand-in: not yet parsed). */
#include "text/text_int.h"
#include "dots.h"

int text_parse_html(dots_doc *d, char *err, size_t errlen)
{
    return base_err(err, errlen, DOTS_EFORMAT, "%s: HTML not supported yet", d->file);
}
