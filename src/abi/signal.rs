//! `<signal.h>`: signal sets, actions, the mask, waiting and sending, `pause`.

use super::OrErrno;
use crate::signal::{action, mask, send, set, stack, wait};
use core::ffi::c_int;
use libc::sigset_t;

/// `0`, or `-1` with `errno` set to `EINVAL` (null sets are `EINVAL` too, as glibc has it).
fn invalid() -> c_int {
    crate::thread::tcb::set_errno(libc::EINVAL);
    -1
}

/// [`sigemptyset`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/sigemptyset.html)
///
/// # Safety
/// `s` must be null or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sigemptyset(s: *mut sigset_t) -> c_int {
    if s.is_null() {
        return invalid();
    }
    // SAFETY: non-null and writable per the contract.
    unsafe { set::write(s, 0) };
    0
}

/// [`sigfillset`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/sigfillset.html):
/// every signal but the two the runtime reserves.
///
/// # Safety
/// `s` must be null or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sigfillset(s: *mut sigset_t) -> c_int {
    if s.is_null() {
        return invalid();
    }
    // SAFETY: non-null and writable per the contract.
    unsafe { set::write(s, set::FULL) };
    0
}

/// Applies `f` to a set's bits, for a signal a program may change.
///
/// # Safety
/// `s` must be null or readable and writable.
unsafe fn update(s: *mut sigset_t, sig: c_int, f: impl FnOnce(u64, u64) -> u64) -> c_int {
    match set::user_bit(sig) {
        // SAFETY: non-null and writable per the contract.
        Ok(b) if !s.is_null() => unsafe {
            set::write(s, f(set::read(s), b));
            0
        },
        _ => invalid(),
    }
}

/// [`sigaddset`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/sigaddset.html)
///
/// # Safety
/// `s` must be null or readable and writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sigaddset(s: *mut sigset_t, sig: c_int) -> c_int {
    // SAFETY: the caller's contract.
    unsafe { update(s, sig, |bits, b| bits | b) }
}

/// [`sigdelset`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/sigdelset.html)
///
/// # Safety
/// `s` must be null or readable and writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sigdelset(s: *mut sigset_t, sig: c_int) -> c_int {
    // SAFETY: the caller's contract.
    unsafe { update(s, sig, |bits, b| bits & !b) }
}

/// [`sigismember`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/sigismember.html)
///
/// # Safety
/// `s` must be null or readable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sigismember(s: *const sigset_t, sig: c_int) -> c_int {
    match set::bit(sig) {
        // SAFETY: non-null and readable per the contract.
        Ok(b) if !s.is_null() => c_int::from(unsafe { set::read(s) } & b != 0),
        _ => invalid(),
    }
}

/// [`sigisemptyset`](https://man7.org/linux/man-pages/man3/sigisemptyset.3.html)
///
/// # Safety
/// `s` must be null or readable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sigisemptyset(s: *const sigset_t) -> c_int {
    if s.is_null() {
        return invalid();
    }
    // SAFETY: non-null and readable per the contract.
    c_int::from(unsafe { set::read(s) } == 0)
}

/// Combines two sets into a third.
///
/// # Safety
/// `dst` null or writable, `a` and `b` null or readable.
unsafe fn combine(dst: *mut sigset_t, a: *const sigset_t, b: *const sigset_t, f: fn(u64, u64) -> u64) -> c_int {
    if dst.is_null() || a.is_null() || b.is_null() {
        return invalid();
    }
    // SAFETY: non-null per the check, readable and writable per the contract.
    unsafe { set::write(dst, f(set::read(a), set::read(b))) };
    0
}

/// [`sigorset`](https://man7.org/linux/man-pages/man3/sigorset.3.html)
///
/// # Safety
/// `dst` null or writable, `a` and `b` null or readable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sigorset(dst: *mut sigset_t, a: *const sigset_t, b: *const sigset_t) -> c_int {
    // SAFETY: the caller's contract.
    unsafe { combine(dst, a, b, |x, y| x | y) }
}

