//! Paths and directory descriptors as C passes them.

use core::ffi::{CStr, c_char, c_int};
use rustix::fd::BorrowedFd;
use rustix::io::Errno;

/// A C path: null is `EFAULT`, as the kernel would answer.
///
/// # Safety
/// `p` must be null or point at a NUL-terminated string that outlives the use.
pub unsafe fn c_path<'a>(p: *const c_char) -> Result<&'a CStr, Errno> {
    if p.is_null() {
        return Err(Errno::FAULT);
    }
    // SAFETY: non-null and NUL-terminated per the contract.
    Ok(unsafe { CStr::from_ptr(p) })
}

/// The directory a `*at` call resolves relative paths against: `AT_FDCWD` or a descriptor.
pub fn dir(fd: c_int) -> Result<BorrowedFd<'static>, Errno> {
    if fd == libc::AT_FDCWD { Ok(rustix::fs::CWD) } else { crate::io::fd::borrow(fd) }
}

/// `*at` flags, passed on for the kernel to check.
pub fn at_flags(flags: c_int) -> rustix::fs::AtFlags {
    rustix::fs::AtFlags::from_bits_retain(flags as u32)
}
