//! `<unistd.h>`: descriptor I/O and process identity.

use super::OrErrno;
use crate::io::fd;
use core::ffi::{c_int, c_void};

/// [`read`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/read.html)
///
/// # Safety
/// `buf` must be writable for `count` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn read(fd: c_int, buf: *mut c_void, count: usize) -> isize {
    // SAFETY: the caller's contract is the core's.
    unsafe { fd::read(fd, buf.cast(), count) }.map(|n| n as isize).or_errno(-1)
}

/// [`write`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/write.html)
///
/// # Safety
/// `buf` must be readable for `count` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn write(fd: c_int, buf: *const c_void, count: usize) -> isize {
    // SAFETY: the caller's contract is the core's.
    unsafe { fd::write(fd, buf.cast(), count) }.map(|n| n as isize).or_errno(-1)
}

/// [`close`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/close.html)
#[unsafe(no_mangle)]
pub extern "C" fn close(fd: c_int) -> c_int {
    fd::close(fd).map(|()| 0).or_errno(-1)
}

/// [`lseek`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/lseek.html)
#[unsafe(no_mangle)]
pub extern "C" fn lseek(fd: c_int, offset: i64, whence: c_int) -> i64 {
    fd::lseek(fd, offset, whence).or_errno(-1)
}

/// `lseek64`: `lseek` under `_FILE_OFFSET_BITS=64`; the same function on x86_64.
#[unsafe(no_mangle)]
pub extern "C" fn lseek64(fd: c_int, offset: i64, whence: c_int) -> i64 {
    lseek(fd, offset, whence)
}

/// [`getpid`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/getpid.html)
#[unsafe(no_mangle)]
pub extern "C" fn getpid() -> c_int {
    rustix::process::getpid().as_raw_nonzero().get()
}

/// [`_exit`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/_exit.html)
#[unsafe(no_mangle)]
pub extern "C" fn _exit(status: c_int) -> ! {
    crate::exit::exit_now(status)
}
