//! `<stdlib.h>`: process end, the environment, number parsing.

use super::OrErrno;
use crate::arch::c_long_double;
use crate::exit::{self, AT_EXIT, AT_QUICK_EXIT, handlers::Handler};
use crate::stdlib::{environ, float, int, realpath};
use core::ffi::{CStr, c_char, c_int, c_long, c_longlong, c_ulong, c_ulonglong, c_void};
use rustix::io::Errno;

/// [`exit`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/exit.html)
#[unsafe(no_mangle)]
pub extern "C" fn exit(status: c_int) -> ! {
    exit::exit(status)
}

/// [`_Exit`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/_Exit.html)
#[unsafe(no_mangle)]
pub extern "C" fn _Exit(status: c_int) -> ! {
    exit::exit_now(status)
}

/// [`quick_exit`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/quick_exit.html)
#[unsafe(no_mangle)]
pub extern "C" fn quick_exit(status: c_int) -> ! {
    exit::quick_exit(status)
}

/// [`abort`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/abort.html)
#[unsafe(no_mangle)]
pub extern "C" fn abort() -> ! {
    exit::abort::abort()
}

/// [`atexit`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/atexit.html):
/// 0, or nonzero when there is no memory for the handler.
#[unsafe(no_mangle)]
pub extern "C" fn atexit(f: Option<unsafe extern "C" fn()>) -> c_int {
    match f {
        Some(f) => AT_EXIT.push(Handler::Plain(f)).map_or(-1, |()| 0),
        None => -1,
    }
}

/// `__cxa_atexit(f, arg, dso)`, the Itanium C++ ABI's registration (also what glibc's
/// `atexit` wrapper calls): 0, or -1 when there is no memory.
#[unsafe(no_mangle)]
pub extern "C" fn __cxa_atexit(f: Option<unsafe extern "C" fn(*mut c_void)>, arg: *mut c_void, dso: *mut c_void) -> c_int {
    match f {
        Some(f) => AT_EXIT.push(Handler::WithArg(f, arg, dso)).map_or(-1, |()| 0),
        None => -1,
    }
}

/// `__cxa_finalize(dso)`: runs, newest first, the `__cxa_atexit` handlers registered with
/// `dso` (every handler when `dso` is null); each runs once.
#[unsafe(no_mangle)]
pub extern "C" fn __cxa_finalize(dso: *mut c_void) {
    AT_EXIT.run_dso(dso)
}

/// [`at_quick_exit`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/at_quick_exit.html)
#[unsafe(no_mangle)]
pub extern "C" fn at_quick_exit(f: Option<unsafe extern "C" fn()>) -> c_int {
    match f {
        Some(f) => AT_QUICK_EXIT.push(Handler::Plain(f)).map_or(-1, |()| 0),
        None => -1,
    }
}

/// `__cxa_at_quick_exit(f, dso)`, glibc's registration behind `at_quick_exit`.
#[unsafe(no_mangle)]
pub extern "C" fn __cxa_at_quick_exit(f: Option<unsafe extern "C" fn()>, _dso: *mut c_void) -> c_int {
    at_quick_exit(f)
}

/// [`getenv`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/getenv.html)
///
/// # Safety
/// `name` must be null or a NUL-terminated string.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn getenv(name: *const c_char) -> *mut c_char {
    if name.is_null() {
        return core::ptr::null_mut();
    }
    // SAFETY: non-null and NUL-terminated per the contract.
    crate::env::getenv(unsafe { CStr::from_ptr(name) }.to_bytes())
}

/// The bytes of the C string at `nptr` (empty for null, which glibc would crash on).
///
/// # Safety
/// `nptr` null or NUL-terminated.
unsafe fn text<'a>(nptr: *const c_char) -> &'a [u8] {
    if nptr.is_null() {
        return &[];
    }
    // SAFETY: NUL-terminated per the contract.
    unsafe { CStr::from_ptr(nptr) }.to_bytes()
}

/// Stores `nptr + end` through `endptr`, if it is not null.
///
/// # Safety
/// `endptr` null or writable.
unsafe fn set_end(endptr: *mut *mut c_char, nptr: *const c_char, end: usize) {
    if !endptr.is_null() {
        // SAFETY: writable per the contract; `end` is within the string (0 for null).
        unsafe { *endptr = nptr.wrapping_add(end).cast_mut() };
    }
}

