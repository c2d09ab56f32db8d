/* if_nametoindex, if_indextoname, if_nameindex, if_freenameindex: the loopback interface
 * "lo" both ways and in the list, every listed entry consistent with the single lookups,
 * and the errors (ENODEV for an unknown or too long name, ENXIO for an unknown index). */
#include <net/if.h>
#include <stdio.h>
#include <string.h>
#include "test.h"

int main(void)
{
    unsigned lo = if_nametoindex("lo");
    T_CHECK(lo > 0);
    char name[IF_NAMESIZE];
    memset(name, 'x', sizeof name);
    T_CHECK(if_indextoname(lo, name) == name);
    T_CHECK(strcmp(name, "lo") == 0);

    struct if_nameindex *list = if_nameindex();
    T_CHECK(list != NULL);
    int found = 0, count = 0;
    for (struct if_nameindex *p = list; p && p->if_index != 0; p++) {
        count++;
        T_CHECK(p->if_name != NULL);
        T_CHECK(strlen(p->if_name) < IF_NAMESIZE);
        T_EQ(if_nametoindex(p->if_name), p->if_index);
        T_CHECK(if_indextoname(p->if_index, name) == name);
        T_CHECK(strcmp(name, p->if_name) == 0);
        found += p->if_index == lo && strcmp(p->if_name, "lo") == 0;
    }
    T_EQ(found, 1);
    T_CHECK(count >= 1);
    if (list) {
        /* The end: index 0 and a null name. */
        T_CHECK(list[count].if_name == NULL);
        if_freenameindex(list);
    }
    printf("lo listed among the interfaces\n");

    errno = 0;
    T_EQ(if_nametoindex("no-such-if0"), 0);
    T_EQ(errno, ENODEV);
    errno = 0;
    T_EQ(if_nametoindex("0123456789abcdefghij"), 0);
    T_EQ(errno, ENODEV);
    errno = 0;
    T_EQ(if_nametoindex(""), 0);
    T_EQ(errno, ENODEV);
    errno = 0;
    T_CHECK(if_indextoname(0, name) == NULL);
    T_EQ(errno, ENXIO);
    errno = 0;
    T_CHECK(if_indextoname(0x7fffffff, name) == NULL);
    T_EQ(errno, ENXIO);
    return t_status();
}
