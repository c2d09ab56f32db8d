//! `<fnmatch.h>`.

use crate::pattern::fnmatch;
use core::ffi::{CStr, c_char, c_int};

/// [`fnmatch`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/fnmatch.html):
/// 0 for a match or `FNM_NOMATCH`; -1 for a null argument.
///
/// # Safety
/// `pattern` and `string` must be NUL-terminated strings.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fnmatch(pattern: *const c_char, string: *const c_char, flags: c_int) -> c_int {
    if pattern.is_null() || string.is_null() {
        return fnmatch::ERROR;
    }
    // SAFETY: NUL-terminated per the contract.
    let (p, s) = unsafe { (CStr::from_ptr(pattern), CStr::from_ptr(string)) };
    fnmatch::fnmatch(p.to_bytes(), s.to_bytes(), flags)
}
