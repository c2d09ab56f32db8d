//! `<stdio.h>`: the printf family that writes to memory or to a descriptor.
//!
//! Each variadic function is defined in assembly by `c_variadic!` (see `arch::varargs`),
//! which builds a `va_list` and calls the function's `va_list` form here, the same one the
//! exported `v*` function calls. `va_list` parameters are `*mut VaListTag`: a C `va_list` is an
//! array of one tag, passed as a pointer to it.

use super::OrErrno;
use crate::arch::{VaList, VaListTag, c_long_double_arg, c_variadic};
use crate::fmt::sink::{Buffer, Descriptor, Growing};
use crate::fmt::{Sink, printf};
use crate::string::fortify;
use core::ffi::{CStr, c_char, c_int};
use rustix::io::Errno;

/// Formats `fmt` with `ap` into `sink`: the length, or `EINVAL` for a null format.
///
/// # Safety
/// `fmt` null or a NUL-terminated string; `ap` a live `va_list` holding the arguments the
/// format asks for.
pub(super) unsafe fn format(sink: &mut dyn Sink, fmt: *const c_char, ap: *mut VaListTag) -> Result<usize, Errno> {
    if fmt.is_null() {
        return Err(Errno::INVAL);
    }
    // SAFETY: `%m` prints the errno of the moment of the call: read it before anything else.
    let errno = unsafe { *crate::thread::tcb::errno_location() };
    // SAFETY: per the contract.
    let (fmt, mut va) = unsafe { (CStr::from_ptr(fmt).to_bytes(), VaList::new(ap)) };
    printf::format(sink, fmt, &mut va, errno)
}

/// The `flag` of the `__*printf_chk` functions: above 0 (`_FORTIFY_SOURCE=2` and up), a
/// format with `%n` must lie in read-only memory, as glibc demands, or the process dies.
///
/// # Safety
/// `fmt` null or a NUL-terminated string.
pub(super) unsafe fn check_flag(flag: c_int, fmt: *const c_char) {
    if flag > 0 && !fmt.is_null() {
        // SAFETY: NUL-terminated per the contract.
        printf::refuse_writable_count(unsafe { CStr::from_ptr(fmt) }.to_bytes());
    }
}

/// A printf result as C's `int`: lengths beyond `INT_MAX` are `EOVERFLOW`, as glibc.
pub(super) fn count(r: Result<usize, Errno>) -> c_int {
    r.and_then(|n| c_int::try_from(n).map_err(|_| Errno::OVERFLOW)).or_errno(-1)
}

/// `vsnprintf` (and `snprintf`): at most `size - 1` bytes and a NUL into `buf`.
///
/// # Safety
/// `buf` writable for `size` bytes (any pointer when `size` is 0); as [`format`].
unsafe extern "C" fn snprintf_va(buf: *mut c_char, size: usize, fmt: *const c_char, ap: *mut VaListTag) -> c_int {
    // SAFETY: `buf` is writable for `size` bytes, and the last one is kept for the NUL.
    let mut sink = unsafe { Buffer::new(buf.cast(), size.saturating_sub(1)) };
    // SAFETY: per the contract.
    let r = unsafe { format(&mut sink, fmt, ap) };
    if size > 0 {
        // SAFETY: the sink stops one byte short of `buf + size`, so the NUL fits.
        unsafe { sink.end().write(0) };
    }
    count(r)
}

/// `vsprintf` (and `sprintf`): the whole output and a NUL into `buf`.
///
/// # Safety
/// `buf` large enough for the output; as [`format`].
unsafe extern "C" fn sprintf_va(buf: *mut c_char, fmt: *const c_char, ap: *mut VaListTag) -> c_int {
    // SAFETY: the caller promises room for the output; the bound only keeps `add` in range.
    let mut sink = unsafe { Buffer::new(buf.cast(), isize::MAX as usize) };
    // SAFETY: per the contract.
    let r = unsafe { format(&mut sink, fmt, ap) };
    // SAFETY: room for the NUL after the output, per the contract.
    unsafe { sink.end().write(0) };
    count(r)
}

/// `vdprintf` (and `dprintf`): the output written to descriptor `fd`.
///
/// # Safety
/// As [`format`].
unsafe extern "C" fn dprintf_va(fd: c_int, fmt: *const c_char, ap: *mut VaListTag) -> c_int {
    let mut sink = Descriptor::new(fd);
    // SAFETY: per the contract.
    let r = unsafe { format(&mut sink, fmt, ap) };
    count(r.and_then(|n| sink.flush().map(|()| n)))
}

