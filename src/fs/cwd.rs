//! The working directory: `chdir`, `fchdir`, `getcwd`.

use core::ffi::{CStr, c_int};
use rustix::io::Errno;

/// `chdir(path)`.
pub fn chdir(path: &CStr) -> Result<(), Errno> {
    rustix::process::chdir(path)
}

/// `fchdir(fd)`.
pub fn fchdir(fd: c_int) -> Result<(), Errno> {
    rustix::process::fchdir(crate::io::fd::borrow(fd)?)
}

/// `getcwd(buf, len)` into a caller's buffer: the path's length with its NUL. The raw call,
/// because rustix's `getcwd` allocates. A directory outside the process's root (the kernel
/// then answers "(unreachable)/...") is `ENOENT`, as glibc reports it.
///
/// # Safety
/// `buf` must be writable for `len` bytes.
pub unsafe fn getcwd(buf: *mut u8, len: usize) -> Result<usize, Errno> {
    if len == 0 {
        return Err(Errno::INVAL);
    }
    // SAFETY: the kernel writes at most `len` bytes into the buffer (EFAULT if it cannot).
    let n = unsafe { crate::io::syscall::call3(libc::SYS_getcwd, buf as usize, len, 0) }?;
    // SAFETY: the kernel wrote `n >= 1` bytes, the first of them here.
    if n == 0 || unsafe { buf.read() } != b'/' {
        return Err(Errno::NOENT);
    }
    Ok(n)
}
