/* tests/test_extract.c -- the claim extractor on hand-built documents, so the
** tests do not depend on the trained taggers or the knowledge base: each
** sentence is written as word/TAG tokens, and word/TAG@Actor marks the token as
** a mention of that actor (underscores inside a word become spaces, so one
** token can be "Saleh_al-Arouri"). Also the time normaliser. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc/doc.h"
#include "extract/extract.h"
#include "extract/extract_int.h"
#include "tag/tag.h"

/* ---- Time ---------------------------------------------------------------- */
static void check_time(const char *expr, const char *doc, const char *last, const char *want)
{
    char out[32];
    int ok = extract_time_normalize(expr, strlen(expr), doc, last, out);
    if (!want) {
        if (ok) fail_msg("'%s' should give no time, gave %s", expr, out);
        return;
    }
    if (!ok) fail_msg("'%s' gave no time, want %s", expr, want);
    if (strcmp(out, want) != 0) fail_msg("'%s' gave %s, want %s", expr, out, want);
}

static void test_time_absolute(void **state)
{
    (void)state;
    check_time("In August 2010", NULL, NULL, "2010-08");
    check_time("in Mar. 2012", NULL, NULL, "2012-03");
    check_time("Dec. 2001", NULL, NULL, "2001-12");
    check_time("Since 2006", NULL, NULL, "2006/..");
    check_time("since 2009", "2018-09-19", NULL, "2009/..");
    check_time("late 2001", NULL, NULL, "2001");
    check_time("by late 2001", NULL, NULL, "2001");
    check_time("as of late 2021", NULL, NULL, "2021");
    check_time("until early 2002", NULL, NULL, "../2002");
    check_time("until his handover to U.S. Coalition forces in early 2002", NULL, NULL, "2002");
    check_time("in 2020", NULL, NULL, "2020");
    check_time("the first half of 2001", NULL, NULL, "2001");
    check_time("mid-2012", NULL, NULL, "2012");
    check_time("2016-05-21", NULL, NULL, "2016-05-21");
    check_time("On August 26, 2011", NULL, NULL, "2011-08-26");
    check_time("March 11, 2020", NULL, NULL, "2020-03-11");
    check_time("on November 14, 2013.", NULL, NULL, "2013-11-14");
    check_time("21 May 2016", NULL, NULL, "2016-05-21");
    check_time("In March 2015,", NULL, NULL, "2015-03");
    check_time("September 2001", NULL, NULL, "2001-09");
}

static void test_time_relative(void **state)
{
    (void)state;
    check_time("On May 21", "2016-05-24", NULL, "2016-05-21");
    check_time("On May 21", "2016-03-01", NULL, "2015-05-21");   /* not after the doc */
    check_time("on May 21", NULL, NULL, "--05-21");              /* no year to give */
    check_time("Nearly two years later", NULL, "2010-08", "2012");
    check_time("two years later", NULL, "2010", "2012");
    check_time("a year later", NULL, "2010-08", "2011");
    check_time("three months later", NULL, "2010-11", "2011-02");
    check_time("two years later", NULL, NULL, NULL);             /* nothing to count from */
    check_time("on Friday", "2012-09-07", NULL, "2012-09-07");   /* the doc's own weekday */
    check_time("on Wednesday", "2023-10-25", NULL, "2023-10-25");
    check_time("Monday", "2022-10-17", NULL, "2022-10-17");
    check_time("on Tuesday", "2022-10-17", NULL, "2022-10-11");
    check_time("yesterday", "2015-05-16", NULL, "2015-05-15");
    check_time("Last night", "2015-05-16", NULL, "2015-05-15");
    check_time("yesterday", "2016-03-01", NULL, "2016-02-29");
    check_time("last month", "2012-09-07", NULL, "2012-08");
    check_time("last month", "2012-01-07", NULL, "2011-12");
    check_time("last year", "2012-09-07", NULL, "2011");
    check_time("two years ago", "2012-09-07", NULL, "2010");
    check_time("today", "2015-05-16", NULL, "2015-05-16");
}

