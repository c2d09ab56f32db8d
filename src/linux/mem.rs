//! Memory calls of `<sys/mman.h>` that are Linux's own: `memfd_create` and `mincore`.

use crate::io::syscall::call3;
use core::ffi::{c_char, c_int, c_uint};
use rustix::io::Errno;

/// `memfd_create(name, flags)`: an anonymous file; `name` (at most 249 bytes, else `EINVAL`)
/// shows only in `/proc/self/fd`.
///
/// # Safety
/// `name` must be a NUL-terminated string, or an address the kernel refuses.
pub unsafe fn memfd_create(name: *const c_char, flags: c_uint) -> Result<c_int, Errno> {
    // SAFETY: the kernel only reads the name.
    unsafe { call3(libc::SYS_memfd_create, name as usize, flags as usize, 0) }.map(|fd| fd as c_int)
}

/// `mincore(addr, len, vec)`: one byte per page of the range, bit 0 set when the page is
/// resident. `addr` must be page-aligned (`EINVAL`); an unmapped page is `ENOMEM`.
///
/// # Safety
/// `vec` must be writable for one byte per page of the range, or an address the kernel
/// refuses.
pub unsafe fn mincore(addr: *mut u8, len: usize, vec: *mut u8) -> Result<(), Errno> {
    // SAFETY: the kernel only inspects the mapping at `addr` and writes `vec`.
    unsafe { call3(libc::SYS_mincore, addr as usize, len, vec as usize) }.map(|_| ())
}
