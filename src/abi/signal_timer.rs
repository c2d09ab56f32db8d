//! Timers that signal: `alarm` (`<unistd.h>`), `setitimer`/`getitimer` (`<sys/time.h>`),
//! and the POSIX timers of `<time.h>`.

use super::OrErrno;
use crate::signal::{timer, timer_thread};
use core::ffi::{c_int, c_uint, c_void};

/// [`alarm`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/alarm.html)
#[unsafe(no_mangle)]
pub extern "C" fn alarm(seconds: c_uint) -> c_uint {
    timer::alarm(seconds)
}

/// [`setitimer`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/setitimer.html)
///
/// # Safety
/// `new` null or readable, `old` null or writable (the kernel checks: EFAULT).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn setitimer(which: c_uint, new: *const libc::itimerval, old: *mut libc::itimerval) -> c_int {
    // SAFETY: the caller's contract.
    unsafe { timer::setitimer(which as c_int, new, old) }.map(|()| 0).or_errno(-1)
}

/// [`getitimer`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/getitimer.html)
///
/// # Safety
/// `cur` must be writable (the kernel checks: EFAULT).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn getitimer(which: c_uint, cur: *mut libc::itimerval) -> c_int {
    // SAFETY: the caller's contract.
    unsafe { timer::getitimer(which as c_int, cur) }.map(|()| 0).or_errno(-1)
}

/// A C `timer_t` (a pointer-sized value) as the kernel's timer id: the value itself, or the
/// id in a `SIGEV_THREAD` timer's record.
///
/// # Safety
/// `t` must be a timer from `timer_create` that has not been deleted, or a kernel id.
unsafe fn kernel_id(t: *mut c_void) -> c_int {
    let t = t as usize;
    // SAFETY: per the contract.
    if timer_thread::is_thread_timer(t) { unsafe { timer_thread::kernel_id(t) } } else { t as c_int }
}

/// [`timer_create`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/timer_create.html)
///
/// # Safety
/// `event` null or readable; `out` writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn timer_create(clock: libc::clockid_t, event: *mut libc::sigevent, out: *mut *mut c_void) -> c_int {
    if out.is_null() {
        crate::thread::tcb::set_errno(libc::EFAULT);
        return -1;
    }
    // SAFETY: the caller's contract; `sigev_notify` picks the kind of timer.
    let created = if !event.is_null() && unsafe { (*event).sigev_notify } == libc::SIGEV_THREAD {
        // SAFETY: the caller's contract.
        unsafe { timer_thread::create(clock, event) }
    } else {
        // SAFETY: the caller's contract.
        unsafe { timer::create(clock, event) }.map(|id| id as usize)
    };
    created
        .map(|t| {
            // SAFETY: non-null and writable per the contract.
            unsafe { out.write(t as *mut c_void) };
            0
        })
        .or_errno(-1)
}

/// [`timer_settime`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/timer_settime.html)
///
/// # Safety
/// `new` readable, `old` null or writable (the kernel checks: EFAULT).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn timer_settime(t: *mut c_void, flags: c_int, new: *const libc::itimerspec, old: *mut libc::itimerspec) -> c_int {
    // SAFETY: the caller's contract.
    unsafe { timer::settime(kernel_id(t), flags, new, old) }.map(|()| 0).or_errno(-1)
}

/// [`timer_gettime`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/timer_gettime.html)
///
/// # Safety
/// `cur` must be writable (the kernel checks: EFAULT).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn timer_gettime(t: *mut c_void, cur: *mut libc::itimerspec) -> c_int {
    // SAFETY: the caller's contract.
    unsafe { timer::gettime(kernel_id(t), cur) }.map(|()| 0).or_errno(-1)
}

/// [`timer_getoverrun`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/timer_getoverrun.html)
///
/// # Safety
/// `t` must be a timer from `timer_create` not yet deleted (a stale kernel id is `EINVAL`).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn timer_getoverrun(t: *mut c_void) -> c_int {
    // SAFETY: the caller's contract.
    timer::getoverrun(unsafe { kernel_id(t) }).or_errno(-1)
}

/// [`timer_delete`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/timer_delete.html)
///
/// # Safety
/// As [`timer_getoverrun`]; the timer is not used again.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn timer_delete(t: *mut c_void) -> c_int {
    let raw = t as usize;
    if timer_thread::is_thread_timer(raw) {
        // SAFETY: the caller's contract.
        return unsafe { timer_thread::delete(raw) }.map(|()| 0).or_errno(-1);
    }
    timer::delete(raw as c_int).map(|()| 0).or_errno(-1)
}
