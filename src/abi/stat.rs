//! `<sys/stat.h>`: the `stat` family (and the `*64` names of `_FILE_OFFSET_BITS=64`
//! programs: the same layout on x86_64), `statx`, `mkdir`, permissions, `umask`, file times.

use super::OrErrno;
use crate::fs::{links, meta, path::CPath, stat};
use core::ffi::{c_char, c_int};
use rustix::io::Errno;

/// `0` for success, `-1` with `errno` for failure.
fn status(r: Result<(), Errno>) -> c_int {
    r.map(|()| 0).or_errno(-1)
}

/// [`stat`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/stat.html)
///
/// # Safety
/// `out` writable for the result, or an address the kernel refuses (the kernel checks `path`
/// and `out`: `EFAULT`).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn stat(path: *const c_char, out: *mut libc::stat) -> c_int {
    // SAFETY: the caller's contract.
    status(unsafe { stat::stat(CPath::new(path), out.cast(), true) })
}

/// [`lstat`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/lstat.html)
///
/// # Safety
/// As [`stat`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lstat(path: *const c_char, out: *mut libc::stat) -> c_int {
    // SAFETY: the caller's contract.
    status(unsafe { stat::stat(CPath::new(path), out.cast(), false) })
}

/// [`fstat`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/fstat.html)
///
/// # Safety
/// `out` must be null or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fstat(fd: c_int, out: *mut libc::stat) -> c_int {
    // SAFETY: the caller's contract.
    status(unsafe { stat::store(stat::fstat(fd), out.cast()) })
}

/// [`fstatat`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/fstatat.html)
///
/// # Safety
/// As [`stat`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fstatat(dirfd: c_int, path: *const c_char, out: *mut libc::stat, flags: c_int) -> c_int {
    // SAFETY: the caller's contract.
    status(unsafe { stat::statat(dirfd, CPath::new(path), out.cast(), flags) })
}

/// `stat64`: `stat` under `_FILE_OFFSET_BITS=64`.
///
/// # Safety
/// As [`stat`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn stat64(path: *const c_char, out: *mut libc::stat64) -> c_int {
    // SAFETY: the same layout; as `stat`.
    unsafe { stat(path, out.cast()) }
}

/// `lstat64`: `lstat` under `_FILE_OFFSET_BITS=64`.
///
/// # Safety
/// As [`stat`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lstat64(path: *const c_char, out: *mut libc::stat64) -> c_int {
    // SAFETY: the same layout; as `lstat`.
    unsafe { lstat(path, out.cast()) }
}

/// `fstat64`: `fstat` under `_FILE_OFFSET_BITS=64`.
///
/// # Safety
/// As [`fstat`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fstat64(fd: c_int, out: *mut libc::stat64) -> c_int {
    // SAFETY: the same layout; as `fstat`.
    unsafe { fstat(fd, out.cast()) }
}

/// `fstatat64`: `fstatat` under `_FILE_OFFSET_BITS=64`.
///
/// # Safety
/// As [`stat`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fstatat64(dirfd: c_int, path: *const c_char, out: *mut libc::stat64, flags: c_int) -> c_int {
    // SAFETY: the same layout; as `fstatat`.
    unsafe { fstatat(dirfd, path, out.cast(), flags) }
}

/// [`statx`](https://man7.org/linux/man-pages/man2/statx.2.html)
///
/// # Safety
/// `out` writable for the result, or an address the kernel refuses (the kernel checks `path`
/// and `out`: `EFAULT`).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn statx(dirfd: c_int, path: *const c_char, flags: c_int, mask: u32, out: *mut libc::statx) -> c_int {
    // SAFETY: the caller's contract; rustix's `Statx` is `struct statx`.
    status(unsafe { stat::statx(dirfd, CPath::new(path), flags, mask, out.cast()) })
}

/// [`mkdir`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/mkdir.html)
///
/// # Safety
/// `path` must be null or a NUL-terminated string.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mkdir(path: *const c_char, mode: libc::mode_t) -> c_int {
    // SAFETY: as `mkdirat`.
    unsafe { mkdirat(libc::AT_FDCWD, path, mode) }
}

