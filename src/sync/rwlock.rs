//! The pthread read-write lock, in glibc's 56-byte `pthread_rwlock_t`.
//!
//! # Words
//! - `state` (offset 0): in bits 0..=29 the number of readers, or [`WRITE_LOCKED`] (all those
//!   bits set) while a writer holds the lock; bit 30 [`READERS_WAITING`] and bit 31
//!   [`WRITERS_WAITING`] say that threads may sleep. Readers sleep on this word.
//! - `writer_notify` (offset 4): writers sleep on it; a waker adds one before waking a writer.
//! - `cur_writer` (offset 24, glibc's `__cur_writer`): the TID of the writer, for `EDEADLK`.
//! - `shared` (offset 28, `__shared`): 1 for `PTHREAD_PROCESS_SHARED`.
//! - `kind` (offset 48, `__flags`): the preference, as `PTHREAD_RWLOCK_*_NP` and glibc's
//!   static `PTHREAD_RWLOCK_WRITER_NONRECURSIVE_INITIALIZER_NP` write it. All-zero is an
//!   unlocked, private lock that prefers readers.
//!
//! # Preference
//! Preferring readers (the default, and glibc's `PREFER_WRITER_NP`), a reader takes the lock
//! whenever no writer holds it, so a thread may read-lock recursively; writers may starve.
//! Preferring writers (`PREFER_WRITER_NONRECURSIVE_NP`), a reader also waits while a writer
//! waits, and a writer's unlock wakes the next writer before any reader.
//!
//! # Orderings
//! Taking the lock (readers' CAS, writers' CAS) is Acquire and releasing it (`fetch_sub`) is
//! Release, so each holder sees what the previous writer wrote. A sleeping writer reads
//! `writer_notify` (Acquire) and then re-checks `state` before sleeping; a waker changes
//! `state` and then increments `writer_notify` (Release): either the writer sees the new
//! `state` and does not sleep, or its futex sees a changed `writer_notify` and returns. Readers
//! sleep on `state` itself, so the futex compares the very word a waker changes.
//!
//! A waiter that times out may leave a waiting bit set with nobody behind it; the next waker
//! then wakes nobody and moves on to the other kind of waiter, so no one sleeps forever.

use super::current_tid;
use super::futex::{self, Deadline, Pshared, Scope, Woken};
use core::sync::atomic::AtomicU32;
use core::sync::atomic::Ordering::{Acquire, Relaxed, Release};
use rustix::io::Errno;

/// The reader-count bits; all of them set means write-locked.
const MASK: u32 = (1 << 30) - 1;
/// `state` of a write-locked lock (plus the waiting bits).
pub const WRITE_LOCKED: u32 = MASK;
/// The most readers at once; one more is `EAGAIN`.
pub const MAX_READERS: u32 = MASK - 1;
/// Readers may sleep on `state`.
pub const READERS_WAITING: u32 = 1 << 30;
/// Writers may sleep on `writer_notify`.
pub const WRITERS_WAITING: u32 = 1 << 31;

/// `PTHREAD_RWLOCK_PREFER_READER_NP`.
pub const PREFER_READER: u32 = 0;
/// `PTHREAD_RWLOCK_PREFER_WRITER_NP`: glibc treats it as preferring readers, and so do we.
pub const PREFER_WRITER: u32 = 1;
/// `PTHREAD_RWLOCK_PREFER_WRITER_NONRECURSIVE_NP`.
pub const PREFER_WRITER_NONRECURSIVE: u32 = 2;

/// How many times a waiting thread re-reads a write-locked word before sleeping (none with a
/// single CPU: see [`cpus`](super::cpus)).
const SPINS: u32 = 100;

/// A read-write lock; see the module documentation.
#[repr(C)]
pub struct RwLock {
    state: AtomicU32,
    writer_notify: AtomicU32,
    reserved0: [AtomicU32; 4],
    cur_writer: AtomicU32,
    shared: AtomicU32,
    reserved1: [AtomicU32; 4],
    kind: AtomicU32,
    reserved2: AtomicU32,
}

