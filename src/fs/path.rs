//! Paths and directory descriptors as C passes them.
//!
//! A path-taking system call gets C's pointer as it is, in a [`CPath`], and the kernel reads
//! the string: a bad address (`(char *)1`, a `PROT_NONE` page, null) is `EFAULT`, as glibc
//! answers. rustix takes paths as `&CStr`, which Rust must measure before the call, and
//! measuring a bad pointer faults in the library; so the path-taking calls bypass rustix and
//! make the raw system call through [`at`]. The few functions that must read a string
//! themselves (a `PATH` search, a shared-memory name) use [`c_path`].

use core::ffi::{CStr, c_char, c_long};
use rustix::io::Errno;

/// A path as C passed it, unread: only the kernel reads it.
#[derive(Clone, Copy)]
pub struct CPath(*const c_char);

impl CPath {
    /// Wraps C's pointer, whatever it is: nothing here dereferences it.
    pub fn new(p: *const c_char) -> Self {
        CPath(p)
    }

    /// The pointer, as a system call argument.
    pub fn arg(self) -> usize {
        self.0 as usize
    }
}

impl From<&CStr> for CPath {
    /// A string the library holds, as a path argument.
    fn from(s: &CStr) -> Self {
        CPath(s.as_ptr())
    }
}

/// Makes path-taking system call `nr`; its [`CPath`] arguments go in as [`CPath::arg`], and
/// directory descriptors as given (the kernel checks them, and ignores them for absolute
/// paths, as it should).
///
/// # Safety
/// As [`crate::arch::syscall6`]: every other pointer argument must be valid for the call.
pub unsafe fn at(nr: c_long, args: [usize; 6]) -> Result<usize, Errno> {
    // SAFETY: the caller's contract; the kernel reads the paths itself (EFAULT if bad).
    unsafe { crate::io::syscall::call(nr, args) }
}

/// A C string the library must read itself: null is `EFAULT`, as the kernel would answer.
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
