//! `<err.h>` (BSD: `err`, `errx`, `warn`, `warnx` and their `v` forms) and `<error.h>`
//! (glibc: `error`, `error_at_line` and their three variables). Messages go to `stderr`; see
//! `stdio::report` for their exact texts.

use super::printf::format;
use super::stdio::{fflush, stderr, stdout};
use crate::arch::{VaListTag, c_variadic};
use crate::stdio::report::{self, Body};
use core::ffi::{CStr, c_char, c_int, c_uint};

unsafe extern "C" {
    /// `program_invocation_short_name`, set at start-up (`start::progname`).
    static mut __progname: *const c_char;
    /// `program_invocation_name`.
    static mut __progname_full: *const c_char;
}

/// How many times `error` and `error_at_line` have reported (glibc's variable).
#[unsafe(no_mangle)]
pub static mut error_message_count: c_uint = 0;

/// When nonzero, `error_at_line` stays silent about the file and line it reported last.
#[unsafe(no_mangle)]
pub static mut error_one_per_line: c_int = 0;

/// When set, `error` and `error_at_line` call it instead of printing the program's name.
#[unsafe(no_mangle)]
pub static mut error_print_progname: Option<unsafe extern "C" fn()> = None;

/// The bytes of a C string set at start-up, or empty.
fn name(p: *const c_char) -> &'static [u8] {
    if p.is_null() {
        return b"";
    }
    // SAFETY: start-up sets the program names to NUL-terminated strings that live forever.
    unsafe { CStr::from_ptr(p) }.to_bytes()
}

/// `program_invocation_short_name`.
pub(super) fn short_name() -> &'static [u8] {
    // SAFETY: a pointer-sized variable that start-up (or the program) sets.
    name(unsafe { (&raw const __progname).read() })
}

/// The current `errno`.
fn errno() -> c_int {
    // SAFETY: the calling thread's own errno slot.
    unsafe { *crate::thread::tcb::errno_location() }
}

/// `vwarn`'s and `vwarnx`'s work; a null `fmt` prints no message part.
///
/// # Safety
/// `fmt` null or a format whose arguments are in `ap`.
unsafe fn warn_with(fmt: *const c_char, ap: *mut VaListTag, errnum: Option<c_int>) {
    // SAFETY: per the contract.
    let mut body = |out: &mut dyn crate::fmt::Sink| unsafe { format(out, fmt, ap) };
    let body: Option<Body<'_>> = if fmt.is_null() { None } else { Some(&mut body) };
    // SAFETY: `stderr` is live unless the program broke it.
    unsafe { report::warn(stderr, short_name(), body, errnum) }
}

/// `vwarn(fmt, ap)`: `prog: MESSAGE: strerror(errno)`.
///
/// # Safety
/// `fmt` null or a format whose arguments are in `ap`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vwarn(fmt: *const c_char, ap: *mut VaListTag) {
    let e = errno();
    // SAFETY: the caller's contract.
    unsafe { warn_with(fmt, ap, Some(e)) }
}

/// `vwarnx(fmt, ap)`: `prog: MESSAGE`.
///
/// # Safety
/// As [`vwarn`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vwarnx(fmt: *const c_char, ap: *mut VaListTag) {
    // SAFETY: the caller's contract.
    unsafe { warn_with(fmt, ap, None) }
}

/// `verr(status, fmt, ap)`: `vwarn`, then `exit(status)`.
///
/// # Safety
/// As [`vwarn`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn verr(status: c_int, fmt: *const c_char, ap: *mut VaListTag) -> ! {
    // SAFETY: the caller's contract.
    unsafe { vwarn(fmt, ap) };
    crate::exit::exit(status)
}

/// `verrx(status, fmt, ap)`: `vwarnx`, then `exit(status)`.
///
/// # Safety
/// As [`vwarn`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn verrx(status: c_int, fmt: *const c_char, ap: *mut VaListTag) -> ! {
    // SAFETY: the caller's contract.
    unsafe { vwarnx(fmt, ap) };
    crate::exit::exit(status)
}

