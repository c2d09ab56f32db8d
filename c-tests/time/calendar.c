// env: TZ=UTC
/* gmtime, gmtime_r, timegm, difftime, asctime, asctime_r, ctime: fixed instants, fields out
 * of range, and EOVERFLOW for years that do not fit an int. */
#include <errno.h>
#include <limits.h>
#include <string.h>
#include <time.h>
#include "test.h"

static void show(const struct tm *tm)
{
    t_print_long(tm->tm_year);
    t_print(" ");
    t_print_long(tm->tm_mon);
    t_print(" ");
    t_print_long(tm->tm_mday);
    t_print(" ");
    t_print_long(tm->tm_hour);
    t_print(" ");
    t_print_long(tm->tm_min);
    t_print(" ");
    t_print_long(tm->tm_sec);
    t_print(" ");
    t_print_long(tm->tm_wday);
    t_print(" ");
    t_print_long(tm->tm_yday);
    t_print(" ");
    t_print_long(tm->tm_isdst);
    t_print(" ");
    t_print_long(tm->tm_gmtoff);
    t_print(" ");
    t_print(tm->tm_zone);
    t_print("\n");
}

int main(void)
{
    static const time_t instants[] = {
        0, -1, 86399, 86400, 951782400, 951868800, 1700000000, -2208988800, 253402300799,
        -62135596800, 67767976233316799, -67768040609740800,
    };
    for (unsigned i = 0; i < sizeof instants / sizeof instants[0]; i++) {
        struct tm tm;
        T_CHECK(gmtime_r(&instants[i], &tm) == &tm);
        show(&tm);
        struct tm copy = tm;
        T_EQ(timegm(&copy), instants[i]);
        struct tm *shared = gmtime(&instants[i]);
        T_CHECK(shared != NULL && shared->tm_sec == tm.tm_sec && shared->tm_year == tm.tm_year);
        char buf[26];
        if (asctime_r(&tm, buf) != NULL)
            t_print(buf);
        else
            t_print_kv("asctime_r errno ", errno);
    }

    /* Years beyond int: EOVERFLOW. */
    time_t huge = LLONG_MAX, tiny = LLONG_MIN, edge = 67768036191676800;
    struct tm tm;
    errno = 0;
    T_CHECK(gmtime_r(&huge, &tm) == NULL);
    T_EQ(errno, EOVERFLOW);
    errno = 0;
    T_CHECK(gmtime(&tiny) == NULL);
    T_EQ(errno, EOVERFLOW);
    errno = 0;
    T_CHECK(localtime_r(&edge, &tm) == NULL);
    T_EQ(errno, EOVERFLOW);

    /* timegm folds fields out of range and fills wday and yday. */
    memset(&tm, 0, sizeof tm);
    tm.tm_year = 123;
    tm.tm_mon = 13;
    tm.tm_mday = -3;
    tm.tm_hour = 49;
    tm.tm_min = -61;
    tm.tm_sec = 3661;
    time_t t = timegm(&tm);
    t_print_kv("timegm ", (long)t);
    show(&tm);
    memset(&tm, 0, sizeof tm);
    tm.tm_year = INT_MAX;
    tm.tm_mon = 12;
    tm.tm_mday = 1;
    errno = 0;
    T_EQ(timegm(&tm), -1);
    T_EQ(errno, EOVERFLOW);

    /* difftime is exact where a double can be. */
    T_CHECK(difftime(10, 3) == 7.0);
    T_CHECK(difftime(3, 10) == -7.0);
    T_CHECK(difftime(LLONG_MAX, LLONG_MIN) > 1.8e19);
    T_CHECK(difftime(1700000000, 0) == 1700000000.0);

    /* asctime: the classic layout; out-of-range names as "???"; EOVERFLOW past 9999. */
    memset(&tm, 0, sizeof tm);
    tm.tm_year = 73;
    tm.tm_mon = 8;
    tm.tm_mday = 16;
    tm.tm_hour = 1;
    tm.tm_min = 3;
    tm.tm_sec = 52;
    tm.tm_wday = 0;
    t_print(asctime(&tm));
    tm.tm_wday = 7;
    tm.tm_mon = 12;
    t_print(asctime(&tm));
    tm.tm_year = 8099;
    tm.tm_wday = 1;
    tm.tm_mon = 0;
    t_print(asctime(&tm));
    tm.tm_year = 8100;
    char buf[26];
    errno = 0;
    T_CHECK(asctime_r(&tm, buf) == NULL);
    T_EQ(errno, EOVERFLOW);
    time_t when = 1700000000;
    t_print(ctime(&when));
    T_CHECK(ctime_r(&when, buf) == buf);
    t_print(buf);
    return t_status();
}
