//! `<fcntl.h>`.
//!
//! `open` is variadic in C. On x86_64 a variadic caller passes the optional `mode` in the same
//! register as a third fixed argument, so a three-argument definition receives it; the value
//! is garbage when the caller passed two, and the core reads it only for `O_CREAT` and
//! `O_TMPFILE`, the flags that oblige the caller to pass it. `fcntl` likewise takes its
//! optional argument as a third fixed one.

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

/// [`openat`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/openat.html)
///
/// # Safety
/// `path` must be null or a NUL-terminated string.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn openat(dirfd: c_int, path: *const c_char, flags: c_int, mode: c_uint) -> c_int {
    // SAFETY: the caller's contract is the core's.
    unsafe { fd::openat(dirfd, path, flags, mode) }.or_errno(-1)
}

/// `openat64`: `openat` under `_FILE_OFFSET_BITS=64`; the same function on x86_64.
///
/// # Safety
/// As [`openat`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn openat64(dirfd: c_int, path: *const c_char, flags: c_int, mode: c_uint) -> c_int {
    // SAFETY: as `openat`.
    unsafe { openat(dirfd, path, flags, mode) }
}

/// [`creat`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/creat.html)
///
/// # Safety
/// `path` must be null or a NUL-terminated string.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn creat(path: *const c_char, mode: libc::mode_t) -> c_int {
    // SAFETY: the caller's contract is the core's.
    unsafe { fd::open(path, libc::O_CREAT | libc::O_WRONLY | libc::O_TRUNC, mode) }.or_errno(-1)
}

/// `creat64`: `creat` under `_FILE_OFFSET_BITS=64`.
///
/// # Safety
/// As [`creat`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn creat64(path: *const c_char, mode: libc::mode_t) -> c_int {
    // SAFETY: as `creat`.
    unsafe { creat(path, mode) }
}

/// [`fcntl`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/fcntl.html): variadic in
/// C; the optional third argument (an int or a pointer) arrives in the third argument
/// register, and goes to the kernel as it is.
#[unsafe(no_mangle)]
pub extern "C" fn fcntl(fd: c_int, cmd: c_int, arg: usize) -> c_int {
    fd::fcntl(fd, cmd, arg).or_errno(-1)
}

/// `fcntl64`: `fcntl` under `_FILE_OFFSET_BITS=64`; the same function on x86_64.
#[unsafe(no_mangle)]
pub extern "C" fn fcntl64(fd: c_int, cmd: c_int, arg: usize) -> c_int {
    fcntl(fd, cmd, arg)
}
