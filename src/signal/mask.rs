//! The signal mask: `sigprocmask`, `sigpending`, `sigsuspend`. One mask function serves
//! `sigprocmask` and `pthread_sigmask` (`crate::thread::signal::sigmask`, which keeps the
//! runtime's signals unblocked).

use crate::kernel::{self as runtime, KernelSigSet};
use rustix::io::Errno;

/// `sigprocmask(how, set, old)`: the previous mask.
pub fn change(how: i32, set: Option<u64>) -> Result<u64, Errno> {
    crate::thread::signal::sigmask(how, set)
}

/// `sigpending()`: the signals pending for this thread or the process.
pub fn pending() -> u64 {
    // SAFETY: on x86_64 the kernel's signal set is one 64-bit word (transmute checks sizes).
    unsafe { core::mem::transmute::<KernelSigSet, u64>(runtime::kernel_sigpending()) }
}

/// `sigsuspend(mask)`: waits for a signal with `mask` in place; always ends with `EINTR`
/// once a handler has run. The runtime's signals stay unblocked.
pub fn suspend(mask: u64) -> Errno {
    let set = mask & !super::set::RESERVED;
    // SAFETY: the kernel reads the one-word set, a live local. A cancellation point
    // (`thread::cancel::syscall`).
    match unsafe { crate::thread::cancel::syscall3(libc::SYS_rt_sigsuspend, (&raw const set) as usize, 8, 0) } {
        Err(e) => e,
        Ok(_) => Errno::INTR,
    }
}
