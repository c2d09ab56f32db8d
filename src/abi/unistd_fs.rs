//! `<unistd.h>` (and `<stdio.h>`'s `renameat`): paths, links, the working directory,
//! ownership, `access`, `truncate`.

use super::OrErrno;
use crate::fs::{cwd, links, meta, path::CPath};
use core::ffi::{c_char, c_int};
use rustix::io::Errno;

/// `0` for success, `-1` with `errno` for failure.
fn status(r: Result<(), Errno>) -> c_int {
    r.map(|()| 0).or_errno(-1)
}

/// [`access`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/access.html)
///
/// # Safety
/// `path` must be null or a NUL-terminated string.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn access(path: *const c_char, mode: c_int) -> c_int {
    // SAFETY: the caller's contract.
    status(meta::accessat(libc::AT_FDCWD, CPath::new(path), mode, 0))
}

/// [`faccessat`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/faccessat.html)
///
/// # Safety
/// `path` must be null or a NUL-terminated string.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn faccessat(dirfd: c_int, path: *const c_char, mode: c_int, flags: c_int) -> c_int {
    // SAFETY: the caller's contract.
    status(meta::accessat(dirfd, CPath::new(path), mode, flags))
}

/// [`chdir`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/chdir.html)
///
/// # Safety
/// `path` must be null or a NUL-terminated string.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn chdir(path: *const c_char) -> c_int {
    // SAFETY: the caller's contract.
    status(cwd::chdir(CPath::new(path)))
}

/// [`fchdir`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/fchdir.html)
#[unsafe(no_mangle)]
pub extern "C" fn fchdir(fd: c_int) -> c_int {
    status(cwd::fchdir(fd))
}

/// [`getcwd`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/getcwd.html): into
/// the caller's buffer, or (glibc's extension, for a null `buf`) into a new allocation of
/// `len` bytes, or of just the path's length when `len` is 0.
///
/// # Safety
/// `buf` must be null or writable for `len` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn getcwd(buf: *mut c_char, len: usize) -> *mut c_char {
    if buf.is_null() {
        return cwd::getcwd_allocated(len).map(|p| p.cast()).or_errno(core::ptr::null_mut());
    }
    // SAFETY: the caller's contract.
    unsafe { cwd::getcwd(buf.cast(), len) }.map(|_| buf).or_errno(core::ptr::null_mut())
}

/// [`rmdir`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/rmdir.html)
///
/// # Safety
/// `path` must be null or a NUL-terminated string.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rmdir(path: *const c_char) -> c_int {
    // SAFETY: the caller's contract.
    status(links::rmdir(CPath::new(path)))
}

/// [`unlink`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/unlink.html)
///
/// # Safety
/// `path` must be null or a NUL-terminated string.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn unlink(path: *const c_char) -> c_int {
    // SAFETY: the caller's contract.
    status(links::unlinkat(libc::AT_FDCWD, CPath::new(path), 0))
}

/// [`unlinkat`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/unlinkat.html)
///
/// # Safety
/// `path` must be null or a NUL-terminated string.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn unlinkat(dirfd: c_int, path: *const c_char, flags: c_int) -> c_int {
    // SAFETY: the caller's contract.
    status(links::unlinkat(dirfd, CPath::new(path), flags))
}

/// [`renameat`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/renameat.html)
///
/// # Safety
/// Both paths must be null or NUL-terminated strings.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn renameat(olddir: c_int, old: *const c_char, newdir: c_int, new: *const c_char) -> c_int {
    // SAFETY: as `renameat2`.
    unsafe { renameat2(olddir, old, newdir, new, 0) }
}

/// [`renameat2`](https://man7.org/linux/man-pages/man2/renameat2.2.html)
///
/// # Safety
/// Both paths must be null or NUL-terminated strings.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn renameat2(olddir: c_int, old: *const c_char, newdir: c_int, new: *const c_char, flags: u32) -> c_int {
    // SAFETY: the caller's contract.
    status(links::renameat(olddir, CPath::new(old), newdir, CPath::new(new), flags))
}

/// [`link`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/link.html)
///
/// # Safety
/// Both paths must be null or NUL-terminated strings.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn link(old: *const c_char, new: *const c_char) -> c_int {
    // SAFETY: as `linkat`.
    unsafe { linkat(libc::AT_FDCWD, old, libc::AT_FDCWD, new, 0) }
}

/// [`linkat`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/linkat.html)
///
/// # Safety
/// Both paths must be null or NUL-terminated strings.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn linkat(olddir: c_int, old: *const c_char, newdir: c_int, new: *const c_char, flags: c_int) -> c_int {
    // SAFETY: the caller's contract.
    status(links::linkat(olddir, CPath::new(old), newdir, CPath::new(new), flags))
}

