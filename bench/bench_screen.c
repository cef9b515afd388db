/* bench/bench_screen.c -- load the full OFAC SDN CSV set and screen 100,000
** names against it; prints load time, names/second, recall on perturbed list
** names, the share of random common names that hit, and peak memory.
**   bench_screen [DIR] [N]      DIR holds sdn.csv, alt.csv, add.csv
** DIR defaults to $DOTS_SHARED/data/sanctions/ofac/2021-04-25 (or ../shared/...).
** Half the names are list names (individuals' primary names) perturbed the way
** transliteration and data entry perturb them: word order swapped, a vowel
** changed, a letter doubled or dropped, case changed, al- dropped. The other
** half are first+last names drawn from common Anglo, Hispanic, Arabic, South
** Asian and East Asian names; some of those really are listed, so their hit
** rate is an upper bound on false positives, not a count of them. */
#include "actor/actor.h"
#include "dots.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

static uint64_t rng = 88172645463325252ULL;
static unsigned rnd(unsigned n)
{
    rng ^= rng << 13; rng ^= rng >> 7; rng ^= rng << 17;
    return (unsigned)(rng % n);
}

static const char *const firsts[] = {
    "John", "Mary", "James", "Patricia", "Robert", "Jennifer", "Michael", "Linda", "William",
    "Elizabeth", "David", "Susan", "Richard", "Jessica", "Joseph", "Sarah", "Thomas", "Karen",
    "Maria", "Jose", "Juan", "Carmen", "Luis", "Ana", "Carlos", "Rosa", "Miguel", "Lucia",
    "Wei", "Li", "Hiroshi", "Yuki", "Min-jun", "Priya", "Rahul", "Anjali", "Sanjay", "Deepak",
    "Olga", "Ivan", "Sergei", "Natalia", "Hans", "Greta", "Pierre", "Claire", "Giovanni",
    "Fatima", "Omar", "Layla", "Yusuf", "Aisha", "Khalid", "Noor", "Tariq", "Samira", "Karim",
};
static const char *const lasts[] = {
    "Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson", "Anderson",
    "Taylor", "Thomas", "Moore", "Martin", "Jackson", "Thompson", "White", "Harris", "Clark",
    "Garcia", "Martinez", "Rodriguez", "Lopez", "Gonzalez", "Perez", "Sanchez", "Ramirez",
    "Wang", "Chen", "Tanaka", "Suzuki", "Kim", "Park", "Sharma", "Patel", "Gupta", "Singh",
    "Ivanova", "Petrov", "Muller", "Schmidt", "Dubois", "Rossi", "Bianchi", "Novak",
    "Haddad", "Mansour", "Khoury", "Nasser", "Saleh", "Farouk", "Hamdan", "Aziz", "Qureshi",
};

static void perturb(const char *in, char *out, size_t cap)
{
    char tmp[512];
    snprintf(tmp, sizeof tmp, "%s", in);
    /* "LAST, First" -> "First LAST" half the time */
    char *comma = strchr(tmp, ',');
    if (comma && rnd(2)) {
        *comma = 0;
        const char *rest = comma + 1;
        while (*rest == ' ') rest++;
        char sw[512];
        size_t rl = strlen(rest), fl = strlen(tmp);
        if (rl + fl + 2 <= sizeof sw) {
            memcpy(sw, rest, rl);
            sw[rl] = ' ';
            memcpy(sw + rl + 1, tmp, fl + 1);
            memcpy(tmp, sw, rl + fl + 2);
        }
    }
    size_t n = strlen(tmp);
    switch (rnd(5)) {
    case 0: {                                   /* change a vowel */
        for (int tries = 0; tries < 8 && n; tries++) {
            size_t i = rnd((unsigned)n);
            if (strchr("aeiouAEIOU", tmp[i]) && i > 0) { tmp[i] = "aeiou"[rnd(5)]; break; }
        }
        break;
    }
    case 1:                                     /* double a letter */
        if (n > 3 && n + 2 < sizeof tmp) {
            size_t i = 1 + rnd((unsigned)(n - 2));
            memmove(tmp + i + 1, tmp + i, n - i + 1);
        }
        break;
    case 2:                                     /* lower case */
        for (size_t i = 0; i < n; i++) if (tmp[i] >= 'A' && tmp[i] <= 'Z') tmp[i] += 32;
        break;
    case 3: {                                   /* drop "AL-" */
        char *p = strstr(tmp, "AL-");
        if (p) memmove(p, p + 3, strlen(p + 3) + 1);
        break;
    }
    default: break;
    }
    snprintf(out, cap, "%s", tmp);
}

