//! The stream reads of `_FORTIFY_SOURCE` (`<bits/stdio2.h>`): each checks the size the
//! compiler knows for the destination and dies with glibc's "buffer overflow detected"
//! message when the read would overflow it: `fread` when the request is larger (before
//! reading, as glibc), `fgets` when the line read really does not fit (as glibc).

use super::stdio::{fread, fread_unlocked, gets_checked, with, with_unlocked};
use crate::stdio::file::File;
use crate::string::fortify::{check, overflow};
use core::ffi::{c_char, c_int, c_void};

/// The bytes `fread` may store for `n` items of `size`; an impossible product overflows.
fn read_bytes(size: usize, n: usize) -> usize {
    size.checked_mul(n).unwrap_or_else(|| overflow())
}

/// `__fgets_chk(buf, buflen, n, f)`: `fgets` into a buffer of `buflen` bytes.
///
/// # Safety
/// As `fgets`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __fgets_chk(buf: *mut c_char, buflen: usize, n: c_int, f: *mut File) -> *mut c_char {
    // SAFETY: the caller's contract.
    unsafe { with(f, core::ptr::null_mut(), |s| gets_checked(s, buf, buflen, n)) }
}

/// `__fgets_unlocked_chk(buf, buflen, n, f)`: `fgets_unlocked` into `buflen` bytes.
///
/// # Safety
/// As `fgets_unlocked`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __fgets_unlocked_chk(buf: *mut c_char, buflen: usize, n: c_int, f: *mut File) -> *mut c_char {
    // SAFETY: the caller's contract.
    unsafe { with_unlocked(f, core::ptr::null_mut(), |s| gets_checked(s, buf, buflen, n)) }
}

/// `__fread_chk(ptr, ptrlen, size, n, f)`: `fread` into a buffer of `ptrlen` bytes.
///
/// # Safety
/// As `fread`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __fread_chk(ptr: *mut c_void, ptrlen: usize, size: usize, n: usize, f: *mut File) -> usize {
    check(read_bytes(size, n), ptrlen);
    // SAFETY: the caller's contract; the items fit in the buffer.
    unsafe { fread(ptr, size, n, f) }
}

/// `__fread_unlocked_chk(ptr, ptrlen, size, n, f)`: `fread_unlocked` into `ptrlen` bytes.
///
/// # Safety
/// As `fread_unlocked`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __fread_unlocked_chk(ptr: *mut c_void, ptrlen: usize, size: usize, n: usize, f: *mut File) -> usize {
    check(read_bytes(size, n), ptrlen);
    // SAFETY: the caller's contract; the items fit in the buffer.
    unsafe { fread_unlocked(ptr, size, n, f) }
}
