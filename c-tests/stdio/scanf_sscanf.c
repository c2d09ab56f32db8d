/* sscanf/vsscanf over a table of inputs and formats, every result printed so run.py compares
 * them with glibc's: counts and EOF rules, widths, suppression, every conversion, scan sets,
 * %n, numbered arguments, %m allocation, wide strings, and the va_list form. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include "test.h"

static int a, b, n;
static unsigned u;
static float f;
static double d;
static long double ld;
static char s[64], c[8];
static void *p;
static long long ll;
static short h;
static signed char hh;
static char line[512];

static void reset(void)
{
    a = b = n = -7;
    u = 7;
    f = -7;
    d = -7;
    ld = -7;
    strcpy(s, "untouched");
    strcpy(c, "zzzzzzz");
    p = NULL;
    ll = -7;
    h = -7;
    hh = -7;
}

static void show(const char *in, const char *fmt, int r)
{
    snprintf(line, sizeof line, "%-16s %-14s r=%d a=%d b=%d n=%d u=%u f=%g d=%.17g ld=%Lg s=[%s] c=[%.7s] p=%p ll=%lld h=%d hh=%d\n",
             in, fmt, r, a, b, n, u, f, d, ld, s, c, p, ll, h, hh);
    t_print(line);
    reset();
}

#define S(in, fmt, ...) show(in, fmt, sscanf(in, fmt, __VA_ARGS__))

static int via_va(const char *in, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = vsscanf(in, fmt, ap);
    va_end(ap);
    return r;
}

int main(void)
{
    reset();
    S("", "%d", &a);
    S(" ", "%d", &a);
    S("", " %n", &n);
    S("x", "%d", &a);
    S("5", "%*d%d", &a);
    S("5", "%d%d", &a, &b);
    S("1e", "%f%n", &f, &n);
    S("100ergs", "%lf%s", &d, s);
    S("1e+", "%lf%n", &d, &n);
    S("-", "%d%n", &a, &n);
    S("0x", "%x%n", &u, &n);
    S("0xg", "%x%s", &u, s);
    S("0x1g", "%i%s", &a, s);
    S("abc", "%5c%n", c, &n);
    S("", "%c", c);
    S("ab", "%c%c%c", c, c + 1, c + 2);
    S("99999999999", "%d", &a);
    S("99999999999999999999", "%lld", &ll);
    S("-99999999999999999999", "%lld", &ll);
    S("-1", "%u", &u);
    S("70000 300", "%hd %hhd", &h, &hh);
    S("  42  x", "%d %n", &a, &n);
    S("abc]def", "%[]a-c]%n", s, &n);
    S("abc", "%[^b]%n", s, &n);
    S("a-z", "%[a-]%n", s, &n);
    S("xyz", "%[abc]", s);
    S("12:34", "%d:%d", &a, &b);
    S("12 :34", "%d:%d", &a, &b);
    S("12 :34", "%d :%d", &a, &b);
    S("%5", "%%%d", &a);
    S(" %5", "%%%d", &a);
    S("inf nan", "%f %lf", &f, &d);
    S("infinity", "%f%n", &f, &n);
    S("infx", "%f%s", &f, s);
    S("inx", "%f%s", &f, s);
    S("nan(12)x", "%lf%s", &d, s);
    S("0x1.8p1", "%lf", &d);
    S(".5", "%lf", &d);
    S(".", "%lf%n", &d, &n);
    S("1.5e3", "%3lf%n", &d, &n);
    S("-1.25e-2", "%Lf", &ld);
    S("3.14159", "%e %g", &f, &f);
    S("12345", "%2d%3d", &a, &b);
    S("0x1f", "%p", &p);
    S("   abc def", "%s%n", s, &n);
    S("abcdefgh", "%3s%n", s, &n);
    S("a", "%2$d %1$s", s, &a);
    S("5 6", "%2$d %1$d", &a, &b);
    S("-0x10", "%i", &a);
    S("077", "%i", &a);
    S("089", "%i%n", &a, &n);
    S("+12", "%u", &u);
    S("  \n5", "%d", &a);
    S("777 778", "%o %o%n", &u, &a, &n);
    S("ff FF", "%x %X", &u, &a);
    S("x5", "x%d", &a);
    S("y5", "x%d", &a);
    S("", "x%d", &a);
    S("5", "%d%%", &a);
    S("7 8 9", "%d %*d %d", &a, &b);
    S("word", "%*s%n", &n);
    S("1.5 2.5", "%lf%*f%n", &d, &n);

    /* %m: the string in a new block from malloc. */
    char *m1 = NULL, *m2 = NULL;
    T_EQ(sscanf("hello world", "%ms %m[a-z]", &m1, &m2), 2);
    T_CHECK(m1 && strcmp(m1, "hello") == 0);
    T_CHECK(m2 && strcmp(m2, "world") == 0);
    free(m1);
    free(m2);
    m1 = NULL;
    T_EQ(sscanf("abc", "%3mc", &m1), 1);
    T_CHECK(m1 && memcmp(m1, "abc", 3) == 0);
    free(m1);

    /* Wide strings in the C locale. */
    wchar_t w[8] = { 0 };
    T_EQ(sscanf("hi there", "%ls", w), 1);
    T_CHECK(w[0] == L'h' && w[1] == L'i' && w[2] == 0);
    wchar_t wc = 0;
    T_EQ(sscanf("q", "%lc", &wc), 1);
    T_EQ(wc, L'q');

    /* The va_list form. */
    T_EQ(via_va("3 4.5 str", "%d %lf %s", &a, &d, s), 3);
    T_EQ(a, 3);
    T_CHECK(d == 4.5);
    T_CHECK(strcmp(s, "str") == 0);
    return t_status();
}
