//! `fork` and `_Fork`: a new process with a copy of this one's memory and one thread.
//!
//! `fork` runs the `pthread_atfork` handlers around the system call: "prepare" handlers
//! newest first before it, "parent" or "child" handlers oldest first after it. Between them
//! the list of open streams (`crate::stdio::registry`) and the allocator (`crate::alloc`) are
//! made fork-safe (their `fork_prepare` / `fork_parent` / `fork_child` take the locks before
//! and release or repair them after), so the child's single thread finds them consistent. `_Fork` runs neither (POSIX allows only
//! async-signal-safe calls in its child). Both keep the thread bookkeeping right
//! (`crate::thread::before_fork` / `after_fork_*`: the live-thread count and the stack
//! cache), and in both the child's control block holds the child's thread id, and the kernel
//! is told again where to clear it when the thread ends.

use super::atfork;
use crate::kernel::{self as runtime, Fork};
use core::sync::atomic::Ordering;
use rustix::io::Errno;

/// Refreshes what the child must not inherit from the parent's thread record.
fn in_child() {
    let tcb = crate::thread::tcb::current();
    // SAFETY: `tcb` is this thread's live control block; `set_tid_address` takes the address
    // of its tid word, which lives as long as the thread.
    unsafe {
        let tid = runtime::set_tid_address((&raw mut (*tcb).tid).cast());
        // Relaxed: only this thread reads its own tid now; the child has no other thread.
        (*tcb).tid.store(tid.as_raw_nonzero().get() as u32, Ordering::Relaxed);
    }
}

/// `_Fork()`: the child's pid in the parent, 0 in the child.
pub fn fork_raw() -> Result<i32, Errno> {
    crate::thread::before_fork();
    // SAFETY: the child continues in this same code with a copy of the parent's memory and
    // only this thread; `in_child` repairs the thread record and the thread module forgets
    // the parent's other threads.
    match unsafe { runtime::kernel_fork() } {
        Ok(Fork::Child(_)) => {
            in_child();
            crate::thread::after_fork_child();
            crate::sync::once::after_fork_child();
            Ok(0)
        }
        Ok(Fork::ParentOf(pid)) => {
            crate::thread::after_fork_parent();
            Ok(pid.as_raw_nonzero().get())
        }
        Err(e) => {
            crate::thread::after_fork_parent();
            Err(e)
        }
    }
}

/// `fork()`: `_Fork` between the atfork handlers.
pub fn fork() -> Result<i32, Errno> {
    atfork::run_prepare();
    // The stream list before the allocator: code holding the list lock may allocate.
    crate::stdio::registry::fork_prepare();
    crate::alloc::fork_prepare();
    let result = fork_raw();
    if let Ok(0) = result {
        crate::alloc::fork_child();
        crate::stdio::registry::fork_child();
        atfork::run_child();
    } else {
        crate::alloc::fork_parent();
        crate::stdio::registry::fork_parent();
        atfork::run_parent();
    }
    result
}
