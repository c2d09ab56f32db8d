//! `<wchar.h>`: the terminal columns of wide characters, in the calling thread's locale
//! (see `crate::ctype::wide` for the widths C.UTF-8 gives).

use crate::ctype::wide;
use crate::locale;
use core::ffi::c_int;
use libc::wchar_t;

/// [`wcwidth`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/wcwidth.html): the
/// columns `wc` takes, 0 for NUL and combining characters, -1 when it is not printable.
#[unsafe(no_mangle)]
pub extern "C" fn wcwidth(wc: wchar_t) -> c_int {
    wide::width(wc as u32, locale::ctype_is_utf8())
}

/// [`wcswidth`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/wcswidth.html): the
/// columns of the characters of `s` before its NUL or its `n`th, -1 when one of them is not
/// printable (or `s` is null and `n` is not 0).
///
/// # Safety
/// `s` points to `n` wide characters or to a NUL-terminated string of fewer.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wcswidth(s: *const wchar_t, n: usize) -> c_int {
    if n == 0 {
        return 0;
    }
    if s.is_null() {
        return -1;
    }
    // SAFETY: per the contract, every element up to the NUL or the `n`th is readable; the
    // iterator stops at the first NUL, before reading past it.
    let chars = (0..n).map(|i| unsafe { *s.add(i) } as u32);
    wide::string_width(chars, locale::ctype_is_utf8())
}
