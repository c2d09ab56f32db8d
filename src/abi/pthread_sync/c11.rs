//! `<threads.h>` synchronisation: `mtx_*`, `cnd_*` and `call_once`, the same objects as the
//! pthread ones (glibc's `mtx_t` and `cnd_t` share their layouts), with C11's result codes.

use super::object;
use crate::sync::condvar::Condvar;
use crate::sync::futex::{Clock, Deadline};
use crate::sync::mutex::{self, Mutex};
use crate::sync::once::Once;
use core::ffi::c_int;
use rustix::io::Errno;

/// glibc's `mtx_t`: an opaque 40-byte `pthread_mutex_t`.
#[allow(non_camel_case_types)]
#[repr(C, align(8))]
pub struct mtx_t([u8; 40]);

/// glibc's `cnd_t`: an opaque 48-byte `pthread_cond_t`.
#[allow(non_camel_case_types)]
#[repr(C, align(8))]
pub struct cnd_t([u8; 48]);

/// glibc's `once_flag`: a `pthread_once_t` in a struct.
#[allow(non_camel_case_types)]
#[repr(C)]
pub struct once_flag {
    data: c_int,
}

const _: () = {
    assert!(size_of::<mtx_t>() == size_of::<Mutex>() && align_of::<mtx_t>() == align_of::<Mutex>());
    assert!(size_of::<cnd_t>() == size_of::<Condvar>() && align_of::<cnd_t>() >= align_of::<Condvar>());
    assert!(size_of::<once_flag>() == size_of::<Once>() && align_of::<once_flag>() == align_of::<Once>());
};

const THRD_SUCCESS: c_int = 0;
const THRD_BUSY: c_int = 1;
const THRD_ERROR: c_int = 2;
const THRD_NOMEM: c_int = 3;
const THRD_TIMEDOUT: c_int = 4;
const MTX_RECURSIVE: c_int = 1;
const MTX_RECURSIVE_TIMED: c_int = 3;

/// C11's result code for an outcome, as glibc maps error numbers (also for `thrd_*`).
pub(in crate::abi) fn thrd(result: Result<(), Errno>) -> c_int {
    match result {
        Ok(()) => THRD_SUCCESS,
        Err(Errno::BUSY) => THRD_BUSY,
        Err(Errno::NOMEM) => THRD_NOMEM,
        Err(Errno::TIMEDOUT) => THRD_TIMEDOUT,
        Err(_) => THRD_ERROR,
    }
}

/// [`mtx_init`](https://en.cppreference.com/w/c/thread/mtx_init): recursive for
/// `mtx_plain | mtx_recursive` and `mtx_timed | mtx_recursive`, otherwise plain (glibc makes
/// every other type value a plain mutex too; plain mutexes accept timed locks).
///
/// # Safety
/// `m` must be null or writable memory for a mutex.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mtx_init(m: *mut mtx_t, ty: c_int) -> c_int {
    let kind = match ty {
        MTX_RECURSIVE | MTX_RECURSIVE_TIMED => mutex::RECURSIVE,
        _ => mutex::NORMAL,
    };
    // SAFETY: per the contract.
    thrd(unsafe { object::<_, Mutex>(m) }.map(|m| m.init(kind)))
}

/// [`mtx_destroy`](https://en.cppreference.com/w/c/thread/mtx_destroy)
///
/// # Safety
/// `m` must be null or point to a mutex.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mtx_destroy(m: *mut mtx_t) {
    // SAFETY: per the contract.
    if let Ok(m) = unsafe { object::<_, Mutex>(m) } {
        // C11 leaves destroying a locked mutex undefined; there is nobody to tell.
        let _ = m.destroy();
    }
}

/// [`mtx_lock`](https://en.cppreference.com/w/c/thread/mtx_lock)
///
/// # Safety
/// `m` must be null or point to a mutex.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mtx_lock(m: *mut mtx_t) -> c_int {
    // SAFETY: per the contract.
    thrd(unsafe { object::<_, Mutex>(m) }.and_then(Mutex::lock))
}

/// [`mtx_trylock`](https://en.cppreference.com/w/c/thread/mtx_trylock): `thrd_busy` when held.
///
/// # Safety
/// `m` must be null or point to a mutex.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mtx_trylock(m: *mut mtx_t) -> c_int {
    // SAFETY: per the contract.
    thrd(unsafe { object::<_, Mutex>(m) }.and_then(Mutex::try_lock))
}

