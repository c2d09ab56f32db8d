//! `<locale.h>`, `<langinfo.h>` and `MB_CUR_MAX`: the C, POSIX and C.UTF-8 locales.

use super::OrErrno;
use rustix::io::Errno;
use crate::locale::{self, Locale};
use core::ffi::{CStr, c_char, c_int};
use core::ptr;
use libc::{lconv, locale_t};

/// The `locale_t` of a locale object.
fn handle(l: *mut Locale) -> locale_t {
    l.cast()
}

/// [`setlocale`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/setlocale.html):
/// the new (or, for a null `name`, the current) name of `category`; null, with nothing
/// changed, for an unknown category or a locale other than C, POSIX and C.UTF-8.
///
/// # Safety
/// `name` is null or NUL-terminated.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn setlocale(category: c_int, name: *const c_char) -> *mut c_char {
    // SAFETY: non-null names are NUL-terminated per the contract.
    let name = (!name.is_null()).then(|| unsafe { CStr::from_ptr(name) }.to_bytes());
    locale::set_global(category, name).map_or(ptr::null_mut(), |p| p.cast::<c_char>().cast_mut())
}

/// The C locale's numeric and monetary formatting, what `localeconv` returns.
struct Conventions(lconv);

// SAFETY: never written; the pointers point at static strings.
unsafe impl Sync for Conventions {}

/// `CHAR_MAX`: "not available" in a `struct lconv`.
const NONE: c_char = c_char::MAX;

static C_CONVENTIONS: Conventions = Conventions(lconv {
    decimal_point: c".".as_ptr().cast_mut(),
    thousands_sep: c"".as_ptr().cast_mut(),
    grouping: c"".as_ptr().cast_mut(),
    int_curr_symbol: c"".as_ptr().cast_mut(),
    currency_symbol: c"".as_ptr().cast_mut(),
    mon_decimal_point: c"".as_ptr().cast_mut(),
    mon_thousands_sep: c"".as_ptr().cast_mut(),
    mon_grouping: c"".as_ptr().cast_mut(),
    positive_sign: c"".as_ptr().cast_mut(),
    negative_sign: c"".as_ptr().cast_mut(),
    int_frac_digits: NONE,
    frac_digits: NONE,
    p_cs_precedes: NONE,
    p_sep_by_space: NONE,
    n_cs_precedes: NONE,
    n_sep_by_space: NONE,
    p_sign_posn: NONE,
    n_sign_posn: NONE,
    int_p_cs_precedes: NONE,
    int_p_sep_by_space: NONE,
    int_n_cs_precedes: NONE,
    int_n_sep_by_space: NONE,
    int_p_sign_posn: NONE,
    int_n_sign_posn: NONE,
});

/// [`localeconv`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/localeconv.html):
/// every supported locale formats numbers and money as C does.
#[unsafe(no_mangle)]
pub extern "C" fn localeconv() -> *mut lconv {
    (&raw const C_CONVENTIONS.0).cast_mut()
}

/// [`newlocale`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/newlocale.html):
/// null with `EINVAL` for a bad mask or a null name, `ENOENT` for an unknown locale, `ENOMEM`.
///
/// # Safety
/// `name` is null or NUL-terminated; `base` is null or a live locale object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn newlocale(mask: c_int, name: *const c_char, base: locale_t) -> locale_t {
    if name.is_null() {
        return Err(Errno::INVAL).or_errno(ptr::null_mut());
    }
    // SAFETY: NUL-terminated per the contract.
    let name = unsafe { CStr::from_ptr(name) }.to_bytes();
    // SAFETY: `base` as the core requires, per the contract.
    unsafe { locale::new(mask, name, base.cast()) }.map(handle).or_errno(ptr::null_mut())
}

/// `__newlocale`: glibc's second name for `newlocale` (libstdc++ calls it).
///
/// # Safety
/// As for `newlocale`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __newlocale(mask: c_int, name: *const c_char, base: locale_t) -> locale_t {
    // SAFETY: the caller's contract.
    unsafe { newlocale(mask, name, base) }
}

