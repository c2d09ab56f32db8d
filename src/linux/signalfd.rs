//! `signalfd(fd, mask, flags)`: signals in `mask` (which the caller blocks) become readable
//! `struct signalfd_siginfo` records (128 bytes, the kernel's layout, read with `read`).

use super::KERNEL_SIGSET_BYTES;
use crate::io::syscall::call;
use core::ffi::c_int;
use rustix::io::Errno;

/// `signalfd(fd, mask, flags)`: a new descriptor when `fd` is -1, else `fd`'s mask replaced.
/// glibc passes the kernel's set size (8 bytes), not `sizeof(sigset_t)`, and so do we; the
/// kernel ignores `SIGKILL` and `SIGSTOP` in the mask.
///
/// # Safety
/// `mask` must be readable, or an address the kernel refuses.
pub unsafe fn signalfd(fd: c_int, mask: *const libc::sigset_t, flags: c_int) -> Result<c_int, Errno> {
    let args = [fd as usize, mask as usize, KERNEL_SIGSET_BYTES, flags as usize, 0, 0];
    // SAFETY: the kernel only reads the mask.
    unsafe { call(libc::SYS_signalfd4, args) }.map(|fd| fd as c_int)
}
