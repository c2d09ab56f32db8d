/* fnmatch: a table of patterns, strings and flags, and a few thousand generated cases, in the
 * C locale and in C.UTF-8. The results are printed, so glibc's builds are the oracle; the
 * cases whose answers POSIX fixes are also checked here. */
#include <fnmatch.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include "test.h"

struct fcase {
    const char *pattern, *string;
    int flags;
};

static const struct fcase cases[] = {
    {"", "", 0}, {"", "a", 0}, {"a", "", 0}, {"abc", "abc", 0}, {"abc", "abd", 0},
    {"?", "a", 0}, {"?", "", 0}, {"??", "a", 0}, {"a?c", "abc", 0}, {"*", "", 0},
    {"*", "anything", 0}, {"a*", "a", 0}, {"a*c", "abbbc", 0}, {"a*c", "abbbd", 0},
    {"*c", "c", 0}, {"*a*b*c*", "xaxbxcx", 0}, {"*a*b*c*", "xaxcxbx", 0}, {"**", "ab", 0},
    {"*?", "", 0}, {"*?", "a", 0}, {"?*?", "a", 0}, {"*??*", "ab", 0}, {"a*b*", "ab", 0},
    {"*ab", "aab", 0}, {"*aab", "aab", 0}, {"*abc*abd", "abcabcabd", 0},
    /* Escapes. */
    {"\\*", "*", 0}, {"\\*", "a", 0}, {"\\?", "?", 0}, {"\\a", "a", 0}, {"a\\", "a", 0},
    {"a\\", "a\\", 0}, {"a\\", "a\\", FNM_NOESCAPE}, {"\\*", "\\a", FNM_NOESCAPE},
    {"\\*", "*", FNM_NOESCAPE}, {"\\\\", "\\", 0}, {"*\\*", "ab*", 0}, {"*\\", "ab", 0},
    {"*\\a", "xa", 0}, {"[\\]]", "]", 0}, {"[\\]]", "\\", 0}, {"[\\]]", "\\]", FNM_NOESCAPE},
    {"[a\\-z]", "-", 0}, {"[a\\-z]", "b", 0}, {"[\\", "[\\", 0}, {"[\\", "[", 0},
    /* Sets. */
    {"[abc]", "b", 0}, {"[abc]", "d", 0}, {"[a-c]", "b", 0}, {"[a-c]", "d", 0},
    {"[c-a]", "b", 0}, {"[c-a]", "c", 0}, {"[!a-c]", "d", 0}, {"[!a-c]", "b", 0},
    {"[^a-c]", "d", 0}, {"[^a-c]", "a", 0}, {"[]]", "]", 0}, {"[]a]", "a", 0},
    {"[!]]", "]", 0}, {"[!]]", "a", 0}, {"[]-a]", "_", 0}, {"[]-a]", "b", 0},
    {"[a-]", "-", 0}, {"[-a]", "-", 0}, {"[a-c-e]", "d", 0}, {"[a-c-e]", "-", 0},
    {"[", "[", 0}, {"[", "a", 0}, {"[a", "[a", 0}, {"[a", "a", 0}, {"[ab", "[ab", 0},
    {"[]", "[]", 0}, {"[!]", "[!]", 0}, {"a[", "a[", 0}, {"[a]b[", "ab[", 0},
    {"[a-", "[a-", 0}, {"[a-]", "b", 0}, {"[a-\\]", "b", 0}, {"[a-\\]]", "]", 0},
    {"[a-\\", "[a-\\", 0}, {"*[", "x[", 0}, {"*[a", "x[a", 0}, {"[*]", "*", 0},
    {"[?]", "a", 0}, {"[[", "[[", 0}, {"[[", "[", 0}, {"[[\\", "[[\\", 0}, {"[[[:", "[[[:", 0},
    {"[[[:al", "[[[:al", 0}, {"[[[=a", "[[[=a", 0}, {"[[[=a=", "[[[=a=", 0}, {"[[[.a", "[[[.a", 0},
    {"[a[:al", "a", 0}, {"[a[:al", "[a[:al", 0}, {"[a[=", "[a[=", 0}, {"[a[.", "[a[.", 0},
    {"[a[:alpha:]", "[a[:alpha:]", 0}, {"[!a", "[!a", 0}, {"[!a", "b", 0}, {"[!a]]", "b]", 0}, {"[[]", "[", 0}, {"[[]]", "[]", 0}, {"[a[]", "[", 0},
    {"[!a]x", "bx", 0}, {"[!a]", "", 0}, {"a[b]c", "abc", 0}, {"[a]]", "a]", 0},
    {"[]a]]", "]]", 0}, {"[ab]*[cd]", "axxd", 0}, {"[ab]*[cd]", "axxe", 0},
    /* Classes. */
    {"[[:alpha:]]", "a", 0}, {"[[:alpha:]]", "1", 0}, {"[[:digit:]]", "7", 0},
    {"[[:digit:][:alpha:]]", "x", 0}, {"[![:digit:]]", "x", 0}, {"[![:digit:]]", "5", 0},
    {"[[:upper:]]", "A", 0}, {"[[:upper:]]", "a", 0}, {"[[:upper:]]", "a", FNM_CASEFOLD},
    {"[[:lower:]]", "A", FNM_CASEFOLD}, {"[[:space:]]", " ", 0}, {"[[:blank:]]", "\t", 0},
    {"[[:punct:]]", "!", 0}, {"[[:xdigit:]]", "f", 0}, {"[[:xdigit:]]", "g", 0},
    {"[[:cntrl:]]", "\x01", 0}, {"[[:print:]]", " ", 0}, {"[[:graph:]]", " ", 0},
    {"[[:alnum:]]", "_", 0}, {"[[:foo:]]", "a", 0}, {"[[:foo:]]", "[", 0},
    {"[[:Alpha:]]", "A", 0}, {"[[:Alpha:]]", ":", 0}, {"[[:alpha:]", "a", 0},
    {"[[:alpha:]", "[", 0}, {"[[:alpha]", "a", 0}, {"[[:alpha]", ":", 0},
    {"[[:alpha:]x", "a", 0}, {"[[:al1pha:]]", "a", 0}, {"[[:alpha:]-z]", "-", 0},
    {"[[:alpha:]-z]", "5", 0}, {"[a[:digit:]]", "a", 0}, {"[a[:digit:]]", "3", 0},
    {"[[:alpha:][:foo:]]", "a", 0}, {"[[:digit:][:foo:]]", "a", 0}, {"[[:]]", ":", 0},
    {"[[:]]", "]", 0}, {"[[::]]", ":", 0}, {"[[:z:]]", "z", 0}, {"[[:alpha:]\\]]", "a", 0},
    {"[[:alpha:][:digit:]\\]]", "a]", 0}, {"[[:alpha:][:digit:]\\]]", "a", 0},
    /* Equivalence classes and collating symbols. */
    {"[[=a=]]", "a", 0}, {"[[=a=]]", "b", 0}, {"[[=a=]b]", "b", 0}, {"[[=a=]]", "A", FNM_CASEFOLD},
    {"[[=a]", "a", 0}, {"[[=a]", "=", 0}, {"[[=ab=]]", "a", 0}, {"[[==]]", "=", 0},
    {"[[=", "[[=", 0}, {"[a[=b]", "a", 0}, {"[a[=b=]", "a", 0}, {"[[.a.]]", "a", 0},
    {"[[.a.]]", "b", 0}, {"[[.ab.]]", "a", 0}, {"[[.a.]-c]", "b", 0}, {"[[.a.]-]", "a", 0},
    {"[[.a.]-]", "-", 0}, {"[a-[.c.]]", "b", 0}, {"[a-[.c.]]", "d", 0}, {"[[.a", "a", 0},
    {"[[.-.]]", "-", 0}, {"[[...]]", ".", 0}, {"[x[.a.]]", "x", 0}, {"[x[.a]", "x", 0},
    /* Case folding. */
    {"abc", "ABC", FNM_CASEFOLD}, {"ABC", "abc", FNM_CASEFOLD}, {"a*C", "AbC", FNM_CASEFOLD},
    {"[A-C]", "b", FNM_CASEFOLD}, {"[a-c]", "B", FNM_CASEFOLD}, {"[a-c]", "B", 0},
    {"[B]", "b", FNM_CASEFOLD}, {"\\A", "a", FNM_CASEFOLD}, {"*\\A", "xa", FNM_CASEFOLD},
    {"[!A]", "a", FNM_CASEFOLD}, {"[Z-a]", "_", FNM_CASEFOLD}, {"[Z-a]", "_", 0},
    /* FNM_PATHNAME. */
    {"*", "a/b", FNM_PATHNAME}, {"*/*", "a/b", FNM_PATHNAME}, {"a?b", "a/b", FNM_PATHNAME},
    {"a?b", "a/b", 0}, {"a[/]b", "a/b", FNM_PATHNAME}, {"a[/]b", "a/b", 0},
    {"a[!x]b", "a/b", FNM_PATHNAME}, {"*b", "a/b", FNM_PATHNAME}, {"a/*", "a/b/c", FNM_PATHNAME},
    {"a/*/c", "a/b/c", FNM_PATHNAME}, {"a*/c", "ab/c", FNM_PATHNAME}, {"*/c", "a/b/c", FNM_PATHNAME},
    {"a/*", "a/", FNM_PATHNAME}, {"*/", "a/", FNM_PATHNAME}, {"a*", "a/b", FNM_PATHNAME},
    {"a*/", "a/b", FNM_PATHNAME}, {"/*", "/a", FNM_PATHNAME}, {"*", "/", FNM_PATHNAME},
    {"a\\/b", "a/b", FNM_PATHNAME}, {"*[/]b", "a/b", FNM_PATHNAME}, {"**/b", "a/b", FNM_PATHNAME},
    {"*?/b", "a/b", FNM_PATHNAME}, {"*?", "/", FNM_PATHNAME}, {"a*b*c", "axb/c", FNM_PATHNAME},
    /* FNM_PERIOD. */
    {"*", ".a", FNM_PERIOD}, {"?a", ".a", FNM_PERIOD}, {"[.]a", ".a", FNM_PERIOD},
    {"[!a]a", ".a", FNM_PERIOD}, {".*", ".a", FNM_PERIOD}, {"*", ".a", 0}, {"a*", "a.b", FNM_PERIOD},
    {"*/*", "a/.b", FNM_PERIOD}, {"*/*", "a/.b", FNM_PERIOD | FNM_PATHNAME},
    {"*/?b", "a/.b", FNM_PERIOD | FNM_PATHNAME}, {"*/.*", "a/.b", FNM_PERIOD | FNM_PATHNAME},
    {"a/[.]b", "a/.b", FNM_PERIOD | FNM_PATHNAME}, {"*", ".", FNM_PERIOD}, {"\\.a", ".a", FNM_PERIOD},
    {"*a", "b.a", FNM_PERIOD}, {"*.a", "b.a", FNM_PERIOD}, {"**", ".a", FNM_PERIOD},
    {"*[.]", "a.", FNM_PERIOD}, {"*[.]a", "b.a", FNM_PERIOD | FNM_PATHNAME},
    {"a*/*", "ab/.c", FNM_PERIOD | FNM_PATHNAME}, {"a/*", "a/.", FNM_PERIOD | FNM_PATHNAME},
    /* FNM_LEADING_DIR. */
    {"a", "a/b", FNM_LEADING_DIR}, {"a", "ab", FNM_LEADING_DIR}, {"a*", "abc/d", FNM_LEADING_DIR},
    {"a*", "abc/d", FNM_LEADING_DIR | FNM_PATHNAME}, {"a/b", "a/b/c/d", FNM_LEADING_DIR},
    {"a?", "a/b", FNM_LEADING_DIR}, {"a", "a/", FNM_LEADING_DIR}, {"*", "a/b", FNM_LEADING_DIR | FNM_PATHNAME},
    {"*b", "a/b", FNM_LEADING_DIR | FNM_PATHNAME}, {"a[/]", "a/", FNM_LEADING_DIR | FNM_PATHNAME},
    /* FNM_EXTMATCH. */
    {"a*b?", "axxbc", FNM_EXTMATCH}, {"[a-c]", "b", FNM_EXTMATCH}, {"a(b)", "a(b)", FNM_EXTMATCH},
    {"\\*(b)", "*(b)", FNM_EXTMATCH}, {"@(a|b)", "a", FNM_EXTMATCH}, {"@(a|b)", "ab", FNM_EXTMATCH},
    {"@(a|b)", "a", 0}, {"@(a|b)", "@(a|b)", 0}, {"?(a|b)c", "c", FNM_EXTMATCH}, {"?(a|b)c", "ac", FNM_EXTMATCH},
    {"?(a|b)c", "abc", FNM_EXTMATCH}, {"*(a|b)c", "ababc", FNM_EXTMATCH}, {"*(a|b)c", "c", FNM_EXTMATCH},
    {"*(a|b)c", "acx", FNM_EXTMATCH}, {"+(a|b)c", "c", FNM_EXTMATCH}, {"+(a|b)c", "babac", FNM_EXTMATCH},
    {"+(ab)", "ababab", FNM_EXTMATCH}, {"+(ab)", "ababa", FNM_EXTMATCH}, {"!(a)", "a", FNM_EXTMATCH},
    {"!(a)", "b", FNM_EXTMATCH}, {"!(a)", "aa", FNM_EXTMATCH}, {"!(a)", "", FNM_EXTMATCH},
    {"!(*.c)", "x.c", FNM_EXTMATCH}, {"!(*.c)", "x.h", FNM_EXTMATCH}, {"a!(b)c", "abc", FNM_EXTMATCH},
    {"a!(b)c", "axc", FNM_EXTMATCH}, {"a!(b)c", "ac", FNM_EXTMATCH}, {"@(a|@(b|c))", "c", FNM_EXTMATCH},
    {"@(a", "@(a", FNM_EXTMATCH}, {"*(a", "*(a", FNM_EXTMATCH}, {"*(a", "xx(a", FNM_EXTMATCH},
    {"@([)])", ")", FNM_EXTMATCH}, {"@([)]|b)", "b", FNM_EXTMATCH}, {"@(a\\|b)", "b", FNM_EXTMATCH},
    {"*@(a|b)", "xxb", FNM_EXTMATCH}, {"*?(a)", "xx", FNM_EXTMATCH}, {"**(a)b", "xab", FNM_EXTMATCH},
    {"*+(a)", "xx", FNM_EXTMATCH}, {"*!(a)", "xa", FNM_EXTMATCH}, {"*(*)", "abc", FNM_EXTMATCH},
    {"@(*)", ".a", FNM_EXTMATCH | FNM_PERIOD}, {"*(a)", ".a", FNM_EXTMATCH | FNM_PERIOD},
    {"a/@(b|.c)", "a/.c", FNM_EXTMATCH | FNM_PERIOD | FNM_PATHNAME}, {"a/!(b)", "a/.c", FNM_EXTMATCH | FNM_PERIOD | FNM_PATHNAME},
    {"+(a/)b", "a/a/b", FNM_EXTMATCH | FNM_PATHNAME}, {"@(A|b)", "a", FNM_EXTMATCH | FNM_CASEFOLD},
    {"!()", "", FNM_EXTMATCH}, {"@()", "", FNM_EXTMATCH}, {"@(|a)", "", FNM_EXTMATCH}, {"+()", "", FNM_EXTMATCH},
    /* Bytes above 0x7f in the C locale are characters of their own. */
    {"?", "\xc3\xa9", 0}, {"??", "\xc3\xa9", 0}, {"[\xc3\xa9]", "\xa9", 0}, {"[[:alpha:]]", "\xe9", 0},
    {"[\x80-\xff]", "\xe9", 0}, {"\xe9", "\xe9", FNM_CASEFOLD}, {"*", "\xff\xfe", 0},
};

