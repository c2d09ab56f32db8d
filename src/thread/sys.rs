//! The few thread and scheduling system calls that rustix does not wrap, made through
//! `io::syscall::call`. Everything else goes through rustix.

use crate::io::syscall::call;
use libc::c_long;
use rustix::io::Errno;

const SYS_SCHED_SETPARAM: c_long = 142;
const SYS_SCHED_GETPARAM: c_long = 143;
const SYS_SCHED_SETSCHEDULER: c_long = 144;
const SYS_SCHED_GETSCHEDULER: c_long = 145;
const SYS_SCHED_GET_PRIORITY_MAX: c_long = 146;
const SYS_SCHED_GET_PRIORITY_MIN: c_long = 147;
const SYS_SCHED_RR_GET_INTERVAL: c_long = 148;
const SYS_TGKILL: c_long = 234;
const SYS_RT_TGSIGQUEUEINFO: c_long = 297;

/// `sched_setscheduler(pid, policy, &priority)` (`struct sched_param` is one int).
pub fn sched_setscheduler(pid: i32, policy: i32, priority: i32) -> Result<(), Errno> {
    // SAFETY: the kernel reads one int at the pointer, a live local.
    unsafe { call(SYS_SCHED_SETSCHEDULER, [pid as usize, policy as usize, (&raw const priority) as usize, 0, 0, 0]) }
        .map(drop)
}

/// `sched_getscheduler(pid)`.
pub fn sched_getscheduler(pid: i32) -> Result<i32, Errno> {
    // SAFETY: no pointers.
    unsafe { call(SYS_SCHED_GETSCHEDULER, [pid as usize, 0, 0, 0, 0, 0]) }.map(|p| p as i32)
}

/// `sched_setparam(pid, &priority)`.
pub fn sched_setparam(pid: i32, priority: i32) -> Result<(), Errno> {
    // SAFETY: the kernel reads one int at the pointer, a live local.
    unsafe { call(SYS_SCHED_SETPARAM, [pid as usize, (&raw const priority) as usize, 0, 0, 0, 0]) }.map(drop)
}

/// `sched_getparam(pid)`: the priority.
pub fn sched_getparam(pid: i32) -> Result<i32, Errno> {
    let mut priority: i32 = 0;
    // SAFETY: the kernel writes one int at the pointer, a live local.
    unsafe { call(SYS_SCHED_GETPARAM, [pid as usize, (&raw mut priority) as usize, 0, 0, 0, 0]) }?;
    Ok(priority)
}

/// `sched_get_priority_max(policy)`.
pub fn sched_get_priority_max(policy: i32) -> Result<i32, Errno> {
    // SAFETY: no pointers.
    unsafe { call(SYS_SCHED_GET_PRIORITY_MAX, [policy as usize, 0, 0, 0, 0, 0]) }.map(|p| p as i32)
}

/// `sched_get_priority_min(policy)`.
pub fn sched_get_priority_min(policy: i32) -> Result<i32, Errno> {
    // SAFETY: no pointers.
    unsafe { call(SYS_SCHED_GET_PRIORITY_MIN, [policy as usize, 0, 0, 0, 0, 0]) }.map(|p| p as i32)
}

/// `sched_rr_get_interval(pid)`: seconds and nanoseconds.
pub fn sched_rr_get_interval(pid: i32) -> Result<(i64, i64), Errno> {
    let mut ts = [0i64; 2];
    // SAFETY: the kernel writes a `struct timespec` (two longs) at the pointer, a live local.
    unsafe { call(SYS_SCHED_RR_GET_INTERVAL, [pid as usize, ts.as_mut_ptr() as usize, 0, 0, 0, 0]) }?;
    Ok((ts[0], ts[1]))
}

/// `tgkill(getpid(), tid, sig)`: a signal to one thread of this process.
pub fn tgkill(tid: i32, sig: i32) -> Result<(), Errno> {
    let pid = rustix::process::getpid().as_raw_nonzero().get();
    // SAFETY: no pointers.
    unsafe { call(SYS_TGKILL, [pid as usize, tid as usize, sig as usize, 0, 0, 0]) }.map(drop)
}

/// `rt_tgsigqueueinfo(getpid(), tid, sig, info)`: a signal with a value to one thread.
///
/// # Safety
/// `info` must point at a `siginfo_t` (128 bytes).
pub unsafe fn rt_tgsigqueueinfo(tid: i32, sig: i32, info: *const u8) -> Result<(), Errno> {
    let pid = rustix::process::getpid().as_raw_nonzero().get();
    // SAFETY: the kernel reads 128 bytes at `info`, per the contract.
    unsafe { call(SYS_RT_TGSIGQUEUEINFO, [pid as usize, tid as usize, sig as usize, info as usize, 0, 0]) }
        .map(drop)
}
