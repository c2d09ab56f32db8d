//! The pthread mutex, in glibc's 40-byte `pthread_mutex_t` layout.
//!
//! # Words
//! - `state` (offset 0, glibc's `__lock`), the futex word. For the ordinary kinds it holds
//!   [`UNLOCKED`] (0), [`LOCKED`] (1: held, nobody sleeps), [`CONTENDED`] (2: held, and a
//!   thread may be sleeping in the kernel) or [`HANDOFF`] (3: held, nobody sleeps, and the
//!   owner's unlock has a condition-variable wake to make: see `handoff.rs`); for priority-inheritance and robust mutexes it
//!   holds the owner's TID, plus `FUTEX_WAITERS` once a thread sleeps, as the kernel requires.
//! - `count` (offset 4, `__count`): how many times the owner holds a recursive mutex (1 when
//!   held once). Only the owner reads or writes it.
//! - `owner` (offset 8, `__owner`): the TID of the holder, 0 when free, for every kind (so
//!   debuggers see what they expect). The owner writes it right after acquiring and clears it
//!   right before releasing, so a thread can only ever read its own TID there while it holds
//!   the mutex: that is what lets recursive and error-checking mutexes ask "do I hold it?"
//!   with a Relaxed load.
//! - `kind` (offset 16, `__kind`): the type in the low two bits (0 normal, 1 recursive,
//!   2 error-checking, 3 adaptive, as glibc's static initialisers write them) and the flags
//!   [`ROBUST`], [`PRIO_INHERIT`] and [`PSHARED`] at glibc's bit positions. All-zero is an
//!   unlocked normal mutex, so `PTHREAD_MUTEX_INITIALIZER` and the `_NP` initialisers work with
//!   no init call. It is written only by `init` and `destroy`, before or after the mutex is in
//!   use, so every lock call may read it Relaxed.
//! - `health` (offset 20) and `list` (offset 24): a robust mutex's consistency and its links
//!   in its owner's robust list; see `mutex_robust.rs` for that kind.
//!
//! # Algorithm (ordinary kinds)
//! Lock takes 0 -> 1 with one CAS. Failing that, it spins a little while the word is 1, then
//! swaps in 2 and sleeps while the word is 2; whoever swaps 0 -> 2 owns the mutex (it may wake
//! one thread too many later, never too few). Unlock swaps in 0 and takes its slow path
//! only when the old state was not 1: the `FUTEX_WAKE` syscall for 2, and for 2 or 3 the
//! hand-off of `handoff.rs`. Only the owner turns 1 into 3 (and lockers turn 3 into 2), so
//! an owner that made its word 3 is sure to take the slow path. The normal kind's lock and unlock are that and
//! nothing else; recursive mutexes have short paths of their own, the other kinds take the
//! out-of-line ones. Spinning happens only when the process may use several CPUs.
//!
//! Orderings: the CAS or swap that takes the word is Acquire and the swap that frees it is
//! Release, so everything the previous holder wrote before unlocking is visible to the next
//! holder. `owner` and `count` need no ordering of their own: the thread that reads its own TID
//! in `owner` wrote it itself, and any other value it reads only means "not mine".
//!
//! # Priority inheritance
//! The word holds the owner's TID. Lock CASes 0 -> TID; failing that, `FUTEX_LOCK_PI` lets the
//! kernel queue the caller and lend its priority to the owner. Unlock CASes TID -> 0; failing
//! that (a waiter set `FUTEX_WAITERS`), `FUTEX_UNLOCK_PI` hands the mutex to the next waiter.

use super::current_tid;
use super::handoff;
use super::futex::{self, Deadline, Scope, Woken};
use core::sync::atomic::Ordering::{Acquire, Relaxed, Release};
use core::sync::atomic::{AtomicU32, AtomicUsize};
use rustix::io::Errno;

/// Free.
pub const UNLOCKED: u32 = 0;
/// Held, and no thread sleeps on the word.
pub const LOCKED: u32 = 1;
/// Held, and a thread may be sleeping on the word.
pub const CONTENDED: u32 = 2;
/// Held, nobody sleeps, and the owner's unlock must call `handoff::release`: the owner took
/// it again in `pthread_cond_wait` and may defer a condition-variable wake to its unlock.
pub const HANDOFF: u32 = 3;

