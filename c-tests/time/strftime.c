// env: TZ=Europe/Berlin
/* strftime: every conversion, flags and widths, for several dates (ISO week edge cases
 * included), compared with glibc; the result that does not fit gives 0. */
#include <string.h>
#include <time.h>
#include "test.h"

static const char *const formats[] = {
    "%a|%A|%b|%B|%h|%c|%C|%d|%D|%e|%F|%g|%G|%H|%I|%j|%k|%l|%m|%M|%n|%p|%P|%r|%R|%s|%S|%t|%T",
    "%u|%U|%V|%w|%W|%x|%X|%y|%Y|%z|%Z|%%|%Ec|%EC|%Ex|%EX|%Ey|%EY|%Od|%Oe|%OH|%OI|%Om|%OM|%OS|%Ou|%OU|%OV|%Ow|%OW|%Oy",
    "%-d|%-m|%-H|%_d|%_m|%_H|%05d|%010Y|%^a|%^B|%#a|%#B|%#p|%#Z|%^p|%10A|%-10A|%3d|%8F|%12c|%6z",
    "plain text, no conversions",
    "%q %Q %J trailing %",
    "",
};

static const time_t instants[] = {
    0, 1700000000, 1609632000, 1735516800, 1704067200, 951782400, 1711846800, -1000000000, 4102444800,
};

int main(void)
{
    char buf[512];
    for (unsigned i = 0; i < sizeof instants / sizeof instants[0]; i++) {
        struct tm tm;
        T_CHECK(localtime_r(&instants[i], &tm) != NULL);
        for (unsigned f = 0; f < sizeof formats / sizeof formats[0]; f++) {
            memset(buf, 'x', sizeof buf);
            size_t n = strftime(buf, sizeof buf, formats[f], &tm);
            T_EQ(n, strlen(buf));
            t_print(buf);
            t_print("\n");
        }
        struct tm utc;
        T_CHECK(gmtime_r(&instants[i], &utc) != NULL);
        strftime(buf, sizeof buf, "%c %Z %z %s", &utc);
        t_print(buf);
        t_print("\n");
    }

    /* A result that does not fit, with its NUL, gives 0; an exact fit works. */
    struct tm tm;
    time_t t = 1700000000;
    localtime_r(&t, &tm);
    T_EQ(strftime(buf, 4, "%Y", &tm), 0);
    T_EQ(strftime(buf, 5, "%Y", &tm), 4);
    T_CHECK(strcmp(buf, "2023") == 0);
    const char *volatile empty = "";
    T_EQ(strftime(buf, 1, empty, &tm), 0);
    T_EQ(strftime(buf, 10, "%A", &tm), 7);

    /* Fields out of range print as numbers, names as "?". */
    struct tm odd;
    memset(&odd, 0, sizeof odd);
    odd.tm_wday = 9;
    odd.tm_mon = -3;
    odd.tm_mday = 99;
    odd.tm_hour = 30;
    odd.tm_year = -2000;
    odd.tm_zone = "ODD";
    odd.tm_gmtoff = -5400;
    strftime(buf, sizeof buf, "%a %A %b %B %d %H %I %p %Y %C %y %z %Z", &odd);
    t_print(buf);
    t_print("\n");
    return t_status();
}
