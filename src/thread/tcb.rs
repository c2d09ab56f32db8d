//! The thread control block (TCB): the memory the thread pointer (`%fs` base) points at.
//!
//! The first 0x80 bytes are glibc's `tcbhead_t` as compilers and debuggers use it: the self
//! pointer at 0 (TLS code reads `%fs:0`), the DTV pointer at 8, the self pointer again at 0x10,
//! the stack-protector canary at 0x28, the pointer guard at 0x30 and the split-stack limit at
//! 0x70. Our own per-thread record follows; nothing outside the library may rely on it.
//!
//! Thread-local storage uses variant II: the program's static TLS block sits directly below the
//! thread pointer, so the TCB is the first byte above it.

use core::ffi::{c_int, c_void};
use core::sync::atomic::{AtomicPtr, AtomicU32};

/// A thread's start routine, as `pthread_create` takes it.
pub type StartRoutine = unsafe extern "C" fn(*mut c_void) -> *mut c_void;
/// A C11 thread's start routine, as `thrd_create` takes it.
pub type C11Routine = unsafe extern "C" fn(*mut c_void) -> c_int;

/// What a new thread runs.
#[derive(Clone, Copy)]
pub enum Entry {
    Posix(StartRoutine),
    /// Its `int` result becomes the thread's result, as glibc stores it.
    C11(C11Routine),
}

/// A thread's control block. All-zero except for what start-up or thread creation sets.
#[repr(C, align(64))]
pub struct Tcb {
    /// `%fs:0`: the thread pointer itself (the TLS ABI's "self" word).
    pub self_ptr: *mut Tcb,
    /// `%fs:8`: the dynamic thread vector of `__tls_get_addr`.
    pub dtv: *mut usize,
    /// `%fs:0x10`: glibc's `self` field, the same pointer again.
    pub self_again: *mut Tcb,
    /// `%fs:0x18`: glibc's `multiple_threads` (nonzero once a second thread exists).
    pub multiple_threads: c_int,
    /// `%fs:0x1c`: glibc's `gscope_flag`, unused here.
    gscope_flag: c_int,
    /// `%fs:0x20`: glibc's `sysinfo`, unused on x86_64.
    sysinfo: usize,
    /// `%fs:0x28`: the stack-protector canary that `-fstack-protector` code compares against.
    pub stack_guard: usize,
    /// `%fs:0x30`: the pointer guard (glibc's `PTR_MANGLE` key).
    pub pointer_guard: usize,
    /// `%fs:0x38..0x80`: the rest of glibc's header (vgetcpu cache, CET feature word,
    /// transactional-memory scratch, split-stack limit at 0x70), kept zero.
    abi_reserved: [usize; 9],
    /// Our record: this thread's `errno`.
    pub errno: c_int,
    /// The thread's kernel id. The kernel clears it and wakes futex waiters when the thread
    /// ends (`set_tid_address`/`CLONE_CHILD_CLEARTID`), which is what a join waits for.
    pub tid: AtomicU32,
    /// Joinable, detached or exited: see `thread::state`.
    pub state: AtomicU32,
    /// Nonzero once a thread has claimed the join (a second joiner gets `EINVAL`).
    pub joiner: AtomicU32,
    /// The start gate of a thread whose creator still has to set its scheduling or affinity:
    /// see `thread::create`. Zero when the thread may run at once.
    pub gate: AtomicU32,
    /// Nonzero while the thread runs its exit hooks (for `pthread_exit` from a destructor).
    pub exiting: c_int,
    /// What the thread runs, and with what.
    pub start: Option<Entry>,
    pub arg: *mut c_void,
    /// The thread's return value, set before it ends; read by the joiner.
    pub result: *mut c_void,
    /// The signal mask the thread starts with (kernel format, 64 signals).
    pub start_sigmask: u64,
    /// The mapping this thread's memory lives in (stack, TLS, control block, key slots), or
    /// `map_len == 0` for the main thread, whose memory is not ours to free.
    pub map_base: usize,
    pub map_len: usize,
    /// The stack's lowest usable address and size, and the guard below it (reported by
    /// `pthread_getattr_np`).
    pub stack_low: usize,
    pub stack_size: usize,
    pub guard_size: usize,
    /// Whether the program supplied the stack (`pthread_attr_setstack`).
    pub user_stack: bool,
    /// This thread's key values, `KEYS_MAX` slots (`thread::keys`).
    pub keys: *mut crate::thread::keys::Slot,
    /// One past the highest key slot this thread ever wrote (what exit must clear).
    pub keys_used: u32,
    /// The newest page of this thread's `__cxa_thread_atexit_impl` destructors.
    pub tls_dtors: *mut crate::thread::tls_dtors::Page,
    /// The thread this one is joining, so that a cancelled join gives its claim back.
    pub joining: *mut Tcb,
    /// Cancellation state, type and request: see `thread::cancel`.
    pub cancel: AtomicU32,
    /// The newest cleanup buffer of `pthread_cleanup_push` (C code's `__pthread_register_cancel`).
    pub cleanup: *mut crate::thread::cleanup::UnwindBuf,
    /// The newest buffer of the old `_pthread_cleanup_push` ABI.
    pub old_cleanup: *mut crate::thread::cleanup::OldBuf,
    /// Link in the stack cache (`thread::stack`) while the thread's memory is cached.
    pub next_cached: AtomicPtr<Tcb>,
    /// The allocator's per-thread heap (`crate::alloc`); null until the thread first allocates.
    pub alloc_cache: *mut c_void,
    /// The robust mutexes the thread holds, for the kernel (`crate::sync::robust`).
    pub robust: crate::sync::robust::RobustList,
    /// A condition-variable wake deferred to a mutex's unlock (`crate::sync::handoff`).
    pub handoff: crate::sync::handoff::Slot,
    /// The priority boosts of the priority-protection mutexes held (`crate::sync::protect`).
    pub boosts: crate::sync::protect::Boosts,
    /// The locale this thread chose with `uselocale` (`crate::locale`); null while it uses
    /// the global locale.
    pub locale: *const c_void,
    /// The texts `strerror` and `strsignal` return for numbers without a fixed one
    /// ("Unknown error 1234"), one buffer each per thread as in glibc (`crate::string::message`).
    pub strerror_text: crate::string::message::TextBuffer,
    pub strsignal_text: crate::string::message::TextBuffer,
    /// The text `inet_ntoa` returns, one per thread as in glibc ("255.255.255.255" and the
    /// terminator: 16 bytes).
    pub inet_ntoa_text: [u8; 16],
}

