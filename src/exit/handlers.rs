//! `HandlerList`: an unbounded last-in-first-out list of exit handlers.
//!
//! The first [`INLINE`] handlers live in the static list itself, as in glibc and musl, so the
//! first registrations need no allocation and a list nobody uses stays a few zero bytes of
//! `.bss` that start-up never touches. Later ones go in blocks of [`PER_BLOCK`] entries
//! (64 KiB) that are anonymous mappings, so there is no fixed limit and no dependency on
//! `malloc`. The list's lock is never held while a handler runs, so a handler may register
//! more handlers (they run next) or run `__cxa_finalize`.

use crate::sync::lock::RawLock;
use core::cell::UnsafeCell;
use core::ffi::c_void;
use core::mem::MaybeUninit;
use core::ptr;
use rustix::io::Errno;
use rustix::mm::{MapFlags, ProtFlags};

/// A registered function and how to call it.
#[derive(Clone, Copy)]
pub enum Handler {
    /// `atexit(f)`: called with no argument.
    Plain(unsafe extern "C" fn()),
    /// `__cxa_atexit(f, arg, dso)`: called as `f(arg)`; `dso` selects it for
    /// `__cxa_finalize`.
    WithArg(unsafe extern "C" fn(*mut c_void), *mut c_void, *mut c_void),
    /// Already run by `__cxa_finalize`; skipped.
    Done,
}

impl Handler {
    /// Calls the handler.
    ///
    /// # Safety
    /// The handler must be one a program registered, not yet run.
    unsafe fn call(self) {
        // SAFETY: the program registered these functions to be called exactly this way.
        unsafe {
            match self {
                Handler::Plain(f) => f(),
                Handler::WithArg(f, arg, _) => f(arg),
                Handler::Done => {}
            }
        }
    }

    fn belongs_to(&self, dso: *mut c_void) -> bool {
        match *self {
            Handler::Plain(_) => dso.is_null(),
            Handler::WithArg(_, _, d) => dso.is_null() || d == dso,
            Handler::Done => false,
        }
    }
}

/// Handlers held in the static list before a block is mapped (glibc and musl hold 32). Kept
/// small so that the list (1 KiB) shares its page with the rest of start-up's state.
pub const INLINE: usize = 32;

/// Bytes of a mapped block: 64 KiB, so that a new mapping is needed only every ~2000
/// handlers (one per 127 made registering 1000 handlers cost 8 mmaps). Only the pages that
/// hold entries are ever touched.
const BLOCK_BYTES: usize = 64 * 1024;

/// Entries per mapped block.
pub const PER_BLOCK: usize = (BLOCK_BYTES - 2 * core::mem::size_of::<usize>()) / core::mem::size_of::<Handler>();

struct Block {
    /// The block below (older entries); null for the oldest mapped block, below which are
    /// the inline entries.
    older: *mut Block,
    /// Entries in use, from index 0 up; those below `len` are initialised.
    len: usize,
    entries: [MaybeUninit<Handler>; PER_BLOCK],
}

const _: () = assert!(core::mem::size_of::<Block>() <= BLOCK_BYTES);

struct State {
    /// The newest mapped block; null while every handler fits in `inline`.
    newest: *mut Block,
    /// Inline entries in use, from index 0 up; those below `inline_len` are initialised.
    inline_len: usize,
    /// Uninitialised rather than `Done`-filled, so that a static list is all zero and sits in
    /// `.bss` instead of adding to every program's file.
    inline: [MaybeUninit<Handler>; INLINE],
}

/// A list of exit handlers; see the module documentation.
pub struct HandlerList {
    lock: RawLock,
    state: UnsafeCell<State>,
}

// SAFETY: `state` is only touched with `lock` held.
unsafe impl Sync for HandlerList {}

