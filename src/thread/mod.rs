//! Threads: control blocks, creation, joining, detaching, ending, thread-specific data.
//!
//! A thread is named by its control block (`pthread_t` is the block's address). Its memory
//! and the cache that recycles it are in `stack`; `create` starts a thread with `clone`,
//! `exit` ends one, `join` waits for one. See DESIGN.md, "Threads".

pub mod attr;
pub mod cancel;
pub mod cleanup;
pub mod create;
pub mod exit;
pub mod getattr;
pub mod join;
pub mod keys;
pub mod name;
pub mod sched;
pub mod signal;
pub mod stack;
pub mod sys;
pub mod tcb;
pub mod tls;
pub mod tls_dtors;

use core::sync::atomic::{AtomicU8, AtomicUsize, Ordering};
use tcb::Tcb;

/// `Tcb::state`: the thread may be joined and has not ended.
pub const JOINABLE: u32 = 0;
/// `Tcb::state`: the thread was detached; it releases its own memory when it ends.
pub const DETACHED: u32 = 1;
/// `Tcb::state`: the thread has finished its exit hooks and is ending (or has ended); its
/// memory goes to whoever joins or detaches it.
pub const EXITED: u32 = 2;

/// Threads that have not yet finished `pthread_exit`, the main thread included. The thread
/// that brings it to zero ends the process as `exit(0)` would.
pub(crate) static LIVE: AtomicUsize = AtomicUsize::new(1);

/// `__libc_single_threaded`: 1 until the process first creates a thread; libstdc++ reads it
/// to skip atomic operations.
#[cfg_attr(feature = "c-abi", unsafe(export_name = "__libc_single_threaded"))]
pub static SINGLE_THREADED: AtomicU8 = AtomicU8::new(1);

/// Completes the main thread's control block (its key slots).
///
/// # Safety
/// Once, at start-up, with the main thread's fresh control block.
pub unsafe fn init_main_thread(tcb: *mut Tcb) {
    // SAFETY: start-up owns the block.
    unsafe { (*tcb).keys = keys::main_slots() };
    let frame = 0u8;
    getattr::record_main(tcb, core::hint::black_box(&raw const frame) as usize);
}

/// Before `fork`: takes the locks a child must find consistent. Call [`after_fork_parent`]
/// or [`after_fork_child`] right after the fork, in the same thread.
pub fn before_fork() {
    stack::before_fork();
}

/// After `fork`, in the parent.
pub fn after_fork_parent() {
    // SAFETY: after `before_fork`, in the thread that called it.
    unsafe { stack::after_fork(false) };
}

/// After `fork`, in the child, which has only the thread that forked: it is now the only live
/// thread, and the memory of every thread that was ending in the
/// parent may be reused (those threads do not exist here). Threads of the parent that had
/// not ended are gone too; joining them is undefined, as POSIX says.
///
/// `process::fork_raw` (under both `fork` and `_Fork`) calls these three around the system
/// call, and itself refreshes the thread's tid word and its `set_tid_address`.
pub fn after_fork_child() {
    // Relaxed: the child has one thread.
    LIVE.store(1, Ordering::Relaxed);
    // SAFETY: after `before_fork`, in the thread that called it (now the child's only one).
    unsafe { stack::after_fork(true) };
}
