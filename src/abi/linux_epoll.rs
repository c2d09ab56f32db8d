//! `<sys/epoll.h>`.

use super::OrErrno;
use crate::linux::epoll;
use core::ffi::c_int;

/// [`epoll_create`](https://man7.org/linux/man-pages/man2/epoll_create.2.html)
#[unsafe(no_mangle)]
pub extern "C" fn epoll_create(size: c_int) -> c_int {
    epoll::create(size).or_errno(-1)
}

/// [`epoll_create1`](https://man7.org/linux/man-pages/man2/epoll_create1.2.html)
#[unsafe(no_mangle)]
pub extern "C" fn epoll_create1(flags: c_int) -> c_int {
    epoll::create1(flags).or_errno(-1)
}

/// [`epoll_ctl`](https://man7.org/linux/man-pages/man2/epoll_ctl.2.html)
///
/// # Safety
/// `event` must be null (for `EPOLL_CTL_DEL`) or point at a `struct epoll_event`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn epoll_ctl(epfd: c_int, op: c_int, fd: c_int, event: *mut libc::epoll_event) -> c_int {
    // SAFETY: the caller's contract is the core's.
    unsafe { epoll::ctl(epfd, op, fd, event) }.map(|()| 0).or_errno(-1)
}

/// [`epoll_wait`](https://man7.org/linux/man-pages/man2/epoll_wait.2.html)
///
/// # Safety
/// `events` must be writable for `max` events.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn epoll_wait(epfd: c_int, events: *mut libc::epoll_event, max: c_int, timeout: c_int) -> c_int {
    // SAFETY: the caller's contract is the core's.
    unsafe { epoll::pwait(epfd, events, max, timeout, core::ptr::null()) }.or_errno(-1)
}

/// [`epoll_pwait`](https://man7.org/linux/man-pages/man2/epoll_pwait.2.html)
///
/// # Safety
/// `events` must be writable for `max` events; `mask` null or readable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn epoll_pwait(epfd: c_int, events: *mut libc::epoll_event, max: c_int, timeout: c_int, mask: *const libc::sigset_t) -> c_int {
    // SAFETY: the caller's contract is the core's.
    unsafe { epoll::pwait(epfd, events, max, timeout, mask) }.or_errno(-1)
}

/// [`epoll_pwait2`](https://man7.org/linux/man-pages/man2/epoll_pwait2.2.html)
///
/// # Safety
/// `events` must be writable for `max` events; `timeout` and `mask` null or readable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn epoll_pwait2(
    epfd: c_int,
    events: *mut libc::epoll_event,
    max: c_int,
    timeout: *const libc::timespec,
    mask: *const libc::sigset_t,
) -> c_int {
    // SAFETY: the caller's contract is the core's.
    unsafe { epoll::pwait2(epfd, events, max, timeout, mask) }.or_errno(-1)
}
