//! Starting a thread: memory from `stack`, then `clone` with every signal blocked.
//!
//! The creator builds the whole control block before `clone`, so the new thread finds its
//! routine, argument and signal mask there. Signals stay blocked across the call so that no
//! handler runs in the new thread before it has set its own mask. A thread whose scheduling
//! or CPU affinity the attributes fix waits at a start gate until the creator has applied
//! them; if that fails, the creator tells it to end at once and reports the error, so that
//! no thread ever runs user code with the wrong attributes.

use crate::kernel::{How, KernelSigSet};
use crate::sync::futex;
use crate::thread::stack::{self, Request};
use crate::thread::tcb::{self, Entry, Tcb};
use crate::thread::{DETACHED, JOINABLE, LIVE, SINGLE_THREADED, signal, sys};
use core::ffi::c_void;
use core::sync::atomic::Ordering;
use rustix::io::Errno;

/// `Tcb::gate`: run.
const GATE_OPEN: u32 = 0;
/// `Tcb::gate`: wait for the creator.
const GATE_CLOSED: u32 = 1;
/// `Tcb::gate`: end without running (the creator could not apply the attributes).
const GATE_ABORT: u32 = 2;

const CLONE_FLAGS: u32 = libc::CLONE_VM as u32
    | libc::CLONE_FS as u32
    | libc::CLONE_FILES as u32
    | libc::CLONE_SIGHAND as u32
    | libc::CLONE_THREAD as u32
    | libc::CLONE_SYSVSEM as u32
    | libc::CLONE_SETTLS as u32
    | libc::CLONE_PARENT_SETTID as u32
    | libc::CLONE_CHILD_CLEARTID as u32;

/// What the attributes ask of a new thread.
pub struct Params<'a> {
    pub stack: Request,
    pub detached: bool,
    /// The signal mask to start with; the creator's when `None`.
    pub sigmask: Option<u64>,
    /// Explicit scheduling policy and priority; inherited from the creator when `None`.
    pub sched: Option<(i32, i32)>,
    /// CPU affinity (a `cpu_set_t` of any size); inherited when `None`.
    pub affinity: Option<&'a [u8]>,
}

/// Starts `start(arg)` in a new thread; returns its control block. `EAGAIN` when memory or
/// the kernel's thread limit runs out; `EPERM`/`EINVAL` when the scheduling or affinity
/// cannot be applied.
pub fn create(start: Entry, arg: *mut c_void, p: &Params<'_>) -> Result<*mut Tcb, Errno> {
    let t = stack::allocate(p.stack)?;
    let me = tcb::current();
    let gated = p.sched.is_some() || p.affinity.is_some();
    // SAFETY: `t` is fresh and private until clone; `me` is the caller's own block.
    unsafe {
        (*t).start = Some(start);
        (*t).arg = arg;
        (*t).stack_guard = (*me).stack_guard;
        (*t).pointer_guard = (*me).pointer_guard;
        (*t).multiple_threads = 1;
        (*me).multiple_threads = 1;
        // Relaxed: nothing else sees `t` before clone, which orders these stores.
        (*t).state.store(if p.detached { DETACHED } else { JOINABLE }, Ordering::Relaxed);
        (*t).gate.store(if gated { GATE_CLOSED } else { GATE_OPEN }, Ordering::Relaxed);
    }
    // Relaxed: a hint for single-threaded shortcuts, set before the second thread exists.
    SINGLE_THREADED.store(0, Ordering::Relaxed);
    // Relaxed: the count only needs to be right by the time the new thread can leave, which
    // clone orders after this.
    LIVE.fetch_add(1, Ordering::Relaxed);
    // SAFETY: blocking signals in the calling thread only; restored below.
    let old = unsafe { crate::kernel::kernel_sigprocmask(How::SETMASK, Some(&KernelSigSet::all())) }
        .unwrap_or_default();
    let old_bits = signal::to_bits(old.clone());
    // SAFETY: still private to us. (An attribute's mask is taken as given: the runtime's own
    // timer threads block signal 32 that way. An inherited mask loses signal 32, which
    // `thread::cancel` may have left blocked in the creator.)
    unsafe { (*t).start_sigmask = p.sigmask.unwrap_or(old_bits & !(1 << 31)) };
    let top = stack_top(t);
    // SAFETY: the flags share our address space; `top` is the top of the new thread's
    // stack, `t` its control block, whose tid word lives as long as the memory does (the
    // memory is only released after the kernel clears it); `thread_main` never returns.
    let ret = unsafe {
        let tid = (&raw mut (*t).tid).cast::<u32>();
        crate::arch::clone_thread(CLONE_FLAGS as usize, top as *mut u8, tid, tid, t.cast(), thread_main)
    };
    // SAFETY: restoring the caller's own mask.
    let _ = unsafe { crate::kernel::kernel_sigprocmask(How::SETMASK, Some(&old)) };
    if ret < 0 {
        // Relaxed: the thread never existed.
        LIVE.fetch_sub(1, Ordering::Relaxed);
        // SAFETY: no thread runs on `t`; its tid word is still 0, so it is ready for reuse.
        unsafe { stack::release(t) };
        return Err(match Errno::from_raw_os_error(-ret as i32) {
            Errno::PERM => Errno::PERM,
            Errno::INVAL => Errno::INVAL,
            _ => Errno::AGAIN,
        });
    }
    if gated {
        open_gate(t, ret as i32, p)?;
    }
    Ok(t)
}

