//! `<fcntl.h>`.
//!
//! `open` is variadic in C. On x86_64 a variadic caller passes the optional `mode` in the same
//! register as a third fixed argument, so a three-argument definition receives it; the value
//! is garbage when the caller passed two, and the core reads it only for `O_CREAT` and
//! `O_TMPFILE`, the flags that oblige the caller to pass it.

use super::OrErrno;
use crate::io::fd;
use core::ffi::{c_char, c_int, c_uint};

/// [`open`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/open.html)
///
/// # Safety
/// `path` must be null or a NUL-terminated string.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn open(path: *const c_char, flags: c_int, mode: c_uint) -> c_int {
    // SAFETY: the caller's contract is the core's.
    unsafe { fd::open(path, flags, mode) }.or_errno(-1)
}

/// `open64`: `open` under `_FILE_OFFSET_BITS=64`; the same function on x86_64.
///
/// # Safety
/// As [`open`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn open64(path: *const c_char, flags: c_int, mode: c_uint) -> c_int {
    // SAFETY: as `open`.
    unsafe { open(path, flags, mode) }
}
