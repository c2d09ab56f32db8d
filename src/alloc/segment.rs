//! Segments and slabs: where small blocks live.
//!
//! A segment is one 4 MiB granule-aligned mapping owned by one heap. It is cut into 64 pages of
//! 64 KiB. Page 0 holds the segment header: the descriptor of every page (and, in a heap's
//! first segment, the heap itself). The other pages form slabs: a
//! slab is 1 to 16 consecutive pages holding blocks of one size class. The descriptor of a
//! slab's first page describes the slab; the descriptors of its other pages only say how far
//! back the first one is, so the slab of any pointer is found with a mask, a shift and one
//! subtraction.
//!
//! A slab hands its blocks out first from its free list, then, in address order, from the
//! part never used yet ("bump"), so a fresh slab touches only the pages it really uses. A free
//! block's second word holds a tag derived from its address, which allocation clears: a free
//! of a block whose tag is set is a double free (user data that happens to equal the tag of
//! its own address is the only false alarm; a 64-bit coincidence).


use super::class;
use super::heap::Heap;
use super::os::GRANULE;
use core::ptr;
use core::sync::atomic::{AtomicBool, AtomicPtr};

/// log2 of the page size.
pub const PAGE_SHIFT: u32 = 16;
/// A slab page: 64 KiB.
pub const PAGE_SIZE: usize = 1 << PAGE_SHIFT;
/// Pages in a segment.
pub const PAGES: usize = GRANULE / PAGE_SIZE;

/// `Slab::kind`: the page is in no slab.
pub const FREE_PAGE: u8 = 0;
/// `Slab::kind`: the page is the first of a slab.
pub const SLAB_HEAD: u8 = 1;
/// `Slab::kind`: the page is a later page of a slab; `head_offset` leads to the first.
pub const SLAB_TAIL: u8 = 2;

/// A free block: its first word links it into a free list, its second holds [`freed_tag`].
#[repr(C)]
pub struct Block {
    pub next: *mut Block,
    pub tag: usize,
}

/// The tag a free block at `p` carries in its second word.
#[inline(always)]
pub const fn freed_tag(p: usize) -> usize {
    p ^ 0x6672_6565_645f_7461
}

/// The descriptor of a page (for a slab's first page: of the slab).
///
/// Owner-only fields are touched only by the thread whose heap owns the segment; `remote`,
/// `queued` and `next_queued` are how other threads hand blocks back (see `heap.rs`).
#[repr(C)]
pub struct Slab {
    /// Owner-only: freed blocks ready for reuse.
    pub free: *mut Block,
    /// Owner-only: blocks handed out and not yet back on `free`.
    pub used: u32,
    /// Owner-only: blocks `[0, bump)` have been handed out at least once.
    pub bump: u32,
    /// Blocks in the slab.
    pub capacity: u32,
    /// Bytes from `start` to the end of the last block (0 for a page in no slab).
    pub limit: u32,
    /// Block size in bytes.
    pub size: u32,
    /// `offset * recip >> RECIPROCAL_SHIFT` is the index of the block at `offset`.
    pub recip: u64,
    /// The first block.
    pub start: *mut u8,
    /// The heap that owns the segment.
    pub heap: *mut Heap,
    /// Owner-only: the heap's list of slabs of this class with free blocks.
    pub next: *mut Slab,
    pub prev: *mut Slab,
    /// Blocks freed by other threads, not yet taken back by the owner.
    pub remote: AtomicPtr<Block>,
    /// The next slab on the heap's queue of slabs with remote frees.
    pub next_queued: *mut Slab,
    /// Set while the slab is on its heap's remote queue.
    pub queued: AtomicBool,
    /// `FREE_PAGE`, `SLAB_HEAD` or `SLAB_TAIL`.
    pub kind: u8,
    /// The size class (slab heads).
    pub class: u8,
    /// Pages in the slab (slab heads).
    pub pages: u8,
    /// Pages back to the slab's first page (0 for heads and free pages).
    pub head_offset: u8,
    /// Owner-only: every block is allocated, so the slab is on no list.
    pub full: bool,
}

/// The header in a segment's page 0.
#[repr(C)]
pub struct Segment {
    /// The heap that owns the segment.
    pub heap: *mut Heap,
    /// The owning heap's next segment.
    pub next: *mut Segment,
    /// Bit `i` set: page `i` is in no slab. Page 0 never is.
    pub free_pages: u64,
    pub slabs: [Slab; PAGES],
}

/// Bytes of page 0 after the segment header, where a heap's first segment keeps the heap.
pub const HEADER_BYTES: usize = core::mem::size_of::<Segment>().next_multiple_of(64);

const _: () = assert!(PAGES == 64 && HEADER_BYTES + core::mem::size_of::<Heap>() <= PAGE_SIZE);

/// The segment holding `p` (which must be inside a segment).
#[inline(always)]
pub fn of(p: usize) -> *mut Segment {
    (p & !(GRANULE - 1)) as *mut Segment
}

