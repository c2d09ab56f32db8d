//! `<pwd.h>`: the user database, from `/etc/passwd`.

use super::OrErrno;
use crate::users::store;
use core::ffi::{CStr, c_char, c_int};
use libc::passwd;

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
    unsafe { store::reentrant(pwd, buf, buflen, result, || store::passwd_into(|e| e.name == name, pwd, buf.cast(), buflen)) }
}

/// [`getpwuid_r`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/getpwuid_r.html):
/// as [`getpwnam_r`].
///
/// # Safety
/// As [`getpwnam_r`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn getpwuid_r(uid: libc::uid_t, pwd: *mut passwd, buf: *mut c_char, buflen: usize, result: *mut *mut passwd) -> c_int {
    // SAFETY: the caller's contract.
    unsafe { store::reentrant(pwd, buf, buflen, result, || store::passwd_into(|e| e.uid == uid, pwd, buf.cast(), buflen)) }
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
