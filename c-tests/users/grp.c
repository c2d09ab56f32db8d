/* The group database: root by name and by id, the _r forms (ERANGE for a buffer too small),
 * getgrouplist, and, in a child (child.h), names and ids that do not exist, the getgrent walk
 * and getgrouplist for a member of a group. */
#include <errno.h>
#include <grp.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include "child.h"

static void show(const struct group *g)
{
    printf("%s:%s:%u:", g->gr_name, g->gr_passwd, (unsigned)g->gr_gid);
    for (char **m = g->gr_mem; *m; m++)
        printf("%s%s", m == g->gr_mem ? "" : ",", *m);
    printf("\n");
}

static void missing(void)
{
    struct group gr, *result = &gr;
    char buf[4096];
    T_CHECK(getgrnam("no-such-group-rustcrt") == NULL);
    T_CHECK(getgrgid(54321) == NULL);
    T_RET(getgrnam_r("no-such-group-rustcrt", &gr, buf, sizeof buf, &result), 0);
    T_CHECK(result == NULL);
    result = &gr;
    T_RET(getgrgid_r(54321, &gr, buf, sizeof buf, &result), 0);
    T_CHECK(result == NULL);

    /* The walk finds root once; a group with members is in each member's group list. */
    int roots = 0, entries = 0;
    char member[64] = "";
    gid_t member_of = 0;
    setgrent();
    for (struct group *g; (g = getgrent()) != NULL; entries++) {
        if (strcmp(g->gr_name, "root") == 0 && g->gr_gid == 0)
            roots++;
        if (!member[0] && g->gr_mem[0]) {
            snprintf(member, sizeof member, "%s", g->gr_mem[0]);
            member_of = g->gr_gid;
        }
    }
    endgrent();
    T_EQ(roots, 1);
    T_CHECK(entries > 1);
    if (member[0]) {
        gid_t groups[64];
        int n = 64;
        int count = getgrouplist(member, 99999, groups, &n);
        T_CHECK(count >= 2 && count == n);
        T_EQ(groups[0], 99999);
        int found = 0;
        for (int i = 1; i < count; i++)
            found += groups[i] == member_of;
        T_EQ(found, 1);
    }
    setgrent();
    struct group *g = getgrent();
    T_CHECK(g != NULL);
    endgrent();
}

int main(int argc, char **argv)
{
    (void)argc;
    struct group *g = getgrnam("root");
    T_CHECK(g != NULL);
    if (g)
        show(g);
    g = getgrgid(0);
    T_CHECK(g != NULL && strcmp(g->gr_name, "root") == 0);
    if (g)
        show(g);

    struct group gr, *result = &gr;
    char small[4], buf[4096];
    T_RET(getgrnam_r("root", &gr, small, sizeof small, &result), ERANGE);
    T_CHECK(result == NULL);
    result = &gr;
    T_RET(getgrgid_r(0, &gr, small, sizeof small, &result), ERANGE);
    T_CHECK(result == NULL);
    T_RET(getgrnam_r("root", &gr, buf, sizeof buf, &result), 0);
    T_CHECK(result == &gr && gr.gr_gid == 0);
    show(&gr);
    T_RET(getgrgid_r(0, &gr, buf, sizeof buf, &result), 0);
    T_CHECK(result == &gr && strcmp(gr.gr_name, "root") == 0);
    show(&gr);

    /* root's groups: its primary group; -1 and the number needed when there is no room. */
    gid_t groups[16];
    int n = 16;
    int count = getgrouplist("root", 0, groups, &n);
    printf("getgrouplist(root) = %d, n = %d, first %u\n", count, n, (unsigned)groups[0]);
    T_CHECK(count >= 1 && count == n && groups[0] == 0);
    int needed = count;
    n = 0;
    T_EQ(getgrouplist("root", 0, groups, &n), -1);
    T_EQ(n, needed);

    fflush(stdout);
    in_child(argv[0], missing);
    return t_status();
}
