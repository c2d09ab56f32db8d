//! `<wchar.h>` and `<stdlib.h>`: multibyte conversion in the calling thread's locale (C:
//! ASCII; C.UTF-8: UTF-8), and wide-character strings.

use super::OrErrno;
use crate::locale::{self, mb};
use crate::locale::mb::{Decoded, MbState, SharedState};
use crate::string::wide;
use core::ffi::{c_char, c_int};
use core::ptr;
use libc::{mbstate_t, wchar_t};
use rustix::io::Errno;

/// C's `wint_t` (which the `libc` crate lacks): `unsigned int` in glibc.
#[allow(non_camel_case_types)]
pub type wint_t = core::ffi::c_uint;

/// `WEOF`.
const WEOF: wint_t = 0xffff_ffff;
/// `EOF`.
const EOF: c_int = -1;
/// `(size_t)-1`, the failure of the restartable conversions.
const FAILED: usize = usize::MAX;
/// `(size_t)-2`, "incomplete character".
const INCOMPLETE: usize = usize::MAX - 1;

static MBRTOWC_STATE: SharedState = SharedState::new();
static MBRLEN_STATE: SharedState = SharedState::new();
static MBTOWC_STATE: SharedState = SharedState::new();
static MBLEN_STATE: SharedState = SharedState::new();
static MBSRTOWCS_STATE: SharedState = SharedState::new();
static MBSNRTOWCS_STATE: SharedState = SharedState::new();

/// Runs `f` on `*ps`, or on the library's state `own` when `ps` is null.
///
/// # Safety
/// `ps` is null or a valid `mbstate_t`.
unsafe fn with_state<R>(ps: *mut mbstate_t, own: &SharedState, f: impl FnOnce(&mut MbState) -> R) -> R {
    if ps.is_null() {
        own.with(f)
    } else {
        // SAFETY: a valid `mbstate_t` per the contract, which `MbState` mirrors in size.
        f(unsafe { &mut *ps.cast::<MbState>() })
    }
}

/// The restartable decoding shared by `mbrtowc` and `mbrlen`.
///
/// # Safety
/// As for `mbrtowc`.
unsafe fn restartable(pwc: *mut wchar_t, s: *const c_char, n: usize, ps: *mut mbstate_t, own: &SharedState) -> usize {
    let utf8 = locale::ctype_is_utf8();
    let (s, n) = if s.is_null() { (c"".as_ptr(), 1) } else { (s, n) };
    // SAFETY: the caller's contract.
    let r = unsafe { with_state(ps, own, |st| mb::decode_raw(utf8, st, s.cast(), n)) };
    match r {
        Decoded::Char(wc, k) => {
            if !pwc.is_null() {
                // SAFETY: a valid output per the contract.
                unsafe { *pwc = wc as wchar_t };
            }
            if wc == 0 { 0 } else { k }
        }
        Decoded::Incomplete => INCOMPLETE,
        Decoded::Invalid => Err(Errno::ILSEQ).or_errno(FAILED),
    }
}

/// [`mbrtowc`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/mbrtowc.html):
/// the bytes that completed a character (0 for NUL), `(size_t)-2` for an incomplete one,
/// `(size_t)-1` with `EILSEQ` for an invalid one.
///
/// # Safety
/// `pwc` null or writable; `s` null or readable up to the character's end (at most `n`);
/// `ps` null or a valid state.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mbrtowc(pwc: *mut wchar_t, s: *const c_char, n: usize, ps: *mut mbstate_t) -> usize {
    // SAFETY: the caller's contract.
    unsafe { restartable(pwc, s, n, ps, &MBRTOWC_STATE) }
}

/// [`mbrlen`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/mbrlen.html)
///
/// # Safety
/// As for `mbrtowc`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mbrlen(s: *const c_char, n: usize, ps: *mut mbstate_t) -> usize {
    // SAFETY: the caller's contract.
    unsafe { restartable(ptr::null_mut(), s, n, ps, &MBRLEN_STATE) }
}

