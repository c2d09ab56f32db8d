//! `StreamLock`: the recursive per-stream lock of `flockfile`, `ftrylockfile` and
//! `funlockfile`, which every locking stdio call also takes.
//!
//! One futex word, `owner`:
//! - `0`: free;
//! - `tid`: held by the thread with kernel id `tid`, nobody sleeping;
//! - `tid | WAITERS`: held, and a thread may be sleeping in the kernel on the word.
//!
//! Kernel thread ids are below 2^22 (`PID_MAX_LIMIT`), so the top bit is free for `WAITERS`.
//! Taking the lock is one CAS 0 -> tid; the owner re-entering only bumps `depth`, which only the
//! owner touches. A thread that finds the lock held sets `WAITERS` and sleeps; once it wins it
//! keeps `WAITERS` set (it cannot know whether others still sleep), so it may wake one thread
//! too many on release, never too few. Release swaps in 0 and makes the `FUTEX_WAKE` syscall
//! only when `WAITERS` was set.
//!
//! A process with a single thread skips the lock in the stdio calls themselves (see
//! [`needs_locking`]); `flockfile` always takes it, so a stream locked before a second thread
//! starts stays locked for that thread.

use crate::sync::futex;
use crate::thread::tcb;
use core::cell::UnsafeCell;
use core::sync::atomic::{AtomicU32, Ordering};

/// Set in `owner` when a thread may be sleeping on the lock.
const WAITERS: u32 = 1 << 31;

/// See the module documentation.
pub struct StreamLock {
    owner: AtomicU32,
    /// Times the owner has re-entered beyond the first lock; touched only by the owner.
    depth: UnsafeCell<u32>,
}

/// The calling thread's kernel id.
#[inline]
fn my_tid() -> u32 {
    // SAFETY: the calling thread's control block is live while the thread runs.
    unsafe { (*tcb::current()).tid.load(Ordering::Relaxed) }
}

/// Whether stdio calls must take stream locks: once a second thread has existed.
///
/// Reads the thread control block's `multiple_threads` (glibc's flag of the same name, at the
/// same offset), which thread creation sets in the creating thread before the new thread runs
/// and in every new thread, and never clears. A single-threaded caller that sees 0 is alone, so
/// nobody else can touch the stream during its call.
#[inline]
pub fn needs_locking() -> bool {
    // SAFETY: as in `my_tid`.
    unsafe { (*tcb::current()).multiple_threads != 0 }
}

impl StreamLock {
    pub const fn new() -> StreamLock {
        StreamLock {
            owner: AtomicU32::new(0),
            depth: UnsafeCell::new(0),
        }
    }

    /// `flockfile`: takes the lock, sleeping while another thread holds it.
    #[inline]
    pub fn lock(&self) {
        let me = my_tid();
        // Acquire: the previous owner's writes to the stream, published by its Release
        // swap in `unlock`, are visible to us.
        match self
            .owner
            .compare_exchange(0, me, Ordering::Acquire, Ordering::Relaxed)
        {
            Ok(_) => {}
            Err(current) if current & !WAITERS == me => self.reenter(),
            Err(_) => self.lock_contended(me),
        }
    }

    /// `ftrylockfile`: takes the lock if that needs no waiting.
    pub fn try_lock(&self) -> bool {
        let me = my_tid();
        // Acquire: as in `lock`.
        match self
            .owner
            .compare_exchange(0, me, Ordering::Acquire, Ordering::Relaxed)
        {
            Ok(_) => true,
            Err(current) if current & !WAITERS == me => {
                self.reenter();
                true
            }
            Err(_) => false,
        }
    }

    fn reenter(&self) {
        // SAFETY: only the owner reaches here, and only the owner touches `depth`.
        unsafe { *self.depth.get() += 1 }
    }

    #[cold]
    fn lock_contended(&self, me: u32) {
        loop {
            // Relaxed: this load only picks the value to wait on or to replace; the CAS that
            // takes the lock below is the Acquire.
            let current = self.owner.load(Ordering::Relaxed);
            if current == 0 {
                // Acquire: as in `lock`. Keep WAITERS: others may still sleep.
                if self
                    .owner
                    .compare_exchange(0, me | WAITERS, Ordering::Acquire, Ordering::Relaxed)
                    .is_ok()
                {
                    return;
                }
                continue;
            }
            if current & WAITERS == 0
                // Relaxed: only announces a sleeper; no data is published.
                && self.owner.compare_exchange(current, current | WAITERS, Ordering::Relaxed, Ordering::Relaxed).is_err()
            {
                continue;
            }
            futex::wait(&self.owner, current | WAITERS);
        }
    }

    /// `funlockfile`: releases one level of the lock.
    ///
    /// The caller must hold it.
    #[inline]
    pub fn unlock(&self) {
        // SAFETY: the caller owns the lock, so it is the only thread touching `depth`.
        let depth = unsafe { &mut *self.depth.get() };
        if *depth > 0 {
            *depth -= 1;
            return;
        }
        // Release: our writes to the stream happen-before the next owner's Acquire.
        if self.owner.swap(0, Ordering::Release) & WAITERS != 0 {
            futex::wake(&self.owner, 1);
        }
    }
}

impl Default for StreamLock {
    fn default() -> Self {
        Self::new()
    }
}
