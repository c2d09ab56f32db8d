//! Unnamed POSIX semaphores (`sem_*`), in glibc's 32-byte `sem_t`. Named ones map the same
//! object from a file in `/dev/shm`.
//!
//! # Words
//! - `value` (offset 0): the count, at most `SEM_VALUE_MAX`; waiters sleep on it while it is 0.
//! - `waiters` (offset 4): threads that may be asleep in `wait`, so `post` makes the
//!   `FUTEX_WAKE` syscall only when someone might sleep.
//! - `shared` (offset 8): 1 for a process-shared semaphore.
//!
//! # Why no wake-up is lost
//! A waiter increments `waiters`, then reads `value` before sleeping on it being 0; a poster
//! increments `value`, then reads `waiters`. Both sides' accesses are SeqCst, so in their
//! single total order at least one of them sees the other's write: either the waiter sees the
//! new value (and does not sleep, or its futex returns because the word changed), or the
//! poster sees the waiter and wakes it. Taking a unit is an Acquire CAS and posting a Release
//! one, so a waiter sees what the poster wrote before posting.
//!
//! # Cancellation
//! `sem_wait`, `sem_timedwait` and `sem_clockwait` are cancellation points: a pending request
//! acts on entry, and one that comes while the waiter sleeps ends it from inside the futex
//! wait. Its cleanup leaves `waiters` and, since the post that woke it may have been meant
//! for another sleeper, wakes one more while a unit is left.

use super::cancel;
use super::futex::{self, Deadline, Scope, Woken};
use core::sync::atomic::AtomicU32;
use core::sync::atomic::Ordering::{Acquire, Relaxed, SeqCst};
use rustix::io::Errno;

/// `SEM_VALUE_MAX`.
pub const VALUE_MAX: u32 = i32::MAX as u32;

/// A semaphore; see the module documentation.
#[repr(C, align(8))]
pub struct Semaphore {
    value: AtomicU32,
    waiters: AtomicU32,
    shared: AtomicU32,
    reserved: [AtomicU32; 5],
}

const _: () = {
    assert!(size_of::<Semaphore>() == size_of::<libc::sem_t>());
    assert!(align_of::<Semaphore>() == align_of::<libc::sem_t>());
};

impl Semaphore {
    /// A semaphore holding `value` (at most [`VALUE_MAX`]).
    pub const fn new(value: u32, shared: bool) -> Semaphore {
        Semaphore {
            value: AtomicU32::new(value),
            waiters: AtomicU32::new(0),
            shared: AtomicU32::new(shared as u32),
            reserved: [const { AtomicU32::new(0) }; 5],
        }
    }

    /// `sem_init`: `EINVAL` for a value above `SEM_VALUE_MAX`.
    pub fn init(&self, value: u32, shared: bool) -> Result<(), Errno> {
        if value > VALUE_MAX {
            return Err(Errno::INVAL);
        }
        // Relaxed: initialising races with no one; the program publishes the object itself.
        self.value.store(value, Relaxed);
        self.waiters.store(0, Relaxed);
        self.shared.store(shared as u32, Relaxed);
        Ok(())
    }

    /// `sem_getvalue`.
    pub fn value(&self) -> u32 {
        // Relaxed: a snapshot, stale by the time the caller reads it anyway.
        self.value.load(Relaxed)
    }

    fn scope(&self) -> Scope {
        // Relaxed: set by `init` before the semaphore is in use.
        Scope::from_pshared(self.shared.load(Relaxed) != 0)
    }

    /// `sem_post`: `EOVERFLOW` at `SEM_VALUE_MAX`, as glibc.
    #[inline]
    pub fn post(&self) -> Result<(), Errno> {
        // Relaxed: a first guess for the CAS.
        let mut value = self.value.load(Relaxed);
        loop {
            if value >= VALUE_MAX {
                return Err(Errno::OVERFLOW);
            }
            // SeqCst: see the module documentation (it includes Release).
            match self.value.compare_exchange_weak(value, value + 1, SeqCst, Relaxed) {
                Ok(_) => break,
                Err(v) => value = v,
            }
        }
        // SeqCst: see the module documentation.
        if self.waiters.load(SeqCst) != 0 {
            self.wake();
        }
        Ok(())
    }

