//! `pthread_mutex_*` and `pthread_mutexattr_*`.

use super::{attr_mut, code, object, put};
use crate::sync::futex::{Clock, Deadline};
use crate::sync::mutex::Mutex;
use crate::sync::mutex_attr::MutexAttr;
use core::ffi::c_int;
use libc::{clockid_t, pthread_mutex_t, pthread_mutexattr_t, timespec};

/// [`pthread_mutex_init`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_mutex_init.html)
///
/// # Safety
/// `m` must be null or point to writable memory for a mutex; `attr` null or initialised.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_mutex_init(m: *mut pthread_mutex_t, attr: *const pthread_mutexattr_t) -> c_int {
    // SAFETY: per the contract.
    let attr = unsafe { attr.cast::<MutexAttr>().as_ref() }.copied().unwrap_or_default();
    // SAFETY: per the contract.
    code(unsafe { object::<_, Mutex>(m) }.and_then(|m| attr.kind().map(|kind| m.init(kind))))
}

/// [`pthread_mutex_destroy`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_mutex_destroy.html)
///
/// # Safety
/// `m` must be null or point to a mutex.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_mutex_destroy(m: *mut pthread_mutex_t) -> c_int {
    // SAFETY: per the contract.
    code(unsafe { object::<_, Mutex>(m) }.and_then(Mutex::destroy))
}

/// [`pthread_mutex_lock`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_mutex_lock.html)
///
/// # Safety
/// `m` must be null or point to a mutex.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_mutex_lock(m: *mut pthread_mutex_t) -> c_int {
    // SAFETY: per the contract.
    code(unsafe { object::<_, Mutex>(m) }.and_then(Mutex::lock))
}

/// [`pthread_mutex_trylock`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_mutex_trylock.html)
///
/// # Safety
/// `m` must be null or point to a mutex.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_mutex_trylock(m: *mut pthread_mutex_t) -> c_int {
    // SAFETY: per the contract.
    code(unsafe { object::<_, Mutex>(m) }.and_then(Mutex::try_lock))
}

/// [`pthread_mutex_unlock`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_mutex_unlock.html)
///
/// # Safety
/// `m` must be null or point to a mutex.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_mutex_unlock(m: *mut pthread_mutex_t) -> c_int {
    // SAFETY: per the contract.
    code(unsafe { object::<_, Mutex>(m) }.and_then(Mutex::unlock))
}

/// [`pthread_mutex_timedlock`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_mutex_timedlock.html):
/// the deadline is on `CLOCK_REALTIME`.
///
/// # Safety
/// `m` must be null or point to a mutex; `abstime` null or readable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_mutex_timedlock(m: *mut pthread_mutex_t, abstime: *const timespec) -> c_int {
    // SAFETY: per the contract.
    unsafe { pthread_mutex_clocklock(m, libc::CLOCK_REALTIME, abstime) }
}

/// [`pthread_mutex_clocklock`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_mutex_clocklock.html):
/// the deadline is on `clock` (`CLOCK_REALTIME` or `CLOCK_MONOTONIC`).
///
/// # Safety
/// `m` must be null or point to a mutex; `abstime` null or readable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_mutex_clocklock(
    m: *mut pthread_mutex_t,
    clock: clockid_t,
    abstime: *const timespec,
) -> c_int {
    code(Clock::from_c(clock).and_then(|clock| {
        // SAFETY: per the contract.
        let m = unsafe { object::<_, Mutex>(m) }?;
        // SAFETY: per the contract.
        m.lock_until(unsafe { Deadline::from_c(clock, abstime) })
    }))
}

/// [`pthread_mutexattr_init`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_mutexattr_init.html)
///
/// # Safety
/// `a` must be null or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_mutexattr_init(a: *mut pthread_mutexattr_t) -> c_int {
    // SAFETY: per the contract.
    code(unsafe { put(a.cast::<MutexAttr>(), MutexAttr::DEFAULT) })
}

/// [`pthread_mutexattr_destroy`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_mutexattr_destroy.html):
/// nothing to release.
///
/// # Safety
/// `a` must be null or point to attributes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_mutexattr_destroy(a: *mut pthread_mutexattr_t) -> c_int {
    // SAFETY: per the contract.
    code(unsafe { object::<_, MutexAttr>(a) }.map(|_| ()))
}

/// [`pthread_mutexattr_settype`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_mutexattr_settype.html)
///
/// # Safety
/// `a` must be null or point to attributes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_mutexattr_settype(a: *mut pthread_mutexattr_t, ty: c_int) -> c_int {
    // SAFETY: per the contract.
    code(unsafe { attr_mut::<_, MutexAttr>(a) }.and_then(|a| a.set_type(ty)))
}

/// [`pthread_mutexattr_gettype`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_mutexattr_gettype.html)
///
/// # Safety
/// `a` must be null or point to attributes; `out` null or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_mutexattr_gettype(a: *const pthread_mutexattr_t, out: *mut c_int) -> c_int {
    // SAFETY: per the contract.
    code(unsafe { object::<_, MutexAttr>(a.cast_mut()) }.and_then(|a| unsafe { put(out, a.kind_of_mutex()) }))
}

/// [`pthread_mutexattr_setpshared`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_mutexattr_setpshared.html)
///
/// # Safety
/// `a` must be null or point to attributes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_mutexattr_setpshared(a: *mut pthread_mutexattr_t, pshared: c_int) -> c_int {
    // SAFETY: per the contract.
    code(unsafe { attr_mut::<_, MutexAttr>(a) }.and_then(|a| a.set_pshared(pshared)))
}

