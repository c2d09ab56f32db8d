//! Thread names (`pthread_setname_np`, `pthread_getname_np`): the kernel's `comm`, 15 bytes
//! and a NUL. The calling thread's is set with `prctl`; another thread's, and every read, go
//! through `/proc/self/task/<tid>/comm`, as in glibc (so a thread that has ended gives
//! `ENOENT`).

use crate::io::{diag, fd};
use crate::thread::tcb::{self, Tcb};
use core::ffi::CStr;
use core::sync::atomic::Ordering;
use rustix::io::Errno;

/// The longest name, without its NUL.
const NAME_MAX: usize = 15;

/// `/proc/self/task/<tid>/comm`, NUL-terminated, in `buf`.
fn comm_path(tid: u32, buf: &mut [u8; 48]) -> &CStr {
    let mut digits = [0u8; 20];
    let mut len = 0;
    for part in [b"/proc/self/task/".as_slice(), diag::decimal(tid as u64, &mut digits), b"/comm\0"] {
        for &b in part {
            if let Some(slot) = buf.get_mut(len) {
                *slot = b;
                len += 1;
            }
        }
    }
    CStr::from_bytes_until_nul(buf).unwrap_or(c"/proc/self/task/0/comm")
}

/// # Safety
/// `t` must name a thread not yet joined or reclaimed.
unsafe fn tid(t: *mut Tcb) -> u32 {
    // Acquire: pairs with the kernel's clearing of the word (0: ended).
    // SAFETY: per the contract the block is still mapped.
    unsafe { (*t).tid.load(Ordering::Acquire) }
}

/// `pthread_setname_np`: `ERANGE` for a name longer than 15 bytes.
///
/// # Safety
/// As for `tid`.
pub unsafe fn set(t: *mut Tcb, name: &CStr) -> Result<(), Errno> {
    let bytes = name.to_bytes();
    if bytes.len() > NAME_MAX {
        return Err(Errno::RANGE);
    }
    if t == tcb::current() {
        return rustix::thread::set_name(name);
    }
    let mut buf = [0u8; 48];
    // SAFETY: per the contract.
    let path = comm_path(unsafe { tid(t) }, &mut buf);
    // SAFETY: a NUL-terminated path.
    let f = unsafe { fd::open(path.as_ptr(), libc::O_WRONLY | libc::O_CLOEXEC, 0) }?;
    // SAFETY: `bytes` is readable.
    let written = unsafe { fd::write(f, bytes.as_ptr(), bytes.len()) };
    let _ = fd::close(f);
    match written {
        Ok(n) if n == bytes.len() => Ok(()),
        Ok(_) => Err(Errno::IO),
        Err(e) => Err(e),
    }
}

/// `pthread_getname_np`: the name, NUL-terminated, in `out`; `ERANGE` if `out` is shorter
/// than 16 bytes.
///
/// # Safety
/// As for `tid`.
pub unsafe fn get(t: *mut Tcb, out: &mut [u8]) -> Result<(), Errno> {
    if out.len() <= NAME_MAX {
        return Err(Errno::RANGE);
    }
    let mut buf = [0u8; 48];
    // SAFETY: per the contract.
    let path = comm_path(unsafe { tid(t) }, &mut buf);
    // SAFETY: a NUL-terminated path.
    let f = unsafe { fd::open(path.as_ptr(), libc::O_RDONLY | libc::O_CLOEXEC, 0) }?;
    let mut name = [0u8; NAME_MAX + 1];
    // SAFETY: `name` is writable.
    let read = unsafe { fd::read(f, name.as_mut_ptr(), name.len()) };
    let _ = fd::close(f);
    let mut n = read?;
    if n > 0 && name.get(n - 1) == Some(&b'\n') {
        n -= 1;
    }
    let n = n.min(NAME_MAX);
    if let (Some(dst), Some(src)) = (out.get_mut(..n), name.get(..n)) {
        dst.copy_from_slice(src);
    }
    if let Some(end) = out.get_mut(n) {
        *end = 0;
    }
    Ok(())
}