static void test_time_not(void **state)
{
    (void)state;
    check_time("107mm rockets", NULL, NULL, NULL);
    check_time("it may have been", NULL, NULL, NULL);
    check_time("May", "2016-05-24", NULL, NULL);
    check_time("killed 2000 civilians", NULL, NULL, NULL);
    check_time("$2012", NULL, NULL, NULL);
    check_time("the 9/11 wars", NULL, NULL, NULL);
    check_time("around 5,000 people", NULL, NULL, NULL);
    check_time("Fridays", "2012-09-07", NULL, NULL);
}

static void test_time_scan(void **state)
{
    (void)state;
    const char *s = "In August 2010, Treasury acted. Nearly two years later, in Mar. 2012, it did.";
    char last[32] = "";
    extract_time t[8];
    size_t n = extract_time_scan(s, strlen(s), NULL, last, t, 8);
    assert_int_equal(n, 3);
    assert_string_equal(t[0].value, "2010-08");
    assert_string_equal(t[1].value, "2012");
    assert_int_equal(t[1].relative, 1);
    assert_string_equal(t[2].value, "2012-03");
    assert_string_equal(last, "2012-03");
    assert_memory_equal(s + t[2].start, "Mar. 2012", t[2].end - t[2].start);
}

/* ---- Hand-built documents ------------------------------------------------ */
/* The Penn tag's id, from tag.h's list (the tagger itself is not needed). */
static int pos_id(const char *s)
{
    static const char *const names[] = {
#define X(id, str) str,
        TAG_POS_LIST(X)
#undef X
    };
    for (int i = 0; i < TAG_POS_COUNT; i++)
        if (strcmp(names[i], s) == 0) return i;
    return -1;
}

typedef struct actor_def { const char *name; doc_actor_type type; } actor_def;

/* Build a document from sentences of word/TAG[@Actor] tokens. */
static dots_doc *build(const char *date, const actor_def *actors, const char *const *sents,
                       int comment_from)
{
    dots_doc *d = doc_new();
    buf text;
    buf_init(&text);
    d->name = "test.txt";
    d->date = date;
    for (const actor_def *a = actors; a->name; a++) {
        doc_actor *x = doc_add_actor(d);
        x->name = a->name;
        x->id = a->name;
        x->type = a->type;
        x->kb = -1;
    }
    /* first pass: the text, so token offsets can point into it */
    typedef struct { uint32_t s, e; int pos, actor; } rawtok;
    rawtok *raw = calloc(4096, sizeof *raw);
    size_t nraw = 0;
    uint32_t *sfirst = calloc(64, sizeof *sfirst), *scount = calloc(64, sizeof *scount);
    uint32_t *sstart = calloc(64, sizeof *sstart), *send = calloc(64, sizeof *send);
    size_t ns = 0;
    for (; sents[ns]; ns++) {
        char *copy = strdup(sents[ns]);
        sfirst[ns] = (uint32_t)nraw;
        sstart[ns] = (uint32_t)text.len;
        for (char *tok = strtok(copy, " "); tok; tok = strtok(NULL, " ")) {
            char *at = strrchr(tok, '@');
            int actor = -1;
            if (at) {
                *at = 0;
                for (char *u = at + 1; *u; u++) if (*u == '_') *u = ' ';
                for (size_t k = 0; k < d->nactors; k++)
                    if (strcmp(d->actors[k].name, at + 1) == 0) actor = (int)k;
                if (actor < 0) fail_msg("unknown actor %s", at + 1);
            }
            char *slash = strrchr(tok, '/');
            if (!slash || slash == tok) fail_msg("token without tag: %s", tok);
            *slash = 0;
            int pos = pos_id(slash + 1);
            if (pos < 0) fail_msg("bad tag %s", slash + 1);
            if (text.len > sstart[ns]) buf_putc(&text, ' ');
            raw[nraw].s = (uint32_t)text.len;
            for (char *p = tok; *p; p++) buf_putc(&text, *p == '_' ? ' ' : *p);
            raw[nraw].e = (uint32_t)text.len;
            raw[nraw].pos = pos;
            raw[nraw].actor = actor;
            nraw++;
        }
        send[ns] = (uint32_t)text.len;
        scount[ns] = (uint32_t)nraw - sfirst[ns];
        buf_putc(&text, '\n');
        free(copy);
    }
    d->text = arena_strdup(d->arena, text.s);
    d->len = text.len;
    d->src = d->text;
    d->src_len = d->len;
    d->text_is_src = 1;
    for (size_t i = 0; i < nraw; i++) {
        doc_token *t = doc_add_token(d);
        t->start = raw[i].s;
        t->end = raw[i].e;
        t->pos = (uint8_t)raw[i].pos;
        t->actor = raw[i].actor;
    }
    for (size_t i = 0; i < ns; i++) {
        doc_seg *g = doc_add_seg(d);
        int is_comment = comment_from >= 0 && (int)i >= comment_from;
        g->kind = is_comment ? SEG_COMMENT : SEG_BODY;
        g->start = sstart[i];
        g->end = send[i];
        g->comment = -1;
        if (is_comment) {
            doc_comment *c = doc_add_comment(d);
            c->author = "Reader One";
            c->start = g->start;
            c->end = g->end;
            g->comment = (int)d->ncomments - 1;
        }
        doc_sent *s = doc_add_sent(d);
        s->start = sstart[i];
        s->end = send[i];
        s->first = sfirst[i];
        s->count = scount[i];
        s->seg = (int)i;
    }
    free(raw); free(sfirst); free(scount); free(sstart); free(send);
    buf_fini(&text);
    return d;
}

