//! `<pwd.h>`: the user database, from `/etc/passwd`.

use super::OrErrno;
use crate::users::{passwd::Entry, store};
use core::ffi::{CStr, c_char, c_int};
use libc::passwd;

/// The `_r` convention: 0 with `*result` the entry or null (not found), or an error number
/// with `*result` null.
///
/// # Safety
/// `out` writable for a `struct passwd`, `buf` for `len` bytes, `result` writable.
unsafe fn reentrant(wanted: impl Fn(&Entry) -> bool, out: *mut passwd, buf: *mut c_char, len: usize, result: *mut *mut passwd) -> c_int {
    if out.is_null() || result.is_null() || (buf.is_null() && len > 0) {
        return libc::EINVAL;
    }
    // SAFETY: the caller's contract.
    let (found, code) = match unsafe { store::passwd_into(wanted, out, buf.cast(), len) } {
        Ok(true) => (out, 0),
        Ok(false) => (core::ptr::null_mut(), 0),
        Err(e) => (core::ptr::null_mut(), e.raw_os_error()),
    };
    // SAFETY: writable per the contract.
    unsafe { result.write(found) };
    code
}

/// [`getpwnam`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/getpwnam.html):
/// the entry in static storage, or null (not found, or `errno` set).
///
/// # Safety
/// `name` must be a NUL-terminated string.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn getpwnam(name: *const c_char) -> *mut passwd {
    if name.is_null() {
        return core::ptr::null_mut();
    }
    // SAFETY: NUL-terminated per the contract.
    let name = unsafe { CStr::from_ptr(name) }.to_bytes();
    store::passwd_static(|e| e.name == name).or_errno(core::ptr::null_mut())
}

/// [`getpwuid`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/getpwuid.html)
#[unsafe(no_mangle)]
pub extern "C" fn getpwuid(uid: libc::uid_t) -> *mut passwd {
    store::passwd_static(|e| e.uid == uid).or_errno(core::ptr::null_mut())
}

/// [`getpwnam_r`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/getpwnam_r.html):
/// 0 (`*result` the entry, or null when there is none), or an error number (`ERANGE`: `buf`
/// is too small).
///
/// # Safety
/// `name` NUL-terminated; `pwd` writable for a `struct passwd`, `buf` for `buflen` bytes,
/// `result` writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn getpwnam_r(name: *const c_char, pwd: *mut passwd, buf: *mut c_char, buflen: usize, result: *mut *mut passwd) -> c_int {
    if name.is_null() {
        return libc::EINVAL;
    }
    // SAFETY: NUL-terminated per the contract.
    let name = unsafe { CStr::from_ptr(name) }.to_bytes();
    // SAFETY: the caller's contract.
    unsafe { reentrant(|e| e.name == name, pwd, buf, buflen, result) }
}

/// [`getpwuid_r`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/getpwuid_r.html):
/// as [`getpwnam_r`].
///
/// # Safety
/// As [`getpwnam_r`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn getpwuid_r(uid: libc::uid_t, pwd: *mut passwd, buf: *mut c_char, buflen: usize, result: *mut *mut passwd) -> c_int {
    // SAFETY: the caller's contract.
    unsafe { reentrant(|e| e.uid == uid, pwd, buf, buflen, result) }
}

/// [`getpwent`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/getpwent.html):
/// the next entry, null at the end.
#[unsafe(no_mangle)]
pub extern "C" fn getpwent() -> *mut passwd {
    store::passwd_next().or_errno(core::ptr::null_mut())
}

/// [`setpwent`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/setpwent.html)
#[unsafe(no_mangle)]
pub extern "C" fn setpwent() {
    store::passwd_rewind()
}

/// [`endpwent`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/endpwent.html)
#[unsafe(no_mangle)]
pub extern "C" fn endpwent() {
    store::passwd_rewind()
}
