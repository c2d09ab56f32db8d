//! Waiting for children: `wait4` (behind `wait`, `waitpid`, `wait3`) and `waitid`. The raw
//! calls: rustix's waits return neither the resource usage nor C's raw status word.

use crate::io::syscall::call;
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