/// `PTHREAD_MUTEX_NORMAL` (also the default).
pub const NORMAL: u32 = 0;
/// `PTHREAD_MUTEX_RECURSIVE`.
pub const RECURSIVE: u32 = 1;
/// `PTHREAD_MUTEX_ERRORCHECK`.
pub const ERRORCHECK: u32 = 2;
/// `PTHREAD_MUTEX_ADAPTIVE_NP`: normal, spinning longer before it sleeps.
pub const ADAPTIVE: u32 = 3;
/// The type bits of `kind`.
pub const TYPE_MASK: u32 = 3;
/// `kind` flag: a robust mutex (glibc's `PTHREAD_MUTEX_ROBUST_NORMAL_NP`).
pub const ROBUST: u32 = 0x10;
/// `kind` flag: a priority-inheritance mutex (glibc's `PTHREAD_MUTEX_PRIO_INHERIT_NP`).
pub const PRIO_INHERIT: u32 = 0x20;
/// `kind` flag: a process-shared mutex (glibc's `PTHREAD_MUTEX_PSHARED_BIT`).
pub const PSHARED: u32 = 0x80;
/// Every `kind` bit a live mutex may have.
const VALID_KIND: u32 = TYPE_MASK | ROBUST | PRIO_INHERIT | PSHARED;

/// `health` of a usable mutex.
pub const CONSISTENT: u32 = 0;
/// `health` after `EOWNERDEAD`, until `pthread_mutex_consistent`.
pub const INCONSISTENT: u32 = 1;
/// `health` once an inconsistent mutex was unlocked: every lock is `ENOTRECOVERABLE`.
pub const NOT_RECOVERABLE: u32 = 2;
/// The `kind` of a destroyed mutex (glibc writes -1 too): every call but `init` is `EINVAL`.
const DESTROYED: u32 = u32::MAX;

/// How many times a normal mutex re-reads a held word before sleeping, and an adaptive one
/// (none when the process may use only one CPU: see [`cpus`](super::cpus)).
const SPINS: u32 = 100;
const ADAPTIVE_SPINS: u32 = 400;

/// A deadline for a timed lock, or the reason it is invalid. The reason is reported only if
/// the lock would have to wait (POSIX: the time need not be checked when the mutex is free).
pub type Timeout = Result<Deadline, Errno>;

/// A pthread mutex; see the module documentation.
#[repr(C)]
pub struct Mutex {
    state: AtomicU32,
    count: AtomicU32,
    owner: AtomicU32,
    /// glibc's `__nusers`, kept zero.
    nusers: AtomicU32,
    kind: AtomicU32,
    /// Where glibc has `__spins` and `__elision`: a robust mutex's [`CONSISTENT`],
    /// [`INCONSISTENT`] or [`NOT_RECOVERABLE`].
    health: AtomicU32,
    /// glibc's `__list`: a robust mutex's links in its owner's robust list.
    list: [AtomicUsize; 2],
}

const _: () = {
    assert!(size_of::<Mutex>() == size_of::<libc::pthread_mutex_t>());
    assert!(align_of::<Mutex>() == align_of::<libc::pthread_mutex_t>());
    assert!(core::mem::offset_of!(Mutex, owner) == 8);
    assert!(core::mem::offset_of!(Mutex, kind) == 16);
};

impl Mutex {
    /// An unlocked normal mutex: `PTHREAD_MUTEX_INITIALIZER`.
    pub const fn new() -> Mutex {
        Mutex::with_kind(NORMAL)
    }

    /// An unlocked mutex of the given `kind` bits (a static initialiser's value).
    pub const fn with_kind(kind: u32) -> Mutex {
        Mutex {
            state: AtomicU32::new(UNLOCKED),
            count: AtomicU32::new(0),
            owner: AtomicU32::new(0),
            nusers: AtomicU32::new(0),
            kind: AtomicU32::new(kind),
            health: AtomicU32::new(CONSISTENT),
            list: [AtomicUsize::new(0), AtomicUsize::new(0)],
        }
    }

    /// `pthread_mutex_init`: makes this an unlocked mutex of `kind` (see
    /// [`MutexAttr::kind`](super::mutex_attr::MutexAttr::kind)).
    pub fn init(&self, kind: u32) {
        // Relaxed: initialising races with no one; the program publishes the mutex to other
        // threads afterwards with its own synchronisation.
        self.state.store(UNLOCKED, Relaxed);
        self.count.store(0, Relaxed);
        self.owner.store(0, Relaxed);
        self.nusers.store(0, Relaxed);
        self.kind.store(kind, Relaxed);
        self.health.store(CONSISTENT, Relaxed);
        self.list[0].store(0, Relaxed);
        self.list[1].store(0, Relaxed);
    }

