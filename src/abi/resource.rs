//! `<sys/resource.h>`: resource limits and usage, scheduling priorities. glibc's headers
//! type the resource and the `which` argument as enums (unsigned int), hence `c_uint`.

use super::OrErrno;
use crate::process::{ids, limits};
use core::ffi::{c_int, c_uint};

/// [`getrlimit`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/getrlimit.html)
///
/// # Safety
/// `out` must be writable (the kernel checks: EFAULT).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn getrlimit(resource: c_uint, out: *mut libc::rlimit) -> c_int {
    // SAFETY: the caller's contract.
    unsafe { limits::prlimit_raw(0, resource as c_int, core::ptr::null(), out) }.map(|()| 0).or_errno(-1)
}

/// `getrlimit64`: `getrlimit` under `_FILE_OFFSET_BITS=64`; the same layout.
///
/// # Safety
/// As [`getrlimit`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn getrlimit64(resource: c_uint, out: *mut libc::rlimit64) -> c_int {
    // SAFETY: as `getrlimit`.
    unsafe { getrlimit(resource, out.cast()) }
}

/// [`setrlimit`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/setrlimit.html)
///
/// # Safety
/// `new` must be readable (the kernel checks: EFAULT).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn setrlimit(resource: c_uint, new: *const libc::rlimit) -> c_int {
    // SAFETY: the caller's contract.
    unsafe { limits::prlimit_raw(0, resource as c_int, new, core::ptr::null_mut()) }.map(|()| 0).or_errno(-1)
}

/// `setrlimit64`: `setrlimit` under `_FILE_OFFSET_BITS=64`.
///
/// # Safety
/// As [`setrlimit`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn setrlimit64(resource: c_uint, new: *const libc::rlimit64) -> c_int {
    // SAFETY: as `setrlimit`.
    unsafe { setrlimit(resource, new.cast()) }
}

/// [`prlimit`](https://man7.org/linux/man-pages/man2/prlimit.2.html)
///
/// # Safety
/// `new` null or readable, `old` null or writable (the kernel checks: EFAULT).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn prlimit(pid: libc::pid_t, resource: c_uint, new: *const libc::rlimit, old: *mut libc::rlimit) -> c_int {
    // SAFETY: the caller's contract.
    unsafe { limits::prlimit_raw(pid, resource as c_int, new, old) }.map(|()| 0).or_errno(-1)
}

/// `prlimit64`: `prlimit` under `_FILE_OFFSET_BITS=64`.
///
/// # Safety
/// As [`prlimit`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn prlimit64(pid: libc::pid_t, resource: c_uint, new: *const libc::rlimit64, old: *mut libc::rlimit64) -> c_int {
    // SAFETY: as `prlimit`.
    unsafe { prlimit(pid, resource, new.cast(), old.cast()) }
}

/// [`getrusage`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/getrusage.html)
///
/// # Safety
/// `out` must be writable (the kernel checks: EFAULT).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn getrusage(who: c_int, out: *mut libc::rusage) -> c_int {
    // SAFETY: the caller's contract.
    unsafe { limits::getrusage(who, out) }.map(|()| 0).or_errno(-1)
}

/// [`getpriority`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/getpriority.html)
#[unsafe(no_mangle)]
pub extern "C" fn getpriority(which: c_uint, who: libc::id_t) -> c_int {
    ids::getpriority(which as c_int, who).or_errno(-1)
}

/// [`setpriority`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/setpriority.html)
#[unsafe(no_mangle)]
pub extern "C" fn setpriority(which: c_uint, who: libc::id_t, prio: c_int) -> c_int {
    ids::setpriority(which as c_int, who, prio).map(|()| 0).or_errno(-1)
}
