//! Diagnostics on a stream (standard error): `perror`, the BSD `err`/`warn` family, glibc's
//! `error`/`error_at_line`, and the message of a failed `assert`.
//!
//! Each message is written under the stream's lock through [`sink::format_into`], so on an
//! unbuffered `stderr` it is one `write`, as in glibc. Texts follow glibc's exactly:
//!
//! - `perror(s)`: `s: TEXT\n` (`TEXT\n` for a null or empty `s`);
//! - `warn`: `prog: MESSAGE: TEXT\n` (`prog: TEXT\n` without a format); `warnx`:
//!   `prog: MESSAGE\n`; `prog` is `program_invocation_short_name`;
//! - `error`: `prog: MESSAGE[: TEXT]\n`, `error_at_line`: `prog:FILE:LINE: MESSAGE[: TEXT]\n`,
//!   with `program_invocation_name`, or nothing in its place when the program's
//!   `error_print_progname` printed it;
//! - assertions: ``prog: FILE:LINE: FUNCTION: Assertion `EXPR' failed.\n``.
//!
//! `TEXT` is the message of an error number (`strerror`'s).

use super::file::File;
use super::{locked, sink};
use crate::fmt::Sink;
use crate::sync::lock::RawLock;
use core::cell::UnsafeCell;
use core::ffi::CStr;
use rustix::io::Errno;

/// A formatted part of a message (the caller's printf format and arguments).
pub type Body<'a> = &'a mut dyn FnMut(&mut dyn Sink) -> Result<usize, Errno>;

/// Writes the text of error number `errnum`.
fn error_text(out: &mut dyn Sink, errnum: i32) -> Result<(), Errno> {
    match crate::string::message::error_message(errnum) {
        Some(text) => out.write(text.strip_suffix(b"\0").unwrap_or(text)),
        None => out.write(crate::string::message::unknown_error(errnum).as_bytes()),
    }
}

/// Writes one message to `file` under its lock.
///
/// # Safety
/// `file` must be null (nothing is written) or a live stream.
unsafe fn emit(file: *mut File, message: impl FnOnce(&mut dyn Sink) -> Result<(), Errno>) {
    if file.is_null() {
        return;
    }
    // SAFETY: live per the contract. A failed write leaves the stream's error indicator set;
    // a diagnostic has nowhere else to report it.
    let _ = unsafe { locked(file, |s| sink::format_into(s, |out| message(out).map(|()| 0))) };
}

/// `perror(prefix)`.
///
/// # Safety
/// As [`emit`].
pub unsafe fn perror(file: *mut File, prefix: Option<&CStr>, errnum: i32) {
    // SAFETY: per the contract.
    unsafe {
        emit(file, |out| {
            if let Some(p) = prefix.filter(|p| !p.is_empty()) {
                out.write(p.to_bytes())?;
                out.write(b": ")?;
            }
            error_text(out, errnum)?;
            out.write(b"\n")
        })
    }
}

/// `vwarn` (with `errnum`) and `vwarnx` (without).
///
/// # Safety
/// As [`emit`].
pub unsafe fn warn(file: *mut File, prog: &[u8], body: Option<Body<'_>>, errnum: Option<i32>) {
    // SAFETY: per the contract.
    unsafe {
        emit(file, |out| {
            out.write(prog)?;
            out.write(b": ")?;
            let had_body = body.is_some();
            if let Some(body) = body {
                body(out)?;
            }
            if let Some(e) = errnum {
                if had_body {
                    out.write(b": ")?;
                }
                error_text(out, e)?;
            }
            out.write(b"\n")
        })
    }
}

/// `error` and `error_at_line`: `prog` is `None` when the program printed its name itself
/// (`error_print_progname`); `at` is the file name and line of `error_at_line`.
///
/// # Safety
/// As [`emit`].
pub unsafe fn error(file: *mut File, prog: Option<&[u8]>, at: Option<(&[u8], u32)>, body: Body<'_>, errnum: i32) {
    // SAFETY: per the contract.
    unsafe {
        emit(file, |out| {
            match (prog, at) {
                (Some(p), None) => {
                    out.write(p)?;
                    out.write(b": ")?;
                }
                (Some(p), Some(_)) => {
                    out.write(p)?;
                    out.write(b":")?;
                }
                (None, _) => {}
            }
            if let Some((name, line)) = at {
                let mut digits = [0; 20];
                out.write(name)?;
                out.write(b":")?;
                out.write(crate::io::diag::decimal(u64::from(line), &mut digits))?;
                out.write(b": ")?;
            }
            body(out)?;
            if errnum != 0 {
                out.write(b": ")?;
                error_text(out, errnum)?;
            }
            out.write(b"\n")
        })
    }
}

/// The location `error_at_line` last reported, for `error_one_per_line`.
struct LastLocation {
    lock: RawLock,
    at: UnsafeCell<(*const u8, usize, u32)>,
}

// SAFETY: `at` is only touched with `lock` held.
unsafe impl Sync for LastLocation {}

static LAST: LastLocation = LastLocation { lock: RawLock::new(), at: UnsafeCell::new((core::ptr::null(), 0, 0)) };

/// Whether `error_at_line` reported this file and line last time; remembers them either way.
/// Names are compared by contents, as glibc does (the strings are the program's, which glibc
/// also keeps only by pointer).
pub fn same_location_as_last(name: &'static [u8], line: u32) -> bool {
    LAST.lock.with(|| {
        // SAFETY: the lock is held.
        let last = unsafe { &mut *LAST.at.get() };
        // SAFETY: a stored pointer and length came from a `&'static [u8]`.
        let same = !last.0.is_null() && last.2 == line && unsafe { core::slice::from_raw_parts(last.0, last.1) } == name;
        *last = (name.as_ptr(), name.len(), line);
        same
    })
}

/// The message of a failed `assert` (`what` is ``Assertion `EXPR' failed`` or
/// `Unexpected error: TEXT`), then `abort`.
///
/// # Safety
/// As [`emit`].
pub unsafe fn assert_failed(
    file: *mut File,
    prog: &[u8],
    source: &[u8],
    line: u32,
    function: Option<&[u8]>,
    what: impl FnOnce(&mut dyn Sink) -> Result<(), Errno>,
) -> ! {
    // SAFETY: per the contract.
    unsafe {
        emit(file, |out| {
            let mut digits = [0; 20];
            out.write(prog)?;
            if !prog.is_empty() {
                out.write(b": ")?;
            }
            out.write(source)?;
            out.write(b":")?;
            out.write(crate::io::diag::decimal(u64::from(line), &mut digits))?;
            out.write(b": ")?;
            if let Some(f) = function {
                out.write(f)?;
                out.write(b": ")?;
            }
            what(out)?;
            out.write(b".\n")
        })
    };
    crate::exit::abort::abort()
}

/// ``Assertion `EXPR' failed``.
pub fn assertion(out: &mut dyn Sink, expr: &[u8]) -> Result<(), Errno> {
    out.write(b"Assertion `")?;
    out.write(expr)?;
    out.write(b"' failed")
}

/// `Unexpected error: TEXT` (`__assert_perror_fail`).
pub fn unexpected_error(out: &mut dyn Sink, errnum: i32) -> Result<(), Errno> {
    out.write(b"Unexpected error: ")?;
    error_text(out, errnum)
}
