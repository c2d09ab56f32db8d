//! `pthread_cond_*` and `pthread_condattr_*`.

use super::{attr_mut, code, object, put};
use crate::sync::condvar::{CondAttr, Condvar};
use crate::sync::futex::{Clock, Deadline};
use crate::sync::mutex::Mutex;
use core::ffi::c_int;
use libc::{clockid_t, pthread_cond_t, pthread_condattr_t, pthread_mutex_t, timespec};

/// [`pthread_cond_init`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_cond_init.html)
///
/// # Safety
/// `c` must be null or writable memory for a condition variable; `attr` null or initialised.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_cond_init(c: *mut pthread_cond_t, attr: *const pthread_condattr_t) -> c_int {
    // SAFETY: per the contract.
    let attr = unsafe { attr.cast::<CondAttr>().as_ref() }.copied().unwrap_or_default();
    // SAFETY: per the contract.
    code(unsafe { object::<_, Condvar>(c) }.map(|c| c.init(attr.flags())))
}

/// [`pthread_cond_destroy`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_cond_destroy.html):
/// waits until woken waiters have left.
///
/// # Safety
/// `c` must be null or point to a condition variable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_cond_destroy(c: *mut pthread_cond_t) -> c_int {
    // SAFETY: per the contract.
    code(unsafe { object::<_, Condvar>(c) }.map(Condvar::destroy))
}

/// [`pthread_cond_signal`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_cond_signal.html)
///
/// # Safety
/// `c` must be null or point to a condition variable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_cond_signal(c: *mut pthread_cond_t) -> c_int {
    // SAFETY: per the contract.
    code(unsafe { object::<_, Condvar>(c) }.map(Condvar::signal))
}

/// [`pthread_cond_broadcast`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_cond_broadcast.html)
///
/// # Safety
/// `c` must be null or point to a condition variable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_cond_broadcast(c: *mut pthread_cond_t) -> c_int {
    // SAFETY: per the contract.
    code(unsafe { object::<_, Condvar>(c) }.map(Condvar::broadcast))
}

/// [`pthread_cond_wait`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_cond_wait.html)
///
/// # Safety
/// `c` and `m` must be null or point to a condition variable and a mutex.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_cond_wait(c: *mut pthread_cond_t, m: *mut pthread_mutex_t) -> c_int {
    // SAFETY: per the contract.
    code(unsafe { wait(c, m, None) })
}

/// [`pthread_cond_timedwait`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_cond_timedwait.html):
/// the deadline is on the clock of the condition variable's attributes.
///
/// # Safety
/// `c` and `m` must be null or point to a condition variable and a mutex; `abstime` null or
/// readable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_cond_timedwait(
    c: *mut pthread_cond_t,
    m: *mut pthread_mutex_t,
    abstime: *const timespec,
) -> c_int {
    // SAFETY: per the contract.
    code(unsafe { object::<_, Condvar>(c) }.and_then(|cv| {
        // SAFETY: per the contract.
        let deadline = unsafe { Deadline::from_c(cv.clock(), abstime) }?;
        // SAFETY: per the contract.
        unsafe { wait(c, m, Some(&deadline)) }
    }))
}

/// [`pthread_cond_clockwait`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_cond_clockwait.html):
/// the deadline is on `clock` (`CLOCK_REALTIME` or `CLOCK_MONOTONIC`).
///
/// # Safety
/// As `pthread_cond_timedwait`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_cond_clockwait(
    c: *mut pthread_cond_t,
    m: *mut pthread_mutex_t,
    clock: clockid_t,
    abstime: *const timespec,
) -> c_int {
    code(Clock::from_c(clock).and_then(|clock| {
        // SAFETY: per the contract.
        let deadline = unsafe { Deadline::from_c(clock, abstime) }?;
        // SAFETY: per the contract.
        unsafe { wait(c, m, Some(&deadline)) }
    }))
}

/// The waits, once the deadline is known.
///
/// # Safety
/// As `pthread_cond_wait`.
pub(super) unsafe fn wait(
    c: *mut pthread_cond_t,
    m: *mut pthread_mutex_t,
    deadline: Option<&Deadline>,
) -> Result<(), rustix::io::Errno> {
    // SAFETY: per the contract.
    let (c, m) = unsafe { (object::<_, Condvar>(c)?, object::<_, Mutex>(m)?) };
    c.wait(m, deadline)
}

/// [`pthread_condattr_init`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_condattr_init.html)
///
/// # Safety
/// `a` must be null or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_condattr_init(a: *mut pthread_condattr_t) -> c_int {
    // SAFETY: per the contract.
    code(unsafe { put(a.cast::<CondAttr>(), CondAttr::DEFAULT) })
}

/// [`pthread_condattr_destroy`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_condattr_destroy.html):
/// nothing to release.
///
/// # Safety
/// `a` must be null or point to attributes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_condattr_destroy(a: *mut pthread_condattr_t) -> c_int {
    // SAFETY: per the contract.
    code(unsafe { object::<_, CondAttr>(a) }.map(|_| ()))
}

/// [`pthread_condattr_setclock`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_condattr_setclock.html)
///
/// # Safety
/// `a` must be null or point to attributes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_condattr_setclock(a: *mut pthread_condattr_t, clock: clockid_t) -> c_int {
    // SAFETY: per the contract.
    code(unsafe { attr_mut::<_, CondAttr>(a) }.and_then(|a| a.set_clock(clock)))
}

/// [`pthread_condattr_getclock`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_condattr_getclock.html)
///
/// # Safety
/// `a` must be null or point to attributes; `out` null or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_condattr_getclock(a: *const pthread_condattr_t, out: *mut clockid_t) -> c_int {
    // SAFETY: per the contract.
    code(unsafe { object::<_, CondAttr>(a.cast_mut()) }.and_then(|a| unsafe { put(out, a.clock().to_c()) }))
}

/// [`pthread_condattr_setpshared`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_condattr_setpshared.html)
///
/// # Safety
/// `a` must be null or point to attributes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_condattr_setpshared(a: *mut pthread_condattr_t, pshared: c_int) -> c_int {
    // SAFETY: per the contract.
    code(unsafe { attr_mut::<_, CondAttr>(a) }.and_then(|a| a.set_pshared(pshared)))
}

/// [`pthread_condattr_getpshared`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_condattr_getpshared.html)
///
/// # Safety
/// `a` must be null or point to attributes; `out` null or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_condattr_getpshared(a: *const pthread_condattr_t, out: *mut c_int) -> c_int {
    // SAFETY: per the contract.
    code(unsafe { object::<_, CondAttr>(a.cast_mut()) }.and_then(|a| unsafe { put(out, a.pshared()) }))
}