/// [`duplocale`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/duplocale.html):
/// null with `ENOMEM` when there is no memory.
///
/// # Safety
/// `l` is `LC_GLOBAL_LOCALE` or a live locale object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn duplocale(l: locale_t) -> locale_t {
    if l.is_null() {
        return Err(Errno::INVAL).or_errno(ptr::null_mut());
    }
    // SAFETY: the caller's contract.
    unsafe { locale::duplicate(l.cast()) }.map(handle).or_errno(ptr::null_mut())
}

/// `__duplocale`: glibc's second name for `duplocale`.
///
/// # Safety
/// As for `duplocale`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __duplocale(l: locale_t) -> locale_t {
    // SAFETY: the caller's contract.
    unsafe { duplocale(l) }
}

/// [`freelocale`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/freelocale.html)
///
/// # Safety
/// `l` is a locale object from `newlocale`/`duplocale` that is no longer used.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn freelocale(l: locale_t) {
    // SAFETY: the caller's contract.
    unsafe { locale::free(l.cast()) }
}

/// `__freelocale`: glibc's second name for `freelocale`.
///
/// # Safety
/// As for `freelocale`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __freelocale(l: locale_t) {
    // SAFETY: the caller's contract.
    unsafe { freelocale(l) }
}

/// [`uselocale`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/uselocale.html):
/// the calling thread's previous locale (`LC_GLOBAL_LOCALE` if it used the global one); a
/// null `l` only asks.
///
/// # Safety
/// `l` is null, `LC_GLOBAL_LOCALE` or a live locale object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn uselocale(l: locale_t) -> locale_t {
    let old = locale::thread_locale();
    let old = if old.is_null() { locale::GLOBAL_HANDLE } else { old.cast_mut() };
    if !l.is_null() {
        let l = l.cast::<Locale>();
        locale::set_thread_locale(if l == locale::GLOBAL_HANDLE { ptr::null() } else { l });
    }
    handle(old)
}

/// `__uselocale`: glibc's second name for `uselocale`.
///
/// # Safety
/// As for `uselocale`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __uselocale(l: locale_t) -> locale_t {
    // SAFETY: the caller's contract.
    unsafe { uselocale(l) }
}

/// `__ctype_get_mb_cur_max`: what glibc's `MB_CUR_MAX` macro expands to a call of (1 in C,
/// 6 in C.UTF-8, for the calling thread's locale).
#[unsafe(no_mangle)]
pub extern "C" fn __ctype_get_mb_cur_max() -> usize {
    locale::mb_cur_max()
}

/// [`nl_langinfo`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/nl_langinfo.html):
/// the text of `item` in the calling thread's locale; "" for an unknown item.
#[unsafe(no_mangle)]
pub extern "C" fn nl_langinfo(item: c_int) -> *mut c_char {
    locale::langinfo(item, locale::ctype_is_utf8()).as_ptr().cast::<c_char>().cast_mut()
}

/// [`nl_langinfo_l`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/nl_langinfo.html)
///
/// # Safety
/// `l` is `LC_GLOBAL_LOCALE` or a live locale object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn nl_langinfo_l(item: c_int, l: locale_t) -> *mut c_char {
    // SAFETY: the caller's contract.
    let utf8 = !l.is_null() && unsafe { locale::handle_is_utf8(l.cast()) };
    locale::langinfo(item, utf8).as_ptr().cast::<c_char>().cast_mut()
}

/// `__nl_langinfo_l`: glibc's second name for `nl_langinfo_l`.
///
/// # Safety
/// As for `nl_langinfo_l`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __nl_langinfo_l(item: c_int, l: locale_t) -> *mut c_char {
    // SAFETY: the caller's contract.
    unsafe { nl_langinfo_l(item, l) }
}

/// [`strcoll_l`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/strcoll.html):
/// byte order in every supported locale.
///
/// # Safety
/// Both strings NUL-terminated.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn strcoll_l(a: *const c_char, b: *const c_char, _l: locale_t) -> c_int {
    // SAFETY: the caller's contract.
    unsafe { super::string::strcoll(a, b) }
}

/// [`strxfrm_l`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/strxfrm.html)
///
/// # Safety
/// As for `strxfrm`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn strxfrm_l(dst: *mut c_char, src: *const c_char, n: usize, _l: locale_t) -> usize {
    // SAFETY: the caller's contract.
    unsafe { super::string::strxfrm(dst, src, n) }
}
