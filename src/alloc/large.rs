//! Large blocks (over `SMALL_MAX`, or over-aligned): each is a mapping of its own.
//!
//! The mapping starts on a granule boundary (so it shares no granule with another of ours, see
//! `os.rs`); the block starts `offset` bytes in (64, or the alignment if larger) and the 64
//! bytes below it hold the header. A freed mapping of up to [`CACHE_MAX_BLOCK`] becomes the
//! freeing thread's spare (one per heap, no lock) or goes into a small shared cache (at most
//! [`CACHE_ENTRIES`] mappings, [`CACHE_MAX_BYTES`] in all, oldest evicted first) so that a program that allocates and frees big buffers in a loop does not pay an
//! `mmap`, `munmap` and a page fault per page every time; bigger ones, and what the cache
//! evicts, go back to the kernel at once. `realloc` grows a mapping with `mremap`, in place
//! when the address space after it is free, else by moving its pages (no copy), and reserves
//! half again as much as asked so that growing step by step makes few syscalls.

use super::class::SMALL_MAX;
use super::fail;
use super::heap::Heap;
use super::os::{self, GRANULE, Kind, OS_PAGE};
use super::pool;
use crate::sync::lock::RawLock;
use core::cell::UnsafeCell;
use core::ptr;

/// Bytes of the header below each block.
const HEADER: usize = 64;
/// `Header::magic` of a live block, XORed with its address.
const LIVE: usize = 0x4c41_5247_455f_4f4b;
/// Largest mapping the cache keeps.
pub const CACHE_MAX_BLOCK: usize = 16 << 20;
/// Most bytes the cache holds.
pub const CACHE_MAX_BYTES: usize = 32 << 20;
/// `realloc` to a smaller size gives memory back only when it frees at least this much.
const SHRINK_MIN: usize = 1 << 20;
/// Most mappings the cache holds.
pub const CACHE_ENTRIES: usize = 8;

/// The 64 bytes below a large block.
#[repr(C)]
struct Header {
    /// `LIVE ^ block address` while the block is allocated.
    magic: usize,
    /// The mapping.
    base: usize,
    len: usize,
}

const _: () = assert!(core::mem::size_of::<Header>() <= HEADER);

/// A cached mapping.
#[derive(Clone, Copy)]
struct Mapping {
    base: usize,
    len: usize,
}

struct Cache {
    lock: RawLock,
    /// Oldest first.
    entries: UnsafeCell<([Mapping; CACHE_ENTRIES], usize)>,
}

// SAFETY: `entries` is only touched with `lock` held.
unsafe impl Sync for Cache {}

static CACHE: Cache = Cache {
    lock: RawLock::new(),
    entries: UnsafeCell::new(([Mapping { base: 0, len: 0 }; CACHE_ENTRIES], 0)),
};

/// Runs `f` on the cache entries with the lock held.
fn with_cache<R>(f: impl FnOnce(&mut [Mapping; CACHE_ENTRIES], &mut usize) -> R) -> R {
    CACHE.lock.with(|| {
        // SAFETY: the lock is held for the whole access.
        let (entries, count) = unsafe { &mut *CACHE.entries.get() };
        f(entries, count)
    })
}

/// Whether a cached mapping of `len` bytes may serve a request of `need` bytes: it is big
/// enough, and at most four times too big (more would waste its resident pages).
fn fits(len: usize, need: usize) -> bool {
    len >= need && len / 4 <= need
}

/// Takes the calling thread's spare mapping if it fits, else the smallest fitting one from
/// the cache.
fn take_cached(need: usize) -> Option<Mapping> {
    let heap = pool::current();
    if !heap.is_null() {
        // SAFETY: the calling thread owns its heap and so its spare.
        let spare = unsafe { &mut (*heap).spare };
        if fits(spare.1, need) {
            let m = Mapping { base: spare.0, len: spare.1 };
            *spare = (0, 0);
            return Some(m);
        }
    }
    with_cache(|entries, count| {
        let live = entries.get_mut(..*count)?;
        let (i, m) = live
            .iter()
            .enumerate()
            .filter(|(_, m)| fits(m.len, need))
            .min_by_key(|(_, m)| m.len)
            .map(|(i, m)| (i, *m))?;
        live.copy_within(i + 1.., i);
        *count -= 1;
        Some(m)
    })
}

/// Keeps `m` as the calling thread's spare if it has none, else in the cache.
fn keep(m: Mapping) {
    let heap = super::slot::get();
    if !heap.is_null() && m.len <= CACHE_MAX_BLOCK {
        // SAFETY: the calling thread owns its heap and so its spare.
        let spare = unsafe { &mut (*heap).spare };
        if spare.1 == 0 {
            *spare = (m.base, m.len);
            return;
        }
    }
    put_cached(m);
}

