//! `pthread_barrier_*` and `pthread_barrierattr_*`.

use super::{attr_mut, code, object, put};
use crate::sync::barrier::{Barrier, BarrierAttr, Role};
use core::ffi::{c_int, c_uint};
use libc::{pthread_barrier_t, pthread_barrierattr_t};

/// [`pthread_barrier_init`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_barrier_init.html)
///
/// # Safety
/// `b` must be null or writable memory for a barrier; `attr` null or initialised.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_barrier_init(
    b: *mut pthread_barrier_t,
    attr: *const pthread_barrierattr_t,
    count: c_uint,
) -> c_int {
    // SAFETY: per the contract.
    let attr = unsafe { attr.cast::<BarrierAttr>().as_ref() }.copied().unwrap_or_default();
    // SAFETY: per the contract.
    code(unsafe { object::<_, Barrier>(b) }.and_then(|b| b.init(count, attr.pshared() != 0)))
}

/// [`pthread_barrier_destroy`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_barrier_destroy.html):
/// waits for released threads to leave; `EBUSY` while a round is incomplete.
///
/// # Safety
/// `b` must be null or point to a barrier.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_barrier_destroy(b: *mut pthread_barrier_t) -> c_int {
    // SAFETY: per the contract.
    code(unsafe { object::<_, Barrier>(b) }.and_then(Barrier::destroy))
}

/// [`pthread_barrier_wait`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_barrier_wait.html):
/// `PTHREAD_BARRIER_SERIAL_THREAD` to one thread of each round, 0 to the others.
///
/// # Safety
/// `b` must be null or point to a barrier.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_barrier_wait(b: *mut pthread_barrier_t) -> c_int {
    // SAFETY: per the contract.
    match unsafe { object::<_, Barrier>(b) } {
        Ok(b) => match b.wait() {
            Role::Serial => libc::PTHREAD_BARRIER_SERIAL_THREAD,
            Role::Other => 0,
        },
        Err(e) => e.raw_os_error(),
    }
}

/// [`pthread_barrierattr_init`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_barrierattr_init.html)
///
/// # Safety
/// `a` must be null or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_barrierattr_init(a: *mut pthread_barrierattr_t) -> c_int {
    // SAFETY: per the contract.
    code(unsafe { put(a.cast::<BarrierAttr>(), BarrierAttr::DEFAULT) })
}

/// [`pthread_barrierattr_destroy`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_barrierattr_destroy.html):
/// nothing to release.
///
/// # Safety
/// `a` must be null or point to attributes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_barrierattr_destroy(a: *mut pthread_barrierattr_t) -> c_int {
    // SAFETY: per the contract.
    code(unsafe { object::<_, BarrierAttr>(a) }.map(|_| ()))
}

/// [`pthread_barrierattr_setpshared`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_barrierattr_setpshared.html)
///
/// # Safety
/// `a` must be null or point to attributes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_barrierattr_setpshared(a: *mut pthread_barrierattr_t, pshared: c_int) -> c_int {
    // SAFETY: per the contract.
    code(unsafe { attr_mut::<_, BarrierAttr>(a) }.and_then(|a| a.set_pshared(pshared)))
}

/// [`pthread_barrierattr_getpshared`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_barrierattr_getpshared.html)
///
/// # Safety
/// `a` must be null or point to attributes; `out` null or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_barrierattr_getpshared(a: *const pthread_barrierattr_t, out: *mut c_int) -> c_int {
    // SAFETY: per the contract.
    code(unsafe { object::<_, BarrierAttr>(a.cast_mut()) }.and_then(|a| unsafe { put(out, a.pshared()) }))
}
