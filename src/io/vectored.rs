//! Scatter/gather I/O: `readv`, `writev`, `preadv`, `pwritev`. The `iovec` array and the
//! buffers it names go to the kernel unread (rustix's `IoSlice` has `struct iovec`'s layout).

use super::fd::borrow;
use core::ffi::c_int;
use rustix::io::{Errno, IoSlice, IoSliceMut};

/// The most buffers one call takes (`IOV_MAX`, `UIO_MAXIOV` in the kernel).
const IOV_MAX: c_int = 1024;

/// The C array as a slice, after the count checks the kernel would make.
///
/// # Safety
/// `iov` must point at `count` `struct iovec`s (or `count` is 0).
unsafe fn iovecs<'a, T>(iov: *const T, count: c_int) -> Result<&'a mut [T], Errno> {
    if !(0..=IOV_MAX).contains(&count) {
        return Err(Errno::INVAL);
    }
    let iov = if count == 0 { core::ptr::NonNull::dangling().as_ptr() } else { iov.cast_mut() };
    // SAFETY: per the contract; Rust never reads the elements, the kernel does (EFAULT if bad).
    Ok(unsafe { core::slice::from_raw_parts_mut(iov, count as usize) })
}

/// A file offset for the positioned calls: negative is `EINVAL`.
fn offset(offset: i64) -> Result<u64, Errno> {
    u64::try_from(offset).map_err(|_| Errno::INVAL)
}

/// `readv(fd, iov, count)`.
///
/// # Safety
/// `iov` must point at `count` `struct iovec`s naming writable buffers.
pub unsafe fn readv(fd: c_int, iov: *const libc::iovec, count: c_int) -> Result<usize, Errno> {
    let fd = borrow(fd)?;
    // SAFETY: the caller's contract.
    rustix::io::readv(fd, unsafe { iovecs(iov.cast::<IoSliceMut<'_>>(), count)? })
}

/// `writev(fd, iov, count)`.
///
/// # Safety
/// `iov` must point at `count` `struct iovec`s naming readable buffers.
pub unsafe fn writev(fd: c_int, iov: *const libc::iovec, count: c_int) -> Result<usize, Errno> {
    let fd = borrow(fd)?;
    // SAFETY: the caller's contract.
    rustix::io::writev(fd, unsafe { iovecs(iov.cast::<IoSlice<'_>>(), count)? })
}

/// `preadv(fd, iov, count, offset)`.
///
/// # Safety
/// As [`readv`].
pub unsafe fn preadv(fd: c_int, iov: *const libc::iovec, count: c_int, at: i64) -> Result<usize, Errno> {
    let fd = borrow(fd)?;
    let at = offset(at)?;
    // SAFETY: the caller's contract.
    rustix::io::preadv(fd, unsafe { iovecs(iov.cast::<IoSliceMut<'_>>(), count)? }, at)
}

/// `pwritev(fd, iov, count, offset)`.
///
/// # Safety
/// As [`writev`].
pub unsafe fn pwritev(fd: c_int, iov: *const libc::iovec, count: c_int, at: i64) -> Result<usize, Errno> {
    let fd = borrow(fd)?;
    let at = offset(at)?;
    // SAFETY: the caller's contract.
    rustix::io::pwritev(fd, unsafe { iovecs(iov.cast::<IoSlice<'_>>(), count)? }, at)
}
