//! `<string.h>`.

use super::OrErrno;
use crate::string::{compare, copy, mem, scan, search, token};
use core::ffi::{c_char, c_int, c_void};
use core::{ptr, slice};

/// [`memcpy`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/memcpy.html)
///
/// # Safety
/// Both ranges valid for `n` bytes and disjoint.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn memcpy(dst: *mut c_void, src: *const c_void, n: usize) -> *mut c_void {
    // SAFETY: the caller's contract is the core's.
    unsafe { mem::copy(dst.cast(), src.cast(), n) }.cast()
}

/// [`memmove`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/memmove.html)
///
/// # Safety
/// Both ranges valid for `n` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn memmove(dst: *mut c_void, src: *const c_void, n: usize) -> *mut c_void {
    // SAFETY: the caller's contract is the core's.
    unsafe { mem::move_bytes(dst.cast(), src.cast(), n) }.cast()
}

/// [`memset`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/memset.html)
///
/// # Safety
/// `dst` valid for `n` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn memset(dst: *mut c_void, c: c_int, n: usize) -> *mut c_void {
    // SAFETY: the caller's contract is the core's.
    unsafe { mem::fill(dst.cast(), c as u8, n) }.cast()
}

/// [`memcmp`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/memcmp.html)
///
/// # Safety
/// Both ranges readable for `n` bytes.
// One jump through the chosen form (see `mem::COMPARE`), which takes C's arguments as they
// are.
#[unsafe(no_mangle)]
#[unsafe(naked)]
pub unsafe extern "C" fn memcmp(a: *const c_void, b: *const c_void, n: usize) -> c_int {
    core::arch::naked_asm!("jmp qword ptr [rip + {chosen}]", chosen = sym mem::COMPARE)
}

/// `bcmp`: zero when the ranges are equal (what compilers turn `memcmp(...) == 0` into).
///
/// # Safety
/// Both ranges readable for `n` bytes.
// As `memcmp`.
#[unsafe(no_mangle)]
#[unsafe(naked)]
pub unsafe extern "C" fn bcmp(a: *const c_void, b: *const c_void, n: usize) -> c_int {
    core::arch::naked_asm!("jmp qword ptr [rip + {chosen}]", chosen = sym mem::COMPARE)
}

/// [`strlen`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/strlen.html)
///
/// # Safety
/// `s` must point at a NUL-terminated string.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn strlen(s: *const c_char) -> usize {
    // SAFETY: the caller's contract is the core's.
    unsafe { mem::length(s.cast()) }
}

/// The byte C passes as an `int` argument: converted to `unsigned char`, as C specifies.
#[inline]
fn byte(c: c_int) -> u8 {
    c as u8
}

/// `base + offset` as a C string pointer, or null.
#[inline]
fn at(base: *const c_char, offset: Option<usize>) -> *mut c_char {
    offset.map_or(ptr::null_mut(), |i| base.wrapping_add(i).cast_mut())
}

/// [`strnlen`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/strnlen.html)
///
/// # Safety
/// `s` is NUL-terminated or readable for `n` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn strnlen(s: *const c_char, n: usize) -> usize {
    // SAFETY: the caller's contract is the core's.
    unsafe { scan::length_n(s.cast(), n) }
}

/// [`strcmp`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/strcmp.html)
///
/// # Safety
/// Both strings NUL-terminated.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn strcmp(a: *const c_char, b: *const c_char) -> c_int {
    // SAFETY: the caller's contract is the core's.
    unsafe { compare::compare_n(a.cast(), b.cast(), usize::MAX) }
}

/// [`strncmp`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/strncmp.html)
///
/// # Safety
/// Both strings NUL-terminated or at least `n` bytes long.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn strncmp(a: *const c_char, b: *const c_char, n: usize) -> c_int {
    // SAFETY: the caller's contract is the core's.
    unsafe { compare::compare_n(a.cast(), b.cast(), n) }
}

