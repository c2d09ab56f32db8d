//! `<stdio.h>`: the scanf family that reads from a string. glibc's headers call the
//! `__isoc99_` names (C99 semantics: `%a` is a floating conversion, not GNU's old allocation
//! flag, which `%m` replaced); the plain names are the same functions here.

use super::OrErrno;
use crate::arch::{VaList, VaListTag, c_variadic};
use crate::fmt::scanf::{self, Bytes};
use core::ffi::{CStr, c_char, c_int};
use rustix::io::Errno;

/// `vsscanf` (and `sscanf`): scans the string `s` as `fmt` says.
///
/// # Safety
/// `s` and `fmt` NUL-terminated; `ap` holds pointers of the types the format names.
unsafe extern "C" fn sscanf_va(s: *const c_char, fmt: *const c_char, ap: *mut VaListTag) -> c_int {
    if s.is_null() || fmt.is_null() {
        return Err(Errno::INVAL).or_errno(-1);
    }
    // SAFETY: per the contract.
    let (s, fmt, mut va) = unsafe { (CStr::from_ptr(s).to_bytes(), CStr::from_ptr(fmt).to_bytes(), VaList::new(ap)) };
    scanf::scan(&mut Bytes::new(s), fmt, &mut va).or_errno(-1)
}

/// [`vsscanf`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/vsscanf.html)
///
/// # Safety
/// As `sscanf`, with the pointers in `ap`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vsscanf(s: *const c_char, fmt: *const c_char, ap: *mut VaListTag) -> c_int {
    // SAFETY: the caller's contract is the function's.
    unsafe { sscanf_va(s, fmt, ap) }
}

/// `__isoc99_vsscanf`: `vsscanf` as glibc's headers name it.
///
/// # Safety
/// As `vsscanf`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __isoc99_vsscanf(s: *const c_char, fmt: *const c_char, ap: *mut VaListTag) -> c_int {
    // SAFETY: the caller's contract is the function's.
    unsafe { sscanf_va(s, fmt, ap) }
}

c_variadic! {
    /// [`sscanf`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/sscanf.html)
    sscanf(2) => sscanf_va;
    /// `__isoc99_sscanf`: `sscanf` as glibc's headers name it.
    __isoc99_sscanf(2) => sscanf_va;
}
