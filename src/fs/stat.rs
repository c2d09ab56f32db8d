//! The `stat` family. rustix's `Stat` is the kernel's x86_64 `struct stat`, which is also
//! glibc's (and `struct stat64`'s) layout; `Statx` is `struct statx`.

use super::path::{at_flags, dir};
use core::ffi::{CStr, c_int};
use rustix::fs::{AtFlags, Stat, Statx, StatxFlags};
use rustix::io::Errno;

const _: () = assert!(size_of::<Stat>() == size_of::<libc::stat>() && size_of::<libc::stat>() == 144);
const _: () = assert!(size_of::<Statx>() == 256);

/// `fstatat(dirfd, path, flags)`; `stat` and `lstat` are this with `AT_FDCWD`.
pub fn statat(dirfd: c_int, path: &CStr, flags: c_int) -> Result<Stat, Errno> {
    rustix::fs::statat(dir(dirfd)?, path, at_flags(flags))
}

/// `stat(path)`, following a final symbolic link, or `lstat(path)` when `follow` is false.
pub fn stat(path: &CStr, follow: bool) -> Result<Stat, Errno> {
    let flags = if follow { AtFlags::empty() } else { AtFlags::SYMLINK_NOFOLLOW };
    rustix::fs::statat(rustix::fs::CWD, path, flags)
}

/// `fstat(fd)`.
pub fn fstat(fd: c_int) -> Result<Stat, Errno> {
    rustix::fs::fstat(crate::io::fd::borrow(fd)?)
}

/// `statx(dirfd, path, flags, mask)`.
pub fn statx(dirfd: c_int, path: &CStr, flags: c_int, mask: u32) -> Result<Statx, Errno> {
    rustix::fs::statx(dir(dirfd)?, path, at_flags(flags), StatxFlags::from_bits_retain(mask))
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
