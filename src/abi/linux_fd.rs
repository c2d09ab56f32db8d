//! `<sys/timerfd.h>`, `<sys/signalfd.h>`, `<sys/inotify.h>` and the counter calls of
//! `<sys/eventfd.h>`.

use super::OrErrno;
use crate::linux::{eventfd, inotify, signalfd, timerfd};
use core::ffi::{c_char, c_int};

/// [`timerfd_create`](https://man7.org/linux/man-pages/man2/timerfd_create.2.html)
#[unsafe(no_mangle)]
pub extern "C" fn timerfd_create(clock: libc::clockid_t, flags: c_int) -> c_int {
    timerfd::create(clock, flags).or_errno(-1)
}

/// [`timerfd_settime`](https://man7.org/linux/man-pages/man2/timerfd_settime.2.html)
///
/// # Safety
/// `new_value` must be readable; `old_value` null or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn timerfd_settime(fd: c_int, flags: c_int, new_value: *const libc::itimerspec, old_value: *mut libc::itimerspec) -> c_int {
    // SAFETY: the caller's contract is the core's.
    unsafe { timerfd::settime(fd, flags, new_value, old_value) }.map(|()| 0).or_errno(-1)
}

/// [`timerfd_gettime`](https://man7.org/linux/man-pages/man2/timerfd_gettime.2.html)
///
/// # Safety
/// `cur` must be writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn timerfd_gettime(fd: c_int, cur: *mut libc::itimerspec) -> c_int {
    // SAFETY: the caller's contract is the core's.
    unsafe { timerfd::gettime(fd, cur) }.map(|()| 0).or_errno(-1)
}

/// [`signalfd`](https://man7.org/linux/man-pages/man2/signalfd.2.html)
///
/// # Safety
/// `mask` must be readable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn signalfd(fd: c_int, mask: *const libc::sigset_t, flags: c_int) -> c_int {
    // SAFETY: the caller's contract is the core's.
    unsafe { signalfd::signalfd(fd, mask, flags) }.or_errno(-1)
}

/// [`inotify_init`](https://man7.org/linux/man-pages/man2/inotify_init.2.html)
#[unsafe(no_mangle)]
pub extern "C" fn inotify_init() -> c_int {
    inotify::init1(0).or_errno(-1)
}

/// [`inotify_init1`](https://man7.org/linux/man-pages/man2/inotify_init1.2.html)
#[unsafe(no_mangle)]
pub extern "C" fn inotify_init1(flags: c_int) -> c_int {
    inotify::init1(flags).or_errno(-1)
}

/// [`inotify_add_watch`](https://man7.org/linux/man-pages/man2/inotify_add_watch.2.html)
///
/// # Safety
/// `path` must be a NUL-terminated string.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn inotify_add_watch(fd: c_int, path: *const c_char, mask: u32) -> c_int {
    // SAFETY: the caller's contract is the core's.
    unsafe { inotify::add_watch(fd, path, mask) }.or_errno(-1)
}

/// [`inotify_rm_watch`](https://man7.org/linux/man-pages/man2/inotify_rm_watch.2.html)
#[unsafe(no_mangle)]
pub extern "C" fn inotify_rm_watch(fd: c_int, wd: c_int) -> c_int {
    inotify::rm_watch(fd, wd).map(|()| 0).or_errno(-1)
}

/// [`eventfd_read`](https://man7.org/linux/man-pages/man3/eventfd_read.3.html): 0, or -1
/// when the read failed or was short.
///
/// # Safety
/// `value` must be writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn eventfd_read(fd: c_int, value: *mut u64) -> c_int {
    // SAFETY: the caller's contract is the core's.
    unsafe { eventfd::read(fd, value) }.map(|whole| if whole { 0 } else { -1 }).or_errno(-1)
}

/// [`eventfd_write`](https://man7.org/linux/man-pages/man3/eventfd_write.3.html): 0, or -1
/// when the write failed or was short.
#[unsafe(no_mangle)]
pub extern "C" fn eventfd_write(fd: c_int, value: u64) -> c_int {
    eventfd::write(fd, value).map(|whole| if whole { 0 } else { -1 }).or_errno(-1)
}
