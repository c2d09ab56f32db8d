//! The futex primitives every lock is built on: wait while a word holds a value (with an
//! optional absolute deadline on a chosen clock), and wake.
//!
//! Futexes are process-private (`FUTEX_PRIVATE_FLAG`) unless the object is
//! `PTHREAD_PROCESS_SHARED`: the kernel keys a private futex by address in this process only,
//! which is cheaper; a shared one is keyed by the backing page, so it works across processes
//! that map the same memory.
//!
//! Timed waits use `FUTEX_WAIT_BITSET` with every bit set (which waits like `FUTEX_WAIT`) because
//! that operation takes an *absolute* deadline, on `CLOCK_MONOTONIC` or, with
//! `FUTEX_CLOCK_REALTIME`, on `CLOCK_REALTIME`: a lock that is retried after a spurious wake-up
//! keeps the caller's deadline without re-reading a clock.

use core::num::NonZeroU32;
use core::sync::atomic::AtomicU32;
use rustix::io::Errno;
use rustix::thread::futex::{self, Flags, Timespec};

/// Which processes may share an object's futex words.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Scope {
    /// Only this process (`PTHREAD_PROCESS_PRIVATE`, the default).
    Private,
    /// Any process that maps the memory (`PTHREAD_PROCESS_SHARED`).
    Shared,
}

impl Scope {
    /// The scope a `PTHREAD_PROCESS_*` value names (0 private, anything else shared): the
    /// setters validate the value, so objects only ever store 0 or 1.
    #[inline]
    pub fn from_pshared(shared: bool) -> Scope {
        if shared { Scope::Shared } else { Scope::Private }
    }

    /// Checks a C `PTHREAD_PROCESS_*` value for an attribute setter: `EINVAL` unless it is
    /// `PTHREAD_PROCESS_PRIVATE` or `PTHREAD_PROCESS_SHARED`.
    pub fn check_pshared(pshared: core::ffi::c_int) -> Result<Scope, Errno> {
        match pshared {
            libc::PTHREAD_PROCESS_PRIVATE => Ok(Scope::Private),
            libc::PTHREAD_PROCESS_SHARED => Ok(Scope::Shared),
            _ => Err(Errno::INVAL),
        }
    }

    #[inline]
    fn flags(self) -> Flags {
        match self {
            Scope::Private => Flags::PRIVATE,
            Scope::Shared => Flags::empty(),
        }
    }
}

/// A clock a deadline can be measured on.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Clock {
    /// `CLOCK_REALTIME`: wall-clock time, which may jump.
    Realtime,
    /// `CLOCK_MONOTONIC`: time since boot, never set back.
    Monotonic,
}

impl Clock {
    /// The clock a C `clockid_t` names, for the two clocks a futex can wait on.
    pub fn from_c(id: core::ffi::c_int) -> Result<Clock, Errno> {
        match id {
            libc::CLOCK_REALTIME => Ok(Clock::Realtime),
            libc::CLOCK_MONOTONIC => Ok(Clock::Monotonic),
            _ => Err(Errno::INVAL),
        }
    }

    /// The C `clockid_t` of the clock.
    pub fn to_c(self) -> core::ffi::c_int {
        match self {
            Clock::Realtime => libc::CLOCK_REALTIME,
            Clock::Monotonic => libc::CLOCK_MONOTONIC,
        }
    }

    /// The current time on this clock.
    pub fn now(self) -> Timespec {
        rustix::time::clock_gettime(match self {
            Clock::Realtime => rustix::time::ClockId::Realtime,
            Clock::Monotonic => rustix::time::ClockId::Monotonic,
        })
    }
}

/// An absolute point in time on a clock: the `abstime` of the `*_timedlock`/`*_clockwait`
/// family.
#[derive(Clone, Copy, Debug)]
pub struct Deadline {
    clock: Clock,
    at: Timespec,
}

impl Deadline {
    /// The deadline `tv_sec`/`tv_nsec` on `clock`: `EINVAL` when the nanoseconds are outside
    /// `[0, 1e9)`, as POSIX requires. A negative time is valid: it has already passed.
    pub fn new(clock: Clock, tv_sec: i64, tv_nsec: i64) -> Result<Deadline, Errno> {
        if !(0..1_000_000_000).contains(&tv_nsec) {
            return Err(Errno::INVAL);
        }
        Ok(Deadline { clock, at: Timespec { tv_sec, tv_nsec } })
    }

