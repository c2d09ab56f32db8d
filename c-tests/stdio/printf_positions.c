/* printf with 200 numbered arguments (beyond the 64 that fit rustcrt's table on the stack),
 * named in an order other than the call's, mixing int, long long and double; also a
 * numbered * width. Output compared with glibc's. */
#include <stdio.h>
#include <string.h>
#include "test.h"

/* "%N$d " for N = p0 .. p9, and the arguments p0 .. p9. */
#define F(n) "%" #n "$d "
#define F10(p) F(p##0) F(p##1) F(p##2) F(p##3) F(p##4) F(p##5) F(p##6) F(p##7) F(p##8) F(p##9)
#define V10(p) p##0, p##1, p##2, p##3, p##4, p##5, p##6, p##7, p##8, p##9

int main(void)
{
    static char buf[4096];
    /* Positions 10..199 first, then 1..9 and 200. */
    int n = snprintf(buf, sizeof buf,
                     F10(1) F10(2) F10(3) F10(4) F10(5) F10(6) F10(7) F10(8) F10(9)
                     F10(10) F10(11) F10(12) F10(13) F10(14) F10(15) F10(16) F10(17) F10(18) F10(19)
                     F(9) F(8) F(7) F(6) F(5) F(4) F(3) F(2) F(1) F(200),
                     1, 2, 3, 4, 5, 6, 7, 8, 9,
                     V10(1), V10(2), V10(3), V10(4), V10(5), V10(6), V10(7), V10(8), V10(9),
                     V10(10), V10(11), V10(12), V10(13), V10(14), V10(15), V10(16), V10(17), V10(18), V10(19),
                     200);
    T_EQ(n, (long)strlen(buf));
    t_print(buf);
    t_print("\n");

    /* Mixed types at high positions: %70$lld, %71$f, %72$s and a width from %69$. */
    n = snprintf(buf, sizeof buf, "[%72$s|%71$.3f|%70$lld|%1$*69$d] "
                 F(2) F(3) F(4) F(5) F(6) F(7) F(8) F(9) F10(1) F10(2) F10(3) F10(4) F10(5)
                 F(60) F(61) F(62) F(63) F(64) F(65) F(66) F(67) F(68),
                 1, 2, 3, 4, 5, 6, 7, 8, 9, V10(1), V10(2), V10(3), V10(4), V10(5),
                 60, 61, 62, 63, 64, 65, 66, 67, 68,
                 6, -1234567890123LL, 2.5, "text");
    T_EQ(n, (long)strlen(buf));
    t_print(buf);
    t_print("\n");
    return t_status();
}
