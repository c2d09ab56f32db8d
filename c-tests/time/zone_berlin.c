// env: TZ=Europe/Berlin
/* localtime, mktime, strftime, ctime and the tzset variables with TZ=Europe/Berlin, compared with glibc. */
#include "zone_show.h"

int main(void)
{
    show_zone_vars();
    check_second_names();
    show_localtime();
    show_mktime();
    return t_status();
}
