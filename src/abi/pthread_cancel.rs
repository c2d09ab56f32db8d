//! `<pthread.h>`: cancellation and the cleanup-handler ABI of glibc's
//! `pthread_cleanup_push`/`pthread_cleanup_pop` macros (C without `-fexceptions`).

use super::pthread::ret;
use crate::thread::cancel;
use crate::thread::cleanup::{self, OldBuf, UnwindBuf};
use core::ffi::{c_int, c_void};
use libc::pthread_t;

/// [`pthread_cancel`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_cancel.html):
/// 0 also for a thread that has ended but is not joined yet.
///
/// # Safety
/// `thread` must name a thread not yet joined.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_cancel(thread: pthread_t) -> c_int {
    // SAFETY: per the contract.
    ret(unsafe { cancel::cancel(thread as *mut _) })
}

/// [`pthread_testcancel`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_testcancel.html)
#[unsafe(no_mangle)]
pub extern "C" fn pthread_testcancel() {
    cancel::test()
}

/// Writes `value` to `old` unless it is null, and returns 0; or the error number.
///
/// # Safety
/// `old` null or writable.
unsafe fn report(r: Result<c_int, rustix::io::Errno>, old: *mut c_int) -> c_int {
    match r {
        Ok(previous) => {
            if !old.is_null() {
                // SAFETY: non-null and writable per the contract.
                unsafe { old.write(previous) };
            }
            0
        }
        Err(e) => e.raw_os_error(),
    }
}

/// [`pthread_setcancelstate`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_setcancelstate.html):
/// `EINVAL` for a state other than `PTHREAD_CANCEL_ENABLE`/`DISABLE`.
///
/// # Safety
/// `old` null or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_setcancelstate(state: c_int, old: *mut c_int) -> c_int {
    // SAFETY: per the contract.
    unsafe { report(cancel::set_state(state), old) }
}

/// [`pthread_setcanceltype`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_setcanceltype.html):
/// `EINVAL` for a type other than `PTHREAD_CANCEL_DEFERRED`/`ASYNCHRONOUS`.
///
/// # Safety
/// `old` null or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_setcanceltype(kind: c_int, old: *mut c_int) -> c_int {
    // SAFETY: per the contract.
    unsafe { report(cancel::set_type(kind), old) }
}

/// `__pthread_register_cancel`: what `pthread_cleanup_push` calls once `__sigsetjmp` has
/// filled its buffer.
///
/// # Safety
/// `buf` a live `__pthread_unwind_buf_t` filled by `__sigsetjmp`, in the caller's frame.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __pthread_register_cancel(buf: *mut UnwindBuf) {
    // SAFETY: per the contract.
    unsafe { cleanup::register(buf) }
}

/// `__pthread_unregister_cancel`: what `pthread_cleanup_pop` calls.
///
/// # Safety
/// `buf` the newest registered buffer.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __pthread_unregister_cancel(buf: *mut UnwindBuf) {
    // SAFETY: per the contract.
    unsafe { cleanup::unregister(buf) }
}

/// `__pthread_register_cancel_defer`: `pthread_cleanup_push_defer_np`, which also makes the
/// thread's cancellation deferred until the matching pop.
///
/// # Safety
/// As for `__pthread_register_cancel`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __pthread_register_cancel_defer(buf: *mut UnwindBuf) {
    // SAFETY: per the contract.
    unsafe { cleanup::register_defer(buf) }
}

/// `__pthread_unregister_cancel_restore`: `pthread_cleanup_pop_restore_np`.
///
/// # Safety
/// As for `__pthread_unregister_cancel`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __pthread_unregister_cancel_restore(buf: *mut UnwindBuf) {
    // SAFETY: per the contract.
    unsafe { cleanup::unregister_restore(buf) }
}

/// `__pthread_unwind_next`: a cleanup routine run by cancellation or `pthread_exit` has
/// finished; on to the next one, and then the end of the thread.
///
/// # Safety
/// Only from the `pthread_cleanup_push` expansion, while the thread unwinds.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __pthread_unwind_next(_buf: *mut UnwindBuf) -> ! {
    crate::thread::exit::unwind()
}

/// `_pthread_cleanup_push`: the old cleanup ABI (before `__pthread_register_cancel`):
/// `routine(arg)` runs if the thread is cancelled or exits before the matching pop.
///
/// # Safety
/// `buf` a writable `struct _pthread_cleanup_buffer` that stays live until it is popped.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn _pthread_cleanup_push(buf: *mut OldBuf, routine: Option<unsafe extern "C" fn(*mut c_void)>, arg: *mut c_void) {
    // SAFETY: per the contract.
    unsafe { cleanup::push_old(buf, routine, arg) }
}

/// `_pthread_cleanup_pop`: removes the newest old-style buffer; runs its routine if `execute`
/// is nonzero.
///
/// # Safety
/// `buf` the newest buffer `_pthread_cleanup_push` registered.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn _pthread_cleanup_pop(buf: *mut OldBuf, execute: c_int) {
    // SAFETY: per the contract.
    unsafe { cleanup::pop_old(buf, execute != 0) }
}

/// `_pthread_cleanup_push_defer`: `_pthread_cleanup_push`, and the thread's cancellation is
/// deferred until the matching `_pthread_cleanup_pop_restore`.
///
/// # Safety
/// As for `_pthread_cleanup_push`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn _pthread_cleanup_push_defer(buf: *mut OldBuf, routine: Option<unsafe extern "C" fn(*mut c_void)>, arg: *mut c_void) {
    // SAFETY: per the contract.
    unsafe { cleanup::push_old_defer(buf, routine, arg) }
}

/// `_pthread_cleanup_pop_restore`: `_pthread_cleanup_pop`, restoring the cancel type the
/// matching `_pthread_cleanup_push_defer` saved.
///
/// # Safety
/// As for `_pthread_cleanup_pop`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn _pthread_cleanup_pop_restore(buf: *mut OldBuf, execute: c_int) {
    // SAFETY: per the contract.
    unsafe { cleanup::pop_old_restore(buf, execute != 0) }
}
