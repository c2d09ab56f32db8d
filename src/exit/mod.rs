//! The end of a process: exit handlers, `exit`, `quick_exit`, `_Exit` and `abort`.
//!
//! `exit` first runs the calling thread's `thread_local` destructors
//! (`__cxa_thread_atexit_impl`), then the `atexit`/`__cxa_atexit` handlers last-in-first-out,
//! then the `.fini_array` destructors, then the handlers that the destructors registered, then
//! flushes the stdio streams (as glibc does, after the handlers). That is glibc's order, where
//! the destructors are one handler registered before `main`; here they are not registered, so
//! start-up writes nothing to the lists and a program that never calls `atexit` never touches
//! them before it exits. Only one thread runs the exit sequence: a second thread that calls
//! `exit` meanwhile blocks until the process is gone.

pub mod abort;
#[cfg(feature = "c-abi")]
mod dso_handle;
pub mod handlers;

use crate::sync::futex;
use crate::thread::tcb;
use core::ffi::c_int;
use core::sync::atomic::{AtomicBool, AtomicPtr, AtomicU32, Ordering};
use handlers::HandlerList;

/// Handlers of `atexit` and `__cxa_atexit`.
pub static AT_EXIT: HandlerList = HandlerList::new();
/// Handlers of `at_quick_exit` and `__cxa_at_quick_exit`.
pub static AT_QUICK_EXIT: HandlerList = HandlerList::new();

/// The kernel id of the thread running the exit sequence; 0 while nobody is exiting.
static EXITING: AtomicU32 = AtomicU32::new(0);

/// Claims the exit sequence for the calling thread. Returns when the caller may run it (it is
/// the first, or it is already the exiting thread, calling again from a handler); blocks for
/// good when another thread is exiting.
fn claim_exit() {
    // SAFETY: the calling thread's control block is live for as long as the thread runs.
    let me = unsafe { (*tcb::current()).tid.load(Ordering::Relaxed) };
    // Relaxed: nothing is published through EXITING; it only decides who runs the handlers,
    // and the handler lists carry their own lock.
    match EXITING.compare_exchange(0, me, Ordering::Relaxed, Ordering::Relaxed) {
        Ok(_) => {}
        Err(owner) if owner == me => {}
        Err(owner) => loop {
            futex::wait(&EXITING, owner);
        },
    }
}

/// The stdio flush that `exit` runs after the handlers, as a `fn()` address; null until stdio
/// sets it when a stream first holds output. A hook rather than a call, so that a program that
/// does not use stdio links no stdio code (Rust on stable has no weak symbols).
static FLUSH_HOOK: AtomicPtr<()> = AtomicPtr::new(core::ptr::null_mut());

/// Makes `exit` call `flush` after the exit handlers.
pub fn set_flush_hook(flush: fn()) {
    // Release: pairs with the Acquire in `run_flush_hook`; a function address needs no more
    // than that.
    FLUSH_HOOK.store(flush as *mut (), Ordering::Release);
}

fn run_flush_hook() {
    // Acquire: pairs with the Release in `set_flush_hook`.
    let hook = FLUSH_HOOK.load(Ordering::Acquire);
    if !hook.is_null() {
        // SAFETY: the only non-null value ever stored is a `fn()` cast to a pointer.
        let flush: fn() = unsafe { core::mem::transmute::<*mut (), fn()>(hook) };
        flush();
    }
}

/// Set once the `.fini_array` destructors have started, so that an `exit` called again from a
/// handler or a destructor does not run them twice.
static FINALIZED: AtomicBool = AtomicBool::new(false);

/// Runs the program's `.fini_array` destructors, the first time only.
fn run_destructors_once() {
    // Relaxed: only the thread that claimed the exit sequence gets here.
    if !FINALIZED.swap(true, Ordering::Relaxed) {
        #[cfg(feature = "c-abi")]
        crate::start::run_finalizers();
    }
}

/// `exit`: runs the exit handlers and the destructors, flushes the stdio streams, then ends
/// the process with `status & 0xff`.
#[unsafe(link_section = ".text.exit.rustcrt")]
pub fn exit(status: c_int) -> ! {
    claim_exit();
    crate::thread::exit::run_exit_destructors();
    AT_EXIT.run_all();
    run_destructors_once();
    AT_EXIT.run_all();
    run_flush_hook();
    crate::kernel::exit_group(status)
}

/// `quick_exit`: runs the `at_quick_exit` handlers, then ends the process without running
/// `atexit` handlers or destructors.
pub fn quick_exit(status: c_int) -> ! {
    claim_exit();
    AT_QUICK_EXIT.run_all();
    crate::kernel::exit_group(status)
}

/// `_Exit`/`_exit`: ends the process at once.
pub fn exit_now(status: c_int) -> ! {
    crate::kernel::exit_group(status)
}
