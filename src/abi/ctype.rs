//! `<ctype.h>`: classifying and case-mapping bytes, and the tables glibc's macros read.
//!
//! A class function returns the class bit itself (nonzero) when `c` is in the class, as
//! glibc's functions and macros do. The `_l` forms take a locale; every supported locale
//! classifies alike, so they only check it is not null.

use crate::ctype::{self, classes};
use core::ffi::c_int;
use libc::locale_t;

/// A pointer a C program reads through: one that lives in a static.
#[repr(transparent)]
pub struct TablePtr<T>(*const T);

// SAFETY: the pointers point at immutable statics; sharing them between threads is sound.
unsafe impl<T> Sync for TablePtr<T> {}

/// What `__ctype_b_loc` points at: the class table, at the entry for value 0.
static CLASS_TABLE: TablePtr<u16> = TablePtr(ctype::CLASSES.as_ptr().wrapping_add(ctype::VALUE_0));
/// What `__ctype_tolower_loc` points at.
static LOWER_TABLE: TablePtr<i32> = TablePtr(ctype::TO_LOWER.as_ptr().wrapping_add(ctype::VALUE_0));
/// What `__ctype_toupper_loc` points at.
static UPPER_TABLE: TablePtr<i32> = TablePtr(ctype::TO_UPPER.as_ptr().wrapping_add(ctype::VALUE_0));

/// `__ctype_b_loc`: where the calling thread's class-table pointer is (glibc's `<ctype.h>`
/// macros index `(*__ctype_b_loc())[c]` for c in -128..=255).
#[unsafe(no_mangle)]
pub extern "C" fn __ctype_b_loc() -> *mut *const u16 {
    (&raw const CLASS_TABLE.0).cast_mut()
}

/// `__ctype_tolower_loc`: where the calling thread's `tolower` table pointer is.
#[unsafe(no_mangle)]
pub extern "C" fn __ctype_tolower_loc() -> *mut *const i32 {
    (&raw const LOWER_TABLE.0).cast_mut()
}

/// `__ctype_toupper_loc`: where the calling thread's `toupper` table pointer is.
#[unsafe(no_mangle)]
pub extern "C" fn __ctype_toupper_loc() -> *mut *const i32 {
    (&raw const UPPER_TABLE.0).cast_mut()
}

/// [`isalnum`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/isalnum.html): a letter or a decimal digit.
#[unsafe(no_mangle)]
pub extern "C" fn isalnum(c: c_int) -> c_int {
    c_int::from(classes(c) & ctype::IS_ALNUM)
}

/// [`isalpha`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/isalpha.html): a letter.
#[unsafe(no_mangle)]
pub extern "C" fn isalpha(c: c_int) -> c_int {
    c_int::from(classes(c) & ctype::IS_ALPHA)
}

/// [`iscntrl`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/iscntrl.html): a control character.
#[unsafe(no_mangle)]
pub extern "C" fn iscntrl(c: c_int) -> c_int {
    c_int::from(classes(c) & ctype::IS_CNTRL)
}

/// [`isdigit`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/isdigit.html): a decimal digit.
#[unsafe(no_mangle)]
pub extern "C" fn isdigit(c: c_int) -> c_int {
    c_int::from(classes(c) & ctype::IS_DIGIT)
}

/// [`islower`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/islower.html): a lower-case letter.
#[unsafe(no_mangle)]
pub extern "C" fn islower(c: c_int) -> c_int {
    c_int::from(classes(c) & ctype::IS_LOWER)
}

/// [`isgraph`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/isgraph.html): printable, not a space.
#[unsafe(no_mangle)]
pub extern "C" fn isgraph(c: c_int) -> c_int {
    c_int::from(classes(c) & ctype::IS_GRAPH)
}

/// [`isprint`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/isprint.html): printable, space included.
#[unsafe(no_mangle)]
pub extern "C" fn isprint(c: c_int) -> c_int {
    c_int::from(classes(c) & ctype::IS_PRINT)
}

/// [`ispunct`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/ispunct.html): punctuation.
#[unsafe(no_mangle)]
pub extern "C" fn ispunct(c: c_int) -> c_int {
    c_int::from(classes(c) & ctype::IS_PUNCT)
}

/// [`isspace`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/isspace.html): white space.
#[unsafe(no_mangle)]
pub extern "C" fn isspace(c: c_int) -> c_int {
    c_int::from(classes(c) & ctype::IS_SPACE)
}

