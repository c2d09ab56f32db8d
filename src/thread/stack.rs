//! Thread memory: one mapping per thread, and a bounded cache of mappings whose threads ended.
//!
//! A thread that runs on a stack of ours lives in one mapping, from low to high addresses:
//!
//! ```text
//! | guard (PROT_NONE) | stack (grows down) | key slots | TLS block | control block |
//! ```
//!
//! so a stack overflow runs into the guard and dies by SIGSEGV. The stack is the size asked
//! for (rounded to pages): the key slots, TLS and control block come on top of it rather than
//! out of it, so a thread asked to run in `PTHREAD_STACK_MIN` bytes has them all. A thread on
//! a stack the program supplies (`pthread_attr_setstack`) gets a separate small mapping for
//! its key slots, TLS and control block, and the program's stack is left untouched.
//!
//! A mapping whose thread has ended goes to the cache instead of back to the kernel, so the
//! next thread of the same sizes needs no `mmap`, `mprotect` or page faults. A mapping is
//! only reused or unmapped once the kernel has cleared its thread's tid word
//! (`CLONE_CHILD_CLEARTID`): from then on the thread runs no more code on it. So a detached
//! thread can put its own mapping in the cache while still running on it. The cache holds at
//! most [`MAX_BYTES`] and [`MAX_COUNT`] mappings that are ready; beyond that, ready ones are
//! unmapped.

use crate::start::tls::TEMPLATE;
use crate::sync::lock::RawLock;
use crate::thread::keys::{SLOTS_BYTES, Slot};
use crate::thread::tcb::Tcb;
use core::cell::UnsafeCell;
use core::sync::atomic::Ordering;
use rustix::io::Errno;
use rustix::mm::{MapFlags, MprotectFlags, ProtFlags};

/// Cached bytes beyond which ready mappings are unmapped (glibc's bound too).
const MAX_BYTES: usize = 40 << 20;
/// Cached mappings beyond which ready ones are unmapped, whatever their size.
const MAX_COUNT: usize = 64;

/// What a new thread's memory must provide.
#[derive(Clone, Copy)]
pub struct Request {
    /// Bytes of stack (ignored for a program's stack).
    pub stack_size: usize,
    /// Bytes of guard below the stack (ignored for a program's stack).
    pub guard_size: usize,
    /// A stack of the program's: its lowest address and size.
    pub user_stack: Option<(usize, usize)>,
}

/// The system's page size (from the auxiliary vector; 4096, x86_64's, in a process whose
/// start-up was not ours, as under `cargo test`).
pub fn page_size() -> usize {
    match rustix::param::page_size() {
        0 => 4096,
        n => n,
    }
}

fn round_up(n: usize, to: usize) -> Option<usize> {
    Some(n.checked_add(to - 1)? & !(to - 1))
}

/// Bytes at the top of a mapping for key slots, TLS and control block.
fn area_len() -> Option<usize> {
    round_up(SLOTS_BYTES + TEMPLATE.get().area_size(), page_size())
}

/// Memory for a new thread, its control block built: TLS copied from the template, key
/// slots empty, the memory fields set. `EAGAIN` when there is no memory or the stack size
/// overflows, `EINVAL` when the guard size does, as `pthread_create` reports them.
pub fn allocate(req: Request) -> Result<*mut Tcb, Errno> {
    let page = page_size();
    let area = area_len().ok_or(Errno::AGAIN)?;
    let (guard, stack, map_len) = match req.user_stack {
        Some(_) => (0, 0, area),
        None => {
            // As glibc: a guard size that overflows is EINVAL, a stack size EAGAIN.
            let guard = round_up(req.guard_size, page).ok_or(Errno::INVAL)?;
            let stack = round_up(req.stack_size, page).and_then(|s| s.checked_add(area)).ok_or(Errno::AGAIN)?;
            let len = guard.checked_add(stack).ok_or(Errno::INVAL)?;
            (guard, stack - area, len)
        }
    };
    let base = match take_cached(map_len, guard) {
        Some(base) => base,
        None => map(map_len, guard)?,
    };
    let area_start = base + map_len - area;
    // SAFETY: [area_start, base + map_len) is ours and unused: fresh, or cached after its
    // thread ended (tid cleared). The template is this program's.
    let tcb = unsafe { TEMPLATE.get().install((area_start + SLOTS_BYTES) as *mut u8) };
    // SAFETY: `install` just built this control block; nothing else sees it yet.
    unsafe {
        (*tcb).map_base = base;
        (*tcb).map_len = map_len;
        (*tcb).guard_size = guard;
        (*tcb).keys = area_start as *mut Slot;
        match req.user_stack {
            Some((low, size)) => {
                (*tcb).stack_low = low;
                (*tcb).stack_size = size;
                (*tcb).user_stack = true;
            }
            None => {
                (*tcb).stack_low = base + guard;
                (*tcb).stack_size = stack;
            }
        }
    }
    Ok(tcb)
}