/// Moves the calling thread's spare mapping into the shared cache (when the thread ends).
pub fn flush_spare(heap: *mut Heap) {
    // SAFETY: the calling thread still owns `heap`.
    let spare = unsafe { core::mem::take(&mut (*heap).spare) };
    if spare.1 != 0 {
        put_cached(Mapping { base: spare.0, len: spare.1 });
    }
}

/// Keeps `m` in the cache, evicting the oldest entries as needed; what does not stay is given
/// back to the kernel.
fn put_cached(m: Mapping) {
    let mut evicted = [Mapping { base: 0, len: 0 }; CACHE_ENTRIES + 1];
    let mut n = 0;
    with_cache(|entries, count| {
        if m.len > CACHE_MAX_BLOCK {
            evicted[0] = m;
            n = 1;
            return;
        }
        let mut bytes: usize = entries.iter().take(*count).map(|e| e.len).sum();
        while *count > 0 && (*count == CACHE_ENTRIES || bytes + m.len > CACHE_MAX_BYTES) {
            evicted[n] = entries[0];
            bytes -= entries[0].len;
            n += 1;
            entries.copy_within(1.., 0);
            *count -= 1;
        }
        entries[*count] = m;
        *count += 1;
    });
    for e in evicted.iter().take(n) {
        unmap(*e);
    }
}

/// Gives a mapping back to the kernel. Its granules are unmarked first: once unmapped, the
/// kernel may hand the range to another thread's new mapping, whose marks must survive.
fn unmap(m: Mapping) {
    // The map exists: this mapping was marked in it.
    let _ = os::mark(m.base, m.len, Kind::Foreign);
    // SAFETY: the mapping is ours and its block is freed.
    unsafe { os::unmap(m.base as *mut u8, m.len) };
}

/// The header of the large block `p`, after checking that `p` is one.
///
/// # Safety
/// The granule map says `p` is in a large block's mapping.
unsafe fn header(p: usize, what: &[u8]) -> *mut Header {
    // The header must lie in mapped memory of ours: `p - HEADER` must be in a large granule
    // too (it is for every block we hand out, whose mapping starts a granule).
    if !p.is_multiple_of(16) || os::kind(p - HEADER) != Kind::Large {
        fail::invalid_pointer(what, p);
    }
    let h = (p - HEADER) as *mut Header;
    // SAFETY: the header address is inside one of our mappings.
    if unsafe { (*h).magic } != LIVE ^ p {
        if what == b"free" {
            fail::double_free(p);
        }
        fail::invalid_pointer(what, p);
    }
    h
}

/// Writes the header of the block `offset` bytes into mapping `m`, and returns the block.
fn place(m: Mapping, offset: usize) -> *mut u8 {
    let p = m.base + offset;
    let h = (p - HEADER) as *mut Header;
    // SAFETY: the header lies inside the mapping, which is ours.
    unsafe { h.write(Header { magic: LIVE ^ p, base: m.base, len: m.len }) };
    p as *mut u8
}

/// Bytes of mapping for a block of `size` bytes `offset` bytes in.
fn mapping_len(offset: usize, size: usize) -> Option<usize> {
    let len = offset.checked_add(size)?.checked_next_multiple_of(OS_PAGE)?;
    (len <= isize::MAX as usize).then_some(len)
}

/// A fresh mapping of `len` bytes aligned to `align` (at least a granule), marked large.
fn map(len: usize, align: usize) -> Option<Mapping> {
    let base = os::map_aligned(len, align)? as usize;
    let m = Mapping { base, len };
    if os::mark(base, len, Kind::Large).is_err() {
        // SAFETY: our fresh mapping, never handed out.
        unsafe { os::unmap(base as *mut u8, len) };
        return None;
    }
    Some(m)
}

/// A large block of `size` bytes aligned to `align` (a power of two); zeroed if `zero`. Null
/// when there is no memory.
pub fn allocate(size: usize, align: usize, zero: bool) -> *mut u8 {
    let offset = align.max(HEADER);
    let Some(need) = mapping_len(offset, size) else {
        return ptr::null_mut();
    };
    if align <= GRANULE
        && let Some(m) = take_cached(need)
    {
        let p = place(m, offset);
        if zero {
            // SAFETY: the block's `size` bytes lie inside the mapping.
            unsafe { ptr::write_bytes(p, 0, size) };
        }
        return p;
    }
    match map(need, align.max(GRANULE)) {
        // A fresh mapping is zero already.
        Some(m) => place(m, offset),
        None => ptr::null_mut(),
    }
}

/// Frees the large block `p`.
///
/// # Safety
/// The granule map says `p` is in a large block's mapping.
pub unsafe fn free(p: usize) {
    // SAFETY: per the contract.
    let h = unsafe { header(p, b"free") };
    // SAFETY: `h` is a live block's header.
    let m = unsafe {
        (*h).magic = 0;
        Mapping { base: (*h).base, len: (*h).len }
    };
    keep(m);
}

