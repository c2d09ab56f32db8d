//! Cancellation: `pthread_cancel`, the cancel state and type, and cancellation points.
//!
//! Each thread's `Tcb::cancel` word holds four bits:
//! - [`DISABLED`]: `PTHREAD_CANCEL_DISABLE`; requests wait until it is cleared.
//! - [`ASYNC`]: the thread may be cancelled at any instruction: `PTHREAD_CANCEL_ASYNCHRONOUS`,
//!   or deferred but inside a [`point`] (which sets the bit around its blocking call).
//! - [`REQUESTED`]: `pthread_cancel` was called.
//! - [`ACTING`]: the thread is being cancelled (or is exiting); nothing acts a second time.
//!
//! `pthread_cancel` sets `REQUESTED` and, if the same atomic step shows the target enabled,
//! sends it `SIGCANCEL` (signal 32). The handler ends an `ASYNC` thread where it is. A
//! deferred one it ends only if it interrupted the thread inside a [`syscall`] that has not
//! taken effect (see below); anywhere else the request waits for the next cancellation point,
//! which checks the word on entry.
//!
//! Acting means `pthread_exit(PTHREAD_CANCELED)`: the cleanup handlers run (`thread::cleanup`),
//! then the thread's exit hooks, and it ends.
//!
//! # Cancellation points
//!
//! The blocking system calls of the POSIX cancellation points (`read`, `open`, `nanosleep`,
//! `waitpid`, `poll`, `sigsuspend`, ...) go through [`syscall`], which makes the call from a
//! small assembly routine (`arch::cancellable_syscall`): it checks the word, then executes
//! `syscall`. If `SIGCANCEL` interrupts the thread between that check and the `syscall`
//! instruction, or while the call blocks (the handler has `SA_RESTART`, so the kernel rewinds
//! an interrupted call to its `syscall` instruction before the handler runs), the handler
//! sends the thread to its cancellation instead of back into the call. A call the signal finds
//! completed has taken effect (a `read` consumed data, a `close` closed), so the request stays
//! pending and the call returns its result: no side effect is lost (glibc's bug 12683 with
//! the "asynchronous around the call" approach). Calls that fail with `EINTR` whatever
//! `SA_RESTART` says (`poll`, `pause`, `nanosleep`...) had no effect, so `syscall` acts on a
//! pending request after such a failure (except for `close`, which has closed even then).
//! These calls bypass rustix for that reason: the check and the `syscall` instruction must be
//! in one routine whose addresses the handler knows; their C arguments go to the kernel as
//! given, so the kernel checks them (a bad pointer is `EFAULT`).
//!
//! When the handler finds a deferred thread elsewhere, it blocks `SIGCANCEL` in the context
//! it returns to and sends it again: if that context was a handler that had interrupted a
//! cancellation point, the signal arrives again once the handler returns, now at the rewound
//! `syscall` instruction. A thread whose request is pending acts at its next point anyway, so
//! the blocked signal loses nothing; new threads do not inherit it (`thread::create`).
//!
//! Other blocking calls (`pthread_join`, `thrd_sleep`, the sync objects' waits) become
//! cancellation points by running their blocking part inside [`point`], which makes the thread
//! asynchronous around it (a completed wait then may still be followed by cancellation, which
//! is harmless for waits that consume nothing).

use crate::kernel::{self as runtime, KernelSigaction, KernelSigactionFlags, KernelSigSet, Signal};
use crate::thread::tcb::{self, Tcb};
use crate::thread::{exit, sys};
use core::ffi::{c_int, c_long, c_void};
use core::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use rustix::io::Errno;

pub const DISABLED: u32 = 1;
pub const ASYNC: u32 = 2;
pub const REQUESTED: u32 = 4;
pub const ACTING: u32 = 8;
/// The bits that say whether to act: exactly [`REQUESTED`] among them means act now.
pub const ACT_MASK: u32 = DISABLED | REQUESTED | ACTING;

/// glibc's `SIGCANCEL`.
const SIGCANCEL: i32 = 32;
/// `PTHREAD_CANCELED`.
pub const CANCELED: *mut c_void = usize::MAX as *mut c_void;

/// Whether `bits` call for acting now: a request, enabled, not already acting.
fn pending(bits: u32) -> bool {
    bits & ACT_MASK == REQUESTED
}

fn word(t: *mut Tcb) -> &'static AtomicU32 {
    // SAFETY: callers pass a live control block; the word lives as long as it.
    unsafe { &(*t).cancel }
}

/// Cancels the calling thread now.
fn act() -> ! {
    // AcqRel: ordered with the canceller's request.
    word(tcb::current()).fetch_or(ACTING | DISABLED, Ordering::AcqRel);
    exit::exit_current(CANCELED)
}

/// Where a cancellation point's routine goes when it acts (`arch::landing`).
pub extern "C" fn cancelled() -> ! {
    act()
}

