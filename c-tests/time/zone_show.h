/* Shared by the zone tests: prints what localtime, mktime, strftime and the tzset variables
 * give for fixed instants, so that each test (one TZ value each) compares them with glibc. */
#include <errno.h>
#include <string.h>
#include <time.h>
#include "test.h"

__attribute__((unused)) static void show_tm(const char *what, const struct tm *tm)
{
    t_print(what);
    t_print(": ");
    t_print_long(tm->tm_year + 1900);
    t_print("-");
    t_print_long(tm->tm_mon + 1);
    t_print("-");
    t_print_long(tm->tm_mday);
    t_print(" ");
    t_print_long(tm->tm_hour);
    t_print(":");
    t_print_long(tm->tm_min);
    t_print(":");
    t_print_long(tm->tm_sec);
    t_print(" wday ");
    t_print_long(tm->tm_wday);
    t_print(" yday ");
    t_print_long(tm->tm_yday);
    t_print(" isdst ");
    t_print_long(tm->tm_isdst);
    t_print(" gmtoff ");
    t_print_long(tm->tm_gmtoff);
    t_print(" zone ");
    t_print(tm->tm_zone ? tm->tm_zone : "(null)");
    t_print("\n");
}

__attribute__((unused)) static void show_zone_vars(void)
{
    tzset();
    t_print("tzname ");
    t_print(tzname[0]);
    t_print(" ");
    t_print(tzname[1]);
    t_print_kv(" timezone ", timezone);
    t_print_kv("daylight ", daylight);
}

/* Instants around the 2024 European and American changes, far past and future, epoch. */
static const time_t instants[] = {
    0, 1711846799, 1711846800, 1729990799, 1729990800, 1710054000, 1730613600, 1700000000,
    -2000000000, 4102444800, 7258118400, 951782400, -1,
};

__attribute__((unused)) static void show_localtime(void)
{
    for (unsigned i = 0; i < sizeof instants / sizeof instants[0]; i++) {
        struct tm tm;
        memset(&tm, 0, sizeof tm);
        T_CHECK(localtime_r(&instants[i], &tm) == &tm);
        t_print_kv("t ", (long)instants[i]);
        show_tm("  local", &tm);
        char buf[128];
        size_t n = strftime(buf, sizeof buf, "  %Y-%m-%d %H:%M:%S %Z %z %s", &tm);
        T_CHECK(n > 0);
        t_print(buf);
        t_print("\n");
        struct tm copy = tm;
        T_EQ(mktime(&copy), instants[i]);
        char text[26];
        T_CHECK(ctime_r(&instants[i], text) == text);
        t_print(text);
        struct tm *shared = localtime(&instants[i]);
        T_CHECK(shared != NULL && shared->tm_hour == tm.tm_hour && shared->tm_gmtoff == tm.tm_gmtoff);
    }
}

/* mktime of local wall times, with each tm_isdst hint: normal, in the 2024 spring-forward
 * gap and fall-back overlap of Europe and of the United States, and out-of-range fields. */
__attribute__((unused)) static void show_mktime(void)
{
    static const int walls[][5] = {
        { 2024, 3, 31, 2, 30 }, { 2024, 10, 27, 2, 30 }, { 2024, 3, 10, 2, 30 }, { 2024, 11, 3, 1, 30 },
        { 2024, 1, 15, 12, 0 }, { 2024, 7, 15, 12, 0 }, { 2024, 14, 40, 30, 75 }, { 1969, 12, 31, 23, 59 },
    };
    for (unsigned i = 0; i < sizeof walls / sizeof walls[0]; i++) {
        for (int isdst = -1; isdst <= 1; isdst++) {
            struct tm tm;
            memset(&tm, 0, sizeof tm);
            tm.tm_year = walls[i][0] - 1900;
            tm.tm_mon = walls[i][1] - 1;
            tm.tm_mday = walls[i][2];
            tm.tm_hour = walls[i][3];
            tm.tm_min = walls[i][4];
            tm.tm_sec = 0;
            tm.tm_isdst = isdst;
            time_t t = mktime(&tm);
            t_print_kv("mktime isdst ", isdst);
            t_print_kv("  -> ", (long)t);
            show_tm("  normalised", &tm);
        }
    }
}

/* glibc's second names of the tzset variables hold the same values. */
__attribute__((unused)) static void check_second_names(void)
{
    tzset();
    T_CHECK(__tzname[0] == tzname[0] && __tzname[1] == tzname[1]);
    T_EQ(__timezone, timezone);
    T_EQ(__daylight, daylight);
}