static const doc_claim *find_claim(const dots_doc *d, const char *s, const char *p, const char *o)
{
    for (size_t i = 0; i < d->nclaims; i++) {
        const doc_claim *c = &d->claims[i];
        if (strcmp(d->actors[c->subject].name, s) == 0 &&
            strcmp(doc_predicate_name(c->predicate), p) == 0 &&
            strcmp(d->actors[c->object].name, o) == 0)
            return c;
    }
    return NULL;
}

static void dump(const dots_doc *d)
{
    buf b;
    buf_init(&b);
    for (size_t i = 0; i < d->nclaims; i++) {
        buf_reset(&b);
        extract_claim_format(d, &d->claims[i], &b);
        fprintf(stderr, "    %s  {%s}\n", b.s, d->claims[i].rule);
    }
    buf_fini(&b);
}

static const doc_claim *need(const dots_doc *d, const char *s, const char *p, const char *o)
{
    const doc_claim *c = find_claim(d, s, p, o);
    if (!c) {
        dump(d);
        fail_msg("missing claim %s -%s-> %s", s, p, o);
    }
    return c;
}

static void none(const dots_doc *d, const char *s, const char *p, const char *o)
{
    if (find_claim(d, s, p, o)) {
        dump(d);
        fail_msg("unexpected claim %s -%s-> %s", s, p, o);
    }
}

static const actor_def ACTORS[] = {
    { "Iran", ACT_GPE }, { "Taliban", ACT_ORG }, { "Treasury Department", ACT_ORG },
    { "Gholamreza Baghbani", ACT_PER }, { "Zahedan", ACT_GPE }, { "IRGC-QF", ACT_ORG },
    { "State Department", ACT_ORG }, { "United States", ACT_GPE },
    { "Akhtar Mohammad Mansour", ACT_PER }, { "Hamas", ACT_ORG },
    { "Palestinian Islamic Jihad", ACT_ORG }, { "Hezbollah", ACT_ORG },
    { "Hassan Nasrallah", ACT_PER }, { "Saleh al-Arouri", ACT_PER }, { "Israel", ACT_GPE },
    { "Pakistan", ACT_GPE }, { "Haqqani network", ACT_ORG }, { "Khairullah Khairkhwa", ACT_PER },
    { "Qatar", ACT_GPE }, { "Guantanamo Bay", ACT_LOC }, { "Boko Haram", ACT_ORG },
    { "Nigeria", ACT_GPE }, { "Kano", ACT_GPE }, { "al-Qaeda", ACT_ORG },
    { "al-Shabaab", ACT_ORG }, { "Somalia", ACT_GPE }, { "Hossein Ansari", ACT_PER },
    { NULL, 0 }
};

