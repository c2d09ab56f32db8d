//! `<strings.h>`: the BSD-derived string functions.

use crate::string::{compare, mem, search};
use core::ffi::{c_char, c_int, c_long, c_longlong, c_void};
use core::ptr;

/// [`strcasecmp`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/strcasecmp.html)
///
/// # Safety
/// Both strings NUL-terminated.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn strcasecmp(a: *const c_char, b: *const c_char) -> c_int {
    // SAFETY: the caller's contract is the core's.
    unsafe { compare::compare_n_folded(a.cast(), b.cast(), usize::MAX) }
}

/// [`strncasecmp`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/strncasecmp.html)
///
/// # Safety
/// Both strings NUL-terminated or at least `n` bytes long.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn strncasecmp(a: *const c_char, b: *const c_char, n: usize) -> c_int {
    // SAFETY: the caller's contract is the core's.
    unsafe { compare::compare_n_folded(a.cast(), b.cast(), n) }
}

/// `bzero`: sets `n` bytes to zero (removed from POSIX; `memset` is the standard form).
///
/// # Safety
/// `s` writable for `n` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn bzero(s: *mut c_void, n: usize) {
    // SAFETY: the caller's contract is the core's.
    unsafe { mem::fill(s.cast(), 0, n) };
}

/// `explicit_bzero`: `bzero` that the compiler may not remove as a dead store.
///
/// # Safety
/// `s` writable for `n` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn explicit_bzero(s: *mut c_void, n: usize) {
    // SAFETY: the caller's contract is the core's.
    unsafe { mem::fill_explicit(s.cast(), 0, n) }
}

/// `bcopy`: `memmove` with the arguments swapped (removed from POSIX).
///
/// # Safety
/// Both ranges valid for `n` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn bcopy(src: *const c_void, dst: *mut c_void, n: usize) {
    // SAFETY: the caller's contract is the core's.
    unsafe { mem::move_bytes(dst.cast(), src.cast(), n) };
}

/// `index`: `strchr` under its BSD name.
///
/// # Safety
/// `s` NUL-terminated.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn index(s: *const c_char, c: c_int) -> *mut c_char {
    // SAFETY: the caller's contract is the core's.
    let i = unsafe { search::find_in_string(s.cast(), c as u8) };
    i.map_or(ptr::null_mut(), |i| s.wrapping_add(i).cast_mut())
}

/// `rindex`: `strrchr` under its BSD name.
///
/// # Safety
/// `s` NUL-terminated.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rindex(s: *const c_char, c: c_int) -> *mut c_char {
    // SAFETY: the caller's contract is the core's.
    let i = unsafe { search::rfind_in_string(s.cast(), c as u8) };
    i.map_or(ptr::null_mut(), |i| s.wrapping_add(i).cast_mut())
}

/// [`ffs`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/ffs.html): the
/// 1-based position of the lowest set bit, 0 for 0.
#[unsafe(no_mangle)]
pub extern "C" fn ffs(i: c_int) -> c_int {
    if i == 0 { 0 } else { i.trailing_zeros() as c_int + 1 }
}

/// [`ffsl`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/ffsl.html)
#[unsafe(no_mangle)]
pub extern "C" fn ffsl(i: c_long) -> c_int {
    if i == 0 { 0 } else { i.trailing_zeros() as c_int + 1 }
}

/// [`ffsll`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/ffsll.html)
#[unsafe(no_mangle)]
pub extern "C" fn ffsll(i: c_longlong) -> c_int {
    if i == 0 { 0 } else { i.trailing_zeros() as c_int + 1 }
}

/// [`strcasecmp_l`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/strcasecmp.html):
/// every supported locale folds ASCII letters only.
///
/// # Safety
/// Both strings NUL-terminated.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn strcasecmp_l(a: *const c_char, b: *const c_char, _l: libc::locale_t) -> c_int {
    // SAFETY: the caller's contract.
    unsafe { strcasecmp(a, b) }
}

/// [`strncasecmp_l`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/strncasecmp.html)
///
/// # Safety
/// Both strings NUL-terminated or at least `n` bytes long.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn strncasecmp_l(a: *const c_char, b: *const c_char, n: usize, _l: libc::locale_t) -> c_int {
    // SAFETY: the caller's contract.
    unsafe { strncasecmp(a, b, n) }
}
