//! Waiting for signals: `sigwait`, `sigwaitinfo`, `sigtimedwait`, `pause`. The raw
//! `rt_sigtimedwait`, so the caller's `siginfo_t` and timeout go to the kernel directly; all
//! of them cancellation points (`thread::cancel::syscall`).

use rustix::io::Errno;

/// `sigtimedwait(set, info, timeout)`: the signal taken. The runtime's signals are never
/// waited for.
///
/// # Safety
/// `info` must be null or writable, `timeout` null or readable (the kernel checks: EFAULT).
pub unsafe fn timed(set: u64, info: *mut libc::siginfo_t, timeout: *const libc::timespec) -> Result<i32, Errno> {
    let set = set & !super::set::RESERVED;
    // SAFETY: `set` is a live local; the rest per the contract.
    unsafe { crate::thread::cancel::syscall(libc::SYS_rt_sigtimedwait, args(&set, info, timeout)) }.map(|s| s as i32)
}

/// The arguments of `rt_sigtimedwait`.
fn args(set: &u64, info: *mut libc::siginfo_t, timeout: *const libc::timespec) -> [usize; 6] {
    [core::ptr::from_ref(set) as usize, info as usize, timeout as usize, 8, 0, 0]
}

/// [`timed`] for any signals, the runtime's included, and not a cancellation point (for the
/// runtime's own helpers).
///
/// # Safety
/// As [`timed`].
pub unsafe fn timed_any(set: u64, info: *mut libc::siginfo_t, timeout: *const libc::timespec) -> Result<i32, Errno> {
    // SAFETY: `set` is a live local; the rest per the contract.
    unsafe { crate::io::syscall::call(libc::SYS_rt_sigtimedwait, args(&set, info, timeout)) }.map(|s| s as i32)
}

/// `sigwait(set)`: the signal taken, waiting through interruptions.
pub fn sigwait(set: u64) -> Result<i32, Errno> {
    loop {
        // SAFETY: null info and timeout.
        match unsafe { timed(set, core::ptr::null_mut(), core::ptr::null()) } {
            Err(Errno::INTR) => continue,
            other => return other,
        }
    }
}

/// `pause()`: waits for a signal handler to run; always `EINTR`.
pub fn pause() -> Errno {
    // SAFETY: no arguments.
    match unsafe { crate::thread::cancel::syscall3(libc::SYS_pause, 0, 0, 0) } {
        Err(e) => e,
        Ok(_) => Errno::INTR,
    }
}