/* Cases for C.UTF-8, where a multibyte character is one character. */
static const struct fcase utf8_cases[] = {
    {"?", "\xc3\xa9", 0}, {"??", "\xc3\xa9", 0}, {"a?c", "a\xe2\x82\xac" "c", 0},
    {"*\xe2\x82\xac", "x\xe2\x82\xac", 0}, {"[\xc3\xa9]", "\xc3\xa9", 0}, {"[\xc3\xa9]", "\xa9", 0},
    {"[\xc3\xa0-\xc3\xbf]", "\xc3\xa9", 0}, {"[a-\xc3\xbf]", "\xc3\xa9", 0}, {"[a-\xc3\xbf]", "z", 0},
    {"[\xc3\xa0-\xc3\xbf]", "a", 0}, {"[!\xc3\xa9]", "\xc3\xa8", 0}, {"[!\xc3\xa9]", "\xc3\xa9", 0},
    {"[[:alpha:]]", "\xc3\xa9", 0}, {"[[:upper:]]", "\xc3\x89", 0}, {"[[:lower:]]", "\xc3\x89", 0},
    {"[[:digit:]]", "\xd9\xa3", 0}, {"[[:punct:]]", "\xe2\x82\xac", 0}, {"[[:space:]]", "\xe3\x80\x80", 0},
    {"\xc3\xa9", "\xc3\x89", FNM_CASEFOLD}, {"\xc3\x89", "\xc3\xa9", FNM_CASEFOLD}, {"\xc3\xa9", "\xc3\x89", 0},
    {"[\xc3\x80-\xc3\x9e]", "\xc3\xa9", FNM_CASEFOLD}, {"\xce\xa3*", "\xcf\x83\xce\xb1", FNM_CASEFOLD},
    {"[[=\xc3\xa9=]]", "\xc3\xa9", 0}, {"[[.\xc3\xa9.]]", "\xc3\xa9", 0}, {"[[.\xc3\xa9.]-\xc3\xbf]", "\xc3\xb0", 0},
    {"\\\xc3\xa9", "\xc3\xa9", 0}, {"*[\xc3\xa9]", "ab\xc3\xa9", 0}, {"[\xf0\x9f\x98\x80-\xf0\x9f\x98\x8f]", "\xf0\x9f\x98\x85", 0},
    {"?", "\xf0\x9f\x98\x85", 0}, {"*", "\xc3", 0}, {"\xc3", "\xc3", 0}, {"a", "\xff", 0},
    {"[", "\xe9", 0}, {"*/?", "a/\xc3\xa9", FNM_PATHNAME}, {"\xc3\xa9*", "\xc3\xa9.x", FNM_PERIOD},
    {"*", ".\xc3\xa9", FNM_PERIOD}, {"[[:alpha:]]*", "\xe4\xb8\xad\xe6\x96\x87", 0},
};

