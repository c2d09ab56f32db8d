//! The pool of heaps: which heap each thread uses, and what happens at thread end and fork.
//!
//! Heaps are never unmapped: when a thread ends, its heap (with the blocks still allocated in
//! it) is abandoned, and the next thread that needs a heap adopts it. One lock guards the list
//! of every heap and the list of abandoned heaps; it is taken only when a thread gets or gives
//! up a heap, and around `fork`.

use super::heap::{self, ABANDONED, ACTIVE, DEAD, Heap};
use super::slot;
use crate::sync::lock::RawLock;
use core::cell::UnsafeCell;
use core::ptr;

struct Lists {
    /// Every heap ever made, through `next_heap`.
    all: *mut Heap,
    /// Heaps whose thread ended, through `next_abandoned`.
    abandoned: *mut Heap,
}

struct Pool {
    lock: RawLock,
    lists: UnsafeCell<Lists>,
}

// SAFETY: `lists` is only touched with `lock` held.
unsafe impl Sync for Pool {}

static POOL: Pool = Pool {
    lock: RawLock::new(),
    lists: UnsafeCell::new(Lists { all: ptr::null_mut(), abandoned: ptr::null_mut() }),
};

/// Runs `f` on the lists with the lock held.
fn with_lists<R>(f: impl FnOnce(&mut Lists) -> R) -> R {
    // SAFETY: the lock is held for the whole access.
    POOL.lock.with(|| f(unsafe { &mut *POOL.lists.get() }))
}

/// The calling thread's heap, adopting or making one on its first allocation; null when there
/// is no memory for one.
#[inline(always)]
pub fn current() -> *mut Heap {
    let heap = slot::get();
    if heap.is_null() { adopt() } else { heap }
}

#[cold]
fn adopt() -> *mut Heap {
    let reused = with_lists(|lists| {
        let heap = lists.abandoned;
        if !heap.is_null() {
            // SAFETY: heaps on the list are live and, abandoned, owned by nobody.
            unsafe {
                lists.abandoned = (*heap).next_abandoned;
                (*heap).state = ACTIVE;
            }
        }
        heap
    });
    let heap = if reused.is_null() {
        let fresh = heap::create();
        if fresh.is_null() {
            return fresh;
        }
        with_lists(|lists| {
            // SAFETY: the fresh heap is ours; list fields are under the lock.
            unsafe { (*fresh).next_heap = lists.all };
            lists.all = fresh;
        });
        fresh
    } else {
        reused
    };
    slot::set(heap);
    heap
}

/// Gives up the calling thread's heap, if it has one.
pub fn abandon() {
    let heap = slot::get();
    if heap.is_null() {
        return;
    }
    // SAFETY: the calling thread owns its heap until it is on the abandoned list.
    unsafe { heap::drain(heap) };
    super::large::flush_spare(heap);
    slot::set(ptr::null_mut());
    with_lists(|lists| {
        // SAFETY: list fields are under the lock; the heap is live.
        unsafe {
            (*heap).state = ABANDONED;
            (*heap).next_abandoned = lists.abandoned;
        }
        lists.abandoned = heap;
    });
}

/// Before `fork`: no other thread may be inside the pool while the process is copied.
pub fn lock() {
    POOL.lock.lock();
}

/// After `fork`, in the parent.
pub fn unlock() {
    POOL.lock.unlock();
}

/// After `fork`, in the child: the lock the forking thread took is released, and the heaps of
/// the parent's other threads, which have no thread here and may have been changing when the
/// process was copied, are never used again (their memory stays allocated).
pub fn reset_in_child() {
    let mine = slot::get();
    // SAFETY: the forking thread took the lock in `lock`; the child has only this thread.
    let lists = unsafe { &mut *POOL.lists.get() };
    let mut heap = lists.all;
    while !heap.is_null() {
        // SAFETY: every heap on the list is live.
        unsafe {
            if heap != mine && (*heap).state == ACTIVE {
                (*heap).state = DEAD;
            }
            heap = (*heap).next_heap;
        }
    }
    POOL.lock.unlock();
}
