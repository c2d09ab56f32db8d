// env: TZ=NZST-12NZDT,M9.5.0,M4.1.0/3
/* localtime, mktime, strftime, ctime and the tzset variables with TZ=NZST-12NZDT,M9.5.0,M4.1.0/3, compared with glibc. */
#include "zone_show.h"

int main(void)
{
    show_zone_vars();
    show_localtime();
    show_mktime();
    return t_status();
}
