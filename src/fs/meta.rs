//! Metadata changes and checks: permissions, owners, times, sizes, `access`, `umask`; and
//! `sync`, `syncfs`, `chroot`.

use super::path::{at_flags, dir};
use core::ffi::{CStr, c_int};
use rustix::fs::{Access, Gid, Mode, Timestamps, Uid};
use rustix::io::Errno;
use rustix::time::Timespec;

/// `faccessat(dirfd, path, mode, flags)`.
pub fn accessat(dirfd: c_int, path: &CStr, mode: c_int, flags: c_int) -> Result<(), Errno> {
    if mode & !(libc::R_OK | libc::W_OK | libc::X_OK) != 0 {
        return Err(Errno::INVAL);
    }
    rustix::fs::accessat(dir(dirfd)?, path, Access::from_bits_retain(mode as u32), at_flags(flags))
}

/// `fchmodat(dirfd, path, mode, flags)`.
pub fn chmodat(dirfd: c_int, path: &CStr, mode: u32, flags: c_int) -> Result<(), Errno> {
    rustix::fs::chmodat(dir(dirfd)?, path, Mode::from_bits_retain(mode), at_flags(flags))
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

/// `fchownat(dirfd, path, uid, gid, flags)`.
pub fn chownat(dirfd: c_int, path: &CStr, uid: u32, gid: u32, flags: c_int) -> Result<(), Errno> {
    let (uid, gid) = ids(uid, gid);
    rustix::fs::chownat(dir(dirfd)?, path, uid, gid, at_flags(flags))
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
pub fn utimensat(dirfd: c_int, path: &CStr, times: Option<[libc::timespec; 2]>, flags: c_int) -> Result<(), Errno> {
    rustix::fs::utimensat(dir(dirfd)?, path, &timestamps(times), at_flags(flags))
}

/// `futimens(fd, times)`.
pub fn futimens(fd: c_int, times: Option<[libc::timespec; 2]>) -> Result<(), Errno> {
    rustix::fs::futimens(crate::io::fd::borrow(fd)?, &timestamps(times))
}

/// `truncate(path, len)`: the raw call, since rustix offers only `ftruncate`.
pub fn truncate(path: &CStr, len: i64) -> Result<(), Errno> {
    if len < 0 {
        return Err(Errno::INVAL);
    }
    // SAFETY: the kernel reads the NUL-terminated path.
    unsafe { crate::io::syscall::call3(libc::SYS_truncate, path.as_ptr() as usize, len as usize, 0) }.map(|_| ())
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
pub fn chroot(path: &CStr) -> Result<(), Errno> {
    rustix::process::chroot(path)
}
