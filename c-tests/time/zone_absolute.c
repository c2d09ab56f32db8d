// env: TZ=/usr/share/zoneinfo/Asia/Kolkata
/* An absolute TZ names the zone file directly. */
#include "zone_show.h"

int main(void)
{
    show_zone_vars();
    show_localtime();
    return t_status();
}
