//! `pthread_rwlock_*` and `pthread_rwlockattr_*`.

use super::{attr_mut, code, object, put};
use crate::sync::futex::{Clock, Deadline};
use crate::sync::rwlock::{RwLock, RwLockAttr};
use core::ffi::c_int;
use libc::{clockid_t, pthread_rwlock_t, pthread_rwlockattr_t, timespec};

/// [`pthread_rwlock_init`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_rwlock_init.html)
///
/// # Safety
/// `l` must be null or writable memory for a lock; `attr` null or initialised.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_rwlock_init(l: *mut pthread_rwlock_t, attr: *const pthread_rwlockattr_t) -> c_int {
    // SAFETY: per the contract.
    let attr = unsafe { attr.cast::<RwLockAttr>().as_ref() }.copied().unwrap_or_default();
    // SAFETY: per the contract.
    code(unsafe { object::<_, RwLock>(l) }.map(|l| l.init(&attr)))
}

/// [`pthread_rwlock_destroy`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_rwlock_destroy.html)
///
/// # Safety
/// `l` must be null or point to a lock.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_rwlock_destroy(l: *mut pthread_rwlock_t) -> c_int {
    // SAFETY: per the contract.
    code(unsafe { object::<_, RwLock>(l) }.and_then(RwLock::destroy))
}

/// [`pthread_rwlock_rdlock`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_rwlock_rdlock.html)
///
/// # Safety
/// `l` must be null or point to a lock.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_rwlock_rdlock(l: *mut pthread_rwlock_t) -> c_int {
    // SAFETY: per the contract.
    code(unsafe { object::<_, RwLock>(l) }.and_then(|l| l.read(None)))
}

/// [`pthread_rwlock_tryrdlock`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_rwlock_tryrdlock.html)
///
/// # Safety
/// `l` must be null or point to a lock.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_rwlock_tryrdlock(l: *mut pthread_rwlock_t) -> c_int {
    // SAFETY: per the contract.
    code(unsafe { object::<_, RwLock>(l) }.and_then(RwLock::try_read))
}

/// [`pthread_rwlock_timedrdlock`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_rwlock_timedrdlock.html):
/// the deadline is on `CLOCK_REALTIME`.
///
/// # Safety
/// `l` must be null or point to a lock; `abstime` null or readable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_rwlock_timedrdlock(l: *mut pthread_rwlock_t, abstime: *const timespec) -> c_int {
    // SAFETY: per the contract.
    unsafe { pthread_rwlock_clockrdlock(l, libc::CLOCK_REALTIME, abstime) }
}

/// [`pthread_rwlock_clockrdlock`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_rwlock_clockrdlock.html)
///
/// # Safety
/// `l` must be null or point to a lock; `abstime` null or readable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_rwlock_clockrdlock(
    l: *mut pthread_rwlock_t,
    clock: clockid_t,
    abstime: *const timespec,
) -> c_int {
    // SAFETY: per the contract.
    code(unsafe { timed(l, clock, abstime, RwLock::read) })
}

/// A timed lock: the clock and the deadline checked first, as glibc does.
///
/// # Safety
/// `l` must be null or point to a lock; `abstime` null or readable.
unsafe fn timed(
    l: *mut pthread_rwlock_t,
    clock: clockid_t,
    abstime: *const timespec,
    lock: fn(&RwLock, Option<&Deadline>) -> Result<(), rustix::io::Errno>,
) -> Result<(), rustix::io::Errno> {
    let clock = Clock::from_c(clock)?;
    // SAFETY: per the contract.
    let deadline = unsafe { Deadline::from_c(clock, abstime) }?;
    // SAFETY: per the contract.
    lock(unsafe { object::<_, RwLock>(l) }?, Some(&deadline))
}

/// [`pthread_rwlock_wrlock`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_rwlock_wrlock.html)
///
/// # Safety
/// `l` must be null or point to a lock.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_rwlock_wrlock(l: *mut pthread_rwlock_t) -> c_int {
    // SAFETY: per the contract.
    code(unsafe { object::<_, RwLock>(l) }.and_then(|l| l.write(None)))
}