    /// `pthread_mutex_destroy`: `EBUSY` while locked.
    pub fn destroy(&self) -> Result<(), Errno> {
        // Relaxed: destroying a mutex that another thread is locking is undefined; this only
        // catches a mutex still held.
        if self.kind.load(Relaxed) != DESTROYED && self.state.load(Relaxed) != UNLOCKED {
            return Err(Errno::BUSY);
        }
        self.kind.store(DESTROYED, Relaxed);
        Ok(())
    }

    /// The `kind` bits (type and flags).
    #[inline]
    fn kind(&self) -> u32 {
        // Relaxed: see the module documentation (`kind` does not change while in use).
        self.kind.load(Relaxed)
    }

    /// The futex scope of a mutex of `kind`.
    #[inline]
    fn scope(kind: u32) -> Scope {
        Scope::from_pshared(kind & PSHARED != 0)
    }

    /// Whether the calling thread holds this mutex (meaningful for every kind).
    #[inline]
    pub fn held_by_me(&self) -> bool {
        // Relaxed: see the module documentation on `owner`.
        self.owner.load(Relaxed) == current_tid()
    }

    /// `pthread_mutex_lock`.
    #[inline]
    pub fn lock(&self) -> Result<(), Errno> {
        let kind = self.kind();
        // Acquire: see the module documentation.
        if kind == NORMAL && self.state.compare_exchange(UNLOCKED, LOCKED, Acquire, Relaxed).is_ok() {
            // Relaxed: see the module documentation on `owner`.
            self.owner.store(current_tid(), Relaxed);
            return Ok(());
        }
        if kind == RECURSIVE {
            return self.lock_recursive();
        }
        self.lock_slow(kind, None)
    }

    /// The common cases of a private recursive mutex, kept apart from the general path so
    /// that they stay short: taking it again, and taking it uncontended.
    #[inline(never)]
    fn lock_recursive(&self) -> Result<(), Errno> {
        let tid = current_tid();
        // Relaxed: see the module documentation on `owner`.
        if self.owner.load(Relaxed) == tid {
            return self.relock(RECURSIVE);
        }
        // Acquire: see the module documentation.
        if self.state.compare_exchange(UNLOCKED, LOCKED, Acquire, Relaxed).is_ok() {
            self.owner.store(tid, Relaxed);
            self.count.store(1, Relaxed);
            return Ok(());
        }
        self.lock_slow(RECURSIVE, None)
    }

    /// `pthread_mutex_timedlock`/`clocklock`: as `lock`, giving up with `ETIMEDOUT` at the
    /// deadline.
    pub fn lock_until(&self, deadline: Timeout) -> Result<(), Errno> {
        let kind = self.kind();
        if kind == NORMAL && self.state.compare_exchange(UNLOCKED, LOCKED, Acquire, Relaxed).is_ok() {
            self.owner.store(current_tid(), Relaxed);
            return Ok(());
        }
        self.lock_slow(kind, Some(deadline))
    }

    /// Every kind but an uncontended normal one: out of line, but not cold, since recursive
    /// and error-checking mutexes come here on every call.
    #[inline(never)]
    fn lock_slow(&self, kind: u32, deadline: Option<Timeout>) -> Result<(), Errno> {
        if kind & !VALID_KIND != 0 {
            return Err(Errno::INVAL);
        }
        if kind & ROBUST != 0 {
            return self.lock_robust(kind, deadline);
        }
        let tid = current_tid();
        let ty = kind & TYPE_MASK;
        // Relaxed: see the module documentation on `owner`.
        if (ty == RECURSIVE || ty == ERRORCHECK) && self.owner.load(Relaxed) == tid {
            return self.relock(ty);
        }
        let scope = Self::scope(kind);
        if kind & PRIO_INHERIT != 0 {
            self.acquire_pi(tid, scope, deadline)?;
        } else if self.state.compare_exchange(UNLOCKED, LOCKED, Acquire, Relaxed).is_err() {
            // Acquire: see the module documentation.
            let spins = if ty == ADAPTIVE { ADAPTIVE_SPINS } else { SPINS };
            self.acquire(scope, spins, deadline)?;
        }
        self.owner.store(tid, Relaxed);
        if ty == RECURSIVE {
            self.count.store(1, Relaxed);
        }
        Ok(())
    }

