/* tests/test_base.c -- buffer, arena and document arrays. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "base/base.h"
#include "doc/doc.h"

static void test_buf(void **state)
{
    (void)state;
    buf b;
    buf_init(&b);
    for (int i = 0; i < 1000; i++) assert_int_equal(buf_printf(&b, "%d,", i), 0);
    assert_true(b.len > 3000);
    assert_memory_equal(b.s, "0,1,2,", 6);
    buf_reset(&b);
    assert_int_equal(b.len, 0);
    buf_puts(&b, "x");
    assert_string_equal(b.s, "x");
    buf_fini(&b);
}

static void test_arena(void **state)
{
    (void)state;
    arena *a = arena_new();
    char *big = arena_alloc(a, 1 << 20);
    assert_non_null(big);
    for (int i = 0; i < 10000; i++) {
        char *s = arena_strdup(a, "hello");
        assert_string_equal(s, "hello");
    }
    assert_int_equal(((uintptr_t)arena_alloc(a, 3)) % 8, 0);
    arena_free(a);
    arena_free(NULL);
}

static void test_doc(void **state)
{
    (void)state;
    dots_doc *d = doc_new();
    for (int i = 0; i < 100; i++) {
        doc_seg *s = doc_add_seg(d);
        s->start = (uint32_t)(i * 10);
        s->end = (uint32_t)(i * 10 + 5);
    }
    assert_int_equal(doc_seg_at(d, 23), 2);
    assert_int_equal(doc_seg_at(d, 27), -1);
    assert_string_equal(doc_predicate_name(PRED_LOCATED_IN), "located_in");
    assert_int_equal(doc_predicate_parse("arms"), PRED_ARMS);
    assert_int_equal(doc_predicate_parse("nope"), -1);
    doc_warn(d, "line %d", 3);
    assert_string_equal(d->warnings[0], "line 3");
    doc_free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_buf), cmocka_unit_test(test_arena), cmocka_unit_test(test_doc),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
