//! Resource limits and usage: `getrlimit`, `setrlimit`, `prlimit`, `getrusage`. The raw
//! `prlimit64` call, which reads and writes glibc's `struct rlimit` (the kernel's
//! `rlimit64`) in place; rustix's `prlimit` always sets a limit and has no `getrusage`.

use rustix::io::Errno;

/// `prlimit(pid, resource, new, old)`: `pid` 0 is the caller.
pub fn prlimit(pid: i32, resource: i32, new: Option<&libc::rlimit>, old: Option<&mut libc::rlimit>) -> Result<(), Errno> {
    let new = new.map_or(0, |n| core::ptr::from_ref(n) as usize);
    let old = old.map_or(0, |o| core::ptr::from_mut(o) as usize);
    // SAFETY: the kernel reads `new` and writes `old`, both live `struct rlimit`s or null.
    unsafe { crate::io::syscall::call(libc::SYS_prlimit64, [pid as usize, resource as usize, new, old, 0, 0]) }.map(|_| ())
}

/// `prlimit` with the caller's own pointers, which the kernel checks (`EFAULT`).
///
/// # Safety
/// `new` must be null or readable, `old` null or writable, as `struct rlimit`.
pub unsafe fn prlimit_raw(pid: i32, resource: i32, new: *const libc::rlimit, old: *mut libc::rlimit) -> Result<(), Errno> {
    // SAFETY: per the contract.
    unsafe { crate::io::syscall::call(libc::SYS_prlimit64, [pid as usize, resource as usize, new as usize, old as usize, 0, 0]) }
        .map(|_| ())
}

/// `getrusage(who, usage)`.
///
/// # Safety
/// `usage` must be writable for a `struct rusage`.
pub unsafe fn getrusage(who: i32, usage: *mut libc::rusage) -> Result<(), Errno> {
    // SAFETY: the kernel writes the structure (EFAULT if it cannot).
    unsafe { crate::io::syscall::call3(libc::SYS_getrusage, who as usize, usage as usize, 0) }.map(|_| ())
}