impl HandlerList {
    pub const fn new() -> HandlerList {
        HandlerList {
            lock: RawLock::new(),
            state: UnsafeCell::new(State {
                newest: ptr::null_mut(),
                inline_len: 0,
                inline: [MaybeUninit::uninit(); INLINE],
            }),
        }
    }

    /// Registers `handler` to run before every handler registered earlier.
    ///
    /// Fails with `ENOMEM` when a new block cannot be mapped.
    pub fn push(&self, handler: Handler) -> Result<(), Errno> {
        self.lock.with(|| {
            // SAFETY: the lock is held, so we have the state to ourselves.
            let state = unsafe { &mut *self.state.get() };
            if state.newest.is_null() && state.inline_len < INLINE {
                return push_into(&mut state.inline, &mut state.inline_len, handler);
            }
            // SAFETY: `newest` is null or a live mapped block.
            if state.newest.is_null() || unsafe { (*state.newest).len } == PER_BLOCK {
                let fresh = map_block()?;
                // SAFETY: `fresh` is a new, zeroed, writable block-sized mapping.
                unsafe {
                    (*fresh).older = state.newest;
                    (*fresh).len = 0;
                }
                state.newest = fresh;
            }
            // SAFETY: `newest` is a live mapped block, ours while the lock is held.
            let block = unsafe { &mut *state.newest };
            push_into(&mut block.entries, &mut block.len, handler)
        })
    }

    /// Takes the newest handler not yet run that belongs to `dso` (every handler when `dso`
    /// is null), marking it run.
    #[unsafe(link_section = ".text.exit.rustcrt")]
    pub fn take_newest(&self, dso: *mut c_void) -> Option<Handler> {
        self.lock.with(|| {
            // SAFETY: the lock is held.
            let state = unsafe { &mut *self.state.get() };
            let found = state.take_newest(dso);
            state.trim();
            found
        })
    }

    /// Runs every handler, newest first, including those registered meanwhile.
    #[unsafe(link_section = ".text.exit.rustcrt")]
    pub fn run_all(&self) {
        while let Some(handler) = self.take_newest(ptr::null_mut()) {
            // SAFETY: taken from the list, so registered and not yet run.
            unsafe { handler.call() }
        }
    }

    /// Runs the handlers that belong to `dso` (all when null), newest first; `__cxa_finalize`.
    pub fn run_dso(&self, dso: *mut c_void) {
        while let Some(handler) = self.take_newest(dso) {
            // SAFETY: as in `run_all`.
            unsafe { handler.call() }
        }
    }
}

impl Default for HandlerList {
    fn default() -> Self {
        Self::new()
    }
}

/// Appends `handler` to `entries`, of which `len` are in use; the caller ensured room.
fn push_into(entries: &mut [MaybeUninit<Handler>], len: &mut usize, handler: Handler) -> Result<(), Errno> {
    let slot = entries.get_mut(*len).ok_or(Errno::NOMEM)?;
    *slot = MaybeUninit::new(handler);
    *len += 1;
    Ok(())
}

/// Takes the newest entry of `entries[..len]` that belongs to `dso`, marking it run.
#[unsafe(link_section = ".text.exit.rustcrt")]
fn take_from(entries: &mut [MaybeUninit<Handler>], len: usize, dso: *mut c_void) -> Option<Handler> {
    for entry in entries.get_mut(..len).unwrap_or_default().iter_mut().rev() {
        // SAFETY: entries below `len` are initialised.
        let entry = unsafe { entry.assume_init_mut() };
        if entry.belongs_to(dso) {
            return Some(core::mem::replace(entry, Handler::Done));
        }
    }
    None
}

/// Drops run entries from the top of `entries[..len]`.
#[unsafe(link_section = ".text.exit.rustcrt")]
fn drop_done(entries: &[MaybeUninit<Handler>], len: &mut usize) {
    while let Some(top) = len.checked_sub(1).and_then(|i| entries.get(i)) {
        // SAFETY: entries below `len` are initialised.
        if !matches!(unsafe { top.assume_init_ref() }, Handler::Done) {
            break;
        }
        *len -= 1;
    }
}

