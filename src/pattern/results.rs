//! A `glob_t` as C holds it: `gl_pathv`, an array of `gl_offs` null slots (with
//! `GLOB_DOOFFS`), the `gl_pathc` names, and a null; every name and the array are blocks of
//! the allocator, so that `globfree` can free them.

use super::access::{Access, AltDirs};
use super::glob::{ALTDIRFUNC, APPEND, DOOFFS, ErrorCallback, Failure, Glob, MAGCHAR, NOSPACE};
use super::list::Names;
use crate::alloc;
use core::ffi::{c_char, c_int, c_void};
use rustix::io::Errno;

/// glibc's `glob_t` with its `GLOB_ALTDIRFUNC` fields (the `libc` crate keeps them private).
#[repr(C)]
struct GlibcGlob {
    pathc: usize,
    pathv: *mut *mut c_char,
    offs: usize,
    flags: c_int,
    closedir: Option<unsafe extern "C" fn(*mut c_void)>,
    readdir: Option<unsafe extern "C" fn(*mut c_void) -> *mut libc::dirent>,
    opendir: Option<unsafe extern "C" fn(*const c_char) -> *mut c_void>,
    lstat: Option<unsafe extern "C" fn(*const c_char, *mut libc::stat) -> c_int>,
    stat: Option<unsafe extern "C" fn(*const c_char, *mut libc::stat) -> c_int>,
}

const _: () = assert!(size_of::<GlibcGlob>() == size_of::<libc::glob_t>());

/// `glob(pattern, flags, on_error, g)` into `g`: 0 or a `GLOB_*` error number; `EINVAL`
/// for `GLOB_ALTDIRFUNC` with one of the five functions null.
///
/// # Safety
/// `g` must point at a `glob_t`, which with `GLOB_APPEND` holds the results of an earlier
/// `glob`, and with `GLOB_ALTDIRFUNC` functions that behave as their namesakes.
pub unsafe fn glob(pattern: &[u8], flags: i32, on_error: ErrorCallback, g: *mut libc::glob_t) -> Result<i32, Errno> {
    let access = if flags & ALTDIRFUNC != 0 {
        // SAFETY: glibc's layout of the caller's `glob_t`.
        let alt = unsafe { &*g.cast::<GlibcGlob>() };
        match (alt.closedir, alt.readdir, alt.opendir, alt.lstat, alt.stat) {
            (Some(closedir), Some(readdir), Some(opendir), Some(lstat), Some(stat)) => Access::Alt(AltDirs { closedir, readdir, opendir, lstat, stat }),
            _ => return Err(Errno::INVAL),
        }
    } else {
        Access::Kernel
    };
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
    let magic = match (Glob { flags, on_error, access }).run(pattern, &mut found) {
        Ok(f) => f.magic,
        Err(Failure(code)) => return Ok(code),
    };
    if magic {
        g.gl_flags |= MAGCHAR;
    }
    // SAFETY: `g` holds our earlier results (or none).
    Ok(match unsafe { append(g, &mut found) } {
        Some(()) => 0,
        None => NOSPACE,
    })
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
