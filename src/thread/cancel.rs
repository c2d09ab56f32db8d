//! Cancellation: `pthread_cancel`, the cancel state and type, cancellation points, and the
//! cleanup handlers of `pthread_cleanup_push` in glibc's ABI.
//!
//! Each thread's `Tcb::cancel` word holds four bits:
//! - [`DISABLED`]: `PTHREAD_CANCEL_DISABLE`; requests wait until it is cleared.
//! - [`ASYNC`]: the thread may be cancelled at any instruction: `PTHREAD_CANCEL_ASYNCHRONOUS`,
//!   or deferred but inside a cancellation point (which sets the bit around its blocking call).
//! - [`REQUESTED`]: `pthread_cancel` was called.
//! - [`ACTING`]: the thread is being cancelled (or is exiting); nothing acts a second time.
//!
//! `pthread_cancel` sets `REQUESTED`; if the same atomic step shows the target enabled and
//! `ASYNC`, it sends `SIGCANCEL` (signal 32), whose handler ends the thread where it is. A
//! cancellation point sets `ASYNC` the same way and acts at once if the step shows a request.
//! Since both are read-modify-writes of one word, a request is never missed: either the
//! canceller sees `ASYNC` and sends the signal, or the point sees `REQUESTED`.
//!
//! Acting means `pthread_exit(PTHREAD_CANCELED)`: the cleanup buffers that C code registered
//! (`__pthread_register_cancel`, one per `pthread_cleanup_push`) are unwound newest first by
//! jumping into each (its `__sigsetjmp` returns nonzero, it runs its routine and calls
//! `__pthread_unwind_next`), then the thread's exit hooks run and it ends.
//!
//! Cancellation points here: `pthread_join` and its variants, `pthread_testcancel`,
//! `thrd_sleep`. Other blocking calls become cancellation points by running their blocking
//! part inside [`point`].

use crate::kernel::{self as runtime, KernelSigaction, KernelSigactionFlags, KernelSigSet, Signal};
use crate::thread::tcb::{self, Tcb};
use crate::thread::{exit, sys};
use core::ffi::{c_int, c_void};
use core::sync::atomic::{AtomicBool, Ordering, compiler_fence};
use rustix::io::Errno;

pub const DISABLED: u32 = 1;
pub const ASYNC: u32 = 2;
pub const REQUESTED: u32 = 4;
pub const ACTING: u32 = 8;

/// glibc's `SIGCANCEL`.
const SIGCANCEL: i32 = 32;
/// `PTHREAD_CANCELED`.
pub const CANCELED: *mut c_void = usize::MAX as *mut c_void;

/// glibc's `__pthread_unwind_buf_t` (104 bytes): the jump buffer `__sigsetjmp` filled, then
/// the link to the previous buffer and the saved cancel type.
#[repr(C)]
pub struct UnwindBuf {
    jump: [u64; 9],
    prev: *mut UnwindBuf,
    cleanup: *mut c_void,
    canceltype: c_int,
    reserved: [u32; 3],
}

const _: () = assert!(core::mem::size_of::<UnwindBuf>() == 104);

/// Whether `bits` call for acting now: a request, enabled, not already acting.
fn pending(bits: u32) -> bool {
    bits & (DISABLED | REQUESTED | ACTING) == REQUESTED
}

fn word(t: *mut Tcb) -> &'static core::sync::atomic::AtomicU32 {
    // SAFETY: callers pass a live control block; the word lives as long as it.
    unsafe { &(*t).cancel }
}

/// Cancels the calling thread now.
fn act() -> ! {
    // AcqRel: ordered with the canceller's request.
    word(tcb::current()).fetch_or(ACTING | DISABLED, Ordering::AcqRel);
    exit::exit_current(CANCELED)
}

