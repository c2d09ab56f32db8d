//! The wide-character and multibyte family of `_FORTIFY_SOURCE` (`<bits/wchar2.h>`,
//! `<bits/stdlib.h>`): as in `fortify.rs`, each `__X_chk` dies with glibc's message when
//! the destination (its size the last argument, in elements for wide strings) is too small.

use super::wchar as w;
use crate::string::fortify::{check, check_wide_append, check_wide_string};
use core::ffi::{c_char, c_int};
use libc::{mbstate_t, wchar_t};

/// `__wmemcpy_chk`
///
/// # Safety
/// As for `wmemcpy`, within `room` elements.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __wmemcpy_chk(dst: *mut wchar_t, src: *const wchar_t, n: usize, room: usize) -> *mut wchar_t {
    check(n, room);
    // SAFETY: the caller's contract, checked against the destination's size.
    unsafe { w::wmemcpy(dst, src, n) }
}

/// `__wmemmove_chk`
///
/// # Safety
/// As for `wmemmove`, within `room` elements.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __wmemmove_chk(dst: *mut wchar_t, src: *const wchar_t, n: usize, room: usize) -> *mut wchar_t {
    check(n, room);
    // SAFETY: as above.
    unsafe { w::wmemmove(dst, src, n) }
}

/// `__wmempcpy_chk`
///
/// # Safety
/// As for `wmempcpy`, within `room` elements.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __wmempcpy_chk(dst: *mut wchar_t, src: *const wchar_t, n: usize, room: usize) -> *mut wchar_t {
    check(n, room);
    // SAFETY: as above.
    unsafe { w::wmempcpy(dst, src, n) }
}

/// `__wmemset_chk`
///
/// # Safety
/// As for `wmemset`, within `room` elements.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __wmemset_chk(dst: *mut wchar_t, c: wchar_t, n: usize, room: usize) -> *mut wchar_t {
    check(n, room);
    // SAFETY: as above.
    unsafe { w::wmemset(dst, c, n) }
}

/// `__wcscpy_chk`
///
/// # Safety
/// As for `wcscpy`, within `room` elements.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __wcscpy_chk(dst: *mut wchar_t, src: *const wchar_t, room: usize) -> *mut wchar_t {
    // SAFETY: as above; `src` is 0-terminated per the contract.
    unsafe {
        check_wide_string(src, room);
        w::wcscpy(dst, src)
    }
}

/// `__wcpcpy_chk`
///
/// # Safety
/// As for `wcpcpy`, within `room` elements.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __wcpcpy_chk(dst: *mut wchar_t, src: *const wchar_t, room: usize) -> *mut wchar_t {
    // SAFETY: as above.
    unsafe {
        check_wide_string(src, room);
        w::wcpcpy(dst, src)
    }
}

/// `__wcsncpy_chk`
///
/// # Safety
/// As for `wcsncpy`, within `room` elements.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __wcsncpy_chk(dst: *mut wchar_t, src: *const wchar_t, n: usize, room: usize) -> *mut wchar_t {
    check(n, room);
    // SAFETY: as above.
    unsafe { w::wcsncpy(dst, src, n) }
}

/// `__wcpncpy_chk`
///
/// # Safety
/// As for `wcpncpy`, within `room` elements.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __wcpncpy_chk(dst: *mut wchar_t, src: *const wchar_t, n: usize, room: usize) -> *mut wchar_t {
    check(n, room);
    // SAFETY: as above.
    unsafe { w::wcpncpy(dst, src, n) }
}

/// `__wcscat_chk`
///
/// # Safety
/// As for `wcscat`, within `room` elements.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __wcscat_chk(dst: *mut wchar_t, src: *const wchar_t, room: usize) -> *mut wchar_t {
    // SAFETY: as above.
    unsafe {
        check_wide_append(dst, src, usize::MAX, room);
        w::wcscat(dst, src)
    }
}

