//! Copies that stay in the kernel: `sendfile`, `splice`, `tee`, `vmsplice`,
//! `copy_file_range`, and the page-cache hint `readahead`. An offset pointer, when not null,
//! is read and updated by the kernel (the descriptor's own offset then stays where it was).
//! `splice`, `tee`, `vmsplice` and `copy_file_range` are cancellation points, as in glibc
//! (they block on pipes); `sendfile` and `readahead` are not.

use crate::io::syscall::call;
use crate::thread::cancel::syscall as cancellable;
use core::ffi::c_int;
use rustix::io::Errno;

/// `sendfile(out, in, offset, count)`: bytes from `in` (at `*offset`, or its own offset when
/// null) to `out`; returns how many were sent.
///
/// # Safety
/// `offset` must be null or readable and writable, or an address the kernel refuses.
pub unsafe fn sendfile(out: c_int, input: c_int, offset: *mut i64, count: usize) -> Result<usize, Errno> {
    // SAFETY: the kernel reads and updates the offset.
    unsafe { call(libc::SYS_sendfile, [out as usize, input as usize, offset as usize, count, 0, 0]) }
}

/// `splice(in, in_offset, out, out_offset, len, flags)`: one end must be a pipe (whose
/// offset must be null).
///
/// # Safety
/// The offsets must be null or readable and writable, or addresses the kernel refuses.
pub unsafe fn splice(input: c_int, in_offset: *mut i64, out: c_int, out_offset: *mut i64, len: usize, flags: u32) -> Result<usize, Errno> {
    let args = [input as usize, in_offset as usize, out as usize, out_offset as usize, len, flags as usize];
    // SAFETY: the kernel reads and updates the offsets.
    unsafe { cancellable(libc::SYS_splice, args) }
}

/// `tee(in, out, len, flags)`: duplicates up to `len` bytes of pipe `in` into pipe `out`
/// without consuming them.
pub fn tee(input: c_int, out: c_int, len: usize, flags: u32) -> Result<usize, Errno> {
    // SAFETY: integer arguments only.
    unsafe { cancellable(libc::SYS_tee, [input as usize, out as usize, len, flags as usize, 0, 0]) }
}

/// `vmsplice(fd, iov, count, flags)`: user memory into (or out of) pipe `fd`.
///
/// # Safety
/// `iov` must point at `count` `iovec`s naming readable (or, for a read end, writable)
/// buffers, or at addresses the kernel refuses.
pub unsafe fn vmsplice(fd: c_int, iov: *const libc::iovec, count: usize, flags: u32) -> Result<usize, Errno> {
    // SAFETY: the kernel reads the array and reads or writes the buffers it names.
    unsafe { cancellable(libc::SYS_vmsplice, [fd as usize, iov as usize, count, flags as usize, 0, 0]) }
}

/// `copy_file_range(in, in_offset, out, out_offset, len, flags)`: between regular files;
/// `flags` must be 0.
///
/// # Safety
/// As [`splice`].
pub unsafe fn copy_file_range(input: c_int, in_offset: *mut i64, out: c_int, out_offset: *mut i64, len: usize, flags: u32) -> Result<usize, Errno> {
    let args = [input as usize, in_offset as usize, out as usize, out_offset as usize, len, flags as usize];
    // SAFETY: the kernel reads and updates the offsets.
    unsafe { cancellable(libc::SYS_copy_file_range, args) }
}

/// `readahead(fd, offset, count)`: starts reading the range into the page cache; `EINVAL`
/// for a descriptor that has no page cache (a pipe), `EBADF` for one not open for reading.
pub fn readahead(fd: c_int, offset: i64, count: usize) -> Result<(), Errno> {
    // SAFETY: integer arguments only.
    unsafe { call(libc::SYS_readahead, [fd as usize, offset as usize, count, 0, 0, 0]) }.map(|_| ())
}
