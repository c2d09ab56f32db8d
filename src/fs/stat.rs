//! The `stat` family. rustix's `Stat` is the kernel's x86_64 `struct stat`, which is also
//! glibc's (and `struct stat64`'s) layout; `Statx` is `struct statx`. The path-taking calls
//! are raw system calls with C's paths (`fs::path` says why).

use super::path::{CPath, at};
use core::ffi::c_int;
use core::mem::MaybeUninit;
use rustix::fs::{Stat, Statx};
use rustix::io::Errno;

const _: () = assert!(size_of::<Stat>() == size_of::<libc::stat>() && size_of::<libc::stat>() == 144);
const _: () = assert!(size_of::<Statx>() == 256);

/// `fstatat(dirfd, path, flags)`; `stat` and `lstat` are this with `AT_FDCWD`.
pub fn statat(dirfd: c_int, path: CPath, flags: c_int) -> Result<Stat, Errno> {
    let mut out = MaybeUninit::<Stat>::uninit();
    // SAFETY: the kernel reads the path and fills `out`, a `struct stat`, when it succeeds.
    unsafe {
        at(libc::SYS_newfstatat, [dirfd as usize, path.arg(), out.as_mut_ptr() as usize, flags as usize, 0, 0])?;
        Ok(out.assume_init())
    }
}

/// `stat(path)`, following a final symbolic link, or `lstat(path)` when `follow` is false.
pub fn stat(path: CPath, follow: bool) -> Result<Stat, Errno> {
    statat(libc::AT_FDCWD, path, if follow { 0 } else { libc::AT_SYMLINK_NOFOLLOW })
}

/// `fstat(fd)`.
pub fn fstat(fd: c_int) -> Result<Stat, Errno> {
    rustix::fs::fstat(crate::io::fd::borrow(fd)?)
}

/// `statx(dirfd, path, flags, mask)`.
pub fn statx(dirfd: c_int, path: CPath, flags: c_int, mask: u32) -> Result<Statx, Errno> {
    let mut out = MaybeUninit::<Statx>::uninit();
    // SAFETY: the kernel reads the path and fills `out`, a `struct statx`, when it succeeds.
    unsafe {
        at(libc::SYS_statx, [dirfd as usize, path.arg(), flags as usize, mask as usize, out.as_mut_ptr() as usize, 0])?;
        Ok(out.assume_init())
    }
}

/// Stores a result in the caller's `struct stat` (or `struct stat64`, the same layout).
///
/// # Safety
/// `out` must be null or writable for a `struct stat`.
pub unsafe fn store<T>(result: Result<T, Errno>, out: *mut T) -> Result<(), Errno> {
    let value = result?;
    if out.is_null() {
        return Err(Errno::FAULT);
    }
    // SAFETY: non-null and writable per the contract; `T` is the C layout (checked above).
    unsafe { out.write(value) };
    Ok(())
}
