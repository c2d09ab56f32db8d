//! Heaps: one per thread, so that small allocations and frees take no lock.
//!
//! A heap owns segments (see `segment.rs`) and, for each size class, a doubly linked list of
//! its slabs of that class that have a free block; the list's head is where `alloc` takes
//! blocks from. A slab whose every block is allocated leaves the list (`full`) and returns to
//! it when a block comes back. A slab whose blocks all come back gives its pages back to its
//! segment, unless it is the only slab of its class (so one block allocated and freed in a
//! loop does not carve and release a slab each time). A segment left with no slab is given
//! back to the kernel, except the heap's own and one more kept for reuse.
//!
//! Only the owning thread touches a heap's lists and its slabs' free lists. A thread
//! that frees a block of another heap's slab pushes it onto the slab's `remote` stack (a CAS
//! loop); the push that finds the stack empty also puts the slab, once, onto the owner's
//! `remote_slabs` queue (`queued` says it is there). The owner empties that queue whenever it
//! runs out of blocks in a class, and when its thread ends: it takes the queue with one swap,
//! and from each slab clears `queued`, then takes the remote stack with one swap. A push that
//! comes after that swap finds the stack empty and queues the slab again; one that comes
//! before it is taken by it. So every remotely freed block is taken back exactly once, and a
//! slab that is on the queue always has a block on its remote stack, hence allocated blocks,
//! hence is never released while queued.
//!
//! When a thread ends its heap is abandoned, and the next thread that needs a heap adopts it,
//! with its blocks still in use; frees meanwhile are remote frees, queued for the adopter.

use super::class::CLASSES;
use super::fail;
use super::os::{self, GRANULE, Kind};
use super::segment::{self, Block, Segment, Slab, freed_tag};
use core::ptr;
use core::sync::atomic::{AtomicPtr, Ordering};

/// A thread's heap.
#[repr(C)]
pub struct Heap {
    /// Per class: the slabs with a free block; the head is the one allocated from.
    bins: [*mut Slab; CLASSES],
    /// Slabs of this heap with blocks that other threads freed.
    remote_slabs: AtomicPtr<Slab>,
    /// The heap's segments; the first holds the heap itself.
    segments: *mut Segment,
    /// Pool bookkeeping, under the pool lock: the list of every heap.
    pub next_heap: *mut Heap,
    /// Pool bookkeeping, under the pool lock: the list of abandoned heaps.
    pub next_abandoned: *mut Heap,
    /// Pool bookkeeping, under the pool lock: `ACTIVE`, `ABANDONED` or `DEAD`.
    pub state: u8,
    /// Owner-only: one freed large mapping (base, length) kept for the next large request,
    /// so a loop of large allocations and frees takes no lock; length 0 when none.
    pub spare: (usize, usize),
    /// Owner-only: a segment with no slab, kept for reuse; other segments that empty are
    /// given back to the kernel.
    empty: *mut Segment,
}

/// `Heap::state`: a thread owns the heap.
pub const ACTIVE: u8 = 0;
/// `Heap::state`: its thread ended; another may adopt it.
pub const ABANDONED: u8 = 1;
/// `Heap::state`: it belonged to a thread of the parent of a fork; never used again.
pub const DEAD: u8 = 2;

/// A new heap in a new segment; null when the kernel has no memory.
pub fn create() -> *mut Heap {
    let Some(seg) = new_segment() else {
        return ptr::null_mut();
    };
    // SAFETY: page 0 of the fresh segment has room for the heap after the header (checked at
    // compile time in `segment.rs`); zeroed memory is empty lists and `ACTIVE`.
    unsafe {
        let heap = seg.cast::<u8>().add(segment::HEADER_BYTES).cast::<Heap>();
        segment::init(seg, heap);
        (*heap).segments = seg;
        heap
    }
}

/// A fresh segment marked in the granule map, not yet initialised.
fn new_segment() -> Option<*mut Segment> {
    let seg = os::map_aligned(GRANULE, GRANULE)?;
    if os::mark(seg as usize, GRANULE, Kind::Segment).is_err() {
        // SAFETY: our fresh mapping, never handed out.
        unsafe { os::unmap(seg, GRANULE) };
        return None;
    }
    Some(seg.cast())
}

/// Takes a block from `slab`; null when it has none.
///
/// # Safety
/// Owner-only; `slab` is a live slab head of the caller's heap.
#[inline(always)]
unsafe fn take(slab: *mut Slab) -> *mut u8 {
    // SAFETY: owner-only access per the contract; free-list entries are blocks of this slab,
    // and every block has room for a `Block`.
    unsafe {
        let s = &mut *slab;
        let mut block = s.free;
        if !block.is_null() {
            s.free = (*block).next;
        } else if s.bump < s.capacity {
            block = s.start.add(s.bump as usize * s.size as usize).cast();
            s.bump += 1;
        } else {
            return ptr::null_mut();
        }
        s.used += 1;
        (*block).tag = 0;
        block.cast()
    }
}