/// [`sigandset`](https://man7.org/linux/man-pages/man3/sigandset.3.html)
///
/// # Safety
/// `dst` null or writable, `a` and `b` null or readable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sigandset(dst: *mut sigset_t, a: *const sigset_t, b: *const sigset_t) -> c_int {
    // SAFETY: the caller's contract.
    unsafe { combine(dst, a, b, |x, y| x & y) }
}

/// `__libc_current_sigrtmin`: what glibc's `SIGRTMIN` macro calls.
#[unsafe(no_mangle)]
pub extern "C" fn __libc_current_sigrtmin() -> c_int {
    set::RTMIN
}

/// `__libc_current_sigrtmax`: what glibc's `SIGRTMAX` macro calls.
#[unsafe(no_mangle)]
pub extern "C" fn __libc_current_sigrtmax() -> c_int {
    set::RTMAX
}

/// The set a C caller passed, or none.
///
/// # Safety
/// `s` must be null or readable.
unsafe fn maybe_set(s: *const sigset_t) -> Option<u64> {
    // SAFETY: per the contract.
    (!s.is_null()).then(|| unsafe { set::read(s) })
}

/// [`sigaction`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/sigaction.html)
///
/// # Safety
/// `new` null or readable, `old` null or writable; a handler in `new` must suit the flags.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sigaction(sig: c_int, new: *const libc::sigaction, old: *mut libc::sigaction) -> c_int {
    // SAFETY: per the contract.
    let new = (!new.is_null()).then(|| unsafe {
        action::Action { handler: (*new).sa_sigaction, mask: set::read(&raw const (*new).sa_mask), flags: (*new).sa_flags, restorer: 0 }
    });
    // SAFETY: the caller vouches for the handler.
    match unsafe { action::sigaction(sig, new) } {
        Ok(prev) => {
            if !old.is_null() {
                // SAFETY: writable per the contract; fields written one by one, so the unused
                // words of the old mask stay as the caller had them (as in glibc).
                unsafe {
                    (&raw mut (*old).sa_sigaction).write(prev.handler);
                    set::write(&raw mut (*old).sa_mask, prev.mask);
                    (&raw mut (*old).sa_flags).write(prev.flags);
                    (&raw mut (*old).sa_restorer).write(core::mem::transmute::<usize, Option<extern "C" fn()>>(prev.restorer));
                }
            }
            0
        }
        Err(e) => {
            crate::thread::tcb::set_errno(e.raw_os_error());
            -1
        }
    }
}

/// [`signal`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/signal.html): BSD
/// semantics, as glibc.
///
/// # Safety
/// `handler` must be `SIG_DFL`, `SIG_IGN` or a function taking the signal number.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn signal(sig: c_int, handler: libc::sighandler_t) -> libc::sighandler_t {
    // SAFETY: the caller's contract.
    unsafe { action::signal(sig, handler) }.or_errno(libc::SIG_ERR)
}

/// [`siginterrupt`](https://pubs.opengroup.org/onlinepubs/9699919799/functions/siginterrupt.html)
#[unsafe(no_mangle)]
pub extern "C" fn siginterrupt(sig: c_int, flag: c_int) -> c_int {
    action::siginterrupt(sig, flag != 0).map(|()| 0).or_errno(-1)
}

/// [`sigprocmask`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/sigprocmask.html)
///
/// # Safety
/// `new` null or readable, `old` null or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sigprocmask(how: c_int, new: *const sigset_t, old: *mut sigset_t) -> c_int {
    // SAFETY: per the contract.
    let prev = mask::change(how, unsafe { maybe_set(new) });
    prev.map(|prev| {
        if !old.is_null() {
            // SAFETY: writable per the contract.
            unsafe { set::write(old, prev) };
        }
        0
    })
    .or_errno(-1)
}

/// [`sigpending`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/sigpending.html)
///
/// # Safety
/// `s` must be null or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sigpending(s: *mut sigset_t) -> c_int {
    if s.is_null() {
        crate::thread::tcb::set_errno(libc::EFAULT);
        return -1;
    }
    // SAFETY: non-null and writable per the contract.
    unsafe { set::write(s, mask::pending()) };
    0
}

