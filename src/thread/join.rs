//! Waiting for a thread to end (`pthread_join` and its `_np` variants) and detaching one.
//!
//! A thread has ended when the kernel has cleared its tid word (`CLONE_CHILD_CLEARTID`),
//! which it does after the thread's last instruction, waking futex waiters on the word.
//! The kernel's wake is a shared (not process-private) futex wake, so the waits here are
//! shared too: a private waiter would never be woken by it.

use crate::thread::tcb::{self, Tcb};
use crate::thread::{DETACHED, EXITED, JOINABLE, stack};
use core::ffi::c_void;
use core::num::NonZeroU32;
use core::sync::atomic::Ordering;
use rustix::io::Errno;
use rustix::thread::futex;
use rustix::time::Timespec;

/// How long a join may wait.
#[derive(Clone, Copy)]
pub enum Wait {
    /// Until the thread ends.
    Forever,
    /// Not at all: `EBUSY` if it is still running.
    Never,
    /// Until an absolute time on `CLOCK_REALTIME` (`true`) or `CLOCK_MONOTONIC`, then
    /// `ETIMEDOUT`.
    Until(Timespec, bool),
}

/// Blocks until thread `t` has ended.
///
/// # Safety
/// `t` must be a live control block whose thread was started.
pub unsafe fn wait_for_end(t: *mut Tcb) {
    // SAFETY: per the contract the block stays mapped while we wait.
    while unsafe { wait_once(t, Wait::Forever) }.is_err() {}
}

/// One attempt: `Ok` once the thread has ended, else the reason to stop or look again
/// (`EAGAIN`: woken or interrupted, look again).
///
/// # Safety
/// As for [`wait_for_end`].
unsafe fn wait_once(t: *mut Tcb, how: Wait) -> Result<(), Errno> {
    // SAFETY: per the contract.
    let word = unsafe { &(*t).tid };
    // Acquire: the thread's writes (its result) happen before the kernel clears the word.
    let tid = word.load(Ordering::Acquire);
    if tid == 0 {
        return Ok(());
    }
    let r = match how {
        Wait::Never => return Err(Errno::BUSY),
        Wait::Forever => futex::wait(word, futex::Flags::empty(), tid, None),
        Wait::Until(at, realtime) => {
            if at.tv_sec < 0 {
                return Err(Errno::TIMEDOUT);
            }
            let flags = if realtime { futex::Flags::CLOCK_REALTIME } else { futex::Flags::empty() };
            futex::wait_bitset(word, flags, tid, Some(&at), NonZeroU32::MAX)
        }
    };
    match r {
        Err(Errno::TIMEDOUT) => Err(Errno::TIMEDOUT),
        _ => Err(Errno::AGAIN),
    }
}

/// `pthread_join` and the `_np` variants: waits as `how` says for `t` to end, then returns
/// its result and reclaims its memory. `EDEADLK` for the calling thread itself, `EINVAL`
/// for a detached thread or one that another thread is already joining.
///
/// # Safety
/// `t` must name a thread that has not been joined (or reclaimed after detaching) yet.
pub unsafe fn join(t: *mut Tcb, how: Wait) -> Result<*mut c_void, Errno> {
    // As glibc, a try says EBUSY for any running thread, itself included, before anything else.
    // Acquire: as in `wait_once`.
    // SAFETY: per the contract `t` is still mapped.
    if matches!(how, Wait::Never) && unsafe { (*t).tid.load(Ordering::Acquire) } != 0 {
        return Err(Errno::BUSY);
    }
    if t == tcb::current() {
        return Err(Errno::DEADLK);
    }
    // SAFETY: per the contract `t` is still mapped.
    let (state, joiner) = unsafe { (&(*t).state, &(*t).joiner) };
    // Acquire: pairs with the Release of a detach.
    if state.load(Ordering::Acquire) == DETACHED {
        return Err(Errno::INVAL);
    }
    // Acquire/Relaxed: only decides which joiner wins.
    if joiner.compare_exchange(0, 1, Ordering::Acquire, Ordering::Relaxed).is_err() {
        return Err(Errno::INVAL);
    }
    let me = tcb::current();
    // SAFETY: our own control block.
    unsafe { (*me).joining = t };
    loop {
        // A cancellation point: a cancelled joiner ends here, leaving the thread joinable
        // (`exit` gives the claim back), as POSIX says.
        // SAFETY: we are the joiner, so nobody reclaims `t` meanwhile.
        match crate::thread::cancel::point(|| unsafe { wait_once(t, how) }) {
            Ok(()) => break,
            Err(Errno::AGAIN) => continue,
            Err(e) => {
                // SAFETY: our own control block.
                unsafe { (*me).joining = core::ptr::null_mut() };
                // Relaxed: giving the claim back; a later join claims it again.
                joiner.store(0, Ordering::Relaxed);
                return Err(e);
            }
        }
    }
    // SAFETY: our own control block.
    unsafe { (*me).joining = core::ptr::null_mut() };
    // SAFETY: the thread has ended; its result was written before its tid was cleared.
    let result = unsafe { (*t).result };
    // SAFETY: ended and joined: nothing uses `t` any more.
    unsafe { stack::release(t) };
    Ok(result)
}

/// `pthread_detach`: the thread's memory is reclaimed when it ends, or now if it has.
/// `EINVAL` if it is already detached or being joined.
///
/// # Safety
/// As for [`join`].
pub unsafe fn detach(t: *mut Tcb) -> Result<(), Errno> {
    // SAFETY: per the contract `t` is still mapped.
    let (state, joiner) = unsafe { (&(*t).state, &(*t).joiner) };
    // Relaxed: a joiner's claim is only a check here (concurrent join and detach are
    // undefined).
    if joiner.load(Ordering::Relaxed) != 0 {
        return Err(Errno::INVAL);
    }
    // AcqRel: Release so the thread (or a later join attempt) sees the detach; Acquire so
    // that, when it has exited, its last writes happen before we reclaim its memory.
    match state.compare_exchange(JOINABLE, DETACHED, Ordering::AcqRel, Ordering::Acquire) {
        Ok(_) => Ok(()),
        Err(EXITED) => {
            // Mark it so that a join attempt now says EINVAL.
            state.store(DETACHED, Ordering::Relaxed);
            // SAFETY: it has exited joinable and is now detached: ours to reclaim. The cache
            // reuses it only once the kernel clears its tid.
            unsafe { stack::release(t) };
            Ok(())
        }
        Err(_) => Err(Errno::INVAL),
    }
}
