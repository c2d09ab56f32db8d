//! A `glob_t` as C holds it: `gl_pathv`, an array of `gl_offs` null slots (with
//! `GLOB_DOOFFS`), the `gl_pathc` names, and a null; every name and the array are blocks of
//! the allocator, so that `globfree` can free them.

use super::glob::{APPEND, DOOFFS, ErrorCallback, Failure, Glob, MAGCHAR, NOSPACE};
use super::list::Names;
use crate::alloc;
use core::ffi::c_char;

/// `glob(pattern, flags, on_error, g)` into `g`: 0 or a `GLOB_*` error number.
///
/// # Safety
/// `g` must point at a `glob_t`, which with `GLOB_APPEND` holds the results of an earlier
/// `glob`.
pub unsafe fn glob(pattern: &[u8], flags: i32, on_error: ErrorCallback, g: *mut libc::glob_t) -> i32 {
    // SAFETY: a valid `glob_t` per the contract.
    let g = unsafe { &mut *g };
    if flags & APPEND == 0 {
        g.gl_pathc = 0;
        g.gl_pathv = core::ptr::null_mut();
        if flags & DOOFFS == 0 {
            g.gl_offs = 0;
        }
    }
    g.gl_flags = flags;
    let mut found = Names::new();
    let magic = match (Glob { flags, on_error }).run(pattern, &mut found) {
        Ok(f) => f.magic,
        Err(Failure(code)) => return code,
    };
    if magic {
        g.gl_flags |= MAGCHAR;
    }
    // SAFETY: `g` holds our earlier results (or none).
    match unsafe { append(g, &mut found) } {
        Some(()) => 0,
        None => NOSPACE,
    }
}

/// Appends the names to `g`'s array, which grows; `None` when there is no memory.
///
/// # Safety
/// As [`glob`].
unsafe fn append(g: &mut libc::glob_t, names: &mut Names) -> Option<()> {
    let offs = g.gl_offs;
    let total = offs.checked_add(g.gl_pathc)?.checked_add(names.len())?.checked_add(1)?;
    let was_null = g.gl_pathv.is_null();
    // SAFETY: null or the array an earlier `glob` made.
    let grown = unsafe { alloc::reallocate(g.gl_pathv.cast(), total.checked_mul(size_of::<*mut c_char>())?) };
    if grown.is_null() {
        return None;
    }
    let v = grown.cast::<*mut c_char>();
    if was_null {
        for i in 0..offs {
            // SAFETY: `i < total`.
            unsafe { v.add(i).write(core::ptr::null_mut()) };
        }
    }
    let mut at = offs + g.gl_pathc;
    names.take_all(|s| {
        // SAFETY: `at < total - 1`: one slot per name.
        unsafe { v.add(at).write(s) };
        at += 1;
    });
    // SAFETY: the last slot.
    unsafe { v.add(at).write(core::ptr::null_mut()) };
    g.gl_pathv = v;
    g.gl_pathc = at - offs;
    Some(())
}

/// `globfree(g)`: frees the names and the array.
///
/// # Safety
/// `g` must point at a `glob_t` filled by [`glob`] (or with a null `gl_pathv`).
pub unsafe fn free(g: *mut libc::glob_t) {
    // SAFETY: per the contract.
    let g = unsafe { &mut *g };
    if g.gl_pathv.is_null() {
        return;
    }
    for i in 0..g.gl_pathc {
        // SAFETY: each of the `gl_pathc` names after the offsets is a block of ours.
        unsafe { alloc::deallocate(g.gl_pathv.add(g.gl_offs + i).read().cast()) };
    }
    // SAFETY: the array is ours.
    unsafe { alloc::deallocate(g.gl_pathv.cast()) };
    g.gl_pathv = core::ptr::null_mut();
}

const _: () = assert!(size_of::<libc::glob_t>() == 72 && size_of::<libc::glob64_t>() == 72);