/// [`symlink`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/symlink.html)
///
/// # Safety
/// Both strings must be null or NUL-terminated.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn symlink(target: *const c_char, path: *const c_char) -> c_int {
    // SAFETY: as `symlinkat`.
    unsafe { symlinkat(target, libc::AT_FDCWD, path) }
}

/// [`symlinkat`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/symlinkat.html)
///
/// # Safety
/// Both strings must be null or NUL-terminated.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn symlinkat(target: *const c_char, dirfd: c_int, path: *const c_char) -> c_int {
    // SAFETY: the caller's contract.
    status(links::symlinkat(CPath::new(target), dirfd, CPath::new(path)))
}

/// [`readlink`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/readlink.html)
///
/// # Safety
/// `path` must be null or NUL-terminated; `buf` writable for `len` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn readlink(path: *const c_char, buf: *mut c_char, len: usize) -> isize {
    // SAFETY: as `readlinkat`.
    unsafe { readlinkat(libc::AT_FDCWD, path, buf, len) }
}

/// [`readlinkat`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/readlinkat.html)
///
/// # Safety
/// `path` must be null or NUL-terminated; `buf` writable for `len` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn readlinkat(dirfd: c_int, path: *const c_char, buf: *mut c_char, len: usize) -> isize {
    let len = len.min(isize::MAX as usize);
    let buf = if len == 0 { core::ptr::NonNull::dangling().as_ptr() } else { buf.cast::<u8>() };
    // SAFETY: the caller's contract; the kernel writes the buffer (EFAULT if it cannot).
    let out = unsafe { core::slice::from_raw_parts_mut(buf, len) };
    // SAFETY: the caller's contract.
    links::readlinkat(dirfd, CPath::new(path), out).map(|n| n as isize).or_errno(-1)
}

/// [`chown`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/chown.html)
///
/// # Safety
/// `path` must be null or a NUL-terminated string.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn chown(path: *const c_char, uid: libc::uid_t, gid: libc::gid_t) -> c_int {
    // SAFETY: as `fchownat`.
    unsafe { fchownat(libc::AT_FDCWD, path, uid, gid, 0) }
}

/// [`lchown`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/lchown.html)
///
/// # Safety
/// `path` must be null or a NUL-terminated string.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lchown(path: *const c_char, uid: libc::uid_t, gid: libc::gid_t) -> c_int {
    // SAFETY: as `fchownat`.
    unsafe { fchownat(libc::AT_FDCWD, path, uid, gid, libc::AT_SYMLINK_NOFOLLOW) }
}

/// [`fchownat`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/fchownat.html)
///
/// # Safety
/// `path` must be null or a NUL-terminated string.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fchownat(dirfd: c_int, path: *const c_char, uid: libc::uid_t, gid: libc::gid_t, flags: c_int) -> c_int {
    // SAFETY: the caller's contract.
    status(meta::chownat(dirfd, CPath::new(path), uid, gid, flags))
}

/// [`fchown`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/fchown.html)
#[unsafe(no_mangle)]
pub extern "C" fn fchown(fd: c_int, uid: libc::uid_t, gid: libc::gid_t) -> c_int {
    status(meta::fchown(fd, uid, gid))
}

/// [`truncate`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/truncate.html)
///
/// # Safety
/// `path` must be null or a NUL-terminated string.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn truncate(path: *const c_char, len: i64) -> c_int {
    // SAFETY: the caller's contract.
    status(meta::truncate(CPath::new(path), len))
}

/// `truncate64`: `truncate` under `_FILE_OFFSET_BITS=64`.
///
/// # Safety
/// As [`truncate`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn truncate64(path: *const c_char, len: i64) -> c_int {
    // SAFETY: as `truncate`.
    unsafe { truncate(path, len) }
}

/// [`sync`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/sync.html)
#[unsafe(no_mangle)]
pub extern "C" fn sync() {
    meta::sync()
}

/// [`syncfs`](https://man7.org/linux/man-pages/man2/syncfs.2.html)
#[unsafe(no_mangle)]
pub extern "C" fn syncfs(fd: c_int) -> c_int {
    status(meta::syncfs(fd))
}

/// [`chroot`](https://man7.org/linux/man-pages/man2/chroot.2.html)
///
/// # Safety
/// `path` must be null or a NUL-terminated string.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn chroot(path: *const c_char) -> c_int {
    // SAFETY: the caller's contract.
    status(meta::chroot(CPath::new(path)))
}