/// `__mbrlen`: what glibc's inline `mbrlen` calls.
///
/// # Safety
/// As for `mbrtowc`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __mbrlen(s: *const c_char, n: usize, ps: *mut mbstate_t) -> usize {
    // SAFETY: the caller's contract.
    unsafe { mbrlen(s, n, ps) }
}

/// `__mbrtowc`: glibc's second name for `mbrtowc`.
///
/// # Safety
/// As for `mbrtowc`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __mbrtowc(pwc: *mut wchar_t, s: *const c_char, n: usize, ps: *mut mbstate_t) -> usize {
    // SAFETY: the caller's contract.
    unsafe { mbrtowc(pwc, s, n, ps) }
}

/// The non-restartable decoding of `mbtowc` and `mblen`: 0 for a null `s` (no encoding
/// here has shift states), else the character's length (0 for NUL), or -1 for an invalid or
/// incomplete one.
///
/// # Safety
/// As for `mbtowc`.
unsafe fn stateless(pwc: *mut wchar_t, s: *const c_char, n: usize, own: &SharedState) -> c_int {
    if s.is_null() {
        own.with(|st| *st = MbState::INITIAL);
        return 0;
    }
    // SAFETY: the caller's contract.
    match unsafe { restartable(pwc, s, n, ptr::null_mut(), own) } {
        INCOMPLETE => {
            own.with(|st| *st = MbState::INITIAL);
            Err(Errno::ILSEQ).or_errno(-1)
        }
        FAILED => -1,
        k => k as c_int,
    }
}

/// [`mbtowc`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/mbtowc.html)
///
/// # Safety
/// `pwc` null or writable; `s` null or readable up to the character's end (at most `n`).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mbtowc(pwc: *mut wchar_t, s: *const c_char, n: usize) -> c_int {
    // SAFETY: the caller's contract.
    unsafe { stateless(pwc, s, n, &MBTOWC_STATE) }
}

/// [`mblen`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/mblen.html)
///
/// # Safety
/// `s` null or readable up to the character's end (at most `n`).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mblen(s: *const c_char, n: usize) -> c_int {
    // SAFETY: the caller's contract.
    unsafe { stateless(ptr::null_mut(), s, n, &MBLEN_STATE) }
}

/// [`wcrtomb`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/wcrtomb.html):
/// the number of bytes stored (1 for a null `s`, as for L'\0'), or `(size_t)-1` with
/// `EILSEQ` when the locale has no such character.
///
/// # Safety
/// `s` null or writable for `MB_CUR_MAX` bytes; `ps` null or a valid state.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wcrtomb(s: *mut c_char, wc: wchar_t, ps: *mut mbstate_t) -> usize {
    if !ps.is_null() {
        // SAFETY: a valid state per the contract; encoding ends any pending character.
        unsafe { *ps.cast::<MbState>() = MbState::INITIAL };
    }
    if s.is_null() {
        return 1;
    }
    let mut buf = [0; mb::UTF8_MAX];
    match mb::encode(locale::ctype_is_utf8(), wc as u32, &mut buf) {
        Some(k) => {
            // SAFETY: room for the character per the contract.
            unsafe { ptr::copy_nonoverlapping(buf.as_ptr(), s.cast::<u8>(), k) };
            k
        }
        None => Err(Errno::ILSEQ).or_errno(FAILED),
    }
}

/// [`wctomb`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/wctomb.html):
/// 0 for a null `s`, else the bytes stored or -1 (`EILSEQ`).
///
/// # Safety
/// `s` null or writable for `MB_CUR_MAX` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wctomb(s: *mut c_char, wc: wchar_t) -> c_int {
    if s.is_null() {
        return 0;
    }
    // SAFETY: the caller's contract.
    match unsafe { wcrtomb(s, wc, ptr::null_mut()) } {
        FAILED => -1,
        k => k as c_int,
    }
}

/// [`mbsinit`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/mbsinit.html)
///
/// # Safety
/// `ps` null or a valid state.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mbsinit(ps: *const mbstate_t) -> c_int {
    // SAFETY: a valid state per the contract.
    c_int::from(ps.is_null() || unsafe { (*ps.cast::<MbState>()).is_initial() })
}

