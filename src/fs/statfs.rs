//! File-system statistics: `statfs`/`fstatfs` (rustix's `StatFs` is the kernel's x86_64
//! `struct statfs`, glibc's layout) and `statvfs`/`fstatvfs`, derived from them as glibc
//! does.

use super::path::{CPath, at};
use core::ffi::c_int;
use rustix::fs::StatFs;
use rustix::io::Errno;

const _: () = assert!(size_of::<StatFs>() == size_of::<libc::statfs>());

/// `statfs(path)`: the raw call with C's path (`fs::path` says why).
pub fn statfs(path: CPath) -> Result<StatFs, Errno> {
    let mut out = core::mem::MaybeUninit::<StatFs>::uninit();
    // SAFETY: the kernel reads the path and fills `out`, a `struct statfs`, when it succeeds.
    unsafe {
        at(libc::SYS_statfs, [path.arg(), out.as_mut_ptr() as usize, 0, 0, 0, 0])?;
        Ok(out.assume_init())
    }
}

/// `fstatfs(fd)`.
pub fn fstatfs(fd: c_int) -> Result<StatFs, Errno> {
    rustix::fs::fstatfs(crate::io::fd::borrow(fd)?)
}

/// The kernel's "flags are valid" bit in `f_flags`, which `statvfs` does not report.
const ST_VALID: i64 = 0x0020;

/// `struct statvfs` from `struct statfs`: the fragment size falls back to the block size,
/// `f_favail` is `f_ffree`, the two fsid words are combined, the mount flags keep all but
/// `ST_VALID`.
pub fn to_statvfs(s: &StatFs) -> libc::statvfs {
    // SAFETY: all-zero bytes are a valid `statvfs` (integers), including its spare words.
    let mut v: libc::statvfs = unsafe { core::mem::zeroed() };
    // SAFETY: `fsid_t` is two ints (the transmute checks the size); its field is private.
    let fsid = unsafe { core::mem::transmute::<rustix::fs::Fsid, [i32; 2]>(s.f_fsid) };
    v.f_bsize = s.f_bsize as u64;
    v.f_frsize = if s.f_frsize != 0 { s.f_frsize as u64 } else { s.f_bsize as u64 };
    v.f_blocks = s.f_blocks;
    v.f_bfree = s.f_bfree;
    v.f_bavail = s.f_bavail;
    v.f_files = s.f_files;
    v.f_ffree = s.f_ffree;
    v.f_favail = s.f_ffree;
    v.f_fsid = u64::from(fsid[0] as u32) | (u64::from(fsid[1] as u32) << 32);
    v.f_flag = (s.f_flags & !ST_VALID) as u64;
    v.f_namemax = s.f_namelen as u64;
    v
}
