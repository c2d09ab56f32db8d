//! `<dirent.h>`: directory streams, `scandir`, `alphasort` (and their `*64` names of
//! `_FILE_OFFSET_BITS=64` programs: the same layout on x86_64).

use super::OrErrno;
use crate::fs::{dir, path::CPath};
use core::ffi::{c_char, c_int, c_long, c_void};
use libc::dirent64;

/// `DIR` as C sees it: an opaque stream.
type Dir = c_void;

/// `scandir`'s filter and comparator, for `struct dirent` and `struct dirent64` (the same
/// layout, so the function types are interchangeable). cbindgen does not emit aliases, so
/// the signatures spell the types out.
type Filter = Option<unsafe extern "C" fn(*const libc::dirent) -> c_int>;
type Compare = Option<unsafe extern "C" fn(*mut *const libc::dirent, *mut *const libc::dirent) -> c_int>;
type Filter64 = Option<unsafe extern "C" fn(*const dirent64) -> c_int>;
type Compare64 = Option<unsafe extern "C" fn(*mut *const dirent64, *mut *const dirent64) -> c_int>;

/// [`opendir`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/opendir.html)
///
/// # Safety
/// `path` must be null or a NUL-terminated string.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn opendir(path: *const c_char) -> *mut Dir {
    // SAFETY: the caller's contract.
    dir::opendir(CPath::new(path)).map(|d| d.cast()).or_errno(core::ptr::null_mut())
}

/// [`fdopendir`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/fdopendir.html)
#[unsafe(no_mangle)]
pub extern "C" fn fdopendir(fd: c_int) -> *mut Dir {
    dir::fdopendir(fd).map(|d| d.cast()).or_errno(core::ptr::null_mut())
}

/// [`readdir`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/readdir.html): null
/// at the end (`errno` untouched) or on an error (`errno` set).
///
/// # Safety
/// `d` must be an open stream.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn readdir(d: *mut Dir) -> *mut libc::dirent {
    if d.is_null() {
        crate::thread::tcb::set_errno(libc::EBADF);
        return core::ptr::null_mut();
    }
    // SAFETY: the caller's contract.
    unsafe { dir::readdir(d.cast()) }.map(|e| e.cast()).or_errno(core::ptr::null_mut())
}

/// `readdir64`: `readdir` under `_FILE_OFFSET_BITS=64`.
///
/// # Safety
/// As [`readdir`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn readdir64(d: *mut Dir) -> *mut dirent64 {
    // SAFETY: as `readdir`.
    unsafe { readdir(d) }.cast()
}

/// [`readdir_r`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/readdir_r.html):
/// an error number; `*result` is `entry` or null at the end.
///
/// # Safety
/// `d` an open stream; `entry` writable for a `struct dirent`; `result` writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn readdir_r(d: *mut Dir, entry: *mut libc::dirent, result: *mut *mut libc::dirent) -> c_int {
    if d.is_null() {
        return libc::EBADF;
    }
    if entry.is_null() || result.is_null() {
        return libc::EFAULT;
    }
    // SAFETY: the caller's contract.
    match unsafe { dir::readdir(d.cast()) } {
        Ok(e) if e.is_null() => {
            // SAFETY: writable per the contract.
            unsafe { result.write(core::ptr::null_mut()) };
            0
        }
        Ok(e) => {
            // SAFETY: `e` is a complete entry of at most `d_reclen` bytes; the copy is cut to
            // the caller's `struct dirent`, whose name field holds any name the kernel returns.
            unsafe {
                let n = usize::from((*e).d_reclen).min(size_of::<libc::dirent>());
                core::ptr::copy_nonoverlapping(e.cast::<u8>(), entry.cast::<u8>(), n);
                result.write(entry);
            }
            0
        }
        Err(e) => {
            // SAFETY: writable per the contract.
            unsafe { result.write(core::ptr::null_mut()) };
            e.raw_os_error()
        }
    }
}

/// `readdir64_r`: `readdir_r` under `_FILE_OFFSET_BITS=64`.
///
/// # Safety
/// As [`readdir_r`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn readdir64_r(d: *mut Dir, entry: *mut dirent64, result: *mut *mut dirent64) -> c_int {
    // SAFETY: as `readdir_r`; the same layout.
    unsafe { readdir_r(d, entry.cast(), result.cast()) }
}