/// [`btowc`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/btowc.html):
/// ASCII bytes are their characters; other bytes and `EOF` give `WEOF`.
#[unsafe(no_mangle)]
pub extern "C" fn btowc(c: c_int) -> wint_t {
    if (0..0x80).contains(&c) { c as wint_t } else { WEOF }
}

/// [`wctob`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/wctob.html)
#[unsafe(no_mangle)]
pub extern "C" fn wctob(wc: wint_t) -> c_int {
    if wc < 0x80 { wc as c_int } else { EOF }
}

/// [`mbsrtowcs`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/mbsrtowcs.html):
/// the characters converted, or `(size_t)-1` with `EILSEQ`.
///
/// # Safety
/// `src` valid, `*src` a NUL-terminated string (or null: nothing to convert); `dst` null or
/// writable for `len` characters; `ps` null or a valid state.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mbsrtowcs(dst: *mut wchar_t, src: *mut *const c_char, len: usize, ps: *mut mbstate_t) -> usize {
    // SAFETY: `src` is valid per the contract.
    if src.is_null() || unsafe { (*src).is_null() } {
        return 0;
    }
    let utf8 = locale::ctype_is_utf8();
    // SAFETY: the caller's contract; `*src` is moved as the core says.
    unsafe {
        let src = &mut *src.cast::<*const u8>();
        with_state(ps, &MBSRTOWCS_STATE, |st| mb::to_wide(utf8, dst.cast(), src, usize::MAX, len, st))
    }
    .or_errno(FAILED)
}

/// [`wcsrtombs`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/wcsrtombs.html):
/// the bytes stored, or `(size_t)-1` with `EILSEQ`.
///
/// # Safety
/// `src` valid, `*src` a 0-terminated wide string (or null); `dst` null or writable for
/// `len` bytes; `ps` null or a valid state.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wcsrtombs(dst: *mut c_char, src: *mut *const wchar_t, len: usize, ps: *mut mbstate_t) -> usize {
    // SAFETY: `src` is valid per the contract.
    if src.is_null() || unsafe { (*src).is_null() } {
        return 0;
    }
    if !ps.is_null() {
        // SAFETY: a valid state per the contract; encoding keeps no state.
        unsafe { *ps.cast::<MbState>() = MbState::INITIAL };
    }
    // SAFETY: the caller's contract; `*src` is moved as the core says.
    unsafe { mb::from_wide(locale::ctype_is_utf8(), dst.cast(), &mut *src.cast::<*const u32>(), usize::MAX, len) }.or_errno(FAILED)
}

/// [`mbsnrtowcs`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/mbsrtowcs.html):
/// `mbsrtowcs` reading at most `nms` bytes (a character they cut stays in the state).
///
/// # Safety
/// As for `mbsrtowcs`, with `*src` NUL-terminated or `nms` bytes long.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mbsnrtowcs(dst: *mut wchar_t, src: *mut *const c_char, nms: usize, len: usize, ps: *mut mbstate_t) -> usize {
    // SAFETY: `src` is valid per the contract.
    if src.is_null() || unsafe { (*src).is_null() } {
        return 0;
    }
    let utf8 = locale::ctype_is_utf8();
    // SAFETY: the caller's contract; `*src` is moved as the core says.
    unsafe {
        let src = &mut *src.cast::<*const u8>();
        with_state(ps, &MBSNRTOWCS_STATE, |st| mb::to_wide(utf8, dst.cast(), src, nms, len, st))
    }
    .or_errno(FAILED)
}

/// [`wcsnrtombs`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/wcsrtombs.html):
/// `wcsrtombs` reading at most `nwc` wide characters.
///
/// # Safety
/// As for `wcsrtombs`, with `*src` 0-terminated or `nwc` characters long.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wcsnrtombs(dst: *mut c_char, src: *mut *const wchar_t, nwc: usize, len: usize, ps: *mut mbstate_t) -> usize {
    // SAFETY: `src` is valid per the contract.
    if src.is_null() || unsafe { (*src).is_null() } {
        return 0;
    }
    if !ps.is_null() {
        // SAFETY: a valid state per the contract; encoding keeps no state.
        unsafe { *ps.cast::<MbState>() = MbState::INITIAL };
    }
    // SAFETY: the caller's contract; `*src` is moved as the core says.
    unsafe { mb::from_wide(locale::ctype_is_utf8(), dst.cast(), &mut *src.cast::<*const u32>(), nwc, len) }.or_errno(FAILED)
}

