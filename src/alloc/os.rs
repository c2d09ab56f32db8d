//! Memory from the kernel, and the granule map that says which memory is the allocator's.
//!
//! The address space is cut into 4 MiB granules. Every mapping the allocator makes starts on a
//! granule boundary, so no two of its mappings share a granule, and one byte per granule
//! records what the granule holds: nothing of ours, a slab segment (whose header is at the
//! granule's start), or part of a large block (whose header is just below the pointer). `free`
//! reads that byte before it touches anything else, so a pointer the allocator never returned
//! is reported instead of followed. The map is 32 MiB of address space for the 47-bit user
//! space, reserved on first use; only the pages for granules in use are ever touched.

use core::sync::atomic::{AtomicPtr, AtomicU8, Ordering};
use rustix::mm::{MapFlags, MremapFlags, ProtFlags};

/// log2 of the granule size.
pub const GRANULE_SHIFT: u32 = 22;
/// The granule size: 4 MiB, also the size and alignment of a slab segment.
pub const GRANULE: usize = 1 << GRANULE_SHIFT;
/// The kernel's page size on x86_64.
pub const OS_PAGE: usize = 4096;

/// Granules of the 47-bit user address space.
const GRANULES: usize = 1 << (47 - GRANULE_SHIFT);

/// What a granule holds.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[repr(u8)]
pub enum Kind {
    /// Nothing the allocator mapped.
    Foreign = 0,
    /// A slab segment; its header is at the granule's start.
    Segment = 1,
    /// Part of a large block; its header is the 64 bytes below each block pointer.
    Large = 2,
}

/// The granule map, null until the allocator's first mapping.
static MAP: AtomicPtr<AtomicU8> = AtomicPtr::new(core::ptr::null_mut());

/// What the granule of `p` holds.
#[inline(always)]
pub fn kind(p: usize) -> Kind {
    // Acquire: pairs with the Release that published the map, so its pages are seen mapped.
    let map = MAP.load(Ordering::Acquire);
    let g = p >> GRANULE_SHIFT;
    if map.is_null() || g >= GRANULES {
        return Kind::Foreign;
    }
    // SAFETY: `g` is within the map, which is never unmapped.
    // Relaxed: a pointer the program frees came from `allocate`, which the program ordered
    // before this call; the marking happened before that `allocate` returned.
    match unsafe { (*map.add(g)).load(Ordering::Relaxed) } {
        1 => Kind::Segment,
        2 => Kind::Large,
        _ => Kind::Foreign,
    }
}

/// Records that `[base, base + len)` holds `kind` (`base` granule-aligned). Fails only when
/// the map itself cannot be reserved.
pub fn mark(base: usize, len: usize, kind: Kind) -> Result<(), ()> {
    let map = map_or_reserve()?;
    let first = base >> GRANULE_SHIFT;
    let last = (base + len - 1) >> GRANULE_SHIFT;
    for g in first..=last.min(GRANULES - 1) {
        // SAFETY: `g` is within the map.
        // Relaxed: see `kind`; the block is published to the program after this.
        unsafe { (*map.add(g)).store(kind as u8, Ordering::Relaxed) };
    }
    Ok(())
}

/// The map, reserving it on first use.
#[cold]
fn map_or_reserve() -> Result<*mut AtomicU8, ()> {
    // Acquire: as in `kind`.
    let map = MAP.load(Ordering::Acquire);
    if !map.is_null() {
        return Ok(map);
    }
    let fresh = map_raw(GRANULES, MapFlags::NORESERVE).ok_or(())?.cast::<AtomicU8>();
    // AcqRel: publishes the fresh map's zero pages on success; on failure another thread's
    // map (published with Release) is the one to use, and ours is given back.
    match MAP.compare_exchange(core::ptr::null_mut(), fresh, Ordering::AcqRel, Ordering::Acquire) {
        Ok(_) => Ok(fresh),
        Err(theirs) => {
            // SAFETY: our own mapping, which nobody else has seen.
            unsafe { unmap(fresh.cast(), GRANULES) };
            Ok(theirs)
        }
    }
}

fn map_raw(len: usize, extra: MapFlags) -> Option<*mut u8> {
    // SAFETY: a fresh anonymous mapping at an address of the kernel's choosing aliases nothing.
    let p = unsafe {
        rustix::mm::mmap_anonymous(
            core::ptr::null_mut(),
            len,
            ProtFlags::READ | ProtFlags::WRITE,
            MapFlags::PRIVATE | extra,
        )
    };
    p.ok().map(|p| p.cast())
}

/// A fresh zeroed read-write mapping of `len` bytes (a multiple of the page size) starting on
/// a multiple of `align` (a power of two, at least a granule).
pub fn map_aligned(len: usize, align: usize) -> Option<*mut u8> {
    let padded = len.checked_add(align - OS_PAGE)?;
    let raw = map_raw(padded, MapFlags::empty())? as usize;
    let start = raw.next_multiple_of(align);
    let head = start - raw;
    let tail = padded - head - len;
    // SAFETY: the head and tail are parts of the fresh mapping that nobody uses.
    unsafe {
        if head > 0 {
            unmap(raw as *mut u8, head);
        }
        if tail > 0 {
            unmap((start + len) as *mut u8, tail);
        }
    }
    Some(start as *mut u8)
}

/// Gives `[p, p + len)` back to the kernel.
///
/// # Safety
/// The range is mapped and nothing uses it any more.
pub unsafe fn unmap(p: *mut u8, len: usize) {
    // SAFETY: per the contract. munmap fails only for a bad range, which would be our bug;
    // the memory then stays mapped, which is harmless.
    let _ = unsafe { rustix::mm::munmap(p.cast(), len) };
}

/// Grows or shrinks the mapping at `p` without moving it.
///
/// # Safety
/// `[p, p + old)` is one of our mappings and nothing uses what a shrink removes.
pub unsafe fn resize_in_place(p: *mut u8, old: usize, new: usize) -> bool {
    // SAFETY: per the contract; without MAYMOVE the kernel refuses rather than moves.
    unsafe { rustix::mm::mremap(p.cast(), old, new, MremapFlags::empty()) }.is_ok()
}

/// Moves the pages of `[from, from + len)` to `to`, replacing what `to` held (one of our
/// fresh mappings at least `len` long). The old range is unmapped afterwards.
///
/// # Safety
/// Both ranges are ours and distinct; nothing uses `from` any more.
pub unsafe fn move_pages(from: *mut u8, len: usize, to: *mut u8) -> bool {
    // SAFETY: per the contract: MREMAP_FIXED replaces our own mapping at `to`.
    unsafe { rustix::mm::mremap_fixed(from.cast(), len, len, MremapFlags::MAYMOVE, to.cast()) }.is_ok()
}
