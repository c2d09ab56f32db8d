//! `<string.h>`: the texts of error numbers and signals.

use crate::string::message::{self, TextBuffer};
use crate::thread::tcb;
use core::ffi::{c_char, c_int};
use core::{ptr, slice};
use libc::locale_t;


/// A NUL-terminated static text as a C string.
#[inline]
fn c_text(text: &'static [u8]) -> *mut c_char {
    text.as_ptr().cast::<c_char>().cast_mut()
}

/// The `buflen` bytes at `buf` as a slice (empty when `buf` is null).
///
/// # Safety
/// `buf` is null or writable for `buflen` bytes.
unsafe fn out_buffer<'a>(buf: *mut c_char, buflen: usize) -> &'a mut [u8] {
    if buf.is_null() {
        return &mut [];
    }
    // SAFETY: non-null and writable for `buflen` bytes per the contract.
    unsafe { slice::from_raw_parts_mut(buf.cast(), buflen) }
}

/// [`strerror`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/strerror.html)
#[unsafe(no_mangle)]
pub extern "C" fn strerror(errnum: c_int) -> *mut c_char {
    match message::error_message(errnum) {
        Some(text) => c_text(text),
        // SAFETY: the calling thread's own buffer, written only here and by this thread.
        None => unsafe { TextBuffer::store(&raw mut (*tcb::current()).strerror_text, &message::unknown_error(errnum)).cast() },
    }
}

/// [`strerror_l`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/strerror_l.html):
/// every supported locale has the same (English) messages.
#[unsafe(no_mangle)]
pub extern "C" fn strerror_l(errnum: c_int, _locale: locale_t) -> *mut c_char {
    strerror(errnum)
}

/// GNU `strerror_r` (what glibc's `<string.h>` declares under `_GNU_SOURCE`): the static
/// message, or "Unknown error N" written (truncated) into `buf`, which is then returned.
///
/// # Safety
/// `buf` is null or writable for `buflen` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn strerror_r(errnum: c_int, buf: *mut c_char, buflen: usize) -> *mut c_char {
    if let Some(text) = message::error_message(errnum) {
        return c_text(text);
    }
    // SAFETY: the caller's contract.
    message::copy_truncated(message::unknown_error(errnum).as_bytes(), unsafe { out_buffer(buf, buflen) });
    buf
}

/// XSI [`strerror_r`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/strerror.html)
/// (what `<string.h>` redirects `strerror_r` to without `_GNU_SOURCE`): 0, `ERANGE` if the
/// message was truncated to fit `buf`, `EINVAL` for an unknown number (with "Unknown error N"
/// stored as far as it fits, as glibc does).
///
/// # Safety
/// `buf` is null or writable for `buflen` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __xpg_strerror_r(errnum: c_int, buf: *mut c_char, buflen: usize) -> c_int {
    // SAFETY: the caller's contract.
    let out = unsafe { out_buffer(buf, buflen) };
    match message::error_message(errnum) {
        Some(text) => {
            let text = text.split_last().map_or(text, |(_, t)| t);
            if message::copy_truncated(text, out) { 0 } else { libc::ERANGE }
        }
        None => {
            message::copy_truncated(message::unknown_error(errnum).as_bytes(), out);
            libc::EINVAL
        }
    }
}

/// `strerrorname_np`: the symbolic name of an error number ("ENOENT"), or null (GNU).
#[unsafe(no_mangle)]
pub extern "C" fn strerrorname_np(errnum: c_int) -> *const c_char {
    message::error_name(errnum).map_or(ptr::null(), |t| c_text(t).cast_const())
}

/// `strerrordesc_np`: the message of an error number, or null for an unknown one (GNU).
#[unsafe(no_mangle)]
pub extern "C" fn strerrordesc_np(errnum: c_int) -> *const c_char {
    message::error_message(errnum).map_or(ptr::null(), |t| c_text(t).cast_const())
}

/// [`strsignal`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/strsignal.html)
#[unsafe(no_mangle)]
pub extern "C" fn strsignal(sig: c_int) -> *mut c_char {
    match message::signal_description(sig) {
        Some(text) => c_text(text),
        // SAFETY: the calling thread's own buffer, written only here and by this thread.
        None => unsafe { TextBuffer::store(&raw mut (*tcb::current()).strsignal_text, &message::other_signal(sig)).cast() },
    }
}

/// `sigdescr_np`: the description of a signal, or null (GNU).
#[unsafe(no_mangle)]
pub extern "C" fn sigdescr_np(sig: c_int) -> *const c_char {
    message::signal_description(sig).map_or(ptr::null(), |t| c_text(t).cast_const())
}

/// `sigabbrev_np`: the abbreviation of a signal ("SEGV"), or null (GNU).
#[unsafe(no_mangle)]
pub extern "C" fn sigabbrev_np(sig: c_int) -> *const c_char {
    message::signal_abbreviation(sig).map_or(ptr::null(), |t| c_text(t).cast_const())
}
