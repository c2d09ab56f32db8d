//! `<stdio.h>`: the scanf family that reads from streams. glibc's headers call the
//! `__isoc99_` names (C99 semantics); the plain names are the same functions here.

use super::OrErrno;
use super::stdio::stdin;
use crate::arch::{VaList, VaListTag, c_variadic};
use crate::fmt::scanf;
use crate::stdio::file::File;
use crate::stdio::locked;
use core::ffi::{CStr, c_char, c_int};
use rustix::io::Errno;

/// `vfscanf`'s work: scans the stream under its lock.
///
/// # Safety
/// `f` null or a live stream; `fmt` NUL-terminated; `ap` holds pointers of the types the
/// format names.
unsafe extern "C" fn fscanf_va(f: *mut File, fmt: *const c_char, ap: *mut VaListTag) -> c_int {
    if f.is_null() {
        return Err(Errno::BADF).or_errno(-1);
    }
    if fmt.is_null() {
        return Err(Errno::INVAL).or_errno(-1);
    }
    // SAFETY: per the contract.
    let (fmt, mut va) = unsafe { (CStr::from_ptr(fmt).to_bytes(), VaList::new(ap)) };
    // SAFETY: per the contract.
    unsafe { locked(f, |s| scanf::scan(s, fmt, &mut va)) }.or_errno(-1)
}

/// `vscanf`'s work.
///
/// # Safety
/// As [`fscanf_va`] on `stdin`.
unsafe extern "C" fn scanf_va(fmt: *const c_char, ap: *mut VaListTag) -> c_int {
    // SAFETY: the caller's contract; `stdin` is live unless the program broke it.
    unsafe { fscanf_va(stdin, fmt, ap) }
}

/// [`vfscanf`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/vfscanf.html)
///
/// # Safety
/// As `fscanf`, with the pointers in `ap`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vfscanf(f: *mut File, fmt: *const c_char, ap: *mut VaListTag) -> c_int {
    // SAFETY: the caller's contract.
    unsafe { fscanf_va(f, fmt, ap) }
}

/// `__isoc99_vfscanf`: `vfscanf` as glibc's headers name it.
///
/// # Safety
/// As [`vfscanf`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __isoc99_vfscanf(f: *mut File, fmt: *const c_char, ap: *mut VaListTag) -> c_int {
    // SAFETY: the caller's contract.
    unsafe { fscanf_va(f, fmt, ap) }
}

/// [`vscanf`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/vscanf.html)
///
/// # Safety
/// As `scanf`, with the pointers in `ap`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vscanf(fmt: *const c_char, ap: *mut VaListTag) -> c_int {
    // SAFETY: the caller's contract.
    unsafe { scanf_va(fmt, ap) }
}

/// `__isoc99_vscanf`: `vscanf` as glibc's headers name it.
///
/// # Safety
/// As [`vscanf`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __isoc99_vscanf(fmt: *const c_char, ap: *mut VaListTag) -> c_int {
    // SAFETY: the caller's contract.
    unsafe { scanf_va(fmt, ap) }
}

c_variadic! {
    /// [`fscanf`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/fscanf.html)
    fscanf(2) => fscanf_va;
    /// `__isoc99_fscanf`: `fscanf` as glibc's headers name it.
    __isoc99_fscanf(2) => fscanf_va;
    /// [`scanf`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/scanf.html)
    scanf(1) => scanf_va;
    /// `__isoc99_scanf`: `scanf` as glibc's headers name it.
    __isoc99_scanf(1) => scanf_va;
}
