//! `eventfd_read` and `eventfd_write`: one 8-byte `read` or `write` of an eventfd's counter,
//! with the cancellable `read` and `write` (`io::points`), as glibc makes them.

use crate::io::points;
use core::ffi::c_int;
use rustix::io::Errno;

/// The counter's size, the only transfer size an eventfd accepts.
const COUNTER: usize = core::mem::size_of::<u64>();

/// `eventfd_read(fd, value)`: whether all 8 bytes came (an eventfd gives all or fails; another
/// descriptor may give fewer, which glibc reports as failure without an errno).
///
/// # Safety
/// `value` must be writable for 8 bytes, or an address the kernel refuses.
pub unsafe fn read(fd: c_int, value: *mut u64) -> Result<bool, Errno> {
    // SAFETY: the kernel writes at most 8 bytes at `value`.
    unsafe { points::read(fd, value.cast(), COUNTER) }.map(|n| n == COUNTER)
}

/// `eventfd_write(fd, value)`: adds `value` to the counter; whether all 8 bytes went.
pub fn write(fd: c_int, value: u64) -> Result<bool, Errno> {
    // SAFETY: the kernel reads the 8 bytes of a live local.
    unsafe { points::write(fd, (&raw const value).cast(), COUNTER) }.map(|n| n == COUNTER)
}
