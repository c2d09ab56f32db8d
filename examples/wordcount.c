/* wordcount: an ordinary C program. Reads text (its own source by default), counts the words
 * in a malloc'd hash table, sorts them with qsort and prints the most frequent with printf,
 * with the time it took and today's date from strftime. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

struct word {
    char *text;
    long count;
    struct word *next;
};

#define BUCKETS 1024

static unsigned hash(const char *s)
{
    unsigned h = 2166136261u;
    while (*s)
        h = (h ^ (unsigned char)*s++) * 16777619u;
    return h;
}

static struct word *table[BUCKETS];
static size_t distinct;

static void add(const char *text)
{
    unsigned b = hash(text) % BUCKETS;
    for (struct word *w = table[b]; w; w = w->next)
        if (strcmp(w->text, text) == 0) {
            w->count++;
            return;
        }
    struct word *w = malloc(sizeof *w);
    if (!w || !(w->text = strdup(text))) {
        perror("wordcount");
        exit(1);
    }
    w->count = 1;
    w->next = table[b];
    table[b] = w;
    distinct++;
}

static int by_count(const void *a, const void *b)
{
    const struct word *x = *(struct word *const *)a, *y = *(struct word *const *)b;
    if (x->count != y->count)
        return x->count < y->count ? 1 : -1;
    return strcmp(x->text, y->text);
}

int main(int argc, char **argv)
{
    const char *path = argc > 1 ? argv[1] : "examples/wordcount.c";
    FILE *f = fopen(path, "r");
    if (!f) {
        fprintf(stderr, "wordcount: %s: %m\n", path);
        return 1;
    }
    struct timespec start, end;
    clock_gettime(CLOCK_MONOTONIC, &start);

    char *line = NULL;
    size_t cap = 0;
    long lines = 0, words = 0;
    while (getline(&line, &cap, f) != -1) {
        lines++;
        for (char *p = line; *p;) {
            while (*p && !isalpha((unsigned char)*p))
                p++;
            char *q = p;
            while (isalpha((unsigned char)*q))
                *q = (char)tolower((unsigned char)*q), q++;
            if (q == p)
                break;
            char saved = *q;
            *q = 0;
            add(p);
            words++;
            *q = saved;
            p = q;
        }
    }
    free(line);
    fclose(f);

    struct word **all = malloc(distinct * sizeof *all);
    if (!all) {
        perror("wordcount");
        return 1;
    }
    size_t n = 0;
    for (size_t b = 0; b < BUCKETS; b++)
        for (struct word *w = table[b]; w; w = w->next)
            all[n++] = w;
    qsort(all, n, sizeof *all, by_count);
    clock_gettime(CLOCK_MONOTONIC, &end);

    printf("%s: %ld lines, %ld words, %zu distinct\n", path, lines, words, distinct);
    for (size_t i = 0; i < n && i < 8; i++)
        printf("  %-10s %4ld  %5.1f%%\n", all[i]->text, all[i]->count, 100.0 * all[i]->count / words);

    char date[64];
    time_t now = time(NULL);
    struct tm tm;
    strftime(date, sizeof date, "%A %d %B %Y", gmtime_r(&now, &tm));
    double ms = (end.tv_sec - start.tv_sec) * 1e3 + (end.tv_nsec - start.tv_nsec) / 1e6;
    printf("counted in %.3f ms on %s (UTC)\n", ms, date);

    for (size_t i = 0; i < n; i++) {
        free(all[i]->text);
        free(all[i]);
    }
    free(all);
    return 0;
}
