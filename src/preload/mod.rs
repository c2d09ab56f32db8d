//! The preload build (`librustcrt_preload.so`): the library's string, allocator and
//! synchronisation functions serving a process that glibc started (`LD_PRELOAD`).
//!
//! glibc owns `_start`, TLS, threads, `exit`, `fork`, stdio and `errno` there, and `%fs`
//! points at glibc's thread record, so the per-thread state the other families keep in our
//! control block lives instead in a small block of static ELF TLS of our own (`Slots`):
//! - the thread's kernel id, from `gettid` on first use and forgotten in a forked child;
//! - the allocator's heap pointer, whose heap goes back to the pool when the thread ends
//!   (a `pthread_key_create` destructor, armed when the thread first takes a heap);
//! - the robust-mutex list head, registered with the kernel on the thread's first robust
//!   lock (see [`robust_list`] for how it coexists with glibc's).
//!
//! `errno` is glibc's: the shims set it through the `__errno_location` this build imports.
//! The allocator's fork hooks run through `pthread_atfork`. What is exported, and the
//! `RUSTCRT_STATS` counters in front of each export, are made at link time (`preload/link.py`
//! writes the version script and the counting entry points from the shim files); `stats`
//! turns the counters on and prints them.

mod glibc;
mod stats;

use crate::sync::once::Once;
use crate::sync::robust::RobustList;
use core::cell::Cell;
use core::ffi::{c_char, c_int, c_void};

/// The calling thread's slots, in `arch::static_tls`: all-zero bits when the thread starts.
#[repr(C)]
struct Slots {
    /// The thread's kernel id, 0 until first asked (and again in a forked child).
    tid: Cell<u32>,
    /// The TID for which `robust_ok` was decided (0: not yet).
    robust_tid: Cell<u32>,
    /// Whether this thread keeps robust mutexes on `robust` (see [`robust_list`]).
    robust_ok: Cell<bool>,
    /// The allocator's heap for this thread; null before its first allocation.
    heap: Cell<*mut c_void>,
    /// The thread's robust-mutex list head.
    robust: RobustList,
}

const _: () = {
    assert!(size_of::<Slots>() <= crate::arch::STATIC_TLS_SIZE);
    assert!(align_of::<Slots>() <= crate::arch::STATIC_TLS_SIZE);
};

/// The calling thread's slots.
#[inline(always)]
fn slots() -> &'static Slots {
    // SAFETY: the block is this thread's, large and aligned enough (asserted above), zeroed at
    // thread start, and every field's all-zero bits are a valid value (0, false, null,
    // `RobustList::zero()`). Only this thread uses it, so the `Cell`s are not shared; the
    // reference is only used by the thread while it runs.
    unsafe { &*crate::arch::static_tls().cast::<Slots>() }
}

/// What `thread::tcb::current` does in this build: our control block does not exist here.
#[cold]
#[inline(never)]
pub(crate) fn no_tcb() -> ! {
    crate::io::diag::write_stderr(&[b"rustcrt: internal error: the preload build used a thread control block\n"]);
    crate::exit::abort::abort()
}

/// The calling thread's kernel id (`crate::sync::current_tid` in this build).
#[inline(always)]
pub(crate) fn tid() -> u32 {
    let s = slots();
    match s.tid.get() {
        0 => {
            let tid = rustix::thread::gettid().as_raw_nonzero().get() as u32;
            s.tid.set(tid);
            tid
        }
        tid => tid,
    }
}

/// The calling thread's robust-mutex list, registered (`crate::sync::robust::current` here).
///
/// The kernel keeps one list head per thread, and glibc registers its own for every thread it
/// starts. Ours replaces it on the thread's first robust lock, but only if glibc's list is
/// empty then: all robust mutexes the program reaches are ours (the mutex family is exported
/// whole), so glibc's list stays empty in practice, and no mutex on it loses its dead-owner
/// handling. Otherwise (a robust mutex of glibc's own held, reached through `dlsym`) the
/// thread's robust mutexes of ours work without dead-owner detection, decided once per thread
/// so that an unlock always matches its lock.
pub(crate) fn robust_list(tid: u32) -> Option<&'static RobustList> {
    let s = slots();
    if s.robust_tid.get() != tid {
        s.robust_ok.set(!glibc::robust_list_in_use());
        s.robust_tid.set(tid);
    }
    if !s.robust_ok.get() {
        return None;
    }
    s.robust.register(tid);
    Some(&s.robust)
}

/// The calling thread's heap pointer (`crate::alloc::slot::get` here).
#[inline(always)]
pub(crate) fn heap() -> *mut c_void {
    slots().heap.get()
}

/// Sets the calling thread's heap pointer; the first heap of a thread arms the destructor that
/// gives it back when the thread ends.
pub(crate) fn set_heap(heap: *mut c_void) {
    slots().heap.set(heap);
    if !heap.is_null() {
        static KEY: Once = Once::new();
        KEY.call(glibc::create_exit_key);
        glibc::arm_exit_key(heap);
    }
}

/// What a thread's exit destructor does: the heap goes back to the pool for later threads.
extern "C" fn thread_exit(_heap: *mut c_void) {
    crate::alloc::thread_exit();
}

/// The address of the calling thread's `errno`: glibc's.
#[inline(always)]
pub(crate) fn errno_location() -> *mut c_int {
    glibc::errno_location()
}

extern "C" fn fork_prepare() {
    crate::alloc::fork_prepare();
}

extern "C" fn fork_parent() {
    crate::alloc::fork_parent();
}

extern "C" fn fork_child() {
    slots().tid.set(0);
    crate::alloc::fork_child();
}

/// Run by ld.so when the object is loaded, before the program's constructors: hooks `fork`
/// and reads `RUSTCRT_STATS`.
extern "C" fn init(_argc: c_int, _argv: *const *const c_char, envp: *const *const c_char) {
    glibc::at_fork(fork_prepare, fork_parent, fork_child);
    // SAFETY: glibc passes the initial environment, a null-terminated array of C strings.
    unsafe { stats::init(envp) };
}

#[used]
#[unsafe(link_section = ".init_array")]
static INIT: extern "C" fn(c_int, *const *const c_char, *const *const c_char) = init;
