//! The allocator behind `malloc` and every allocation inside the library.
//!
//! Small requests (up to 128 KiB) are rounded up to one of 48 size classes and served from
//! slabs (see `segment.rs`) of the calling thread's own heap (`heap.rs`): the heap pointer is
//! in the thread control block, so `allocate` and `deallocate` of small blocks take no lock
//! and make no atomic read-modify-write, unless a block goes back to another thread's heap.
//! Larger or over-aligned requests get mappings of their own (`large.rs`), with a small cache
//! of freed mappings. Every mapping starts on a 4 MiB granule, and a byte per granule says
//! what is there (`os.rs`), which is how `deallocate` tells a small block from a large one
//! and spots pointers that are not ours. Misuse that is cheap to see (a pointer not from
//! here, a block freed twice) is reported on standard error and the process dies by SIGABRT.
//!
//! Nothing happens at start-up: the first allocation of a thread gives it a heap, and the
//! first allocation of the process reserves the granule map.
//!
//! Integration points: [`thread_exit`] when a thread ends (after its last allocation or free),
//! and [`fork_prepare`], [`fork_parent`], [`fork_child`] around `fork`.

mod class;
mod fail;
mod heap;
mod large;
mod os;
mod pool;
mod segment;
mod slot;

use class::SMALL_MAX;
use core::ptr;
use os::Kind;

/// The alignment of every block: glibc's `MALLOC_ALIGNMENT` on x86_64.
pub const MIN_ALIGN: usize = 16;

/// A block of at least `size` bytes (at least 1), aligned to 16; null when there is no memory.
#[inline]
pub fn allocate(size: usize) -> *mut u8 {
    if size <= SMALL_MAX {
        let heap = pool::current();
        if heap.is_null() {
            return ptr::null_mut();
        }
        // SAFETY: `heap` is the calling thread's; the class is below `CLASSES`.
        unsafe { heap::alloc(heap, class::of(size)) }
    } else {
        large::allocate(size, MIN_ALIGN, false)
    }
}

/// [`allocate`] with the first `size` bytes zeroed.
pub fn allocate_zeroed(size: usize) -> *mut u8 {
    if size > SMALL_MAX {
        return large::allocate(size, MIN_ALIGN, true);
    }
    let p = allocate(size);
    if !p.is_null() {
        // SAFETY: the block has at least `size` bytes.
        unsafe { ptr::write_bytes(p, 0, size) };
    }
    p
}

/// A block of at least `size` bytes aligned to `align`, which must be a power of two; null
/// when there is no memory.
pub fn allocate_aligned(align: usize, size: usize) -> *mut u8 {
    debug_assert!(align.is_power_of_two());
    if align <= MIN_ALIGN {
        return allocate(size);
    }
    if align <= segment::PAGE_SIZE
        && let Some(class) = class::aligned(size.max(1), align)
    {
        let heap = pool::current();
        if heap.is_null() {
            return ptr::null_mut();
        }
        // SAFETY: as in `allocate`.
        return unsafe { heap::alloc(heap, class) };
    }
    large::allocate(size, align, false)
}

/// Frees a block from this allocator; null does nothing.
///
/// # Safety
/// `p` is null or a live block from this allocator, not used after this call. Pointers that
/// are visibly not that (not ours, already freed) end the process with SIGABRT.
#[inline]
pub unsafe fn deallocate(p: *mut u8) {
    let addr = p as usize;
    match os::kind(addr) {
        // SAFETY: the granule map says `addr` is in a segment.
        Kind::Segment => unsafe { heap::free(slot::get(), addr) },
        // SAFETY: the granule map says `addr` is in a large block's mapping.
        Kind::Large => unsafe { large::free(addr) },
        Kind::Foreign if p.is_null() => {}
        Kind::Foreign => fail::invalid_free(addr),
    }
}

/// Resizes the block `p` (or allocates, when `p` is null) to at least `size` bytes, keeping
/// its contents up to the smaller size; may move it. Null when there is no memory, and `p` is
/// then still allocated.
///
/// # Safety
/// As for [`deallocate`].
pub unsafe fn reallocate(p: *mut u8, size: usize) -> *mut u8 {
    let addr = p as usize;
    let usable = match os::kind(addr) {
        // SAFETY: the granule map says `addr` is in a segment.
        Kind::Segment => unsafe { heap::usable_size(addr) },
        // SAFETY: the granule map says `addr` is in a large block's mapping.
        Kind::Large => return unsafe { large::reallocate(addr, size) },
        Kind::Foreign if p.is_null() => return allocate(size),
        Kind::Foreign => fail::invalid_pointer(b"realloc", addr),
    };
    if size <= usable && size >= usable / 2 {
        return p;
    }
    // Growing: take half again as much as the block had, so that a block grown step by step
    // is copied a few times, not once per size class.
    let want = if size > usable { size.max((usable + usable / 2).min(SMALL_MAX)) } else { size };
    let q = allocate(want);
    if !q.is_null() {
        // SAFETY: both blocks are live, distinct and hold at least the bytes copied.
        unsafe {
            ptr::copy_nonoverlapping(p, q, size.min(usable));
            deallocate(p);
        }
    }
    q
}

/// How many bytes the block `p` really has (at least what was asked); 0 for null.
///
/// # Safety
/// As for [`deallocate`] (but the block stays allocated).
pub unsafe fn usable_size(p: *mut u8) -> usize {
    let addr = p as usize;
    match os::kind(addr) {
        // SAFETY: the granule map says `addr` is in a segment.
        Kind::Segment => unsafe { heap::usable_size(addr) },
        // SAFETY: the granule map says `addr` is in a large block's mapping.
        Kind::Large => unsafe { large::usable_size(addr) },
        Kind::Foreign if p.is_null() => 0,
        Kind::Foreign => fail::invalid_pointer(b"malloc_usable_size", addr),
    }
}

/// Gives the calling thread's heap back to the pool, for a thread that starts later. Call it
/// when the thread ends, after everything that may allocate or free (a later allocation
/// works, but takes a heap again).
pub fn thread_exit() {
    pool::abandon();
}

/// Call just before `fork`: holds the allocator's locks so the child gets consistent state.
/// Must be followed by [`fork_parent`] in the parent and [`fork_child`] in the child.
pub fn fork_prepare() {
    pool::lock();
    large::lock();
}

/// Call in the parent just after `fork` (whether it succeeded or not).
pub fn fork_parent() {
    large::unlock();
    pool::unlock();
}

/// Call in the child just after `fork`: releases the locks and retires the heaps of the
/// parent's other threads (their blocks stay allocated; the child never sees those threads).
pub fn fork_child() {
    large::unlock();
    pool::reset_in_child();
}

#[cfg(test)]
mod tests;
