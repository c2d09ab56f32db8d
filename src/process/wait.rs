//! Waiting for children: `wait4` (behind `wait`, `waitpid`, `wait3`) and `waitid`. The raw
//! calls: rustix's waits return neither the resource usage nor C's raw status word. Both are
//! cancellation points (`thread::cancel::syscall`); [`reap`] is not.

use crate::thread::cancel::syscall as call;
use rustix::io::Errno;

/// `wait4(pid, status, options, usage)`.
///
/// # Safety
/// `status` and `usage` must be null or writable (the kernel checks: EFAULT).
pub unsafe fn wait4(pid: i32, status: *mut i32, options: i32, usage: *mut libc::rusage) -> Result<i32, Errno> {
    // SAFETY: per the contract.
    unsafe { call(libc::SYS_wait4, [pid as usize, status as usize, options as usize, usage as usize, 0, 0]) }.map(|p| p as i32)
}

/// `waitid(idtype, id, info, options)`.
///
/// # Safety
/// `info` must be null or writable for a `siginfo_t` (the kernel checks: EFAULT).
pub unsafe fn waitid(idtype: u32, id: u32, info: *mut libc::siginfo_t, options: i32) -> Result<(), Errno> {
    // SAFETY: per the contract; the fifth argument (rusage) is null.
    unsafe { call(libc::SYS_waitid, [idtype as usize, id as usize, info as usize, options as usize, 0, 0]) }.map(|_| ())
}

/// Waits for the library's own child `pid` to end, through interruptions, and not as a
/// cancellation point: for the error paths that must not leave a zombie behind.
pub fn reap(pid: i32) {
    let mut status = 0;
    // SAFETY: `status` is a live local.
    while unsafe { crate::io::syscall::call3(libc::SYS_wait4, pid as usize, (&raw mut status) as usize, 0) } == Err(Errno::INTR) {}
}
