//! `<glob.h>` (and the `*64` names of `_FILE_OFFSET_BITS=64` programs: the same `glob_t`
//! on x86_64).

use super::OrErrno;
use crate::pattern::{glob, results};
use core::ffi::{CStr, c_char, c_int};

/// [`glob`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/glob.html): 0 or
/// `GLOB_NOSPACE`, `GLOB_ABORTED`, `GLOB_NOMATCH`; -1 with `errno` `EINVAL` for a null
/// argument, an unknown flag, or `GLOB_ALTDIRFUNC` without its five functions.
///
/// # Safety
/// `pattern` must be a NUL-terminated string, `pglob` a `glob_t` (holding earlier results
/// with `GLOB_APPEND`, and its directory functions with `GLOB_ALTDIRFUNC`), `errfunc` null or
/// a function.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn glob(pattern: *const c_char, flags: c_int, errfunc: Option<unsafe extern "C" fn(*const c_char, c_int) -> c_int>, pglob: *mut libc::glob_t) -> c_int {
    if pattern.is_null() || pglob.is_null() || flags & !glob::ACCEPTED != 0 {
        crate::thread::tcb::set_errno(libc::EINVAL);
        return -1;
    }
    // SAFETY: NUL-terminated, and `pglob` valid, per the contract.
    unsafe { results::glob(CStr::from_ptr(pattern).to_bytes(), flags, errfunc, pglob) }.or_errno(-1)
}

/// `glob64`: `glob` under `_FILE_OFFSET_BITS=64`.
///
/// # Safety
/// As [`glob`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn glob64(pattern: *const c_char, flags: c_int, errfunc: Option<unsafe extern "C" fn(*const c_char, c_int) -> c_int>, pglob: *mut libc::glob64_t) -> c_int {
    // SAFETY: as `glob`.
    unsafe { glob(pattern, flags, errfunc, pglob.cast()) }
}

/// [`globfree`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/globfree.html)
///
/// # Safety
/// `pglob` must be null or a `glob_t` that `glob` filled.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn globfree(pglob: *mut libc::glob_t) {
    if !pglob.is_null() {
        // SAFETY: per the contract.
        unsafe { results::free(pglob) }
    }
}

/// `globfree64`: `globfree` under `_FILE_OFFSET_BITS=64`.
///
/// # Safety
/// As [`globfree`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn globfree64(pglob: *mut libc::glob64_t) {
    // SAFETY: as `globfree`.
    unsafe { globfree(pglob.cast()) }
}