    /// Locking again a recursive or error-checking mutex the caller holds.
    fn relock(&self, ty: u32) -> Result<(), Errno> {
        if ty == ERRORCHECK {
            return Err(Errno::DEADLK);
        }
        // Relaxed: only the owner touches `count`.
        let count = self.count.load(Relaxed);
        if count == u32::MAX {
            return Err(Errno::AGAIN);
        }
        self.count.store(count + 1, Relaxed);
        Ok(())
    }

    /// The contended path of the ordinary kinds.
    #[cold]
    fn acquire(&self, scope: Scope, spins: u32, deadline: Option<Timeout>) -> Result<(), Errno> {
        let spins = super::cpus::spins(spins);
        let mut state = self.spin(spins);
        if state == UNLOCKED {
            // Acquire: see the module documentation.
            match self.state.compare_exchange(UNLOCKED, LOCKED, Acquire, Relaxed) {
                Ok(_) => return Ok(()),
                Err(s) => state = s,
            }
        }
        let deadline = deadline.transpose()?;
        loop {
            // Acquire: the swap that finds UNLOCKED takes the mutex. Skipping the write when
            // the word is already CONTENDED spares the cache line.
            if state != CONTENDED && self.state.swap(CONTENDED, Acquire) == UNLOCKED {
                return Ok(());
            }
            if futex::wait_until(&self.state, CONTENDED, scope, deadline.as_ref()) == Woken::TimedOut {
                return Err(Errno::TIMEDOUT);
            }
            state = self.spin(spins);
        }
    }

    /// Re-reads the word while it is held with nobody sleeping, at most `spins` times.
    fn spin(&self, mut spins: u32) -> u32 {
        loop {
            // Relaxed: only a hint; the CAS or swap that follows decides.
            let state = self.state.load(Relaxed);
            if (state != LOCKED && state != HANDOFF) || spins == 0 {
                return state;
            }
            core::hint::spin_loop();
            spins -= 1;
        }
    }

    fn acquire_pi(&self, tid: u32, scope: Scope, deadline: Option<Timeout>) -> Result<(), Errno> {
        // Acquire: see the module documentation.
        if self.state.compare_exchange(0, tid, Acquire, Relaxed).is_ok() {
            return Ok(());
        }
        let deadline = deadline.transpose()?;
        // The kernel's acquisition is a full barrier, as Acquire needs.
        futex::pi::lock(&self.state, scope, deadline.as_ref())
    }

    /// `pthread_mutex_trylock`: `EBUSY` when another thread holds the mutex (or the caller
    /// holds a non-recursive one).
    #[inline]
    pub fn try_lock(&self) -> Result<(), Errno> {
        let kind = self.kind();
        if kind == NORMAL {
            // Acquire: see the module documentation.
            return match self.state.compare_exchange(UNLOCKED, LOCKED, Acquire, Relaxed) {
                Ok(_) => {
                    self.owner.store(current_tid(), Relaxed);
                    Ok(())
                }
                Err(_) => Err(Errno::BUSY),
            };
        }
        self.try_lock_slow(kind)
    }

    #[inline(never)]
    fn try_lock_slow(&self, kind: u32) -> Result<(), Errno> {
        if kind & !VALID_KIND != 0 {
            return Err(Errno::INVAL);
        }
        if kind & ROBUST != 0 {
            return self.try_lock_robust(kind);
        }
        let tid = current_tid();
        let ty = kind & TYPE_MASK;
        // Relaxed: see the module documentation on `owner`.
        if self.owner.load(Relaxed) == tid {
            match ty {
                RECURSIVE => return self.relock(ty),
                // glibc's answer for a priority-inheritance mutex, which the kernel would give.
                ERRORCHECK if kind & PRIO_INHERIT != 0 => return Err(Errno::DEADLK),
                _ => {}
            }
        }
        let free = if kind & PRIO_INHERIT != 0 { 0 } else { UNLOCKED };
        let held = if kind & PRIO_INHERIT != 0 { tid } else { LOCKED };
        // Acquire: see the module documentation.
        if self.state.compare_exchange(free, held, Acquire, Relaxed).is_err() {
            return Err(Errno::BUSY);
        }
        self.owner.store(tid, Relaxed);
        if ty == RECURSIVE {
            self.count.store(1, Relaxed);
        }
        Ok(())
    }

