//! `<stdio.h>`'s `popen` and `pclose`.

use super::OrErrno;
use crate::fs::path::c_path;
use core::ffi::{c_char, c_int};

/// [`popen`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/popen.html)
///
/// # Safety
/// `command` and `mode` must be null or NUL-terminated strings.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn popen(command: *const c_char, mode: *const c_char) -> *mut libc::FILE {
    // SAFETY: the caller's contract.
    let args = unsafe { c_path(command).and_then(|c| Ok((c, c_path(mode).map_err(|_| rustix::io::Errno::INVAL)?))) };
    args.and_then(|(c, m)| crate::process::popen::popen(c, m)).map(|f| f.cast()).or_errno(core::ptr::null_mut())
}

/// [`pclose`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pclose.html)
///
/// # Safety
/// `file` must be a stream from `popen`, not used afterwards.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pclose(file: *mut libc::FILE) -> c_int {
    // SAFETY: the caller's contract.
    unsafe { crate::process::popen::pclose(file.cast()) }.or_errno(-1)
}
