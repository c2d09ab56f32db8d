//! `<stdio.h>`: the printf family that writes to memory or to a descriptor.
//!
//! Each variadic function is defined in assembly by `c_variadic!` (see `arch::varargs`),
//! which builds a `va_list` and calls the function's `va_list` form here, the same one the
//! exported `v*` function calls. `va_list` parameters are `*mut VaListTag`: a C `va_list` is an
//! array of one tag, passed as a pointer to it.

use super::OrErrno;
use crate::arch::{VaList, VaListTag, c_variadic};
use crate::fmt::sink::{Buffer, Descriptor, Growing};
use crate::fmt::{Sink, printf};
use core::ffi::{CStr, c_char, c_int};
use rustix::io::Errno;

/// Formats `fmt` with `ap` into `sink`: the length, or `EINVAL` for a null format.
///
/// # Safety
/// `fmt` null or a NUL-terminated string; `ap` a live `va_list` holding the arguments the
/// format asks for.
unsafe fn format(sink: &mut dyn Sink, fmt: *const c_char, ap: *mut VaListTag) -> Result<usize, Errno> {
    if fmt.is_null() {
        return Err(Errno::INVAL);
    }
    // SAFETY: `%m` prints the errno of the moment of the call: read it before anything else.
    let errno = unsafe { *crate::thread::tcb::errno_location() };
    // SAFETY: per the contract.
    let (fmt, mut va) = unsafe { (CStr::from_ptr(fmt).to_bytes(), VaList::new(ap)) };
    printf::format(sink, fmt, &mut va, errno)
}

/// A printf result as C's `int`: lengths beyond `INT_MAX` are `EOVERFLOW`, as glibc.
fn count(r: Result<usize, Errno>) -> c_int {
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

c_variadic! {
    /// [`snprintf`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/snprintf.html)
    snprintf(3) => snprintf_va;
    /// [`sprintf`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/sprintf.html)
    sprintf(2) => sprintf_va;
    /// [`dprintf`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/dprintf.html)
    dprintf(2) => dprintf_va;
    /// [`asprintf`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/asprintf.html)
    asprintf(2) => asprintf_va;
}
