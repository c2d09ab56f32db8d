//! `<poll.h>` and `<sys/select.h>`: waiting for descriptors.

use super::OrErrno;
use crate::io::poll;
use core::ffi::c_int;

/// [`poll`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/poll.html)
///
/// # Safety
/// `fds` must point at `n` `struct pollfd`s.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn poll(fds: *mut libc::pollfd, n: libc::nfds_t, timeout: c_int) -> c_int {
    // SAFETY: the caller's contract.
    unsafe { poll::poll(fds, n, timeout) }.or_errno(-1)
}

/// [`ppoll`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/ppoll.html)
///
/// # Safety
/// `fds` must point at `n` `struct pollfd`s; `timeout` and `mask` null or readable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn ppoll(fds: *mut libc::pollfd, n: libc::nfds_t, timeout: *const libc::timespec, mask: *const libc::sigset_t) -> c_int {
    // SAFETY: the caller's contract.
    unsafe { poll::ppoll(fds, n, timeout, mask) }.or_errno(-1)
}

/// [`select`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/select.html)
///
/// # Safety
/// The sets must be null or cover `n` descriptors; `timeout` null or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn select(n: c_int, r: *mut libc::fd_set, w: *mut libc::fd_set, e: *mut libc::fd_set, timeout: *mut libc::timeval) -> c_int {
    // SAFETY: the caller's contract.
    unsafe { poll::select(n, r, w, e, timeout) }.or_errno(-1)
}

/// [`pselect`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pselect.html)
///
/// # Safety
/// As [`select`]; `timeout` and `mask` null or readable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pselect(
    n: c_int,
    r: *mut libc::fd_set,
    w: *mut libc::fd_set,
    e: *mut libc::fd_set,
    timeout: *const libc::timespec,
    mask: *const libc::sigset_t,
) -> c_int {
    // SAFETY: the caller's contract.
    unsafe { poll::pselect(n, r, w, e, timeout, mask) }.or_errno(-1)
}
