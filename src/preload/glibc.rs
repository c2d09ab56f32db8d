//! What the preload build takes from glibc: `errno`, thread-exit destructors, fork hooks.
//! (The shims that glibc programs call are ours; these are glibc's, imported.)

use core::ffi::{c_int, c_uint, c_void};
use core::sync::atomic::{AtomicU32, Ordering::Relaxed};

unsafe extern "C" {
    fn __errno_location() -> *mut c_int;
    fn pthread_key_create(key: *mut c_uint, destructor: Option<extern "C" fn(*mut c_void)>) -> c_int;
    fn pthread_setspecific(key: c_uint, value: *const c_void) -> c_int;
    fn pthread_atfork(prepare: extern "C" fn(), parent: extern "C" fn(), child: extern "C" fn()) -> c_int;
}

/// The calling thread's `errno`, as glibc's own code and the program see it.
#[inline(always)]
pub fn errno_location() -> *mut c_int {
    // SAFETY: glibc's function has no preconditions in a glibc-started thread.
    unsafe { __errno_location() }
}

/// The key whose destructor ends a thread's heap, or `NO_KEY`.
static EXIT_KEY: AtomicU32 = AtomicU32::new(NO_KEY);
const NO_KEY: u32 = u32::MAX;

/// Creates the thread-exit key (once, under the caller's `Once`). Without one (all keys
/// taken) threads' heaps are not given back at exit: their memory stays allocated.
pub fn create_exit_key() {
    let mut key: c_uint = 0;
    // SAFETY: `key` is writable; the destructor is a plain function.
    if unsafe { pthread_key_create(&mut key, Some(super::thread_exit)) } == 0 {
        // Relaxed: the caller's `Once` publishes the key to every later reader.
        EXIT_KEY.store(key, Relaxed);
    }
}

/// Makes glibc run the exit destructor when the calling thread ends (the value is non-null,
/// which is what makes glibc call it).
pub fn arm_exit_key(heap: *mut c_void) {
    // Relaxed: read after the `Once` that set it.
    let key = EXIT_KEY.load(Relaxed);
    if key != NO_KEY {
        // SAFETY: a key of ours; glibc only stores the pointer. It allocates only for keys of
        // 32 and above, through `calloc`, which finds this thread's heap already set.
        let _ = unsafe { pthread_setspecific(key, heap) };
    }
}

/// Registers the fork hooks.
pub fn at_fork(prepare: extern "C" fn(), parent: extern "C" fn(), child: extern "C" fn()) {
    // SAFETY: three plain functions that stay loaded as long as the process (an LD_PRELOAD
    // object is never unloaded).
    let _ = unsafe { pthread_atfork(prepare, parent, child) };
}

/// `SYS_get_robust_list`, which rustix does not wrap.
const SYS_GET_ROBUST_LIST: usize = 274;

/// Whether the calling thread's registered robust list (glibc's) holds a mutex or an
/// operation in progress. No list registered counts as empty.
pub fn robust_list_in_use() -> bool {
    let (mut head, mut len): (*const *const c_void, usize) = (core::ptr::null(), 0);
    // SAFETY: pid 0 is the calling thread; the kernel writes the two out-words.
    let r = unsafe { crate::arch::syscall6(SYS_GET_ROBUST_LIST, [0, (&raw mut head) as usize, (&raw mut len) as usize, 0, 0, 0]) };
    if r != 0 || head.is_null() {
        return false;
    }
    // SAFETY: a registered head is the thread's own live `struct robust_list_head`
    // (`next`, `futex_offset`, `list_op_pending`); only this thread changes it.
    unsafe { *head != head.cast() || !(*head.add(2)).is_null() }
}