/// `__wcsncat_chk`
///
/// # Safety
/// As for `wcsncat`, within `room` elements.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __wcsncat_chk(dst: *mut wchar_t, src: *const wchar_t, n: usize, room: usize) -> *mut wchar_t {
    // SAFETY: as above.
    unsafe {
        check_wide_append(dst, src, n, room);
        w::wcsncat(dst, src, n)
    }
}

/// `__mbstowcs_chk`
///
/// # Safety
/// As for `mbstowcs`, within `room` elements.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __mbstowcs_chk(dst: *mut wchar_t, src: *const c_char, len: usize, room: usize) -> usize {
    check(len, room);
    // SAFETY: as above.
    unsafe { w::mbstowcs(dst, src, len) }
}

/// `__wcstombs_chk`
///
/// # Safety
/// As for `wcstombs`, within `room` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __wcstombs_chk(dst: *mut c_char, src: *const wchar_t, len: usize, room: usize) -> usize {
    check(len, room);
    // SAFETY: as above.
    unsafe { w::wcstombs(dst, src, len) }
}

/// `__mbsrtowcs_chk`
///
/// # Safety
/// As for `mbsrtowcs`, within `room` elements.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __mbsrtowcs_chk(dst: *mut wchar_t, src: *mut *const c_char, len: usize, ps: *mut mbstate_t, room: usize) -> usize {
    check(len, room);
    // SAFETY: as above.
    unsafe { w::mbsrtowcs(dst, src, len, ps) }
}

/// `__wcsrtombs_chk`
///
/// # Safety
/// As for `wcsrtombs`, within `room` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __wcsrtombs_chk(dst: *mut c_char, src: *mut *const wchar_t, len: usize, ps: *mut mbstate_t, room: usize) -> usize {
    check(len, room);
    // SAFETY: as above.
    unsafe { w::wcsrtombs(dst, src, len, ps) }
}

/// `__mbsnrtowcs_chk`
///
/// # Safety
/// As for `mbsnrtowcs`, within `room` elements.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __mbsnrtowcs_chk(dst: *mut wchar_t, src: *mut *const c_char, nms: usize, len: usize, ps: *mut mbstate_t, room: usize) -> usize {
    check(len, room);
    // SAFETY: as above.
    unsafe { w::mbsnrtowcs(dst, src, nms, len, ps) }
}

/// `__wcsnrtombs_chk`
///
/// # Safety
/// As for `wcsnrtombs`, within `room` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __wcsnrtombs_chk(dst: *mut c_char, src: *mut *const wchar_t, nwc: usize, len: usize, ps: *mut mbstate_t, room: usize) -> usize {
    check(len, room);
    // SAFETY: as above.
    unsafe { w::wcsnrtombs(dst, src, nwc, len, ps) }
}

/// `__wcrtomb_chk`: dies when the character's bytes do not fit in `room` (glibc 2.35 and
/// later check the actual length, not `MB_CUR_MAX`).
///
/// # Safety
/// As for `wcrtomb`, within `room` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __wcrtomb_chk(s: *mut c_char, wc: wchar_t, ps: *mut mbstate_t, room: usize) -> usize {
    let mut buf = [0 as c_char; crate::locale::mb::UTF8_MAX];
    // SAFETY: the buffer has room for any character; `ps` per the caller's contract.
    let len = unsafe { w::wcrtomb(buf.as_mut_ptr(), wc, ps) };
    if len != usize::MAX {
        check(len, room);
        // SAFETY: `len <= room` bytes of `s` are writable per the contract.
        unsafe { core::ptr::copy_nonoverlapping(buf.as_ptr(), s, len) };
    }
    len
}

/// `__wctomb_chk`: [`__wcrtomb_chk`]'s check for `wctomb`.
///
/// # Safety
/// As for `wctomb`, within `room` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __wctomb_chk(s: *mut c_char, wc: wchar_t, room: usize) -> c_int {
    // SAFETY: the caller's contract.
    match unsafe { __wcrtomb_chk(s, wc, core::ptr::null_mut(), room) } {
        usize::MAX => -1,
        len => len as c_int,
    }
}
