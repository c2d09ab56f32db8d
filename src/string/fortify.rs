//! `_FORTIFY_SOURCE`: the checks behind the `__*_chk` functions that glibc's headers make
//! the compiler call when it knows the size of a destination buffer.
//!
//! A check that fails ends the process as glibc does: the message
//! "*** buffer overflow detected ***: terminated" on standard error, then SIGABRT.

use super::scan;

/// Reports a buffer overflow and dies by SIGABRT (glibc's `__chk_fail`).
#[cold]
pub fn overflow() -> ! {
    crate::io::diag::write_stderr(&[b"*** buffer overflow detected ***: terminated\n"]);
    crate::exit::abort::abort()
}

/// Dies unless `needed` bytes fit in a destination of `room` bytes.
#[inline]
pub fn check(needed: usize, room: usize) {
    if needed > room {
        overflow()
    }
}

/// Dies unless the string `src` with its terminator fits in `room` bytes.
///
/// # Safety
/// `src` is NUL-terminated.
#[inline]
pub unsafe fn check_string(src: *const u8, room: usize) {
    // SAFETY: per the contract.
    let len = unsafe { scan::length(src) };
    check(len.saturating_add(1), room)
}

/// Dies unless appending at most `n` bytes of the string `src` (and a terminator) to the
/// string `dst` fits in `room` bytes (`n == usize::MAX` for `strcat`).
///
/// # Safety
/// `dst` is NUL-terminated (or at least `room` bytes long); `src` is NUL-terminated or at
/// least `n` bytes long.
#[inline]
pub unsafe fn check_append(dst: *const u8, src: *const u8, n: usize, room: usize) {
    // The destination's string must itself end inside the room.
    // SAFETY: per the contract.
    let start = unsafe { scan::length_n(dst, room) };
    if start == room {
        overflow()
    }
    // SAFETY: per the contract.
    let len = unsafe { scan::length_n(src, n) };
    check(start + len + 1, room)
}

/// [`check_string`] for a wide string (`room` in elements).
///
/// # Safety
/// `src` is 0-terminated.
#[inline]
pub unsafe fn check_wide_string(src: *const i32, room: usize) {
    // SAFETY: per the contract.
    let len = unsafe { super::wide::length_n(src, usize::MAX) };
    check(len.saturating_add(1), room)
}

/// [`check_append`] for wide strings (`room` in elements).
///
/// # Safety
/// As for [`check_append`], in elements.
#[inline]
pub unsafe fn check_wide_append(dst: *const i32, src: *const i32, n: usize, room: usize) {
    // SAFETY: per the contract.
    let start = unsafe { super::wide::length_n(dst, room) };
    if start == room {
        overflow()
    }
    // SAFETY: per the contract.
    let len = unsafe { super::wide::length_n(src, n) };
    check(start + len + 1, room)
}
