/* src/extract/time.c -- time expressions in news text, normalised to ISO 8601.
** News dates events three ways: absolutely ("In August 2010", "Mar. 2012",
** "2016-05-21"), against the publication date ("On May 21", "Friday",
** "yesterday", "last month") and against the last date the text mentioned
** ("nearly two years later"). Intervals come from the preposition: "since
** 2006" is 2006/.., "until early 2002" is ../2002. Vague parts of a year
** ("late 2001", "the first half of 2001", "mid-2012") keep only the year.
** The scanner works on its own small lexer (alphanumeric runs and single
** punctuation bytes), so it needs neither the tokenizer nor the tagger and
** is linear in the sentence. "May" alone is never a month: it is a modal
** far more often in this genre; it needs a day or a year next to it. */
#include "extract/extract_int.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define MAXLEX 256

typedef struct lex {
    const char *s;
    uint32_t start, end;    /* relative to the scanned text */
    int alpha, digit;       /* all letters / all digits */
} lex;

typedef struct date {
    int y, m, d;            /* m, d 0 when unknown; y 0 when unknown (month-day only) */
} date;

static const char *const MONTHS[12][3] = {
    { "january", "jan", NULL }, { "february", "feb", NULL }, { "march", "mar", NULL },
    { "april", "apr", NULL }, { "may", NULL, NULL }, { "june", "jun", NULL },
    { "july", "jul", NULL }, { "august", "aug", NULL },
    { "september", "sep", "sept" }, { "october", "oct", NULL },
    { "november", "nov", NULL }, { "december", "dec", NULL },
};

static const char *const WEEKDAYS[7] = {
    "sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"
};

static const char *const NUMBERS[] = {
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
    "ten", "eleven", "twelve", NULL
};

static int lex_is(const lex *l, const char *w)
{
    /* called for every word against each month, weekday and number name:
    ** the first letter rejects almost all of them without a call */
    size_t n = (size_t)(l->end - l->start);
    if (!n) return !*w;
    if (((unsigned char)l->s[0] | 0x20) != ((unsigned char)w[0] | 0x20)) return 0;
    return strlen(w) == n && strncasecmp(l->s, w, n) == 0;
}

static int lex_num(const lex *l)
{
    if (!l->digit || l->end - l->start > 4) return -1;
    return atoi(l->s);  /* stops at the first non-digit */
}

static int lex_month(const lex *l)
{
    if (!l->alpha) return 0;
    for (int m = 0; m < 12; m++)
        for (int k = 0; k < 3 && MONTHS[m][k]; k++)
            if (lex_is(l, MONTHS[m][k])) return m + 1;
    return 0;
}

static int lex_weekday(const lex *l)
{
    if (!l->alpha) return -1;
    for (int i = 0; i < 7; i++) {
        if (lex_is(l, WEEKDAYS[i])) return i;
        /* plural "Fridays" is a habit, not a date */
    }
    return -1;
}

static int lex_count(const lex *l)
{
    if (l->digit) return lex_num(l) >= 0 && lex_num(l) < 100 ? lex_num(l) : -1;
    if (lex_is(l, "a") || lex_is(l, "an")) return 1;
    if (lex_is(l, "several") || lex_is(l, "few")) return -1;
    for (int i = 0; NUMBERS[i]; i++)
        if (lex_is(l, NUMBERS[i])) return i;
    return -1;
}

static size_t lexify(const char *s, size_t n, lex *out, size_t max)
{
    size_t k = 0, i = 0;
    while (i < n && k < max) {
        unsigned char c = (unsigned char)s[i];
        if (isspace(c)) { i++; continue; }
        lex *l = &out[k++];
        l->s = s + i;
        l->start = (uint32_t)i;
        if (isalnum(c)) {
            int alpha = 1, digit = 1;
            while (i < n && isalnum((unsigned char)s[i])) {
                if (isdigit((unsigned char)s[i])) alpha = 0; else digit = 0;
                i++;
            }
            l->alpha = alpha;
            l->digit = digit;
        } else {
            /* one UTF-8 character as one lexeme */
            i++;
            while (i < n && ((unsigned char)s[i] & 0xC0) == 0x80) i++;
            l->alpha = l->digit = 0;
        }
        l->end = (uint32_t)i;
    }
    return k;
}

