//! `<grp.h>`: the group database, from `/etc/group`.

use super::OrErrno;
use crate::users::{group, store};
use core::ffi::{CStr, c_char, c_int};
use libc::{gid_t, group as Group};

/// [`getgrnam`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/getgrnam.html):
/// the entry in static storage, or null (not found, or `errno` set).
///
/// # Safety
/// `name` must be a NUL-terminated string.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn getgrnam(name: *const c_char) -> *mut Group {
    if name.is_null() {
        return core::ptr::null_mut();
    }
    // SAFETY: NUL-terminated per the contract.
    let name = unsafe { CStr::from_ptr(name) }.to_bytes();
    store::group_static(|e| e.name == name).or_errno(core::ptr::null_mut())
}

/// [`getgrgid`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/getgrgid.html)
#[unsafe(no_mangle)]
pub extern "C" fn getgrgid(gid: gid_t) -> *mut Group {
    store::group_static(|e| e.gid == gid).or_errno(core::ptr::null_mut())
}

/// [`getgrnam_r`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/getgrnam_r.html):
/// 0 (`*result` the entry, or null when there is none), or an error number (`ERANGE`: `buf`
/// is too small).
///
/// # Safety
/// `name` NUL-terminated; `grp` writable for a `struct group`, `buf` for `buflen` bytes,
/// `result` writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn getgrnam_r(name: *const c_char, grp: *mut Group, buf: *mut c_char, buflen: usize, result: *mut *mut Group) -> c_int {
    if name.is_null() {
        return libc::EINVAL;
    }
    // SAFETY: NUL-terminated per the contract.
    let name = unsafe { CStr::from_ptr(name) }.to_bytes();
    // SAFETY: the caller's contract.
    unsafe { store::reentrant(grp, buf, buflen, result, || store::group_into(|e| e.name == name, grp, buf.cast(), buflen)) }
}

/// [`getgrgid_r`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/getgrgid_r.html):
/// as [`getgrnam_r`].
///
/// # Safety
/// As [`getgrnam_r`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn getgrgid_r(gid: gid_t, grp: *mut Group, buf: *mut c_char, buflen: usize, result: *mut *mut Group) -> c_int {
    // SAFETY: the caller's contract.
    unsafe { store::reentrant(grp, buf, buflen, result, || store::group_into(|e| e.gid == gid, grp, buf.cast(), buflen)) }
}

/// [`getgrent`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/getgrent.html):
/// the next entry, null at the end.
#[unsafe(no_mangle)]
pub extern "C" fn getgrent() -> *mut Group {
    store::group_next().or_errno(core::ptr::null_mut())
}

/// [`setgrent`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/setgrent.html)
#[unsafe(no_mangle)]
pub extern "C" fn setgrent() {
    store::group_rewind()
}

/// [`endgrent`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/endgrent.html)
#[unsafe(no_mangle)]
pub extern "C" fn endgrent() {
    store::group_rewind()
}

/// `getgrouplist(user, group, groups, ngroups)` (BSD, glibc): `group` and the groups that
/// list `user` as a member; their number when `*ngroups` has room (also stored there), else
/// -1 with the first `*ngroups` stored and `*ngroups` the number needed.
///
/// # Safety
/// `user` NUL-terminated; `ngroups` readable and writable; `groups` writable for
/// `*ngroups` ids.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn getgrouplist(user: *const c_char, group: gid_t, groups: *mut gid_t, ngroups: *mut c_int) -> c_int {
    if user.is_null() || ngroups.is_null() {
        crate::thread::tcb::set_errno(libc::EINVAL);
        return -1;
    }
    // SAFETY: readable per the contract.
    let room = usize::try_from(unsafe { ngroups.read() }).unwrap_or(0);
    let out: &mut [gid_t] = if groups.is_null() || room == 0 {
        &mut []
    } else {
        // SAFETY: writable for `room` ids per the contract.
        unsafe { core::slice::from_raw_parts_mut(groups, room) }
    };
    // SAFETY: NUL-terminated per the contract.
    let user = unsafe { CStr::from_ptr(user) }.to_bytes();
    let n = match group::group_list(user, group, out) {
        Ok(n) => n,
        Err(e) => {
            crate::thread::tcb::set_errno(e.raw_os_error());
            return -1;
        }
    };
    let count = c_int::try_from(n).unwrap_or(c_int::MAX);
    // SAFETY: writable per the contract.
    unsafe { ngroups.write(count) };
    if n <= room { count } else { -1 }
}