    /// `pthread_mutex_unlock`: `EPERM` when the caller does not hold a recursive,
    /// error-checking or priority-inheritance mutex (a normal one is not checked, as in glibc).
    #[inline]
    pub fn unlock(&self) -> Result<(), Errno> {
        let kind = self.kind();
        if kind == NORMAL {
            // Relaxed: see the module documentation on `owner`.
            self.owner.store(0, Relaxed);
            // Release: see the module documentation.
            let old = self.state.swap(UNLOCKED, Release);
            if old != LOCKED {
                self.wake(old, Scope::Private);
            }
            return Ok(());
        }
        if kind == RECURSIVE {
            return self.unlock_recursive();
        }
        self.unlock_slow(kind)
    }

    /// Unlocking a private recursive mutex (see `lock_recursive`).
    #[inline(never)]
    fn unlock_recursive(&self) -> Result<(), Errno> {
        if !self.held_by_me() {
            return Err(Errno::PERM);
        }
        if self.unlock_nested() {
            return Ok(());
        }
        self.clear_owner();
        // Release: see the module documentation.
        let old = self.state.swap(UNLOCKED, Release);
        if old != LOCKED {
            self.wake(old, Scope::Private);
        }
        Ok(())
    }

    /// The unlock slow path, after the word was released holding `old` (2 or 3).
    #[cold]
    #[inline(never)]
    fn wake(&self, old: u32, scope: Scope) {
        if old == CONTENDED {
            // One thread: when it takes the mutex it leaves the word CONTENDED, so it wakes
            // the next one in turn.
            futex::wake_in(&self.state, 1, scope);
        }
        handoff::release(self);
    }

    /// After `pthread_cond_wait` took this mutex again: lets signals made while the caller
    /// holds it defer their wake to its unlock (see `handoff.rs`). Ordinary private kinds only.
    pub fn adopt_for_handoff(&self) {
        if self.kind() & (ROBUST | PRIO_INHERIT | PSHARED) == 0 && handoff::adopt(self) {
            // Relaxed: only the owner turns LOCKED into HANDOFF; if this fails the word is
            // CONTENDED, whose unlock takes the slow path as well.
            let _ = self.state.compare_exchange(LOCKED, HANDOFF, Relaxed, Relaxed);
        }
    }

    #[inline(never)]
    fn unlock_slow(&self, kind: u32) -> Result<(), Errno> {
        if kind & !VALID_KIND != 0 {
            return Err(Errno::INVAL);
        }
        if kind & ROBUST != 0 {
            return self.unlock_robust(kind);
        }
        let ty = kind & TYPE_MASK;
        let pi = kind & PRIO_INHERIT != 0;
        if (ty == RECURSIVE || ty == ERRORCHECK || pi) && !self.held_by_me() {
            return Err(Errno::PERM);
        }
        if ty == RECURSIVE && self.unlock_nested() {
            return Ok(());
        }
        self.clear_owner();
        let scope = Self::scope(kind);
        if pi {
            let tid = current_tid();
            // Release: see the module documentation.
            if self.state.compare_exchange(tid, 0, Release, Relaxed).is_err() {
                return futex::pi::unlock(&self.state, scope);
            }
        } else {
            let old = self.state.swap(UNLOCKED, Release);
            if old != LOCKED {
                self.wake(old, scope);
            }
        }
        Ok(())
    }
}

/// Accessors for the robust paths (`mutex_robust.rs`).
impl Mutex {
    pub(super) fn word(&self) -> &AtomicU32 {
        &self.state
    }

    pub(super) fn health(&self) -> &AtomicU32 {
        &self.health
    }

    pub(super) fn kind_bits(&self) -> u32 {
        self.kind()
    }

    /// Records the calling thread, `tid`, as the owner, holding it once.
    pub(super) fn set_owner(&self, tid: u32, recursive: bool) {
        // Relaxed: see the module documentation on `owner`.
        self.owner.store(tid, Relaxed);
        if recursive {
            self.count.store(1, Relaxed);
        }
    }

    pub(super) fn clear_owner(&self) {
        // Relaxed: see the module documentation on `owner`.
        self.count.store(0, Relaxed);
        self.owner.store(0, Relaxed);
    }