const _: () = {
    assert!(size_of::<RwLock>() == size_of::<libc::pthread_rwlock_t>());
    assert!(align_of::<RwLock>() <= align_of::<libc::pthread_rwlock_t>());
    assert!(core::mem::offset_of!(RwLock, cur_writer) == 24);
    assert!(core::mem::offset_of!(RwLock, shared) == 28);
    assert!(core::mem::offset_of!(RwLock, kind) == 48);
};

#[inline]
fn is_unlocked(state: u32) -> bool {
    state & MASK == 0
}

#[inline]
fn is_write_locked(state: u32) -> bool {
    state & MASK == WRITE_LOCKED
}

impl RwLock {
    /// An unlocked lock of the given preference (`PTHREAD_RWLOCK_INITIALIZER` is 0).
    pub const fn new(kind: u32) -> RwLock {
        RwLock {
            state: AtomicU32::new(0),
            writer_notify: AtomicU32::new(0),
            reserved0: [const { AtomicU32::new(0) }; 4],
            cur_writer: AtomicU32::new(0),
            shared: AtomicU32::new(0),
            reserved1: [const { AtomicU32::new(0) }; 4],
            kind: AtomicU32::new(kind),
            reserved2: AtomicU32::new(0),
        }
    }

    /// `pthread_rwlock_init`.
    pub fn init(&self, attr: &RwLockAttr) {
        // Relaxed: initialising races with no one; the program publishes the object itself.
        self.state.store(0, Relaxed);
        self.writer_notify.store(0, Relaxed);
        self.cur_writer.store(0, Relaxed);
        self.shared.store(attr.pshared.pshared() as u32, Relaxed);
        self.kind.store(attr.kind as u32, Relaxed);
    }

    /// `pthread_rwlock_destroy`: `EBUSY` while held.
    pub fn destroy(&self) -> Result<(), Errno> {
        // Relaxed: destroying a lock in use by another thread is undefined; this catches a
        // lock still held.
        if !is_unlocked(self.state.load(Relaxed)) {
            return Err(Errno::BUSY);
        }
        Ok(())
    }

    #[inline]
    fn scope(&self) -> Scope {
        // Relaxed: `shared` only changes in `init`, before the lock is in use.
        Scope::from_pshared(self.shared.load(Relaxed) != 0)
    }

    #[inline]
    fn prefers_writers(&self) -> bool {
        // Relaxed: as in `scope`.
        self.kind.load(Relaxed) == PREFER_WRITER_NONRECURSIVE
    }

    /// Whether a reader may take the lock in `state` now.
    #[inline]
    fn read_lockable(&self, state: u32) -> bool {
        state & MASK < MAX_READERS
            && (state & (READERS_WAITING | WRITERS_WAITING) == 0 || !self.prefers_writers())
    }

    /// `pthread_rwlock_rdlock`/`timedrdlock`/`clockrdlock`.
    #[inline]
    pub fn read(&self, deadline: Option<&Deadline>) -> Result<(), Errno> {
        // Relaxed: only a guess for the CAS.
        let state = self.state.load(Relaxed);
        // Below MAX_READERS: not write-locked, not full, no waiting bits (readable for every
        // preference). Acquire: see the module documentation.
        if state < MAX_READERS && self.state.compare_exchange_weak(state, state + 1, Acquire, Relaxed).is_ok() {
            return Ok(());
        }
        self.read_contended(deadline)
    }

    /// `pthread_rwlock_tryrdlock`: `EBUSY` when a reader would have to wait, `EAGAIN` when
    /// the count of readers is at its maximum.
    pub fn try_read(&self) -> Result<(), Errno> {
        // Relaxed: only a guess for the CAS.
        let mut state = self.state.load(Relaxed);
        loop {
            if state & MASK == MAX_READERS {
                return Err(Errno::AGAIN);
            }
            if !self.read_lockable(state) {
                return Err(Errno::BUSY);
            }
            // Acquire: see the module documentation.
            match self.state.compare_exchange_weak(state, state + 1, Acquire, Relaxed) {
                Ok(_) => return Ok(()),
                Err(s) => state = s,
            }
        }
    }