static void print_escaped(const char *s)
{
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c < 0x20 || c >= 0x7f || c == '\\')
            printf("\\x%02x", c);
        else
            putchar(c);
    }
}

static void run_table(const struct fcase *t, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        int r = fnmatch(t[i].pattern, t[i].string, t[i].flags);
        T_CHECK(r == 0 || r == FNM_NOMATCH || r == -1);
        print_escaped(t[i].pattern);
        printf(" | ");
        print_escaped(t[i].string);
        printf(" | %d -> %d\n", t[i].flags, r);
    }
}

static unsigned long seed = 12345;

static unsigned next_random(unsigned n)
{
    seed = seed * 6364136223846793005UL + 1442695040888963407UL;
    return (unsigned)(seed >> 33) % n;
}

/* A random string of the pieces. */
static void make(char *out, size_t cap, const char *const *pieces, unsigned npieces, unsigned maxlen)
{
    size_t len = 0;
    unsigned count = next_random(maxlen + 1);
    out[0] = 0;
    for (unsigned i = 0; i < count; i++) {
        const char *p = pieces[next_random(npieces)];
        size_t l = strlen(p);
        if (len + l + 1 > cap)
            break;
        memcpy(out + len, p, l + 1);
        len += l;
    }
}

/* A string shaped like the pattern: wildcards replaced by string pieces, the rest kept, so
 * that many generated cases come close to matching. */