/* ---- Calendar ------------------------------------------------------------ */
/* Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm). */
static long days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static date civil_from_days(long z)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long y = yoe + era * 400;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    int d = (int)(doy - (153 * mp + 2) / 5 + 1);
    int m = (int)(mp < 10 ? mp + 3 : mp - 9);
    date r = { (int)(y + (m <= 2)), m, d };
    return r;
}

static int valid_day(int y, int m, int d)
{
    static const int mdays[12] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    if (m < 1 || m > 12 || d < 1 || d > mdays[m - 1]) return 0;
    if (m == 2 && d == 29 && y && !((y % 4 == 0 && y % 100) || y % 400 == 0)) return 0;
    return 1;
}

/* Parse "YYYY", "YYYY-MM", "YYYY-MM-DD" (or an interval's first part). */
static int parse_iso(const char *s, date *out)
{
    date r = { 0, 0, 0 };
    if (!s) return 0;
    if (sscanf(s, "%4d-%2d-%2d", &r.y, &r.m, &r.d) >= 1 && r.y > 0) {
        *out = r;
        return 1;
    }
    return 0;
}

static void fmt_date(date t, char out[32])
{
    if (!t.y && t.m && t.d) snprintf(out, 32, "--%02d-%02d", t.m, t.d);
    else if (!t.m) snprintf(out, 32, "%04d", t.y);
    else if (!t.d) snprintf(out, 32, "%04d-%02d", t.y, t.m);
    else snprintf(out, 32, "%04d-%02d-%02d", t.y, t.m, t.d);
}

static int is_year(int v) { return v >= 1900 && v <= 2099; }

/* ---- The grammar --------------------------------------------------------- */
typedef struct ctx {
    const lex *l;
    size_t n;
    date doc;               /* y 0 when the document has no date */
    date last;              /* last absolute date mentioned, y 0 if none */
} ctx;

/* A month-day with no year: the document's year, or the year before when that
** would put it after the document's date. Unresolved without a document date. */
static date resolve_month_day(const ctx *c, int m, int d)
{
    date r = { 0, m, d };
    if (!c->doc.y) return r;
    r.y = c->doc.y;
    if (c->doc.m && (m > c->doc.m || (m == c->doc.m && c->doc.d && d > c->doc.d))) r.y--;
    return r;
}

static date resolve_month(const ctx *c, int m)
{
    date r = resolve_month_day(c, m, 1);
    r.d = 0;
    return r;
}

static int have_doc_day(const ctx *c) { return c->doc.y && c->doc.m && c->doc.d; }

static date doc_shift_days(const ctx *c, long delta)
{
    return civil_from_days(days_from_civil(c->doc.y, c->doc.m, c->doc.d) + delta);
}

