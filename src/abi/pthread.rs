//! `<pthread.h>`: creating, joining, detaching and ending threads; thread identity.

use crate::thread::attr::Attr;
use crate::thread::join::{self, Wait};
use crate::thread::tcb::{self, Entry, Tcb};
use crate::thread::{create, exit};
use core::ffi::{c_int, c_void};
use libc::{pthread_attr_t, pthread_t};
use rustix::io::Errno;

/// The C convention of the pthread functions: 0 or an error number.
pub(super) fn ret(r: Result<(), Errno>) -> c_int {
    match r {
        Ok(()) => 0,
        Err(e) => e.raw_os_error(),
    }
}

fn tcb_of(t: pthread_t) -> *mut Tcb {
    t as *mut Tcb
}

/// [`pthread_create`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_create.html)
///
/// # Safety
/// `thread` must be writable; `attr` null or an initialised attribute object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_create(
    thread: *mut pthread_t,
    attr: *const pthread_attr_t,
    start: Option<unsafe extern "C" fn(*mut c_void) -> *mut c_void>,
    arg: *mut c_void,
) -> c_int {
    let (Some(start), false) = (start, thread.is_null()) else { return libc::EINVAL };
    let made = if attr.is_null() {
        create::create_default(Entry::Posix(start), arg)
    } else {
        // SAFETY: an initialised attribute object holds an `Attr` (see `thread::attr`).
        create::create_with(Entry::Posix(start), arg, unsafe { &*attr.cast::<Attr>() })
    };
    // SAFETY: `thread` is writable per the contract.
    ret(made.map(|t| unsafe { thread.write(t as pthread_t) }))
}

/// Writes `value` to `out` unless `out` is null.
///
/// # Safety
/// `out` null or writable.
unsafe fn store(out: *mut *mut c_void, value: *mut c_void) {
    if !out.is_null() {
        // SAFETY: non-null and writable per the contract.
        unsafe { out.write(value) }
    }
}

/// [`pthread_join`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_join.html)
///
/// # Safety
/// `thread` must name a joinable thread not yet joined; `result` null or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_join(thread: pthread_t, result: *mut *mut c_void) -> c_int {
    // SAFETY: per the contract.
    ret(unsafe { join::join(tcb_of(thread), Wait::Forever) }.map(|r| unsafe { store(result, r) }))
}

/// `pthread_tryjoin_np`: `pthread_join`, or `EBUSY` at once if the thread still runs.
///
/// # Safety
/// As for `pthread_join`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_tryjoin_np(thread: pthread_t, result: *mut *mut c_void) -> c_int {
    // SAFETY: per the contract.
    ret(unsafe { join::join(tcb_of(thread), Wait::Never) }.map(|r| unsafe { store(result, r) }))
}

/// The wait a C deadline asks for; `EINVAL` for a malformed one.
///
/// # Safety
/// `at` null or readable.
unsafe fn deadline(at: *const libc::timespec, realtime: bool) -> Result<Wait, Errno> {
    if at.is_null() {
        return Ok(Wait::Forever);
    }
    // SAFETY: non-null and readable per the contract.
    let at = unsafe { at.read() };
    if !(0..1_000_000_000).contains(&at.tv_nsec) {
        return Err(Errno::INVAL);
    }
    Ok(Wait::Until(rustix::time::Timespec { tv_sec: at.tv_sec, tv_nsec: at.tv_nsec }, realtime))
}

/// `pthread_clockjoin_np`: `pthread_join` with an absolute deadline on `CLOCK_REALTIME` or
/// `CLOCK_MONOTONIC` (`EINVAL` for another clock); `ETIMEDOUT` when it passes.
///
/// # Safety
/// As for `pthread_join`; `at` null or readable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_clockjoin_np(
    thread: pthread_t,
    result: *mut *mut c_void,
    clock: libc::clockid_t,
    at: *const libc::timespec,
) -> c_int {
    let realtime = match clock {
        libc::CLOCK_REALTIME => true,
        libc::CLOCK_MONOTONIC => false,
        _ => return libc::EINVAL,
    };
    // SAFETY: per the contract.
    ret(unsafe { deadline(at, realtime) }
        .and_then(|how| unsafe { join::join(tcb_of(thread), how) })
        .map(|r| unsafe { store(result, r) }))
}

/// `pthread_timedjoin_np`: `pthread_clockjoin_np` on `CLOCK_REALTIME`.
///
/// # Safety
/// As for `pthread_clockjoin_np`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_timedjoin_np(thread: pthread_t, result: *mut *mut c_void, at: *const libc::timespec) -> c_int {
    // SAFETY: per the contract.
    unsafe { pthread_clockjoin_np(thread, result, libc::CLOCK_REALTIME, at) }
}

/// [`pthread_detach`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_detach.html)
///
/// # Safety
/// `thread` must name a thread not yet joined or detached.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_detach(thread: pthread_t) -> c_int {
    // SAFETY: per the contract.
    ret(unsafe { join::detach(tcb_of(thread)) })
}

/// [`pthread_exit`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_exit.html)
#[unsafe(no_mangle)]
pub extern "C" fn pthread_exit(result: *mut c_void) -> ! {
    exit::exit_current(result)
}

/// [`pthread_self`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_self.html)
#[unsafe(no_mangle)]
pub extern "C" fn pthread_self() -> pthread_t {
    tcb::current() as pthread_t
}

/// [`pthread_equal`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_equal.html)
#[unsafe(no_mangle)]
pub extern "C" fn pthread_equal(a: pthread_t, b: pthread_t) -> c_int {
    (a == b) as c_int
}

/// [`gettid`](https://man7.org/linux/man-pages/man2/gettid.2.html): the calling thread's
/// kernel id.
#[unsafe(no_mangle)]
pub extern "C" fn gettid() -> libc::pid_t {
    // SAFETY: the calling thread's own control block. Relaxed: the thread's own word.
    unsafe { (*tcb::current()).tid.load(core::sync::atomic::Ordering::Relaxed) as libc::pid_t }
}
