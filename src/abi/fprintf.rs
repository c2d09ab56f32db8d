//! `<stdio.h>`: the printf family that writes to streams, and its `_FORTIFY_SOURCE` forms.
//!
//! The `__*printf_chk` functions take glibc's extra `flag` argument: above 0 a `%n` in a
//! writable format kills the process (`printf::check_flag`); otherwise they format as the
//! plain functions do.

use super::printf::{check_flag, count, format};
use crate::arch::{VaListTag, c_variadic};
use crate::stdio::file::File;
use crate::stdio::{locked, sink};
use core::ffi::{c_char, c_int};
use rustix::io::Errno;

use super::OrErrno;
use super::stdio::stdout;

/// `vfprintf`'s work: formats under the stream's lock.
///
/// # Safety
/// `f` null or a live stream; `fmt` and `ap` as for `vsnprintf`.
unsafe extern "C" fn fprintf_va(f: *mut File, fmt: *const c_char, ap: *mut VaListTag) -> c_int {
    if f.is_null() {
        return Err(Errno::BADF).or_errno(-1);
    }
    // SAFETY: the caller's contract.
    count(unsafe { locked(f, |s| sink::format_into(s, |out| format(out, fmt, ap))) })
}

/// `vprintf`'s work.
///
/// # Safety
/// As [`fprintf_va`] on `stdout`.
unsafe extern "C" fn printf_va(fmt: *const c_char, ap: *mut VaListTag) -> c_int {
    // SAFETY: the caller's contract; `stdout` is live unless the program broke it.
    unsafe { fprintf_va(stdout, fmt, ap) }
}

/// `__vfprintf_chk`'s work.
///
/// # Safety
/// As [`fprintf_va`].
unsafe extern "C" fn fprintf_chk_va(f: *mut File, flag: c_int, fmt: *const c_char, ap: *mut VaListTag) -> c_int {
    // SAFETY: the caller's contract.
    unsafe {
        check_flag(flag, fmt);
        fprintf_va(f, fmt, ap)
    }
}

/// `__vprintf_chk`'s work.
///
/// # Safety
/// As [`printf_va`].
unsafe extern "C" fn printf_chk_va(flag: c_int, fmt: *const c_char, ap: *mut VaListTag) -> c_int {
    // SAFETY: the caller's contract.
    unsafe {
        check_flag(flag, fmt);
        printf_va(fmt, ap)
    }
}

/// [`vfprintf`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/vfprintf.html)
///
/// # Safety
/// `f` null or a live stream; `fmt` a format whose arguments are in `ap`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vfprintf(f: *mut File, fmt: *const c_char, ap: *mut VaListTag) -> c_int {
    // SAFETY: the caller's contract.
    unsafe { fprintf_va(f, fmt, ap) }
}

/// [`vprintf`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/vprintf.html)
///
/// # Safety
/// `fmt` a format whose arguments are in `ap`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vprintf(fmt: *const c_char, ap: *mut VaListTag) -> c_int {
    // SAFETY: the caller's contract.
    unsafe { printf_va(fmt, ap) }
}

/// `__vfprintf_chk(f, flag, fmt, ap)`: `vfprintf` under `_FORTIFY_SOURCE`.
///
/// # Safety
/// As [`vfprintf`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __vfprintf_chk(f: *mut File, flag: c_int, fmt: *const c_char, ap: *mut VaListTag) -> c_int {
    // SAFETY: the caller's contract.
    unsafe { fprintf_chk_va(f, flag, fmt, ap) }
}

/// `__vprintf_chk(flag, fmt, ap)`: `vprintf` under `_FORTIFY_SOURCE`.
///
/// # Safety
/// As [`vprintf`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __vprintf_chk(flag: c_int, fmt: *const c_char, ap: *mut VaListTag) -> c_int {
    // SAFETY: the caller's contract.
    unsafe { printf_chk_va(flag, fmt, ap) }
}

c_variadic! {
    /// [`printf`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/printf.html)
    printf(1) => printf_va;
    /// [`fprintf`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/fprintf.html)
    fprintf(2) => fprintf_va;
    /// `__printf_chk(flag, fmt, ...)`: `printf` under `_FORTIFY_SOURCE`.
    __printf_chk(2) => printf_chk_va;
    /// `__fprintf_chk(f, flag, fmt, ...)`: `fprintf` under `_FORTIFY_SOURCE`.
    __fprintf_chk(3) => fprintf_chk_va;
}
