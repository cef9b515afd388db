/* tests/test_actor.c -- the actor module: name folding and matching, the
** built-in KB, sanctions list loading (good and broken fixtures in
** tests/cases/lists/, the real lists from $DOTS_SHARED when present) and the
** mention linker on documents built here by hand (text tokenized for real,
** NER labels set by the test, so no tagger model is needed). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actor/actor.h"
#include "actor/actor_int.h"
#include "dots.h"
#include "tag/tag.h"
#include "text/text.h"

static const char *shared_dir(void)
{
    const char *s = getenv("DOTS_SHARED");
    return s && *s ? s : "../shared";
}

/* ---- Folding and name similarity ------------------------------------------------ */
static void test_fold(void **state)
{
    (void)state;
    buf b;
    buf_init(&b);
    const char *cases[][2] = {
        { "The Ṭālibān", "the taliban" },
        { "Kata’ib Hizballah", "kataib hizballah" },
        { "IRGC-QF", "irgc qf" },
        { "  U.S.  ", "u s" },
        { "Esma'il Qa'ani", "esmail qaani" },
        { "", "" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        actor_fold(cases[i][0], strlen(cases[i][0]), &b);
        assert_string_equal(b.s ? b.s : "", cases[i][1]);
    }
    /* invalid UTF-8 is skipped, never read past */
    actor_fold("Ab\xff\xfe" "cd", 6, &b);
    assert_string_equal(b.s, "abcd");
    buf_fini(&b);
}

/* The linker folds a document once and slices spans out of it: every slice
** between two cuts must be byte for byte what actor_fold gives for the span.
** Pieces cover ASCII punctuation runs, apostrophes of every kind, ligatures,
** ß, dotted I, marks that decompose or stand alone, scripts without case,
** compatibility forms (fullwidth, circled, U+FDFA's 18 code points). */
static void test_fold_slices(void **state)
{
    (void)state;
    static const char *const piece[] = {
        "Iran", "U.S.-led", "Iran\u2019s", "(KUNA)", "Kata\u02bcib", "Stra\u00dfe", "\u0130stanbul",
        "\ufb01nance", "\ufdfa", "\u0645\u062d\u0645\u062f\u064e", "Qu\u0308ds", "\uff29\uff32\uff27",
        "\u2460\u00bd", "x\u0300\u0301y", "\u3042\u3099", "\U0001d400!", "`tick`", " ", "  ",
        ", ", ".", "\n", "\u00a0", "\u2014", "'", "-", "a", "Z9", "\u1e9e\u01c4",
    };
    const size_t np = sizeof piece / sizeof piece[0];
    char text[4096];
    uint32_t cut[256], pos[256];
    buf whole, got, ref;
    buf_init(&whole); buf_init(&got); buf_init(&ref);
    uint32_t seed = 12345;
    for (int round = 0; round < 40; round++) {
        size_t len = 0, nc = 0;
        cut[nc++] = 0;
        for (int k = 0; k < 24; k++) {
            seed = seed * 1103515245u + 12345u;
            const char *p = piece[(seed >> 16) % np];
            memcpy(text + len, p, strlen(p));
            len += strlen(p);
            cut[nc++] = (uint32_t)len;
        }
        assert_int_equal(actor_fold_marks(text, len, cut, nc, &whole, pos), DOTS_OK);
        for (size_t a = 0; a < nc; a++)
            for (size_t b = a; b < nc; b++) {
                actor_fold(text + cut[a], cut[b] - cut[a], &ref);
                actor_fold_slice(whole.s, pos[a], pos[b], &got);
                assert_int_equal(got.len, ref.len);
                assert_memory_equal(got.s, ref.s, ref.len + 1);
            }
    }
    /* invalid UTF-8, a cut inside a code point, cuts out of order: refused */
    uint32_t c2[2] = { 0, 6 };
    assert_int_equal(actor_fold_marks("Ab\xff\xfe" "cd", 6, c2, 2, &whole, pos), DOTS_EINVAL);
    c2[1] = 2;
    assert_int_equal(actor_fold_marks("\u00c9t\u00e9", 5, c2 + 1, 1, &whole, pos), DOTS_OK);
    c2[1] = 1;
    assert_int_equal(actor_fold_marks("\u00c9t\u00e9", 5, c2 + 1, 1, &whole, pos), DOTS_EINVAL);
    uint32_t c3[2] = { 3, 1 };
    assert_int_equal(actor_fold_marks("abcd", 4, c3, 2, &whole, pos), DOTS_EINVAL);
    buf_fini(&whole); buf_fini(&got); buf_fini(&ref);
}

static void test_similarity(void **state)
{
    (void)state;
    struct { const char *a, *b; int match; } cases[] = {
        { "BAGHBANI, Gholamreza", "Gholamreza Baghbani", 1 },
        { "Qassem Suleimani", "SOLEIMANI, Qasem", 1 },
        { "Mohammed Khairullah", "Muhammad Khirullah", 1 },
        { "Esma'il Qaani", "Ismail Qaani", 1 },
        { "Hizballah", "Hezbollah", 1 },
        { "Usama bin Ladin", "Osama bin Laden", 1 },
        { "al-Qaida", "Al Qaeda", 1 },
        { "Qods Force", "Quds Force", 1 },
        { "IRGC-QF", "ISLAMIC REVOLUTIONARY GUARD CORPS (IRGC)-QODS FORCE", 1 },
        { "Mullah Akhtar Mohammad Mansour", "Akhtar Muhammad Mansur", 1 },
        { "Ghaleb Al-Bihani", "Ghaleb Nassar Al-Bihani", 1 },
        { "Abu Bakr al-Baghdadi", "Abubakar al Baghdadi", 1 },
        { "Sirajuddin Haqani", "Serajuddin Haqqani", 1 },
        { "Abdul Jabbar", "JABBAR, Abdul", 1 },             /* Abdul glues across the comma */
        { "Hosseinn Musavi", "MUSAVI, Hossein", 1 },        /* a typo of a table spelling */
        { "Chol Sem Kim", "KIM, Chol Sam", 1 },             /* one-syllable romanisations */
        { "John Smith", "Gholamreza Baghbani", 0 },
        { "Mansour", "Mullah Akhtar Mohammad Mansour", 0 },
        { "Ahmed Hosni", "Ahmad Hasan", 0 },
        { "Abubakar Shekau", "Sheikh Abukar", 0 },      /* a title is not a surname */
        { "Islamic State", "Islamic Jihad", 0 },
        { "Islamic Revolutionary Guard Corps", "IRGC Qods Force", 0 },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        double s = actor_name_similarity(cases[i].a, cases[i].b, NULL);
        double r = actor_name_similarity(cases[i].b, cases[i].a, NULL);
        assert_true(s >= 0 && s <= 1);
        assert_true(s - r < 1e-9 && r - s < 1e-9);          /* symmetric */
        if ((s >= ACTOR_MATCH_THRESHOLD) != cases[i].match)
            fail_msg("%s | %s: %.3f", cases[i].a, cases[i].b, s);
    }
    buf why;
    buf_init(&why);
    double s = actor_name_similarity("BAGHBANI, Gholamreza", "Gholamreza Baghbani", &why);
    assert_true(s > 0.99);
    assert_non_null(strstr(why.s, "baghbani=baghbani"));
    buf_reset(&why);
    actor_name_similarity("Ghaleb Al-Bihani", "Ghaleb Nassar Al-Bihani", &why);
    assert_non_null(strstr(why.s, "left over in 2nd: nassar"));
    buf_fini(&why);
    assert_true(actor_name_similarity("", "x", NULL) == 0);
    double z = actor_name_similarity("---", "...", NULL);
    if (z != 0) fail_msg("--- vs ...: %g", z);
}

/* ---- Knowledge base ------------------------------------------------------------ */
static void test_kb(void **state)
{
    (void)state;
    const actor_kb *kb = actor_kb_builtin();
    assert_non_null(kb);
    assert_ptr_equal(kb, actor_kb_builtin());
    size_t n = actor_kb_count(kb);
    assert_true(n > 800);                          /* ~250 countries + capitals + curated */
    /* every parent names an entry */
    for (size_t i = 0; i < n; i++) {
        const char *p = actor_kb_parent(kb, i);
        if (p && actor_kb_find(kb, p) < 0) fail_msg("%s: unknown parent %s", actor_kb_id(kb, i), p);
    }
    struct { const char *q, *name; } cases[] = {
        { "Iran, Islamic Republic of", "Iran" }, { "U.S.", "United States" },
        { "America", "United States" }, { "Britain", "United Kingdom" },
        { "Hizballah", "Hezbollah" }, { "Islamic Revolutionary Guard Corps-Qods Force", "IRGC-QF" },
        { "Ansarallah", "Houthis" }, { "al-Qaida", "al-Qaeda" }, { "ISIL", "Islamic State" },
        { "Department of the Treasury", "Treasury Department" }, { "Pentagon", "Department of Defense" },
        { "Iranian", "Iran" }, { "Afghans", "Afghanistan" }, { "Tehran", "Tehran" },
        { "Al Shabab", "al-Shabaab" }, { "JAS", "Boko Haram" }, { "Taleban", "Taliban" },
        { "Dawn", "Dawn" }, { "KUNA", "Kuwait News Agency" }, { "syria", "Syria" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        long k = actor_kb_find(kb, cases[i].q);
        if (k < 0) fail_msg("not found: %s", cases[i].q);
        assert_string_equal(actor_kb_name(kb, (size_t)k), cases[i].name);
    }
    long qf = actor_kb_find(kb, "irgc-qf");
    assert_true(qf >= 0);
    assert_string_equal(actor_kb_parent(kb, (size_t)qf), "irgc");
    assert_string_equal(actor_kb_parent(kb, (size_t)actor_kb_find(kb, "irgc")), "iran");
    assert_int_equal(actor_kb_type(kb, (size_t)qf), ACT_ORG);
    assert_int_equal(actor_kb_type(kb, (size_t)actor_kb_find(kb, "Iran")), ACT_GPE);
    assert_true(actor_kb_find(kb, "no such actor anywhere") < 0);
}

/* ---- Sanctions lists -------------------------------------------------------------- */
static int load(actor_lists *l, const char *a, const char *b, const char *c, char *err)
{
    const char *f[3] = { a, b, c };
    size_t n = c ? 3 : b ? 2 : 1;
    return actor_lists_load(l, f, n, err, 512);
}

static const actor_list_entry *top(const actor_lists *l, const char *name, double *score)
{
    actor_hit h[4];
    size_t k = actor_lists_screen(l, name, h, 4);
    if (!k) return NULL;
    if (score) *score = h[0].score;
    return actor_lists_get(l, h[0].entry);
}

static void test_lists_fixtures(void **state)
{
    (void)state;
    char err[512];
    actor_lists *l = actor_lists_new();
    assert_int_equal(load(l, "tests/cases/lists/good/sdn.csv", "tests/cases/lists/good/alt.csv",
                          "tests/cases/lists/good/add.csv", err), DOTS_OK);
    assert_int_equal(actor_lists_count(l), 3);
    assert_int_equal(actor_lists_skipped(l), 1);   /* alt row 999 has no sdn entry */
    const actor_list_entry *e = actor_lists_get(l, 1);
    assert_string_equal(e->name, "NORTHWIND SHIPPING \"EXPRESS\" LTD.");
    assert_string_equal(e->programs, "SDGT IRGC");
    assert_string_equal(e->type, "entity");
    assert_null(e->remarks);                       /* "-0- " is empty */
    assert_string_equal(e->countries, "United Arab Emirates");
    e = actor_lists_get(l, 0);
    assert_string_equal(e->entry_id, "101");
    assert_int_equal(e->naliases, 2);              /* alt row + the a.k.a. in remarks */
    assert_non_null(top(l, "Abu Talhah Rasheed", NULL));
    assert_string_equal(top(l, "Mullah Khirullah", NULL)->entry_id, "103");

    /* every broken file fails with file:line, and leaves the loaded lists alone */
    struct { const char *a, *b, *where; } bad[] = {
        { "tests/cases/lists/bad_quote/sdn.csv", NULL, "bad_quote/sdn.csv:2: text after a closing quote" },
        { "tests/cases/lists/missing_cols/sdn.csv", NULL, "missing_cols/sdn.csv:3: 4 fields, expected 12" },
        { "tests/cases/lists/latin1/sdn.csv", NULL, "latin1/sdn.csv:2: invalid UTF-8" },
        { "tests/cases/lists/truncated/sdn.csv", NULL, "truncated/sdn.csv:3: unterminated quoted field" },
        { "tests/cases/lists/bad_ent/sdn.csv", NULL, "bad_ent/sdn.csv:2: ent_num" },
        { "tests/cases/lists/bad_alt/sdn.csv", "tests/cases/lists/bad_alt/alt.csv",
          "bad_alt/alt.csv:2: 3 fields, expected 5" },
        { "tests/cases/lists/un_bad.xml", NULL, "un_bad.xml:6: " },
        { "tests/cases/lists/un_wrongroot.xml", NULL, "un_wrongroot.xml:2: not a UN consolidated list" },
        { "tests/cases/lists/un_noname.xml", NULL, "un_noname.xml:4: INDIVIDUAL record without FIRST_NAME" },
        { "tests/cases/lists/good/alt.csv", NULL, "needs its sdn.csv" },
        { "tests/cases/lists/no-such-file.csv", NULL, "no-such-file.csv" },
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        err[0] = 0;
        int rc = load(l, bad[i].a, bad[i].b, NULL, err);
        assert_true(rc < 0);
        if (!strstr(err, bad[i].where)) fail_msg("%s: got \"%s\"", bad[i].where, err);
        assert_int_equal(actor_lists_count(l), 3);
        assert_non_null(top(l, "Abu Talha al-Rashid", NULL));
    }

    /* a UN list joins the OFAC one; loading OFAC again replaces, not duplicates */
    assert_int_equal(load(l, "tests/cases/lists/un_good.xml", NULL, NULL, err), DOTS_OK);
    assert_int_equal(actor_lists_count(l), 5);
    e = top(l, "Abdulqadir Fixture", NULL);
    assert_non_null(e);
    assert_string_equal(e->list, "UN");
    assert_string_equal(e->entry_id, "TAi.900");
    assert_string_equal(e->countries, "Afghanistan; Pakistan");
    assert_int_equal(load(l, "tests/cases/lists/good/sdn.csv", NULL, NULL, err), DOTS_OK);
    assert_int_equal(actor_lists_count(l), 5);
    actor_lists_free(l);
}

static void test_lists_sample_and_add(void **state)
{
    (void)state;
    char err[512];
    actor_lists *l = actor_lists_new();
    assert_int_equal(actor_lists_load_sample(l, err, sizeof err), DOTS_OK);
    assert_true(actor_lists_count(l) >= 10);
    const actor_list_entry *e = top(l, "Islamic Revolutionary Guard Corps-Quds Force", NULL);
    assert_non_null(e);
    assert_string_equal(e->entry_id, "10465");
    assert_string_equal(top(l, "Hezbollah", NULL)->entry_id, "4697");

    /* entries added one by one (as from the store) are screened too */
    actor_lists *m = actor_lists_new();
    const char *al[] = { "Fixture Alias" };
    actor_list_entry x = { .list = "TEST", .entry_id = "7", .name = "TESTER, Zebulon",
                           .type = "individual", .aliases = al, .naliases = 1 };
    assert_int_equal(actor_lists_add(m, &x), DOTS_OK);
    assert_int_equal(actor_lists_count(m), 1);
    assert_string_equal(top(m, "Zebulon Tester", NULL)->entry_id, "7");
    assert_null(top(m, "Nobody Else", NULL));
    actor_lists_free(m);
    actor_lists_free(l);
}

static void test_lists_real(void **state)
{
    (void)state;
    char a[1024], b[1024], c[1024], u[1024], err[512];
    snprintf(a, sizeof a, "%s/data/sanctions/ofac/2021-04-25/sdn.csv", shared_dir());
    snprintf(b, sizeof b, "%s/data/sanctions/ofac/2021-04-25/alt.csv", shared_dir());
    snprintf(c, sizeof c, "%s/data/sanctions/ofac/2021-04-25/add.csv", shared_dir());
    snprintf(u, sizeof u, "%s/data/sanctions/un/2024-09-26/consolidated.xml", shared_dir());
    FILE *f = fopen(a, "rb");
    if (!f) skip();
    fclose(f);
    actor_lists *l = actor_lists_new();
    assert_int_equal(load(l, a, b, c, err), DOTS_OK);
    assert_int_equal(actor_lists_count(l), 8890);
    assert_int_equal(actor_lists_skipped(l), 0);   /* one consistent set */
    assert_int_equal(load(l, u, NULL, NULL, err), DOTS_OK);
    assert_int_equal(actor_lists_count(l), 8890 + 875);
    /* designated names in other spellings find their entries */
    struct { const char *q, *list, *id; } yes[] = {
        { "Qassem Suleimani", "OFAC-SDN", "10481" },
        { "Gholamreza Baghbani", "OFAC-SDN", "12788" },
        { "Hizbollah", "OFAC-SDN", "4697" },
        { "IRGC Quds Force", "OFAC-SDN", "10465" },
        { "Abubakar Shekau", "OFAC-SDN", "15009" },
        { "Ziyad al-Nakhalah", "OFAC-SDN", "16503" },
        { "Haqqani Network", "OFAC-SDN", "15484" },
        { "Al Shabab", "OFAC-SDN", "10761" },
        { "Mohammad Taher Anwari", "UN", "TAi.005" },
    };
    for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++) {
        actor_hit h[8];
        size_t k = actor_lists_screen(l, yes[i].q, h, 8), j = 0;
        while (j < k && (strcmp(actor_lists_get(l, h[j].entry)->entry_id, yes[i].id) ||
                         strcmp(actor_lists_get(l, h[j].entry)->list, yes[i].list)))
            j++;
        if (j == k) fail_msg("%s: %s %s not among %zu hits", yes[i].q, yes[i].list, yes[i].id, k);
    }
    /* common names that are not designated */
    const char *no[] = { "John Smith", "Maria Garcia", "Emily Johnson", "Hiroshi Tanaka",
                         "Priya Sharma", "Hans Muller" };
    for (size_t i = 0; i < sizeof no / sizeof no[0]; i++)
        if (top(l, no[i], NULL)) fail_msg("%s matched %s", no[i], top(l, no[i], NULL)->name);
    actor_lists_free(l);
}

/* ---- Linker ------------------------------------------------------------------------ */
typedef struct { dots_doc *d; } mini;

static void on_tok(uint32_t a, uint32_t b, void *ctx)
{
    dots_doc *d = ctx;
    doc_token *t = doc_add_token(d);
    t->start = a;
    t->end = b;
    t->actor = -1;
}

/* A one-sentence-per-line document; labels: "tok=B-per" pairs in ner. */
static dots_doc *make_doc(const char *text, const char *const *ner)
{
    dots_doc *d = doc_new();
    d->text = arena_strdup(d->arena, text);
    d->len = strlen(text);
    size_t off = 0;
    while (off < d->len) {
        size_t e = off;
        while (e < d->len && d->text[e] != '\n') e++;
        size_t first = d->ntoks;
        text_tokenize(d->text + off, e - off, on_tok, NULL, d);
        for (size_t t = first; t < d->ntoks; t++) {
            d->toks[t].start += (uint32_t)off;
            d->toks[t].end += (uint32_t)off;
        }
        doc_sent *s = doc_add_sent(d);
        s->start = (uint32_t)off;
        s->end = (uint32_t)e;
        s->first = (uint32_t)first;
        s->count = (uint32_t)(d->ntoks - first);
        off = e + 1;
    }
    /* label the given spans: "Akhtar Mohammad Mansour|per" labels that run of tokens */
    for (size_t i = 0; ner && ner[i]; i++) {
        const char *bar = strchr(ner[i], '|');
        size_t n = (size_t)(bar - ner[i]);
        int type = !strcmp(bar + 1, "per") ? TAG_NER_PER : !strcmp(bar + 1, "org") ? TAG_NER_ORG :
                   !strcmp(bar + 1, "geo") ? TAG_NER_GEO : TAG_NER_GPE;
        char want[256];
        snprintf(want, sizeof want, "%.*s", (int)n, ner[i]);
        for (const char *p = d->text; (p = strstr(p, want)); p += n) {
            uint32_t a = (uint32_t)(p - d->text), b = a + (uint32_t)n;
            int first = 1;
            for (size_t t = 0; t < d->ntoks; t++)
                if (d->toks[t].start >= a && d->toks[t].end <= b) {
                    d->toks[t].ner = (uint8_t)(first ? TAG_NER_B(type) : TAG_NER_I(type));
                    first = 0;
                }
        }
    }
    return d;
}

static int actor_named(const dots_doc *d, const char *name)
{
    for (size_t i = 0; i < d->nactors; i++) if (!strcmp(d->actors[i].name, name)) return (int)i;
    return -1;
}

static int has_alias(const dots_doc *d, int a, const char *alias)
{
    for (size_t i = 0; i < d->actors[a].naliases; i++)
        if (!strcmp(d->actors[a].aliases[i], alias)) return 1;
    return 0;
}

static void test_link(void **state)
{
    (void)state;
    const char *text =
        "Mansour was seen in Quetta, a Taliban spokesman said.\n"
        "Mullah Akhtar Mohammad Mansour met Iranian officials and Hizballah envoys.\n"
        "Tehran said U.S. forces and the Pentagon had struck the Haqqanis.\n"
        "Sa'id al-Jamal, an Iran-based financier, works with the Houthis; Al-Jamal denies it.\n"
        "The Multinational Joint Force (MJF) said the MJF would stay. The group met on Monday.\n";
    const char *ner[] = { "Mansour|per", "Mullah Akhtar Mohammad Mansour|per", "Sa'id al-Jamal|per",
                          "Al-Jamal|per", "Multinational Joint Force|org", "Monday|per",
                          "The group|org", "Iranian|gpe", NULL };
    dots_doc *d = make_doc(text, ner);
    for (size_t t = 0; t < d->ntoks; t++)             /* the verbs the capital rule looks at */
        if (!strncmp(d->text + d->toks[t].start, "said", 4)) d->toks[t].pos = TAG_POS_VBD;
    const actor_kb *kb = actor_kb_builtin();
    assert_int_equal(actor_link_doc(kb, d), DOTS_OK);

    if (getenv("ACTOR_DEBUG"))
        for (size_t i = 0; i < d->nactors; i++)
            fprintf(stderr, "%s|%s|%zu\n", d->actors[i].id, d->actors[i].name, d->actors[i].nmentions);
    int m = actor_named(d, "Akhtar Mohammad Mansour");
    assert_true(m >= 0);                               /* KB canonical, title dropped */
    assert_int_equal(d->actors[m].type, ACT_PER);
    assert_int_equal(d->actors[m].nmentions, 2);       /* the surname before the full name */
    assert_true(has_alias(d, m, "Mansour"));
    assert_true(has_alias(d, m, "Mullah Akhtar Mohammad Mansour"));
    assert_int_equal(d->toks[0].actor, m);

    int iran = actor_named(d, "Iran");
    assert_true(iran >= 0);
    assert_true(has_alias(d, iran, "Iranian officials"));   /* a state's unnamed organs */
    assert_true(has_alias(d, iran, "Tehran"));         /* a capital that acts */
    assert_true(has_alias(d, iran, "Iran"));           /* Iran-based */
    int us = actor_named(d, "United States");
    assert_true(us >= 0 && has_alias(d, us, "U.S. forces"));
    assert_true(actor_named(d, "Department of Defense") >= 0);
    assert_true(actor_named(d, "Haqqani network") >= 0);
    assert_true(actor_named(d, "Hezbollah") >= 0);
    assert_true(actor_named(d, "Houthis") >= 0);
    assert_true(actor_named(d, "Taliban") >= 0);
    assert_true(actor_named(d, "Quetta") >= 0);

    int j = actor_named(d, "Sa'id al-Jamal");
    assert_true(j >= 0);
    assert_string_equal(d->actors[j].id, "doc:said al jamal");
    assert_int_equal(d->actors[j].kb, -1);
    assert_int_equal(d->actors[j].nmentions, 2);       /* Al-Jamal is the same person */

    int f = actor_named(d, "Multinational Joint Force");
    assert_true(f >= 0);
    assert_int_equal(d->actors[f].nmentions, 3);       /* the acronym defined in brackets */
    assert_true(has_alias(d, f, "MJF"));

    /* no junk: no day names, no "The group", no lone "Iranian" actor */
    assert_true(actor_named(d, "Monday") < 0);
    assert_true(actor_named(d, "group") < 0 && actor_named(d, "The group") < 0);
    for (size_t i = 0; i < d->nactors; i++) assert_true(strlen(d->actors[i].name) > 1);

    /* mentions are sorted, inside the text, and agree with the tokens */
    for (size_t i = 0; i < d->nmentions; i++) {
        const doc_mention *x = &d->mentions[i];
        assert_true(x->start < x->end && x->end <= d->len);
        if (i) assert_true(d->mentions[i - 1].start <= x->start);
        assert_int_equal(d->toks[x->tok_first].actor, x->actor);
    }
    size_t nact = d->nactors, nm = d->nmentions;
    assert_int_equal(actor_link_doc(kb, d), DOTS_OK);   /* linking again gives the same */
    assert_int_equal(d->nactors, nact);
    assert_int_equal(d->nmentions, nm);
    doc_free(d);
}

static void test_link_edges(void **state)
{
    (void)state;
    const actor_kb *kb = actor_kb_builtin();
    /* "us" in lower case is a pronoun, a capital in a place phrase is the city */
    dots_doc *d = make_doc("They told us to leave.\nHe lives in Tehran with the US envoy.\n", NULL);
    assert_int_equal(actor_link_doc(kb, d), DOTS_OK);
    int us = actor_named(d, "United States");
    assert_true(us >= 0);
    assert_int_equal(d->actors[us].nmentions, 1);
    assert_true(actor_named(d, "Tehran") >= 0);
    assert_true(actor_named(d, "Iran") < 0);
    doc_free(d);
    /* a lone surname is not the famous bearer of it until the document says so */
    const char *ner[] = { "Mansour|per", NULL };
    d = make_doc("Mansour said so.\n", ner);
    assert_int_equal(actor_link_doc(kb, d), DOTS_OK);
    assert_int_equal(d->nactors, 1);
    assert_string_equal(d->actors[0].id, "doc:mansour");
    assert_int_equal(d->actors[0].kb, -1);
    doc_free(d);
    /* empty document */
    d = make_doc("", NULL);
    assert_int_equal(actor_link_doc(kb, d), DOTS_OK);
    assert_int_equal(d->nactors, 0);
    doc_free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fold),
        cmocka_unit_test(test_fold_slices),
        cmocka_unit_test(test_similarity),
        cmocka_unit_test(test_kb),
        cmocka_unit_test(test_lists_fixtures),
        cmocka_unit_test(test_lists_sample_and_add),
        cmocka_unit_test(test_lists_real),
        cmocka_unit_test(test_link),
        cmocka_unit_test(test_link_edges),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