static void test_active_passive(void **state)
{
    (void)state;
    const char *s[] = {
        "In/IN March/NNP 2012/CD ,/, Treasury/NNP@Treasury_Department designated/VBD "
        "IRGC-QF/NNP@IRGC-QF General/NNP Gholamreza_Baghbani/NNP@Gholamreza_Baghbani "
        "as/IN a/DT narcotics/NNS trafficker/NN ./.",
        "Hamas/NNP@Hamas was/VBD designated/VBN by/IN the/DT State_Department/NNP@State_Department "
        "in/IN 1997/CD ./.",
        "Boko_Haram/NNP@Boko_Haram was/VBD designated/VBN as/IN a/DT terrorist/JJ group/NN ./.",
        NULL
    };
    actor_def a[] = { { "Treasury Department", ACT_ORG }, { "IRGC-QF", ACT_ORG },
                      { "Gholamreza Baghbani", ACT_PER }, { "Hamas", ACT_ORG },
                      { "State Department", ACT_ORG }, { "Boko Haram", ACT_ORG }, { 0, 0 } };
    dots_doc *d = build(NULL, a, s, -1);
    assert_int_equal(extract_doc(d), 0);
    const doc_claim *c = need(d, "Treasury Department", "designates", "Gholamreza Baghbani");
    assert_string_equal(c->time, "2012-03");
    assert_int_equal(c->polarity, POL_ASSERTED);
    assert_int_equal(c->source, -1);
    need(d, "Gholamreza Baghbani", "member_of", "IRGC-QF");
    c = need(d, "State Department", "designates", "Hamas");
    assert_string_equal(c->time, "1997");
    /* an agentless passive states no designator */
    for (size_t i = 0; i < d->nclaims; i++)
        assert_false(d->claims[i].object == 5 && d->claims[i].predicate == PRED_DESIGNATES);
    doc_free(d);
}

static dots_doc *run(const char *date, const char *const *s, int comment_from)
{
    dots_doc *d = build(date, ACTORS, s, comment_from);
    assert_int_equal(extract_doc(d), 0);
    return d;
}

static void test_coordination_and_things(void **state)
{
    (void)state;
    const char *s[] = {
        "Iran/NNP@Iran has/VBZ often/RB provided/VBN the/DT Taliban/NNP@Taliban with/IN "
        "arms/NNS and/CC training/NN ./.",
        "The/DT IRGC-QF/NNP@IRGC-QF trained/VBD and/CC armed/VBD Hamas/NNP@Hamas and/CC "
        "Palestinian_Islamic_Jihad/NNP@Palestinian_Islamic_Jihad fighters/NNS ./.",
        "Hezbollah/NNP@Hezbollah and/CC Hamas/NNP@Hamas met/VBD in/IN 2023/CD ./.",
        NULL
    };
    dots_doc *d = run(NULL, s, -1);
    need(d, "Iran", "arms", "Taliban");
    need(d, "Iran", "trains", "Taliban");
    need(d, "IRGC-QF", "trains", "Hamas");
    need(d, "IRGC-QF", "arms", "Hamas");
    need(d, "IRGC-QF", "trains", "Palestinian Islamic Jihad");
    need(d, "IRGC-QF", "arms", "Palestinian Islamic Jihad");
    /* symmetric: stored once, lower actor index first */
    const doc_claim *c = find_claim(d, "Hamas", "meets", "Hezbollah");
    if (!c) c = need(d, "Hezbollah", "meets", "Hamas");
    assert_string_equal(c->time, "2023");
    doc_free(d);
}

static void test_relative_and_apposition(void **state)
{
    (void)state;
    const char *s[] = {
        "At/IN the/DT time/NN ,/, Gholamreza_Baghbani/NNP@Gholamreza_Baghbani ,/, who/WP was/VBD "
        "based/VBN in/IN Zahedan/NNP@Zahedan ,/, moved/VBD weapons/NNS to/TO the/DT "
        "Taliban/NNP@Taliban ./.",
        "Hezbollah/NNP@Hezbollah leader/NN Hassan_Nasrallah/NNP@Hassan_Nasrallah hosted/VBD "
        "Saleh_al-Arouri/NNP@Saleh_al-Arouri ,/, the/DT deputy/NN leader/NN of/IN "
        "Hamas/NNP@Hamas ,/, in/IN a/DT meeting/NN on/IN Wednesday/NNP ./.",
        NULL
    };
    dots_doc *d = run("2023-10-25", s, -1);
    need(d, "Gholamreza Baghbani", "arms", "Taliban");
    need(d, "Gholamreza Baghbani", "located_in", "Zahedan");
    none(d, "Zahedan", "arms", "Taliban");
    need(d, "Hassan Nasrallah", "member_of", "Hezbollah");
    need(d, "Saleh al-Arouri", "member_of", "Hamas");
    const doc_claim *c = find_claim(d, "Hassan Nasrallah", "meets", "Saleh al-Arouri");
    if (!c) c = need(d, "Saleh al-Arouri", "meets", "Hassan Nasrallah");
    assert_string_equal(c->time, "2023-10-25");
    none(d, "Hezbollah", "shelters", "Saleh al-Arouri");
    doc_free(d);
}

