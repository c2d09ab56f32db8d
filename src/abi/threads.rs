//! `<threads.h>`: C11 threads and thread-specific storage, over the POSIX threads core.

use crate::thread::join::{self, Wait};
use crate::thread::tcb::{self, Entry};
use crate::thread::{create, exit, keys};
use core::ffi::{c_int, c_void};
use super::pthread_sync::c11::thrd as code;

/// `thrd_error`.
const THRD_ERROR: c_int = 2;

/// [`thrd_create`](https://en.cppreference.com/w/c/thread/thrd_create)
///
/// # Safety
/// `thr` writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn thrd_create(
    thr: *mut libc::c_ulong,
    func: Option<unsafe extern "C" fn(*mut c_void) -> c_int>,
    arg: *mut c_void,
) -> c_int {
    let (Some(func), false) = (func, thr.is_null()) else { return THRD_ERROR };
    // SAFETY: writable per the contract.
    code(create::create_default(Entry::C11(func), arg).map(|t| unsafe { thr.write(t as libc::c_ulong) }))
}

/// [`thrd_join`](https://en.cppreference.com/w/c/thread/thrd_join)
///
/// # Safety
/// `thr` must name a joinable thread not yet joined; `res` null or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn thrd_join(thr: libc::c_ulong, res: *mut c_int) -> c_int {
    // SAFETY: per the contract.
    code(unsafe { join::join(thr as *mut _, Wait::Forever) }.map(|r| {
        if !res.is_null() {
            // SAFETY: non-null and writable per the contract.
            unsafe { res.write(r as usize as c_int) }
        }
    }))
}

/// [`thrd_detach`](https://en.cppreference.com/w/c/thread/thrd_detach)
///
/// # Safety
/// `thr` must name a thread not yet joined or detached.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn thrd_detach(thr: libc::c_ulong) -> c_int {
    // SAFETY: per the contract.
    code(unsafe { join::detach(thr as *mut _) })
}

/// [`thrd_exit`](https://en.cppreference.com/w/c/thread/thrd_exit)
#[unsafe(no_mangle)]
pub extern "C" fn thrd_exit(res: c_int) -> ! {
    exit::exit_current(res as isize as *mut c_void)
}

/// [`thrd_current`](https://en.cppreference.com/w/c/thread/thrd_current)
#[unsafe(no_mangle)]
pub extern "C" fn thrd_current() -> libc::c_ulong {
    tcb::current() as libc::c_ulong
}

/// [`thrd_equal`](https://en.cppreference.com/w/c/thread/thrd_equal)
#[unsafe(no_mangle)]
pub extern "C" fn thrd_equal(a: libc::c_ulong, b: libc::c_ulong) -> c_int {
    (a == b) as c_int
}

/// [`thrd_yield`](https://en.cppreference.com/w/c/thread/thrd_yield)
#[unsafe(no_mangle)]
pub extern "C" fn thrd_yield() {
    rustix::thread::sched_yield()
}

/// [`thrd_sleep`](https://en.cppreference.com/w/c/thread/thrd_sleep): 0 after the whole
/// time, -1 when a signal interrupted it (the time left in `rem`), -2 on another error.
///
/// # Safety
/// `dur` readable; `rem` null or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn thrd_sleep(dur: *const libc::timespec, rem: *mut libc::timespec) -> c_int {
    // SAFETY: readable per the contract.
    let d = unsafe { dur.read() };
    // A cancellation point, as glibc's (it sleeps with clock_nanosleep on CLOCK_REALTIME).
    match crate::time::clock::sleep_for(&rustix::time::Timespec { tv_sec: d.tv_sec, tv_nsec: d.tv_nsec }) {
        Ok(()) => 0,
        Err((_, Some(left))) => {
            if !rem.is_null() {
                // SAFETY: non-null and writable per the contract.
                unsafe { rem.write(libc::timespec { tv_sec: left.tv_sec, tv_nsec: left.tv_nsec }) };
            }
            -1
        }
        Err((_, None)) => -2,
    }
}

/// [`tss_create`](https://en.cppreference.com/w/c/thread/tss_create)
///
/// # Safety
/// `key` writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tss_create(key: *mut libc::c_uint, dtor: Option<unsafe extern "C" fn(*mut c_void)>) -> c_int {
    // SAFETY: writable per the contract.
    code(keys::create(dtor).map(|k| unsafe { key.write(k) }))
}

/// [`tss_delete`](https://en.cppreference.com/w/c/thread/tss_delete)
#[unsafe(no_mangle)]
pub extern "C" fn tss_delete(key: libc::c_uint) {
    // Deleting a key that is not in use is undefined in C11; there is nothing to report.
    let _ = keys::delete(key);
}

/// [`tss_get`](https://en.cppreference.com/w/c/thread/tss_get)
#[unsafe(no_mangle)]
pub extern "C" fn tss_get(key: libc::c_uint) -> *mut c_void {
    keys::get(key)
}

/// [`tss_set`](https://en.cppreference.com/w/c/thread/tss_set)
#[unsafe(no_mangle)]
pub extern "C" fn tss_set(key: libc::c_uint, value: *mut c_void) -> c_int {
    code(keys::set(key, value))
}
