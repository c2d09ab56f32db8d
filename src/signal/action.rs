//! `sigaction` and `signal`. Every installed action returns through the library's own
//! trampoline (`SA_RESTORER` with `crate::arch::restore_rt`), as the kernel requires on
//! x86_64. The action's mask is the kernel's 64-bit set; the rest of glibc's 1024-bit
//! `sigset_t` is neither read nor written.

use super::set;
use crate::kernel::{self as runtime, KernelSigaction, KernelSigactionFlags, KernelSigSet, Signal};
use core::sync::atomic::{AtomicU64, Ordering};
use rustix::io::Errno;

/// An action as C describes it: handler (or `SIG_DFL`/`SIG_IGN`), mask, flags.
#[derive(Clone, Copy)]
pub struct Action {
    pub handler: usize,
    pub mask: u64,
    pub flags: i32,
    pub restorer: usize,
}

fn kernel_set(bits: u64) -> KernelSigSet {
    // SAFETY: on x86_64 the kernel's signal set is one 64-bit word (transmute checks sizes).
    unsafe { core::mem::transmute::<u64, KernelSigSet>(bits) }
}

fn set_bits(set: KernelSigSet) -> u64 {
    // SAFETY: as in `kernel_set`.
    unsafe { core::mem::transmute::<KernelSigSet, u64>(set) }
}

/// `sigaction(sig, new, old)`: installs `new` (if any) and returns the previous action.
/// Signals 32 and 33 are the runtime's: `EINVAL`.
///
/// # Safety
/// A handler in `new` must be a function the program wants called with the signal's
/// arguments (`SA_SIGINFO`: three).
pub unsafe fn sigaction(sig: i32, new: Option<Action>) -> Result<Action, Errno> {
    set::user_bit(sig)?;
    // SAFETY: `sig` is in 1..=64.
    let signal = unsafe { Signal::from_raw_unchecked(sig) };
    let new = new.map(|a| {
        // SAFETY: `usize` and an optional function pointer have the same size and null is
        // `None`; the handler values SIG_DFL (0) and SIG_IGN (1) go to the kernel as they are.
        let handler = unsafe { core::mem::transmute::<usize, runtime::KernelSighandler>(a.handler) };
        let restorer: runtime::KernelSigrestore = Some(crate::arch::restore_rt);
        KernelSigaction {
            sa_handler_kernel: handler,
            sa_flags: KernelSigactionFlags::from_bits_retain(a.flags as u32 as u64) | KernelSigactionFlags::RESTORER,
            sa_restorer: restorer,
            sa_mask: kernel_set(a.mask),
        }
    });
    // SAFETY: the caller vouches for the handler; the restorer is the library's trampoline.
    let old = unsafe { runtime::kernel_sigaction(signal, new) }?;
    Ok(Action {
        handler: old.sa_handler_kernel.map_or(0, |f| f as usize),
        mask: set_bits(old.sa_mask),
        flags: old.sa_flags.bits() as i32,
        restorer: old.sa_restorer.map_or(0, |f| f as usize),
    })
}

/// The signals `siginterrupt(sig, 1)` chose to interrupt system calls: `signal` installs
/// their handlers without `SA_RESTART`.
static INTERRUPTING: AtomicU64 = AtomicU64::new(0);

/// `signal(sig, handler)`: BSD semantics as in glibc (the signal blocked while its handler
/// runs, interrupted calls restarted unless `siginterrupt` said otherwise). The previous
/// handler.
///
/// # Safety
/// As [`sigaction`].
pub unsafe fn signal(sig: i32, handler: usize) -> Result<usize, Errno> {
    let mask = set::user_bit(sig)?;
    // Relaxed: a flag for this signal alone; racing siginterrupt calls are the program's race.
    let restart = if INTERRUPTING.load(Ordering::Relaxed) & mask != 0 { 0 } else { libc::SA_RESTART };
    let action = Action { handler, mask, flags: restart, restorer: 0 };
    // SAFETY: the caller's contract.
    unsafe { sigaction(sig, Some(action)) }.map(|old| old.handler)
}

/// `siginterrupt(sig, interrupt)`: whether the handler of `sig` interrupts system calls
/// (clears `SA_RESTART`) or lets them restart, now and for later `signal` calls.
pub fn siginterrupt(sig: i32, interrupt: bool) -> Result<(), Errno> {
    let bit = set::user_bit(sig)?;
    // SAFETY: reads the current action and installs it again with one flag changed.
    let mut action = unsafe { sigaction(sig, None) }?;
    if interrupt {
        // Relaxed: as in `signal`.
        INTERRUPTING.fetch_or(bit, Ordering::Relaxed);
        action.flags &= !libc::SA_RESTART;
    } else {
        // Relaxed: as in `signal`.
        INTERRUPTING.fetch_and(!bit, Ordering::Relaxed);
        action.flags |= libc::SA_RESTART;
    }
    // SAFETY: the action was the program's own; only `SA_RESTART` changed.
    unsafe { sigaction(sig, Some(action)) }.map(|_| ())
}
