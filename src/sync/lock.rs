//! `RawLock`: the library's internal mutual-exclusion lock (exit handlers, and later every
//! internal table), one futex word of three states.
//!
//! - `UNLOCKED` (0): free.
//! - `LOCKED` (1): held, and nobody sleeps on it.
//! - `CONTENDED` (2): held, and a thread may be sleeping in the kernel on it.
//!
//! Lock takes 0 -> 1 with one CAS. Failing that, it swaps in 2 and sleeps while the word is 2;
//! whoever swaps 0 -> 2 owns the lock (it may wake one thread too many, never too few). Unlock
//! swaps in 0 and makes the `FUTEX_WAKE` syscall only when the old state was 2. All-zero is an
//! unlocked lock, so a `RawLock` in a static needs no initialisation.

use super::futex;
use core::sync::atomic::{AtomicU32, Ordering};

const UNLOCKED: u32 = 0;
const LOCKED: u32 = 1;
const CONTENDED: u32 = 2;

/// A futex lock with no owner tracking and no poisoning; see the module documentation.
pub struct RawLock {
    state: AtomicU32,
}

impl RawLock {
    pub const fn new() -> RawLock {
        RawLock { state: AtomicU32::new(UNLOCKED) }
    }

    /// Acquires the lock, sleeping while another thread holds it.
    #[inline]
    pub fn lock(&self) {
        // Acquire: what the previous holder wrote before its Release unlock is visible to us.
        if self.state.compare_exchange(UNLOCKED, LOCKED, Ordering::Acquire, Ordering::Relaxed).is_err() {
            self.lock_contended();
        }
    }

    #[cold]
    fn lock_contended(&self) {
        // Acquire as in `lock`: the swap that returns UNLOCKED is the acquisition.
        while self.state.swap(CONTENDED, Ordering::Acquire) != UNLOCKED {
            futex::wait(&self.state, CONTENDED);
        }
    }

    /// Releases the lock.
    ///
    /// The caller must hold it.
    #[inline]
    pub fn unlock(&self) {
        // Release: our writes under the lock happen-before the next holder's Acquire.
        if self.state.swap(UNLOCKED, Ordering::Release) == CONTENDED {
            futex::wake(&self.state, 1);
        }
    }

    /// Runs `f` with the lock held.
    #[inline]
    pub fn with<R>(&self, f: impl FnOnce() -> R) -> R {
        self.lock();
        let result = f();
        self.unlock();
        result
    }
}

impl Default for RawLock {
    fn default() -> Self {
        Self::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_lost_increments_under_contention() {
        static LOCK: RawLock = RawLock::new();
        crate::sync::contention_test::no_lost_increments(|| LOCK.lock(), || LOCK.unlock());
        assert_eq!(LOCK.state.load(Ordering::Relaxed), UNLOCKED);
    }
}