/// [`isupper`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/isupper.html): an upper-case letter.
#[unsafe(no_mangle)]
pub extern "C" fn isupper(c: c_int) -> c_int {
    c_int::from(classes(c) & ctype::IS_UPPER)
}

/// [`isxdigit`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/isxdigit.html): a hexadecimal digit.
#[unsafe(no_mangle)]
pub extern "C" fn isxdigit(c: c_int) -> c_int {
    c_int::from(classes(c) & ctype::IS_XDIGIT)
}

/// [`isblank`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/isblank.html): a space or a tab.
#[unsafe(no_mangle)]
pub extern "C" fn isblank(c: c_int) -> c_int {
    c_int::from(classes(c) & ctype::IS_BLANK)
}

/// [`isalnum_l`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/isalnum.html): `isalnum` in `locale`.
#[unsafe(no_mangle)]
pub extern "C" fn isalnum_l(c: c_int, _locale: locale_t) -> c_int {
    isalnum(c)
}

/// `__isalnum_l`: glibc's second name for `isalnum_l`.
#[unsafe(no_mangle)]
pub extern "C" fn __isalnum_l(c: c_int, _locale: locale_t) -> c_int {
    isalnum(c)
}

/// [`isalpha_l`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/isalpha.html): `isalpha` in `locale`.
#[unsafe(no_mangle)]
pub extern "C" fn isalpha_l(c: c_int, _locale: locale_t) -> c_int {
    isalpha(c)
}

/// `__isalpha_l`: glibc's second name for `isalpha_l`.
#[unsafe(no_mangle)]
pub extern "C" fn __isalpha_l(c: c_int, _locale: locale_t) -> c_int {
    isalpha(c)
}

/// [`iscntrl_l`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/iscntrl.html): `iscntrl` in `locale`.
#[unsafe(no_mangle)]
pub extern "C" fn iscntrl_l(c: c_int, _locale: locale_t) -> c_int {
    iscntrl(c)
}

/// `__iscntrl_l`: glibc's second name for `iscntrl_l`.
#[unsafe(no_mangle)]
pub extern "C" fn __iscntrl_l(c: c_int, _locale: locale_t) -> c_int {
    iscntrl(c)
}

/// [`isdigit_l`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/isdigit.html): `isdigit` in `locale`.
#[unsafe(no_mangle)]
pub extern "C" fn isdigit_l(c: c_int, _locale: locale_t) -> c_int {
    isdigit(c)
}

/// `__isdigit_l`: glibc's second name for `isdigit_l`.
#[unsafe(no_mangle)]
pub extern "C" fn __isdigit_l(c: c_int, _locale: locale_t) -> c_int {
    isdigit(c)
}

/// [`islower_l`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/islower.html): `islower` in `locale`.
#[unsafe(no_mangle)]
pub extern "C" fn islower_l(c: c_int, _locale: locale_t) -> c_int {
    islower(c)
}

/// `__islower_l`: glibc's second name for `islower_l`.
#[unsafe(no_mangle)]
pub extern "C" fn __islower_l(c: c_int, _locale: locale_t) -> c_int {
    islower(c)
}

/// [`isgraph_l`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/isgraph.html): `isgraph` in `locale`.
#[unsafe(no_mangle)]
pub extern "C" fn isgraph_l(c: c_int, _locale: locale_t) -> c_int {
    isgraph(c)
}

/// `__isgraph_l`: glibc's second name for `isgraph_l`.
#[unsafe(no_mangle)]
pub extern "C" fn __isgraph_l(c: c_int, _locale: locale_t) -> c_int {
    isgraph(c)
}

/// [`isprint_l`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/isprint.html): `isprint` in `locale`.
#[unsafe(no_mangle)]
pub extern "C" fn isprint_l(c: c_int, _locale: locale_t) -> c_int {
    isprint(c)
}

/// `__isprint_l`: glibc's second name for `isprint_l`.
#[unsafe(no_mangle)]
pub extern "C" fn __isprint_l(c: c_int, _locale: locale_t) -> c_int {
    isprint(c)
}

/// [`ispunct_l`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/ispunct.html): `ispunct` in `locale`.
#[unsafe(no_mangle)]
pub extern "C" fn ispunct_l(c: c_int, _locale: locale_t) -> c_int {
    ispunct(c)
}

/// `__ispunct_l`: glibc's second name for `ispunct_l`.
#[unsafe(no_mangle)]
pub extern "C" fn __ispunct_l(c: c_int, _locale: locale_t) -> c_int {
    ispunct(c)
}

