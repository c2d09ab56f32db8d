//! `<string.h>`.

use crate::string::mem;
use core::ffi::{c_char, c_int, c_void};

/// [`memcpy`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/memcpy.html)
///
/// # Safety
/// Both ranges valid for `n` bytes and disjoint.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn memcpy(dst: *mut c_void, src: *const c_void, n: usize) -> *mut c_void {
    // SAFETY: the caller's contract is the core's.
    unsafe { mem::copy(dst.cast(), src.cast(), n) };
    dst
}

/// [`memmove`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/memmove.html)
///
/// # Safety
/// Both ranges valid for `n` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn memmove(dst: *mut c_void, src: *const c_void, n: usize) -> *mut c_void {
    // SAFETY: the caller's contract is the core's.
    unsafe { mem::move_bytes(dst.cast(), src.cast(), n) };
    dst
}

/// [`memset`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/memset.html)
///
/// # Safety
/// `dst` valid for `n` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn memset(dst: *mut c_void, c: c_int, n: usize) -> *mut c_void {
    // SAFETY: the caller's contract is the core's.
    unsafe { mem::fill(dst.cast(), c as u8, n) };
    dst
}

/// [`memcmp`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/memcmp.html)
///
/// # Safety
/// Both ranges readable for `n` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn memcmp(a: *const c_void, b: *const c_void, n: usize) -> c_int {
    // SAFETY: the caller's contract is the core's.
    unsafe { mem::compare(a.cast(), b.cast(), n) }
}

/// `bcmp`: zero when the ranges are equal (what compilers turn `memcmp(...) == 0` into).
///
/// # Safety
/// Both ranges readable for `n` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn bcmp(a: *const c_void, b: *const c_void, n: usize) -> c_int {
    // SAFETY: the caller's contract is the core's.
    unsafe { mem::compare(a.cast(), b.cast(), n) }
}

/// [`strlen`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/strlen.html)
///
/// # Safety
/// `s` must point at a NUL-terminated string.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn strlen(s: *const c_char) -> usize {
    // SAFETY: the caller's contract is the core's.
    unsafe { mem::length(s.cast()) }
}