/// [`strcoll`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/strcoll.html):
/// byte order, the collation of every locale rustcrt supports (C, POSIX, C.UTF-8).
///
/// # Safety
/// Both strings NUL-terminated.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn strcoll(a: *const c_char, b: *const c_char) -> c_int {
    // SAFETY: the caller's contract is the core's.
    unsafe { compare::compare_n(a.cast(), b.cast(), usize::MAX) }
}

/// [`strxfrm`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/strxfrm.html)
///
/// # Safety
/// `src` NUL-terminated; `dst` writable for `n` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn strxfrm(dst: *mut c_char, src: *const c_char, n: usize) -> usize {
    // SAFETY: the caller's contract is the core's.
    unsafe { copy::transform(dst.cast(), src.cast(), n) }
}

/// [`strcpy`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/strcpy.html)
///
/// # Safety
/// `src` NUL-terminated; `dst` has room for it; no overlap.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn strcpy(dst: *mut c_char, src: *const c_char) -> *mut c_char {
    // SAFETY: the caller's contract is the core's.
    unsafe { copy::copy_string(dst.cast(), src.cast()) };
    dst
}

/// [`stpcpy`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/stpcpy.html)
///
/// # Safety
/// As for `strcpy`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn stpcpy(dst: *mut c_char, src: *const c_char) -> *mut c_char {
    // SAFETY: the caller's contract is the core's; the offset is inside `dst`.
    unsafe { dst.add(copy::copy_string(dst.cast(), src.cast())) }
}

/// [`strncpy`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/strncpy.html)
///
/// # Safety
/// `src` NUL-terminated or `n` bytes long; `dst` writable for `n` bytes; no overlap.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn strncpy(dst: *mut c_char, src: *const c_char, n: usize) -> *mut c_char {
    // SAFETY: the caller's contract is the core's.
    unsafe { copy::copy_string_padded(dst.cast(), src.cast(), n) };
    dst
}

/// [`stpncpy`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/stpncpy.html)
///
/// # Safety
/// As for `strncpy`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn stpncpy(dst: *mut c_char, src: *const c_char, n: usize) -> *mut c_char {
    // SAFETY: the caller's contract is the core's; the offset is at most `n`.
    unsafe { dst.add(copy::copy_string_padded(dst.cast(), src.cast(), n)) }
}

/// [`strcat`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/strcat.html)
///
/// # Safety
/// Both NUL-terminated; `dst` has room for the result; no overlap.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn strcat(dst: *mut c_char, src: *const c_char) -> *mut c_char {
    // SAFETY: the caller's contract is the core's.
    unsafe { copy::append(dst.cast(), src.cast(), usize::MAX) };
    dst
}

/// [`strncat`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/strncat.html)
///
/// # Safety
/// `dst` NUL-terminated with room for the result; `src` NUL-terminated or `n` bytes long.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn strncat(dst: *mut c_char, src: *const c_char, n: usize) -> *mut c_char {
    // SAFETY: the caller's contract is the core's.
    unsafe { copy::append(dst.cast(), src.cast(), n) };
    dst
}

/// [`memccpy`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/memccpy.html)
///
/// # Safety
/// `src` readable and `dst` writable up to the first `c` or for `n` bytes; no overlap.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn memccpy(dst: *mut c_void, src: *const c_void, c: c_int, n: usize) -> *mut c_void {
    // SAFETY: the caller's contract is the core's.
    let copied = unsafe { copy::copy_until(dst.cast(), src.cast(), byte(c), n) };
    copied.map_or(ptr::null_mut(), |i| dst.wrapping_byte_add(i))
}

/// `mempcpy`: `memcpy` returning the end of the destination (a GNU extension).
///
/// # Safety
/// As for `memcpy`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mempcpy(dst: *mut c_void, src: *const c_void, n: usize) -> *mut c_void {
    // SAFETY: the caller's contract is the core's.
    unsafe { mem::copy(dst.cast(), src.cast(), n) };
    dst.wrapping_byte_add(n)
}