impl State {
    fn take_newest(&mut self, dso: *mut c_void) -> Option<Handler> {
        let mut block = self.newest;
        while !block.is_null() {
            // SAFETY: every block reachable from `newest` is live while the lock is held.
            let b = unsafe { &mut *block };
            if let Some(found) = take_from(&mut b.entries, b.len, dso) {
                return Some(found);
            }
            block = b.older;
        }
        take_from(&mut self.inline, self.inline_len, dso)
    }

    /// Drops run entries from the top, and unmaps blocks that become empty.
    fn trim(&mut self) {
        while !self.newest.is_null() {
            let block = self.newest;
            // SAFETY: live while the lock is held.
            let b = unsafe { &mut *block };
            drop_done(&b.entries, &mut b.len);
            if b.len > 0 {
                return;
            }
            self.newest = b.older;
            // SAFETY: `block` is a mapped block that nothing points at any more.
            unsafe { unmap_block(block) };
        }
        drop_done(&self.inline, &mut self.inline_len);
    }
}

fn map_block() -> Result<*mut Block, Errno> {
    // SAFETY: a fresh anonymous mapping aliases nothing.
    let p = unsafe {
        rustix::mm::mmap_anonymous(ptr::null_mut(), BLOCK_BYTES, ProtFlags::READ | ProtFlags::WRITE, MapFlags::PRIVATE)
    };
    p.map(|p| p.cast()).map_err(|_| Errno::NOMEM)
}

/// # Safety
/// `block` must come from `map_block` and be unreachable.
unsafe fn unmap_block(block: *mut Block) {
    // SAFETY: per the contract, the mapping is ours and unused. munmap of a mapping we made
    // cannot fail.
    let _ = unsafe { rustix::mm::munmap(block.cast(), BLOCK_BYTES) };
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Mutex;
    use std::vec::Vec;

    static LOG: Mutex<Vec<usize>> = Mutex::new(Vec::new());

    unsafe extern "C" fn record(arg: *mut c_void) {
        LOG.lock().unwrap().push(arg as usize);
    }

    fn drain(list: &HandlerList) -> Vec<usize> {
        LOG.lock().unwrap().clear();
        list.run_all();
        core::mem::take(&mut *LOG.lock().unwrap())
    }

    // One test owns LOG at a time.
    static SERIAL: Mutex<()> = Mutex::new(());

    #[test]
    fn runs_last_in_first_out_past_many_blocks() {
        let _g = SERIAL.lock().unwrap();
        let list = HandlerList::new();
        let n = PER_BLOCK * 3 + 5;
        for i in 0..n {
            list.push(Handler::WithArg(record, i as *mut c_void, ptr::null_mut())).unwrap();
        }
        let order = drain(&list);
        assert_eq!(order, (0..n).rev().collect::<Vec<_>>());
        assert!(list.take_newest(ptr::null_mut()).is_none());
        // Reusable after draining.
        list.push(Handler::WithArg(record, 7 as *mut c_void, ptr::null_mut())).unwrap();
        assert_eq!(drain(&list), [7]);
    }

    #[test]
    fn finalize_runs_only_that_dso_and_exit_skips_them() {
        let _g = SERIAL.lock().unwrap();
        let list = HandlerList::new();
        let (a, b) = (0x10 as *mut c_void, 0x20 as *mut c_void);
        for (i, d) in [(1, a), (2, b), (3, a), (4, b)] {
            list.push(Handler::WithArg(record, i as *mut c_void, d)).unwrap();
        }
        LOG.lock().unwrap().clear();
        list.run_dso(a);
        assert_eq!(core::mem::take(&mut *LOG.lock().unwrap()), [3, 1]);
        assert_eq!(drain(&list), [4, 2]);
    }
}