const _: () = {
    assert!(core::mem::offset_of!(Tcb, self_ptr) == 0x00);
    assert!(core::mem::offset_of!(Tcb, dtv) == 0x08);
    assert!(core::mem::offset_of!(Tcb, self_again) == 0x10);
    assert!(core::mem::offset_of!(Tcb, multiple_threads) == 0x18);
    assert!(core::mem::offset_of!(Tcb, stack_guard) == 0x28);
    assert!(core::mem::offset_of!(Tcb, pointer_guard) == 0x30);
    assert!(core::mem::offset_of!(Tcb, errno) == 0x80);
};

impl Tcb {
    /// A control block with every field zero, to be placed and filled in by its thread's
    /// creator. Every field's zero value is all-zero bits (null, 0, `None`, `false`), so a
    /// zero-filled block equals this one; `Template::install` relies on that. A field added
    /// here must keep it so.
    pub const ZERO: Tcb = Tcb {
        self_ptr: core::ptr::null_mut(),
        dtv: core::ptr::null_mut(),
        self_again: core::ptr::null_mut(),
        multiple_threads: 0,
        gscope_flag: 0,
        sysinfo: 0,
        stack_guard: 0,
        pointer_guard: 0,
        abi_reserved: [0; 9],
        errno: 0,
        tid: AtomicU32::new(0),
        state: AtomicU32::new(0),
        joiner: AtomicU32::new(0),
        gate: AtomicU32::new(0),
        exiting: 0,
        start: None,
        arg: core::ptr::null_mut(),
        result: core::ptr::null_mut(),
        start_sigmask: 0,
        map_base: 0,
        map_len: 0,
        stack_low: 0,
        stack_size: 0,
        guard_size: 0,
        user_stack: false,
        keys: core::ptr::null_mut(),
        keys_used: 0,
        tls_dtors: core::ptr::null_mut(),
        joining: core::ptr::null_mut(),
        cancel: AtomicU32::new(0),
        cleanup: core::ptr::null_mut(),
        old_cleanup: core::ptr::null_mut(),
        next_cached: AtomicPtr::new(core::ptr::null_mut()),
        alloc_cache: core::ptr::null_mut(),
        robust: crate::sync::robust::RobustList::zero(),
        handoff: crate::sync::handoff::Slot::zero(),
        boosts: crate::sync::protect::Boosts::zero(),
        locale: core::ptr::null(),
        strerror_text: crate::string::message::TextBuffer::ZERO,
        strsignal_text: crate::string::message::TextBuffer::ZERO,
        inet_ntoa_text: [0; 16],
    };
}

/// The calling thread's control block.
///
/// Only valid in a process whose start-up code is ours (the `c-abi` build): in a
/// glibc-started process `%fs` points at glibc's own record, whose layout past 0x80 differs.
#[cfg(not(feature = "preload"))]
#[inline(always)]
pub fn current() -> *mut Tcb {
    crate::arch::thread_pointer().cast()
}

/// The preload build runs in glibc's threads, which have no control block of ours: code that
/// reaches for one is a bug, stopped here rather than let loose on glibc's record (and
/// `preload/link.py` refuses an object in which an exported function can reach this).
#[cfg(feature = "preload")]
pub fn current() -> *mut Tcb {
    crate::preload::no_tcb()
}

/// The address of the calling thread's `errno`.
#[cfg(not(feature = "preload"))]
#[inline(always)]
pub fn errno_location() -> *mut c_int {
    // SAFETY: `current()` is this thread's live control block; taking a field's address does
    // not read it.
    unsafe { &raw mut (*current()).errno }
}

/// The address of the calling thread's `errno` in the preload build: glibc's.
#[cfg(feature = "preload")]
#[inline(always)]
pub fn errno_location() -> *mut c_int {
    crate::preload::errno_location()
}

/// Sets the calling thread's `errno`.
#[inline]
pub fn set_errno(value: c_int) {
    // SAFETY: `errno_location` is this thread's own slot; no other thread writes it.
    unsafe { errno_location().write(value) }
}
