//! The cleanup handlers a thread runs when it is cancelled or calls `pthread_exit`, newest
//! first, in both of glibc's ABIs:
//! - the buffers of today's `pthread_cleanup_push` macro (`__pthread_register_cancel`): a
//!   jump buffer `__sigsetjmp` filled; unwinding jumps into it, the macro's code runs the
//!   routine and comes back through `__pthread_unwind_next`;
//! - the older `_pthread_cleanup_push`/`_pthread_cleanup_pop` functions: a routine and its
//!   argument, which unwinding calls.
//!
//! Each kind has its own chain in the control block. To run them interleaved in the order
//! they were pushed, a jump buffer records, when it is registered, which old-style buffer
//! was the newest then (as glibc does): old-style buffers newer than that run before it.

use crate::thread::cancel;
use crate::thread::tcb;
use core::ffi::{c_int, c_void};
use core::sync::atomic::{Ordering, compiler_fence};

/// glibc's `__pthread_unwind_buf_t` (104 bytes): the jump buffer `__sigsetjmp` filled, then
/// the link to the previous buffer, the newest old-style buffer when this one was
/// registered, and the saved cancel type.
#[repr(C)]
pub struct UnwindBuf {
    jump: [u64; 9],
    prev: *mut UnwindBuf,
    older: *mut OldBuf,
    canceltype: c_int,
    reserved: [u32; 3],
}

const _: () = assert!(core::mem::size_of::<UnwindBuf>() == 104);

/// glibc's `struct _pthread_cleanup_buffer` (32 bytes), of `_pthread_cleanup_push`.
#[repr(C)]
pub struct OldBuf {
    routine: Option<unsafe extern "C" fn(*mut c_void)>,
    arg: *mut c_void,
    canceltype: c_int,
    prev: *mut OldBuf,
}

const _: () = assert!(core::mem::size_of::<OldBuf>() == 32);

impl OldBuf {
    /// A buffer for [`push_old`] to fill, for the library's own cleanup handlers.
    pub fn empty() -> Self {
        OldBuf { routine: None, arg: core::ptr::null_mut(), canceltype: 0, prev: core::ptr::null_mut() }
    }
}

/// `__pthread_register_cancel`: `buf` becomes the newest cleanup buffer.
///
/// # Safety
/// `buf` must be a buffer `__sigsetjmp` filled in a frame that stays live until it is
/// unregistered.
pub unsafe fn register(buf: *mut UnwindBuf) {
    let t = tcb::current();
    // SAFETY: the caller's buffer; our own control block.
    unsafe {
        (*buf).prev = (*t).cleanup;
        (*buf).older = (*t).old_cleanup;
        (*t).cleanup = buf;
    }
}

/// `__pthread_unregister_cancel`: the buffer before `buf` becomes the newest again.
///
/// # Safety
/// `buf` must be the newest registered buffer.
pub unsafe fn unregister(buf: *mut UnwindBuf) {
    // SAFETY: per the contract.
    unsafe { (*tcb::current()).cleanup = (*buf).prev };
}

/// `__pthread_register_cancel_defer`: registers `buf` and makes the thread deferred, keeping
/// the previous type in the buffer.
///
/// # Safety
/// As for [`register`].
pub unsafe fn register_defer(buf: *mut UnwindBuf) {
    // SAFETY: per the contract.
    unsafe {
        register(buf);
        (*buf).canceltype = cancel::set_async(false) as c_int;
    }
}

/// `__pthread_unregister_cancel_restore`: unregisters `buf` and restores the type it kept.
///
/// # Safety
/// As for [`unregister`].
pub unsafe fn unregister_restore(buf: *mut UnwindBuf) {
    // SAFETY: per the contract.
    let kind = unsafe {
        unregister(buf);
        (*buf).canceltype
    };
    if kind != 0 {
        cancel::set_async(true);
    }
}

/// `_pthread_cleanup_push(buf, routine, arg)`: `buf` becomes the newest old-style buffer.
///
/// # Safety
/// `buf` must be writable and stay live until it is popped.
pub unsafe fn push_old(buf: *mut OldBuf, routine: Option<unsafe extern "C" fn(*mut c_void)>, arg: *mut c_void) {
    let t = tcb::current();
    // SAFETY: the caller's buffer; our own control block.
    unsafe {
        (*buf).routine = routine;
        (*buf).arg = arg;
        (*buf).prev = (*t).old_cleanup;
        (*t).old_cleanup = buf;
    }
}