    #[cold]
    fn read_contended(&self, deadline: Option<&Deadline>) -> Result<(), Errno> {
        let scope = self.scope();
        let mut state = self.spin_read();
        loop {
            if self.read_lockable(state) {
                // Acquire: see the module documentation.
                match self.state.compare_exchange_weak(state, state + 1, Acquire, Relaxed) {
                    Ok(_) => return Ok(()),
                    Err(s) => {
                        state = s;
                        continue;
                    }
                }
            }
            if state & MASK == MAX_READERS {
                return Err(Errno::AGAIN);
            }
            // Relaxed: see the module documentation on `owner` in the mutex: only we write
            // our own TID there.
            if is_write_locked(state) && self.cur_writer.load(Relaxed) == current_tid() {
                return Err(Errno::DEADLK);
            }
            // Make sure the waker will know to wake us.
            if state & READERS_WAITING == 0 {
                // Relaxed: the futex wait that follows compares the word itself.
                if let Err(s) = self.state.compare_exchange(state, state | READERS_WAITING, Relaxed, Relaxed) {
                    state = s;
                    continue;
                }
            }
            let woken = futex::wait_until(&self.state, state | READERS_WAITING, scope, deadline);
            if woken == Woken::TimedOut {
                return Err(Errno::TIMEDOUT);
            }
            state = self.spin_read();
        }
    }

    /// Re-reads a write-locked word with nobody waiting, a few times.
    fn spin_read(&self) -> u32 {
        self.spin_until(|state| !is_write_locked(state) || state & (READERS_WAITING | WRITERS_WAITING) != 0)
    }

    fn spin_write(&self) -> u32 {
        self.spin_until(|state| is_unlocked(state) || state & WRITERS_WAITING != 0)
    }

    fn spin_until(&self, done: impl Fn(u32) -> bool) -> u32 {
        let mut spins = super::cpus::spins(SPINS);
        loop {
            // Relaxed: only a hint; the CAS that follows decides.
            let state = self.state.load(Relaxed);
            if done(state) || spins == 0 {
                return state;
            }
            core::hint::spin_loop();
            spins -= 1;
        }
    }

    /// `pthread_rwlock_wrlock`/`timedwrlock`/`clockwrlock`.
    #[inline]
    pub fn write(&self, deadline: Option<&Deadline>) -> Result<(), Errno> {
        // Acquire: see the module documentation.
        if self.state.compare_exchange_weak(0, WRITE_LOCKED, Acquire, Relaxed).is_err() {
            self.write_contended(deadline)?;
        }
        // Relaxed: read only by this thread's own later calls (see `read_contended`).
        self.cur_writer.store(current_tid(), Relaxed);
        Ok(())
    }

    /// `pthread_rwlock_trywrlock`: `EBUSY` when held.
    pub fn try_write(&self) -> Result<(), Errno> {
        // Relaxed: only a guess for the CAS.
        let mut state = self.state.load(Relaxed);
        while is_unlocked(state) {
            // Acquire: see the module documentation.
            match self.state.compare_exchange_weak(state, state | WRITE_LOCKED, Acquire, Relaxed) {
                Ok(_) => {
                    self.cur_writer.store(current_tid(), Relaxed);
                    return Ok(());
                }
                Err(s) => state = s,
            }
        }
        Err(Errno::BUSY)
    }

    #[cold]
    fn write_contended(&self, deadline: Option<&Deadline>) -> Result<(), Errno> {
        let scope = self.scope();
        let mut state = self.spin_write();
        // Once we have slept, other writers may sleep too: keep their bit when we take the lock.
        let mut other_writers_waiting = 0;
        loop {
            if is_unlocked(state) {
                // Acquire: see the module documentation.
                match self.state.compare_exchange_weak(
                    state,
                    state | WRITE_LOCKED | other_writers_waiting,
                    Acquire,
                    Relaxed,
                ) {
                    Ok(_) => return Ok(()),
                    Err(s) => {
                        state = s;
                        continue;
                    }
                }
            }
            if is_write_locked(state) && self.cur_writer.load(Relaxed) == current_tid() {
                return Err(Errno::DEADLK);
            }
            if state & WRITERS_WAITING == 0 {
                // Relaxed: the re-check below, after the Acquire load of `writer_notify`,
                // decides whether to sleep.
                if let Err(s) = self.state.compare_exchange(state, state | WRITERS_WAITING, Relaxed, Relaxed) {
                    state = s;
                    continue;
                }
            }
            other_writers_waiting = WRITERS_WAITING;
            // Acquire: see the module documentation.
            let seq = self.writer_notify.load(Acquire);
            state = self.state.load(Relaxed);
            if is_unlocked(state) || state & WRITERS_WAITING == 0 {
                continue;
            }
            if futex::wait_until(&self.writer_notify, seq, scope, deadline) == Woken::TimedOut {
                return Err(Errno::TIMEDOUT);
            }
            state = self.spin_write();
        }
    }

