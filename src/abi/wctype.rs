//! `<wctype.h>`: wide-character classes and case mappings in the calling thread's locale
//! (see `crate::ctype::wide` for what C.UTF-8 knows of Unicode). A class function returns
//! 1 when `wc` is in the class.

use super::wchar::wint_t;
use crate::ctype::wide::{self, Mapping};
use crate::ctype::{self as ct};
use crate::locale;
use core::ffi::{CStr, c_char, c_int, c_ulong};
use libc::locale_t;

/// Whether `wc` is in any of the classes `mask`, in the calling thread's locale.
fn is(wc: wint_t, mask: u16) -> c_int {
    c_int::from(wide::wide_classes(wc, locale::ctype_is_utf8()) & mask != 0)
}

/// Whether locale `l` has a UTF-8 `LC_CTYPE` (not for a null `l`).
///
/// # Safety
/// `l` is null, `LC_GLOBAL_LOCALE` or a live locale object.
unsafe fn utf8_l(l: locale_t) -> bool {
    // SAFETY: the caller's contract.
    !l.is_null() && unsafe { locale::handle_is_utf8(l.cast()) }
}

/// Whether `wc` is in any of the classes `mask`, in locale `l`.
///
/// # Safety
/// `l` is `LC_GLOBAL_LOCALE` or a live locale object.
unsafe fn is_l(wc: wint_t, mask: u16, l: locale_t) -> c_int {
    // SAFETY: the caller's contract.
    c_int::from(wide::wide_classes(wc, unsafe { utf8_l(l) }) & mask != 0)
}

/// The class bits of the class named by the C string `name` in a locale with a UTF-8
/// `LC_CTYPE` or not, 0 for an unknown name.
///
/// # Safety
/// `name` is null or NUL-terminated.
unsafe fn class_named(name: *const c_char, utf8: bool) -> c_ulong {
    if name.is_null() {
        return 0;
    }
    // SAFETY: NUL-terminated per the contract.
    c_ulong::from(wide::class_named(unsafe { CStr::from_ptr(name) }.to_bytes(), utf8))
}

/// [`iswalnum`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/iswalnum.html): a letter or a digit.
#[unsafe(no_mangle)]
pub extern "C" fn iswalnum(wc: wint_t) -> c_int {
    is(wc, ct::IS_ALNUM)
}

/// [`iswalnum_l`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/iswalnum.html)
///
/// # Safety
/// `l` is `LC_GLOBAL_LOCALE` or a live locale object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iswalnum_l(wc: wint_t, l: locale_t) -> c_int {
    // SAFETY: the caller's contract.
    unsafe { is_l(wc, ct::IS_ALNUM, l) }
}

/// [`iswalpha`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/iswalpha.html): a letter.
#[unsafe(no_mangle)]
pub extern "C" fn iswalpha(wc: wint_t) -> c_int {
    is(wc, ct::IS_ALPHA)
}

/// [`iswalpha_l`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/iswalpha.html)
///
/// # Safety
/// `l` is `LC_GLOBAL_LOCALE` or a live locale object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iswalpha_l(wc: wint_t, l: locale_t) -> c_int {
    // SAFETY: the caller's contract.
    unsafe { is_l(wc, ct::IS_ALPHA, l) }
}

/// [`iswcntrl`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/iswcntrl.html): a control character.
#[unsafe(no_mangle)]
pub extern "C" fn iswcntrl(wc: wint_t) -> c_int {
    is(wc, ct::IS_CNTRL)
}

/// [`iswcntrl_l`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/iswcntrl.html)
///
/// # Safety
/// `l` is `LC_GLOBAL_LOCALE` or a live locale object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iswcntrl_l(wc: wint_t, l: locale_t) -> c_int {
    // SAFETY: the caller's contract.
    unsafe { is_l(wc, ct::IS_CNTRL, l) }
}

/// [`iswdigit`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/iswdigit.html): a decimal digit.
#[unsafe(no_mangle)]
pub extern "C" fn iswdigit(wc: wint_t) -> c_int {
    is(wc, ct::IS_DIGIT)
}

/// [`iswdigit_l`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/iswdigit.html)
///
/// # Safety
/// `l` is `LC_GLOBAL_LOCALE` or a live locale object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iswdigit_l(wc: wint_t, l: locale_t) -> c_int {
    // SAFETY: the caller's contract.
    unsafe { is_l(wc, ct::IS_DIGIT, l) }
}

/// [`iswgraph`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/iswgraph.html): printable, not a space.
#[unsafe(no_mangle)]
pub extern "C" fn iswgraph(wc: wint_t) -> c_int {
    is(wc, ct::IS_GRAPH)
}

/// [`iswgraph_l`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/iswgraph.html)
///
/// # Safety
/// `l` is `LC_GLOBAL_LOCALE` or a live locale object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iswgraph_l(wc: wint_t, l: locale_t) -> c_int {
    // SAFETY: the caller's contract.
    unsafe { is_l(wc, ct::IS_GRAPH, l) }
}

