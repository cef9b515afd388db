/* fuzz/fuzz_lists.c -- libFuzzer target for the sanctions list parsers: the
** OFAC legacy CSV set (the input split into sdn/alt/add at the first two 0xFF
** bytes, so one input exercises the joins too) and the UN consolidated XML,
** both from memory. Any return code is fine; crashes, leaks and sanitizer
** reports are not. Successful loads are also screened once. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "actor/actor_int.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char err[256];
    const char *p = (const char *)data;
    const char *cut1 = memchr(p, 0xff, size);
    const char *cut2 = cut1 ? memchr(cut1 + 1, 0xff, size - (size_t)(cut1 + 1 - p)) : NULL;
    lists_src sdn = { "fuzz/sdn.csv", p, cut1 ? (size_t)(cut1 - p) : size };
    lists_src alt = { "fuzz/alt.csv", cut1 ? cut1 + 1 : "", 0 };
    lists_src add = { "fuzz/add.csv", cut2 ? cut2 + 1 : "", 0 };
    if (cut1) alt.len = (size_t)((cut2 ? cut2 : p + size) - (cut1 + 1));
    if (cut2) add.len = (size_t)(p + size - (cut2 + 1));

    actor_lists *l = actor_lists_new();
    if (!l) return 0;
    if (lists_parse_ofac(l, &sdn, cut1 ? &alt : NULL, cut2 ? &add : NULL, err, sizeof err) == 0) {
        actor_hit h[4];
        actor_lists_screen(l, "Qasem Soleimani", h, 4);
    }
    actor_lists_free(l);

    l = actor_lists_new();
    if (!l) return 0;
    lists_src xml = { "fuzz/consolidated.xml", p, size };
    if (lists_parse_un(l, &xml, err, sizeof err) == 0) {
        actor_hit h[4];
        actor_lists_screen(l, "Mohammad Taher Anwari", h, 4);
    }
    actor_lists_free(l);
    return 0;
}
