//! The working directory: `chdir`, `fchdir`, `getcwd`.

use super::path::{CPath, at};
use core::ffi::c_int;
use rustix::io::Errno;

/// `chdir(path)`: the raw call with C's path (`fs::path` says why).
pub fn chdir(path: CPath) -> Result<(), Errno> {
    // SAFETY: the kernel reads the path.
    unsafe { at(libc::SYS_chdir, [path.arg(), 0, 0, 0, 0, 0]) }.map(|_| ())
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

/// `getcwd(NULL, len)`: the path in a new allocation (to be freed by the caller) of `len`
/// bytes, or of exactly the path's size when `len` is 0.
pub fn getcwd_allocated(len: usize) -> Result<*mut u8, Errno> {
    let size = if len == 0 { 4096 } else { len };
    let buf = crate::alloc::allocate(size);
    if buf.is_null() {
        return Err(Errno::NOMEM);
    }
    // SAFETY: a fresh block of `size` bytes.
    match unsafe { getcwd(buf, size) } {
        Ok(n) if len == 0 => {
            // SAFETY: our block; shrinking to the `n` bytes written keeps them.
            let exact = unsafe { crate::alloc::reallocate(buf, n) };
            Ok(if exact.is_null() { buf } else { exact })
        }
        Ok(_) => Ok(buf),
        Err(e) => {
            // SAFETY: our block, not handed out.
            unsafe { crate::alloc::deallocate(buf) };
            Err(e)
        }
    }
}