/// [`iswlower`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/iswlower.html): a lower-case letter.
#[unsafe(no_mangle)]
pub extern "C" fn iswlower(wc: wint_t) -> c_int {
    is(wc, ct::IS_LOWER)
}

/// [`iswlower_l`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/iswlower.html)
///
/// # Safety
/// `l` is `LC_GLOBAL_LOCALE` or a live locale object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iswlower_l(wc: wint_t, l: locale_t) -> c_int {
    // SAFETY: the caller's contract.
    unsafe { is_l(wc, ct::IS_LOWER, l) }
}

/// [`iswprint`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/iswprint.html): printable.
#[unsafe(no_mangle)]
pub extern "C" fn iswprint(wc: wint_t) -> c_int {
    is(wc, ct::IS_PRINT)
}

/// [`iswprint_l`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/iswprint.html)
///
/// # Safety
/// `l` is `LC_GLOBAL_LOCALE` or a live locale object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iswprint_l(wc: wint_t, l: locale_t) -> c_int {
    // SAFETY: the caller's contract.
    unsafe { is_l(wc, ct::IS_PRINT, l) }
}

/// [`iswpunct`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/iswpunct.html): punctuation.
#[unsafe(no_mangle)]
pub extern "C" fn iswpunct(wc: wint_t) -> c_int {
    is(wc, ct::IS_PUNCT)
}

/// [`iswpunct_l`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/iswpunct.html)
///
/// # Safety
/// `l` is `LC_GLOBAL_LOCALE` or a live locale object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iswpunct_l(wc: wint_t, l: locale_t) -> c_int {
    // SAFETY: the caller's contract.
    unsafe { is_l(wc, ct::IS_PUNCT, l) }
}

/// [`iswspace`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/iswspace.html): white space.
#[unsafe(no_mangle)]
pub extern "C" fn iswspace(wc: wint_t) -> c_int {
    is(wc, ct::IS_SPACE)
}

/// [`iswspace_l`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/iswspace.html)
///
/// # Safety
/// `l` is `LC_GLOBAL_LOCALE` or a live locale object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iswspace_l(wc: wint_t, l: locale_t) -> c_int {
    // SAFETY: the caller's contract.
    unsafe { is_l(wc, ct::IS_SPACE, l) }
}

/// [`iswupper`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/iswupper.html): an upper-case letter.
#[unsafe(no_mangle)]
pub extern "C" fn iswupper(wc: wint_t) -> c_int {
    is(wc, ct::IS_UPPER)
}

/// [`iswupper_l`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/iswupper.html)
///
/// # Safety
/// `l` is `LC_GLOBAL_LOCALE` or a live locale object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iswupper_l(wc: wint_t, l: locale_t) -> c_int {
    // SAFETY: the caller's contract.
    unsafe { is_l(wc, ct::IS_UPPER, l) }
}

/// [`iswxdigit`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/iswxdigit.html): a hexadecimal digit.
#[unsafe(no_mangle)]
pub extern "C" fn iswxdigit(wc: wint_t) -> c_int {
    is(wc, ct::IS_XDIGIT)
}

/// [`iswxdigit_l`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/iswxdigit.html)
///
/// # Safety
/// `l` is `LC_GLOBAL_LOCALE` or a live locale object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iswxdigit_l(wc: wint_t, l: locale_t) -> c_int {
    // SAFETY: the caller's contract.
    unsafe { is_l(wc, ct::IS_XDIGIT, l) }
}

/// [`iswblank`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/iswblank.html): a blank.
#[unsafe(no_mangle)]
pub extern "C" fn iswblank(wc: wint_t) -> c_int {
    is(wc, ct::IS_BLANK)
}

/// [`iswblank_l`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/iswblank.html)
///
/// # Safety
/// `l` is `LC_GLOBAL_LOCALE` or a live locale object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iswblank_l(wc: wint_t, l: locale_t) -> c_int {
    // SAFETY: the caller's contract.
    unsafe { is_l(wc, ct::IS_BLANK, l) }
}

/// [`wctype`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/wctype.html): the
/// class named `name` ("alnum" ... "xdigit"; in C.UTF-8 also "combining" and
/// "combining_level3", as in glibc), 0 for an unknown name.
///
/// # Safety
/// `name` NUL-terminated.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wctype(name: *const c_char) -> c_ulong {
    // SAFETY: the caller's contract.
    unsafe { class_named(name, locale::ctype_is_utf8()) }
}

/// [`wctype_l`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/wctype.html)
///
/// # Safety
/// `name` NUL-terminated; `l` is `LC_GLOBAL_LOCALE` or a live locale object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wctype_l(name: *const c_char, l: locale_t) -> c_ulong {
    // SAFETY: the caller's contract.
    unsafe { class_named(name, utf8_l(l)) }
}

