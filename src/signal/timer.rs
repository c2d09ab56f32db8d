//! Timers: `alarm`, `setitimer`/`getitimer`, POSIX per-process timers in the kernel
//! (`timer_create` with `SIGEV_SIGNAL`, `SIGEV_NONE` and `SIGEV_THREAD_ID`; `SIGEV_THREAD` is
//! built on them in `timer_thread`). rustix wraps none of these, so they are the raw calls,
//! with the caller's structures handed to the kernel unread. A `timer_t` holds the kernel's
//! timer id.

use crate::io::syscall::call3;
use rustix::io::Errno;

/// `alarm(seconds)`: the seconds left of the previous alarm.
pub fn alarm(seconds: u32) -> u32 {
    // SAFETY: an integer argument; alarm cannot fail.
    unsafe { call3(libc::SYS_alarm, seconds as usize, 0, 0) }.map_or(0, |s| s as u32)
}

/// `setitimer(which, new, old)`.
///
/// # Safety
/// `new` null or readable, `old` null or writable (the kernel checks: EFAULT).
pub unsafe fn setitimer(which: i32, new: *const libc::itimerval, old: *mut libc::itimerval) -> Result<(), Errno> {
    // SAFETY: per the contract.
    unsafe { call3(libc::SYS_setitimer, which as usize, new as usize, old as usize) }.map(|_| ())
}

/// `getitimer(which, cur)`.
///
/// # Safety
/// `cur` must be writable (the kernel checks: EFAULT).
pub unsafe fn getitimer(which: i32, cur: *mut libc::itimerval) -> Result<(), Errno> {
    // SAFETY: per the contract.
    unsafe { call3(libc::SYS_getitimer, which as usize, cur as usize, 0) }.map(|_| ())
}

/// `timer_create(clock, event)` in the kernel: the new timer's id. No event is
/// `SIGEV_SIGNAL` with `SIGALRM` and the timer id as value. (`SIGEV_THREAD` is
/// `timer_thread`'s.)
///
/// # Safety
/// `event` must be null or a readable `struct sigevent`.
pub unsafe fn create(clock: i32, event: *const libc::sigevent) -> Result<i32, Errno> {
    let mut id: i32 = 0;
    // SAFETY: the kernel reads the event and writes the id, a live local.
    unsafe { call3(libc::SYS_timer_create, clock as usize, event as usize, (&raw mut id) as usize) }?;
    Ok(id)
}

/// `timer_settime(id, flags, new, old)`.
///
/// # Safety
/// `new` readable, `old` null or writable (the kernel checks: EFAULT).
pub unsafe fn settime(id: i32, flags: i32, new: *const libc::itimerspec, old: *mut libc::itimerspec) -> Result<(), Errno> {
    let args = [id as usize, flags as usize, new as usize, old as usize, 0, 0];
    // SAFETY: per the contract.
    unsafe { crate::io::syscall::call(libc::SYS_timer_settime, args) }.map(|_| ())
}

/// `timer_gettime(id, cur)`.
///
/// # Safety
/// `cur` must be writable (the kernel checks: EFAULT).
pub unsafe fn gettime(id: i32, cur: *mut libc::itimerspec) -> Result<(), Errno> {
    // SAFETY: per the contract.
    unsafe { call3(libc::SYS_timer_gettime, id as usize, cur as usize, 0) }.map(|_| ())
}

/// `timer_getoverrun(id)`.
pub fn getoverrun(id: i32) -> Result<i32, Errno> {
    // SAFETY: an integer argument.
    unsafe { call3(libc::SYS_timer_getoverrun, id as usize, 0, 0) }.map(|n| n as i32)
}

/// `timer_delete(id)`.
pub fn delete(id: i32) -> Result<(), Errno> {
    // SAFETY: an integer argument.
    unsafe { call3(libc::SYS_timer_delete, id as usize, 0, 0) }.map(|_| ())
}