    /// `pthread_rwlock_unlock`: releases a read or the write lock; `EPERM` when the caller
    /// holds neither.
    #[inline]
    pub fn unlock(&self) -> Result<(), Errno> {
        // Relaxed: the caller holds the lock, so only the waiting bits can change under us.
        let state = self.state.load(Relaxed);
        if is_write_locked(state) {
            return self.write_unlock();
        }
        if is_unlocked(state) {
            return Err(Errno::PERM);
        }
        // Release: see the module documentation.
        let state = self.state.fetch_sub(1, Release) - 1;
        if is_unlocked(state) && state & (READERS_WAITING | WRITERS_WAITING) != 0 {
            self.wake_writer_or_readers();
        }
        Ok(())
    }

    fn write_unlock(&self) -> Result<(), Errno> {
        if self.cur_writer.load(Relaxed) != current_tid() {
            return Err(Errno::PERM);
        }
        self.cur_writer.store(0, Relaxed);
        // Release: see the module documentation.
        let state = self.state.fetch_sub(WRITE_LOCKED, Release) - WRITE_LOCKED;
        if state & (READERS_WAITING | WRITERS_WAITING) != 0 {
            self.wake_writer_or_readers();
        }
        Ok(())
    }

    /// The lock has just become free with a waiting bit set: wake the preferred kind of
    /// waiter, or the other kind if nobody of the preferred kind is asleep.
    #[cold]
    fn wake_writer_or_readers(&self) {
        let scope = self.scope();
        // Relaxed: the bits we clear below are read-modify-writes, which see the latest value.
        let state = self.state.load(Relaxed);
        let writers = state & WRITERS_WAITING != 0;
        let readers = state & READERS_WAITING != 0;
        if writers && (self.prefers_writers() || !readers) {
            // The writer we wake sets the bit again when it takes the lock.
            self.state.fetch_and(!WRITERS_WAITING, Relaxed);
            if self.wake_writer(scope) {
                return;
            }
        }
        if readers {
            // Relaxed: changing the word is what makes the readers' futex waits return.
            self.state.fetch_and(!READERS_WAITING, Relaxed);
            futex::wake_all(&self.state, scope);
            // Preferring readers, a waiting writer keeps its bit so the last reader wakes it;
            // wake one now too, in case every reader we woke had already timed out.
            if writers && !self.prefers_writers() {
                self.wake_writer(scope);
            }
        }
    }

    fn wake_writer(&self, scope: Scope) -> bool {
        // Release: see the module documentation.
        self.writer_notify.fetch_add(1, Release);
        futex::wake_in(&self.writer_notify, 1, scope)
    }
}

/// `pthread_rwlockattr_t` (8 bytes, as glibc's): the preference and the process-shared flag.
#[repr(C)]
#[derive(Clone, Copy, Default, Debug, PartialEq, Eq)]
pub struct RwLockAttr {
    kind: i32,
    /// The process-shared flag (`pthread_rwlockattr_setpshared`/`getpshared`).
    pub pshared: Pshared,
}

const _: () = {
    assert!(size_of::<RwLockAttr>() == size_of::<libc::pthread_rwlockattr_t>());
    assert!(align_of::<RwLockAttr>() <= align_of::<libc::pthread_rwlockattr_t>());
};

impl RwLockAttr {
    /// Prefer readers, private.
    pub const DEFAULT: RwLockAttr = RwLockAttr { kind: 0, pshared: Pshared::DEFAULT };

    pub fn kind(&self) -> i32 {
        self.kind
    }

