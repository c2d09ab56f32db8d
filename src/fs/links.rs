//! Directory entries: `mkdir`, `mknod`, `rmdir`, `unlink`, `rename`, hard and symbolic links.

use super::path::{at_flags, dir};
use core::ffi::{CStr, c_int};
use rustix::fs::{AtFlags, Mode, RenameFlags};
use rustix::io::Errno;

/// `mkdirat(dirfd, path, mode)`.
pub fn mkdirat(dirfd: c_int, path: &CStr, mode: u32) -> Result<(), Errno> {
    rustix::fs::mkdirat(dir(dirfd)?, path, Mode::from_bits_retain(mode))
}

/// `unlinkat(dirfd, path, flags)`: `AT_REMOVEDIR` removes a directory.
pub fn unlinkat(dirfd: c_int, path: &CStr, flags: c_int) -> Result<(), Errno> {
    rustix::fs::unlinkat(dir(dirfd)?, path, at_flags(flags))
}

/// `rmdir(path)`.
pub fn rmdir(path: &CStr) -> Result<(), Errno> {
    rustix::fs::unlinkat(rustix::fs::CWD, path, AtFlags::REMOVEDIR)
}

/// `renameat2(olddir, old, newdir, new, flags)`.
pub fn renameat(olddir: c_int, old: &CStr, newdir: c_int, new: &CStr, flags: u32) -> Result<(), Errno> {
    rustix::fs::renameat_with(dir(olddir)?, old, dir(newdir)?, new, RenameFlags::from_bits_retain(flags))
}

/// `linkat(olddir, old, newdir, new, flags)`.
pub fn linkat(olddir: c_int, old: &CStr, newdir: c_int, new: &CStr, flags: c_int) -> Result<(), Errno> {
    rustix::fs::linkat(dir(olddir)?, old, dir(newdir)?, new, at_flags(flags))
}

/// `symlinkat(target, dirfd, path)`.
pub fn symlinkat(target: &CStr, dirfd: c_int, path: &CStr) -> Result<(), Errno> {
    rustix::fs::symlinkat(target, dir(dirfd)?, path)
}

/// `readlinkat(dirfd, path, buf)`: the link's bytes, cut to the buffer, without a NUL.
pub fn readlinkat(dirfd: c_int, path: &CStr, buf: &mut [u8]) -> Result<usize, Errno> {
    if buf.is_empty() {
        return Err(Errno::INVAL);
    }
    rustix::fs::readlinkat_raw(dir(dirfd)?, path, buf)
}

/// `mknodat(dirfd, path, mode, dev)`: the raw call, because `mode` carries the file type,
/// which the kernel checks (rustix takes it apart into typed pieces).
pub fn mknodat(dirfd: c_int, path: &CStr, mode: u32, dev: u64) -> Result<(), Errno> {
    let dir = rustix::fd::AsRawFd::as_raw_fd(&dir(dirfd)?);
    // SAFETY: the kernel reads the NUL-terminated path; the rest are integers.
    unsafe { crate::io::syscall::call(libc::SYS_mknodat, [dir as usize, path.as_ptr() as usize, mode as usize, dev as usize, 0, 0]) }
        .map(|_| ())
}
