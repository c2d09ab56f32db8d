//! `pthread_once` and C11 `call_once`: run an initialiser exactly once, in glibc's 4-byte
//! `pthread_once_t` (`PTHREAD_ONCE_INIT` and `ONCE_FLAG_INIT` are 0).
//!
//! # States of the word
//! The low two bits: [`INCOMPLETE`] (0) -> [`RUNNING`] (one thread runs the initialiser) ->
//! [`COMPLETE`] (3, the whole word); while running, a thread that must wait turns
//! [`RUNNING`] into [`QUEUED`] and sleeps on the word, so the runner makes the `FUTEX_WAKE`
//! syscall only if someone sleeps. A running word also holds, in its upper bits, the fork
//! generation in which the run began: a forked child adds [`GENERATION_STEP`] to the
//! process's generation ([`after_fork_child`]), so in a child whose parent forked while
//! another thread ran the initialiser (a thread the child does not have) the word shows an
//! older generation, and the first caller takes it over and runs the initialiser itself, as
//! glibc does.
//!
//! # Cancellation
//! An initialiser that is cancelled (or calls `pthread_exit`) never returns: a cleanup record
//! around it (`cancel::with_cleanup`) puts the word back to [`INCOMPLETE`] and wakes the
//! sleepers, so that the next caller runs it, as POSIX requires.
//!
//! # Orderings
//! The runner stores [`COMPLETE`] with Release (swap); every caller's first load is Acquire, so
//! whoever sees [`COMPLETE`] also sees what the initialiser wrote. The fast path is that one
//! load. The generation is only ever changed in a child with one thread, before it runs on.

use super::cancel;
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
/// The phase bits of a word.
const PHASE: u32 = 3;
/// What a fork adds to the generation, above the phase bits.
pub const GENERATION_STEP: u32 = 4;

/// The fork generation of this process.
static GENERATION: AtomicU32 = AtomicU32::new(0);

/// Called in a forked child before it runs any program code: runs that other threads had
/// begun in the parent are now nobody's.
pub fn after_fork_child() {
    // Relaxed: the child has one thread, which is the one running this.
    GENERATION.fetch_add(GENERATION_STEP, Relaxed);
}

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
        // Acquire: as in `call`.
        let mut state = self.state.load(Acquire);
        loop {
            if state == COMPLETE {
                return;
            }
            // Relaxed: see the module documentation.
            let generation = GENERATION.load(Relaxed);
            if state == INCOMPLETE || state & !PHASE != generation {
                // Free, or a run begun before a fork by a thread this process does not have.
                // Acquire: a failed CAS may find COMPLETE, whose writes we must see.
                match self.state.compare_exchange(state, generation | RUNNING, Acquire, Acquire) {
                    Ok(_) => return self.run(init),
                    Err(s) => state = s,
                }
                continue;
            }
            if state & PHASE == RUNNING {
                // Relaxed: the futex wait compares the word itself.
                if let Err(s) = self.state.compare_exchange(state, generation | QUEUED, Relaxed, Acquire) {
                    state = s;
                    continue;
                }
            }
            futex::wait(&self.state, generation | QUEUED);
            state = self.state.load(Acquire);
        }
    }

    /// Runs `init` as the word's runner, then marks it complete.
    fn run(&self, init: impl FnOnce()) {
        let undo = || self.finish(INCOMPLETE);
        cancel::with_cleanup(&undo, init);
        self.finish(COMPLETE);
    }

    /// Ends a run with `state` and wakes the callers that sleep on it.
    fn finish(&self, state: u32) {
        // Release: see the module documentation (for INCOMPLETE, only the word itself).
        if self.state.swap(state, Release) & PHASE == QUEUED {
            futex::wake_all(&self.state, futex::Scope::Private);
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
