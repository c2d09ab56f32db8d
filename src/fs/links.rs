//! Directory entries: `mkdir`, `mknod`, `rmdir`, `unlink`, `rename`, hard and symbolic links.
//! Raw system calls with C's paths (`fs::path` says why).

use super::path::{CPath, at};
use core::ffi::c_int;
use rustix::io::Errno;

/// `mkdirat(dirfd, path, mode)`.
pub fn mkdirat(dirfd: c_int, path: CPath, mode: u32) -> Result<(), Errno> {
    // SAFETY: the kernel reads the path; the rest are integers.
    unsafe { at(libc::SYS_mkdirat, [dirfd as usize, path.arg(), mode as usize, 0, 0, 0]) }.map(|_| ())
}

/// `unlinkat(dirfd, path, flags)`.
pub fn unlinkat(dirfd: c_int, path: CPath, flags: c_int) -> Result<(), Errno> {
    // SAFETY: as in `mkdirat`.
    unsafe { at(libc::SYS_unlinkat, [dirfd as usize, path.arg(), flags as usize, 0, 0, 0]) }.map(|_| ())
}

/// `rmdir(path)`.
pub fn rmdir(path: CPath) -> Result<(), Errno> {
    unlinkat(libc::AT_FDCWD, path, libc::AT_REMOVEDIR)
}

/// `renameat2(olddir, old, newdir, new, flags)`; `rename` and `renameat` have no flags.
pub fn renameat(olddir: c_int, old: CPath, newdir: c_int, new: CPath, flags: u32) -> Result<(), Errno> {
    // SAFETY: as in `mkdirat`.
    unsafe { at(libc::SYS_renameat2, [olddir as usize, old.arg(), newdir as usize, new.arg(), flags as usize, 0]) }.map(|_| ())
}

/// `linkat(olddir, old, newdir, new, flags)`.
pub fn linkat(olddir: c_int, old: CPath, newdir: c_int, new: CPath, flags: c_int) -> Result<(), Errno> {
    // SAFETY: as in `mkdirat`.
    unsafe { at(libc::SYS_linkat, [olddir as usize, old.arg(), newdir as usize, new.arg(), flags as usize, 0]) }.map(|_| ())
}

/// `symlinkat(target, dirfd, path)`.
pub fn symlinkat(target: CPath, dirfd: c_int, path: CPath) -> Result<(), Errno> {
    // SAFETY: as in `mkdirat`.
    unsafe { at(libc::SYS_symlinkat, [target.arg(), dirfd as usize, path.arg(), 0, 0, 0]) }.map(|_| ())
}

/// `readlinkat(dirfd, path, buf)`: the link's bytes, cut to the buffer, without a NUL.
pub fn readlinkat(dirfd: c_int, path: CPath, buf: &mut [u8]) -> Result<usize, Errno> {
    if buf.is_empty() {
        return Err(Errno::INVAL);
    }
    // SAFETY: the kernel reads the path and writes at most `buf.len()` bytes into `buf`.
    unsafe { at(libc::SYS_readlinkat, [dirfd as usize, path.arg(), buf.as_mut_ptr() as usize, buf.len(), 0, 0]) }
}

/// `mknodat(dirfd, path, mode, dev)`: `mode` carries the file type, which the kernel checks.
pub fn mknodat(dirfd: c_int, path: CPath, mode: u32, dev: u64) -> Result<(), Errno> {
    // SAFETY: as in `mkdirat`.
    unsafe { at(libc::SYS_mknodat, [dirfd as usize, path.arg(), mode as usize, dev as usize, 0, 0]) }.map(|_| ())
}
