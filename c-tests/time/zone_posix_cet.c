// env: TZ=CET-1CEST,M3.5.0,M10.5.0/3
/* localtime, mktime, strftime, ctime and the tzset variables with TZ=CET-1CEST,M3.5.0,M10.5.0/3, compared with glibc. */
#include "zone_show.h"

int main(void)
{
    show_zone_vars();
    show_localtime();
    show_mktime();
    return t_status();
}
