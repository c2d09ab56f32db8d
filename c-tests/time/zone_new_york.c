// env: TZ=America/New_York
/* localtime, mktime, strftime, ctime and the tzset variables with TZ=America/New_York, compared with glibc. */
#include "zone_show.h"

int main(void)
{
    show_zone_vars();
    show_localtime();
    show_mktime();
    return t_status();
}