/// The `SIGCANCEL` handler: acts if the thread is enabled, asynchronous and asked to.
extern "C" fn on_sigcancel(_sig: c_int, info: *mut c_void, _context: *mut c_void) {
    // siginfo_t: si_code at 8, si_pid at 16. Only our own pthread_cancel (tgkill) counts.
    // SAFETY: the kernel passes a siginfo_t to an SA_SIGINFO handler.
    let (code, pid) = unsafe { (info.cast::<u8>().add(8).cast::<i32>().read(), info.cast::<u8>().add(16).cast::<i32>().read()) };
    if code != libc::SI_TKILL || pid != rustix::process::getpid().as_raw_nonzero().get() {
        return;
    }
    // Acquire: pairs with the canceller's request.
    let bits = word(tcb::current()).load(Ordering::Acquire);
    if pending(bits) && bits & ASYNC != 0 {
        act();
    }
}

static HANDLER: AtomicBool = AtomicBool::new(false);

/// Installs the `SIGCANCEL` handler the first time a thread is cancelled.
fn install_handler() -> Result<(), Errno> {
    // Acquire: a thread that sees `true` sees the installed handler.
    if HANDLER.load(Ordering::Acquire) {
        return Ok(());
    }
    // SAFETY: the handler has the SA_SIGINFO signature and the restorer is the library's
    // trampoline; signal 32 is the runtime's own, so no program handler is replaced.
    unsafe {
        let handler: unsafe extern "C" fn(c_int) =
            core::mem::transmute::<extern "C" fn(c_int, *mut c_void, *mut c_void), unsafe extern "C" fn(c_int)>(on_sigcancel);
        let action = KernelSigaction {
            sa_handler_kernel: Some(handler),
            sa_flags: KernelSigactionFlags::SIGINFO | KernelSigactionFlags::RESTART | KernelSigactionFlags::RESTORER,
            sa_restorer: Some(crate::arch::restore_rt),
            sa_mask: KernelSigSet::empty(),
        };
        runtime::kernel_sigaction(Signal::from_raw_unchecked(SIGCANCEL), Some(action))?;
    }
    // Release: see above.
    HANDLER.store(true, Ordering::Release);
    Ok(())
}

/// `pthread_cancel(t)`. A thread that has ended (not joined yet) is not an error.
///
/// # Safety
/// `t` must name a thread not yet joined.
pub unsafe fn cancel(t: *mut Tcb) -> Result<(), Errno> {
    install_handler()?;
    // SAFETY: per the contract.
    let Some(tid) = (unsafe { crate::thread::signal::tid_of(t) }) else { return Ok(()) };
    // AcqRel: the request is seen by the target's next point or handler; we see its type.
    let old = word(t).fetch_or(REQUESTED, Ordering::AcqRel);
    if !pending(old | REQUESTED) || old & ASYNC == 0 {
        return Ok(());
    }
    if t == tcb::current() {
        act();
    }
    match sys::tgkill(tid, SIGCANCEL) {
        Err(Errno::SRCH) | Ok(()) => Ok(()),
        Err(e) => Err(e),
    }
}

/// `pthread_testcancel`.
pub fn test() {
    // Acquire: pairs with the canceller's request.
    if pending(word(tcb::current()).load(Ordering::Acquire)) {
        act();
    }
}

/// Runs `f` as a cancellation point: a pending request acts before it; one that arrives
/// while it blocks interrupts it.
pub fn point<R>(f: impl FnOnce() -> R) -> R {
    let w = word(tcb::current());
    // AcqRel: pairs with the canceller's fetch_or (see the module documentation).
    let old = w.fetch_or(ASYNC, Ordering::AcqRel);
    if pending(old) {
        act();
    }
    let r = f();
    if old & ASYNC == 0 {
        // Relaxed: only this thread changes its own type.
        w.fetch_and(!ASYNC, Ordering::Relaxed);
    }
    r
}

