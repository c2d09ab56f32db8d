//! `<semaphore.h>`: unnamed and named semaphores. These functions set `errno` and return -1
//! (`sem_open`: `SEM_FAILED`) on failure.

use super::OrErrno;
use crate::sync::futex::{Clock, Deadline};
use crate::sync::named_semaphore;
use crate::sync::semaphore::Semaphore;
use core::ffi::{CStr, c_char, c_int, c_uint};
use libc::{clockid_t, sem_t, timespec};
use rustix::io::Errno;

/// The semaphore behind a C pointer: `EINVAL` for null.
///
/// # Safety
/// `s` must be null or point to a live `sem_t`.
#[inline(always)]
unsafe fn sem<'a>(s: *mut sem_t) -> Result<&'a Semaphore, Errno> {
    // SAFETY: per the contract; `Semaphore` has `sem_t`'s layout (asserted in the core).
    unsafe { s.cast::<Semaphore>().as_ref() }.ok_or(Errno::INVAL)
}

/// [`sem_init`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/sem_init.html)
///
/// # Safety
/// `s` must be null or writable memory for a semaphore.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sem_init(s: *mut sem_t, pshared: c_int, value: c_uint) -> c_int {
    // SAFETY: per the contract.
    unsafe { sem(s) }.and_then(|s| s.init(value, pshared != 0)).map(|()| 0).or_errno(-1)
}

/// [`sem_destroy`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/sem_destroy.html):
/// nothing to release.
///
/// # Safety
/// `s` must be null or point to a semaphore.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sem_destroy(s: *mut sem_t) -> c_int {
    // SAFETY: per the contract.
    unsafe { sem(s) }.map(|_| 0).or_errno(-1)
}

/// [`sem_post`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/sem_post.html):
/// `EOVERFLOW` at `SEM_VALUE_MAX`.
///
/// # Safety
/// `s` must be null or point to a semaphore.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sem_post(s: *mut sem_t) -> c_int {
    // SAFETY: per the contract.
    unsafe { sem(s) }.and_then(Semaphore::post).map(|()| 0).or_errno(-1)
}

/// [`sem_wait`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/sem_wait.html):
/// `EINTR` when a signal handler interrupts the wait.
///
/// # Safety
/// `s` must be null or point to a semaphore.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sem_wait(s: *mut sem_t) -> c_int {
    // SAFETY: per the contract.
    unsafe { sem(s) }.and_then(|s| s.wait(None)).map(|()| 0).or_errno(-1)
}

/// [`sem_trywait`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/sem_trywait.html):
/// `EAGAIN` when the value is 0.
///
/// # Safety
/// `s` must be null or point to a semaphore.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sem_trywait(s: *mut sem_t) -> c_int {
    // SAFETY: per the contract.
    unsafe { sem(s) }.and_then(Semaphore::try_wait).map(|()| 0).or_errno(-1)
}

/// [`sem_timedwait`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/sem_timedwait.html):
/// the deadline is on `CLOCK_REALTIME`.
///
/// # Safety
/// `s` must be null or point to a semaphore; `abstime` null or readable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sem_timedwait(s: *mut sem_t, abstime: *const timespec) -> c_int {
    // SAFETY: per the contract.
    unsafe { sem_clockwait(s, libc::CLOCK_REALTIME, abstime) }
}

/// [`sem_clockwait`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/sem_clockwait.html):
/// the deadline is on `clock` (`CLOCK_REALTIME` or `CLOCK_MONOTONIC`).
///
/// # Safety
/// `s` must be null or point to a semaphore; `abstime` null or readable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sem_clockwait(s: *mut sem_t, clock: clockid_t, abstime: *const timespec) -> c_int {
    Clock::from_c(clock)
        .and_then(|clock| {
            // SAFETY: per the contract.
            let deadline = unsafe { Deadline::from_c(clock, abstime) }?;
            // SAFETY: per the contract.
            unsafe { sem(s) }?.wait(Some(&deadline))
        })
        .map(|()| 0)
        .or_errno(-1)
}

/// [`sem_getvalue`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/sem_getvalue.html)
///
/// # Safety
/// `s` must be null or point to a semaphore; `out` null or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sem_getvalue(s: *mut sem_t, out: *mut c_int) -> c_int {
    // SAFETY: per the contract.
    let result = unsafe { sem(s) }.and_then(|s| {
        if out.is_null() {
            return Err(Errno::INVAL);
        }
        // SAFETY: non-null and writable per the contract.
        unsafe { out.write(s.value() as c_int) };
        Ok(0)
    });
    result.or_errno(-1)
}

/// [`sem_open`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/sem_open.html):
/// `/dev/shm/sem.NAME`, mapped shared; the same address for the same semaphore while it is
/// open. Variadic in C (`mode` and `value` follow only with `O_CREAT`); the x86_64 calling
/// convention makes these fixed arguments equivalent.
///
/// # Safety
/// `name` must be null or a NUL-terminated string.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sem_open(name: *const c_char, oflag: c_int, mode: libc::mode_t, value: c_uint) -> *mut sem_t {
    if name.is_null() {
        crate::thread::tcb::set_errno(libc::EINVAL);
        return core::ptr::null_mut();
    }
    // SAFETY: non-null and NUL-terminated per the contract.
    let name = unsafe { CStr::from_ptr(name) };
    named_semaphore::open(name, oflag, mode, value).map(|s| s.cast()).or_errno(core::ptr::null_mut())
}

/// [`sem_close`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/sem_close.html)
///
/// # Safety
/// `s` must be null or a semaphore from `sem_open` (anything else is `EINVAL`).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sem_close(s: *mut sem_t) -> c_int {
    named_semaphore::close(s.cast()).map(|()| 0).or_errno(-1)
}

/// [`sem_unlink`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/sem_unlink.html)
///
/// # Safety
/// `name` must be null or a NUL-terminated string.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sem_unlink(name: *const c_char) -> c_int {
    if name.is_null() {
        crate::thread::tcb::set_errno(libc::ENOENT);
        return -1;
    }
    // SAFETY: non-null and NUL-terminated per the contract.
    named_semaphore::unlink(unsafe { CStr::from_ptr(name) }).map(|()| 0).or_errno(-1)
}