static void derive(char *out, size_t cap, const char *pattern, const char *const *pieces, unsigned npieces)
{
    size_t len = 0;
    for (const char *p = pattern; *p && len + 8 < cap; p++) {
        unsigned copies = *p == '*' ? next_random(3) : 1;
        if (*p == '*' || *p == '?' || *p == '[') {
            for (unsigned i = 0; i < copies; i++) {
                const char *piece = pieces[next_random(npieces)];
                size_t l = strlen(piece);
                if (len + l + 8 >= cap)
                    break;
                memcpy(out + len, piece, l);
                len += l;
            }
        } else if (*p != ']' && *p != '\\') {
            out[len++] = *p;
        }
    }
    out[len] = 0;
}

/* Generated cases: patterns of wildcards, sets and escapes against strings of the same
 * letters, under every flag combination; one digit per case (0 match, 1 no match, 2 error). */
static void run_generated_extended(int utf8)
{
    static const char *const pat_pieces[] = {"a", "b", ".", "/", "*", "?", "@(", "*(", "+(", "!(", "?(", "|", ")", "[", "]",
                                             "\\", "\xc3\xa9"};
    static const char *const str_pieces[] = {"a", "b", ".", "/", "(", ")", "|", "\xc3\xa9"};
    static const int flag_sets[] = {FNM_EXTMATCH, FNM_EXTMATCH | FNM_PATHNAME, FNM_EXTMATCH | FNM_PERIOD,
                                    FNM_EXTMATCH | FNM_PATHNAME | FNM_PERIOD | FNM_LEADING_DIR};
    char pattern[64], string[64];
    unsigned long sum = 0;
    for (int i = 0; i < 3000; i++) {
        make(pattern, sizeof pattern, pat_pieces, sizeof pat_pieces / sizeof *pat_pieces - (utf8 ? 0 : 1), 8);
        if (i % 2)
            make(string, sizeof string, str_pieces, sizeof str_pieces / sizeof *str_pieces - (utf8 ? 0 : 1), 6);
        else
            derive(string, sizeof string, pattern, str_pieces, sizeof str_pieces / sizeof *str_pieces - (utf8 ? 0 : 1));
        for (unsigned f = 0; f < sizeof flag_sets / sizeof *flag_sets; f++) {
            int r = fnmatch(pattern, string, flag_sets[f]);
            putchar(r == 0 ? '0' : r == FNM_NOMATCH ? '1' : '2');
            sum += (unsigned long)(r == 0);
        }
        if (i % 16 == 15)
            putchar('\n');
    }
    printf("generated extended matches: %lu\n", sum);
}