/// `vasprintf` (and `asprintf`): the output in a new block from `malloc`, stored in `*strp`
/// (null when there is no memory or the format fails: newer glibc's behaviour).
///
/// # Safety
/// `strp` writable; as [`format`].
unsafe extern "C" fn asprintf_va(strp: *mut *mut c_char, fmt: *const c_char, ap: *mut VaListTag) -> c_int {
    if strp.is_null() {
        return Err(Errno::INVAL).or_errno(-1);
    }
    let mut sink = Growing::new();
    // SAFETY: per the contract.
    let r = unsafe { format(&mut sink, fmt, ap) }.and_then(|n| Ok((n, sink.finish()?)));
    let block = r.as_ref().map_or(core::ptr::null_mut(), |&(_, b)| b);
    // SAFETY: writable per the contract.
    unsafe { *strp = block.cast() };
    count(r.map(|(n, _)| n))
}

/// `strfrom*` into `buf` of `size` bytes, as `snprintf` stores.
///
/// # Safety
/// `buf` writable for `size` bytes; `fmt` NUL-terminated.
unsafe fn strfrom(buf: *mut c_char, size: usize, fmt: *const c_char, v: printf::strfrom::Value) -> c_int {
    if fmt.is_null() {
        return Err(Errno::INVAL).or_errno(-1);
    }
    // SAFETY: per the contract; the last byte is kept for the NUL.
    let mut sink = unsafe { Buffer::new(buf.cast(), size.saturating_sub(1)) };
    // SAFETY: NUL-terminated per the contract.
    let r = printf::strfrom::strfrom(&mut sink, unsafe { CStr::from_ptr(fmt) }.to_bytes(), v);
    if size > 0 {
        // SAFETY: the sink stops one byte short of `buf + size`.
        unsafe { sink.end().write(0) };
    }
    count(r)
}

/// `strfromd(buf, n, format, value)` (C23): `value` formatted by `format` (`%[.p]` and one
/// of `aAeEfFgG`), as `snprintf` would store it; `EINVAL` for any other format.
///
/// # Safety
/// `buf` writable for `n` bytes; `format` NUL-terminated.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn strfromd(buf: *mut c_char, n: usize, format: *const c_char, value: f64) -> c_int {
    // SAFETY: the caller's contract.
    unsafe { strfrom(buf, n, format, printf::strfrom::Value::Double(value)) }
}

/// `strfromf` (C23): as `strfromd`, of a `float`.
///
/// # Safety
/// As `strfromd`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn strfromf(buf: *mut c_char, n: usize, format: *const c_char, value: f32) -> c_int {
    // SAFETY: the caller's contract.
    unsafe { strfrom(buf, n, format, printf::strfrom::Value::Double(value as f64)) }
}

/// The x87 image of `strfroml`'s `long double` argument, which C passes in memory on the
/// stack; `c_long_double_arg!` hands it over as two integers.
///
/// # Safety
/// As `strfromd`.
unsafe extern "C" fn strfroml_parts(buf: *mut c_char, n: usize, format: *const c_char, significand: u64, top: u64) -> c_int {
    // SAFETY: the caller's contract.
    unsafe { strfrom(buf, n, format, printf::strfrom::Value::LongDouble(significand, top as u16)) }
}

/// [`vsnprintf`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/vsnprintf.html)
///
/// # Safety
/// `buf` writable for `size` bytes; `fmt` a format whose arguments are in `ap`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vsnprintf(buf: *mut c_char, size: usize, fmt: *const c_char, ap: *mut VaListTag) -> c_int {
    // SAFETY: the caller's contract is the function's.
    unsafe { snprintf_va(buf, size, fmt, ap) }
}

/// [`vsprintf`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/vsprintf.html)
///
/// # Safety
/// `buf` large enough for the output; `fmt` a format whose arguments are in `ap`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vsprintf(buf: *mut c_char, fmt: *const c_char, ap: *mut VaListTag) -> c_int {
    // SAFETY: the caller's contract is the function's.
    unsafe { sprintf_va(buf, fmt, ap) }
}

/// [`vdprintf`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/vdprintf.html)
///
/// # Safety
/// `fmt` a format whose arguments are in `ap`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vdprintf(fd: c_int, fmt: *const c_char, ap: *mut VaListTag) -> c_int {
    // SAFETY: the caller's contract is the function's.
    unsafe { dprintf_va(fd, fmt, ap) }
}

/// [`vasprintf`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/vasprintf.html)
///
/// # Safety
/// `strp` writable; `fmt` a format whose arguments are in `ap`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vasprintf(strp: *mut *mut c_char, fmt: *const c_char, ap: *mut VaListTag) -> c_int {
    // SAFETY: the caller's contract is the function's.
    unsafe { asprintf_va(strp, fmt, ap) }
}

/// `__vsnprintf_chk` (and `__snprintf_chk`), what `_FORTIFY_SOURCE` makes of `vsnprintf`
/// when the compiler knows the buffer's size `slen`: dies if `size` exceeds it, or by the
/// `flag` rule of [`check_flag`].
///
/// # Safety
/// As `vsnprintf`.
unsafe extern "C" fn snprintf_chk_va(buf: *mut c_char, size: usize, flag: c_int, slen: usize, fmt: *const c_char, ap: *mut VaListTag) -> c_int {
    fortify::check(size, slen);
    // SAFETY: the caller's contract.
    unsafe { check_flag(flag, fmt) };
    // SAFETY: the caller's contract is the function's.
    unsafe { snprintf_va(buf, size, fmt, ap) }
}