/// [`mtx_timedlock`](https://en.cppreference.com/w/c/thread/mtx_timedlock): the deadline is
/// `TIME_UTC` (`CLOCK_REALTIME`); `thrd_timedout` when it passes.
///
/// # Safety
/// `m` must be null or point to a mutex; `ts` null or readable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mtx_timedlock(m: *mut mtx_t, ts: *const libc::timespec) -> c_int {
    // SAFETY: per the contract.
    thrd(unsafe { object::<_, Mutex>(m) }.and_then(|m| m.lock_until(unsafe { Deadline::from_c(Clock::Realtime, ts) })))
}

/// [`mtx_unlock`](https://en.cppreference.com/w/c/thread/mtx_unlock)
///
/// # Safety
/// `m` must be null or point to a mutex.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mtx_unlock(m: *mut mtx_t) -> c_int {
    // SAFETY: per the contract.
    thrd(unsafe { object::<_, Mutex>(m) }.and_then(Mutex::unlock))
}

/// [`cnd_init`](https://en.cppreference.com/w/c/thread/cnd_init)
///
/// # Safety
/// `c` must be null or writable memory for a condition variable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cnd_init(c: *mut cnd_t) -> c_int {
    // SAFETY: per the contract.
    thrd(unsafe { object::<_, Condvar>(c) }.map(|c| c.init(0)))
}

/// [`cnd_destroy`](https://en.cppreference.com/w/c/thread/cnd_destroy)
///
/// # Safety
/// `c` must be null or point to a condition variable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cnd_destroy(c: *mut cnd_t) {
    // SAFETY: per the contract.
    if let Ok(c) = unsafe { object::<_, Condvar>(c) } {
        c.destroy();
    }
}

/// [`cnd_signal`](https://en.cppreference.com/w/c/thread/cnd_signal)
///
/// # Safety
/// `c` must be null or point to a condition variable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cnd_signal(c: *mut cnd_t) -> c_int {
    // SAFETY: per the contract.
    thrd(unsafe { object::<_, Condvar>(c) }.map(Condvar::signal))
}

/// [`cnd_broadcast`](https://en.cppreference.com/w/c/thread/cnd_broadcast)
///
/// # Safety
/// `c` must be null or point to a condition variable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cnd_broadcast(c: *mut cnd_t) -> c_int {
    // SAFETY: per the contract.
    thrd(unsafe { object::<_, Condvar>(c) }.map(Condvar::broadcast))
}

/// [`cnd_wait`](https://en.cppreference.com/w/c/thread/cnd_wait)
///
/// # Safety
/// `c` and `m` must be null or point to a condition variable and a mutex.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cnd_wait(c: *mut cnd_t, m: *mut mtx_t) -> c_int {
    // SAFETY: per the contract.
    thrd(unsafe { super::cond::wait(c.cast(), m.cast(), None) })
}

/// [`cnd_timedwait`](https://en.cppreference.com/w/c/thread/cnd_timedwait): the deadline is
/// `TIME_UTC` (`CLOCK_REALTIME`); `thrd_timedout` when it passes.
///
/// # Safety
/// `c` and `m` must be null or point to a condition variable and a mutex; `ts` null or
/// readable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cnd_timedwait(c: *mut cnd_t, m: *mut mtx_t, ts: *const libc::timespec) -> c_int {
    // SAFETY: per the contract.
    thrd(unsafe { Deadline::from_c(Clock::Realtime, ts) }.and_then(|d| {
        // SAFETY: per the contract.
        unsafe { super::cond::wait(c.cast(), m.cast(), Some(&d)) }
    }))
}

/// [`call_once`](https://en.cppreference.com/w/c/thread/call_once)
///
/// # Safety
/// `flag` must be null or point to a `once_flag`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn call_once(flag: *mut once_flag, f: Option<unsafe extern "C" fn()>) {
    // SAFETY: per the contract.
    if let (Ok(once), Some(f)) = (unsafe { object::<_, Once>(flag) }, f) {
        // SAFETY: the program's function, called as C calls it.
        once.call(|| unsafe { f() });
    }
}
