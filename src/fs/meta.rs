//! Metadata changes and checks: permissions, owners, times, sizes, `access`, `umask`; and
//! `sync`, `syncfs`, `chroot`. The path-taking calls are raw system calls with C's paths
//! (`fs::path` says why).

use super::path::{CPath, at};
use core::ffi::c_int;
use rustix::fs::{Gid, Mode, Timestamps, Uid};
use rustix::io::Errno;
use rustix::time::Timespec;

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

/// The two times of `utimensat`/`futimens`; none means "now" for both.
fn timestamps(times: Option<[libc::timespec; 2]>) -> Timestamps {
    let now = Timespec { tv_sec: 0, tv_nsec: libc::UTIME_NOW };
    let [a, m] = times.map_or([now, now], |t| t.map(|t| Timespec { tv_sec: t.tv_sec, tv_nsec: t.tv_nsec }));
    Timestamps { last_access: a, last_modification: m }
}

/// `utimensat(dirfd, path, times, flags)`.
pub fn utimensat(dirfd: c_int, path: CPath, times: Option<[libc::timespec; 2]>, flags: c_int) -> Result<(), Errno> {
    let times = timestamps(times);
    // SAFETY: the kernel reads the path and the two times, a live local of the kernel's
    // layout (rustix's `Timestamps` is `struct timespec[2]`).
    unsafe { at(libc::SYS_utimensat, [dirfd as usize, path.arg(), (&raw const times) as usize, flags as usize, 0, 0]) }.map(|_| ())
}

/// `futimens(fd, times)`.
pub fn futimens(fd: c_int, times: Option<[libc::timespec; 2]>) -> Result<(), Errno> {
    rustix::fs::futimens(crate::io::fd::borrow(fd)?, &timestamps(times))
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