static void test_nominal_and_attribution(void **state)
{
    (void)state;
    const char *s[] = {
        "Iran/NNP@Iran 's/POS support/NN for/IN the/DT Taliban/NNP@Taliban is/VBZ old/JJ ./.",
        "``/`` Since/IN 2006/CD ,/, Iran/NNP@Iran has/VBZ arranged/VBN arms/NNS shipments/NNS "
        "to/TO select/JJ Taliban/NNP@Taliban members/NNS ,/, ''/'' the/DT "
        "State_Department/NNP@State_Department noted/VBD ./.",
        "According/VBG to/TO the/DT Treasury/NNP@Treasury_Department ,/, "
        "al-Shabaab/NNP@al-Shabaab attacked/VBD Somalia/NNP@Somalia ./.",
        "The/DT court/NN found/VBD that/IN the/DT United_States/NNP@United_States "
        "detained/VBD Khairullah_Khairkhwa/NNP@Khairullah_Khairkhwa ./.",
        NULL
    };
    dots_doc *d = run(NULL, s, -1);
    const doc_claim *c = need(d, "Iran", "supports", "Taliban");
    assert_int_equal(c->source, -1);
    c = need(d, "Iran", "arms", "Taliban");
    assert_string_equal(c->time, "2006/..");
    assert_string_equal(d->actors[c->source].name, "State Department");
    c = need(d, "al-Shabaab", "attacks", "Somalia");
    assert_string_equal(d->actors[c->source].name, "Treasury Department");
    c = need(d, "United States", "detains", "Khairullah Khairkhwa");
    assert_int_equal(c->source, -1);       /* "the court" is not a named actor here */
    doc_free(d);
}

static void test_polarity(void **state)
{
    (void)state;
    const char *s[] = {
        "Iran/NNP@Iran may/MD have/VB supplied/VBN missiles/NNS to/TO the/DT Taliban/NNP@Taliban ./.",
        "Iran/NNP@Iran offered/VBD to/TO provide/VB Hamas/NNP@Hamas with/IN money/NN ./.",
        "Pakistan/NNP@Pakistan did/VBD not/RB shelter/VB the/DT Haqqani_network/NNP@Haqqani_network ./.",
        "Hossein_Ansari/NNP@Hossein_Ansari denied/VBD that/IN Iran/NNP@Iran trained/VBD "
        "Hezbollah/NNP@Hezbollah ./.",
        "Gholamreza_Baghbani/NNP@Gholamreza_Baghbani allegedly/RB smuggled/VBD weapons/NNS "
        "to/TO Hezbollah/NNP@Hezbollah ./.",
        NULL
    };
    dots_doc *d = run(NULL, s, -1);
    assert_int_equal(need(d, "Iran", "arms", "Taliban")->polarity, POL_HEDGED);
    assert_int_equal(need(d, "Iran", "funds", "Hamas")->polarity, POL_HEDGED);
    assert_int_equal(need(d, "Pakistan", "shelters", "Haqqani network")->polarity, POL_DENIED);
    const doc_claim *c = need(d, "Iran", "trains", "Hezbollah");
    assert_int_equal(c->polarity, POL_DENIED);
    assert_string_equal(d->actors[c->source].name, "Hossein Ansari");
    assert_int_equal(need(d, "Gholamreza Baghbani", "arms", "Hezbollah")->polarity, POL_HEDGED);
    doc_free(d);
}

