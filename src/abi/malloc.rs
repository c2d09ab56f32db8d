//! `<stdlib.h>`/`<malloc.h>`: the allocator.

use crate::alloc;
use crate::thread::tcb::set_errno;
use core::ffi::{c_int, c_void};

/// The page size that `valloc` and `pvalloc` align to.
const PAGE: usize = 4096;

/// `p`, with `errno` set to `ENOMEM` when it is null.
#[inline]
fn or_enomem(p: *mut u8) -> *mut c_void {
    if p.is_null() {
        set_errno(libc::ENOMEM);
    }
    p.cast()
}

/// [`malloc`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/malloc.html)
#[unsafe(no_mangle)]
pub extern "C" fn malloc(size: usize) -> *mut c_void {
    or_enomem(alloc::allocate(size))
}

/// [`free`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/free.html)
///
/// # Safety
/// `p` is null or a live block from this allocator.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn free(p: *mut c_void) {
    // SAFETY: the caller's contract is the core's.
    unsafe { alloc::deallocate(p.cast()) }
}

/// [`calloc`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/calloc.html):
/// `ENOMEM` when `n * size` overflows.
#[unsafe(no_mangle)]
pub extern "C" fn calloc(n: usize, size: usize) -> *mut c_void {
    match n.checked_mul(size) {
        Some(total) => or_enomem(alloc::allocate_zeroed(total)),
        None => or_enomem(core::ptr::null_mut()),
    }
}

/// [`realloc`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/realloc.html),
/// as glibc: `realloc(p, 0)` with `p` non-null frees `p` and returns null.
///
/// # Safety
/// `p` is null or a live block from this allocator.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn realloc(p: *mut c_void, size: usize) -> *mut c_void {
    if size == 0 && !p.is_null() {
        // SAFETY: the caller's contract is the core's.
        unsafe { alloc::deallocate(p.cast()) };
        return core::ptr::null_mut();
    }
    // SAFETY: the caller's contract is the core's.
    or_enomem(unsafe { alloc::reallocate(p.cast(), size) })
}

/// [`reallocarray`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/reallocarray.html):
/// `realloc(p, n * size)`, or `ENOMEM` (and `p` untouched) when the product overflows.
///
/// # Safety
/// `p` is null or a live block from this allocator.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn reallocarray(p: *mut c_void, n: usize, size: usize) -> *mut c_void {
    match n.checked_mul(size) {
        // SAFETY: the caller's contract is realloc's.
        Some(total) => unsafe { realloc(p, total) },
        None => or_enomem(core::ptr::null_mut()),
    }
}

/// A block aligned to `align` (a power of two), with `errno` set to `ENOMEM` on failure.
fn aligned(align: usize, size: usize) -> *mut c_void {
    or_enomem(alloc::allocate_aligned(align, size))
}

/// [`aligned_alloc`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/aligned_alloc.html):
/// `EINVAL` when `align` is not a power of two.
#[unsafe(no_mangle)]
pub extern "C" fn aligned_alloc(align: usize, size: usize) -> *mut c_void {
    if !align.is_power_of_two() {
        set_errno(libc::EINVAL);
        return core::ptr::null_mut();
    }
    aligned(align, size)
}

/// [`posix_memalign`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/posix_memalign.html):
/// returns `EINVAL` unless `align` is a power of two multiple of `sizeof(void *)`, `ENOMEM`
/// when there is no memory; `*out` is set only on success.
///
/// # Safety
/// `out` must be writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn posix_memalign(out: *mut *mut c_void, align: usize, size: usize) -> c_int {
    if !align.is_power_of_two() || !align.is_multiple_of(core::mem::size_of::<usize>()) {
        return libc::EINVAL;
    }
    let p = alloc::allocate_aligned(align, size);
    if p.is_null() {
        return libc::ENOMEM;
    }
    // SAFETY: writable per the contract.
    unsafe { out.write(p.cast()) };
    0
}

/// `memalign(align, size)` (obsolete; `<malloc.h>`), as glibc: an alignment that is not a
/// power of two is rounded up to one; `EINVAL` when no power of two is that large.
#[unsafe(no_mangle)]
pub extern "C" fn memalign(align: usize, size: usize) -> *mut c_void {
    match align.checked_next_power_of_two() {
        Some(align) => aligned(align, size),
        None => {
            set_errno(libc::EINVAL);
            core::ptr::null_mut()
        }
    }
}

/// `valloc(size)` (obsolete): `memalign(page size, size)`.
#[unsafe(no_mangle)]
pub extern "C" fn valloc(size: usize) -> *mut c_void {
    aligned(PAGE, size)
}

/// `pvalloc(size)` (obsolete, GNU): page-aligned, `size` rounded up to whole pages (one page
/// for 0).
#[unsafe(no_mangle)]
pub extern "C" fn pvalloc(size: usize) -> *mut c_void {
    match size.max(1).checked_next_multiple_of(PAGE) {
        Some(rounded) => aligned(PAGE, rounded),
        None => or_enomem(core::ptr::null_mut()),
    }
}

/// `malloc_usable_size(p)` (GNU): the bytes the block really has; 0 for null.
///
/// # Safety
/// `p` is null or a live block from this allocator.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn malloc_usable_size(p: *mut c_void) -> usize {
    // SAFETY: the caller's contract is the core's.
    unsafe { alloc::usable_size(p.cast()) }
}