int main(int argc, char **argv)
{
    char dir[1024], err[1024];
    const char *shared = getenv("DOTS_SHARED");
    if (argc > 1) snprintf(dir, sizeof dir, "%s", argv[1]);
    else snprintf(dir, sizeof dir, "%s/data/sanctions/ofac/2021-04-25", shared ? shared : "../shared");
    size_t total = argc > 2 ? strtoul(argv[2], NULL, 10) : 100000;
    char f1[1100], f2[1100], f3[1100];
    snprintf(f1, sizeof f1, "%s/sdn.csv", dir);
    snprintf(f2, sizeof f2, "%s/alt.csv", dir);
    snprintf(f3, sizeof f3, "%s/add.csv", dir);
    const char *files[] = { f1, f2, f3 };
    actor_lists *l = actor_lists_new();
    double t0 = now();
    if (!l || actor_lists_load(l, files, 3, err, sizeof err)) {
        fprintf(stderr, "bench_screen: %s\n", l ? err : "out of memory");
        actor_lists_free(l);
        return 1;
    }
    double tload = now() - t0;
    size_t nent = actor_lists_count(l), nal = 0;
    for (size_t i = 0; i < nent; i++) nal += actor_lists_get(l, i)->naliases;
    printf("load: %zu entries, %zu aliases in %.3f s (sdn+alt+add, %s)\n", nent, nal, tload, dir);

    /* the individuals' names, to perturb */
    size_t *ind = malloc(nent * sizeof *ind), nind = 0;
    for (size_t i = 0; ind && i < nent; i++)
        if (!strcmp(actor_lists_get(l, i)->type, "individual")) ind[nind++] = i;
    if (!ind || !nind) { fprintf(stderr, "bench_screen: no individuals\n"); return 1; }

    struct rusage ru0;
    getrusage(RUSAGE_SELF, &ru0);
    double cpu0 = ru0.ru_utime.tv_sec + ru0.ru_utime.tv_usec / 1e6 + ru0.ru_stime.tv_sec +
                  ru0.ru_stime.tv_usec / 1e6;
    actor_hit hits[8];
    size_t listed = 0, listed_hit = 0, listed_right = 0, random = 0, random_hit = 0;
    double t1 = now();
    for (size_t k = 0; k < total; k++) {
        char name[512];
        if (k % 2 == 0) {
            size_t e = ind[rnd((unsigned)nind)];
            perturb(actor_lists_get(l, e)->name, name, sizeof name);
            size_t h = actor_lists_screen(l, name, hits, 8);
            listed++;
            listed_hit += h > 0;
            for (size_t j = 0; j < h; j++) if (hits[j].entry == e) { listed_right++; break; }
        } else {
            snprintf(name, sizeof name, "%s %s", firsts[rnd(sizeof firsts / sizeof *firsts)],
                     lasts[rnd(sizeof lasts / sizeof *lasts)]);
            random++;
            random_hit += actor_lists_screen(l, name, hits, 8) > 0;
        }
    }
    double ts = now() - t1;
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    double cpu = ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 + ru.ru_stime.tv_sec +
                 ru.ru_stime.tv_usec / 1e6 - cpu0;
    /* wall time on a shared machine overstates the cost; CPU time is the figure to compare */
    printf("screen: %zu names in %.3f s wall = %.0f names/s; %.3f s CPU = %.0f names/CPU-s\n",
           total, ts, total / ts, cpu, total / cpu);
    printf("perturbed list names: %zu, found their entry %.1f%%, any hit %.1f%%\n", listed,
           100.0 * listed_right / listed, 100.0 * listed_hit / listed);
    printf("random common names: %zu, any hit %.2f%% (some are really listed)\n", random,
           100.0 * random_hit / random);
    printf("peak memory (ru_maxrss): %.1f MB\n", ru.ru_maxrss / 1024.0);
    free(ind);
    actor_lists_free(l);
    return 0;
}