/// A block of `class` from `heap`; null when out of memory.
///
/// # Safety
/// `heap` is the calling thread's heap.
#[inline(always)]
pub unsafe fn alloc(heap: *mut Heap, class: usize) -> *mut u8 {
    // SAFETY: the caller owns `heap`; `class < CLASSES` as every caller computes it.
    unsafe {
        let slab = *(*heap).bins.get_unchecked(class);
        if !slab.is_null() {
            let p = take(slab);
            if !p.is_null() {
                return p;
            }
        }
        alloc_slow(heap, class)
    }
}

#[cold]
unsafe fn alloc_slow(heap: *mut Heap, class: usize) -> *mut u8 {
    // SAFETY: the caller owns `heap`; every slab on its lists is its own.
    unsafe {
        let head = (*heap).bins[class];
        if !head.is_null() && (*head).free.is_null() && (*head).bump == (*head).capacity {
            unlink(heap, head);
            (*head).full = true;
        }
        drain(heap);
        loop {
            let slab = (*heap).bins[class];
            if slab.is_null() {
                break;
            }
            let p = take(slab);
            if !p.is_null() {
                return p;
            }
            unlink(heap, slab);
            (*slab).full = true;
        }
        let Some(slab) = new_slab(heap, class) else {
            return ptr::null_mut();
        };
        link(heap, slab);
        take(slab)
    }
}

/// A fresh slab of `class` in one of the heap's segments, in a new segment if none has room.
unsafe fn new_slab(heap: *mut Heap, class: usize) -> Option<*mut Slab> {
    // SAFETY: the caller owns `heap` and so its segments.
    unsafe {
        let mut seg = (*heap).segments;
        while !seg.is_null() {
            if let Some(slab) = segment::carve(seg, class) {
                if seg == (*heap).empty {
                    (*heap).empty = ptr::null_mut();
                }
                return Some(slab);
            }
            seg = (*seg).next;
        }
        let seg = new_segment()?;
        segment::init(seg, heap);
        (*seg).next = (*heap).segments;
        (*heap).segments = seg;
        segment::carve(seg, class)
    }
}

/// Puts `slab` at the head of its class's list.
unsafe fn link(heap: *mut Heap, slab: *mut Slab) {
    // SAFETY: owner-only list manipulation; `slab` is on no list.
    unsafe {
        let bin = &mut (*heap).bins[(*slab).class as usize];
        (*slab).prev = ptr::null_mut();
        (*slab).next = *bin;
        if !bin.is_null() {
            (**bin).prev = slab;
        }
        *bin = slab;
        (*slab).full = false;
    }
}

/// Takes `slab` off its class's list.
unsafe fn unlink(heap: *mut Heap, slab: *mut Slab) {
    // SAFETY: owner-only list manipulation; `slab` is on its class's list.
    unsafe {
        let (prev, next) = ((*slab).prev, (*slab).next);
        if prev.is_null() {
            (*heap).bins[(*slab).class as usize] = next;
        } else {
            (*prev).next = next;
        }
        if !next.is_null() {
            (*next).prev = prev;
        }
        (*slab).prev = ptr::null_mut();
        (*slab).next = ptr::null_mut();
    }
}

/// Frees the block at `p`, inside a segment. `heap` is the calling thread's heap or null.
///
/// # Safety
/// The granule map says `p` is in a segment.
#[inline(always)]
pub unsafe fn free(heap: *mut Heap, p: usize) {
    // SAFETY: a segment's header is mapped while the granule map says so; a block that
    // passes `is_block` lies in the slab's pages.
    unsafe {
        let slab = segment::slab_of(p);
        if !(*slab).is_block(p) {
            fail::invalid_free(p);
        }
        let block = p as *mut Block;
        if (*block).tag == freed_tag(p) {
            fail::double_free(p);
        }
        (*block).tag = freed_tag(p);
        if (*slab).heap == heap {
            free_local(heap, slab, block);
        } else {
            free_remote(slab, block);
        }
    }
}

/// Gives `block` back to its own heap's slab.
#[inline(always)]
unsafe fn free_local(heap: *mut Heap, slab: *mut Slab, block: *mut Block) {
    // SAFETY: owner-only: `heap` owns `slab`, and `block` is one of its allocated blocks.
    unsafe {
        let s = &mut *slab;
        (*block).next = s.free;
        s.free = block;
        s.used -= 1;
        // An empty slab that is alone on its list (no neighbours) stays where it is.
        if s.full || (s.used == 0 && !(s.prev.is_null() && s.next.is_null())) {
            returned(heap, slab);
        }
    }
}

