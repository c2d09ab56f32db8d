//! Cancellation in the blocking waits (`crate::sync::cancel` in this build), through glibc's,
//! which owns a glibc thread's cancellation state: a pending request acts on entry
//! (`pthread_testcancel`); the sleep itself runs with the asynchronous type, as glibc's own
//! blocking calls do, so a request arriving then unwinds the thread from the signal; and a
//! wait's repair runs during that unwinding from an old-style cleanup buffer
//! (`_pthread_cleanup_push`), which glibc's unwinder calls as the stack passes it.

use core::ffi::{c_int, c_void};

/// `<pthread.h>`'s cancellation types (the libc crate does not define them).
const PTHREAD_CANCEL_DEFERRED: c_int = 0;
const PTHREAD_CANCEL_ASYNCHRONOUS: c_int = 1;

/// glibc's `struct _pthread_cleanup_buffer`.
#[repr(C)]
struct CleanupBuffer {
    routine: Option<extern "C" fn(*mut c_void)>,
    arg: *mut c_void,
    canceltype: c_int,
    prev: *mut CleanupBuffer,
}

unsafe extern "C" {
    fn pthread_testcancel();
    fn pthread_setcanceltype(kind: c_int, old: *mut c_int) -> c_int;
    fn _pthread_cleanup_push(buffer: *mut CleanupBuffer, routine: extern "C" fn(*mut c_void), arg: *mut c_void);
    fn _pthread_cleanup_pop(buffer: *mut CleanupBuffer, execute: c_int);
}

/// A pending request acts now.
#[inline]
pub fn test() {
    // SAFETY: no preconditions; it returns unless a request is pending, and then unwinds
    // through callers that hold no state needing repair (the waits call it first).
    unsafe { pthread_testcancel() }
}

/// Runs `f`, a sleep, as a cancellation point.
pub fn point<R>(f: impl FnOnce() -> R) -> R {
    let mut old: c_int = PTHREAD_CANCEL_DEFERRED;
    // SAFETY: `old` is writable. Becoming asynchronous acts on a pending request.
    unsafe { pthread_setcanceltype(PTHREAD_CANCEL_ASYNCHRONOUS, &mut old) };
    let r = f();
    let mut ignored: c_int = 0;
    // SAFETY: as above; restores the caller's type.
    unsafe { pthread_setcanceltype(old, &mut ignored) };
    r
}

/// The cleanup routine: `arg` is the `&dyn Fn()` of [`with_cleanup`].
extern "C" fn run_undo(arg: *mut c_void) {
    // SAFETY: `with_cleanup` passes a pointer to its live `&dyn Fn()`.
    let undo = unsafe { &*arg.cast::<&dyn Fn()>() };
    undo();
}

/// Runs `f` with `undo` registered to run if the thread is cancelled inside it.
pub fn with_cleanup<R>(undo: &dyn Fn(), f: impl FnOnce() -> R) -> R {
    let mut buffer = CleanupBuffer { routine: None, arg: core::ptr::null_mut(), canceltype: 0, prev: core::ptr::null_mut() };
    let undo_ref: &dyn Fn() = undo;
    // SAFETY: the buffer and `undo_ref` live in this frame until the pop below, or until the
    // unwinding that runs the routine has left this frame (glibc runs it as it passes).
    unsafe { _pthread_cleanup_push(&mut buffer, run_undo, (&raw const undo_ref).cast_mut().cast()) };
    let r = f();
    // SAFETY: pops the buffer pushed above without running it.
    unsafe { _pthread_cleanup_pop(&mut buffer, 0) };
    r
}
