/* fuzz/fuzz_lists.c -- libFuzzer target for the sanctions list parsers, from
** memory: the OFAC legacy CSV set (the input is split into sdn/alt/add at the
** first two 0xFF bytes, so one input also exercises the alias and address
** joins) and the UN consolidated XML. Any status is fine; crashes, leaks and
** sanitizer reports are not. A successful load is screened once, which runs
** the index on whatever names the fuzzer made. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "actor/actor_int.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char err[256];
    const char *p = (const char *)data;
    const char *end = p + size;
    const char *cut1 = size ? memchr(p, 0xff, size) : NULL;
    const char *cut2 = cut1 ? memchr(cut1 + 1, 0xff, (size_t)(end - cut1 - 1)) : NULL;
    lists_src sdn = { "fuzz/sdn.csv", p, cut1 ? (size_t)(cut1 - p) : size };
    lists_src alt = { "fuzz/alt.csv", cut1 ? cut1 + 1 : p, 0 };
    lists_src add = { "fuzz/add.csv", cut2 ? cut2 + 1 : p, 0 };
    if (cut1) alt.len = (size_t)((cut2 ? cut2 : end) - (cut1 + 1));
    if (cut2) add.len = (size_t)(end - (cut2 + 1));

    actor_hit h[4];
    actor_lists *l = actor_lists_new();
    if (!l) return 0;
    if (lists_parse_ofac(l, &sdn, cut1 ? &alt : NULL, cut2 ? &add : NULL, err, sizeof err) == 0 &&
        lists_index(l) == 0)
        actor_lists_screen(l, "Qasem Soleimani", h, 4);
    actor_lists_free(l);

    if (!(l = actor_lists_new())) return 0;
    lists_src xml = { "fuzz/consolidated.xml", p, size };
    if (lists_parse_un(l, &xml, err, sizeof err) == 0 && lists_index(l) == 0)
        actor_lists_screen(l, "Mohammad Taher Anwari", h, 4);
    actor_lists_free(l);
    return 0;
}
