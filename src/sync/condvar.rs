//! The pthread condition variable, in glibc's 48-byte `pthread_cond_t`.
//!
//! # Words
//! - `seq` (offset 0): the futex word waiters sleep on. Every signal or broadcast that finds a
//!   waiter adds one, so a waiter that read the old value before releasing the mutex either
//!   sees the change (the futex returns at once) or is already queued when the wake comes.
//! - `waiters` (offset 4): in bits 0..=30 the number of threads inside `wait`, so that a
//!   signal with nobody waiting costs one load and no syscall; bit 31 ([`DESTROYING`]) is set
//!   by `destroy`, which then sleeps on this word until the count is zero.
//! - `flags` (offset 8): [`MONOTONIC`] (timed waits measure `CLOCK_MONOTONIC`) and
//!   [`SHARED`]. All-zero (`PTHREAD_COND_INITIALIZER`) is a private condition variable on
//!   `CLOCK_REALTIME`.
//! - `sleepers` (offset 12): the waiters that are (about to be) asleep in the kernel. When
//!   the process may use several CPUs, a waiter first spins a little watching `seq`, since a
//!   partner on another CPU often answers within microseconds while a sleeping vCPU takes tens
//!   of microseconds to wake; a signal then only bumps `seq`, with no syscall unless someone
//!   sleeps.
//! - `mutex` (offset 16): the mutex the waiters wait with (POSIX requires all concurrent
//!   waiters to use the same one), stored by each waiter; only compared, never read through.
//!
//! # Algorithm
//! `wait`: count in `waiters`, read `seq`, store `mutex`, unlock it; spin on `seq` (several
//! CPUs only); else count in `sleepers`, re-read `seq` (a signal that came meanwhile needs no
//! syscall) and `FUTEX_WAIT` on it; leave `sleepers` and `waiters`, lock the mutex again.
//! `signal`/`broadcast`: if `waiters` is not zero, add one to `seq`, and if `sleepers` is not
//! zero wake one (or all) on `seq`. When the signaller holds the waiters' mutex, and took it
//! in an earlier `wait` of its own, that wake is deferred to the mutex's unlock
//! (`handoff.rs`), so the woken thread does not block on the mutex at once: in a ping-pong
//! between two threads on one CPU that is two syscalls and two context switches per round
//! trip fewer.
//!
//! # Why no wake-up is lost
//! A waiter increments `waiters` and reads `seq` while it holds the mutex, then unlocks it. A
//! signaller that changed the predicate did so holding the mutex, after the waiter released
//! it, so the mutex's Release/Acquire pair makes both the increment and the old `seq` visible
//! to it: it sees a waiter, and its increment of `seq` comes after the value the waiter will
//! pass to the kernel. That is why `waiters` and the waiter's read of `seq` need only Relaxed
//! accesses; the mutex provides the ordering, as POSIX requires programs to use it.
//!
//! The futex call itself is covered by `sleepers`: a waiter increments it (SeqCst) before
//! the kernel reads `seq`, and a signaller increments `seq` (SeqCst) before reading it
//! (SeqCst). In their single total order one comes first: either the signaller sees the
//! sleeper and wakes it, or the kernel sees the new `seq` and does not put the waiter to
//! sleep. A signaller that sees a sleeper's increment also sees the `mutex` it stored before
//! (the SeqCst load acquires the increment), which is all a deferral compares.
//!
//! A woken waiter decrements `waiters` and locks the mutex again. `destroy` waits for the
//! count to reach zero (Acquire, against each waiter's Release decrement, its last access), so
//! POSIX's "destroy right after the broadcast" is safe. A signal reads and writes the object
//! only before it returns; a deferred wake is a syscall on the address after the mutex is
//! released (see `handoff.rs` for why that is safe once the object is gone).
//!
//! # Cancellation
//! `wait` is a cancellation point. A request pending on entry acts before anything changes,
//! with the mutex held. One that comes while the waiter sleeps ends it from inside the futex
//! wait; its cleanup (`cancelled`) then leaves `sleepers` and `waiters` as `wait` would, wakes
//! one more waiter if others wait (the wake that came may have been meant for them: a
//! spurious wake-up costs them a loop, a lost one would hang them), and locks the mutex
//! again, so the program's cleanup handlers run with it held, as POSIX requires.

use super::cancel;
use super::futex::{self, Clock, Deadline, Scope, Woken};
use super::handoff;
use super::mutex::Mutex;
use core::sync::atomic::Ordering::{Acquire, Relaxed, Release, SeqCst};
use core::sync::atomic::{AtomicPtr, AtomicU32};
use rustix::io::Errno;

