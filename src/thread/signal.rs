//! Signals and threads: `pthread_kill`, `pthread_sigqueue`, `pthread_sigmask`.
//!
//! Signals 32 and 33 are glibc's internal ones (SIGCANCEL, SIGSETXID; `SIGRTMIN` is 34), so,
//! as glibc, programs may neither send them to a thread nor block them.

use crate::kernel::{How, KernelSigSet};
use crate::thread::sys;
use crate::thread::tcb::Tcb;
use core::sync::atomic::Ordering;
use rustix::io::Errno;

/// The internal signals, as bits of a kernel signal set.
pub const INTERNAL: u64 = (1 << 31) | (1 << 32);

/// `EINVAL` unless `sig` is 0 or a signal a program may send.
fn check_signal(sig: i32) -> Result<(), Errno> {
    if !(0..=64).contains(&sig) || sig == 32 || sig == 33 { Err(Errno::INVAL) } else { Ok(()) }
}

/// The kernel id of `t`, or `None` once it has ended.
///
/// # Safety
/// `t` must name a thread not yet joined or reclaimed.
pub unsafe fn tid_of(t: *mut Tcb) -> Option<i32> {
    // Acquire: pairs with the kernel's clearing of the word when the thread ends.
    // SAFETY: per the contract the block is still mapped.
    let tid = unsafe { (*t).tid.load(Ordering::Acquire) };
    if tid == 0 { None } else { Some(tid as i32) }
}

/// `pthread_kill`: sends `sig` to `t`. A thread that has ended but is not yet joined is not
/// an error (glibc 2.34 and later say 0 and send nothing).
///
/// # Safety
/// As for [`tid_of`].
pub unsafe fn kill(t: *mut Tcb, sig: i32) -> Result<(), Errno> {
    check_signal(sig)?;
    // SAFETY: per the contract.
    let Some(tid) = (unsafe { tid_of(t) }) else { return Ok(()) };
    match sys::tgkill(tid, sig) {
        // It ended between the load and the call.
        Err(Errno::SRCH) => Ok(()),
        r => r,
    }
}

/// `pthread_sigqueue`: sends `sig` with `value` to `t`, as `sigqueue` does to a process.
/// `ESRCH` once the thread has ended.
///
/// # Safety
/// As for [`tid_of`].
pub unsafe fn queue(t: *mut Tcb, sig: i32, value: usize) -> Result<(), Errno> {
    check_signal(sig)?;
    // SAFETY: per the contract.
    let tid = unsafe { tid_of(t) }.ok_or(Errno::SRCH)?;
    // siginfo_t: si_signo @0, si_errno @4, si_code @8, then (queued signals) si_pid @16,
    // si_uid @20, si_value @24; 128 bytes in all.
    let mut info = [0u8; 128];
    let pid = rustix::process::getpid().as_raw_nonzero().get();
    let uid = rustix::process::getuid().as_raw();
    info[0..4].copy_from_slice(&sig.to_ne_bytes());
    info[8..12].copy_from_slice(&libc::SI_QUEUE.to_ne_bytes());
    info[16..20].copy_from_slice(&pid.to_ne_bytes());
    info[20..24].copy_from_slice(&uid.to_ne_bytes());
    info[24..32].copy_from_slice(&value.to_ne_bytes());
    // SAFETY: a 128-byte siginfo.
    unsafe { sys::rt_tgsigqueueinfo(tid, sig, info.as_ptr()) }
}

/// A kernel signal set from its bits.
pub fn to_set(bits: u64) -> KernelSigSet {
    // SAFETY: on x86_64 a kernel signal set is one 64-bit word (the transmute checks sizes).
    unsafe { core::mem::transmute::<u64, KernelSigSet>(bits) }
}

/// The bits of a kernel signal set.
pub fn to_bits(set: KernelSigSet) -> u64 {
    // SAFETY: as in `to_set`.
    unsafe { core::mem::transmute::<KernelSigSet, u64>(set) }
}

/// `pthread_sigmask`: changes the calling thread's mask as `how` says (`set` of `None`:
/// only reads it); returns the previous mask. The internal signals are never blocked.
pub fn sigmask(how: i32, set: Option<u64>) -> Result<u64, Errno> {
    let how = match how {
        libc::SIG_BLOCK => How::BLOCK,
        libc::SIG_UNBLOCK => How::UNBLOCK,
        libc::SIG_SETMASK => How::SETMASK,
        _ if set.is_none() => How::BLOCK,
        _ => return Err(Errno::INVAL),
    };
    let set = set.map(|bits| to_set(bits & !INTERNAL));
    // SAFETY: changes the calling thread's mask only; the internal signals stay unblocked.
    unsafe { crate::kernel::kernel_sigprocmask(how, set.as_ref()) }.map(to_bits)
}