/// [`mbstowcs`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/mbstowcs.html)
///
/// # Safety
/// `src` NUL-terminated; `dst` null or writable for `len` characters.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mbstowcs(dst: *mut wchar_t, src: *const c_char, len: usize) -> usize {
    let mut p = src.cast::<u8>();
    let mut st = MbState::INITIAL;
    // SAFETY: the caller's contract.
    unsafe { mb::to_wide(locale::ctype_is_utf8(), dst.cast(), &mut p, usize::MAX, len, &mut st) }.or_errno(FAILED)
}

/// [`wcstombs`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/wcstombs.html)
///
/// # Safety
/// `src` 0-terminated; `dst` null or writable for `len` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wcstombs(dst: *mut c_char, src: *const wchar_t, len: usize) -> usize {
    let mut p = src.cast::<u32>();
    // SAFETY: the caller's contract.
    unsafe { mb::from_wide(locale::ctype_is_utf8(), dst.cast(), &mut p, usize::MAX, len) }.or_errno(FAILED)
}

/// `base + offset` as a wide string pointer, or null.
#[inline]
fn at(base: *const wchar_t, offset: Option<usize>) -> *mut wchar_t {
    offset.map_or(ptr::null_mut(), |i| base.wrapping_add(i).cast_mut())
}

/// [`wcslen`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/wcslen.html)
///
/// # Safety
/// `s` 0-terminated.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wcslen(s: *const wchar_t) -> usize {
    // SAFETY: the caller's contract.
    unsafe { wide::length_n(s, usize::MAX) }
}

/// [`wcsnlen`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/wcsnlen.html)
///
/// # Safety
/// `s` 0-terminated or `n` long.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wcsnlen(s: *const wchar_t, n: usize) -> usize {
    // SAFETY: the caller's contract.
    unsafe { wide::length_n(s, n) }
}

/// [`wcscmp`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/wcscmp.html)
///
/// # Safety
/// Both 0-terminated.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wcscmp(a: *const wchar_t, b: *const wchar_t) -> c_int {
    // SAFETY: the caller's contract.
    unsafe { wide::compare_n(a, b, usize::MAX) }
}

/// [`wcsncmp`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/wcsncmp.html)
///
/// # Safety
/// Both 0-terminated or `n` long.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wcsncmp(a: *const wchar_t, b: *const wchar_t, n: usize) -> c_int {
    // SAFETY: the caller's contract.
    unsafe { wide::compare_n(a, b, n) }
}

/// [`wcscoll`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/wcscoll.html):
/// code-point order in every supported locale.
///
/// # Safety
/// Both 0-terminated.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wcscoll(a: *const wchar_t, b: *const wchar_t) -> c_int {
    // SAFETY: the caller's contract.
    unsafe { wide::compare_n(a, b, usize::MAX) }
}

/// [`wcscpy`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/wcscpy.html)
///
/// # Safety
/// `src` 0-terminated; `dst` has room; no overlap.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wcscpy(dst: *mut wchar_t, src: *const wchar_t) -> *mut wchar_t {
    // SAFETY: the caller's contract.
    unsafe { wide::copy_string(dst, src) };
    dst
}

/// [`wcpcpy`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/wcpcpy.html)
///
/// # Safety
/// As for `wcscpy`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wcpcpy(dst: *mut wchar_t, src: *const wchar_t) -> *mut wchar_t {
    // SAFETY: the caller's contract; the offset is inside `dst`.
    unsafe { dst.add(wide::copy_string(dst, src)) }
}

