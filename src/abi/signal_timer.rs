//! Timers that signal: `alarm` (`<unistd.h>`), `setitimer`/`getitimer` (`<sys/time.h>`),
//! and the POSIX timers of `<time.h>`.

use super::OrErrno;
use crate::signal::timer;
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

/// A C `timer_t` (a pointer-sized value) as the kernel's timer id it holds.
fn kernel_id(t: *mut c_void) -> c_int {
    t as usize as c_int
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
    // SAFETY: the caller's contract.
    unsafe { timer::create(clock, event) }
        .map(|id| {
            // SAFETY: non-null and writable per the contract.
            unsafe { out.write(id as usize as *mut c_void) };
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
#[unsafe(no_mangle)]
pub extern "C" fn timer_getoverrun(t: *mut c_void) -> c_int {
    timer::getoverrun(kernel_id(t)).or_errno(-1)
}

/// [`timer_delete`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/timer_delete.html)
#[unsafe(no_mangle)]
pub extern "C" fn timer_delete(t: *mut c_void) -> c_int {
    timer::delete(kernel_id(t)).map(|()| 0).or_errno(-1)
}
