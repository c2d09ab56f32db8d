//! `<sys/vfs.h>` and `<sys/statvfs.h>`: file-system statistics (and the `*64` names of
//! `_FILE_OFFSET_BITS=64` programs: the same layouts on x86_64).

use super::OrErrno;
use crate::fs::{path::CPath, stat::store, statfs};
use core::ffi::{c_char, c_int};

/// [`statfs`](https://man7.org/linux/man-pages/man2/statfs.2.html)
///
/// # Safety
/// `path` null or NUL-terminated; `out` null or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn statfs(path: *const c_char, out: *mut libc::statfs) -> c_int {
    // SAFETY: the caller's contract; rustix's `StatFs` is `struct statfs`.
    unsafe { store(statfs::statfs(CPath::new(path)), out.cast()) }.map(|()| 0).or_errno(-1)
}

/// `statfs64`: `statfs` under `_FILE_OFFSET_BITS=64`.
///
/// # Safety
/// As [`statfs`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn statfs64(path: *const c_char, out: *mut libc::statfs64) -> c_int {
    // SAFETY: as `statfs`; the same layout.
    unsafe { statfs(path, out.cast()) }
}

/// [`fstatfs`](https://man7.org/linux/man-pages/man2/fstatfs.2.html)
///
/// # Safety
/// `out` null or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fstatfs(fd: c_int, out: *mut libc::statfs) -> c_int {
    // SAFETY: the caller's contract.
    unsafe { store(statfs::fstatfs(fd), out.cast()) }.map(|()| 0).or_errno(-1)
}

/// `fstatfs64`: `fstatfs` under `_FILE_OFFSET_BITS=64`.
///
/// # Safety
/// As [`fstatfs`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fstatfs64(fd: c_int, out: *mut libc::statfs64) -> c_int {
    // SAFETY: as `fstatfs`; the same layout.
    unsafe { fstatfs(fd, out.cast()) }
}

/// [`statvfs`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/statvfs.html)
///
/// # Safety
/// `path` null or NUL-terminated; `out` null or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn statvfs(path: *const c_char, out: *mut libc::statvfs) -> c_int {
    // SAFETY: the caller's contract.
    let result = statfs::statfs(CPath::new(path)).map(|s| statfs::to_statvfs(&s));
    // SAFETY: the caller's contract.
    unsafe { store(result, out) }.map(|()| 0).or_errno(-1)
}

/// `statvfs64`: `statvfs` under `_FILE_OFFSET_BITS=64`.
///
/// # Safety
/// As [`statvfs`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn statvfs64(path: *const c_char, out: *mut libc::statvfs64) -> c_int {
    // SAFETY: as `statvfs`; the same layout.
    unsafe { statvfs(path, out.cast()) }
}

/// [`fstatvfs`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/fstatvfs.html)
///
/// # Safety
/// `out` null or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fstatvfs(fd: c_int, out: *mut libc::statvfs) -> c_int {
    // SAFETY: the caller's contract.
    unsafe { store(statfs::fstatfs(fd).map(|s| statfs::to_statvfs(&s)), out) }.map(|()| 0).or_errno(-1)
}

/// `fstatvfs64`: `fstatvfs` under `_FILE_OFFSET_BITS=64`.
///
/// # Safety
/// As [`fstatvfs`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fstatvfs64(fd: c_int, out: *mut libc::statvfs64) -> c_int {
    // SAFETY: as `fstatvfs`; the same layout.
    unsafe { fstatvfs(fd, out.cast()) }
}
