// env: TZ=:No/Such/Zone
/* A TZ naming no zone file gives UTC offsets (as glibc). */
#include "zone_show.h"

int main(void)
{
    time_t t = 1700000000;
    struct tm tm;
    T_CHECK(localtime_r(&t, &tm) == &tm);
    T_EQ(tm.tm_gmtoff, 0);
    T_EQ(tm.tm_hour, 22);
    T_EQ(tm.tm_isdst, 0);
    tzset();
    T_EQ(timezone, 0);
    T_EQ(daylight, 0);
    return t_status();
}
