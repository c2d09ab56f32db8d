//! `<pthread.h>`: a thread's scheduling, affinity, CPU clock, name, and concurrency level.

use crate::thread::signal::tid_of;
use crate::thread::{name, sched, sys};
use super::pthread::ret;
use core::ffi::{CStr, c_char, c_int};
use libc::{cpu_set_t, pthread_t, sched_param};
use rustix::io::Errno;

/// The kernel id of a live thread; `ESRCH` once it has ended.
///
/// # Safety
/// `t` must name a thread not yet joined.
unsafe fn live(t: pthread_t) -> Result<i32, Errno> {
    // SAFETY: per the contract.
    unsafe { tid_of(t as *mut _) }.ok_or(Errno::SRCH)
}

/// [`pthread_setschedparam`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_setschedparam.html)
///
/// # Safety
/// `thread` must name a thread not yet joined; `param` readable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_setschedparam(thread: pthread_t, policy: c_int, param: *const sched_param) -> c_int {
    // SAFETY: per the contract.
    let priority = unsafe { (*param).sched_priority };
    // SAFETY: per the contract.
    ret(unsafe { live(thread) }.and_then(|tid| sys::sched_setscheduler(tid, policy, priority)))
}

/// [`pthread_getschedparam`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_getschedparam.html)
///
/// # Safety
/// `thread` must name a thread not yet joined; `policy` and `param` writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_getschedparam(thread: pthread_t, policy: *mut c_int, param: *mut sched_param) -> c_int {
    // SAFETY: per the contract.
    let got = unsafe { live(thread) }.and_then(|tid| Ok((sys::sched_getscheduler(tid)?, sys::sched_getparam(tid)?)));
    // SAFETY: writable per the contract.
    ret(got.map(|(p, prio)| unsafe {
        policy.write(p);
        param.write(sched_param { sched_priority: prio });
    }))
}

/// [`pthread_setschedprio`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_setschedprio.html)
///
/// # Safety
/// `thread` must name a thread not yet joined.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_setschedprio(thread: pthread_t, priority: c_int) -> c_int {
    // SAFETY: per the contract.
    ret(unsafe { live(thread) }.and_then(|tid| sys::sched_setparam(tid, priority)))
}

/// `pthread_setaffinity_np`: the CPUs the thread may run on.
///
/// # Safety
/// `thread` must name a thread not yet joined; `set` readable for `size` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_setaffinity_np(thread: pthread_t, size: usize, set: *const cpu_set_t) -> c_int {
    // SAFETY: readable per the contract.
    let bytes = unsafe { core::slice::from_raw_parts(set.cast::<u8>(), size) };
    // SAFETY: per the contract.
    ret(unsafe { live(thread) }.and_then(|tid| sched::set_affinity(tid, bytes)))
}

/// `pthread_getaffinity_np`: the CPUs the thread may run on, in a set of `size` bytes.
///
/// # Safety
/// `thread` must name a thread not yet joined; `set` writable for `size` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_getaffinity_np(thread: pthread_t, size: usize, set: *mut cpu_set_t) -> c_int {
    // SAFETY: writable per the contract.
    let out = unsafe { core::slice::from_raw_parts_mut(set.cast::<u8>(), size) };
    // SAFETY: per the contract.
    ret(unsafe { live(thread) }.and_then(|tid| sched::get_affinity(tid, out)))
}

/// [`pthread_getcpuclockid`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_getcpuclockid.html):
/// the kernel's clock id for the thread's CPU time; `ESRCH` once it has ended.
///
/// # Safety
/// `thread` must name a thread not yet joined; `clock` writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_getcpuclockid(thread: pthread_t, clock: *mut libc::clockid_t) -> c_int {
    // The kernel's encoding: !tid << 3, "per thread" (4), "scheduler time" (2).
    // SAFETY: per the contract.
    ret(unsafe { live(thread) }.map(|tid| unsafe { clock.write((!tid << 3) | 4 | 2) }))
}

/// `pthread_setname_np`: `ERANGE` for more than 15 bytes.
///
/// # Safety
/// `thread` must name a thread not yet joined; `name` a NUL-terminated string.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_setname_np(thread: pthread_t, name: *const c_char) -> c_int {
    // SAFETY: per the contract.
    ret(unsafe { name::set(thread as *mut _, CStr::from_ptr(name)) })
}

/// `pthread_getname_np`: `ERANGE` for a buffer shorter than 16 bytes.
///
/// # Safety
/// `thread` must name a thread not yet joined; `buf` writable for `len` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_getname_np(thread: pthread_t, buf: *mut c_char, len: usize) -> c_int {
    // SAFETY: writable per the contract.
    let out = unsafe { core::slice::from_raw_parts_mut(buf.cast::<u8>(), len) };
    // SAFETY: per the contract.
    ret(unsafe { name::get(thread as *mut _, out) })
}

/// [`pthread_setconcurrency`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_setconcurrency.html):
/// `EINVAL` for a negative level.
#[unsafe(no_mangle)]
pub extern "C" fn pthread_setconcurrency(level: c_int) -> c_int {
    ret(sched::set_concurrency(level))
}

/// [`pthread_getconcurrency`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_getconcurrency.html)
#[unsafe(no_mangle)]
pub extern "C" fn pthread_getconcurrency() -> c_int {
    sched::concurrency()
}