static void run_generated(int utf8)
{
    static const char *const pat_pieces[] = {"a", "b", "A", ".", "/", "*", "?", "[", "]", "!", "^", "-",
                                             "\\", "[:alpha:]", "[:upper:]", "[.a.]", "[=b=]", "\xc3\xa9", "\xc3\x89"};
    static const char *const str_pieces[] = {"a", "b", "A", "B", ".", "/", "-", "]", "[", "\\", "!", "\xc3\xa9", "\xc3\x89"};
    static const int flag_sets[] = {0, FNM_PATHNAME, FNM_PERIOD, FNM_PATHNAME | FNM_PERIOD, FNM_NOESCAPE,
                                    FNM_CASEFOLD, FNM_LEADING_DIR, FNM_LEADING_DIR | FNM_PATHNAME | FNM_CASEFOLD};
    char pattern[64], string[64];
    unsigned long sum = 0;
    for (int i = 0; i < 3000; i++) {
        make(pattern, sizeof pattern, pat_pieces, sizeof pat_pieces / sizeof *pat_pieces - (utf8 ? 0 : 2), 7);
        if (i % 2)
            make(string, sizeof string, str_pieces, sizeof str_pieces / sizeof *str_pieces - (utf8 ? 0 : 2), 6);
        else
            derive(string, sizeof string, pattern, str_pieces, sizeof str_pieces / sizeof *str_pieces - (utf8 ? 0 : 2));
        for (unsigned f = 0; f < sizeof flag_sets / sizeof *flag_sets; f++) {
            int r = fnmatch(pattern, string, flag_sets[f]);
            putchar(r == 0 ? '0' : r == FNM_NOMATCH ? '1' : '2');
            sum += (unsigned long)(r == 0);
        }
        if (i % 8 == 7)
            putchar('\n');
    }
    printf("generated matches: %lu\n", sum);
}