/// The slab descriptor for the address `p` inside a segment.
///
/// # Safety
/// `p` lies in a live segment.
#[inline(always)]
pub unsafe fn slab_of(p: usize) -> *mut Slab {
    let seg = of(p);
    let page = (p - seg as usize) >> PAGE_SHIFT;
    // SAFETY: `page < PAGES`, and the segment header is mapped while the segment lives.
    unsafe {
        let desc = (&raw mut (*seg).slabs).cast::<Slab>().add(page);
        let back = (*desc).head_offset;
        // A branch, not arithmetic: predicted "first page", the loads of the slab's fields
        // need not wait for this one.
        if back != 0 {
            return head_of(desc, back);
        }
        desc
    }
}

/// The first page's descriptor, from a later page's.
#[cold]
#[inline(never)]
unsafe fn head_of(desc: *mut Slab, back: u8) -> *mut Slab {
    // SAFETY: the caller's `desc` is `back` descriptors after its slab's head, in one array.
    unsafe { desc.sub(back as usize) }
}

/// Sets up a fresh segment (zeroed memory from the kernel) for `heap`.
///
/// # Safety
/// `seg` is a fresh, zeroed, granule-aligned mapping of a granule.
pub unsafe fn init(seg: *mut Segment, heap: *mut Heap) {
    // SAFETY: the header is ours to write; zero bytes are free pages with empty lists.
    unsafe {
        (*seg).heap = heap;
        (*seg).next = ptr::null_mut();
        (*seg).free_pages = !1;
    }
}

/// Carves a slab of `class` out of free pages of `seg`; `None` when no run of free pages is
/// long enough.
///
/// # Safety
/// Owner-only: the calling thread owns `seg`'s heap.
pub unsafe fn carve(seg: *mut Segment, class: usize) -> Option<*mut Slab> {
    let pages = class::pages(class);
    // SAFETY: owner-only access to the header, per the contract.
    unsafe {
        let free = (*seg).free_pages;
        // Bit i of `run` is set when pages i..i+pages are all free.
        let mut run = free;
        for shift in 1..pages {
            run &= free >> shift;
        }
        if run == 0 {
            return None;
        }
        let first = run.trailing_zeros() as usize;
        let mask = (u64::MAX >> (64 - pages)) << first;
        (*seg).free_pages &= !mask;
        let slabs = (&raw mut (*seg).slabs).cast::<Slab>();
        let slab = slabs.add(first);
        for i in 1..pages {
            let tail = slabs.add(first + i);
            (*tail).kind = SLAB_TAIL;
            (*tail).head_offset = i as u8;
        }
        let size = class::size(class);
        (*slab).free = ptr::null_mut();
        (*slab).used = 0;
        (*slab).bump = 0;
        (*slab).capacity = class::capacity(class) as u32;
        (*slab).limit = (class::capacity(class) * size) as u32;
        (*slab).size = size as u32;
        (*slab).recip = class::reciprocal(class);
        (*slab).start = seg.cast::<u8>().add(first * PAGE_SIZE + class::colour(class));
        (*slab).heap = (*seg).heap;
        (*slab).next = ptr::null_mut();
        (*slab).prev = ptr::null_mut();
        (*slab).kind = SLAB_HEAD;
        (*slab).class = class as u8;
        (*slab).pages = pages as u8;
        (*slab).head_offset = 0;
        (*slab).full = false;
        Some(slab)
    }
}

/// Whether `seg` has no slab.
///
/// # Safety
/// Owner-only.
pub unsafe fn is_empty(seg: *mut Segment) -> bool {
    // SAFETY: owner-only read of the header.
    unsafe { (*seg).free_pages == !1 }
}

/// Returns the pages of an empty slab to its segment.
///
/// # Safety
/// Owner-only; the slab has no allocated block and is on no list or queue.
pub unsafe fn release(slab: *mut Slab) {
    // SAFETY: owner-only access, per the contract; `slab` is a slab head of `seg`.
    unsafe {
        let seg = of(slab as usize);
        let slabs = (&raw mut (*seg).slabs).cast::<Slab>();
        let first = slab.offset_from(slabs) as usize;
        let pages = (*slab).pages as usize;
        for i in 0..pages {
            let desc = slabs.add(first + i);
            (*desc).kind = FREE_PAGE;
            (*desc).head_offset = 0;
            (*desc).limit = 0;
        }
        (*seg).free_pages |= (u64::MAX >> (64 - pages)) << first;
    }
}

impl Slab {
    /// Whether `p` is the start of a block of this slab (never, for a page in no slab).
    /// Reads only what stays fixed while the slab lives, so other threads may call it too.
    #[inline(always)]
    pub fn is_block(&self, p: usize) -> bool {
        let offset = p.wrapping_sub(self.start as usize) as u64;
        // The fraction bits of `offset * recip` are below `offset < 2^20` exactly when
        // `offset` is a multiple of the size; otherwise they are at least `2^40 / size >= 2^23`.
        let fraction = offset.wrapping_mul(self.recip) & ((1 << class::RECIPROCAL_SHIFT) - 1);
        offset < self.limit as u64 && fraction < 1 << 20
    }
}