    /// The deadline a C `timespec` names on `clock`.
    ///
    /// # Safety
    /// `ts` must be null or point to a readable `timespec`; null is `EINVAL`.
    pub unsafe fn from_c(clock: Clock, ts: *const libc::timespec) -> Result<Deadline, Errno> {
        if ts.is_null() {
            return Err(Errno::INVAL);
        }
        // SAFETY: non-null and readable per the contract.
        let ts = unsafe { ts.read() };
        Deadline::new(clock, ts.tv_sec, ts.tv_nsec)
    }

    /// The clock the deadline is measured on.
    pub fn clock(&self) -> Clock {
        self.clock
    }

    /// The time on the deadline's clock.
    pub fn at(&self) -> Timespec {
        self.at
    }
}

/// Why a wait returned. Every outcome but `TimedOut` means "look at the word again".
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Woken {
    /// Woken up, or the word no longer held the expected value, or a spurious return.
    Retry,
    /// A signal handler ran. Lock calls retry; `sem_wait` reports `EINTR`, as glibc's does.
    Interrupted,
    /// The deadline has passed.
    TimedOut,
}

/// Blocks while `word` holds `expected`, until woken by [`wake`]. Returns at once if the word
/// holds something else; may return spuriously, so callers loop.
#[inline]
pub fn wait(word: &AtomicU32, expected: u32) {
    wait_in(word, expected, Scope::Private);
}

/// [`wait`] on a futex of the given scope.
#[inline]
pub fn wait_in(word: &AtomicU32, expected: u32, scope: Scope) {
    // Every outcome (woken, value changed, interrupted) means "look again", which the caller
    // does; so the result carries nothing to act on.
    let _ = futex::wait(word, scope.flags(), expected, None);
}

/// Blocks while `word` holds `expected`, until woken or until `deadline` (none: no limit).
#[inline]
pub fn wait_until(word: &AtomicU32, expected: u32, scope: Scope, deadline: Option<&Deadline>) -> Woken {
    let (flags, at) = match deadline {
        None => (scope.flags(), None),
        Some(d) => {
            // The kernel refuses a negative time with EINVAL; it has passed already.
            if d.at.tv_sec < 0 {
                return Woken::TimedOut;
            }
            let clock = match d.clock {
                Clock::Realtime => Flags::CLOCK_REALTIME,
                Clock::Monotonic => Flags::empty(),
            };
            (scope.flags() | clock, Some(&d.at))
        }
    };
    match futex::wait_bitset(word, flags, expected, at, MATCH_ANY) {
        Err(Errno::TIMEDOUT) => Woken::TimedOut,
        Err(Errno::INTR) => Woken::Interrupted,
        _ => Woken::Retry,
    }
}

/// `FUTEX_BITSET_MATCH_ANY`: a bitset wait with every bit set matches every `FUTEX_WAKE`.
const MATCH_ANY: NonZeroU32 = NonZeroU32::MAX;

/// Wakes up to `count` threads blocked in [`wait`] on `word`.
#[inline]
pub fn wake(word: &AtomicU32, count: u32) {
    wake_in(word, count, Scope::Private);
}

/// [`wake`] on a futex of the given scope. Returns whether it woke any thread.
#[inline]
pub fn wake_in(word: &AtomicU32, count: u32, scope: Scope) -> bool {
    // FUTEX_WAKE fails only for a bad address, which a reference cannot be.
    futex::wake(word, scope.flags(), count).is_ok_and(|n| n > 0)
}

/// [`wake_in`] by address, for a word that may no longer exist (see `handoff.rs`): rustix's
/// wrapper takes a reference, which must not dangle, so this makes the syscall itself.
/// `FUTEX_WAKE` reads no memory at the address; on reused memory it is a spurious wake-up.
pub fn wake_raw(word: *const AtomicU32, count: u32, scope: Scope) {
    const SYS_FUTEX: usize = 202;
    const FUTEX_WAKE: usize = 1;
    const FUTEX_PRIVATE_FLAG: usize = 128;
    let op = match scope {
        Scope::Private => FUTEX_WAKE | FUTEX_PRIVATE_FLAG,
        Scope::Shared => FUTEX_WAKE,
    };
    // SAFETY: FUTEX_WAKE only looks the address up (a bad one is EFAULT, which changes
    // nothing); it reads and writes no memory there.
    let _ = unsafe { crate::arch::syscall6(SYS_FUTEX, [word as usize, op, count as usize, 0, 0, 0]) };
}

