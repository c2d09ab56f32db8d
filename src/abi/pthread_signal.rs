//! `<signal.h>`, the thread part: `pthread_kill`, `pthread_sigqueue`, `pthread_sigmask`.

use crate::thread::signal;
use super::pthread::ret;
use core::ffi::c_int;
use libc::{pthread_t, sigset_t};

/// [`pthread_kill`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_kill.html):
/// `EINVAL` for a bad signal; 0 for a thread that has ended but is not joined yet.
///
/// # Safety
/// `thread` must name a thread not yet joined.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_kill(thread: pthread_t, sig: c_int) -> c_int {
    // SAFETY: per the contract.
    ret(unsafe { signal::kill(thread as *mut _, sig) })
}

/// `pthread_sigqueue`: `sig` with a value, to one thread; `ESRCH` once it has ended.
///
/// # Safety
/// `thread` must name a thread not yet joined.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_sigqueue(thread: pthread_t, sig: c_int, value: libc::sigval) -> c_int {
    // SAFETY: per the contract.
    ret(unsafe { signal::queue(thread as *mut _, sig, value.sival_ptr as usize) })
}

/// [`pthread_sigmask`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_sigmask.html):
/// `EINVAL` for a bad `how` with a set.
///
/// # Safety
/// `set` null or readable; `old` null or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_sigmask(how: c_int, set: *const sigset_t, old: *mut sigset_t) -> c_int {
    // SAFETY: readable per the contract; the kernel's 64 signals are the set's first word.
    let bits = if set.is_null() { None } else { Some(unsafe { set.cast::<u64>().read() }) };
    match signal::sigmask(how, bits) {
        Ok(previous) => {
            if !old.is_null() {
                // SAFETY: writable per the contract; as glibc, only the kernel's word is
                // written.
                unsafe { old.cast::<u64>().write(previous) };
            }
            0
        }
        Err(e) => e.raw_os_error(),
    }
}
