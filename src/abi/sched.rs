//! `<sched.h>`: yielding, scheduling policies and priorities, CPU affinity and CPU sets.

use super::OrErrno;
use crate::thread::{sched, sys};
use core::ffi::{c_int, c_void};
use libc::{cpu_set_t, pid_t, sched_param};
use rustix::io::Errno;

/// [`sched_yield`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/sched_yield.html)
#[unsafe(no_mangle)]
pub extern "C" fn sched_yield() -> c_int {
    rustix::thread::sched_yield();
    0
}

/// `EINVAL` for a negative pid, as the kernel would say.
fn check_pid(pid: pid_t) -> Result<(), Errno> {
    if pid < 0 { Err(Errno::INVAL) } else { Ok(()) }
}

/// [`sched_getaffinity`](https://man7.org/linux/man-pages/man2/sched_getaffinity.2.html):
/// the CPUs `pid` (0: the caller) may run on, in a set of `size` bytes.
///
/// # Safety
/// `set` writable for `size` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sched_getaffinity(pid: pid_t, size: usize, set: *mut cpu_set_t) -> c_int {
    if set.is_null() {
        return Err(Errno::FAULT).or_errno(-1);
    }
    // SAFETY: writable for `size` bytes per the contract.
    let out = unsafe { core::slice::from_raw_parts_mut(set.cast::<u8>(), size) };
    check_pid(pid).and_then(|()| sched::get_affinity(pid, out)).map(|()| 0).or_errno(-1)
}

/// [`sched_setaffinity`](https://man7.org/linux/man-pages/man2/sched_setaffinity.2.html)
///
/// # Safety
/// `set` readable for `size` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sched_setaffinity(pid: pid_t, size: usize, set: *const cpu_set_t) -> c_int {
    if set.is_null() {
        return Err(Errno::FAULT).or_errno(-1);
    }
    // SAFETY: readable for `size` bytes per the contract.
    let bytes = unsafe { core::slice::from_raw_parts(set.cast::<u8>(), size) };
    check_pid(pid).and_then(|()| sched::set_affinity(pid, bytes)).map(|()| 0).or_errno(-1)
}

/// [`sched_getcpu`](https://man7.org/linux/man-pages/man3/sched_getcpu.3.html): the CPU the
/// caller runs on.
#[unsafe(no_mangle)]
pub extern "C" fn sched_getcpu() -> c_int {
    rustix::thread::sched_getcpu() as c_int
}

/// [`sched_get_priority_max`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/sched_get_priority_max.html)
#[unsafe(no_mangle)]
pub extern "C" fn sched_get_priority_max(policy: c_int) -> c_int {
    sys::sched_get_priority_max(policy).or_errno(-1)
}

/// [`sched_get_priority_min`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/sched_get_priority_min.html)
#[unsafe(no_mangle)]
pub extern "C" fn sched_get_priority_min(policy: c_int) -> c_int {
    sys::sched_get_priority_min(policy).or_errno(-1)
}

/// [`sched_getparam`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/sched_getparam.html)
///
/// # Safety
/// `param` null or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sched_getparam(pid: pid_t, param: *mut sched_param) -> c_int {
    if param.is_null() {
        return Err(Errno::INVAL).or_errno(-1);
    }
    // SAFETY: non-null and writable per the contract.
    check_pid(pid)
        .and_then(|()| sys::sched_getparam(pid))
        .map(|p| unsafe { param.write(sched_param { sched_priority: p }) })
        .map(|()| 0)
        .or_errno(-1)
}

/// [`sched_setparam`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/sched_setparam.html)
///
/// # Safety
/// `param` null or readable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sched_setparam(pid: pid_t, param: *const sched_param) -> c_int {
    if param.is_null() {
        return Err(Errno::INVAL).or_errno(-1);
    }
    // SAFETY: non-null and readable per the contract.
    let priority = unsafe { (*param).sched_priority };
    check_pid(pid).and_then(|()| sys::sched_setparam(pid, priority)).map(|()| 0).or_errno(-1)
}

/// [`sched_getscheduler`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/sched_getscheduler.html)
#[unsafe(no_mangle)]
pub extern "C" fn sched_getscheduler(pid: pid_t) -> c_int {
    check_pid(pid).and_then(|()| sys::sched_getscheduler(pid)).or_errno(-1)
}

/// [`sched_setscheduler`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/sched_setscheduler.html):
/// 0 on success (Linux does not return the previous policy, whatever POSIX allows).
///
/// # Safety
/// `param` null or readable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sched_setscheduler(pid: pid_t, policy: c_int, param: *const sched_param) -> c_int {
    if param.is_null() {
        return Err(Errno::INVAL).or_errno(-1);
    }
    // SAFETY: non-null and readable per the contract.
    let priority = unsafe { (*param).sched_priority };
    check_pid(pid).and_then(|()| sys::sched_setscheduler(pid, policy, priority)).map(|()| 0).or_errno(-1)
}

/// [`sched_rr_get_interval`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/sched_rr_get_interval.html)
///
/// # Safety
/// `ts` writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sched_rr_get_interval(pid: pid_t, ts: *mut libc::timespec) -> c_int {
    if ts.is_null() {
        return Err(Errno::FAULT).or_errno(-1);
    }
    // SAFETY: non-null and writable per the contract.
    check_pid(pid)
        .and_then(|()| sys::sched_rr_get_interval(pid))
        .map(|(s, ns)| unsafe { ts.write(libc::timespec { tv_sec: s, tv_nsec: ns }) })
        .map(|()| 0)
        .or_errno(-1)
}

/// `__sched_cpucount` (behind `CPU_COUNT`): the CPUs in a set of `size` bytes.
///
/// # Safety
/// `set` readable for `size` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __sched_cpucount(size: usize, set: *const cpu_set_t) -> c_int {
    // SAFETY: readable per the contract.
    sched::count(unsafe { core::slice::from_raw_parts(set.cast::<u8>(), size) }) as c_int
}

/// `__sched_cpualloc` (behind `CPU_ALLOC`): a set for `count` CPUs, freed by
/// `__sched_cpufree`; null with `ENOMEM` when there is no memory.
#[unsafe(no_mangle)]
pub extern "C" fn __sched_cpualloc(count: usize) -> *mut cpu_set_t {
    sched::cpu_alloc(count).map(|p| p.cast()).or_errno(core::ptr::null_mut())
}

/// `__sched_cpufree` (behind `CPU_FREE`).
///
/// # Safety
/// `set` null or from `__sched_cpualloc`, not freed yet.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __sched_cpufree(set: *mut cpu_set_t) {
    // SAFETY: per the contract.
    unsafe { sched::cpu_free(set.cast::<c_void>()) }
}