/// The `SIGCANCEL` handler (see the module documentation).
extern "C" fn on_sigcancel(_sig: c_int, info: *mut c_void, context: *mut c_void) {
    // siginfo_t: si_code at 8, si_pid at 16. Only our own pthread_cancel (tgkill) counts.
    // SAFETY: the kernel passes a siginfo_t to an SA_SIGINFO handler.
    let (code, pid) = unsafe { (info.cast::<u8>().add(8).cast::<i32>().read(), info.cast::<u8>().add(16).cast::<i32>().read()) };
    if code != libc::SI_TKILL || pid != rustix::process::getpid().as_raw_nonzero().get() {
        return;
    }
    let t = tcb::current();
    // Acquire: pairs with the canceller's request.
    let bits = word(t).load(Ordering::Acquire);
    if !pending(bits) {
        return;
    }
    if bits & ASYNC != 0 {
        act();
    }
    let uc = context.cast::<libc::ucontext_t>();
    let (start, end) = crate::arch::region();
    // SAFETY: the kernel passes the interrupted context, which the handler may change; it
    // takes effect when the handler returns.
    unsafe {
        let pc = &mut (*uc).uc_mcontext.gregs[libc::REG_RIP as usize];
        if (start..end).contains(&(*pc as usize)) {
            *pc = crate::arch::landing() as i64;
            return;
        }
        *(&raw mut (*uc).uc_sigmask).cast::<u64>() |= 1 << (SIGCANCEL - 1);
        if let Some(tid) = crate::thread::signal::tid_of(t) {
            let _ = sys::tgkill(tid, SIGCANCEL);
        }
    }
}

/// Before `execve`: while a request is pending, the handler may have left `SIGCANCEL` blocked
/// in this thread with itself pending (above), and the new program must not inherit that. The
/// pending signal is taken first, or unblocking would run the handler, which blocks it again;
/// the request stays in the word. Without a request nothing was blocked: no system call.
pub fn before_exec() {
    // Relaxed: the handler that blocked the signal ran on this thread and read the request,
    // so this later read on the same thread sees it too.
    if word(tcb::current()).load(Ordering::Relaxed) & REQUESTED == 0 {
        return;
    }
    let cancel = crate::thread::signal::to_set(1 << (SIGCANCEL - 1));
    let now = rustix::time::Timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: takes only SIGCANCEL, which no program code waits for.
    while unsafe { runtime::kernel_sigtimedwait(&cancel, Some(&now)) }.is_ok() {}
    // SAFETY: changes the calling thread's mask only.
    let _ = unsafe { runtime::kernel_sigprocmask(crate::kernel::How::UNBLOCK, Some(&cancel)) };
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
    // AcqRel: the request is seen by the target's next point or handler; we see its state.
    let old = word(t).fetch_or(REQUESTED, Ordering::AcqRel);
    // A disabled thread is not signalled: its blocking calls must not fail with EINTR.
    if !pending(old | REQUESTED) {
        return Ok(());
    }
    if t == tcb::current() {
        if old & ASYNC != 0 {
            act();
        }
        return Ok(());
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

/// Makes system call `nr` as a cancellation point: a pending request acts before it, one
/// that arrives while it blocks acts instead of it, one that arrives after it took effect
/// waits (see the module documentation). Otherwise as [`crate::io::syscall::call`].
///
/// # Safety
/// As [`crate::arch::syscall6`]: the arguments must be valid for the call.
pub unsafe fn syscall(nr: c_long, args: [usize; 6]) -> Result<usize, Errno> {
    if !cfg!(feature = "c-abi") {
        // Without our threads (the unit tests, the preload build) there is no word to check.
        // SAFETY: the caller's contract.
        return unsafe { crate::io::syscall::call(nr, args) };
    }
    let w = word(tcb::current());
    // SAFETY: the caller's contract; `w` is the calling thread's word.
    let ret = unsafe { crate::arch::cancellable_syscall(w, nr as usize, &args) };
    if !(-4095..0).contains(&ret) {
        return Ok(ret as usize);
    }
    let e = Errno::from_raw_os_error(-ret as i32);
    // Acquire: pairs with the canceller's request.
    if e == Errno::INTR && nr != libc::SYS_close && pending(w.load(Ordering::Acquire)) {
        act();
    }
    Err(e)
}

/// [`syscall`] with fewer arguments: the rest are zero.
///
/// # Safety
/// As [`syscall`].
pub unsafe fn syscall3(nr: c_long, a: usize, b: usize, c: usize) -> Result<usize, Errno> {
    // SAFETY: the caller's contract.
    unsafe { syscall(nr, [a, b, c, 0, 0, 0]) }
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

/// Runs `f` with cancellation disabled: the library's own blocking work that must not end
/// half-done or with a lock held (flushes made under another lock, `fclose`). A request made
/// meanwhile waits for the next cancellation point after `f`.
pub fn without<R>(f: impl FnOnce() -> R) -> R {
    if !cfg!(feature = "c-abi") {
        // Without our threads there is no word (see `syscall`).
        return f();
    }
    let was = change(DISABLED, true);
    let r = f();
    if !was {
        change(DISABLED, false);
    }
    r
}

/// Makes the calling thread asynchronous (`true`) or deferred; returns whether it was
/// asynchronous, and acts on a pending request if it becomes asynchronous.
pub fn set_async(on: bool) -> bool {
    change(ASYNC, on)
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
        0 | 1 => Ok(set_async(kind == 1) as c_int),
        _ => Err(Errno::INVAL),
    }
}
