//! `nl_langinfo` texts of the C locale (C.UTF-8 differs only in `CODESET`), as glibc 2.36
//! has them (generated from a program run against glibc), by item number: the category in
//! the high 16 bits, the index in the low ones. Each text is NUL-terminated.

/// `CODESET` (`LC_CTYPE`, index 14).
pub const CODESET: i32 = 14;
/// `CODESET` in the C locale.
pub const C_CODESET: &[u8] = b"ANSI_X3.4-1968\0";
/// `CODESET` in C.UTF-8.
pub const UTF8_CODESET: &[u8] = b"UTF-8\0";

/// `(item, text)` for the items that have a text; every other item's text is empty.
pub static ITEMS: &[(i32, &[u8])] = &[
    (65536, b".\0"), // RADIXCHAR
    (131112, b"%a %b %e %H:%M:%S %Y\0"), // D_T_FMT
    (131113, b"%m/%d/%y\0"), // D_FMT
    (131114, b"%H:%M:%S\0"), // T_FMT
    (131115, b"%I:%M:%S %p\0"), // T_FMT_AMPM
    (131110, b"AM\0"), // AM_STR
    (131111, b"PM\0"), // PM_STR
    (131079, b"Sunday\0"), // DAY_1
    (131080, b"Monday\0"), // DAY_2
    (131081, b"Tuesday\0"), // DAY_3
    (131082, b"Wednesday\0"), // DAY_4
    (131083, b"Thursday\0"), // DAY_5
    (131084, b"Friday\0"), // DAY_6
    (131085, b"Saturday\0"), // DAY_7
    (131072, b"Sun\0"), // ABDAY_1
    (131073, b"Mon\0"), // ABDAY_2
    (131074, b"Tue\0"), // ABDAY_3
    (131075, b"Wed\0"), // ABDAY_4
    (131076, b"Thu\0"), // ABDAY_5
    (131077, b"Fri\0"), // ABDAY_6
    (131078, b"Sat\0"), // ABDAY_7
    (131098, b"January\0"), // MON_1
    (131099, b"February\0"), // MON_2
    (131100, b"March\0"), // MON_3
    (131101, b"April\0"), // MON_4
    (131102, b"May\0"), // MON_5
    (131103, b"June\0"), // MON_6
    (131104, b"July\0"), // MON_7
    (131105, b"August\0"), // MON_8
    (131106, b"September\0"), // MON_9
    (131107, b"October\0"), // MON_10
    (131108, b"November\0"), // MON_11
    (131109, b"December\0"), // MON_12
    (131086, b"Jan\0"), // ABMON_1
    (131087, b"Feb\0"), // ABMON_2
    (131088, b"Mar\0"), // ABMON_3
    (131089, b"Apr\0"), // ABMON_4
    (131090, b"May\0"), // ABMON_5
    (131091, b"Jun\0"), // ABMON_6
    (131092, b"Jul\0"), // ABMON_7
    (131093, b"Aug\0"), // ABMON_8
    (131094, b"Sep\0"), // ABMON_9
    (131095, b"Oct\0"), // ABMON_10
    (131096, b"Nov\0"), // ABMON_11
    (131097, b"Dec\0"), // ABMON_12
    (131183, b"January\0"), // ALTMON_1
    (131184, b"February\0"), // ALTMON_2
    (131185, b"March\0"), // ALTMON_3
    (131186, b"April\0"), // ALTMON_4
    (131187, b"May\0"), // ALTMON_5
    (131188, b"June\0"), // ALTMON_6
    (131189, b"July\0"), // ALTMON_7
    (131190, b"August\0"), // ALTMON_8
    (131191, b"September\0"), // ALTMON_9
    (131192, b"October\0"), // ALTMON_10
    (131193, b"November\0"), // ALTMON_11
    (131194, b"December\0"), // ALTMON_12
    (131207, b"Jan\0"), // _NL_ABALTMON_1
    (131208, b"Feb\0"), // _NL_ABALTMON_2
    (131209, b"Mar\0"), // _NL_ABALTMON_3
    (131210, b"Apr\0"), // _NL_ABALTMON_4
    (131211, b"May\0"), // _NL_ABALTMON_5
    (131212, b"Jun\0"), // _NL_ABALTMON_6
    (131213, b"Jul\0"), // _NL_ABALTMON_7
    (131214, b"Aug\0"), // _NL_ABALTMON_8
    (131215, b"Sep\0"), // _NL_ABALTMON_9
    (131216, b"Oct\0"), // _NL_ABALTMON_10
    (131217, b"Nov\0"), // _NL_ABALTMON_11
    (131218, b"Dec\0"), // _NL_ABALTMON_12
    (131180, b"%a %b %e %H:%M:%S %Z %Y\0"), // _DATE_FMT
    (327680, b"^[yY]\0"), // YESEXPR
    (327681, b"^[nN]\0"), // NOEXPR
    (262159, b"-\0"), // CRNCYSTR
];