int main(void)
{
    /* What POSIX fixes. */
    T_EQ(fnmatch("a*", "abc", 0), 0);
    T_EQ(fnmatch("a*", "bc", 0), FNM_NOMATCH);
    T_EQ(fnmatch("*", ".x", FNM_PERIOD), FNM_NOMATCH);
    T_EQ(fnmatch("*", "a/b", FNM_PATHNAME), FNM_NOMATCH);
    T_EQ(fnmatch("[!a]", "b", 0), 0);
    T_EQ(fnmatch("\\*", "*", 0), 0);
    T_EQ(fnmatch("\\*", "x", 0), FNM_NOMATCH);

    run_table(cases, sizeof cases / sizeof *cases);
    run_generated(0);
    run_generated_extended(0);

    T_CHECK(setlocale(LC_ALL, "C.UTF-8") != NULL);
    run_table(utf8_cases, sizeof utf8_cases / sizeof *utf8_cases);
    run_generated(1);
    run_generated_extended(1);
    /* Strings that are not UTF-8 are matched as bytes. */
    T_EQ(fnmatch("*", "\xff", 0), 0);
    T_EQ(fnmatch("\xc3", "a", 0), FNM_NOMATCH);
    T_EQ(fnmatch("?", "\xc3\xa9", 0), 0);
    return t_status();
}