/// `__vsprintf_chk` (and `__sprintf_chk`): `vsprintf` into a buffer known to have `slen`
/// bytes; dies if the output and its NUL do not fit, or by the `flag` rule of [`check_flag`].
///
/// # Safety
/// `buf` writable for `slen` bytes; as [`format`].
unsafe extern "C" fn sprintf_chk_va(buf: *mut c_char, flag: c_int, slen: usize, fmt: *const c_char, ap: *mut VaListTag) -> c_int {
    // SAFETY: the caller's contract.
    unsafe { check_flag(flag, fmt) };
    // SAFETY: `buf` has `slen` bytes per the contract.
    let n = unsafe { snprintf_va(buf, slen, fmt, ap) };
    if slen == 0 || usize::try_from(n).is_ok_and(|n| n >= slen) {
        fortify::overflow();
    }
    n
}

/// `__vasprintf_chk` (and `__asprintf_chk`): `vasprintf`, with the `flag` rule of
/// [`check_flag`].
///
/// # Safety
/// As `vasprintf`.
unsafe extern "C" fn asprintf_chk_va(strp: *mut *mut c_char, flag: c_int, fmt: *const c_char, ap: *mut VaListTag) -> c_int {
    // SAFETY: the caller's contract is the function's.
    unsafe {
        check_flag(flag, fmt);
        asprintf_va(strp, fmt, ap)
    }
}

/// `__vdprintf_chk` (and `__dprintf_chk`): `vdprintf`, with the `flag` rule of
/// [`check_flag`].
///
/// # Safety
/// As `vdprintf`.
unsafe extern "C" fn dprintf_chk_va(fd: c_int, flag: c_int, fmt: *const c_char, ap: *mut VaListTag) -> c_int {
    // SAFETY: the caller's contract is the function's.
    unsafe {
        check_flag(flag, fmt);
        dprintf_va(fd, fmt, ap)
    }
}

/// `__vsnprintf_chk`: see `snprintf_chk_va`.
///
/// # Safety
/// As `vsnprintf`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __vsnprintf_chk(buf: *mut c_char, size: usize, flag: c_int, slen: usize, fmt: *const c_char, ap: *mut VaListTag) -> c_int {
    // SAFETY: the caller's contract is the function's.
    unsafe { snprintf_chk_va(buf, size, flag, slen, fmt, ap) }
}

/// `__vsprintf_chk`: see `sprintf_chk_va`.
///
/// # Safety
/// As `vsprintf`, with `buf` of `slen` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __vsprintf_chk(buf: *mut c_char, flag: c_int, slen: usize, fmt: *const c_char, ap: *mut VaListTag) -> c_int {
    // SAFETY: the caller's contract is the function's.
    unsafe { sprintf_chk_va(buf, flag, slen, fmt, ap) }
}

/// `__vasprintf_chk`: `vasprintf`.
///
/// # Safety
/// As `vasprintf`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __vasprintf_chk(strp: *mut *mut c_char, flag: c_int, fmt: *const c_char, ap: *mut VaListTag) -> c_int {
    // SAFETY: the caller's contract is the function's.
    unsafe { asprintf_chk_va(strp, flag, fmt, ap) }
}

/// `__vdprintf_chk`: `vdprintf`.
///
/// # Safety
/// As `vdprintf`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __vdprintf_chk(fd: c_int, flag: c_int, fmt: *const c_char, ap: *mut VaListTag) -> c_int {
    // SAFETY: the caller's contract is the function's.
    unsafe { dprintf_chk_va(fd, flag, fmt, ap) }
}

c_long_double_arg! {
    /// `strfroml` (C23): as `strfromd`, of a `long double`.
    strfroml("rcx", "r8d") => strfroml_parts;
}

c_variadic! {
    /// [`snprintf`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/snprintf.html)
    snprintf(3) => snprintf_va;
    /// [`sprintf`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/sprintf.html)
    sprintf(2) => sprintf_va;
    /// [`dprintf`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/dprintf.html)
    dprintf(2) => dprintf_va;
    /// [`asprintf`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/asprintf.html)
    asprintf(2) => asprintf_va;
    /// `__snprintf_chk`: `snprintf` under `_FORTIFY_SOURCE`.
    __snprintf_chk(5) => snprintf_chk_va;
    /// `__sprintf_chk`: `sprintf` under `_FORTIFY_SOURCE`.
    __sprintf_chk(4) => sprintf_chk_va;
    /// `__asprintf_chk`: `asprintf` under `_FORTIFY_SOURCE`.
    __asprintf_chk(3) => asprintf_chk_va;
    /// `__dprintf_chk`: `dprintf` under `_FORTIFY_SOURCE`.
    __dprintf_chk(3) => dprintf_chk_va;
}
