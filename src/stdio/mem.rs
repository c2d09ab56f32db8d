//! Memory for streams that `fopen`, `fdopen`, `fmemopen` and `tmpfile` create: one block per
//! stream holding the `File`, its buffer and (for `fmemopen(NULL, ...)`) its contents.
//!
//! Blocks are anonymous mappings, zero-filled, so streams need nothing from `malloc`.

use core::ptr::NonNull;
use rustix::io::Errno;
use rustix::mm::{MapFlags, ProtFlags};

/// A zero-filled block of at least `len` bytes, page-aligned.
pub fn allocate(len: usize) -> Result<NonNull<u8>, Errno> {
    // SAFETY: a fresh private anonymous mapping aliases no Rust memory.
    let p = unsafe {
        rustix::mm::mmap_anonymous(
            core::ptr::null_mut(),
            len,
            ProtFlags::READ | ProtFlags::WRITE,
            MapFlags::PRIVATE,
        )
    }?;
    NonNull::new(p.cast()).ok_or(Errno::NOMEM)
}

/// Gives a block back.
///
/// # Safety
/// `block` and `len` must be a block from [`allocate`], no longer used.
pub unsafe fn release(block: *mut u8, len: usize) {
    // SAFETY: the caller's contract: the mapping is ours and unused.
    let _ = unsafe { rustix::mm::munmap(block.cast(), len) };
}
