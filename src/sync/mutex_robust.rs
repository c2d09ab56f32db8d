//! Robust mutexes: the [`Mutex`] paths for kind [`ROBUST`].
//!
//! # The word
//! As the kernel requires for robust futexes, the word holds the owner's TID (0 when free),
//! plus `FUTEX_WAITERS` once a thread may sleep on it. When the owner dies holding it, the
//! kernel (walking the owner's [`robust`](super::robust) list) replaces the TID with
//! `FUTEX_OWNER_DIED` and wakes one waiter: a word whose TID bits are zero is free to take, and
//! taking one with `FUTEX_OWNER_DIED` is `EOWNERDEAD`. The mutex is then `INCONSISTENT` until
//! `pthread_mutex_consistent`; unlocking it inconsistent makes it `NOT_RECOVERABLE` for good.
//! Robust mutexes sleep on shared futexes whatever their process-shared setting, since that
//! is how the kernel wakes a waiter of a dead owner.
//!
//! # Priority inheritance
//! A robust mutex with [`PRIO_INHERIT`] keeps the same word, which is then also a PI futex:
//! a free word (0) is taken by CAS; any other goes through the kernel (`FUTEX_LOCK_PI`,
//! `FUTEX_TRYLOCK_PI`), which lends the caller's priority to the owner, and which, when the
//! owner died, hands the word over as the new TID with `FUTEX_OWNER_DIED` kept: the new owner
//! clears that bit and reports `EOWNERDEAD`. Unlock CASes TID -> 0, or else (waiters)
//! `FUTEX_UNLOCK_PI`. Its robust-list entries are tagged as PI (see `robust.rs`).
//!
//! # Orderings
//! As for the other kinds: the CAS that takes the word is Acquire, the swap that frees it
//! Release; `health` is written by the owner before its Release swap and read after an
//! Acquire take, so a waiter that takes a mutex made not recoverable sees that it was.

use super::current_tid;
use super::futex::{self, Deadline, Scope, Woken, pi};
use super::mutex::{CONSISTENT, INCONSISTENT, Mutex, NOT_RECOVERABLE, PRIO_INHERIT, RECURSIVE, ROBUST, TYPE_MASK, Timeout};
use super::robust::{self, LINK_OFFSET, Link};
use core::sync::atomic::Ordering::{Acquire, Relaxed, Release};
use rustix::io::Errno;

/// How a robust acquisition went.
enum Taken {
    Clean,
    /// The previous owner died holding the mutex.
    OwnerDied,
}

impl Mutex {
    /// The mutex's link words in its owner's robust list.
    fn link(&self) -> *mut Link {
        // SAFETY: in bounds of `self` (a 40-byte mutex), where the link words are.
        unsafe { (self as *const Mutex).cast::<u8>().offset(LINK_OFFSET).cast_mut().cast() }
    }

    pub(super) fn lock_robust(&self, kind: u32, deadline: Option<Timeout>) -> Result<(), Errno> {
        let tid = current_tid();
        if self.held_by_me() {
            // A normal robust mutex would deadlock here; report it instead.
            return if kind & TYPE_MASK == RECURSIVE { self.relock_recursive() } else { Err(Errno::DEADLK) };
        }
        if kind & PRIO_INHERIT != 0 {
            return self.take_robust(kind, tid, |m| m.acquire_robust_pi(tid, deadline.transpose()));
        }
        self.take_robust(kind, tid, |m| m.acquire_robust(tid, deadline.transpose()))
    }

    /// The priority-inheritance take: CAS a free word, else let the kernel queue us.
    fn acquire_robust_pi(&self, tid: u32, deadline: Result<Option<Deadline>, Errno>) -> Result<Taken, Errno> {
        // Acquire: see the module documentation.
        if self.word().compare_exchange(0, tid, Acquire, Relaxed).is_ok() {
            return Ok(Taken::Clean);
        }
        // The kernel's acquisition is a full barrier, as Acquire needs.
        pi::lock(self.word(), Scope::Shared, deadline?.as_ref())?;
        Ok(self.claim_pi())
    }

    /// Once the kernel made us the owner: an owner that died leaves `FUTEX_OWNER_DIED`.
    fn claim_pi(&self) -> Taken {
        // Relaxed: we own the word; only the kernel may add FUTEX_WAITERS meanwhile.
        if self.word().fetch_and(!pi::OWNER_DIED, Relaxed) & pi::OWNER_DIED != 0 { Taken::OwnerDied } else { Taken::Clean }
    }

    pub(super) fn try_lock_robust(&self, kind: u32) -> Result<(), Errno> {
        let tid = current_tid();
        if self.held_by_me() {
            return match kind & TYPE_MASK {
                RECURSIVE => self.relock_recursive(),
                super::mutex::ERRORCHECK => Err(Errno::DEADLK),
                _ => Err(Errno::BUSY),
            };
        }
        if kind & PRIO_INHERIT != 0 {
            return self.take_robust(kind, tid, |m| {
                // Acquire: see the module documentation.
                match m.word().compare_exchange(0, tid, Acquire, Relaxed) {
                    Ok(_) => Ok(Taken::Clean),
                    // A dead owner's word (no TID) is the kernel's to hand over.
                    Err(w) if w & pi::TID_MASK == 0 => pi::trylock(m.word(), Scope::Shared).map(|()| m.claim_pi()),
                    Err(_) => Err(Errno::BUSY),
                }
            });
        }
        self.take_robust(kind, tid, |m| {
            // Relaxed: a guess for the CAS.
            let word = m.word().load(Relaxed);
            if word & pi::TID_MASK != 0 {
                return Err(Errno::BUSY);
            }
            // Acquire: see the module documentation.
            match m.word().compare_exchange(word, tid | (word & pi::WAITERS), Acquire, Relaxed) {
                Ok(_) => Ok(if word & pi::OWNER_DIED != 0 { Taken::OwnerDied } else { Taken::Clean }),
                Err(_) => Err(Errno::BUSY),
            }
        })
    }

