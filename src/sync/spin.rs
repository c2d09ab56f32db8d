//! `pthread_spin_*`: a test-and-test-and-set lock in glibc's 4-byte `pthread_spinlock_t`.
//!
//! The word is 0 when free and 1 when held. Lock swaps in 1 (Acquire) and holds the lock if
//! it took a 0 (a swap needs no expected value, so the fast path is one `xchg`); while it
//! fails it only reads the word (Relaxed, with a pause hint) so the waiting core does not
//! steal the cache line from the holder. Unlock stores 0 (Release), so the next holder sees everything
//! written under the lock. No futex: a spin lock never sleeps, which is its contract.

use core::sync::atomic::AtomicU32;
use core::sync::atomic::Ordering::{Acquire, Relaxed, Release};
use rustix::io::Errno;

/// A spin lock; see the module documentation.
#[repr(transparent)]
pub struct SpinLock {
    word: AtomicU32,
}

const _: () = {
    assert!(size_of::<SpinLock>() == size_of::<libc::pthread_spinlock_t>());
    assert!(align_of::<SpinLock>() == align_of::<libc::pthread_spinlock_t>());
};

impl SpinLock {
    pub const fn new() -> SpinLock {
        SpinLock { word: AtomicU32::new(0) }
    }

    /// `pthread_spin_init`: free. (The process-shared setting changes nothing: the lock never
    /// enters the kernel.)
    pub fn init(&self) {
        // Relaxed: initialising races with no one; the program publishes the lock itself.
        self.word.store(0, Relaxed);
    }

    /// `pthread_spin_lock`.
    #[inline]
    pub fn lock(&self) {
        // Acquire: see the module documentation.
        if self.word.swap(1, Acquire) != 0 {
            self.lock_contended();
        }
    }

    #[cold]
    #[inline(never)]
    fn lock_contended(&self) {
        loop {
            // Relaxed: only waits for the word to look free; the swap decides.
            while self.word.load(Relaxed) != 0 {
                core::hint::spin_loop();
            }
            // Acquire: see the module documentation.
            if self.word.swap(1, Acquire) == 0 {
                return;
            }
        }
    }

    /// `pthread_spin_trylock`: `EBUSY` when held.
    #[inline]
    pub fn try_lock(&self) -> Result<(), Errno> {
        // Acquire: see the module documentation.
        match self.word.compare_exchange(0, 1, Acquire, Relaxed) {
            Ok(_) => Ok(()),
            Err(_) => Err(Errno::BUSY),
        }
    }

    /// `pthread_spin_unlock`.
    #[inline]
    pub fn unlock(&self) {
        // Release: see the module documentation.
        self.word.store(0, Release);
    }
}

impl Default for SpinLock {
    fn default() -> Self {
        Self::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_lost_increments() {
        static LOCK: SpinLock = SpinLock::new();
        crate::sync::contention_test::no_lost_increments(|| LOCK.lock(), || LOCK.unlock());
        LOCK.try_lock().unwrap();
        assert_eq!(LOCK.try_lock(), Err(Errno::BUSY));
        LOCK.unlock();
    }
}
