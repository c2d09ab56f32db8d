//! The list of open streams (`fflush(NULL)`, and the flush at `exit`).
//!
//! Streams are chained through glibc's `_chain` field, newest first, with the three standard
//! streams at the tail from the start. The list has its own lock, taken before any stream's
//! lock and never while waiting for one in `fclose`.
//!
//! `exit` flushes streams through a hook in `crate::exit` that the first stream to hold output
//! sets ([`note_output`]), so a program that never writes through stdio links none of this.

use super::file::{Buffering, Direction, File, Stream};
use super::lock::needs_locking;
use crate::sync::lock::RawLock;
use core::cell::UnsafeCell;
use core::sync::atomic::{AtomicBool, Ordering};

struct List {
    lock: RawLock,
    head: UnsafeCell<*mut File>,
}

// SAFETY: `head` is read and written only with `lock` held.
unsafe impl Sync for List {}

static OPEN: List = List {
    lock: RawLock::new(),
    head: UnsafeCell::new(super::standard::STDIN.get()),
};

/// Whether the exit hook is set.
static HOOKED: AtomicBool = AtomicBool::new(false);

/// Called whenever a stream starts collecting output: makes `exit` flush the streams.
#[inline]
pub fn note_output() {
    // Relaxed: the flag only saves repeated registrations; `set_flush_hook` orders itself.
    if !HOOKED.load(Ordering::Relaxed) {
        HOOKED.store(true, Ordering::Relaxed);
        crate::exit::set_flush_hook(flush_at_exit);
    }
}

/// Before `fork`: takes the list lock, so the child does not inherit it held by a thread
/// that does not exist there. Pair with [`fork_parent`] or [`fork_child`].
pub fn fork_prepare() {
    OPEN.lock.lock();
}

/// After `fork`, in the parent: releases the list lock.
pub fn fork_parent() {
    OPEN.lock.unlock();
}

/// After `fork`, in the child (whose only thread is the one that forked, and so holds the
/// lock): releases the list lock.
pub fn fork_child() {
    OPEN.lock.unlock();
}

/// Puts a new stream at the head of the list.
///
/// # Safety
/// `file` must be a live stream not in the list, staying live until [`unlink`].
pub unsafe fn link(file: *mut File) {
    OPEN.lock.with(|| {
        // SAFETY: the list lock is held; `file` is live and nobody else knows it yet.
        unsafe {
            (*file).stream.chain = *OPEN.head.get();
            *OPEN.head.get() = file;
        }
    });
}

/// Takes a stream out of the list; returns whether it was there.
///
/// # Safety
/// `file` must be a live stream.
pub unsafe fn unlink(file: *mut File) -> bool {
    OPEN.lock.with(|| {
        // SAFETY: the list lock is held, so every stream in the list is live and its `chain`
        // is ours to change.
        unsafe {
            let mut link = OPEN.head.get();
            while !(*link).is_null() {
                if *link == file {
                    *link = (*file).stream.chain;
                    (*file).stream.chain = core::ptr::null_mut();
                    return true;
                }
                link = &raw mut (**link).stream.chain;
            }
            false
        }
    })
}

/// Runs `f` on each stream in the list, with the list lock held.
fn for_each(mut f: impl FnMut(*mut File)) {
    OPEN.lock.with(|| {
        // SAFETY: the list lock is held, so the streams in the list stay live.
        let mut file = unsafe { *OPEN.head.get() };
        while !file.is_null() {
            f(file);
            // SAFETY: as above.
            file = unsafe { (*file).stream.chain };
        }
    });
}

/// `fflush(NULL)`: flushes every stream that holds output. False if any flush failed.
pub fn flush_all() -> bool {
    flush_where(|_| true)
}

/// `_flushlbf()`: flushes every line-buffered stream that holds output.
pub fn flush_line_buffered() {
    flush_where(|s| s.state.buffering == Buffering::Line);
}

/// Flushes every stream that holds output and satisfies `wanted`. False if a flush failed.
/// Not a cancellation point: the list's lock is held throughout.
fn flush_where(wanted: impl Fn(&Stream) -> bool) -> bool {
    let mut ok = true;
    crate::thread::cancel::without(|| for_each(|file| {
        // SAFETY: a live stream in the list; its lock is taken as every stdio call takes it.
        unsafe {
            let locking = needs_locking();
            if locking {
                (*file).lock.lock();
            }
            let stream = &mut (*file).stream;
            if stream.state.direction == Direction::Writing && wanted(stream) && stream.flush().is_err() {
                ok = false;
            }
            if locking {
                (*file).lock.unlock();
            }
        }
    }));
    ok
}

/// The flush at `exit`, after the exit handlers. As glibc does, it takes no stream locks: a
/// thread that still holds one must not keep the process from ending.
/// `exit` is not a cancellation point, so neither is this.
fn flush_at_exit() {
    crate::thread::cancel::without(|| for_each(|file| {
        // SAFETY: a live stream in the list; the exiting thread is the only one left running
        // stdio on purpose (others racing with `exit` are the program's bug, as in glibc).
        let stream = unsafe { &mut (*file).stream };
        if stream.state.direction == Direction::Writing {
            let _ = stream.flush();
        }
    }));
}