/// After blocks came back to `slab`: back onto its list if it was full, released if empty.
#[cold]
unsafe fn returned(heap: *mut Heap, slab: *mut Slab) {
    // SAFETY: owner-only, as the callers.
    unsafe {
        if (*slab).full {
            link(heap, slab);
        }
        if (*slab).used == 0 {
            let bin = (*heap).bins[(*slab).class as usize];
            let alone = bin == slab && (*slab).next.is_null();
            if !alone {
                unlink(heap, slab);
                segment::release(slab);
                let seg = segment::of(slab as usize);
                if segment::is_empty(seg) {
                    segment_emptied(heap, seg);
                }
            }
        }
    }
}

/// After the last slab of `seg` was released: keep the segment if the heap keeps no empty
/// one yet (or it holds the heap), else give it back to the kernel.
#[cold]
unsafe fn segment_emptied(heap: *mut Heap, seg: *mut Segment) {
    // SAFETY: owner-only: the heap's segment list and `empty`; the segment has no slab, so
    // no block of it is allocated and nothing points into it.
    unsafe {
        let home = segment::of(heap as usize);
        if seg == home || seg == (*heap).empty {
            return;
        }
        if (*heap).empty.is_null() {
            (*heap).empty = seg;
            return;
        }
        let mut link = &raw mut (*heap).segments;
        while !(*link).is_null() && *link != seg {
            link = &raw mut (**link).next;
        }
        if *link == seg {
            *link = (*seg).next;
            // Unmarked before it is unmapped: the kernel may hand the range out again.
            let _ = os::mark(seg as usize, GRANULE, Kind::Foreign);
            os::unmap(seg.cast(), GRANULE);
        }
    }
}

/// How many segments `heap` has.
#[cfg(test)]
pub unsafe fn segment_count(heap: *mut Heap) -> usize {
    let mut n = 0;
    // SAFETY: the caller owns `heap`.
    let mut seg = unsafe { (*heap).segments };
    while !seg.is_null() {
        n += 1;
        // SAFETY: as above.
        seg = unsafe { (*seg).next };
    }
    n
}

/// Hands the block at `p` back to the heap that owns `slab`, from another thread.
#[inline]
unsafe fn free_remote(slab: *mut Slab, block: *mut Block) {
    // SAFETY: `slab` is live (it has this allocated block); the block is ours to link.
    unsafe {
        // Relaxed: the CAS below validates the value.
        let mut head = (*slab).remote.load(Ordering::Relaxed);
        loop {
            (*block).next = head;
            // Release: the owner's swap (Acquire) sees `next`. Acquire: if the owner swapped
            // the stack empty just before, its `queued = false`, written before that swap, is
            // seen by our `queued` swap below.
            match (*slab).remote.compare_exchange_weak(head, block, Ordering::AcqRel, Ordering::Relaxed) {
                Ok(_) => break,
                Err(now) => head = now,
            }
        }
        // Relaxed: ordered by the CAS above (see there).
        if head.is_null() && !(*slab).queued.swap(true, Ordering::Relaxed) {
            let heap = (*slab).heap;
            // Relaxed: the CAS below validates the value.
            let mut first = (*heap).remote_slabs.load(Ordering::Relaxed);
            loop {
                (*slab).next_queued = first;
                // Release: the owner's swap (Acquire) sees `next_queued`.
                match (*heap).remote_slabs.compare_exchange_weak(first, slab, Ordering::Release, Ordering::Relaxed) {
                    Ok(_) => break,
                    Err(now) => first = now,
                }
            }
        }
    }
}

/// Takes back every block other threads freed into `heap`'s slabs.
///
/// # Safety
/// `heap` is the calling thread's heap.
pub unsafe fn drain(heap: *mut Heap) {
    // SAFETY: the caller owns `heap`; queued slabs are its own live slabs.
    unsafe {
        // Acquire: sees each queued slab's `next_queued`, written before its Release push.
        let mut slab = (*heap).remote_slabs.swap(ptr::null_mut(), Ordering::Acquire);
        while !slab.is_null() {
            let next = (*slab).next_queued;
            // Relaxed: published by the AcqRel swap of `remote` just below.
            (*slab).queued.store(false, Ordering::Relaxed);
            // AcqRel: Acquire to see the blocks' links, Release to publish `queued = false`
            // to the next pusher (see `free_remote`).
            let mut block = (*slab).remote.swap(ptr::null_mut(), Ordering::AcqRel);
            let s = &mut *slab;
            while !block.is_null() {
                let next_block = (*block).next;
                (*block).next = s.free;
                s.free = block;
                s.used -= 1;
                block = next_block;
            }
            returned(heap, slab);
            slab = next;
        }
    }
}

/// The usable size of the block at `p`, inside a segment.
///
/// # Safety
/// The granule map says `p` is in a segment.
pub unsafe fn usable_size(p: usize) -> usize {
    // SAFETY: as in `free`.
    unsafe {
        let slab = segment::slab_of(p);
        if !(*slab).is_block(p) {
            fail::invalid_pointer(b"malloc_usable_size", p);
        }
        (*slab).size as usize
    }
}