/// `waiters` bit: `destroy` is waiting for the count to drop to zero.
pub const DESTROYING: u32 = 1 << 31;
/// `flags` bit: timed waits use `CLOCK_MONOTONIC`.
pub const MONOTONIC: u32 = 1;
/// `flags` bit: `PTHREAD_PROCESS_SHARED`.
pub const SHARED: u32 = 2;
/// How many times a waiter re-reads `seq` before sleeping, when several CPUs may run.
const SPINS: u32 = 1000;

/// A condition variable; see the module documentation.
#[repr(C)]
pub struct Condvar {
    seq: AtomicU32,
    waiters: AtomicU32,
    flags: AtomicU32,
    sleepers: AtomicU32,
    mutex: AtomicPtr<Mutex>,
    /// The rest of glibc's 48 bytes, kept zero.
    reserved: [AtomicU32; 6],
}

const _: () = {
    assert!(size_of::<Condvar>() == size_of::<libc::pthread_cond_t>());
    assert!(align_of::<Condvar>() <= align_of::<libc::pthread_cond_t>());
};

impl Condvar {
    /// `PTHREAD_COND_INITIALIZER`.
    pub const fn new() -> Condvar {
        Condvar {
            seq: AtomicU32::new(0),
            waiters: AtomicU32::new(0),
            flags: AtomicU32::new(0),
            sleepers: AtomicU32::new(0),
            mutex: AtomicPtr::new(core::ptr::null_mut()),
            reserved: [const { AtomicU32::new(0) }; 6],
        }
    }

    /// `pthread_cond_init` with `flags` from [`CondAttr`].
    pub fn init(&self, flags: u32) {
        // Relaxed: initialising races with no one; the program publishes the object itself.
        self.seq.store(0, Relaxed);
        self.waiters.store(0, Relaxed);
        self.flags.store(flags, Relaxed);
        self.sleepers.store(0, Relaxed);
        self.mutex.store(core::ptr::null_mut(), Relaxed);
    }

    /// The clock timed waits measure (`pthread_condattr_setclock`).
    pub fn clock(&self) -> Clock {
        // Relaxed: `flags` only changes in `init`, before the object is in use.
        if self.flags.load(Relaxed) & MONOTONIC != 0 { Clock::Monotonic } else { Clock::Realtime }
    }

    #[inline]
    fn scope(&self) -> Scope {
        // Relaxed: as in `clock`.
        Scope::from_pshared(self.flags.load(Relaxed) & SHARED != 0)
    }

    /// `pthread_cond_wait`/`timedwait`/`clockwait`: releases `mutex`, sleeps until signalled
    /// (or the deadline passes: `ETIMEDOUT`), then takes `mutex` again, in every case. An error
    /// unlocking `mutex` (`EPERM`: not the owner of an error-checking mutex) is returned
    /// without waiting. A cancellation point (see the module documentation).
    pub fn wait(&self, mutex: &Mutex, deadline: Option<&Deadline>) -> Result<(), Errno> {
        cancel::test();
        let scope = self.scope();
        // Relaxed, all three: the mutex orders them (see the module documentation).
        self.waiters.fetch_add(1, Relaxed);
        let seq = self.seq.load(Relaxed);
        self.mutex.store((mutex as *const Mutex).cast_mut(), Relaxed);
        if let Err(e) = mutex.unlock() {
            self.leave(scope);
            return Err(e);
        }
        let woken = if self.spin(seq) { Woken::Retry } else { self.sleep(seq, scope, deadline, mutex) };
        self.leave(scope);
        mutex.lock()?;
        if scope == Scope::Private {
            mutex.adopt_for_handoff();
        }
        if woken == Woken::TimedOut { Err(Errno::TIMEDOUT) } else { Ok(()) }
    }

    /// Watches `seq` for a while if another CPU may change it; true if it changed.
    fn spin(&self, seq: u32) -> bool {
        let mut spins = super::cpus::spins(SPINS);
        while spins > 0 {
            // Relaxed: only whether to sleep; what the signaller published comes with the
            // mutex, which the caller takes next.
            if self.seq.load(Relaxed) != seq {
                return true;
            }
            core::hint::spin_loop();
            spins -= 1;
        }
        false
    }