/* "accused X of arming Y" hedges the act; ", a charge Z rejects" adds it denied by Z;
** "held talks" is a meeting, not a detention. */
static void test_accusation_and_charge(void **state)
{
    (void)state;
    const char *s[] = {
        "Israel/NNP@Israel accused/VBD Iran/NNP@Iran of/IN arming/VBG Hamas/NNP@Hamas ,/, "
        "a/DT charge/NN Qatar/NNP@Qatar rejects/VBZ ./.",
        "Pakistan/NNP@Pakistan held/VBD talks/NNS with/IN Nigeria/NNP@Nigeria ./.",
        NULL
    };
    dots_doc *d = run(NULL, s, -1);
    int hedged = 0, denied = 0;
    for (size_t i = 0; i < d->nclaims; i++) {
        const doc_claim *c = &d->claims[i];
        assert_int_not_equal(c->predicate, PRED_DETAINS);
        if (c->predicate != PRED_ARMS) continue;
        assert_string_equal(d->actors[c->subject].name, "Iran");
        assert_string_equal(d->actors[c->object].name, "Hamas");
        if (c->polarity == POL_HEDGED) hedged++;
        if (c->polarity == POL_DENIED) {
            denied++;
            assert_string_equal(d->actors[c->source].name, "Qatar");
        }
    }
    assert_int_equal(hedged, 1);
    assert_int_equal(denied, 1);
    doc_free(d);
}

/* A report ends with its clause: in "X say A; Y denies B" the denial is Y's
** alone, and A stays X's. */
static void test_report_scope_ends_at_semicolon(void **state)
{
    (void)state;
    const char *s[] = {
        "Israeli/JJ@Israel officials/NNS say/VBP Iran/NNP@Iran armed/VBD Hamas/NNP@Hamas ;/: "
        "Tehran/NNP@Iran denies/VBZ arming/VBG Hezbollah/NNP@Hezbollah ./.",
        NULL
    };
    dots_doc *d = run(NULL, s, -1);
    int asserted = 0, denied = 0;
    for (size_t i = 0; i < d->nclaims; i++) {
        const doc_claim *c = &d->claims[i];
        if (c->predicate != PRED_ARMS) continue;
        assert_int_not_equal(c->source, -1);
        if (strcmp(d->actors[c->object].name, "Hamas") == 0) {
            assert_int_equal(c->polarity, POL_ASSERTED);
            assert_string_equal(d->actors[c->source].name, "Israel");
            asserted++;
        } else {
            assert_int_equal(c->polarity, POL_DENIED);
            assert_string_equal(d->actors[c->source].name, "Iran");
            denied++;
        }
    }
    assert_int_equal(asserted, 1);
    assert_int_equal(denied, 1);
    doc_free(d);
}

static int has_sym(const dots_doc *d, const char *a, const char *p, const char *b)
{
    return find_claim(d, a, p, b) != NULL || find_claim(d, b, p, a) != NULL;
}

/* A designee list takes the designator and date of the sentence before; a hosted
** meeting makes every participant meet the others at its place, and is no shelter. */
static void test_designee_list_and_host(void **state)
{
    (void)state;
    const char *s[] = {
        "Treasury_Department/NNP@Treasury_Department on/IN Tuesday/NNP imposed/VBD "
        "sanctions/NNS on/IN three/CD men/NNS ./.",
        "The/DT individuals/NNS sanctioned/VBN include/VBP "
        "Khairullah_Khairkhwa/NNP@Khairullah_Khairkhwa and/CC "
        "Gholamreza_Baghbani/NNP@Gholamreza_Baghbani ./.",
        "Qatar/NNP@Qatar hosted/VBD talks/NNS between/IN Israel/NNP@Israel and/CC "
        "Hamas/NNP@Hamas in/IN Kano/NNP@Kano ./.",
        NULL
    };
    dots_doc *d = run("2024-07-23", s, -1);
    const doc_claim *c = need(d, "Treasury Department", "designates", "Khairullah Khairkhwa");
    assert_non_null(c->time);
    assert_string_equal(c->time, "2024-07-23");
    need(d, "Treasury Department", "designates", "Gholamreza Baghbani");
    assert_true(has_sym(d, "Qatar", "meets", "Israel"));
    assert_true(has_sym(d, "Qatar", "meets", "Hamas"));
    assert_true(has_sym(d, "Israel", "meets", "Hamas"));
    need(d, "Qatar", "located_in", "Kano");
    assert_null(find_claim(d, "Qatar", "shelters", "Hamas"));
    doc_free(d);
}

