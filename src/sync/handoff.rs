//! Condition-variable wakes handed off to the mutex's unlock.
//!
//! A thread that signals a condition variable while holding its mutex would wake a waiter
//! that can only block again on that mutex; on one CPU the woken thread often even preempts
//! the signaller to do so, and costs two extra context switches and two syscalls per
//! signal. Instead, such a wake is recorded in the signalling thread's [`Slot`] and made when
//! the mutex is released, so the waiter finds it free.
//!
//! # The slot
//! Each thread's control block holds one slot: `mutex`, an ordinary private mutex the
//! thread holds whose word is `HANDOFF` or `CONTENDED` (so that its unlock takes the slow
//! path, which calls [`release`]), or null; and `word`/`count`, the condition variable futex
//! to wake when `mutex` is released, or null. `Condvar::wait` adopts the mutex it has just
//! taken again (`Mutex::adopt_for_handoff`) if the slot is free; only the owning thread
//! reads or writes its slot, so plain cells do.
//!
//! # Why this is safe
//! - No wake is lost: a signal defers only when the slot names the very mutex the sleepers
//!   wait with (a pointer comparison; the mutex is not read). The slot names only a mutex the
//!   thread holds, and the sleepers cannot return before they get that mutex, which the
//!   thread's unlock hands over together with the wake.
//! - No use after free: the wake after the unlock is a `FUTEX_WAKE` syscall on the condition
//!   variable's (private) address, which reads no memory. Once the mutex is free a waiter may
//!   return and the program may destroy and reuse the condition variable; a wake on reused
//!   memory is at worst a spurious wake-up, which every futex waiter tolerates. Nothing here
//!   loads or stores through the condition variable after the mutex is released.

use super::futex::{self, Scope};
use super::mutex::Mutex;
use core::cell::Cell;
use core::sync::atomic::AtomicU32;

/// A thread's deferred wake; see the module documentation.
#[repr(C)]
pub struct Slot {
    mutex: Cell<*const Mutex>,
    word: Cell<*const AtomicU32>,
    count: Cell<u32>,
}

impl Slot {
    /// An empty slot (every control block starts zeroed).
    pub const fn zero() -> Slot {
        Slot { mutex: Cell::new(core::ptr::null()), word: Cell::new(core::ptr::null()), count: Cell::new(0) }
    }
}

/// The calling thread's slot; `None` in test builds (glibc's threads have no slot).
#[inline(always)]
fn slot() -> Option<&'static Slot> {
    #[cfg(feature = "c-abi")]
    {
        // SAFETY: the calling thread's control block is live as long as the thread runs, and
        // only this thread uses its slot.
        Some(unsafe { &(*crate::thread::tcb::current()).handoff })
    }
    #[cfg(not(feature = "c-abi"))]
    {
        None
    }
}

/// Names `m`, which the caller has just taken, in the slot if it is free; false otherwise.
/// The caller then makes its word `HANDOFF` (or finds it `CONTENDED`).
#[inline]
pub fn adopt(m: &Mutex) -> bool {
    match slot() {
        Some(s) if s.mutex.get().is_null() => {
            s.mutex.set(m);
            true
        }
        _ => false,
    }
}

/// Records a wake of `count` threads on `word` for the release of `m`, if the slot names `m`
/// and has no wake yet; false if the caller must wake now.
#[inline]
pub fn defer(m: *const Mutex, word: &AtomicU32, count: u32) -> bool {
    match slot() {
        Some(s) if !m.is_null() && s.mutex.get() == m && s.word.get().is_null() => {
            s.word.set(word);
            s.count.set(count);
            true
        }
        _ => false,
    }
}

/// Called by `m`'s unlock after the word was released: if the slot names `m`, empties it
/// and makes the deferred wake. Reads nothing through `m` (it may be gone already).
#[inline]
pub fn release(m: *const Mutex) {
    let Some(s) = slot() else { return };
    if s.mutex.get() != m {
        return;
    }
    s.mutex.set(core::ptr::null());
    let word = s.word.replace(core::ptr::null());
    if !word.is_null() {
        futex::wake_raw(word, s.count.get(), Scope::Private);
    }
}

/// Makes now a wake deferred on `word`, if any: `pthread_cond_destroy` waits for the waiters
/// to leave, and its caller may still hold their mutex.
pub fn flush(word: &AtomicU32) {
    let Some(s) = slot() else { return };
    if core::ptr::eq(s.word.get(), word) {
        s.word.set(core::ptr::null());
        futex::wake_in(word, s.count.get(), Scope::Private);
    }
}
