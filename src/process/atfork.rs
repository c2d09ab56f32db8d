//! `pthread_atfork` handlers: an unbounded list of (prepare, parent, child) triples.
//!
//! Entries live in blocks; the first block is static (no allocation for the first
//! registrations), further ones are anonymous mappings linked oldest to newest, so no fixed
//! limit applies and `malloc` is not needed. Registration takes the lock; `fork` holds it
//! while running the prepare handlers and until the parent or child handlers have run (POSIX
//! leaves registering from a handler undefined; here it would deadlock, as it does in glibc).

use crate::sync::lock::RawLock;
use core::cell::UnsafeCell;
use core::ptr;
use rustix::io::Errno;
use rustix::mm::{MapFlags, ProtFlags};

/// One handler, or none.
pub type Hook = Option<unsafe extern "C" fn()>;

#[derive(Clone, Copy)]
struct Entry {
    prepare: Hook,
    parent: Hook,
    child: Hook,
}

/// Entries in a mapped block (one page).
const PER_BLOCK: usize = (4096 - 3 * size_of::<usize>()) / size_of::<Entry>();

const _: () = assert!(size_of::<Block>() <= 4096);

struct Block {
    /// The next older block, or null.
    older: *mut Block,
    /// The next newer block, or null.
    newer: *mut Block,
    /// Entries in use.
    len: usize,
    entries: [Entry; PER_BLOCK],
}

const EMPTY: Entry = Entry { prepare: None, parent: None, child: None };

struct List {
    first: Block,
    /// The newest block; null means `first`.
    newest: *mut Block,
}

struct Handlers {
    lock: RawLock,
    list: UnsafeCell<List>,
}

// SAFETY: `list` is only touched with `lock` held.
unsafe impl Sync for Handlers {}

static HANDLERS: Handlers = Handlers {
    lock: RawLock::new(),
    list: UnsafeCell::new(List {
        first: Block { older: ptr::null_mut(), newer: ptr::null_mut(), len: 0, entries: [EMPTY; PER_BLOCK] },
        newest: ptr::null_mut(),
    }),
};

/// `pthread_atfork(prepare, parent, child)`.
pub fn register(prepare: Hook, parent: Hook, child: Hook) -> Result<(), Errno> {
    HANDLERS.lock.with(|| {
        // SAFETY: the lock is held, so this is the only access to the list.
        let list = unsafe { &mut *HANDLERS.list.get() };
        let first: *mut Block = &raw mut list.first;
        let mut block = if list.newest.is_null() { first } else { list.newest };
        // SAFETY: `block` is the static block or a live mapped one.
        if unsafe { (*block).len } == PER_BLOCK {
            // SAFETY: a fresh private anonymous page, zero-filled, which a zeroed `Block`
            // (null link, no entries, all-None hooks) matches.
            let page = unsafe { rustix::mm::mmap_anonymous(ptr::null_mut(), 4096, ProtFlags::READ | ProtFlags::WRITE, MapFlags::PRIVATE) }
                .map_err(|_| Errno::NOMEM)?
                .cast::<Block>();
            // SAFETY: `block` and `page` are live and the lock is held.
            unsafe {
                (*block).newer = page;
                (*page).older = block;
            }
            list.newest = page;
            block = page;
        }
        // SAFETY: as above; `len < PER_BLOCK` now.
        unsafe {
            let len = (*block).len;
            (*block).entries[len] = Entry { prepare, parent, child };
            (*block).len = len + 1;
        }
        Ok(())
    })
}

/// Every entry, oldest first.
fn for_each(mut f: impl FnMut(&Entry)) {
    // SAFETY: called with the lock held (by `fork`), so the list does not change.
    let list = unsafe { &*HANDLERS.list.get() };
    let mut block: *const Block = &raw const list.first;
    while !block.is_null() {
        // SAFETY: a live block; its first `len` entries are written.
        let b = unsafe { &*block };
        b.entries[..b.len].iter().for_each(&mut f);
        block = b.newer;
    }
}

/// Takes the lock and runs the prepare handlers, newest first.
pub fn run_prepare() {
    HANDLERS.lock.lock();
    // SAFETY: the lock is held, so the list does not change.
    let list = unsafe { &*HANDLERS.list.get() };
    let mut block: *const Block = if list.newest.is_null() { &raw const list.first } else { list.newest };
    while !block.is_null() {
        // SAFETY: a live block; its first `len` entries are written.
        let b = unsafe { &*block };
        for e in b.entries[..b.len].iter().rev() {
            if let Some(f) = e.prepare {
                // SAFETY: a handler the program registered for this moment.
                unsafe { f() }
            }
        }
        block = b.older;
    }
}

/// Runs the parent handlers, oldest first, and releases the lock.
pub fn run_parent() {
    for_each(|e| {
        if let Some(f) = e.parent {
            // SAFETY: a handler the program registered for this moment.
            unsafe { f() }
        }
    });
    HANDLERS.lock.unlock();
}

/// Runs the child handlers, oldest first, and releases the lock (the child's copy of it,
/// which this thread took before the fork).
pub fn run_child() {
    for_each(|e| {
        if let Some(f) = e.child {
            // SAFETY: a handler the program registered for this moment.
            unsafe { f() }
        }
    });
    HANDLERS.lock.unlock();
}
