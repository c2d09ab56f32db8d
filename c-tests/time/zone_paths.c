// env: TZDIR=/usr/share/zoneinfo/America TZ=New_York
/* TZ names are looked up under TZDIR when it is set; absolute names are read as they are. */
#include "zone_show.h"

int main(void)
{
    show_zone_vars();
    time_t t = 1720000000;
    struct tm tm;
    T_CHECK(localtime_r(&t, &tm) == &tm);
    show_tm("New_York under TZDIR", &tm);
    return t_status();
}