static void test_compounds_and_possessives(void **state)
{
    (void)state;
    const char *s[] = {
        "Nigeria-based/JJ@Nigeria Boko_Haram/NNP@Boko_Haram attacked/VBD Kano/NNP@Kano "
        "in/IN 2012/CD ./.",
        "The/DT al-Qaeda-affiliated/JJ@al-Qaeda group/NN al-Shabaab/NNP@al-Shabaab grew/VBD ./.",
        "The/DT State_Department/NNP@State_Department designated/VBD Pakistan/NNP@Pakistan 's/POS "
        "Haqqani_network/NNP@Haqqani_network on/IN Friday/NNP ./.",
        "Iran-backed/JJ@Iran Hezbollah/NNP@Hezbollah fired/VBD rockets/NNS at/IN "
        "Israel/NNP@Israel ./.",
        NULL
    };
    dots_doc *d = run("2012-09-07", s, -1);
    need(d, "Boko Haram", "located_in", "Nigeria");
    const doc_claim *c = need(d, "Boko Haram", "attacks", "Kano");
    assert_string_equal(c->time, "2012");
    need(d, "al-Shabaab", "member_of", "al-Qaeda");
    c = need(d, "State Department", "designates", "Haqqani network");
    assert_string_equal(c->time, "2012-09-07");
    need(d, "Haqqani network", "located_in", "Pakistan");
    none(d, "State Department", "designates", "Pakistan");
    need(d, "Iran", "supports", "Hezbollah");
    need(d, "Hezbollah", "attacks", "Israel");
    none(d, "Iran", "attacks", "Israel");
    doc_free(d);
}

static void test_comments_dedup_selfloop(void **state)
{
    (void)state;
    const char *s[] = {
        "Iran/NNP@Iran supports/VBZ the/DT Taliban/NNP@Taliban ./.",
        "Iran/NNP@Iran supports/VBZ the/DT Taliban/NNP@Taliban ,/, the/DT "
        "State_Department/NNP@State_Department said/VBD ./.",
        "Iran/NNP@Iran supports/VBZ Iran/NNP@Iran ./.",
        "Pakistan/NNP@Pakistan supports/VBZ the/DT Taliban/NNP@Taliban ./.",
        NULL
    };
    dots_doc *d = run(NULL, s, 3);
    int n = 0;
    for (size_t i = 0; i < d->nclaims; i++) {
        const doc_claim *c = &d->claims[i];
        assert_int_not_equal(c->subject, c->object);
        if (c->predicate == PRED_SUPPORTS && c->subject == 0 && c->object == 1) {
            n++;
            assert_int_equal(c->source, -1);           /* the author's voice wins */
            assert_int_equal(c->ev_start, d->sents[0].start);
        }
    }
    assert_int_equal(n, 1);
    const doc_claim *c = need(d, "Pakistan", "supports", "Taliban");
    assert_true(c->origin_comment >= 0);
    assert_string_equal(extract_claim_source(d, c), "Reader One");
    doc_free(d);
}


static void test_clauses_more(void **state)
{
    (void)state;
    const char *s[] = {
        /* a relative after a preposition is not the subject; "known as" names the object */
        "Iran/NNP@Iran views/VBZ Hezbollah/NNP@Hezbollah as/IN a/DT crucial/JJ ally/NN ./.",
        "Hamas/NNP@Hamas and/CC Palestinian_Islamic_Jihad/NNP@Palestinian_Islamic_Jihad have/VBP "
        "fought/VBN each/DT other/JJ since/IN 2020/CD ./.",
        "Pakistan/NNP@Pakistan sheltered/VBD the/DT Haqqani_network/NNP@Haqqani_network and/CC "
        "their/PRP$ Taliban/NNP@Taliban allies/NNS ./.",
        "Al-Mayadeen/NNP@Al-Mayadeen ,/, which/WDT is/VBZ pro-Iran/JJ ,/, reported/VBD it/PRP ./.",
        "Iran/NNP@Iran 's/POS offer/NN to/TO provide/VB the/DT Taliban/NNP@Taliban with/IN "
        "missiles/NNS was/VBD secret/JJ ./.",
        "Hezbollah/NNP@Hezbollah and/CC Hamas/NNP@Hamas held/VBD talks/NNS in/IN "
        "Lebanon/NNP@Lebanon last/JJ year/NN ./.",
        NULL
    };
    actor_def a[] = { { "Iran", ACT_GPE }, { "Hezbollah", ACT_ORG }, { "Hamas", ACT_ORG },
                      { "Palestinian Islamic Jihad", ACT_ORG }, { "Pakistan", ACT_GPE },
                      { "Haqqani network", ACT_ORG }, { "Taliban", ACT_ORG },
                      { "Al-Mayadeen", ACT_ORG }, { "Lebanon", ACT_GPE }, { 0, 0 } };
    dots_doc *d = build("2023-10-25", a, s, -1);
    assert_int_equal(extract_doc(d), 0);
    need(d, "Iran", "allied_with", "Hezbollah");
    const doc_claim *c = need(d, "Hamas", "opposes", "Palestinian Islamic Jihad");
    assert_string_equal(c->time, "2020/..");
    need(d, "Palestinian Islamic Jihad", "opposes", "Hamas");
    need(d, "Pakistan", "shelters", "Haqqani network");
    if (!find_claim(d, "Taliban", "allied_with", "Haqqani network"))
        need(d, "Haqqani network", "allied_with", "Taliban");
    need(d, "Al-Mayadeen", "supports", "Iran");
    assert_int_equal(need(d, "Iran", "arms", "Taliban")->polarity, POL_HEDGED);
    c = find_claim(d, "Hezbollah", "meets", "Hamas");
    if (!c) c = need(d, "Hamas", "meets", "Hezbollah");
    assert_string_equal(c->time, "2022");
    need(d, "Hezbollah", "located_in", "Lebanon");
    need(d, "Hamas", "located_in", "Lebanon");
    doc_free(d);
}