/// The usable size of the large block `p`.
///
/// # Safety
/// The granule map says `p` is in a large block's mapping.
pub unsafe fn usable_size(p: usize) -> usize {
    // SAFETY: per the contract; `h` is then a live block's header.
    unsafe {
        let h = header(p, b"malloc_usable_size");
        (*h).base + (*h).len - p
    }
}

/// Resizes the large block `p` to `size` bytes, keeping its contents; null (and `p` still
/// allocated) when there is no memory.
///
/// # Safety
/// The granule map says `p` is in a large block's mapping.
pub unsafe fn reallocate(p: usize, size: usize) -> *mut u8 {
    // SAFETY: per the contract.
    let h = unsafe { header(p, b"realloc") };
    // SAFETY: `h` is a live block's header.
    let (base, len) = unsafe { ((*h).base, (*h).len) };
    let offset = p - base;
    let usable = len - offset;
    if size <= usable {
        // Shrink only when that gives back a lot: the block may just have come from the cache
        // with room to spare, and a program growing it step by step must not pay a syscall
        // per step.
        if size >= usable / 2 || usable - size < SHRINK_MIN {
            return p as *mut u8;
        }
        if size <= SMALL_MAX {
            // SAFETY: `p` is live with `usable > size` bytes.
            return unsafe { moved(p, size, size) };
        }
        // SAFETY: shrinking our own mapping; the bytes cut off hold nothing of the block.
        unsafe { shrink(h, base, len, offset, size) };
        return p as *mut u8;
    }
    let Some(want) = mapping_len(offset, size.saturating_add(size / 2)) else {
        return ptr::null_mut();
    };
    // SAFETY: growing our own mapping in place moves nothing.
    if unsafe { os::resize_in_place(base as *mut u8, len, want) } {
        if os::mark(base, want, Kind::Large).is_ok() {
            // SAFETY: `h` is still the block's header, at the same address.
            unsafe { (*h).len = want };
            return p as *mut u8;
        }
        // SAFETY: undoing the growth of our own mapping.
        unsafe { os::resize_in_place(base as *mut u8, want, len) };
    }
    // SAFETY: `p` is a live large block.
    unsafe { relocate(base, len, offset, want) }.unwrap_or_else(|| {
        // SAFETY: `p` is live with `usable < size` bytes.
        unsafe { moved(p, size, usable) }
    })
}

/// Moves the block's pages into a new mapping of `want` bytes; `None` when that fails.
unsafe fn relocate(base: usize, len: usize, offset: usize, want: usize) -> Option<*mut u8> {
    let to = map(want, GRANULE)?;
    let _ = os::mark(base, len, Kind::Foreign);
    // SAFETY: both mappings are ours and distinct; the block is not used during the move.
    if unsafe { os::move_pages(base as *mut u8, len, to.base as *mut u8) } {
        let q = to.base + offset;
        let h = (q - HEADER) as *mut Header;
        // SAFETY: the header moved with the first page.
        unsafe { h.write(Header { magic: LIVE ^ q, base: to.base, len: want }) };
        return Some(q as *mut u8);
    }
    let _ = os::mark(base, len, Kind::Large);
    unmap(to);
    None
}

/// Gives back the tail of a mapping whose block shrinks to `size`.
unsafe fn shrink(h: *mut Header, base: usize, len: usize, offset: usize, size: usize) {
    let Some(new_len) = mapping_len(offset, size) else {
        return;
    };
    // Granules wholly past the new end are unmarked before the kernel may reuse them.
    let keep_end = (base + new_len).next_multiple_of(GRANULE);
    if keep_end < base + len {
        let _ = os::mark(keep_end, base + len - keep_end, Kind::Foreign);
    }
    // SAFETY: the tail holds nothing of the block.
    if unsafe { os::resize_in_place(base as *mut u8, len, new_len) } {
        // SAFETY: `h` is the block's header.
        unsafe { (*h).len = new_len };
    } else if keep_end < base + len {
        let _ = os::mark(keep_end, base + len - keep_end, Kind::Large);
    }
}

/// Reallocates by allocating a new block of `size` bytes, copying `keep` bytes and freeing
/// `p`; null (and `p` kept) when there is no memory.
unsafe fn moved(p: usize, size: usize, keep: usize) -> *mut u8 {
    let q = super::allocate(size);
    if !q.is_null() {
        // SAFETY: both blocks are live and at least `keep` bytes long; distinct blocks.
        unsafe {
            ptr::copy_nonoverlapping(p as *const u8, q, keep);
            free(p);
        }
    }
    q
}

/// Before `fork`: no other thread may be inside the cache while the process is copied.
pub fn lock() {
    CACHE.lock.lock();
}

/// After `fork`, in the parent and in the child (where the forking thread is the only one and
/// holds the lock).
pub fn unlock() {
    CACHE.lock.unlock();
}
