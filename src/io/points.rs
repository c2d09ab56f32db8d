//! The descriptor calls that are POSIX cancellation points, for the C functions of the same
//! names: `read`, `write`, `pread`, `pwrite`, `readv`, `writev`, `preadv`, `pwritev`,
//! `openat`, `close`, `fsync`, `fdatasync`. Each is one system call made through
//! [`crate::thread::cancel::syscall`] (which says why that bypasses rustix), with C's
//! arguments as given: the kernel checks them (`EBADF`, `EINVAL`, `EFAULT` for a bad buffer,
//! `iovec` array or path) and clamps the counts. The library's own I/O goes through
//! [`super::fd`], which is not a cancellation point.

use crate::thread::cancel::syscall3 as call3;
use core::ffi::{c_char, c_int};
use rustix::io::Errno;

/// `read(fd, buf, len)`.
///
/// # Safety
/// `buf` must be writable for `len` bytes, or an address the kernel refuses.
pub unsafe fn read(fd: c_int, buf: *mut u8, len: usize) -> Result<usize, Errno> {
    // SAFETY: the kernel writes only the caller's buffer.
    unsafe { call3(libc::SYS_read, fd as usize, buf as usize, len) }
}

/// `write(fd, buf, len)`.
///
/// # Safety
/// `buf` must be readable for `len` bytes, or an address the kernel refuses.
pub unsafe fn write(fd: c_int, buf: *const u8, len: usize) -> Result<usize, Errno> {
    // SAFETY: the kernel only reads the buffer.
    unsafe { call3(libc::SYS_write, fd as usize, buf as usize, len) }
}

/// `pread(fd, buf, len, offset)`; a negative offset is `EINVAL` (the kernel's answer).
///
/// # Safety
/// As [`read`].
pub unsafe fn pread(fd: c_int, buf: *mut u8, len: usize, offset: i64) -> Result<usize, Errno> {
    // SAFETY: as `read`.
    unsafe { crate::thread::cancel::syscall(libc::SYS_pread64, [fd as usize, buf as usize, len, offset as usize, 0, 0]) }
}

/// `pwrite(fd, buf, len, offset)`.
///
/// # Safety
/// As [`write`].
pub unsafe fn pwrite(fd: c_int, buf: *const u8, len: usize, offset: i64) -> Result<usize, Errno> {
    // SAFETY: as `write`.
    unsafe { crate::thread::cancel::syscall(libc::SYS_pwrite64, [fd as usize, buf as usize, len, offset as usize, 0, 0]) }
}

/// `readv(fd, iov, count)`, or `writev` when `nr` is `SYS_writev`.
///
/// # Safety
/// `iov` must point at `count` `iovec`s naming buffers writable (for `readv`) or readable,
/// or at addresses the kernel refuses.
pub unsafe fn vectored(nr: libc::c_long, fd: c_int, iov: *const libc::iovec, count: c_int) -> Result<usize, Errno> {
    // SAFETY: the kernel reads the array and reads or writes the buffers it names.
    unsafe { call3(nr, fd as usize, iov as usize, count as usize) }
}

/// `preadv(fd, iov, count, offset)`, or `pwritev` when `nr` is `SYS_pwritev`. The kernel
/// takes the offset as two halves; on x86_64 the low one holds all of it.
///
/// # Safety
/// As [`vectored`].
pub unsafe fn vectored_at(nr: libc::c_long, fd: c_int, iov: *const libc::iovec, count: c_int, offset: i64) -> Result<usize, Errno> {
    // SAFETY: as `vectored`.
    unsafe { crate::thread::cancel::syscall(nr, [fd as usize, iov as usize, count as usize, offset as usize, 0, 0]) }
}

/// `openat(dirfd, path, flags, mode)`; the kernel ignores `mode` without `O_CREAT` or
/// `O_TMPFILE`.
///
/// # Safety
/// `path` must be a NUL-terminated string, or an address the kernel refuses.
pub unsafe fn openat(dirfd: c_int, path: *const c_char, flags: c_int, mode: u32) -> Result<c_int, Errno> {
    let args = [dirfd as usize, path as usize, flags as usize, mode as usize, 0, 0];
    // SAFETY: the kernel only reads the path.
    unsafe { crate::thread::cancel::syscall(libc::SYS_openat, args) }.map(|fd| fd as c_int)
}

/// `close(fd)`. Even when it fails with `EINTR` the descriptor is closed (Linux), and no
/// cancellation acts after it.
pub fn close(fd: c_int) -> Result<(), Errno> {
    // SAFETY: closing a number the caller owns; a number that is not open gives EBADF.
    unsafe { call3(libc::SYS_close, fd as usize, 0, 0) }.map(|_| ())
}

/// `fsync(fd)`, or `fdatasync(fd)` when `data_only`.
pub fn sync(fd: c_int, data_only: bool) -> Result<(), Errno> {
    let nr = if data_only { libc::SYS_fdatasync } else { libc::SYS_fsync };
    // SAFETY: an integer argument only.
    unsafe { call3(nr, fd as usize, 0, 0) }.map(|_| ())
}
