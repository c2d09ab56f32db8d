// env: TZ=Asia/Tokyo
/* localtime, mktime, strftime, ctime and the tzset variables with TZ=Asia/Tokyo, compared with glibc. */
#include "zone_show.h"

int main(void)
{
    show_zone_vars();
    show_localtime();
    show_mktime();
    return t_status();
}
