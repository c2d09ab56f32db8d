/* The user database: root by name and by id, the _r forms (ERANGE for a buffer too small),
 * and, in a child (child.h), names and ids that do not exist and the getpwent walk. */
#include <errno.h>
#include <pwd.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include "child.h"

static void show(const struct passwd *p)
{
    printf("%s:%s:%u:%u:%s:%s:%s\n", p->pw_name, p->pw_passwd, (unsigned)p->pw_uid, (unsigned)p->pw_gid, p->pw_gecos,
           p->pw_dir, p->pw_shell);
}

static void missing(void)
{
    struct passwd pw, *result = &pw;
    char buf[1024];
    errno = 0;
    T_CHECK(getpwnam("no-such-user-rustcrt") == NULL);
    T_CHECK(getpwuid(54321) == NULL);
    T_RET(getpwnam_r("no-such-user-rustcrt", &pw, buf, sizeof buf, &result), 0);
    T_CHECK(result == NULL);
    result = &pw;
    T_RET(getpwuid_r(54321, &pw, buf, sizeof buf, &result), 0);
    T_CHECK(result == NULL);
    T_CHECK(getpwnam("") == NULL);

    /* The walk finds root once, and every entry it finds can be looked up by name. */
    int roots = 0, entries = 0;
    char first[64] = "";
    setpwent();
    for (struct passwd *p; (p = getpwent()) != NULL; entries++) {
        if (entries == 0)
            snprintf(first, sizeof first, "%s", p->pw_name);
        if (strcmp(p->pw_name, "root") == 0 && p->pw_uid == 0)
            roots++;
        T_CHECK(getpwnam_r(p->pw_name, &pw, buf, sizeof buf, &result) == 0 && result == &pw);
    }
    T_EQ(roots, 1);
    T_CHECK(entries > 1);
    T_CHECK(getpwent() == NULL);
    /* setpwent starts again; so does a walk after endpwent. */
    setpwent();
    struct passwd *again = getpwent();
    T_CHECK(again != NULL && strcmp(again->pw_name, first) == 0);
    T_CHECK(getpwent() != NULL);
    endpwent();
    again = getpwent();
    T_CHECK(again != NULL && strcmp(again->pw_name, first) == 0);
    endpwent();
}

int main(int argc, char **argv)
{
    (void)argc;
    struct passwd *p = getpwnam("root");
    T_CHECK(p != NULL);
    if (p) {
        show(p);
        T_EQ(p->pw_uid, 0);
    }
    p = getpwuid(0);
    T_CHECK(p != NULL && strcmp(p->pw_name, "root") == 0);
    if (p)
        show(p);

    struct passwd pw, *result = &pw;
    char small[4], buf[1024];
    T_RET(getpwnam_r("root", &pw, small, sizeof small, &result), ERANGE);
    T_CHECK(result == NULL);
    result = &pw;
    T_RET(getpwuid_r(0, &pw, small, sizeof small, &result), ERANGE);
    T_CHECK(result == NULL);
    T_RET(getpwnam_r("root", &pw, buf, sizeof buf, &result), 0);
    T_CHECK(result == &pw);
    T_CHECK(pw.pw_name >= buf && pw.pw_name < buf + sizeof buf);
    show(&pw);
    T_RET(getpwuid_r(0, &pw, buf, sizeof buf, &result), 0);
    T_CHECK(result == &pw && strcmp(pw.pw_dir, "/root") == 0);
    show(&pw);

    fflush(stdout);
    in_child(argv[0], missing);
    return t_status();
}