/* An absolute or document-relative date starting at lexeme i. Sets *used to
** the lexemes consumed. Returns 1 on a match. */
static int core_date(const ctx *c, size_t i, date *out, size_t *used)
{
    const lex *l = c->l;
    size_t n = c->n;
    int v, m;

    /* 2016-05-21 */
    if (i + 4 < n && l[i].digit && l[i].end - l[i].start == 4 && is_year(v = lex_num(&l[i])) &&
        lex_is(&l[i + 1], "-") && l[i + 2].digit && lex_is(&l[i + 3], "-") && l[i + 4].digit &&
        l[i + 1].start == l[i].end && l[i + 4].start == l[i + 3].end) {
        date r = { v, lex_num(&l[i + 2]), lex_num(&l[i + 4]) };
        if (valid_day(r.y, r.m, r.d)) { *out = r; *used = 5; return 1; }
    }
    /* Month [.] [Day [,]] [Year] */
    if ((m = lex_month(&l[i]))) {
        size_t j = i + 1;
        int abbrev = l[i].end - l[i].start <= 4 && !lex_is(&l[i], "may") &&
                     !lex_is(&l[i], "june") && !lex_is(&l[i], "july");
        if (j < n && lex_is(&l[j], ".") && abbrev) j++;
        else if (abbrev && m != 5 && !(l[i].end - l[i].start >= 3 && j < n && (lex_num(&l[j]) > 0)))
            return 0;     /* "Mar" "Dec" without a dot need a number next */
        int day = 0, year = 0;
        if (j < n && (v = lex_num(&l[j])) >= 1 && v <= 31 && l[j].end - l[j].start <= 2) {
            day = v;
            j++;
            if (j < n && (lex_is(&l[j], "st") || lex_is(&l[j], "nd") || lex_is(&l[j], "rd") ||
                          lex_is(&l[j], "th")) && l[j].start == l[j - 1].end) j++;
            size_t k = j;
            if (k < n && lex_is(&l[k], ",")) k++;
            if (k < n && l[k].end - l[k].start == 4 && is_year(v = lex_num(&l[k]))) {
                year = v;
                j = k + 1;
            }
        } else if (j < n && l[j].end - l[j].start == 4 && is_year(v = lex_num(&l[j]))) {
            year = v;
            j++;
        }
        if (!day && !year) {
            /* a bare month name: "last month" is handled elsewhere; "in August" resolves */
            if (m == 5 || i == 0) return 0;
            if (!(lex_is(&l[i - 1], "in") || lex_is(&l[i - 1], "since") ||
                  lex_is(&l[i - 1], "until") || lex_is(&l[i - 1], "early") ||
                  lex_is(&l[i - 1], "late") || lex_is(&l[i - 1], "mid") ||
                  lex_is(&l[i - 1], "-")))
                return 0;
            *out = resolve_month(c, m);
            *used = j - i;
            return 1;
        }
        if (day && !valid_day(year, m, day)) return 0;
        if (year) { date r = { year, m, day }; *out = r; }
        else *out = resolve_month_day(c, m, day);
        *used = j - i;
        return 1;
    }
    /* Day Month Year: 21 May 2016 */
    if (l[i].digit && (v = lex_num(&l[i])) >= 1 && v <= 31 && l[i].end - l[i].start <= 2 &&
        i + 1 < n && (m = lex_month(&l[i + 1]))) {
        size_t j = i + 2;
        if (j < n && lex_is(&l[j], ".")) j++;
        int y;
        if (j < n && l[j].end - l[j].start == 4 && is_year(y = lex_num(&l[j]))) {
            if (!valid_day(y, m, v)) return 0;
            date r = { y, m, v };
            *out = r;
            *used = j + 1 - i;
            return 1;
        }
        if (m == 5) return 0;
        if (!valid_day(0, m, v)) return 0;
        *out = resolve_month_day(c, m, v);
        *used = j - i;
        return 1;
    }
    /* a year: 4 digits standing alone ("107mm", "$2012", "2,012" are not years) */
    if (l[i].digit && l[i].end - l[i].start == 4 && is_year(v = lex_num(&l[i]))) {
        if (i > 0 && (lex_is(&l[i - 1], "$") || lex_is(&l[i - 1], ",") ||
                      lex_is(&l[i - 1], ".")) && l[i - 1].end == l[i].start) return 0;
        if (i + 1 < n && l[i + 1].start == l[i].end && !lex_is(&l[i + 1], ",") &&
            !lex_is(&l[i + 1], ".") && !lex_is(&l[i + 1], ")") && !lex_is(&l[i + 1], ";") &&
            !lex_is(&l[i + 1], ":") && !lex_is(&l[i + 1], "'") &&
            !(l[i + 1].s[0] == '\xe2'))         /* closing quote or dash */
            return 0;
        /* "2000 people": a count, not a year */
        if (i + 1 < n && l[i + 1].alpha && islower((unsigned char)l[i + 1].s[0])) {
            size_t wl = l[i + 1].end - l[i + 1].start;
            if (wl > 3 && l[i + 1].s[wl - 1] == 's' && !lex_is(&l[i + 1], "was") &&
                !lex_is(&l[i + 1], "has") && !lex_is(&l[i + 1], "as") &&
                !lex_is(&l[i + 1], "always"))
                return 0;
        }
        date r = { v, 0, 0 };
        *out = r;
        *used = 1;
        return 1;
    }
    /* document-relative words */
    if (have_doc_day(c)) {
        int wd = lex_weekday(&l[i]);
        if (wd >= 0) {
            long z = days_from_civil(c->doc.y, c->doc.m, c->doc.d);
            int dow = (int)(((z % 7) + 7 + 4) % 7);   /* 1970-01-01 was a Thursday */
            int back = (dow - wd + 7) % 7;
            *out = civil_from_days(z - back);
            *used = 1;
            return 1;
        }
        if (lex_is(&l[i], "yesterday")) { *out = doc_shift_days(c, -1); *used = 1; return 1; }
        if (lex_is(&l[i], "today") || lex_is(&l[i], "tonight")) {
            *out = c->doc;
            *used = 1;
            return 1;
        }
        if (i + 1 < n && lex_is(&l[i], "last") && lex_is(&l[i + 1], "night")) {
            *out = doc_shift_days(c, -1);
            *used = 2;
            return 1;
        }
    }
    if (c->doc.y && i + 1 < n && (lex_is(&l[i], "last") || lex_is(&l[i], "this"))) {
        int last = lex_is(&l[i], "last");
        if (lex_is(&l[i + 1], "year")) {
            date r = { c->doc.y - last, 0, 0 };
            *out = r;
            *used = 2;
            return 1;
        }
        if (lex_is(&l[i + 1], "month") && c->doc.m) {
            date r = { c->doc.y, c->doc.m - last, 0 };
            if (r.m == 0) { r.m = 12; r.y--; }
            *out = r;
            *used = 2;
            return 1;
        }
    }
    return 0;
}