    /// Takes the mutex with `take`, keeping the robust list right around it.
    fn take_robust(
        &self,
        kind: u32,
        tid: u32,
        take: impl FnOnce(&Mutex) -> Result<Taken, Errno>,
    ) -> Result<(), Errno> {
        // Relaxed: only the owner writes `health`; a stale CONSISTENT is caught after taking.
        if self.health().load(Relaxed) == NOT_RECOVERABLE {
            return Err(Errno::NOTRECOVERABLE);
        }
        let pi = kind & PRIO_INHERIT != 0;
        let list = robust::current(tid);
        if let Some(list) = list {
            list.set_pending(self.link(), pi);
        }
        let taken = take(self);
        if let Ok(how) = &taken {
            // Relaxed: read after the Acquire take; see the module documentation.
            if self.health().load(Relaxed) == NOT_RECOVERABLE {
                self.release_robust(kind, true);
                if let Some(list) = list {
                    list.clear_pending();
                }
                return Err(Errno::NOTRECOVERABLE);
            }
            if let Some(list) = list {
                // SAFETY: the calling thread has just acquired the mutex.
                unsafe { list.push(self.link(), pi) };
            }
            self.set_owner(tid, kind & TYPE_MASK == RECURSIVE);
            if let Taken::OwnerDied = how {
                self.health().store(INCONSISTENT, Relaxed);
            }
        }
        if let Some(list) = list {
            list.clear_pending();
        }
        match taken? {
            Taken::Clean => Ok(()),
            Taken::OwnerDied => Err(Errno::OWNERDEAD),
        }
    }

    /// The contended path: sleep on the (shared) word until it is free or its owner died.
    fn acquire_robust(&self, tid: u32, deadline: Result<Option<Deadline>, Errno>) -> Result<Taken, Errno> {
        // Once we have slept, other threads may sleep too: keep their bit when we take it.
        let mut waiters = 0;
        // Relaxed: a guess for the CAS.
        let mut word = self.word().load(Relaxed);
        loop {
            if word & pi::TID_MASK == 0 {
                let new = tid | (word & pi::WAITERS) | waiters;
                // Acquire: see the module documentation.
                match self.word().compare_exchange(word, new, Acquire, Relaxed) {
                    Ok(_) => return Ok(if word & pi::OWNER_DIED != 0 { Taken::OwnerDied } else { Taken::Clean }),
                    Err(w) => {
                        word = w;
                        continue;
                    }
                }
            }
            if word & pi::WAITERS == 0 {
                // Relaxed: the futex wait compares the word itself.
                if let Err(w) = self.word().compare_exchange(word, word | pi::WAITERS, Relaxed, Relaxed) {
                    word = w;
                    continue;
                }
            }
            let d = deadline?;
            if futex::wait_until(self.word(), word | pi::WAITERS, Scope::Shared, d.as_ref()) == Woken::TimedOut {
                return Err(Errno::TIMEDOUT);
            }
            waiters = pi::WAITERS;
            word = self.word().load(Relaxed);
        }
    }

    pub(super) fn unlock_robust(&self, kind: u32) -> Result<(), Errno> {
        if !self.held_by_me() {
            return Err(Errno::PERM);
        }
        if kind & TYPE_MASK == RECURSIVE && self.unlock_nested() {
            return Ok(());
        }
        let list = robust::current(current_tid());
        if let Some(list) = list {
            list.set_pending(self.link(), kind & PRIO_INHERIT != 0);
            // SAFETY: the mutex was pushed when this thread took it.
            unsafe { list.remove(self.link()) };
        }
        // Relaxed: only the owner writes `health`; the Release swap below publishes it.
        let give_up = self.health().load(Relaxed) == INCONSISTENT;
        if give_up {
            self.health().store(NOT_RECOVERABLE, Relaxed);
        }
        self.clear_owner();
        self.release_robust(kind, give_up);
        if let Some(list) = list {
            list.clear_pending();
        }
        Ok(())
    }

    /// Frees the word and wakes one waiter, or all of them when the mutex is not recoverable
    /// (a priority-inheritance one hands it to the next waiter, which then passes it on).
    fn release_robust(&self, kind: u32, everyone: bool) {
        if kind & PRIO_INHERIT != 0 {
            // Release: see the module documentation. FUTEX_UNLOCK_PI fails only for a word we
            // do not own, which the callers rule out.
            if self.word().compare_exchange(current_tid(), 0, Release, Relaxed).is_err() {
                let _ = pi::unlock(self.word(), Scope::Shared);
            }
            return;
        }
        // Release: see the module documentation.
        if self.word().swap(0, Release) & pi::WAITERS != 0 {
            let count = if everyone { i32::MAX as u32 } else { 1 };
            futex::wake_in(self.word(), count, Scope::Shared);
        }
    }

    /// `pthread_mutex_consistent`: `EINVAL` unless this is a robust mutex that the caller
    /// holds after `EOWNERDEAD`.
    pub fn make_consistent(&self) -> Result<(), Errno> {
        // Relaxed: `kind` is fixed while in use; `health` is the owner's.
        if self.kind_bits() & ROBUST == 0 || !self.held_by_me() || self.health().load(Relaxed) != INCONSISTENT {
            return Err(Errno::INVAL);
        }
        self.health().store(CONSISTENT, Relaxed);
        Ok(())
    }
}