/// Wakes every thread blocked on `word`.
#[inline]
pub fn wake_all(word: &AtomicU32, scope: Scope) {
    wake_in(word, i32::MAX as u32, scope);
}

/// The owner-tracking operations of priority-inheritance futexes, whose word holds the
/// owner's TID (plus [`PI_WAITERS`] once a thread sleeps on it) and which the kernel hands
/// over directly to the highest-priority waiter.
pub mod pi {
    use super::*;

    /// `FUTEX_WAITERS`: set by the kernel in a PI word when a thread sleeps on it.
    pub const WAITERS: u32 = futex::WAITERS;
    /// `FUTEX_OWNER_DIED`.
    pub const OWNER_DIED: u32 = futex::OWNER_DIED;
    /// The TID bits of a PI word.
    pub const TID_MASK: u32 = 0x3fff_ffff;

    /// `FUTEX_LOCK_PI` (`FUTEX_LOCK_PI2` for a monotonic deadline): blocks until the calling
    /// thread owns the word. `Err(TIMEDOUT)` past the deadline, `Err(DEADLK)` if it owns it
    /// already.
    pub fn lock(word: &AtomicU32, scope: Scope, deadline: Option<&Deadline>) -> Result<(), Errno> {
        loop {
            let result = match deadline {
                None => futex::lock_pi(word, scope.flags(), None),
                Some(d) if d.at.tv_sec < 0 => return Err(Errno::TIMEDOUT),
                Some(d) if d.clock == Clock::Realtime => futex::lock_pi(word, scope.flags(), Some(&d.at)),
                Some(d) => futex::lock_pi2(word, scope.flags(), Some(&d.at)),
            };
            match result {
                // The kernel may return EAGAIN while the owner is exiting; try again.
                Err(Errno::INTR) | Err(Errno::AGAIN) => continue,
                other => return other,
            }
        }
    }

    /// `FUTEX_TRYLOCK_PI`: takes the word if that can be done without blocking.
    pub fn trylock(word: &AtomicU32, scope: Scope) -> Result<(), Errno> {
        match futex::trylock_pi(word, scope.flags()) {
            Ok(true) => Ok(()),
            Ok(false) => Err(Errno::BUSY),
            Err(Errno::AGAIN) => Err(Errno::BUSY),
            Err(e) => Err(e),
        }
    }

    /// `FUTEX_UNLOCK_PI`: hands the word to the highest-priority waiter, or clears it.
    pub fn unlock(word: &AtomicU32, scope: Scope) -> Result<(), Errno> {
        futex::unlock_pi(word, scope.flags())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deadline_validates_nanoseconds() {
        assert_eq!(Deadline::new(Clock::Realtime, 0, -1).err(), Some(Errno::INVAL));
        assert_eq!(Deadline::new(Clock::Realtime, 0, 1_000_000_000).err(), Some(Errno::INVAL));
        assert!(Deadline::new(Clock::Monotonic, -5, 999_999_999).is_ok());
    }

    #[test]
    fn timed_wait_times_out_on_both_clocks() {
        let word = AtomicU32::new(7);
        for clock in [Clock::Realtime, Clock::Monotonic] {
            let now = clock.now();
            let d = Deadline::new(clock, now.tv_sec, now.tv_nsec).unwrap();
            let mut outcome = wait_until(&word, 7, Scope::Private, Some(&d));
            while outcome != Woken::TimedOut {
                outcome = wait_until(&word, 7, Scope::Private, Some(&d));
            }
            let past = Deadline::new(clock, -1, 0).unwrap();
            assert_eq!(wait_until(&word, 7, Scope::Shared, Some(&past)), Woken::TimedOut);
        }
        // A word holding another value returns at once.
        assert_eq!(wait_until(&word, 8, Scope::Private, None), Woken::Retry);
    }
}