    /// Sleeps while `seq` holds `seq`, as a counted sleeper.
    fn sleep(&self, seq: u32, scope: Scope, deadline: Option<&Deadline>, mutex: &Mutex) -> Woken {
        // SeqCst: see the module documentation.
        self.sleepers.fetch_add(1, SeqCst);
        let undo = || self.cancelled(scope, mutex);
        let woken = cancel::with_cleanup(&undo, || {
            let mut woken = Woken::Retry;
            // Relaxed: a changed value only spares the syscall, whose own comparison decides.
            // A signal handler that interrupts the sleep means waiting again, unless a signal
            // came meanwhile (a spurious wake-up would be allowed too, but costs a loop).
            while self.seq.load(Relaxed) == seq {
                woken = cancel::point(|| futex::wait_until(&self.seq, seq, scope, deadline));
                if woken != Woken::Interrupted {
                    break;
                }
            }
            woken
        });
        // Relaxed: a stale count only costs a signaller a syscall.
        self.sleepers.fetch_sub(1, Relaxed);
        woken
    }

    /// The cleanup of a waiter cancelled in `sleep`; see the module documentation.
    #[cold]
    fn cancelled(&self, scope: Scope, mutex: &Mutex) {
        // Relaxed: as in `sleep`.
        self.sleepers.fetch_sub(1, Relaxed);
        // Relaxed: our own increment is in the count; any other waiter's that the wake could
        // have been meant for came before that wake, which the kernel ordered before us.
        if self.waiters.load(Relaxed) & !DESTROYING > 1 {
            self.notify(1);
        }
        self.leave(scope);
        // The error kinds are for a mutex we do not hold; we released this one ourselves.
        let _ = mutex.lock();
    }

    /// A waiter's last access: drop out of the count, waking `destroy` if it waits for us.
    #[inline]
    fn leave(&self, scope: Scope) {
        // Release: our accesses to the object happen before `destroy`'s Acquire sees zero.
        if self.waiters.fetch_sub(1, Release) == DESTROYING | 1 {
            futex::wake_in(&self.waiters, 1, scope);
        }
    }

    /// `pthread_cond_signal`: wakes at least one waiter, if there is any.
    #[inline]
    pub fn signal(&self) {
        // Relaxed: see the module documentation.
        if self.waiters.load(Relaxed) & !DESTROYING != 0 {
            self.notify(1);
        }
    }

    /// `pthread_cond_broadcast`: wakes every waiter.
    #[inline]
    pub fn broadcast(&self) {
        // Relaxed: see the module documentation.
        if self.waiters.load(Relaxed) & !DESTROYING != 0 {
            self.notify(i32::MAX as u32);
        }
    }

    #[cold]
    fn notify(&self, count: u32) {
        // SeqCst, both: see the module documentation on `sleepers`.
        self.seq.fetch_add(1, SeqCst);
        if self.sleepers.load(SeqCst) == 0 {
            return;
        }
        let scope = self.scope();
        // Relaxed: ordered by the SeqCst load above (see the module documentation).
        if scope == Scope::Private && handoff::defer(self.mutex.load(Relaxed), &self.seq, count) {
            return;
        }
        futex::wake_in(&self.seq, count, scope);
    }

    /// `pthread_cond_destroy`: waits for woken waiters to leave, so that the memory may be
    /// reused at once.
    pub fn destroy(&self) {
        let scope = self.scope();
        handoff::flush(&self.seq);
        // Relaxed: only marks the word; the loop's Acquire load does the synchronising.
        self.waiters.fetch_or(DESTROYING, Relaxed);
        loop {
            // Acquire: see `leave`.
            let w = self.waiters.load(Acquire);
            if w & !DESTROYING == 0 {
                break;
            }
            futex::wait_in(&self.waiters, w, scope);
        }
        self.waiters.store(0, Relaxed);
    }
}

impl Default for Condvar {
    fn default() -> Self {
        Self::new()
    }
}

/// `pthread_condattr_t`: the [`Condvar`] `flags` bits, in glibc's 4 bytes.
#[repr(C)]
#[derive(Clone, Copy, Default, Debug, PartialEq, Eq)]
pub struct CondAttr {
    flags: u32,
}

const _: () = {
    assert!(size_of::<CondAttr>() == size_of::<libc::pthread_condattr_t>());
    assert!(align_of::<CondAttr>() == align_of::<libc::pthread_condattr_t>());
};

impl CondAttr {
    /// The defaults: private, `CLOCK_REALTIME`.
    pub const DEFAULT: CondAttr = CondAttr { flags: 0 };

    /// The `flags` word of a condition variable made with these attributes.
    pub fn flags(&self) -> u32 {
        self.flags
    }

    pub fn clock(&self) -> Clock {
        if self.flags & MONOTONIC != 0 { Clock::Monotonic } else { Clock::Realtime }
    }