/// [`telldir`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/telldir.html)
///
/// # Safety
/// `d` must be an open stream.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn telldir(d: *mut Dir) -> c_long {
    // SAFETY: the caller's contract.
    unsafe { dir::telldir(d.cast()) }
}

/// [`seekdir`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/seekdir.html)
///
/// # Safety
/// `d` must be an open stream; `position` from `telldir` on it.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn seekdir(d: *mut Dir, position: c_long) {
    // SAFETY: the caller's contract.
    unsafe { dir::seekdir(d.cast(), position) }
}

/// [`rewinddir`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/rewinddir.html)
///
/// # Safety
/// `d` must be an open stream.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rewinddir(d: *mut Dir) {
    // SAFETY: the caller's contract.
    unsafe { dir::seekdir(d.cast(), 0) }
}

/// [`dirfd`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/dirfd.html)
///
/// # Safety
/// `d` must be an open stream.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn dirfd(d: *mut Dir) -> c_int {
    if d.is_null() {
        crate::thread::tcb::set_errno(libc::EINVAL);
        return -1;
    }
    // SAFETY: the caller's contract.
    unsafe { dir::dirfd(d.cast()) }
}

/// [`closedir`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/closedir.html)
///
/// # Safety
/// `d` must be an open stream, not used afterwards.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn closedir(d: *mut Dir) -> c_int {
    if d.is_null() {
        crate::thread::tcb::set_errno(libc::EBADF);
        return -1;
    }
    // SAFETY: the caller's contract.
    unsafe { dir::closedir(d.cast()) }.map(|()| 0).or_errno(-1)
}

/// [`alphasort`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/alphasort.html)
///
/// # Safety
/// Both must point at pointers to entries.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn alphasort(a: *mut *const libc::dirent, b: *mut *const libc::dirent) -> c_int {
    // SAFETY: the caller's contract.
    unsafe { dir::compare_names((*a).cast(), (*b).cast()) }
}

/// `alphasort64`: `alphasort` under `_FILE_OFFSET_BITS=64`.
///
/// # Safety
/// As [`alphasort`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn alphasort64(a: *mut *const dirent64, b: *mut *const dirent64) -> c_int {
    // SAFETY: the caller's contract.
    unsafe { dir::compare_names(*a, *b) }
}

/// [`scandir`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/scandir.html): the
/// count, with an array (to `free`, as each entry) in `*out`.
///
/// # Safety
/// `path` null or NUL-terminated; `out` writable; `filter` and `compare` functions on entries.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn scandir(
    path: *const c_char,
    out: *mut *mut *mut libc::dirent,
    filter: Option<unsafe extern "C" fn(*const libc::dirent) -> c_int>,
    compare: Option<unsafe extern "C" fn(*mut *const libc::dirent, *mut *const libc::dirent) -> c_int>,
) -> c_int {
    if out.is_null() {
        crate::thread::tcb::set_errno(libc::EFAULT);
        return -1;
    }
    // SAFETY: the two layouts are the same, so the function types are interchangeable.
    let (filter, compare) =
        unsafe { (core::mem::transmute::<Filter, Filter64>(filter), core::mem::transmute::<Compare, Compare64>(compare)) };
    // SAFETY: the caller's contract.
    unsafe { dir::scandir(CPath::new(path), filter, compare) }
        .map(|(list, n)| {
            // SAFETY: writable per the contract.
            unsafe { out.write(list.cast()) };
            n as c_int
        })
        .or_errno(-1)
}

/// `scandir64`: `scandir` under `_FILE_OFFSET_BITS=64`.
///
/// # Safety
/// As [`scandir`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn scandir64(
    path: *const c_char,
    out: *mut *mut *mut dirent64,
    filter: Option<unsafe extern "C" fn(*const dirent64) -> c_int>,
    compare: Option<unsafe extern "C" fn(*mut *const dirent64, *mut *const dirent64) -> c_int>,
) -> c_int {
    // SAFETY: as `scandir`; the same layout, so the function types are interchangeable.
    unsafe {
        scandir(path, out.cast(), core::mem::transmute::<Filter64, Filter>(filter), core::mem::transmute::<Compare64, Compare>(compare))
    }
}
