//! `<signal.h>`: signal sets.

use crate::signal::set;
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
