//! The string family of `_FORTIFY_SOURCE` (`<bits/string_fortified.h>`,
//! `<bits/strings_fortified.h>`): each `__X_chk` checks the size the compiler knows for
//! the destination (the last argument), dies with glibc's message if the operation would
//! overflow it, and otherwise is `X`. Documented in the
//! [LSB](https://refspecs.linuxfoundation.org/LSB_5.0.0/LSB-Core-generic/LSB-Core-generic/libc-ddefs.html).

use super::string as s;
use crate::string::fortify::{self, check, check_append, check_string};
use core::ffi::{c_char, c_int, c_void};

/// `__chk_fail`: reports a buffer overflow and dies by SIGABRT.
#[unsafe(no_mangle)]
pub extern "C" fn __chk_fail() -> ! {
    fortify::overflow()
}

/// `__memcpy_chk`
///
/// # Safety
/// As for `memcpy`, within `dstlen` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __memcpy_chk(dst: *mut c_void, src: *const c_void, n: usize, dstlen: usize) -> *mut c_void {
    check(n, dstlen);
    // SAFETY: the caller's contract, checked against the destination's size.
    unsafe { s::memcpy(dst, src, n) }
}

/// `__memmove_chk`
///
/// # Safety
/// As for `memmove`, within `dstlen` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __memmove_chk(dst: *mut c_void, src: *const c_void, n: usize, dstlen: usize) -> *mut c_void {
    check(n, dstlen);
    // SAFETY: as above.
    unsafe { s::memmove(dst, src, n) }
}

/// `__mempcpy_chk`
///
/// # Safety
/// As for `mempcpy`, within `dstlen` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __mempcpy_chk(dst: *mut c_void, src: *const c_void, n: usize, dstlen: usize) -> *mut c_void {
    check(n, dstlen);
    // SAFETY: as above.
    unsafe { s::mempcpy(dst, src, n) }
}

/// `__memset_chk`
///
/// # Safety
/// As for `memset`, within `dstlen` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __memset_chk(dst: *mut c_void, c: c_int, n: usize, dstlen: usize) -> *mut c_void {
    check(n, dstlen);
    // SAFETY: as above.
    unsafe { s::memset(dst, c, n) }
}

/// `__explicit_bzero_chk`
///
/// # Safety
/// As for `explicit_bzero`, within `dstlen` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __explicit_bzero_chk(dst: *mut c_void, n: usize, dstlen: usize) {
    check(n, dstlen);
    // SAFETY: as above.
    unsafe { super::strings::explicit_bzero(dst, n) }
}

/// `__strcpy_chk`
///
/// # Safety
/// As for `strcpy`, within `dstlen` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __strcpy_chk(dst: *mut c_char, src: *const c_char, dstlen: usize) -> *mut c_char {
    // SAFETY: as above; `src` is NUL-terminated per the contract.
    unsafe {
        check_string(src.cast(), dstlen);
        s::strcpy(dst, src)
    }
}

/// `__stpcpy_chk`
///
/// # Safety
/// As for `stpcpy`, within `dstlen` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __stpcpy_chk(dst: *mut c_char, src: *const c_char, dstlen: usize) -> *mut c_char {
    // SAFETY: as above.
    unsafe {
        check_string(src.cast(), dstlen);
        s::stpcpy(dst, src)
    }
}

/// `__strncpy_chk`
///
/// # Safety
/// As for `strncpy`, within `dstlen` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __strncpy_chk(dst: *mut c_char, src: *const c_char, n: usize, dstlen: usize) -> *mut c_char {
    check(n, dstlen);
    // SAFETY: as above.
    unsafe { s::strncpy(dst, src, n) }
}

/// `__stpncpy_chk`
///
/// # Safety
/// As for `stpncpy`, within `dstlen` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __stpncpy_chk(dst: *mut c_char, src: *const c_char, n: usize, dstlen: usize) -> *mut c_char {
    check(n, dstlen);
    // SAFETY: as above.
    unsafe { s::stpncpy(dst, src, n) }
}

/// `__strcat_chk`
///
/// # Safety
/// As for `strcat`, within `dstlen` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __strcat_chk(dst: *mut c_char, src: *const c_char, dstlen: usize) -> *mut c_char {
    // SAFETY: as above.
    unsafe {
        check_append(dst.cast(), src.cast(), usize::MAX, dstlen);
        s::strcat(dst, src)
    }
}

/// `__strncat_chk`
///
/// # Safety
/// As for `strncat`, within `dstlen` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __strncat_chk(dst: *mut c_char, src: *const c_char, n: usize, dstlen: usize) -> *mut c_char {
    // SAFETY: as above.
    unsafe {
        check_append(dst.cast(), src.cast(), n, dstlen);
        s::strncat(dst, src, n)
    }
}