/// The initial stack pointer: the top of the stack, 16-byte aligned.
fn stack_top(t: *mut Tcb) -> usize {
    // SAFETY: `t` is a fresh control block of ours.
    unsafe { ((*t).stack_low + (*t).stack_size) & !15 }
}

/// Applies the scheduling and affinity to the gated thread `tid`, then lets it run; or, when
/// that fails, makes it end, waits until it has, and reports the error.
fn open_gate(t: *mut Tcb, tid: i32, p: &Params<'_>) -> Result<(), Errno> {
    let applied = apply(tid, p);
    // SAFETY: `t` lives until we release it below or the thread ends and is joined.
    let gate = unsafe { &(*t).gate };
    // Release: the thread runs only after what we applied (Acquire in `thread_main`).
    gate.store(if applied.is_ok() { GATE_OPEN } else { GATE_ABORT }, Ordering::Release);
    futex::wake(gate, 1);
    if let Err(e) = applied {
        // SAFETY: as above; the thread is ending without touching LIVE or its memory.
        unsafe {
            crate::thread::join::wait_for_end(t);
            LIVE.fetch_sub(1, Ordering::Relaxed);
            stack::release(t);
        }
        return Err(e);
    }
    Ok(())
}

fn apply(tid: i32, p: &Params<'_>) -> Result<(), Errno> {
    if let Some((policy, priority)) = p.sched {
        sys::sched_setscheduler(tid, policy, priority)?;
    }
    if let Some(set) = p.affinity {
        crate::thread::sched::set_affinity(tid, set)?;
    }
    Ok(())
}

/// The first code a new thread runs (from `arch::clone_thread`), with every signal blocked.
extern "C" fn thread_main() -> ! {
    let t = tcb::current();
    // SAFETY: our own control block, built by our creator before clone.
    let gate = unsafe { &(*t).gate };
    // Acquire: pairs with the creator's Release in `open_gate`.
    let mut g = gate.load(Ordering::Acquire);
    while g == GATE_CLOSED {
        futex::wait(gate, GATE_CLOSED);
        g = gate.load(Ordering::Acquire);
    }
    if g == GATE_ABORT {
        // SAFETY: ends this thread, which has run no user code; the creator reclaims it.
        unsafe { crate::kernel::exit_thread(0) }
    }
    // SAFETY: our own control block.
    let (start, arg, mask) = unsafe { ((*t).start, (*t).arg, (*t).start_sigmask) };
    // SAFETY: setting our own signal mask.
    let _ = unsafe { crate::kernel::kernel_sigprocmask(How::SETMASK, Some(&signal::to_set(mask))) };
    let result = match start {
        // SAFETY: the program's start routine, called as pthread_create promised.
        Some(Entry::Posix(f)) => unsafe { f(arg) },
        // SAFETY: as above, for thrd_create; the int is kept as glibc keeps it.
        Some(Entry::C11(f)) => (unsafe { f(arg) }) as isize as *mut c_void,
        None => core::ptr::null_mut(),
    };
    crate::thread::exit::exit_current(result)
}

/// `pthread_create` with attributes `a`: their stack, guard, detach state, signal mask,
/// scheduling and affinity.
pub fn create_with(start: Entry, arg: *mut c_void, a: &crate::thread::attr::Attr) -> Result<*mut Tcb, Errno> {
    use crate::thread::attr::{FLAG_DETACHED, FLAG_EXPLICIT_SCHED, FLAG_SIGMASK, FLAG_STACK};
    let size = a.effective_stack_size();
    let params = Params {
        stack: Request {
            stack_size: size,
            guard_size: a.guard_size,
            user_stack: if a.flags & FLAG_STACK != 0 { Some((a.stack_top.wrapping_sub(size), size)) } else { None },
        },
        detached: a.flags & FLAG_DETACHED != 0,
        sigmask: if a.flags & FLAG_SIGMASK != 0 { Some(a.sigmask) } else { None },
        sched: if a.flags & FLAG_EXPLICIT_SCHED != 0 { Some((a.policy, a.priority)) } else { None },
        affinity: a.affinity(),
    };
    create(start, arg, &params)
}

/// `pthread_create` without attributes: the process defaults (`pthread_setattr_default_np`).
pub fn create_default(start: Entry, arg: *mut c_void) -> Result<*mut Tcb, Errno> {
    crate::thread::attr::with_default(|d| match d {
        Some(a) => create_with(start, arg, a),
        None => create_with(start, arg, &crate::thread::attr::Attr::new()),
    })
}