/// [`pthread_mutexattr_getpshared`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_mutexattr_getpshared.html)
///
/// # Safety
/// `a` must be null or point to attributes; `out` null or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_mutexattr_getpshared(a: *const pthread_mutexattr_t, out: *mut c_int) -> c_int {
    // SAFETY: per the contract.
    code(unsafe { object::<_, MutexAttr>(a.cast_mut()) }.and_then(|a| unsafe { put(out, a.pshared()) }))
}

/// [`pthread_mutexattr_setprotocol`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_mutexattr_setprotocol.html):
/// `PTHREAD_PRIO_NONE`, `PTHREAD_PRIO_INHERIT` or `PTHREAD_PRIO_PROTECT`.
///
/// # Safety
/// `a` must be null or point to attributes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_mutexattr_setprotocol(a: *mut pthread_mutexattr_t, protocol: c_int) -> c_int {
    // SAFETY: per the contract.
    code(unsafe { attr_mut::<_, MutexAttr>(a) }.and_then(|a| a.set_protocol(protocol)))
}

/// [`pthread_mutexattr_getprotocol`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_mutexattr_getprotocol.html)
///
/// # Safety
/// `a` must be null or point to attributes; `out` null or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_mutexattr_getprotocol(a: *const pthread_mutexattr_t, out: *mut c_int) -> c_int {
    // SAFETY: per the contract.
    code(unsafe { object::<_, MutexAttr>(a.cast_mut()) }.and_then(|a| unsafe { put(out, a.protocol()) }))
}

/// [`pthread_mutex_getprioceiling`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_mutex_getprioceiling.html):
/// `EINVAL` unless the mutex is `PTHREAD_PRIO_PROTECT`.
///
/// # Safety
/// `m` must be null or point to a mutex; `out` null or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_mutex_getprioceiling(m: *const pthread_mutex_t, out: *mut c_int) -> c_int {
    // SAFETY: per the contract.
    code(unsafe { object::<_, Mutex>(m.cast_mut()) }.and_then(|m| unsafe { put(out, m.prioceiling()?) }))
}

/// [`pthread_mutex_setprioceiling`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_mutex_setprioceiling.html):
/// locks the mutex (without raising the caller's priority), changes the ceiling, unlocks it;
/// the old ceiling goes to `old` unless it is null. A recursive mutex the caller holds stays
/// held, at the new ceiling.
///
/// # Safety
/// `m` must be null or point to a mutex; `old` null or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_mutex_setprioceiling(m: *mut pthread_mutex_t, ceiling: c_int, old: *mut c_int) -> c_int {
    // SAFETY: per the contract.
    code(unsafe { object::<_, Mutex>(m) }.and_then(|m| m.set_prioceiling(ceiling)).map(|was| {
        if !old.is_null() {
            // SAFETY: non-null and writable per the contract.
            unsafe { old.write(was) };
        }
    }))
}

/// [`pthread_mutexattr_setprioceiling`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_mutexattr_setprioceiling.html):
/// a `SCHED_FIFO` priority (1 to 99).
///
/// # Safety
/// `a` must be null or point to attributes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_mutexattr_setprioceiling(a: *mut pthread_mutexattr_t, ceiling: c_int) -> c_int {
    // SAFETY: per the contract.
    code(unsafe { attr_mut::<_, MutexAttr>(a) }.and_then(|a| a.set_prioceiling(ceiling)))
}

/// [`pthread_mutexattr_getprioceiling`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_mutexattr_getprioceiling.html)
///
/// # Safety
/// `a` must be null or point to attributes; `out` null or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_mutexattr_getprioceiling(a: *const pthread_mutexattr_t, out: *mut c_int) -> c_int {
    // SAFETY: per the contract.
    code(unsafe { object::<_, MutexAttr>(a.cast_mut()) }.and_then(|a| unsafe { put(out, a.prioceiling()) }))
}

/// [`pthread_mutex_consistent`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_mutex_consistent.html)
///
/// # Safety
/// `m` must be null or point to a mutex.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_mutex_consistent(m: *mut pthread_mutex_t) -> c_int {
    // SAFETY: per the contract.
    code(unsafe { object::<_, Mutex>(m) }.and_then(Mutex::make_consistent))
}

/// [`pthread_mutexattr_setrobust`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_mutexattr_setrobust.html):
/// `PTHREAD_MUTEX_STALLED` or `PTHREAD_MUTEX_ROBUST`.
///
/// # Safety
/// `a` must be null or point to attributes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_mutexattr_setrobust(a: *mut pthread_mutexattr_t, robust: c_int) -> c_int {
    // SAFETY: per the contract.
    code(unsafe { attr_mut::<_, MutexAttr>(a) }.and_then(|a| a.set_robust(robust)))
}

/// [`pthread_mutexattr_getrobust`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_mutexattr_getrobust.html)
///
/// # Safety
/// `a` must be null or point to attributes; `out` null or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_mutexattr_getrobust(a: *const pthread_mutexattr_t, out: *mut c_int) -> c_int {
    // SAFETY: per the contract.
    code(unsafe { object::<_, MutexAttr>(a.cast_mut()) }.and_then(|a| unsafe { put(out, a.robust()) }))
}