/// [`iswctype`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/iswctype.html)
#[unsafe(no_mangle)]
pub extern "C" fn iswctype(wc: wint_t, class: c_ulong) -> c_int {
    is(wc, class as u16)
}

/// [`iswctype_l`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/iswctype.html)
///
/// # Safety
/// `l` is `LC_GLOBAL_LOCALE` or a live locale object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iswctype_l(wc: wint_t, class: c_ulong, l: locale_t) -> c_int {
    // SAFETY: the caller's contract.
    unsafe { is_l(wc, class as u16, l) }
}

/// [`towlower`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/towlower.html)
#[unsafe(no_mangle)]
pub extern "C" fn towlower(wc: wint_t) -> wint_t {
    wide::to_lower(wc, locale::ctype_is_utf8())
}

/// [`towupper`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/towupper.html)
#[unsafe(no_mangle)]
pub extern "C" fn towupper(wc: wint_t) -> wint_t {
    wide::to_upper(wc, locale::ctype_is_utf8())
}

/// [`towlower_l`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/towlower.html)
///
/// # Safety
/// `l` is `LC_GLOBAL_LOCALE` or a live locale object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn towlower_l(wc: wint_t, l: locale_t) -> wint_t {
    // SAFETY: the caller's contract.
    wide::to_lower(wc, unsafe { utf8_l(l) })
}

/// [`towupper_l`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/towupper.html)
///
/// # Safety
/// `l` is `LC_GLOBAL_LOCALE` or a live locale object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn towupper_l(wc: wint_t, l: locale_t) -> wint_t {
    // SAFETY: the caller's contract.
    wide::to_upper(wc, unsafe { utf8_l(l) })
}

/// The address `wctrans("totitle")` returns, which only tells that mapping apart (its value
/// is never read).
static TITLE_HANDLE: i32 = 0;

/// The `wctrans_t` of a mapping. A `wctrans_t` is a pointer to a mapping table in glibc;
/// ours point at the byte case tables for "tolower" and "toupper" and at `TITLE_HANDLE`.
fn handle(mapping: Mapping) -> *const i32 {
    match mapping {
        Mapping::Lower => ct::TO_LOWER.as_ptr(),
        Mapping::Upper => ct::TO_UPPER.as_ptr(),
        Mapping::Title => &TITLE_HANDLE,
    }
}

/// The mapping of a `wctrans_t`, none for null or any other pointer.
fn mapping_of(t: *const i32) -> Option<Mapping> {
    [Mapping::Lower, Mapping::Upper, Mapping::Title].into_iter().find(|&m| handle(m) == t)
}

/// The `wctrans_t` of the mapping named by the C string `name` in a locale with a UTF-8
/// `LC_CTYPE` or not; null with `EINVAL` for an unknown name.
///
/// # Safety
/// `name` is null or NUL-terminated.
unsafe fn mapping_named(name: *const c_char, utf8: bool) -> *const i32 {
    if !name.is_null() {
        // SAFETY: NUL-terminated per the contract.
        if let Some(m) = wide::mapping_named(unsafe { CStr::from_ptr(name) }.to_bytes(), utf8) {
            return handle(m);
        }
    }
    crate::thread::tcb::set_errno(libc::EINVAL);
    core::ptr::null()
}

/// [`wctrans`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/wctrans.html):
/// the mapping "tolower" or "toupper" (in C.UTF-8 also "totitle", as in glibc); null with
/// `EINVAL` for another name.
///
/// # Safety
/// `name` NUL-terminated.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wctrans(name: *const c_char) -> *const i32 {
    // SAFETY: the caller's contract.
    unsafe { mapping_named(name, locale::ctype_is_utf8()) }
}

/// [`wctrans_l`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/wctrans.html)
///
/// # Safety
/// `name` NUL-terminated; `l` is `LC_GLOBAL_LOCALE` or a live locale object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wctrans_l(name: *const c_char, l: locale_t) -> *const i32 {
    // SAFETY: the caller's contract.
    unsafe { mapping_named(name, utf8_l(l)) }
}

/// [`towctrans`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/towctrans.html):
/// `wc` mapped by `t`; unchanged for a null `t`.
#[unsafe(no_mangle)]
pub extern "C" fn towctrans(wc: wint_t, t: *const i32) -> wint_t {
    mapping_of(t).map_or(wc, |m| wide::map(wc, m, locale::ctype_is_utf8()))
}

/// [`towctrans_l`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/towctrans.html)
///
/// # Safety
/// `l` is `LC_GLOBAL_LOCALE` or a live locale object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn towctrans_l(wc: wint_t, t: *const i32, l: locale_t) -> wint_t {
    // SAFETY: the caller's contract.
    mapping_of(t).map_or(wc, |m| wide::map(wc, m, unsafe { utf8_l(l) }))
}
