// env: TZ=UTC0
/* localtime, mktime, strftime, ctime and the tzset variables with TZ=UTC0, compared with glibc. */
#include "zone_show.h"

int main(void)
{
    show_zone_vars();
    show_localtime();
    show_mktime();
    return t_status();
}