/// A fresh mapping with `guard` inaccessible bytes at its bottom. The whole is mapped
/// inaccessible first and then the part above the guard made writable, so that a guard, however
/// large, costs no memory commitment (glibc does the same).
fn map(len: usize, guard: usize) -> Result<usize, Errno> {
    let prot = if guard == 0 { ProtFlags::READ | ProtFlags::WRITE } else { ProtFlags::empty() };
    // SAFETY: a fresh anonymous mapping aliases nothing.
    let base = unsafe { rustix::mm::mmap_anonymous(core::ptr::null_mut(), len, prot, MapFlags::PRIVATE | MapFlags::STACK) }
        .map_err(|_| Errno::AGAIN)?;
    if guard == 0 {
        return Ok(base as usize);
    }
    // SAFETY: the range above the guard lies in the mapping just made, which nothing uses yet.
    let writable = unsafe {
        rustix::mm::mprotect(base.cast::<u8>().add(guard).cast(), len - guard, MprotectFlags::READ | MprotectFlags::WRITE)
    };
    if writable.is_err() {
        // SAFETY: ours, unused.
        let _ = unsafe { rustix::mm::munmap(base, len) };
        return Err(Errno::AGAIN);
    }
    Ok(base as usize)
}

struct Cache {
    /// Newest first, linked through `Tcb::next_cached`.
    head: *mut Tcb,
    count: usize,
    bytes: usize,
}

struct Cached {
    lock: RawLock,
    cache: UnsafeCell<Cache>,
}

// SAFETY: `cache` is only touched with `lock` held.
unsafe impl Sync for Cached {}

static CACHE: Cached =
    Cached { lock: RawLock::new(), cache: UnsafeCell::new(Cache { head: core::ptr::null_mut(), count: 0, bytes: 0 }) };

/// Whether the kernel is done with this mapping's thread.
///
/// # Safety
/// `tcb` must be a cached control block.
unsafe fn ready(tcb: *mut Tcb) -> bool {
    // Acquire: once the kernel's clearing of the tid is seen, everything the thread did with
    // its memory is over.
    // SAFETY: per the contract the block is mapped.
    unsafe { (*tcb).tid.load(Ordering::Acquire) == 0 }
}

/// Unlinks the first ready cached mapping of this size and guard, and returns its base.
fn take_cached(map_len: usize, guard: usize) -> Option<usize> {
    CACHE.lock.with(|| {
        // SAFETY: the lock is held; every linked control block is a live cached mapping.
        unsafe {
            let c = &mut *CACHE.cache.get();
            let mut link: *mut *mut Tcb = &raw mut c.head;
            while !(*link).is_null() {
                let t = *link;
                if (*t).map_len == map_len && (*t).guard_size == guard && ready(t) {
                    // Relaxed: links are only read with the lock held.
                    *link = (*t).next_cached.load(Ordering::Relaxed);
                    c.count -= 1;
                    c.bytes -= map_len;
                    return Some((*t).map_base);
                }
                link = (*t).next_cached.as_ptr();
            }
            None
        }
    })
}

/// Hands the memory of a thread that has ended, or is ending, to the cache. The main
/// thread's memory is not ours and is left alone.
///
/// # Safety
/// Nothing may use `tcb`'s memory afterwards except its own thread, to finish ending.
pub unsafe fn release(tcb: *mut Tcb) {
    // SAFETY: per the contract, the control block is still mapped.
    if unsafe { (*tcb).map_len } == 0 {
        return;
    }
    CACHE.lock.with(|| {
        // SAFETY: the lock is held; `tcb` is ours to link.
        unsafe {
            let c = &mut *CACHE.cache.get();
            // Relaxed: links are only read with the lock held.
            (*tcb).next_cached.store(c.head, Ordering::Relaxed);
            c.head = tcb;
            c.count += 1;
            c.bytes += (*tcb).map_len;
            trim(c);
        }
    })
}

/// Unmaps ready mappings, oldest last-seen first, while the cache is over its bounds.
///
/// # Safety
/// The cache lock must be held.
unsafe fn trim(c: &mut Cache) {
    if c.bytes <= MAX_BYTES && c.count <= MAX_COUNT {
        return;
    }
    let mut link: *mut *mut Tcb = &raw mut c.head;
    // SAFETY: the lock is held; linked control blocks are live cached mappings.
    unsafe {
        while !(*link).is_null() && (c.bytes > MAX_BYTES || c.count > MAX_COUNT) {
            let t = *link;
            if ready(t) {
                // Relaxed: links are only read with the lock held.
                *link = (*t).next_cached.load(Ordering::Relaxed);
                c.count -= 1;
                c.bytes -= (*t).map_len;
                let (base, len) = ((*t).map_base, (*t).map_len);
                // Unmapping a mapping of ours that nothing uses cannot fail.
                let _ = rustix::mm::munmap(base as *mut _, len);
            } else {
                link = (*t).next_cached.as_ptr();
            }
        }
    }
}

/// Before `fork`: holds the cache lock, so that the child gets the cache in a consistent
/// state. Followed by [`after_fork`] in both processes.
pub fn before_fork() {
    CACHE.lock.lock();
}

/// After `fork`, in parent (`child == false`) and child. In the child the threads that were
/// ending in the parent do not exist, so every cached mapping is ready.
///
/// # Safety
/// After [`before_fork`], in the thread that called it; in the child, while it has one thread.
pub unsafe fn after_fork(child: bool) {
    if child {
        // SAFETY: the lock is held (by us), so the list is ours; single-threaded child.
        unsafe {
            let c = &mut *CACHE.cache.get();
            let mut t = c.head;
            while !t.is_null() {
                // Relaxed: the child has one thread.
                (*t).tid.store(0, Ordering::Relaxed);
                t = (*t).next_cached.load(Ordering::Relaxed);
            }
        }
    }
    CACHE.lock.unlock();
}