/// An integer parse of `nptr` in `base`, converted by `range`; errno and `*endptr` as C says.
///
/// # Safety
/// `nptr` null or NUL-terminated; `endptr` null or writable.
unsafe fn integer<T: Default>(
    nptr: *const c_char,
    endptr: *mut *mut c_char,
    base: c_int,
    range: impl FnOnce(int::Parsed) -> (T, Option<Errno>),
) -> T {
    // SAFETY: per the contract.
    match int::parse(unsafe { text(nptr) }, base) {
        Ok(p) => {
            // SAFETY: per the contract.
            unsafe { set_end(endptr, nptr, p.end) };
            let (v, e) = range(p);
            if let Some(e) = e {
                crate::thread::tcb::set_errno(e.raw_os_error());
            }
            v
        }
        Err(e) => Err::<T, _>(e).or_errno(T::default()),
    }
}

/// [`strtol`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/strtol.html)
///
/// # Safety
/// `nptr` NUL-terminated; `endptr` null or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn strtol(nptr: *const c_char, endptr: *mut *mut c_char, base: c_int) -> c_long {
    // SAFETY: the caller's contract is the function's.
    unsafe { integer(nptr, endptr, base, |p| p.signed(i64::MIN, i64::MAX)) }
}

/// [`strtoll`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/strtoll.html)
///
/// # Safety
/// As `strtol`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn strtoll(nptr: *const c_char, endptr: *mut *mut c_char, base: c_int) -> c_longlong {
    // SAFETY: the caller's contract is the function's.
    unsafe { integer(nptr, endptr, base, |p| p.signed(i64::MIN, i64::MAX)) }
}

/// [`strtoimax`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/strtoimax.html)
///
/// # Safety
/// As `strtol`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn strtoimax(nptr: *const c_char, endptr: *mut *mut c_char, base: c_int) -> libc::intmax_t {
    // SAFETY: the caller's contract is the function's.
    unsafe { integer(nptr, endptr, base, |p| p.signed(i64::MIN, i64::MAX)) }
}

/// [`strtoul`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/strtoul.html)
///
/// # Safety
/// As `strtol`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn strtoul(nptr: *const c_char, endptr: *mut *mut c_char, base: c_int) -> c_ulong {
    // SAFETY: the caller's contract is the function's.
    unsafe { integer(nptr, endptr, base, |p| p.unsigned(u64::MAX)) }
}

/// [`strtoull`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/strtoull.html)
///
/// # Safety
/// As `strtol`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn strtoull(nptr: *const c_char, endptr: *mut *mut c_char, base: c_int) -> c_ulonglong {
    // SAFETY: the caller's contract is the function's.
    unsafe { integer(nptr, endptr, base, |p| p.unsigned(u64::MAX)) }
}

/// [`strtoumax`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/strtoumax.html)
///
/// # Safety
/// As `strtol`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn strtoumax(nptr: *const c_char, endptr: *mut *mut c_char, base: c_int) -> libc::uintmax_t {
    // SAFETY: the caller's contract is the function's.
    unsafe { integer(nptr, endptr, base, |p| p.unsigned(u64::MAX)) }
}

/// [`atoi`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/atoi.html):
/// `(int) strtol(nptr, NULL, 10)`, as glibc.
///
/// # Safety
/// `nptr` NUL-terminated.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn atoi(nptr: *const c_char) -> c_int {
    // SAFETY: the caller's contract is the function's.
    unsafe { strtol(nptr, core::ptr::null_mut(), 10) as c_int }
}

/// [`atol`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/atol.html)
///
/// # Safety
/// `nptr` NUL-terminated.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn atol(nptr: *const c_char) -> c_long {
    // SAFETY: the caller's contract is the function's.
    unsafe { strtol(nptr, core::ptr::null_mut(), 10) }
}

/// [`atoll`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/atoll.html)
///
/// # Safety
/// `nptr` NUL-terminated.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn atoll(nptr: *const c_char) -> c_longlong {
    // SAFETY: the caller's contract is the function's.
    unsafe { strtol(nptr, core::ptr::null_mut(), 10) }
}

/// A floating parse of `nptr`; errno and `*endptr` as C says.
///
/// # Safety
/// `nptr` null or NUL-terminated; `endptr` null or writable.
unsafe fn floating<T>(nptr: *const c_char, endptr: *mut *mut c_char, parse: fn(&[u8]) -> float::Parsed<T>) -> T {
    // SAFETY: per the contract.
    let p = parse(unsafe { text(nptr) });
    // SAFETY: per the contract.
    unsafe { set_end(endptr, nptr, p.end) };
    if p.range_error {
        crate::thread::tcb::set_errno(libc::ERANGE);
    }
    p.value
}