/* "two years later", "a year later", "nearly two years later", "three months
** after": against the last date; "two years ago": against the document. */
static int relative_date(const ctx *c, size_t i, date *out, size_t *used)
{
    const lex *l = c->l;
    size_t j = i;
    while (j < c->n && (lex_is(&l[j], "nearly") || lex_is(&l[j], "almost") ||
                        lex_is(&l[j], "about") || lex_is(&l[j], "some") ||
                        lex_is(&l[j], "roughly") || lex_is(&l[j], "around")))
        j++;
    if (j + 2 >= c->n) return 0;
    int k = lex_count(&l[j]);
    if (k < 0) return 0;
    const lex *unit = &l[j + 1], *dir = &l[j + 2];
    int years = lex_is(unit, "year") || lex_is(unit, "years");
    int months = lex_is(unit, "month") || lex_is(unit, "months");
    if (!years && !months) return 0;
    date base;
    int sign;
    if (lex_is(dir, "later") || lex_is(dir, "after")) { base = c->last; sign = 1; }
    else if (lex_is(dir, "ago") || lex_is(dir, "earlier")) {
        base = lex_is(dir, "ago") ? c->doc : c->last;
        sign = -1;
    } else return 0;
    if (!base.y) return 0;
    date r = { base.y, 0, 0 };
    if (years) r.y += sign * k;
    else if (base.m) {
        int mm = base.y * 12 + (base.m - 1) + sign * k;
        r.y = mm / 12;
        r.m = mm % 12 + 1;
    } else return 0;
    *out = r;
    *used = j + 3 - i;
    return 1;
}

/* Words before a date that make it an interval or blur it to its year. */
enum { MOD_NONE, MOD_SINCE, MOD_UNTIL, MOD_VAGUE };

