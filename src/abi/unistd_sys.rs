//! `<unistd.h>`: configuration values (`sysconf`, `pathconf`), the page size, the host name.

use super::OrErrno;
use crate::fs::path::CPath;
use crate::system::{info, pathconf, sysconf as conf};
use core::ffi::{c_char, c_int, c_long};

/// [`sysconf`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/sysconf.html)
#[unsafe(no_mangle)]
pub extern "C" fn sysconf(name: c_int) -> c_long {
    conf::sysconf(name).or_errno(-1)
}

/// `__sysconf`: what glibc's headers call for `PTHREAD_STACK_MIN` under `_GNU_SOURCE`.
#[unsafe(no_mangle)]
pub extern "C" fn __sysconf(name: c_int) -> c_long {
    sysconf(name)
}

/// [`getpagesize`](https://man7.org/linux/man-pages/man2/getpagesize.2.html)
#[unsafe(no_mangle)]
pub extern "C" fn getpagesize() -> c_int {
    rustix::param::page_size() as c_int
}

/// [`pathconf`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pathconf.html)
///
/// # Safety
/// `path` must be null or a NUL-terminated string.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pathconf(path: *const c_char, name: c_int) -> c_long {
    // SAFETY: the caller's contract.
    pathconf::pathconf(CPath::new(path), name).or_errno(-1)
}

/// [`fpathconf`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/fpathconf.html)
#[unsafe(no_mangle)]
pub extern "C" fn fpathconf(fd: c_int, name: c_int) -> c_long {
    pathconf::fpathconf(fd, name).or_errno(-1)
}

/// [`gethostname`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/gethostname.html)
///
/// # Safety
/// `buf` must be writable for `len` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gethostname(buf: *mut c_char, len: usize) -> c_int {
    if buf.is_null() && len != 0 {
        crate::thread::tcb::set_errno(libc::EFAULT);
        return -1;
    }
    let buf = if len == 0 { core::ptr::NonNull::dangling().as_ptr() } else { buf.cast::<u8>() };
    // SAFETY: writable for `len` bytes per the contract.
    let out = unsafe { core::slice::from_raw_parts_mut(buf, len) };
    info::gethostname(out).map(|()| 0).or_errno(-1)
}

/// [`confstr`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/confstr.html): the
/// size the string needs; 0 with `EINVAL` for an unknown name.
///
/// # Safety
/// `buf` must be null or writable for `len` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn confstr(name: c_int, buf: *mut c_char, len: usize) -> usize {
    let Some(s) = crate::system::confstr::confstr(name) else {
        crate::thread::tcb::set_errno(libc::EINVAL);
        return 0;
    };
    let (buf, len) = if buf.is_null() { (core::ptr::NonNull::dangling().as_ptr(), 0) } else { (buf.cast::<u8>(), len) };
    // SAFETY: writable for `len` bytes per the contract (or empty).
    let out = unsafe { core::slice::from_raw_parts_mut(buf, len) };
    crate::system::confstr::copy_out(s, out)
}

/// [`getdomainname`](https://man7.org/linux/man-pages/man2/getdomainname.2.html)
///
/// # Safety
/// `buf` must be writable for `len` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn getdomainname(buf: *mut c_char, len: usize) -> c_int {
    if buf.is_null() && len != 0 {
        crate::thread::tcb::set_errno(libc::EFAULT);
        return -1;
    }
    let buf = if len == 0 { core::ptr::NonNull::dangling().as_ptr() } else { buf.cast::<u8>() };
    // SAFETY: writable for `len` bytes per the contract.
    info::getdomainname(unsafe { core::slice::from_raw_parts_mut(buf, len) });
    0
}