/// [`strtod`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/strtod.html)
///
/// # Safety
/// `nptr` NUL-terminated; `endptr` null or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn strtod(nptr: *const c_char, endptr: *mut *mut c_char) -> f64 {
    // SAFETY: the caller's contract is the function's.
    unsafe { floating(nptr, endptr, float::parse_f64) }
}

/// [`strtof`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/strtof.html)
///
/// # Safety
/// As `strtod`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn strtof(nptr: *const c_char, endptr: *mut *mut c_char) -> f32 {
    // SAFETY: the caller's contract is the function's.
    unsafe { floating(nptr, endptr, float::parse_f32) }
}

/// [`atof`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/atof.html)
///
/// # Safety
/// `nptr` NUL-terminated.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn atof(nptr: *const c_char) -> f64 {
    // SAFETY: the caller's contract is the function's.
    unsafe { strtod(nptr, core::ptr::null_mut()) }
}

/// The x87 image of `strtold`'s result, for `c_long_double!` to return in `%st(0)`.
///
/// # Safety
/// As `strtod`.
unsafe extern "C" fn strtold_parts(nptr: *const c_char, endptr: *mut *mut c_char) -> LongDoubleParts {
    // SAFETY: the caller's contract is the function's.
    let v = unsafe { floating(nptr, endptr, float::parse_f80) };
    LongDoubleParts { significand: v.significand, top: v.top as u64 }
}

/// A `long double` image as two integer registers (`%rax`, `%rdx`).
#[repr(C)]
struct LongDoubleParts {
    significand: u64,
    top: u64,
}

c_long_double! {
    /// [`strtold`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/strtold.html):
    /// hexadecimal input exactly rounded to 64 bits; decimal input as `strtod`'s value
    /// (see `stdlib::float`).
    strtold => strtold_parts;
}

/// The bytes of a C string argument that must not be null (`EINVAL` for null).
///
/// # Safety
/// `s` null or NUL-terminated.
unsafe fn name_arg<'a>(s: *const c_char) -> Result<&'a [u8], Errno> {
    if s.is_null() {
        return Err(Errno::INVAL);
    }
    // SAFETY: NUL-terminated per the contract.
    Ok(unsafe { CStr::from_ptr(s) }.to_bytes())
}

/// [`setenv`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/setenv.html)
///
/// # Safety
/// `name` and `value` NUL-terminated (or null: `EINVAL`).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn setenv(name: *const c_char, value: *const c_char, overwrite: c_int) -> c_int {
    // SAFETY: per the contract.
    unsafe { name_arg(name).and_then(|n| Ok((n, name_arg(value)?))) }
        .and_then(|(n, v)| environ::setenv(n, v, overwrite != 0))
        .map(|()| 0)
        .or_errno(-1)
}

/// [`unsetenv`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/unsetenv.html)
///
/// # Safety
/// `name` NUL-terminated (or null: `EINVAL`).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn unsetenv(name: *const c_char) -> c_int {
    // SAFETY: per the contract.
    unsafe { name_arg(name) }.and_then(environ::unsetenv).map(|()| 0).or_errno(-1)
}

/// [`putenv`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/putenv.html): the
/// string itself joins the environment; without `=` it removes that name (glibc).
///
/// # Safety
/// `string` NUL-terminated and alive while in the environment.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn putenv(string: *mut c_char) -> c_int {
    if string.is_null() {
        return Err(Errno::INVAL).or_errno(-1);
    }
    // SAFETY: the caller's contract is the core's.
    unsafe { environ::putenv(string) }.map(|()| 0).or_errno(-1)
}

/// `clearenv()` (GNU): removes every variable; `environ` becomes null.
#[unsafe(no_mangle)]
pub extern "C" fn clearenv() -> c_int {
    environ::clearenv();
    0
}

/// [`realpath`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/realpath.html):
/// into `resolved` (`PATH_MAX` bytes), or a new block from `malloc` when it is null.
///
/// # Safety
/// `path` NUL-terminated; `resolved` null or writable for `PATH_MAX` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn realpath(path: *const c_char, resolved: *mut c_char) -> *mut c_char {
    // SAFETY: per the contract.
    let r = unsafe { name_arg(path) }.and_then(realpath::resolve).and_then(|r| {
        let bytes = r.with_nul();
        let dst = if resolved.is_null() { crate::alloc::allocate(bytes.len()) } else { resolved.cast() };
        if dst.is_null() {
            return Err(Errno::NOMEM);
        }
        // SAFETY: `dst` has room: `PATH_MAX` bytes per the contract, or a block of this size.
        unsafe { core::ptr::copy_nonoverlapping(bytes.as_ptr(), dst, bytes.len()) };
        Ok(dst.cast())
    });
    r.or_errno(core::ptr::null_mut())
}
