//! The end of a thread: `pthread_exit`, and what runs before a thread ends.

use crate::thread::tcb;
use crate::thread::{DETACHED, LIVE, cancel, cleanup, keys, stack, tls_dtors};
use core::ffi::c_void;
use core::sync::atomic::Ordering;

/// Everything a thread runs when it ends, in order: its `__cxa_thread_atexit_impl`
/// destructors (C++ `thread_local`), then its key destructors. Further per-thread clean-up
/// (an allocator's thread cache, for one) belongs at the end of this function.
pub fn run_thread_exit_hooks() {
    tls_dtors::run();
    keys::run_destructors();
    crate::alloc::thread_exit();
}

/// `exit` calls this for the thread that calls it: its `thread_local` destructors run before
/// the process's exit handlers (glibc does the same).
pub fn run_exit_destructors() {
    tls_dtors::run();
}

/// `pthread_exit(result)`: unwinds the cleanup handlers of `pthread_cleanup_push`, runs the
/// exit hooks, then ends the calling thread. The last thread to end ends the process, as
/// `exit(0)`.
pub fn exit_current(result: *mut c_void) -> ! {
    // SAFETY: the calling thread's own control block.
    unsafe { (*tcb::current()).result = result };
    unwind()
}

/// Runs the next cleanup handler (it comes back here through `__pthread_unwind_next`), or,
/// when none is left, ends the thread.
pub fn unwind() -> ! {
    cleanup::unwind_one();
    finish()
}

fn finish() -> ! {
    let tcb = tcb::current();
    // No more cancelling: the thread is ending. Relaxed: only this thread acts on its bits.
    // SAFETY: the calling thread's own control block.
    unsafe { (*tcb).cancel.fetch_or(cancel::ACTING | cancel::DISABLED, Ordering::Relaxed) };
    // A join cut short by cancellation gives its claim back.
    // SAFETY: as above; a thread we were joining stays mapped until someone joins it.
    unsafe {
        let joining = core::mem::replace(&mut (*tcb).joining, core::ptr::null_mut());
        if !joining.is_null() {
            // Relaxed: a claim only; another joiner's CAS decides.
            (*joining).joiner.store(0, Ordering::Relaxed);
        }
    }
    // SAFETY: as above.
    let again = unsafe { core::mem::replace(&mut (*tcb).exiting, 1) } != 0;
    // A destructor that calls pthread_exit ends the thread without running the hooks again.
    if !again {
        run_thread_exit_hooks();
    }
    // AcqRel: the last thread to leave sees what every other thread did before leaving, as
    // if they had been joined, before it runs the exit handlers.
    if LIVE.fetch_sub(1, Ordering::AcqRel) == 1 {
        crate::exit::exit(0);
    }
    // AcqRel: Release publishes the result to a detacher; Acquire sees a detach that came
    // first.
    // SAFETY: as above.
    if unsafe { (*tcb).state.swap(crate::thread::EXITED, Ordering::AcqRel) } == DETACHED {
        // SAFETY: detached, so nobody else will release the memory. It is reused only once
        // the kernel has cleared our tid, after the last instruction we run on it.
        unsafe { stack::release(tcb) };
    }
    // SAFETY: ends this thread only; the kernel then clears the tid word and wakes joiners.
    unsafe { crate::kernel::exit_thread(0) }
}
