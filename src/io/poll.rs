//! `poll`, `ppoll`, `select`, `pselect`: the raw system calls. rustix's `poll` takes
//! `PollFd`s holding borrowed descriptors, which cannot represent C's "ignore me" entries
//! (`fd < 0`), and its `select` takes no signal mask; the C arrays here go to the kernel
//! unread instead. All four are cancellation points (`thread::cancel::syscall`).

use crate::thread::cancel::syscall as call;
use core::ffi::c_int;
use rustix::io::Errno;

/// The kernel's signal-set size: 64 signals.
const KERNEL_SIGSET_BYTES: usize = 8;

/// A timeout the caller passed, copied so that the kernel's update of the remaining time does
/// not reach the caller (POSIX: `ppoll` and `pselect` leave their timeout alone).
///
/// # Safety
/// `ts` must be null or readable.
unsafe fn copy_timeout(ts: *const libc::timespec) -> Option<libc::timespec> {
    // SAFETY: per the contract.
    (!ts.is_null()).then(|| unsafe { ts.read() })
}

fn ptr_or_null<T>(v: &mut Option<T>) -> usize {
    v.as_mut().map_or(0, |v| core::ptr::from_mut(v) as usize)
}

/// `ppoll(fds, n, timeout, mask)`.
///
/// # Safety
/// `fds` must point at `n` `struct pollfd`s; `timeout` and `mask` null or readable.
pub unsafe fn ppoll(fds: *mut libc::pollfd, n: u64, timeout: *const libc::timespec, mask: *const libc::sigset_t) -> Result<c_int, Errno> {
    // SAFETY: per the contract.
    let mut ts = unsafe { copy_timeout(timeout) };
    let args = [fds as usize, n as usize, ptr_or_null(&mut ts), mask as usize, KERNEL_SIGSET_BYTES, 0];
    // SAFETY: the kernel reads and writes the `pollfd` array and reads the rest (EFAULT if bad).
    unsafe { call(libc::SYS_ppoll, args) }.map(|n| n as c_int)
}

/// `poll(fds, n, timeout_ms)`: a negative timeout waits for ever.
///
/// # Safety
/// `fds` must point at `n` `struct pollfd`s.
pub unsafe fn poll(fds: *mut libc::pollfd, n: u64, timeout_ms: c_int) -> Result<c_int, Errno> {
    let ts = libc::timespec { tv_sec: (timeout_ms / 1000) as i64, tv_nsec: (timeout_ms % 1000) as i64 * 1_000_000 };
    let ts = if timeout_ms < 0 { core::ptr::null() } else { &raw const ts };
    // SAFETY: per the contract; `ts` is null or a live local.
    unsafe { ppoll(fds, n, ts, core::ptr::null()) }
}

/// `select(n, r, w, e, timeout)`; as on Linux, the timeout is updated to the time not slept.
///
/// # Safety
/// The sets must be null or hold `n` bits; `timeout` null or writable.
pub unsafe fn select(n: c_int, r: *mut libc::fd_set, w: *mut libc::fd_set, e: *mut libc::fd_set, timeout: *mut libc::timeval) -> Result<c_int, Errno> {
    let args = [n as usize, r as usize, w as usize, e as usize, timeout as usize, 0];
    // SAFETY: the kernel reads and writes the sets and the timeout (EFAULT if bad).
    unsafe { call(libc::SYS_select, args) }.map(|n| n as c_int)
}

/// `pselect(n, r, w, e, timeout, mask)`.
///
/// # Safety
/// As [`select`]; `timeout` and `mask` null or readable.
pub unsafe fn pselect(n: c_int, r: *mut libc::fd_set, w: *mut libc::fd_set, e: *mut libc::fd_set, timeout: *const libc::timespec, mask: *const libc::sigset_t) -> Result<c_int, Errno> {
    // SAFETY: per the contract.
    let mut ts = unsafe { copy_timeout(timeout) };
    // The kernel's sixth argument: the mask's address and size, side by side.
    let sig = [mask as usize, KERNEL_SIGSET_BYTES];
    let sig_arg = if mask.is_null() { 0 } else { sig.as_ptr() as usize };
    let args = [n as usize, r as usize, w as usize, e as usize, ptr_or_null(&mut ts), sig_arg];
    // SAFETY: the kernel reads and writes the sets and reads the rest (EFAULT if bad).
    unsafe { call(libc::SYS_pselect6, args) }.map(|n| n as c_int)
}