/// [`mkdirat`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/mkdirat.html)
///
/// # Safety
/// `path` must be null or a NUL-terminated string.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mkdirat(dirfd: c_int, path: *const c_char, mode: libc::mode_t) -> c_int {
    // SAFETY: the caller's contract.
    status(links::mkdirat(dirfd, CPath::new(path), mode))
}

/// [`chmod`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/chmod.html)
///
/// # Safety
/// `path` must be null or a NUL-terminated string.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn chmod(path: *const c_char, mode: libc::mode_t) -> c_int {
    // SAFETY: as `fchmodat`.
    unsafe { fchmodat(libc::AT_FDCWD, path, mode, 0) }
}

/// [`fchmodat`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/fchmodat.html)
///
/// # Safety
/// `path` must be null or a NUL-terminated string.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fchmodat(dirfd: c_int, path: *const c_char, mode: libc::mode_t, flags: c_int) -> c_int {
    // SAFETY: the caller's contract.
    status(meta::chmodat(dirfd, CPath::new(path), mode, flags))
}

/// [`fchmod`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/fchmod.html)
#[unsafe(no_mangle)]
pub extern "C" fn fchmod(fd: c_int, mode: libc::mode_t) -> c_int {
    status(meta::fchmod(fd, mode))
}

/// [`umask`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/umask.html)
#[unsafe(no_mangle)]
pub extern "C" fn umask(mask: libc::mode_t) -> libc::mode_t {
    meta::umask(mask)
}

/// [`utimensat`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/utimensat.html)
///
/// # Safety
/// None: the kernel reads `path` and `ts` (a bad pointer is `EFAULT`).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn utimensat(dirfd: c_int, path: *const c_char, ts: *const libc::timespec, flags: c_int) -> c_int {
    // A null path is glibc's EINVAL (the kernel would take it as `futimens(dirfd)`).
    if path.is_null() {
        return status(Err(Errno::INVAL));
    }
    // SAFETY: the kernel checks the pointers.
    status(unsafe { meta::utimensat(dirfd, CPath::new(path), ts, flags) })
}

/// [`futimens`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/futimens.html)
///
/// # Safety
/// None: the kernel reads `ts` (a bad pointer is `EFAULT`).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn futimens(fd: c_int, ts: *const libc::timespec) -> c_int {
    // SAFETY: the kernel checks the pointer.
    status(unsafe { meta::futimens(fd, ts) })
}

/// [`mknodat`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/mknodat.html)
///
/// # Safety
/// `path` must be null or a NUL-terminated string.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mknodat(dirfd: c_int, path: *const c_char, mode: libc::mode_t, dev: libc::dev_t) -> c_int {
    // SAFETY: the caller's contract.
    status(links::mknodat(dirfd, CPath::new(path), mode, dev))
}

/// [`mknod`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/mknod.html)
///
/// # Safety
/// `path` must be null or a NUL-terminated string.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mknod(path: *const c_char, mode: libc::mode_t, dev: libc::dev_t) -> c_int {
    // SAFETY: as `mknodat`.
    unsafe { mknodat(libc::AT_FDCWD, path, mode, dev) }
}

/// [`mkfifoat`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/mkfifoat.html)
///
/// # Safety
/// `path` must be null or a NUL-terminated string.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mkfifoat(dirfd: c_int, path: *const c_char, mode: libc::mode_t) -> c_int {
    // SAFETY: as `mknodat`.
    unsafe { mknodat(dirfd, path, (mode & 0o7777) | libc::S_IFIFO, 0) }
}

/// [`mkfifo`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/mkfifo.html)
///
/// # Safety
/// `path` must be null or a NUL-terminated string.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mkfifo(path: *const c_char, mode: libc::mode_t) -> c_int {
    // SAFETY: as `mknodat`.
    unsafe { mkfifoat(libc::AT_FDCWD, path, mode) }
}