/// Sets (`set`) or clears one of the calling thread's bits; returns whether it was set, and
/// acts if the change leaves a request pending for an asynchronous thread.
fn change(bit: u32, set: bool) -> bool {
    let w = word(tcb::current());
    // AcqRel: a request that arrived meanwhile is seen.
    let old = if set { w.fetch_or(bit, Ordering::AcqRel) } else { w.fetch_and(!bit, Ordering::AcqRel) };
    let new = if set { old | bit } else { old & !bit };
    if pending(new) && new & ASYNC != 0 {
        act();
    }
    old & bit != 0
}

/// `pthread_setcancelstate`: 0 enabled, 1 disabled; the previous state.
pub fn set_state(state: c_int) -> Result<c_int, Errno> {
    match state {
        0 | 1 => Ok(change(DISABLED, state == 1) as c_int),
        _ => Err(Errno::INVAL),
    }
}

/// `pthread_setcanceltype`: 0 deferred, 1 asynchronous; the previous type.
pub fn set_type(kind: c_int) -> Result<c_int, Errno> {
    match kind {
        0 | 1 => Ok(change(ASYNC, kind == 1) as c_int),
        _ => Err(Errno::INVAL),
    }
}

/// `__pthread_register_cancel`: `buf` becomes the newest cleanup buffer.
///
/// # Safety
/// `buf` must be a buffer `__sigsetjmp` filled in a frame that stays live until it is
/// unregistered.
pub unsafe fn register(buf: *mut UnwindBuf) {
    let t = tcb::current();
    // SAFETY: the caller's buffer; our own control block. C leaves `cleanup` unset: null
    // marks a buffer to jump into (see `with_cleanup`).
    unsafe {
        (*buf).cleanup = core::ptr::null_mut();
        (*buf).prev = (*t).cleanup;
        (*t).cleanup = buf;
    }
}

/// Runs `f` with `undo` as the newest cleanup handler: should the thread be cancelled (or
/// call `pthread_exit`) inside `f`, `undo` runs in its turn among the handlers C code pushed,
/// newest first, before the thread ends. The record is a buffer in this frame whose `cleanup`
/// word points at `undo` (C's buffers have it null), so the frame is still live when
/// [`unwind_one`] calls it: unwinding only ever jumps to frames registered before it.
pub fn with_cleanup<R>(undo: &dyn Fn(), f: impl FnOnce() -> R) -> R {
    let t = tcb::current();
    let mut buf = UnwindBuf {
        jump: [0; 9],
        prev: core::ptr::null_mut(),
        cleanup: (&raw const undo).cast_mut().cast(),
        canceltype: 0,
        reserved: [0; 3],
    };
    // SAFETY: our own control block; the record stays in this frame until unlinked below.
    unsafe {
        buf.prev = (*t).cleanup;
        (*t).cleanup = &raw mut buf;
    }
    // The SIGCANCEL handler reads the list on this thread: keep the links where they are.
    compiler_fence(Ordering::SeqCst);
    let r = f();
    compiler_fence(Ordering::SeqCst);
    // SAFETY: as above; `f` left the list as it found it (C code pops what it pushes).
    unsafe { (*t).cleanup = buf.prev };
    r
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
        (*buf).canceltype = change(ASYNC, false) as c_int;
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
        change(ASYNC, true);
    }
}

/// Jumps into the newest registered cleanup buffer (removing it), if there is one: its code
/// runs the cleanup routine and comes back through `__pthread_unwind_next`. A record of
/// [`with_cleanup`] is called instead, and unwinding goes on. Returns when none is left.
pub fn unwind_one() {
    let t = tcb::current();
    loop {
        // SAFETY: our own control block; a registered buffer is live (see `register`), and
        // its frame is below us on the stack, so jumping there abandons only our frames, which
        // own nothing that needs dropping. A record of `with_cleanup` points at its handler.
        unsafe {
            let buf = (*t).cleanup;
            if buf.is_null() {
                return;
            }
            (*t).cleanup = (*buf).prev;
            let undo = (*buf).cleanup.cast::<&dyn Fn()>();
            if undo.is_null() {
                crate::arch::jump(buf.cast::<u8>(), 1)
            }
            (*undo)();
        }
    }
}
