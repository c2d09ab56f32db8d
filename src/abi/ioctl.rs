//! `<sys/ioctl.h>` and `<sys/eventfd.h>`.

use super::OrErrno;
use crate::io::fd;
use core::ffi::{c_int, c_uint, c_ulong};

/// [`ioctl`](https://man7.org/linux/man-pages/man2/ioctl.2.html): variadic in C; the optional
/// argument arrives as a third fixed one and goes to the kernel unread.
///
/// # Safety
/// `arg` must be what `request` expects on that descriptor.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn ioctl(fd: c_int, request: c_ulong, arg: usize) -> c_int {
    // SAFETY: the caller's contract.
    unsafe { fd::ioctl(fd, request, arg) }.or_errno(-1)
}

/// [`eventfd`](https://man7.org/linux/man-pages/man2/eventfd.2.html)
#[unsafe(no_mangle)]
pub extern "C" fn eventfd(initval: c_uint, flags: c_int) -> c_int {
    fd::eventfd(initval, flags).or_errno(-1)
}