/// [`memchr`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/memchr.html)
///
/// # Safety
/// Readable up to the first `c` or for `n` bytes.
// One jump through the chosen form (see `scan::FIND_BYTE`), which takes C's arguments as
// they are and returns the address.
#[unsafe(no_mangle)]
#[unsafe(naked)]
pub unsafe extern "C" fn memchr(s: *const c_void, c: c_int, n: usize) -> *mut c_void {
    core::arch::naked_asm!("jmp qword ptr [rip + {chosen}]", chosen = sym scan::FIND_BYTE)
}

/// `rawmemchr`: `memchr` without a bound; `c` must occur (a GNU extension).
///
/// # Safety
/// Readable up to the first `c`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rawmemchr(s: *const c_void, c: c_int) -> *mut c_void {
    // SAFETY: the caller's contract is the core's.
    unsafe { s.byte_add(scan::find_byte_unbounded(s.cast(), byte(c))) }.cast_mut()
}

/// `memrchr`: the last `c` in the `n` bytes at `s` (a GNU extension).
///
/// # Safety
/// Readable for `n` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn memrchr(s: *const c_void, c: c_int, n: usize) -> *mut c_void {
    if n == 0 {
        return ptr::null_mut();
    }
    // SAFETY: the caller's contract: `n` readable bytes.
    let hay = unsafe { slice::from_raw_parts(s.cast::<u8>(), n) };
    at(s.cast(), search::rfind_byte(hay, byte(c))).cast()
}

/// `memmem`: the first occurrence of the `nlen` bytes at `needle` in the `hlen` bytes at
/// `hay` (a GNU extension; an empty needle is found at `hay`).
///
/// # Safety
/// Both ranges readable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn memmem(hay: *const c_void, hlen: usize, needle: *const c_void, nlen: usize) -> *mut c_void {
    if nlen == 0 {
        return hay.cast_mut();
    }
    if hlen < nlen {
        return ptr::null_mut();
    }
    // SAFETY: the caller's contract: both ranges readable and non-empty.
    let (h, n) = unsafe { (slice::from_raw_parts(hay.cast::<u8>(), hlen), slice::from_raw_parts(needle.cast::<u8>(), nlen)) };
    at(hay.cast(), search::find_bytes(h, n)).cast()
}

/// [`strchr`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/strchr.html)
///
/// # Safety
/// `s` NUL-terminated.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn strchr(s: *const c_char, c: c_int) -> *mut c_char {
    // SAFETY: the caller's contract is the core's.
    at(s, unsafe { search::find_in_string(s.cast(), byte(c)) })
}

/// `strchrnul`: `strchr`, but the terminator when `c` is absent (a GNU extension).
///
/// # Safety
/// `s` NUL-terminated.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn strchrnul(s: *const c_char, c: c_int) -> *mut c_char {
    // SAFETY: the caller's contract is the core's.
    at(s, Some(unsafe { search::find_in_string_or_end(s.cast(), byte(c)) }))
}

/// [`strrchr`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/strrchr.html)
///
/// # Safety
/// `s` NUL-terminated.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn strrchr(s: *const c_char, c: c_int) -> *mut c_char {
    // SAFETY: the caller's contract is the core's.
    at(s, unsafe { search::rfind_in_string(s.cast(), byte(c)) })
}

/// [`strspn`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/strspn.html)
///
/// # Safety
/// Both strings NUL-terminated.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn strspn(s: *const c_char, accept: *const c_char) -> usize {
    // SAFETY: the caller's contract is the core's.
    unsafe { search::span(s.cast(), accept.cast(), true) }
}

/// [`strcspn`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/strcspn.html)
///
/// # Safety
/// Both strings NUL-terminated.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn strcspn(s: *const c_char, reject: *const c_char) -> usize {
    // SAFETY: the caller's contract is the core's.
    unsafe { search::span(s.cast(), reject.cast(), false) }
}

/// [`strpbrk`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/strpbrk.html)
///
/// # Safety
/// Both strings NUL-terminated.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn strpbrk(s: *const c_char, accept: *const c_char) -> *mut c_char {
    // SAFETY: the caller's contract is the core's.
    at(s, unsafe { search::find_any(s.cast(), accept.cast()) })
}

