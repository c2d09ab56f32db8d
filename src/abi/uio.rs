//! `<sys/uio.h>`: scatter/gather I/O.

use super::OrErrno;
use crate::io::points;
use core::ffi::c_int;

/// [`readv`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/readv.html)
///
/// # Safety
/// `iov` must point at `n` `struct iovec`s naming writable buffers.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn readv(fd: c_int, iov: *const libc::iovec, n: c_int) -> isize {
    // SAFETY: the caller's contract.
    unsafe { points::vectored(libc::SYS_readv, fd, iov, n) }.map(|n| n as isize).or_errno(-1)
}

/// [`writev`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/writev.html)
///
/// # Safety
/// `iov` must point at `n` `struct iovec`s naming readable buffers.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn writev(fd: c_int, iov: *const libc::iovec, n: c_int) -> isize {
    // SAFETY: the caller's contract.
    unsafe { points::vectored(libc::SYS_writev, fd, iov, n) }.map(|n| n as isize).or_errno(-1)
}

/// [`preadv`](https://man7.org/linux/man-pages/man2/preadv.2.html)
///
/// # Safety
/// As [`readv`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn preadv(fd: c_int, iov: *const libc::iovec, n: c_int, offset: i64) -> isize {
    // SAFETY: the caller's contract.
    unsafe { points::vectored_at(libc::SYS_preadv, fd, iov, n, offset) }.map(|n| n as isize).or_errno(-1)
}

/// `preadv64`: `preadv` under `_FILE_OFFSET_BITS=64`.
///
/// # Safety
/// As [`readv`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn preadv64(fd: c_int, iov: *const libc::iovec, n: c_int, offset: i64) -> isize {
    // SAFETY: as `preadv`.
    unsafe { preadv(fd, iov, n, offset) }
}

/// [`pwritev`](https://man7.org/linux/man-pages/man2/pwritev.2.html)
///
/// # Safety
/// As [`writev`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pwritev(fd: c_int, iov: *const libc::iovec, n: c_int, offset: i64) -> isize {
    // SAFETY: the caller's contract.
    unsafe { points::vectored_at(libc::SYS_pwritev, fd, iov, n, offset) }.map(|n| n as isize).or_errno(-1)
}

/// `pwritev64`: `pwritev` under `_FILE_OFFSET_BITS=64`.
///
/// # Safety
/// As [`writev`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pwritev64(fd: c_int, iov: *const libc::iovec, n: c_int, offset: i64) -> isize {
    // SAFETY: as `pwritev`.
    unsafe { pwritev(fd, iov, n, offset) }
}