/// [`isspace_l`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/isspace.html): `isspace` in `locale`.
#[unsafe(no_mangle)]
pub extern "C" fn isspace_l(c: c_int, _locale: locale_t) -> c_int {
    isspace(c)
}

/// `__isspace_l`: glibc's second name for `isspace_l`.
#[unsafe(no_mangle)]
pub extern "C" fn __isspace_l(c: c_int, _locale: locale_t) -> c_int {
    isspace(c)
}

/// [`isupper_l`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/isupper.html): `isupper` in `locale`.
#[unsafe(no_mangle)]
pub extern "C" fn isupper_l(c: c_int, _locale: locale_t) -> c_int {
    isupper(c)
}

/// `__isupper_l`: glibc's second name for `isupper_l`.
#[unsafe(no_mangle)]
pub extern "C" fn __isupper_l(c: c_int, _locale: locale_t) -> c_int {
    isupper(c)
}

/// [`isxdigit_l`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/isxdigit.html): `isxdigit` in `locale`.
#[unsafe(no_mangle)]
pub extern "C" fn isxdigit_l(c: c_int, _locale: locale_t) -> c_int {
    isxdigit(c)
}

/// `__isxdigit_l`: glibc's second name for `isxdigit_l`.
#[unsafe(no_mangle)]
pub extern "C" fn __isxdigit_l(c: c_int, _locale: locale_t) -> c_int {
    isxdigit(c)
}

/// [`isblank_l`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/isblank.html): `isblank` in `locale`.
#[unsafe(no_mangle)]
pub extern "C" fn isblank_l(c: c_int, _locale: locale_t) -> c_int {
    isblank(c)
}

/// `__isblank_l`: glibc's second name for `isblank_l`.
#[unsafe(no_mangle)]
pub extern "C" fn __isblank_l(c: c_int, _locale: locale_t) -> c_int {
    isblank(c)
}

/// `isctype`: whether `c` is in any of the classes in `mask` (glibc's `_IS*` bits).
#[unsafe(no_mangle)]
pub extern "C" fn isctype(c: c_int, mask: c_int) -> c_int {
    c_int::from(classes(c) & mask as u16)
}

/// [`isascii`](https://pubs.opengroup.org/onlinepubs/009695399/functions/isascii.html):
/// 1 for 0..=127, else 0.
#[unsafe(no_mangle)]
pub extern "C" fn isascii(c: c_int) -> c_int {
    c_int::from(c & !0x7f == 0)
}

/// [`toascii`](https://pubs.opengroup.org/onlinepubs/009695399/functions/toascii.html):
/// the low 7 bits.
#[unsafe(no_mangle)]
pub extern "C" fn toascii(c: c_int) -> c_int {
    c & 0x7f
}

/// [`tolower`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/tolower.html)
#[unsafe(no_mangle)]
pub extern "C" fn tolower(c: c_int) -> c_int {
    ctype::to_lower(c)
}

/// [`toupper`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/toupper.html)
#[unsafe(no_mangle)]
pub extern "C" fn toupper(c: c_int) -> c_int {
    ctype::to_upper(c)
}

/// [`_tolower`](https://pubs.opengroup.org/onlinepubs/009695399/functions/_tolower.html)
#[unsafe(no_mangle)]
pub extern "C" fn _tolower(c: c_int) -> c_int {
    ctype::to_lower(c)
}

/// [`_toupper`](https://pubs.opengroup.org/onlinepubs/009695399/functions/_toupper.html)
#[unsafe(no_mangle)]
pub extern "C" fn _toupper(c: c_int) -> c_int {
    ctype::to_upper(c)
}

/// [`tolower_l`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/tolower.html)
#[unsafe(no_mangle)]
pub extern "C" fn tolower_l(c: c_int, _locale: locale_t) -> c_int {
    ctype::to_lower(c)
}

/// `__tolower_l`: glibc's second name for `tolower_l`.
#[unsafe(no_mangle)]
pub extern "C" fn __tolower_l(c: c_int, _locale: locale_t) -> c_int {
    ctype::to_lower(c)
}

/// [`toupper_l`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/toupper.html)
#[unsafe(no_mangle)]
pub extern "C" fn toupper_l(c: c_int, _locale: locale_t) -> c_int {
    ctype::to_upper(c)
}

/// `__toupper_l`: glibc's second name for `toupper_l`.
#[unsafe(no_mangle)]
pub extern "C" fn __toupper_l(c: c_int, _locale: locale_t) -> c_int {
    ctype::to_upper(c)
}