static int modifier(const ctx *c, size_t i, size_t *used)
{
    const lex *l = c->l;
    size_t n = c->n;
    if (lex_is(&l[i], "since")) { *used = 1; return MOD_SINCE; }
    if (lex_is(&l[i], "until") || lex_is(&l[i], "till") || lex_is(&l[i], "through")) {
        *used = 1;
        return MOD_UNTIL;
    }
    if (i + 1 < n && lex_is(&l[i], "up") && lex_is(&l[i + 1], "to")) { *used = 2; return MOD_UNTIL; }
    if (lex_is(&l[i], "late") || lex_is(&l[i], "early") || lex_is(&l[i], "mid")) {
        *used = 1;
        if (i + 1 < n && lex_is(&l[i + 1], "-")) *used = 2;
        return MOD_VAGUE;
    }
    /* the first half of, the end of, the summer of, the beginning of */
    size_t j = i;
    if (lex_is(&l[j], "the")) j++;
    if (j < n && (lex_is(&l[j], "first") || lex_is(&l[j], "second") || lex_is(&l[j], "latter") ||
                  lex_is(&l[j], "last") || lex_is(&l[j], "early") || lex_is(&l[j], "late")))
        j++;
    if (j + 1 < n && (lex_is(&l[j], "half") || lex_is(&l[j], "end") || lex_is(&l[j], "start") ||
                      lex_is(&l[j], "beginning") || lex_is(&l[j], "summer") ||
                      lex_is(&l[j], "winter") || lex_is(&l[j], "spring") ||
                      lex_is(&l[j], "fall") || lex_is(&l[j], "autumn") ||
                      lex_is(&l[j], "quarter") || lex_is(&l[j], "months") ||
                      lex_is(&l[j], "weeks")) &&
        lex_is(&l[j + 1], "of") && j > i) {
        *used = j + 2 - i;
        return MOD_VAGUE;
    }
    return MOD_NONE;
}

/* A day named by a weekday or "yesterday": precise even when "early". */
static int weekday_or_word(const ctx *c, size_t i)
{
    return lex_weekday(&c->l[i]) >= 0 || lex_is(&c->l[i], "yesterday") || lex_is(&c->l[i], "today");
}

size_t extract_time_scan(const char *s, size_t n, const char *doc_date, char last_date[32],
                         extract_time *out, size_t max)
{
    lex l[MAXLEX];
    ctx c;
    size_t found = 0;

    memset(&c, 0, sizeof c);
    c.l = l;
    c.n = lexify(s, n, l, MAXLEX);
    parse_iso(doc_date, &c.doc);
    if (last_date && last_date[0]) parse_iso(last_date, &c.last);
    for (size_t i = 0; i < c.n && found < max;) {
        size_t mused = 0, dused = 0;
        int mod = modifier(&c, i, &mused);
        /* stacked modifiers: "until early 2002", "since late 2001" */
        size_t mused2 = 0;
        int mod2 = MOD_NONE;
        if (mod != MOD_NONE && i + mused < c.n) mod2 = modifier(&c, i + mused, &mused2);
        size_t at = i + mused + mused2;
        date t;
        int ok = 0, relative = 0;
        if (at < c.n) {
            ok = core_date(&c, at, &t, &dused);
            if (!ok && (ok = relative_date(&c, at, &t, &dused))) relative = 1;
        }
        if (!ok) { i++; continue; }
        /* "late 2001" is 2001, but "early Friday" is still that Friday */
        if ((mod == MOD_VAGUE || mod2 == MOD_VAGUE) && !(t.d && weekday_or_word(&c, at))) {
            t.m = 0;
            t.d = 0;
        }
        extract_time *e = &out[found++];
        char iso[32];
        fmt_date(t, iso);
        iso[24] = 0;                        /* room for "../" or "/.." */
        int kind = mod == MOD_VAGUE ? mod2 : mod;
        if (kind == MOD_SINCE) snprintf(e->value, sizeof e->value, "%.24s/..", iso);
        else if (kind == MOD_UNTIL) snprintf(e->value, sizeof e->value, "../%.24s", iso);
        else memcpy(e->value, iso, sizeof iso);
        e->start = l[i].start;
        e->end = l[at + dused - 1].end;
        e->relative = relative;
        if (t.y) {
            c.last = t;
            if (last_date) fmt_date(t, last_date);
        }
        i = at + dused;
    }
    return found;
}

int extract_time_normalize(const char *expr, size_t n, const char *doc_date,
                           const char *last_date, char out[32])
{
    char last[32] = "";
    extract_time t[4];
    if (last_date) snprintf(last, sizeof last, "%s", last_date);
    out[0] = 0;
    if (extract_time_scan(expr, n, doc_date, last, t, 4) == 0) return 0;
    memcpy(out, t[0].value, 32);
    return 1;
}
