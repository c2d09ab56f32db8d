/* flockfile/ftrylockfile/funlockfile: the lock is recursive for its owner, and the stdio
 * calls work while the caller holds it. */
#include <stdio.h>
#include "test.h"

int main(void)
{
    FILE *f = tmpfile();
    T_CHECK(f != NULL);
    flockfile(f);
    T_EQ(ftrylockfile(f), 0); /* the owner may take it again */
    flockfile(f);
    T_EQ(fputs("locked", f), 1);
    T_EQ(fflush(f), 0);
    funlockfile(f);
    funlockfile(f);
    T_EQ(putc_unlocked('!', f), '!');
    funlockfile(f);
    T_EQ(ftrylockfile(f), 0);
    funlockfile(f);
    rewind(f);
    T_EQ(getc(f), 'l');
    T_EQ(fclose(f), 0);

    flockfile(stdout);
    T_EQ(fputs("stdout under the lock\n", stdout), 1);
    funlockfile(stdout);
    return t_status();
}