/// `error_at_line`'s and `error`'s work: flushes `stdout`, prints, counts, and exits when
/// `status` is nonzero. `at` is the file name and line of `error_at_line`.
///
/// # Safety
/// `fmt` null or a format whose arguments are in `ap`.
unsafe fn report_error(status: c_int, errnum: c_int, at: Option<(&[u8], c_uint)>, fmt: *const c_char, ap: *mut VaListTag) {
    // SAFETY: `stdout` and `stderr` are live unless the program broke them; the variables
    // are the program's to set and ours to read and count, from the thread that reports.
    unsafe {
        fflush(stdout);
        let progname = match error_print_progname {
            Some(print) => {
                print();
                None
            }
            None => Some(name((&raw const __progname_full).read())),
        };
        let mut body = |out: &mut dyn crate::fmt::Sink| format(out, fmt, ap);
        report::error(stderr, progname, at, &mut body, errnum);
        error_message_count = error_message_count.wrapping_add(1);
    }
    if status != 0 {
        crate::exit::exit(status);
    }
}

/// `error(status, errnum, fmt, ap)`'s `va_list` form.
///
/// # Safety
/// As [`report_error`].
unsafe extern "C" fn error_va(status: c_int, errnum: c_int, fmt: *const c_char, ap: *mut VaListTag) {
    // SAFETY: the caller's contract.
    unsafe { report_error(status, errnum, None, fmt, ap) }
}

/// `error_at_line(status, errnum, file, line, fmt, ap)`'s `va_list` form; silent when
/// `error_one_per_line` is set and `file:line` is the one reported last.
///
/// # Safety
/// `file` null or a NUL-terminated string that lives while the program reports; as
/// [`report_error`].
unsafe extern "C" fn error_at_line_va(
    status: c_int,
    errnum: c_int,
    file: *const c_char,
    line: c_uint,
    fmt: *const c_char,
    ap: *mut VaListTag,
) {
    let file = name(file);
    // SAFETY: the program's variable, read by the reporting thread.
    if unsafe { error_one_per_line } != 0 && report::same_location_as_last(file, line) {
        return;
    }
    let at = if file.is_empty() { None } else { Some((file, line)) };
    // SAFETY: the caller's contract.
    unsafe { report_error(status, errnum, at, fmt, ap) }
}

/// `warn`'s `va_list` form.
///
/// # Safety
/// As [`vwarn`].
unsafe extern "C" fn warn_va(fmt: *const c_char, ap: *mut VaListTag) {
    // SAFETY: the caller's contract.
    unsafe { vwarn(fmt, ap) }
}

/// `warnx`'s `va_list` form.
///
/// # Safety
/// As [`vwarn`].
unsafe extern "C" fn warnx_va(fmt: *const c_char, ap: *mut VaListTag) {
    // SAFETY: the caller's contract.
    unsafe { vwarnx(fmt, ap) }
}

/// `err`'s `va_list` form.
///
/// # Safety
/// As [`vwarn`].
unsafe extern "C" fn err_va(status: c_int, fmt: *const c_char, ap: *mut VaListTag) -> ! {
    // SAFETY: the caller's contract.
    unsafe { verr(status, fmt, ap) }
}

/// `errx`'s `va_list` form.
///
/// # Safety
/// As [`vwarn`].
unsafe extern "C" fn errx_va(status: c_int, fmt: *const c_char, ap: *mut VaListTag) -> ! {
    // SAFETY: the caller's contract.
    unsafe { verrx(status, fmt, ap) }
}

c_variadic! {
    /// `warn(fmt, ...)` (BSD `<err.h>`): `prog: MESSAGE: strerror(errno)`.
    warn(1) => warn_va;
    /// `warnx(fmt, ...)`: `prog: MESSAGE`.
    warnx(1) => warnx_va;
    /// `err(status, fmt, ...)`: `warn`, then `exit(status)`.
    err(2) => err_va;
    /// `errx(status, fmt, ...)`: `warnx`, then `exit(status)`.
    errx(2) => errx_va;
    /// `error(status, errnum, fmt, ...)` (glibc `<error.h>`).
    error(3) => error_va;
    /// `error_at_line(status, errnum, file, line, fmt, ...)` (glibc `<error.h>`).
    error_at_line(5) => error_at_line_va;
}