/// [`wcsncpy`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/wcsncpy.html)
///
/// # Safety
/// `src` 0-terminated or `n` long; `dst` writable for `n`; no overlap.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wcsncpy(dst: *mut wchar_t, src: *const wchar_t, n: usize) -> *mut wchar_t {
    // SAFETY: the caller's contract.
    unsafe { wide::copy_string_padded(dst, src, n) };
    dst
}

/// [`wcpncpy`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/wcpncpy.html)
///
/// # Safety
/// As for `wcsncpy`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wcpncpy(dst: *mut wchar_t, src: *const wchar_t, n: usize) -> *mut wchar_t {
    // SAFETY: the caller's contract; the offset is at most `n`.
    unsafe { dst.add(wide::copy_string_padded(dst, src, n)) }
}

/// [`wcscat`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/wcscat.html)
///
/// # Safety
/// Both 0-terminated; `dst` has room; no overlap.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wcscat(dst: *mut wchar_t, src: *const wchar_t) -> *mut wchar_t {
    // SAFETY: the caller's contract.
    unsafe { wide::append(dst, src, usize::MAX) };
    dst
}

/// [`wcsncat`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/wcsncat.html)
///
/// # Safety
/// `dst` 0-terminated with room; `src` 0-terminated or `n` long; no overlap.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wcsncat(dst: *mut wchar_t, src: *const wchar_t, n: usize) -> *mut wchar_t {
    // SAFETY: the caller's contract.
    unsafe { wide::append(dst, src, n) };
    dst
}

/// [`wcschr`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/wcschr.html)
///
/// # Safety
/// `s` 0-terminated.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wcschr(s: *const wchar_t, c: wchar_t) -> *mut wchar_t {
    // SAFETY: the caller's contract.
    at(s, unsafe { wide::find_in_string(s, c) })
}

/// [`wcsrchr`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/wcsrchr.html)
///
/// # Safety
/// `s` 0-terminated.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wcsrchr(s: *const wchar_t, c: wchar_t) -> *mut wchar_t {
    // SAFETY: the caller's contract.
    at(s, unsafe { wide::rfind_in_string(s, c) })
}

/// [`wmemchr`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/wmemchr.html)
///
/// # Safety
/// Readable up to the first `c` or for `n` elements.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wmemchr(s: *const wchar_t, c: wchar_t, n: usize) -> *mut wchar_t {
    // SAFETY: the caller's contract.
    at(s, unsafe { wide::find(s, c, n, false) })
}

/// [`wmemcmp`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/wmemcmp.html)
///
/// # Safety
/// Both readable for `n` elements.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wmemcmp(a: *const wchar_t, b: *const wchar_t, n: usize) -> c_int {
    // SAFETY: the caller's contract.
    unsafe { wide::compare_mem(a, b, n) }
}

/// [`wmemcpy`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/wmemcpy.html)
///
/// # Safety
/// Both valid for `n` elements, disjoint.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wmemcpy(dst: *mut wchar_t, src: *const wchar_t, n: usize) -> *mut wchar_t {
    // SAFETY: the caller's contract.
    unsafe { wide::move_elements(dst, src, n) };
    dst
}

/// `wmempcpy`: `wmemcpy` returning the end of the destination (a GNU extension).
///
/// # Safety
/// As for `wmemcpy`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wmempcpy(dst: *mut wchar_t, src: *const wchar_t, n: usize) -> *mut wchar_t {
    // SAFETY: the caller's contract.
    unsafe { wide::move_elements(dst, src, n) };
    dst.wrapping_add(n)
}

/// [`wmemmove`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/wmemmove.html)
///
/// # Safety
/// Both valid for `n` elements.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wmemmove(dst: *mut wchar_t, src: *const wchar_t, n: usize) -> *mut wchar_t {
    // SAFETY: the caller's contract.
    unsafe { wide::move_elements(dst, src, n) };
    dst
}

/// [`wmemset`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/wmemset.html)
///
/// # Safety
/// `dst` writable for `n` elements.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wmemset(dst: *mut wchar_t, c: wchar_t, n: usize) -> *mut wchar_t {
    // SAFETY: the caller's contract.
    unsafe { wide::fill(dst, c, n) };
    dst
}