    /// `pthread_rwlockattr_setkind_np`: one of the three `PTHREAD_RWLOCK_PREFER_*_NP`.
    pub fn set_kind(&mut self, kind: i32) -> Result<(), Errno> {
        if !(0..=PREFER_WRITER_NONRECURSIVE as i32).contains(&kind) {
            return Err(Errno::INVAL);
        }
        self.kind = kind;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use core::cell::UnsafeCell;
    use std::sync::Arc;

    struct Guarded {
        lock: RwLock,
        value: UnsafeCell<[u64; 2]>,
    }
    // SAFETY: `value` is written under the write lock and read under a read lock.
    unsafe impl Sync for Guarded {}

    /// Writers keep the two halves equal; readers must never see them differ, and no
    /// increment may be lost.
    fn hammer(kind: u32) {
        let g = Arc::new(Guarded { lock: RwLock::new(kind), value: UnsafeCell::new([0, 0]) });
        let handles: std::vec::Vec<_> = (0..4)
            .map(|i| {
                let g = g.clone();
                std::thread::spawn(move || {
                    for n in 0..20_000u32 {
                        if i % 2 == 0 || n % 8 == 0 {
                            g.lock.write(None).unwrap();
                            // SAFETY: write-locked.
                            unsafe {
                                let v = &mut *g.value.get();
                                v[0] += 1;
                                v[1] += 1;
                            }
                        } else {
                            g.lock.read(None).unwrap();
                            // Recursive read locks are fine when readers are preferred.
                            if kind != PREFER_WRITER_NONRECURSIVE {
                                g.lock.read(None).unwrap();
                                g.lock.unlock().unwrap();
                            }
                            // SAFETY: read-locked.
                            let v = unsafe { *g.value.get() };
                            assert_eq!(v[0], v[1]);
                        }
                        g.lock.unlock().unwrap();
                    }
                })
            })
            .collect();
        for h in handles {
            h.join().unwrap();
        }
        // SAFETY: every thread has been joined.
        let v = unsafe { *g.value.get() };
        assert_eq!(v[0], 2 * 20_000 + 2 * 20_000 / 8);
        assert!(is_unlocked(g.lock.state.load(Relaxed)));
    }

    #[test]
    fn readers_and_writers_exclude_each_other() {
        hammer(PREFER_READER);
        hammer(PREFER_WRITER_NONRECURSIVE);
    }

    #[test]
    fn errors() {
        let l = RwLock::new(PREFER_READER);
        assert_eq!(l.unlock(), Err(Errno::PERM));
        l.write(None).unwrap();
        assert_eq!(l.write(None), Err(Errno::DEADLK));
        assert_eq!(l.read(None), Err(Errno::DEADLK));
        assert_eq!(l.try_read(), Err(Errno::BUSY));
        assert_eq!(l.try_write(), Err(Errno::BUSY));
        assert_eq!(l.destroy(), Err(Errno::BUSY));
        l.unlock().unwrap();
        l.state.store(MAX_READERS, Relaxed);
        assert_eq!(l.try_read(), Err(Errno::AGAIN));
        assert_eq!(l.read(None), Err(Errno::AGAIN));
        l.state.store(0, Relaxed);
        l.destroy().unwrap();
    }

    /// A writer waiting on a prefer-writer lock holds new readers back.
    #[test]
    fn waiting_writer_blocks_new_readers() {
        let l = RwLock::new(PREFER_WRITER_NONRECURSIVE);
        l.read(None).unwrap();
        std::thread::scope(|s| {
            s.spawn(|| {
                l.write(None).unwrap();
                l.unlock().unwrap();
            });
            while l.state.load(Relaxed) & WRITERS_WAITING == 0 {
                std::thread::yield_now();
            }
            assert_eq!(l.try_read(), Err(Errno::BUSY));
            l.unlock().unwrap();
        });
        // Preferring readers, the same situation lets readers in.
        let l = RwLock::new(PREFER_READER);
        l.read(None).unwrap();
        std::thread::scope(|s| {
            s.spawn(|| {
                l.write(None).unwrap();
                l.unlock().unwrap();
            });
            while l.state.load(Relaxed) & WRITERS_WAITING == 0 {
                std::thread::yield_now();
            }
            l.try_read().unwrap();
            l.unlock().unwrap();
            l.unlock().unwrap();
        });
    }
}
