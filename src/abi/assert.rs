//! `<assert.h>`: what glibc's `assert` expands to when the assertion fails.

use super::err::short_name;
use super::stdio::stderr;
use crate::stdio::report;
use core::ffi::{CStr, c_char, c_int, c_uint};

/// A C string's bytes; empty for null.
///
/// # Safety
/// `p` null or NUL-terminated.
unsafe fn bytes<'a>(p: *const c_char) -> &'a [u8] {
    if p.is_null() {
        return b"";
    }
    // SAFETY: per the contract.
    unsafe { CStr::from_ptr(p) }.to_bytes()
}

/// `__assert_fail(expr, file, line, function)`: glibc's message
/// ``prog: file:line: function: Assertion `expr' failed.`` on `stderr`, then `abort`.
/// [LSB](https://refspecs.linuxfoundation.org/LSB_5.0.0/LSB-Core-generic/LSB-Core-generic/baselib---assert-fail-1.html)
///
/// # Safety
/// Each string null or NUL-terminated.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __assert_fail(expr: *const c_char, file: *const c_char, line: c_uint, function: *const c_char) -> ! {
    // SAFETY: the caller's contract; `stderr` is live unless the program broke it.
    unsafe {
        let function = if function.is_null() { None } else { Some(bytes(function)) };
        let expr = bytes(expr);
        report::assert_failed(stderr, short_name(), bytes(file), line, function, |out| report::assertion(out, expr))
    }
}

/// `__assert_perror_fail(errnum, file, line, function)` (`assert_perror`): ``prog:
/// file:line: function: Unexpected error: TEXT.``, then `abort`.
///
/// # Safety
/// As [`__assert_fail`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __assert_perror_fail(errnum: c_int, file: *const c_char, line: c_uint, function: *const c_char) -> ! {
    // SAFETY: as `__assert_fail`.
    unsafe {
        let function = if function.is_null() { None } else { Some(bytes(function)) };
        report::assert_failed(stderr, short_name(), bytes(file), line, function, |out| report::unexpected_error(out, errnum))
    }
}

/// `__assert(expr, file, line)`: the old entry point, `__assert_fail` without a function.
///
/// # Safety
/// As [`__assert_fail`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __assert(expr: *const c_char, file: *const c_char, line: c_int) -> ! {
    // SAFETY: as `__assert_fail`.
    unsafe { __assert_fail(expr, file, line as c_uint, core::ptr::null()) }
}