    pub(super) fn relock_recursive(&self) -> Result<(), Errno> {
        self.relock(RECURSIVE)
    }

    /// Drops one level of a recursive mutex held more than once; false if held once.
    pub(super) fn unlock_nested(&self) -> bool {
        // Relaxed: only the owner touches `count`.
        let count = self.count.load(Relaxed);
        if count > 1 {
            self.count.store(count - 1, Relaxed);
        }
        count > 1
    }
}

impl Default for Mutex {
    fn default() -> Self {
        Self::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use core::cell::UnsafeCell;
    use std::sync::Arc;

    struct Shared {
        mutex: Mutex,
        count: UnsafeCell<u64>,
    }
    // SAFETY: `count` is only touched with `mutex` held.
    unsafe impl Sync for Shared {}

    fn hammer(kind: u32, threads: usize, rounds: u64) {
        let shared = Arc::new(Shared { mutex: Mutex::with_kind(kind), count: UnsafeCell::new(0) });
        let handles: std::vec::Vec<_> = (0..threads)
            .map(|i| {
                let shared = shared.clone();
                std::thread::spawn(move || {
                    for n in 0..rounds {
                        if i % 2 == 1 && n % 3 == 0 {
                            while shared.mutex.try_lock().is_err() {}
                        } else {
                            shared.mutex.lock().unwrap();
                        }
                        if kind & TYPE_MASK == RECURSIVE {
                            shared.mutex.lock().unwrap();
                            shared.mutex.unlock().unwrap();
                        }
                        // SAFETY: the mutex is held.
                        unsafe { *shared.count.get() += 1 };
                        shared.mutex.unlock().unwrap();
                    }
                })
            })
            .collect();
        for h in handles {
            h.join().unwrap();
        }
        // SAFETY: every writer has been joined.
        assert_eq!(unsafe { *shared.count.get() }, threads as u64 * rounds);
        assert_eq!(shared.mutex.state.load(Relaxed), UNLOCKED);
        assert_eq!(shared.mutex.owner.load(Relaxed), 0);
    }

    #[test]
    fn no_lost_increments_every_kind() {
        for kind in [NORMAL, RECURSIVE, ERRORCHECK, ADAPTIVE, NORMAL | PSHARED, ERRORCHECK | PRIO_INHERIT, ROBUST, RECURSIVE | ROBUST] {
            hammer(kind, 4, 20_000);
        }
    }

    #[test]
    fn ownership_errors() {
        let m = Mutex::with_kind(ERRORCHECK);
        m.lock().unwrap();
        assert_eq!(m.lock(), Err(Errno::DEADLK));
        assert_eq!(m.try_lock(), Err(Errno::BUSY));
        assert_eq!(m.destroy(), Err(Errno::BUSY));
        std::thread::scope(|s| {
            s.spawn(|| assert_eq!(m.unlock(), Err(Errno::PERM)));
        });
        m.unlock().unwrap();
        assert_eq!(m.unlock(), Err(Errno::PERM));
        m.destroy().unwrap();
        assert_eq!(m.lock(), Err(Errno::INVAL));
    }

    #[test]
    fn recursion_counts() {
        let m = Mutex::with_kind(RECURSIVE);
        for _ in 0..3 {
            m.lock().unwrap();
        }
        m.try_lock().unwrap();
        m.count.store(u32::MAX, Relaxed);
        assert_eq!(m.lock(), Err(Errno::AGAIN));
        m.count.store(4, Relaxed);
        for _ in 0..4 {
            m.unlock().unwrap();
        }
        assert_eq!(m.unlock(), Err(Errno::PERM));
    }

    #[test]
    fn timed_lock_times_out() {
        use super::futex::Clock;
        let m = Mutex::new();
        m.lock().unwrap();
        std::thread::scope(|s| {
            s.spawn(|| {
                let now = Clock::Monotonic.now();
                let soon = Deadline::new(Clock::Monotonic, now.tv_sec, now.tv_nsec);
                assert_eq!(m.lock_until(soon), Err(Errno::TIMEDOUT));
                assert_eq!(m.lock_until(Err(Errno::INVAL)), Err(Errno::INVAL));
            });
        });
        m.unlock().unwrap();
        // Free: the invalid time is not looked at.
        assert_eq!(m.lock_until(Err(Errno::INVAL)), Ok(()));
    }
}