    #[cold]
    fn wake(&self) {
        futex::wake_in(&self.value, 1, self.scope());
    }

    /// Takes a unit if there is one.
    #[inline]
    fn try_take(&self, mut value: u32) -> bool {
        while value > 0 {
            // Acquire: see the module documentation.
            match self.value.compare_exchange_weak(value, value - 1, Acquire, Relaxed) {
                Ok(_) => return true,
                Err(v) => value = v,
            }
        }
        false
    }

    /// `sem_trywait`: `EAGAIN` when the value is 0.
    #[inline]
    pub fn try_wait(&self) -> Result<(), Errno> {
        // Relaxed: a first guess for the CAS.
        if self.try_take(self.value.load(Relaxed)) { Ok(()) } else { Err(Errno::AGAIN) }
    }

    /// `sem_wait`/`timedwait`/`clockwait`: `ETIMEDOUT` past the deadline, `EINTR` when a
    /// signal handler ran (POSIX allows it and glibc does so).
    /// A cancellation point, acting on a pending request even when a unit is there to take
    /// (POSIX's "shall occur"; glibc does the same).
    #[inline]
    pub fn wait(&self, deadline: Option<&Deadline>) -> Result<(), Errno> {
        cancel::test();
        // Relaxed: a first guess for the CAS.
        if self.try_take(self.value.load(Relaxed)) {
            return Ok(());
        }
        self.wait_slow(deadline)
    }

    #[cold]
    fn wait_slow(&self, deadline: Option<&Deadline>) -> Result<(), Errno> {
        let scope = self.scope();
        // SeqCst: see the module documentation.
        self.waiters.fetch_add(1, SeqCst);
        let undo = || self.cancelled();
        let result = cancel::with_cleanup(&undo, || loop {
            // SeqCst: see the module documentation.
            if self.try_take(self.value.load(SeqCst)) {
                break Ok(());
            }
            match cancel::point(|| futex::wait_until(&self.value, 0, scope, deadline)) {
                Woken::Retry => {}
                Woken::Interrupted => break Err(Errno::INTR),
                Woken::TimedOut => break Err(Errno::TIMEDOUT),
            }
        });
        // Relaxed: only makes later posts skip the wake; a stale count costs a syscall.
        self.waiters.fetch_sub(1, Relaxed);
        result
    }

    /// A waiter cancelled in its sleep leaves the count; a post may have woken it rather than
    /// another sleeper, so while a unit is left and others wait, it wakes one in its place.
    #[cold]
    fn cancelled(&self) {
        // SeqCst, both: as a poster's accesses (see the module documentation), so that either
        // this sees the unit or the poster of it sees the remaining waiters and wakes one.
        let others = self.waiters.fetch_sub(1, SeqCst) - 1;
        if others != 0 && self.value.load(SeqCst) != 0 {
            self.wake();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    #[test]
    fn every_post_is_taken_once() {
        const PER_THREAD: u32 = 50_000;
        let s = Arc::new(Semaphore::new(0, false));
        let posters: std::vec::Vec<_> = (0..2)
            .map(|_| {
                let s = s.clone();
                std::thread::spawn(move || {
                    for _ in 0..PER_THREAD {
                        s.post().unwrap();
                    }
                })
            })
            .collect();
        let takers: std::vec::Vec<_> = (0..2)
            .map(|_| {
                let s = s.clone();
                std::thread::spawn(move || {
                    for _ in 0..PER_THREAD {
                        s.wait(None).unwrap();
                    }
                })
            })
            .collect();
        for t in posters.into_iter().chain(takers) {
            t.join().unwrap();
        }
        assert_eq!(s.value(), 0);
        assert_eq!(s.try_wait(), Err(Errno::AGAIN));
    }

    #[test]
    fn limits_and_timeouts() {
        let s = Semaphore::new(VALUE_MAX, false);
        assert_eq!(s.post(), Err(Errno::OVERFLOW));
        assert_eq!(s.init(VALUE_MAX + 1, false), Err(Errno::INVAL));
        s.init(0, false).unwrap();
        let past = Deadline::new(futex::Clock::Monotonic, 0, 0).unwrap();
        assert_eq!(s.wait(Some(&past)), Err(Errno::TIMEDOUT));
        s.post().unwrap();
        assert_eq!(s.wait(Some(&past)), Ok(()));
    }
}
