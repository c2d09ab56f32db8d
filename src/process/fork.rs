//! `fork` and `_Fork`: a new process with a copy of this one's memory and one thread.
//!
//! `fork` runs the `pthread_atfork` handlers around the system call: "prepare" handlers
//! newest first before it, "parent" or "child" handlers oldest first after it. `_Fork` runs
//! none. In the child the control block's thread id is the child's own, and the kernel is
//! told again where to clear it when the thread ends.

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
    // SAFETY: the child continues in this same code with a copy of the parent's memory and
    // only this thread; `in_child` repairs the thread record, which is all the library keeps
    // per thread.
    match unsafe { runtime::kernel_fork() }? {
        Fork::Child(_) => {
            in_child();
            Ok(0)
        }
        Fork::ParentOf(pid) => Ok(pid.as_raw_nonzero().get()),
    }
}

/// `fork()`: `_Fork` between the atfork handlers.
pub fn fork() -> Result<i32, Errno> {
    atfork::run_prepare();
    let result = fork_raw();
    match result {
        Ok(0) => atfork::run_child(),
        _ => atfork::run_parent(),
    }
    result
}
