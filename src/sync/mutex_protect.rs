//! Priority-protection mutexes: the [`Mutex`] paths for kind [`PRIO_PROTECT`].
//!
//! The word keeps the ordinary states (see `mutex.rs`); the ceiling lives in `kind` (bits
//! [`CEILING_SHIFT`]..). Locking raises the caller's priority to the ceiling
//! ([`protect::raise`]) before it takes the word, so that it never waits at a lower
//! priority, and unlocking lowers it after the word is free. `setprioceiling` takes the word
//! without the protocol, changes the ceiling and frees it again; a locker that raised for the
//! old ceiling reads `kind` again once it holds the word (the Acquire take orders the read
//! after the setter's Release) and changes its boost to match.

use super::futex::Scope;
use super::mutex::{CEILING_MASK, CEILING_SHIFT, LOCKED, Mutex, PRIO_PROTECT, RECURSIVE, TYPE_MASK, UNLOCKED};
use super::protect::{self, MAX_CEILING, MIN_CEILING};
use core::sync::atomic::Ordering::{Acquire, Relaxed};
use rustix::io::Errno;

/// The ceiling in `kind`.
pub fn ceiling_of(kind: u32) -> u32 {
    (kind & CEILING_MASK) >> CEILING_SHIFT
}

impl Mutex {
    /// Takes the word with `take` at the mutex's ceiling.
    pub(super) fn lock_protected(&self, kind: u32, take: impl FnOnce(&Mutex) -> Result<(), Errno>) -> Result<(), Errno> {
        let ceiling = ceiling_of(kind);
        protect::raise(ceiling)?;
        if let Err(e) = take(self) {
            protect::lower(ceiling)?;
            return Err(e);
        }
        // Relaxed: after the Acquire take; see the module documentation.
        let now = ceiling_of(self.kind());
        if now != ceiling {
            protect::lower(ceiling)?;
            if let Err(e) = protect::raise(now) {
                self.release(Self::scope(kind));
                return Err(e);
            }
        }
        Ok(())
    }

    /// `trylock`'s take: `EBUSY` unless the word is free.
    pub(super) fn try_take(&self) -> Result<(), Errno> {
        // Acquire: see `mutex.rs`.
        match self.word().compare_exchange(UNLOCKED, LOCKED, Acquire, Relaxed) {
            Ok(_) => Ok(()),
            Err(_) => Err(Errno::BUSY),
        }
    }

    /// Frees the word, then drops the boost (the owner is cleared already).
    pub(super) fn unlock_protected(&self, kind: u32, scope: Scope) -> Result<(), Errno> {
        // Read before the word is free: only a holder may change the ceiling.
        let ceiling = ceiling_of(kind);
        self.release(scope);
        protect::lower(ceiling)
    }

    /// `pthread_mutex_getprioceiling`: `EINVAL` unless this is a priority-protection mutex.
    pub fn prioceiling(&self) -> Result<i32, Errno> {
        let kind = self.kind();
        if kind & PRIO_PROTECT == 0 || kind == u32::MAX {
            return Err(Errno::INVAL);
        }
        Ok(ceiling_of(kind) as i32)
    }

    /// `pthread_mutex_setprioceiling`: the old ceiling. `EINVAL` for another kind or a
    /// ceiling outside the `SCHED_FIFO` range; `EDEADLK` if the caller holds the mutex and
    /// it is not recursive (glibc's answer for an error-checking one; a normal one would
    /// deadlock there).
    pub fn set_prioceiling(&self, ceiling: i32) -> Result<i32, Errno> {
        let old = self.prioceiling()?;
        if !(MIN_CEILING as i32..=MAX_CEILING as i32).contains(&ceiling) {
            return Err(Errno::INVAL);
        }
        let kind = self.kind();
        let ceiling = ceiling as u32;
        if self.held_by_me() {
            if kind & TYPE_MASK != RECURSIVE {
                return Err(Errno::DEADLK);
            }
            protect::raise(ceiling)?;
            protect::lower(old as u32)?;
            self.set_ceiling(kind, ceiling);
            return Ok(old);
        }
        let scope = Self::scope(kind);
        self.take(kind & TYPE_MASK, scope, None)?;
        self.set_ceiling(kind, ceiling);
        self.release(scope);
        Ok(old)
    }

    fn set_ceiling(&self, kind: u32, ceiling: u32) {
        self.set_kind((kind & !CEILING_MASK) | (ceiling << CEILING_SHIFT));
    }
}