/// [`sigsuspend`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/sigsuspend.html)
///
/// # Safety
/// `s` must be null or readable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sigsuspend(s: *const sigset_t) -> c_int {
    // SAFETY: per the contract.
    let e = match unsafe { maybe_set(s) } {
        Some(bits) => mask::suspend(bits),
        None => rustix::io::Errno::FAULT,
    };
    crate::thread::tcb::set_errno(e.raw_os_error());
    -1
}

/// [`sigwait`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/sigwait.html): an
/// error number.
///
/// # Safety
/// `s` must be null or readable, `sig` null or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sigwait(s: *const sigset_t, sig: *mut c_int) -> c_int {
    // SAFETY: per the contract.
    let Some(bits) = (unsafe { maybe_set(s) }) else { return libc::EFAULT };
    match wait::sigwait(bits) {
        Ok(n) if !sig.is_null() => {
            // SAFETY: non-null and writable per the contract.
            unsafe { sig.write(n) };
            0
        }
        Ok(_) => libc::EFAULT,
        Err(e) => e.raw_os_error(),
    }
}

/// [`sigtimedwait`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/sigtimedwait.html)
///
/// # Safety
/// `s` null or readable, `info` null or writable, `timeout` null or readable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sigtimedwait(s: *const sigset_t, info: *mut libc::siginfo_t, timeout: *const libc::timespec) -> c_int {
    // SAFETY: per the contract.
    let Some(bits) = (unsafe { maybe_set(s) }) else {
        crate::thread::tcb::set_errno(libc::EFAULT);
        return -1;
    };
    // SAFETY: per the contract.
    unsafe { wait::timed(bits, info, timeout) }.or_errno(-1)
}

/// [`sigwaitinfo`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/sigwaitinfo.html)
///
/// # Safety
/// `s` null or readable, `info` null or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sigwaitinfo(s: *const sigset_t, info: *mut libc::siginfo_t) -> c_int {
    // SAFETY: per the contract.
    unsafe { sigtimedwait(s, info, core::ptr::null()) }
}

/// [`raise`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/raise.html)
#[unsafe(no_mangle)]
pub extern "C" fn raise(sig: c_int) -> c_int {
    send::raise(sig).map(|()| 0).or_errno(-1)
}

/// [`kill`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/kill.html)
#[unsafe(no_mangle)]
pub extern "C" fn kill(pid: libc::pid_t, sig: c_int) -> c_int {
    send::kill(pid, sig).map(|()| 0).or_errno(-1)
}

/// [`killpg`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/killpg.html)
#[unsafe(no_mangle)]
pub extern "C" fn killpg(pgrp: libc::pid_t, sig: c_int) -> c_int {
    send::killpg(pgrp, sig).map(|()| 0).or_errno(-1)
}

/// [`sigqueue`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/sigqueue.html)
#[unsafe(no_mangle)]
pub extern "C" fn sigqueue(pid: libc::pid_t, sig: c_int, value: libc::sigval) -> c_int {
    send::sigqueue(pid, sig, value.sival_ptr as usize).map(|()| 0).or_errno(-1)
}

/// [`sigaltstack`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/sigaltstack.html)
///
/// # Safety
/// `new` null or readable, `old` null or writable; a new stack must stay usable while it is
/// installed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sigaltstack(new: *const libc::stack_t, old: *mut libc::stack_t) -> c_int {
    // SAFETY: the caller's contract.
    unsafe { stack::sigaltstack(new, old) }.map(|()| 0).or_errno(-1)
}

/// [`psignal`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/psignal.html): the
/// signal's description on standard error, after `s` and a colon when `s` is not empty.
///
/// # Safety
/// `s` must be null or a NUL-terminated string.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn psignal(sig: c_int, s: *const core::ffi::c_char) {
    // SAFETY: per the contract.
    let prefix = if s.is_null() { &[][..] } else { unsafe { core::ffi::CStr::from_ptr(s) }.to_bytes() };
    send::describe(sig, prefix);
}

/// [`pause`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pause.html)
#[unsafe(no_mangle)]
pub extern "C" fn pause() -> c_int {
    crate::thread::tcb::set_errno(wait::pause().raw_os_error());
    -1
}
