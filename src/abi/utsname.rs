//! `<sys/utsname.h>`, `<sys/sysinfo.h>` and `<sys/random.h>`: what the system is.

use super::OrErrno;
use crate::system::{cpus, info, random};
use core::ffi::{c_int, c_uint, c_void};

/// [`uname`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/uname.html)
///
/// # Safety
/// `out` must be null or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn uname(out: *mut libc::utsname) -> c_int {
    // SAFETY: the caller's contract.
    unsafe { crate::fs::stat::store(Ok(info::uname()), out) }.map(|()| 0).or_errno(-1)
}

/// [`sysinfo`](https://man7.org/linux/man-pages/man2/sysinfo.2.html)
///
/// # Safety
/// `out` must be null or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sysinfo(out: *mut libc::sysinfo) -> c_int {
    // SAFETY: the caller's contract; rustix's `Sysinfo` is `struct sysinfo`.
    unsafe { crate::fs::stat::store(Ok(info::sysinfo()), out.cast()) }.map(|()| 0).or_errno(-1)
}

/// [`get_nprocs`](https://man7.org/linux/man-pages/man3/get_nprocs.3.html)
#[unsafe(no_mangle)]
pub extern "C" fn get_nprocs() -> c_int {
    cpus::online()
}

/// [`get_nprocs_conf`](https://man7.org/linux/man-pages/man3/get_nprocs_conf.3.html)
#[unsafe(no_mangle)]
pub extern "C" fn get_nprocs_conf() -> c_int {
    cpus::configured()
}

/// [`getrandom`](https://man7.org/linux/man-pages/man2/getrandom.2.html)
///
/// # Safety
/// `buf` must be writable for `len` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn getrandom(buf: *mut c_void, len: usize, flags: c_uint) -> isize {
    // SAFETY: the caller's contract.
    unsafe { random::getrandom(buf.cast(), len, flags) }.map(|n| n as isize).or_errno(-1)
}

/// [`getentropy`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/getentropy.html)
///
/// # Safety
/// `buf` must be writable for `len` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn getentropy(buf: *mut c_void, len: usize) -> c_int {
    // SAFETY: the caller's contract.
    unsafe { random::getentropy(buf.cast(), len) }.map(|()| 0).or_errno(-1)
}
