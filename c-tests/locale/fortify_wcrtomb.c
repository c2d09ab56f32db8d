// cflags: -D_FORTIFY_SOURCE=2 -O2
// expect: signal=SIGABRT
// stderr: compare
/* __wcrtomb_chk: a character longer than the buffer dies by SIGABRT (glibc checks the
 * character's length, not MB_CUR_MAX); one that fits is converted. */
#include <locale.h>
#include <wchar.h>
#include "test.h"

int main(void)
{
    char b[2];
    if (!setlocale(LC_ALL, "C.UTF-8"))
        return 2;
    if (wcrtomb(b, 0xe9, NULL) != 2 || (unsigned char)b[0] != 0xc3)
        return 3;
    size_t r = wcrtomb(b, 0x20ac, NULL);
    t_print("not reached\n");
    return (int)r + b[0];
}
