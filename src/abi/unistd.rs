//! `<unistd.h>`: descriptor I/O and process identity.

use super::OrErrno;
use crate::io::{fd, points};
use core::ffi::{c_char, c_int, c_void};

/// [`read`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/read.html)
///
/// # Safety
/// `buf` must be writable for `count` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn read(fd: c_int, buf: *mut c_void, count: usize) -> isize {
    // SAFETY: the caller's contract is the core's.
    unsafe { points::read(fd, buf.cast(), count) }.map(|n| n as isize).or_errno(-1)
}

/// [`write`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/write.html)
///
/// # Safety
/// `buf` must be readable for `count` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn write(fd: c_int, buf: *const c_void, count: usize) -> isize {
    // SAFETY: the caller's contract is the core's.
    unsafe { points::write(fd, buf.cast(), count) }.map(|n| n as isize).or_errno(-1)
}

/// [`close`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/close.html)
#[unsafe(no_mangle)]
pub extern "C" fn close(fd: c_int) -> c_int {
    points::close(fd).map(|()| 0).or_errno(-1)
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

/// [`pread`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pread.html)
///
/// # Safety
/// `buf` must be writable for `count` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pread(fd: c_int, buf: *mut c_void, count: usize, offset: i64) -> isize {
    // SAFETY: the caller's contract is the core's.
    unsafe { points::pread(fd, buf.cast(), count, offset) }.map(|n| n as isize).or_errno(-1)
}

/// `pread64`: `pread` under `_FILE_OFFSET_BITS=64`.
///
/// # Safety
/// As [`pread`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pread64(fd: c_int, buf: *mut c_void, count: usize, offset: i64) -> isize {
    // SAFETY: as `pread`.
    unsafe { pread(fd, buf, count, offset) }
}

/// [`pwrite`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pwrite.html)
///
/// # Safety
/// `buf` must be readable for `count` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pwrite(fd: c_int, buf: *const c_void, count: usize, offset: i64) -> isize {
    // SAFETY: the caller's contract is the core's.
    unsafe { points::pwrite(fd, buf.cast(), count, offset) }.map(|n| n as isize).or_errno(-1)
}

/// `pwrite64`: `pwrite` under `_FILE_OFFSET_BITS=64`.
///
/// # Safety
/// As [`pwrite`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pwrite64(fd: c_int, buf: *const c_void, count: usize, offset: i64) -> isize {
    // SAFETY: as `pwrite`.
    unsafe { pwrite(fd, buf, count, offset) }
}

/// [`dup`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/dup.html)
#[unsafe(no_mangle)]
pub extern "C" fn dup(fd: c_int) -> c_int {
    fd::dup(fd).or_errno(-1)
}

/// [`dup2`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/dup2.html)
#[unsafe(no_mangle)]
pub extern "C" fn dup2(old: c_int, new: c_int) -> c_int {
    fd::dup3(old, new, 0, true).or_errno(-1)
}

/// [`dup3`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/dup3.html)
#[unsafe(no_mangle)]
pub extern "C" fn dup3(old: c_int, new: c_int, flags: c_int) -> c_int {
    fd::dup3(old, new, flags, false).or_errno(-1)
}

/// [`pipe2`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pipe2.html)
///
/// # Safety
/// `fds` must be null or writable for two ints.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pipe2(fds: *mut c_int, flags: c_int) -> c_int {
    if fds.is_null() {
        crate::thread::tcb::set_errno(libc::EFAULT);
        return -1;
    }
    // SAFETY: non-null and writable per the contract.
    fd::pipe2(flags).map(|pair| unsafe { fds.cast::<[c_int; 2]>().write_unaligned(pair) }).map(|()| 0).or_errno(-1)
}

/// [`pipe`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pipe.html)
///
/// # Safety
/// As [`pipe2`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pipe(fds: *mut c_int) -> c_int {
    // SAFETY: as `pipe2`.
    unsafe { pipe2(fds, 0) }
}

/// [`isatty`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/isatty.html)
#[unsafe(no_mangle)]
pub extern "C" fn isatty(fd: c_int) -> c_int {
    fd::isatty(fd).map(|()| 1).or_errno(0)
}

/// [`ttyname_r`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/ttyname_r.html):
/// an error number.
///
/// # Safety
/// `buf` must be writable for `len` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn ttyname_r(fd: c_int, buf: *mut c_char, len: usize) -> c_int {
    if buf.is_null() {
        return libc::ERANGE;
    }
    // SAFETY: writable for `len` bytes per the contract.
    let out = unsafe { core::slice::from_raw_parts_mut(buf.cast::<u8>(), len) };
    match fd::ttyname(fd, out) {
        Ok(()) => 0,
        Err(e) => e.raw_os_error(),
    }
}

/// The buffer `ttyname` returns, as POSIX allows: overwritten by the next call.
struct TtyName(core::cell::UnsafeCell<[u8; 4096]>);

// SAFETY: POSIX does not require `ttyname` to be thread-safe (that is `ttyname_r`); the buffer
// is only written by `ttyname`, like glibc's static one.
unsafe impl Sync for TtyName {}

static TTYNAME: TtyName = TtyName(core::cell::UnsafeCell::new([0; 4096]));

/// [`ttyname`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/ttyname.html)
#[unsafe(no_mangle)]
pub extern "C" fn ttyname(fd: c_int) -> *mut c_char {
    let buf = TTYNAME.0.get().cast::<u8>();
    // SAFETY: the static buffer, which only `ttyname` writes (POSIX does not require it to be
    // thread-safe).
    let out = unsafe { core::slice::from_raw_parts_mut(buf, 4096) };
    fd::ttyname(fd, out).map(|()| buf.cast()).or_errno(core::ptr::null_mut())
}

/// [`fsync`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/fsync.html)
#[unsafe(no_mangle)]
pub extern "C" fn fsync(fd: c_int) -> c_int {
    points::sync(fd, false).map(|()| 0).or_errno(-1)
}

/// [`fdatasync`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/fdatasync.html)
#[unsafe(no_mangle)]
pub extern "C" fn fdatasync(fd: c_int) -> c_int {
    points::sync(fd, true).map(|()| 0).or_errno(-1)
}

/// [`ftruncate`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/ftruncate.html)
#[unsafe(no_mangle)]
pub extern "C" fn ftruncate(fd: c_int, len: i64) -> c_int {
    fd::ftruncate(fd, len).map(|()| 0).or_errno(-1)
}

/// `ftruncate64`: `ftruncate` under `_FILE_OFFSET_BITS=64`.
#[unsafe(no_mangle)]
pub extern "C" fn ftruncate64(fd: c_int, len: i64) -> c_int {
    ftruncate(fd, len)
}