/// [`pthread_rwlock_trywrlock`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_rwlock_trywrlock.html)
///
/// # Safety
/// `l` must be null or point to a lock.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_rwlock_trywrlock(l: *mut pthread_rwlock_t) -> c_int {
    // SAFETY: per the contract.
    code(unsafe { object::<_, RwLock>(l) }.and_then(RwLock::try_write))
}

/// [`pthread_rwlock_timedwrlock`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_rwlock_timedwrlock.html):
/// the deadline is on `CLOCK_REALTIME`.
///
/// # Safety
/// `l` must be null or point to a lock; `abstime` null or readable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_rwlock_timedwrlock(l: *mut pthread_rwlock_t, abstime: *const timespec) -> c_int {
    // SAFETY: per the contract.
    unsafe { pthread_rwlock_clockwrlock(l, libc::CLOCK_REALTIME, abstime) }
}

/// [`pthread_rwlock_clockwrlock`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_rwlock_clockwrlock.html)
///
/// # Safety
/// `l` must be null or point to a lock; `abstime` null or readable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_rwlock_clockwrlock(
    l: *mut pthread_rwlock_t,
    clock: clockid_t,
    abstime: *const timespec,
) -> c_int {
    // SAFETY: per the contract.
    code(unsafe { timed(l, clock, abstime, RwLock::write) })
}

/// [`pthread_rwlock_unlock`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_rwlock_unlock.html)
///
/// # Safety
/// `l` must be null or point to a lock.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_rwlock_unlock(l: *mut pthread_rwlock_t) -> c_int {
    // SAFETY: per the contract.
    code(unsafe { object::<_, RwLock>(l) }.and_then(RwLock::unlock))
}

/// [`pthread_rwlockattr_init`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_rwlockattr_init.html)
///
/// # Safety
/// `a` must be null or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_rwlockattr_init(a: *mut pthread_rwlockattr_t) -> c_int {
    // SAFETY: per the contract.
    code(unsafe { put(a.cast::<RwLockAttr>(), RwLockAttr::DEFAULT) })
}

/// [`pthread_rwlockattr_destroy`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_rwlockattr_destroy.html):
/// nothing to release.
///
/// # Safety
/// `a` must be null or point to attributes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_rwlockattr_destroy(a: *mut pthread_rwlockattr_t) -> c_int {
    // SAFETY: per the contract.
    code(unsafe { object::<_, RwLockAttr>(a) }.map(|_| ()))
}

/// [`pthread_rwlockattr_setpshared`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_rwlockattr_setpshared.html)
///
/// # Safety
/// `a` must be null or point to attributes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_rwlockattr_setpshared(a: *mut pthread_rwlockattr_t, pshared: c_int) -> c_int {
    // SAFETY: per the contract.
    code(unsafe { attr_mut::<_, RwLockAttr>(a) }.and_then(|a| a.pshared.set_pshared(pshared)))
}

/// [`pthread_rwlockattr_getpshared`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_rwlockattr_getpshared.html)
///
/// # Safety
/// `a` must be null or point to attributes; `out` null or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_rwlockattr_getpshared(a: *const pthread_rwlockattr_t, out: *mut c_int) -> c_int {
    // SAFETY: per the contract.
    code(unsafe { object::<_, RwLockAttr>(a.cast_mut()) }.and_then(|a| unsafe { put(out, a.pshared.pshared()) }))
}

/// `pthread_rwlockattr_setkind_np`: `PTHREAD_RWLOCK_PREFER_READER_NP`, `_PREFER_WRITER_NP`
/// (treated as preferring readers, as in glibc) or `_PREFER_WRITER_NONRECURSIVE_NP`.
///
/// # Safety
/// `a` must be null or point to attributes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_rwlockattr_setkind_np(a: *mut pthread_rwlockattr_t, kind: c_int) -> c_int {
    // SAFETY: per the contract.
    code(unsafe { attr_mut::<_, RwLockAttr>(a) }.and_then(|a| a.set_kind(kind)))
}

/// `pthread_rwlockattr_getkind_np`.
///
/// # Safety
/// `a` must be null or point to attributes; `out` null or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_rwlockattr_getkind_np(a: *const pthread_rwlockattr_t, out: *mut c_int) -> c_int {
    // SAFETY: per the contract.
    code(unsafe { object::<_, RwLockAttr>(a.cast_mut()) }.and_then(|a| unsafe { put(out, a.kind()) }))
}
