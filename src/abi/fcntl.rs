//! `<fcntl.h>` (with `flock` of `<sys/file.h>` and `lockf` of `<unistd.h>`, which are
//! record locks too).
//!
//! `open` is variadic in C. On x86_64 a variadic caller passes the optional `mode` in the same
//! register as a third fixed argument, so a three-argument definition receives it; the value
//! is garbage when the caller passed two, and the kernel reads it only for `O_CREAT` and
//! `O_TMPFILE`, the flags that oblige the caller to pass it. `fcntl` likewise takes its
//! optional argument as a third fixed one.

use super::OrErrno;
use crate::fs::hints;
use crate::io::{fd, points};
use rustix::io::Errno;
use core::ffi::{c_char, c_int, c_uint};

/// [`open`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/open.html)
///
/// # Safety
/// `path` must be a NUL-terminated string (a bad address is `EFAULT`).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn open(path: *const c_char, flags: c_int, mode: c_uint) -> c_int {
    // SAFETY: the caller's contract is the core's.
    unsafe { points::openat(libc::AT_FDCWD, path, flags, mode) }.or_errno(-1)
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
/// `path` must be a NUL-terminated string (a bad address is `EFAULT`).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn openat(dirfd: c_int, path: *const c_char, flags: c_int, mode: c_uint) -> c_int {
    // SAFETY: the caller's contract is the core's.
    unsafe { points::openat(dirfd, path, flags, mode) }.or_errno(-1)
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
/// `path` must be a NUL-terminated string (a bad address is `EFAULT`).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn creat(path: *const c_char, mode: libc::mode_t) -> c_int {
    // SAFETY: the caller's contract is the core's.
    unsafe { points::openat(libc::AT_FDCWD, path, libc::O_CREAT | libc::O_WRONLY | libc::O_TRUNC, mode) }.or_errno(-1)
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

/// [`posix_fadvise`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/posix_fadvise.html):
/// an error number.
#[unsafe(no_mangle)]
pub extern "C" fn posix_fadvise(fd: c_int, offset: i64, len: i64, advice: c_int) -> c_int {
    hints::fadvise(fd, offset, len, advice).err().map_or(0, Errno::raw_os_error)
}

/// `posix_fadvise64`: `posix_fadvise` under `_FILE_OFFSET_BITS=64`.
#[unsafe(no_mangle)]
pub extern "C" fn posix_fadvise64(fd: c_int, offset: i64, len: i64, advice: c_int) -> c_int {
    posix_fadvise(fd, offset, len, advice)
}

/// [`posix_fallocate`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/posix_fallocate.html):
/// an error number.
#[unsafe(no_mangle)]
pub extern "C" fn posix_fallocate(fd: c_int, offset: i64, len: i64) -> c_int {
    hints::posix_fallocate(fd, offset, len).err().map_or(0, Errno::raw_os_error)
}

/// `posix_fallocate64`: `posix_fallocate` under `_FILE_OFFSET_BITS=64`.
#[unsafe(no_mangle)]
pub extern "C" fn posix_fallocate64(fd: c_int, offset: i64, len: i64) -> c_int {
    posix_fallocate(fd, offset, len)
}

/// [`fallocate`](https://man7.org/linux/man-pages/man2/fallocate.2.html)
#[unsafe(no_mangle)]
pub extern "C" fn fallocate(fd: c_int, mode: c_int, offset: i64, len: i64) -> c_int {
    hints::fallocate(fd, mode, offset, len).map(|()| 0).or_errno(-1)
}

/// `fallocate64`: `fallocate` under `_FILE_OFFSET_BITS=64`.
#[unsafe(no_mangle)]
pub extern "C" fn fallocate64(fd: c_int, mode: c_int, offset: i64, len: i64) -> c_int {
    fallocate(fd, mode, offset, len)
}

/// [`flock`](https://man7.org/linux/man-pages/man2/flock.2.html) (`<sys/file.h>`)
#[unsafe(no_mangle)]
pub extern "C" fn flock(fd: c_int, operation: c_int) -> c_int {
    hints::flock(fd, operation).map(|()| 0).or_errno(-1)
}

/// [`lockf`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/lockf.html) (`<unistd.h>`)
#[unsafe(no_mangle)]
pub extern "C" fn lockf(fd: c_int, cmd: c_int, len: i64) -> c_int {
    hints::lockf(fd, cmd, len).map(|()| 0).or_errno(-1)
}

/// `lockf64`: `lockf` under `_FILE_OFFSET_BITS=64`.
#[unsafe(no_mangle)]
pub extern "C" fn lockf64(fd: c_int, cmd: c_int, len: i64) -> c_int {
    lockf(fd, cmd, len)
}