    /// `pthread_condattr_setclock`: `CLOCK_REALTIME` or `CLOCK_MONOTONIC`, else `EINVAL`.
    pub fn set_clock(&mut self, clock: core::ffi::c_int) -> Result<(), Errno> {
        self.flags = match Clock::from_c(clock)? {
            Clock::Realtime => self.flags & !MONOTONIC,
            Clock::Monotonic => self.flags | MONOTONIC,
        };
        Ok(())
    }

    pub fn pshared(&self) -> i32 {
        (self.flags & SHARED != 0) as i32
    }

    pub fn set_pshared(&mut self, pshared: i32) -> Result<(), Errno> {
        self.flags = match Scope::check_pshared(pshared)? {
            Scope::Private => self.flags & !SHARED,
            Scope::Shared => self.flags | SHARED,
        };
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use core::cell::UnsafeCell;
    use std::sync::Arc;

    struct Queue {
        mutex: Mutex,
        cond: Condvar,
        items: UnsafeCell<u64>,
        taken: UnsafeCell<u64>,
    }
    // SAFETY: the counters are only touched with `mutex` held.
    unsafe impl Sync for Queue {}

    /// Producers post items one at a time with `signal`; consumers sleep for them. A lost
    /// wake-up leaves a consumer asleep forever and the test hangs.
    #[test]
    fn no_lost_wakeups() {
        const PER_PRODUCER: u64 = 25_000;
        let q = Arc::new(Queue {
            mutex: Mutex::new(),
            cond: Condvar::new(),
            items: UnsafeCell::new(0),
            taken: UnsafeCell::new(0),
        });
        let mut handles = std::vec::Vec::new();
        for _ in 0..2 {
            let q = q.clone();
            handles.push(std::thread::spawn(move || {
                for _ in 0..PER_PRODUCER {
                    q.mutex.lock().unwrap();
                    // SAFETY: the mutex is held.
                    unsafe { *q.items.get() += 1 };
                    q.cond.signal();
                    q.mutex.unlock().unwrap();
                }
            }));
        }
        for _ in 0..2 {
            let q = q.clone();
            handles.push(std::thread::spawn(move || {
                for _ in 0..PER_PRODUCER {
                    q.mutex.lock().unwrap();
                    // SAFETY: the mutex is held throughout, except inside `wait`.
                    while unsafe { *q.items.get() } == 0 {
                        q.cond.wait(&q.mutex, None).unwrap();
                    }
                    // SAFETY: as above.
                    unsafe {
                        *q.items.get() -= 1;
                        *q.taken.get() += 1;
                    }
                    q.mutex.unlock().unwrap();
                }
            }));
        }
        for h in handles {
            h.join().unwrap();
        }
        // SAFETY: every thread has been joined.
        assert_eq!(unsafe { *q.taken.get() }, 2 * PER_PRODUCER);
        q.cond.destroy();
    }

    #[test]
    fn broadcast_wakes_everyone_and_timeouts_relock() {
        let q = Arc::new(Queue {
            mutex: Mutex::new(),
            cond: Condvar::new(),
            items: UnsafeCell::new(0),
            taken: UnsafeCell::new(0),
        });
        let waiters: std::vec::Vec<_> = (0..3)
            .map(|_| {
                let q = q.clone();
                std::thread::spawn(move || {
                    q.mutex.lock().unwrap();
                    // SAFETY: the mutex is held.
                    unsafe { *q.taken.get() += 1 };
                    // SAFETY: as above.
                    while unsafe { *q.items.get() } == 0 {
                        q.cond.wait(&q.mutex, None).unwrap();
                    }
                    q.mutex.unlock().unwrap();
                })
            })
            .collect();
        loop {
            q.mutex.lock().unwrap();
            // SAFETY: the mutex is held.
            if unsafe { *q.taken.get() } == 3 {
                break;
            }
            q.mutex.unlock().unwrap();
        }
        // SAFETY: the mutex is held.
        unsafe { *q.items.get() = 1 };
        q.cond.broadcast();
        q.mutex.unlock().unwrap();
        for w in waiters {
            w.join().unwrap();
        }
        q.cond.destroy();

        let m = Mutex::new();
        let c = Condvar::new();
        m.lock().unwrap();
        let now = Clock::Realtime.now();
        let d = Deadline::new(Clock::Realtime, now.tv_sec, now.tv_nsec).unwrap();
        assert_eq!(c.wait(&m, Some(&d)), Err(Errno::TIMEDOUT));
        assert!(m.held_by_me());
        m.unlock().unwrap();
        // Not holding an error-checking mutex: EPERM, and no sleep.
        let e = Mutex::with_kind(super::super::mutex::ERRORCHECK);
        assert_eq!(c.wait(&e, None), Err(Errno::PERM));
    }
}
