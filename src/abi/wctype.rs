//! `<wctype.h>`: wide-character classes and case mappings in the calling thread's locale
//! (see `crate::ctype::wide` for what C.UTF-8 knows of Unicode). A class function returns
//! 1 when `wc` is in the class.

use super::wchar::wint_t;
use crate::ctype::wide::{self, CLASS_NAMES};
use crate::ctype::{self as ct};
use crate::locale;
use core::ffi::{CStr, c_char, c_int, c_ulong};
use libc::locale_t;

/// Whether `wc` is in any of the classes `mask`, in the calling thread's locale.
fn is(wc: wint_t, mask: u16) -> c_int {
    c_int::from(wide::wide_classes(wc, locale::ctype_is_utf8()) & mask != 0)
}

/// Whether `wc` is in any of the classes `mask`, in locale `l`.
///
/// # Safety
/// `l` is `LC_GLOBAL_LOCALE` or a live locale object.
unsafe fn is_l(wc: wint_t, mask: u16, l: locale_t) -> c_int {
    // SAFETY: the caller's contract.
    let utf8 = !l.is_null() && unsafe { locale::handle_is_utf8(l.cast()) };
    c_int::from(wide::wide_classes(wc, utf8) & mask != 0)
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
/// class named `name`, 0 for an unknown name.
///
/// # Safety
/// `name` NUL-terminated.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wctype(name: *const c_char) -> c_ulong {
    if name.is_null() {
        return 0;
    }
    // SAFETY: NUL-terminated per the contract.
    let name = unsafe { CStr::from_ptr(name) }.to_bytes();
    CLASS_NAMES.iter().find(|(n, _)| *n == name).map_or(0, |&(_, m)| c_ulong::from(m))
}

/// [`wctype_l`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/wctype.html)
///
/// # Safety
/// `name` NUL-terminated.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wctype_l(name: *const c_char, _l: locale_t) -> c_ulong {
    // SAFETY: the caller's contract.
    unsafe { wctype(name) }
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
    wide::to_lower(wc, !l.is_null() && unsafe { locale::handle_is_utf8(l.cast()) })
}

/// [`towupper_l`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/towupper.html)
///
/// # Safety
/// `l` is `LC_GLOBAL_LOCALE` or a live locale object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn towupper_l(wc: wint_t, l: locale_t) -> wint_t {
    // SAFETY: the caller's contract.
    wide::to_upper(wc, !l.is_null() && unsafe { locale::handle_is_utf8(l.cast()) })
}

/// [`wctrans`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/wctrans.html):
/// the mapping "tolower" or "toupper"; null with `EINVAL` for another name. A `wctrans_t`
/// is a pointer to a mapping table in glibc; ours point at the byte case tables, which
/// tell the two mappings apart.
///
/// # Safety
/// `name` NUL-terminated.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wctrans(name: *const c_char) -> *const i32 {
    if !name.is_null() {
        // SAFETY: NUL-terminated per the contract.
        match unsafe { CStr::from_ptr(name) }.to_bytes() {
            b"tolower" => return ct::TO_LOWER.as_ptr(),
            b"toupper" => return ct::TO_UPPER.as_ptr(),
            _ => {}
        }
    }
    crate::thread::tcb::set_errno(libc::EINVAL);
    core::ptr::null()
}

/// [`towctrans`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/towctrans.html):
/// `wc` mapped by `t`; unchanged for a null `t`.
#[unsafe(no_mangle)]
pub extern "C" fn towctrans(wc: wint_t, t: *const i32) -> wint_t {
    if t == ct::TO_LOWER.as_ptr() {
        towlower(wc)
    } else if t == ct::TO_UPPER.as_ptr() {
        towupper(wc)
    } else {
        wc
    }
}
