//! `pthread_once` and C11 `call_once`: run an initialiser exactly once, in glibc's 4-byte
//! `pthread_once_t` (`PTHREAD_ONCE_INIT` and `ONCE_FLAG_INIT` are 0).
//!
//! # States of the word
//! [`INCOMPLETE`] (0) -> [`RUNNING`] (one thread runs the initialiser) -> [`COMPLETE`]; while
//! running, a thread that must wait turns [`RUNNING`] into [`QUEUED`] and sleeps on the word,
//! so the runner makes the `FUTEX_WAKE` syscall only if someone sleeps.
//!
//! # Orderings
//! The runner stores [`COMPLETE`] with Release (swap); every caller's first load is Acquire, so
//! whoever sees [`COMPLETE`] also sees what the initialiser wrote. The fast path is that one
//! load.

use super::futex;
use core::sync::atomic::AtomicU32;
use core::sync::atomic::Ordering::{Acquire, Relaxed, Release};

/// Nobody has run the initialiser.
pub const INCOMPLETE: u32 = 0;
/// A thread runs it; nobody waits.
pub const RUNNING: u32 = 1;
/// A thread runs it and others may sleep on the word.
pub const QUEUED: u32 = 2;
/// It has returned.
pub const COMPLETE: u32 = 3;

/// A once-flag; see the module documentation.
#[repr(transparent)]
pub struct Once {
    state: AtomicU32,
}

const _: () = {
    assert!(size_of::<Once>() == size_of::<libc::pthread_once_t>());
    assert!(align_of::<Once>() == align_of::<libc::pthread_once_t>());
};

impl Once {
    pub const fn new() -> Once {
        Once { state: AtomicU32::new(INCOMPLETE) }
    }

    /// Whether the initialiser has returned; when true, its writes are visible to the caller.
    #[inline]
    pub fn is_complete(&self) -> bool {
        // Acquire: see the module documentation.
        self.state.load(Acquire) == COMPLETE
    }

    /// Runs `init` if no call has run it yet; otherwise waits until the call that runs it has
    /// returned.
    #[inline]
    pub fn call(&self, init: impl FnOnce()) {
        if !self.is_complete() {
            self.call_slow(init);
        }
    }

    #[cold]
    fn call_slow(&self, init: impl FnOnce()) {
        let mut init = Some(init);
        // Acquire: as in `call`.
        let mut state = self.state.load(Acquire);
        loop {
            match state {
                COMPLETE => return,
                INCOMPLETE => {
                    // Acquire: a failed CAS may find COMPLETE, whose writes we must see.
                    match self.state.compare_exchange(INCOMPLETE, RUNNING, Acquire, Acquire) {
                        Ok(_) => {
                            if let Some(init) = init.take() {
                                init();
                            }
                            // Release: see the module documentation.
                            if self.state.swap(COMPLETE, Release) == QUEUED {
                                futex::wake_all(&self.state, futex::Scope::Private);
                            }
                            return;
                        }
                        Err(s) => state = s,
                    }
                }
                _ => {
                    if state == RUNNING {
                        // Relaxed: the futex wait compares the word itself.
                        if let Err(s) = self.state.compare_exchange(RUNNING, QUEUED, Relaxed, Acquire) {
                            state = s;
                            continue;
                        }
                    }
                    futex::wait(&self.state, QUEUED);
                    state = self.state.load(Acquire);
                }
            }
        }
    }
}

impl Default for Once {
    fn default() -> Self {
        Self::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use core::sync::atomic::AtomicUsize;

    #[test]
    fn runs_once_and_everyone_sees_it() {
        static ONCE: Once = Once::new();
        static RUNS: AtomicUsize = AtomicUsize::new(0);
        static DATA: AtomicUsize = AtomicUsize::new(0);
        let threads: std::vec::Vec<_> = (0..4)
            .map(|_| {
                std::thread::spawn(|| {
                    ONCE.call(|| {
                        RUNS.fetch_add(1, Relaxed);
                        std::thread::sleep(std::time::Duration::from_millis(20));
                        DATA.store(42, Relaxed);
                    });
                    assert_eq!(DATA.load(Relaxed), 42);
                })
            })
            .collect();
        for t in threads {
            t.join().unwrap();
        }
        assert_eq!(RUNS.load(Relaxed), 1);
        assert_eq!(ONCE.state.load(Relaxed), COMPLETE);
    }
}