static void test_group_and_paragraph_year(void **state)
{
    (void)state;
    const char *s[] = {
        "Boko_Haram/NNP@Boko_Haram grew/VBD in/IN 2014/CD ./.",
        "The/DT group/NN kidnapped/VBD French/JJ@France citizens/NNS in/IN "
        "Cameroon/NNP@Cameroon ./.",
        "Nigeria/NNP@Nigeria fought/VBD the/DT group/NN ./.",
        NULL
    };
    actor_def a[] = { { "Boko Haram", ACT_ORG }, { "France", ACT_GPE }, { "Cameroon", ACT_GPE },
                      { "Nigeria", ACT_GPE }, { 0, 0 } };
    /* one paragraph: the three sentences share segment 0 */
    dots_doc *d = build(NULL, a, s, -1);
    for (size_t i = 0; i < d->nsents; i++) d->sents[i].seg = 0;
    assert_int_equal(extract_doc(d), 0);
    const doc_claim *c = need(d, "Boko Haram", "detains", "France");
    assert_string_equal(c->time, "2014");            /* the paragraph's stated year */
    need(d, "Nigeria", "opposes", "Boko Haram");
    none(d, "Boko Haram", "detains", "Cameroon");
    doc_free(d);
}

static void test_voices(void **state)
{
    (void)state;
    const char *s[] = {
        "Other/JJ sources/NNS confirm/VBP that/IN Iran/NNP@Iran armed/VBD the/DT "
        "Taliban/NNP@Taliban ./.",
        "Iran/NNP@Iran armed/VBD the/DT Taliban/NNP@Taliban ,/, the/DT "
        "State_Department/NNP@State_Department noted/VBD ./.",
        NULL
    };
    dots_doc *d = run(NULL, s, -1);
    /* a named source beats an unnamed one for the same claim */
    const doc_claim *c = need(d, "Iran", "arms", "Taliban");
    assert_string_equal(d->actors[c->source].name, "State Department");
    doc_free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_time_absolute),
        cmocka_unit_test(test_time_relative),
        cmocka_unit_test(test_time_not),
        cmocka_unit_test(test_time_scan),
        cmocka_unit_test(test_active_passive),
        cmocka_unit_test(test_coordination_and_things),
        cmocka_unit_test(test_relative_and_apposition),
        cmocka_unit_test(test_nominal_and_attribution),
        cmocka_unit_test(test_polarity),
        cmocka_unit_test(test_accusation_and_charge),
        cmocka_unit_test(test_report_scope_ends_at_semicolon),
        cmocka_unit_test(test_designee_list_and_host),
        cmocka_unit_test(test_compounds_and_possessives),
        cmocka_unit_test(test_comments_dedup_selfloop),
        cmocka_unit_test(test_clauses_more),
        cmocka_unit_test(test_group_and_paragraph_year),
        cmocka_unit_test(test_voices),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
