/* With TZ unset, the zone is /etc/localtime (UTC when missing), as in glibc. */
#include "zone_show.h"

int main(void)
{
    show_zone_vars();
    show_localtime();
    return t_status();
}