/// [`strstr`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/strstr.html)
///
/// # Safety
/// Both strings NUL-terminated.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn strstr(hay: *const c_char, needle: *const c_char) -> *mut c_char {
    // SAFETY: the caller's contract is the core's.
    at(hay, unsafe { search::find_string(hay.cast(), needle.cast()) })
}

/// `strcasestr`: `strstr` ignoring ASCII case (a GNU extension).
///
/// # Safety
/// Both strings NUL-terminated.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn strcasestr(hay: *const c_char, needle: *const c_char) -> *mut c_char {
    // SAFETY: the caller's contract is the core's.
    at(hay, unsafe { search::find_string_folded(hay.cast(), needle.cast()) })
}

/// [`strtok`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/strtok.html)
///
/// # Safety
/// `s` null or a writable NUL-terminated string; `delim` NUL-terminated.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn strtok(s: *mut c_char, delim: *const c_char) -> *mut c_char {
    // SAFETY: the caller's contract is the core's.
    unsafe { token::next_token_shared(s.cast(), delim.cast()) }.cast()
}

/// [`strtok_r`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/strtok_r.html)
///
/// # Safety
/// As for `strtok`; `save` valid.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn strtok_r(s: *mut c_char, delim: *const c_char, save: *mut *mut c_char) -> *mut c_char {
    if save.is_null() {
        return ptr::null_mut();
    }
    // SAFETY: `save` is non-null and valid per the contract; the rest is the core's.
    unsafe { token::next_token(s.cast(), delim.cast(), &mut *save.cast::<*mut u8>()) }.cast()
}

/// `strsep`: the next field of `*sp` delimited by a byte of `delim` (a BSD extension).
///
/// # Safety
/// `sp` valid; `*sp` null or a writable NUL-terminated string; `delim` NUL-terminated.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn strsep(sp: *mut *mut c_char, delim: *const c_char) -> *mut c_char {
    if sp.is_null() {
        return ptr::null_mut();
    }
    // SAFETY: `sp` is non-null and valid per the contract; the rest is the core's.
    unsafe { token::separate(&mut *sp.cast::<*mut u8>(), delim.cast()) }.cast()
}

/// `strverscmp`: compares strings holding version numbers (a GNU extension).
///
/// # Safety
/// Both strings NUL-terminated.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn strverscmp(a: *const c_char, b: *const c_char) -> c_int {
    // SAFETY: the caller's contract is the core's.
    unsafe { crate::string::version::compare_versions(a.cast(), b.cast()) }
}

/// [`strdup`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/strdup.html):
/// a copy from `malloc`, or null with `errno` `ENOMEM`.
///
/// # Safety
/// `s` NUL-terminated.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn strdup(s: *const c_char) -> *mut c_char {
    // SAFETY: the caller's contract is the core's.
    unsafe { crate::string::dup::duplicate(s.cast(), usize::MAX) }.or_errno(ptr::null_mut()).cast()
}

/// [`strndup`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/strndup.html):
/// a copy of at most `n` bytes, NUL-terminated, or null with `errno` `ENOMEM`.
///
/// # Safety
/// `s` NUL-terminated or at least `n` bytes long.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn strndup(s: *const c_char, n: usize) -> *mut c_char {
    // SAFETY: the caller's contract is the core's.
    unsafe { crate::string::dup::duplicate(s.cast(), n) }.or_errno(ptr::null_mut()).cast()
}

/// GNU `basename` (what `<string.h>` declares under `_GNU_SOURCE`; `<libgen.h>`'s POSIX one
/// is another function): the part after the last '/', empty when the path ends in '/'.
///
/// # Safety
/// `path` NUL-terminated.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn basename(path: *const c_char) -> *mut c_char {
    // SAFETY: the caller's contract.
    let slash = unsafe { search::rfind_in_string(path.cast(), b'/') };
    path.wrapping_add(slash.map_or(0, |i| i + 1)).cast_mut()
}
