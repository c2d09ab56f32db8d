//! Metadata changes and checks: permissions, owners, times, sizes, `access`, `umask`; and
//! `sync`, `syncfs`, `chroot`. The path-taking calls are raw system calls with C's paths
//! (`fs::path` says why).

use super::path::{CPath, at};
use core::ffi::c_int;
use rustix::fs::{Gid, Mode, Uid};
use rustix::io::Errno;

/// `faccessat(dirfd, path, mode, flags)`: with flags, `faccessat2` (Linux 5.8), which checks
/// them.
pub fn accessat(dirfd: c_int, path: CPath, mode: c_int, flags: c_int) -> Result<(), Errno> {
    if mode & !(libc::R_OK | libc::W_OK | libc::X_OK) != 0 {
        return Err(Errno::INVAL);
    }
    let nr = if flags == 0 { libc::SYS_faccessat } else { libc::SYS_faccessat2 };
    // SAFETY: the kernel reads the path; the rest are integers.
    unsafe { at(nr, [dirfd as usize, path.arg(), mode as usize, flags as usize, 0, 0]) }.map(|_| ())
}

/// `fchmodat(dirfd, path, mode, flags)`: `AT_SYMLINK_NOFOLLOW` is `EOPNOTSUPP` (Linux cannot
/// change a link's own mode), other flags `EINVAL`.
pub fn chmodat(dirfd: c_int, path: CPath, mode: u32, flags: c_int) -> Result<(), Errno> {
    match flags {
        0 => {}
        libc::AT_SYMLINK_NOFOLLOW => return Err(Errno::OPNOTSUPP),
        _ => return Err(Errno::INVAL),
    }
    // SAFETY: as in `accessat`.
    unsafe { at(libc::SYS_fchmodat, [dirfd as usize, path.arg(), mode as usize, 0, 0, 0]) }.map(|_| ())
}

/// `fchmod(fd, mode)`.
pub fn fchmod(fd: c_int, mode: u32) -> Result<(), Errno> {
    rustix::fs::fchmod(crate::io::fd::borrow(fd)?, Mode::from_bits_retain(mode))
}

/// C's "leave unchanged" owner value (-1) as rustix's `None`.
fn ids(uid: u32, gid: u32) -> (Option<Uid>, Option<Gid>) {
    let uid = (uid != u32::MAX).then(|| Uid::from_raw(uid));
    let gid = (gid != u32::MAX).then(|| Gid::from_raw(gid));
    (uid, gid)
}

/// `fchownat(dirfd, path, uid, gid, flags)`; -1 leaves an id unchanged (the kernel's rule).
pub fn chownat(dirfd: c_int, path: CPath, uid: u32, gid: u32, flags: c_int) -> Result<(), Errno> {
    // SAFETY: as in `accessat`.
    unsafe { at(libc::SYS_fchownat, [dirfd as usize, path.arg(), uid as usize, gid as usize, flags as usize, 0]) }.map(|_| ())
}

/// `fchown(fd, uid, gid)`.
pub fn fchown(fd: c_int, uid: u32, gid: u32) -> Result<(), Errno> {
    let (uid, gid) = ids(uid, gid);
    rustix::fs::fchown(crate::io::fd::borrow(fd)?, uid, gid)
}

/// `utimensat(dirfd, path, times, flags)`: `times` null (both "now") or two `timespec`s,
/// which the kernel reads, so a bad pointer is `EFAULT`.
///
/// # Safety
/// None beyond the kernel's checks: it reads the path and the times.
pub unsafe fn utimensat(dirfd: c_int, path: CPath, times: *const libc::timespec, flags: c_int) -> Result<(), Errno> {
    // SAFETY: the kernel reads the path and the two times (or none).
    unsafe { at(libc::SYS_utimensat, [dirfd as usize, path.arg(), times as usize, flags as usize, 0, 0]) }.map(|_| ())
}

/// `futimens(fd, times)`: `utimensat` with no path, which the kernel takes as `fd` itself;
/// a negative `fd` is glibc's `EBADF` (the kernel would read it as `AT_FDCWD` or fail).
///
/// # Safety
/// As [`utimensat`].
pub unsafe fn futimens(fd: c_int, times: *const libc::timespec) -> Result<(), Errno> {
    if fd < 0 {
        return Err(Errno::BADF);
    }
    // SAFETY: as above; a null path names `fd`.
    unsafe { at(libc::SYS_utimensat, [fd as usize, 0, times as usize, 0, 0, 0]) }.map(|_| ())
}

/// `truncate(path, len)`.
pub fn truncate(path: CPath, len: i64) -> Result<(), Errno> {
    if len < 0 {
        return Err(Errno::INVAL);
    }
    // SAFETY: the kernel reads the path.
    unsafe { at(libc::SYS_truncate, [path.arg(), len as usize, 0, 0, 0, 0]) }.map(|_| ())
}

/// `umask(mask)`: the previous mask.
pub fn umask(mask: u32) -> u32 {
    rustix::process::umask(Mode::from_bits_retain(mask & 0o777)).bits()
}

/// `sync()`.
pub fn sync() {
    rustix::fs::sync()
}

/// `syncfs(fd)`.
pub fn syncfs(fd: c_int) -> Result<(), Errno> {
    rustix::fs::syncfs(crate::io::fd::borrow(fd)?)
}

/// `chroot(path)`.
pub fn chroot(path: CPath) -> Result<(), Errno> {
    // SAFETY: the kernel reads the path.
    unsafe { at(libc::SYS_chroot, [path.arg(), 0, 0, 0, 0, 0]) }.map(|_| ())
}
