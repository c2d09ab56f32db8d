//! `<sys/sendfile.h>` and the Linux transfers of `<fcntl.h>` and `<unistd.h>`: `splice`,
//! `tee`, `vmsplice`, `readahead`, `copy_file_range`.

use super::OrErrno;
use crate::linux::transfer;
use core::ffi::{c_int, c_uint};

/// [`sendfile`](https://man7.org/linux/man-pages/man2/sendfile.2.html)
///
/// # Safety
/// `offset` must be null or readable and writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sendfile(out: c_int, input: c_int, offset: *mut i64, count: usize) -> isize {
    // SAFETY: the caller's contract is the core's.
    unsafe { transfer::sendfile(out, input, offset, count) }.map(|n| n as isize).or_errno(-1)
}

/// `sendfile64`: `sendfile` under `_FILE_OFFSET_BITS=64`; the same function on x86_64.
///
/// # Safety
/// As [`sendfile`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sendfile64(out: c_int, input: c_int, offset: *mut i64, count: usize) -> isize {
    // SAFETY: as `sendfile`.
    unsafe { sendfile(out, input, offset, count) }
}

/// [`splice`](https://man7.org/linux/man-pages/man2/splice.2.html)
///
/// # Safety
/// The offsets must be null or readable and writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn splice(input: c_int, in_offset: *mut i64, out: c_int, out_offset: *mut i64, len: usize, flags: c_uint) -> isize {
    // SAFETY: the caller's contract is the core's.
    unsafe { transfer::splice(input, in_offset, out, out_offset, len, flags) }.map(|n| n as isize).or_errno(-1)
}

/// [`tee`](https://man7.org/linux/man-pages/man2/tee.2.html)
#[unsafe(no_mangle)]
pub extern "C" fn tee(input: c_int, out: c_int, len: usize, flags: c_uint) -> isize {
    transfer::tee(input, out, len, flags).map(|n| n as isize).or_errno(-1)
}

/// [`vmsplice`](https://man7.org/linux/man-pages/man2/vmsplice.2.html)
///
/// # Safety
/// `iov` must point at `count` `iovec`s naming valid buffers.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vmsplice(fd: c_int, iov: *const libc::iovec, count: usize, flags: c_uint) -> isize {
    // SAFETY: the caller's contract is the core's.
    unsafe { transfer::vmsplice(fd, iov, count, flags) }.map(|n| n as isize).or_errno(-1)
}

/// [`copy_file_range`](https://man7.org/linux/man-pages/man2/copy_file_range.2.html)
///
/// # Safety
/// The offsets must be null or readable and writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn copy_file_range(input: c_int, in_offset: *mut i64, out: c_int, out_offset: *mut i64, len: usize, flags: c_uint) -> isize {
    // SAFETY: the caller's contract is the core's.
    unsafe { transfer::copy_file_range(input, in_offset, out, out_offset, len, flags) }.map(|n| n as isize).or_errno(-1)
}

/// [`readahead`](https://man7.org/linux/man-pages/man2/readahead.2.html)
#[unsafe(no_mangle)]
pub extern "C" fn readahead(fd: c_int, offset: i64, count: usize) -> isize {
    transfer::readahead(fd, offset, count).map(|()| 0).or_errno(-1)
}
