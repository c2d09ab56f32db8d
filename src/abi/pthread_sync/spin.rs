//! `pthread_spin_*`.

use super::{code, object};
use crate::sync::spin::SpinLock;
use core::ffi::c_int;
use libc::pthread_spinlock_t;

/// [`pthread_spin_init`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_spin_init.html):
/// any `pshared` value is accepted, as glibc does (the lock never enters the kernel).
///
/// # Safety
/// `l` must be null or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_spin_init(l: *mut pthread_spinlock_t, _pshared: c_int) -> c_int {
    // SAFETY: per the contract.
    code(unsafe { object::<_, SpinLock>(l) }.map(SpinLock::init))
}

/// [`pthread_spin_destroy`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_spin_destroy.html):
/// nothing to release.
///
/// # Safety
/// `l` must be null or point to a spin lock.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_spin_destroy(l: *mut pthread_spinlock_t) -> c_int {
    // SAFETY: per the contract.
    code(unsafe { object::<_, SpinLock>(l) }.map(|_| ()))
}

/// [`pthread_spin_lock`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_spin_lock.html)
///
/// # Safety
/// `l` must be null or point to a spin lock.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_spin_lock(l: *mut pthread_spinlock_t) -> c_int {
    // SAFETY: per the contract.
    code(unsafe { object::<_, SpinLock>(l) }.map(SpinLock::lock))
}

/// [`pthread_spin_trylock`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_spin_trylock.html)
///
/// # Safety
/// `l` must be null or point to a spin lock.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_spin_trylock(l: *mut pthread_spinlock_t) -> c_int {
    // SAFETY: per the contract.
    code(unsafe { object::<_, SpinLock>(l) }.and_then(SpinLock::try_lock))
}

/// [`pthread_spin_unlock`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_spin_unlock.html)
///
/// # Safety
/// `l` must be null or point to a spin lock.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_spin_unlock(l: *mut pthread_spinlock_t) -> c_int {
    // SAFETY: per the contract.
    code(unsafe { object::<_, SpinLock>(l) }.map(SpinLock::unlock))
}
