//! Waiting for signals: `sigwait`, `sigwaitinfo`, `sigtimedwait`, `pause`. The raw
//! `rt_sigtimedwait`, so the caller's `siginfo_t` and timeout go to the kernel directly.

use rustix::io::Errno;

/// `sigtimedwait(set, info, timeout)`: the signal taken. The runtime's signals are never
/// waited for.
///
/// # Safety
/// `info` must be null or writable, `timeout` null or readable (the kernel checks: EFAULT).
pub unsafe fn timed(set: u64, info: *mut libc::siginfo_t, timeout: *const libc::timespec) -> Result<i32, Errno> {
    // SAFETY: per the contract.
    unsafe { timed_any(set & !super::set::RESERVED, info, timeout) }
}

/// [`timed`] for any signals, the runtime's included (for the runtime's own helpers).
///
/// # Safety
/// As [`timed`].
pub unsafe fn timed_any(set: u64, info: *mut libc::siginfo_t, timeout: *const libc::timespec) -> Result<i32, Errno> {
    let args = [(&raw const set) as usize, info as usize, timeout as usize, 8, 0, 0];
    // SAFETY: `set` is a live local; the rest per the contract.
    unsafe { crate::io::syscall::call(libc::SYS_rt_sigtimedwait, args) }.map(|s| s as i32)
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
    rustix::event::pause();
    Errno::INTR
}