/// `_pthread_cleanup_pop(buf, execute)`: removes `buf`, then runs its routine if `execute`.
///
/// # Safety
/// `buf` must be the newest old-style buffer.
pub unsafe fn pop_old(buf: *mut OldBuf, execute: bool) {
    // SAFETY: per the contract.
    unsafe {
        (*tcb::current()).old_cleanup = (*buf).prev;
        run_old(buf, execute);
    }
}

/// Runs `buf`'s routine with its argument if `execute`.
///
/// # Safety
/// `buf` must be a buffer `push_old` filled.
unsafe fn run_old(buf: *mut OldBuf, execute: bool) {
    // SAFETY: per the contract; the routine is the one C code registered.
    unsafe {
        if let (true, Some(routine)) = (execute, (*buf).routine) {
            routine((*buf).arg);
        }
    }
}

/// `_pthread_cleanup_push_defer`: [`push_old`], and the thread becomes deferred, its previous
/// type kept in `buf`.
///
/// # Safety
/// As for [`push_old`].
pub unsafe fn push_old_defer(buf: *mut OldBuf, routine: Option<unsafe extern "C" fn(*mut c_void)>, arg: *mut c_void) {
    // SAFETY: per the contract.
    unsafe {
        push_old(buf, routine, arg);
        (*buf).canceltype = cancel::set_async(false) as c_int;
    }
}

/// `_pthread_cleanup_pop_restore`: removes `buf`, restores the type it kept (acting on a
/// pending request if that makes the thread asynchronous), then runs the routine if
/// `execute`.
///
/// # Safety
/// As for [`pop_old`].
pub unsafe fn pop_old_restore(buf: *mut OldBuf, execute: bool) {
    // SAFETY: per the contract.
    let kind = unsafe {
        (*tcb::current()).old_cleanup = (*buf).prev;
        (*buf).canceltype
    };
    if kind != 0 {
        cancel::set_async(true);
    }
    // SAFETY: per the contract.
    unsafe { run_old(buf, execute) };
}

/// Runs the next cleanup handler: old-style routines pushed after the newest jump buffer
/// are called here; then it jumps into that buffer (removing it), whose code runs its routine
/// and comes back through `__pthread_unwind_next`. Returns when none is left.
pub fn unwind_one() {
    let t = tcb::current();
    // SAFETY: our own control block; registered buffers are live (see `register` and
    // `push_old`). A jump buffer's frame is below us on the stack, so jumping there abandons
    // only our frames, which own nothing that needs dropping.
    unsafe {
        loop {
            let buf = (*t).cleanup;
            let stop = if buf.is_null() { core::ptr::null_mut() } else { (*buf).older };
            let old = (*t).old_cleanup;
            if !old.is_null() && old != stop {
                (*t).old_cleanup = (*old).prev;
                run_old(old, true);
                continue;
            }
            if buf.is_null() {
                return;
            }
            (*t).cleanup = (*buf).prev;
            crate::arch::jump(buf.cast::<u8>(), 1)
        }
    }
}

/// Runs `f` with `undo` as the newest cleanup handler: should the thread be cancelled (or
/// call `pthread_exit`) inside `f`, `undo` runs in its turn among the handlers C code pushed,
/// newest first, before the thread ends. It is an old-style buffer in this frame, so the
/// frame is still live when [`unwind_one`] calls it: unwinding only ever jumps to frames
/// registered before it.
pub fn with_cleanup<R>(undo: &dyn Fn(), f: impl FnOnce() -> R) -> R {
    unsafe extern "C" fn call(arg: *mut c_void) {
        // SAFETY: `arg` is the `&dyn Fn()` of the frame below, live while its buffer is.
        unsafe { (*arg.cast::<&dyn Fn()>())() }
    }
    let mut buf = OldBuf::empty();
    // SAFETY: the buffer and `undo` stay in this frame until popped below.
    unsafe { push_old(&mut buf, Some(call), (&raw const undo).cast_mut().cast()) };
    // The SIGCANCEL handler reads the chain on this thread: keep the links where they are.
    compiler_fence(Ordering::SeqCst);
    let r = f();
    compiler_fence(Ordering::SeqCst);
    // SAFETY: ours is the newest buffer again (`f` pops what it pushes); not run.
    unsafe { pop_old(&mut buf, false) };
    r
}
