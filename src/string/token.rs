//! Splitting strings into tokens: `strtok_r` and `strsep` (and `strtok`, which is
//! `strtok_r` with a library-owned save pointer).

use super::search;
use core::ptr;
use core::sync::atomic::{AtomicPtr, Ordering};

/// Where `strtok` continues: one per process, as C specifies (`strtok` is not thread-safe).
static STRTOK_NEXT: AtomicPtr<u8> = AtomicPtr::new(ptr::null_mut());

/// `strtok_r`: the next token of `s` (or, when `s` is null, of the string `*save` continues)
/// delimited by bytes of the string `delim`. The token's end is overwritten with NUL and
/// `*save` moves past it; null when no token is left.
///
/// # Safety
/// `s` (or `*save` when `s` is null) is null or a writable NUL-terminated string; `delim`
/// is a NUL-terminated string; `save` is valid.
pub unsafe fn next_token(s: *mut u8, delim: *const u8, save: &mut *mut u8) -> *mut u8 {
    let s = if s.is_null() { *save } else { s };
    if s.is_null() {
        return ptr::null_mut();
    }
    // SAFETY: per the contract; offsets from `span` stay within the string.
    unsafe {
        let start = s.add(search::span(s, delim, true));
        if *start == 0 {
            *save = start;
            return ptr::null_mut();
        }
        let end = start.add(search::span(start, delim, false));
        if *end == 0 {
            *save = end;
        } else {
            *end = 0;
            *save = end.add(1);
        }
        start
    }
}

/// `strtok`: [`next_token`] with the process's save pointer.
///
/// # Safety
/// As for [`next_token`]; callers do not race (C leaves concurrent `strtok` undefined).
pub unsafe fn next_token_shared(s: *mut u8, delim: *const u8) -> *mut u8 {
    // Relaxed: concurrent use is undefined in C; within a thread program order suffices.
    let mut save = STRTOK_NEXT.load(Ordering::Relaxed);
    // SAFETY: per the contract.
    let token = unsafe { next_token(s, delim, &mut save) };
    // Relaxed: as above.
    STRTOK_NEXT.store(save, Ordering::Relaxed);
    token
}

/// `strsep`: the token at `*sp` up to the first byte of `delim`, which is overwritten with
/// NUL; `*sp` moves past it, or becomes null at the end of the string. Null if `*sp` was.
///
/// # Safety
/// `*sp` is null or a writable NUL-terminated string; `delim` NUL-terminated.
pub unsafe fn separate(sp: &mut *mut u8, delim: *const u8) -> *mut u8 {
    let start = *sp;
    if start.is_null() {
        return ptr::null_mut();
    }
    // SAFETY: per the contract; the offset is within the string.
    unsafe {
        let end = start.add(search::span(start, delim, false));
        if *end == 0 {
            *sp = ptr::null_mut();
        } else {
            *end = 0;
            *sp = end.add(1);
        }
    }
    start
}

#[cfg(test)]
mod tests {
    use super::*;
    use core::ffi::CStr;

    fn text(p: *mut u8) -> Option<&'static [u8]> {
        // SAFETY: the tokens point into the test's NUL-terminated buffers.
        (!p.is_null()).then(|| unsafe { CStr::from_ptr(p.cast()) }.to_bytes())
    }

    #[test]
    fn tokens_and_fields() {
        let mut buf = *b"  a,b,,c  \0";
        let mut save = ptr::null_mut();
        let d = b" ,\0".as_ptr();
        // SAFETY: NUL-terminated writable buffer.
        unsafe {
            assert_eq!(text(next_token(buf.as_mut_ptr(), d, &mut save)), Some(&b"a"[..]));
            assert_eq!(text(next_token(ptr::null_mut(), d, &mut save)), Some(&b"b"[..]));
            assert_eq!(text(next_token(ptr::null_mut(), d, &mut save)), Some(&b"c"[..]));
            assert_eq!(text(next_token(ptr::null_mut(), d, &mut save)), None);
            assert_eq!(text(next_token(ptr::null_mut(), d, &mut save)), None);
        }
        let mut buf = *b"a,,b\0";
        let mut sp = buf.as_mut_ptr();
        // SAFETY: as above.
        unsafe {
            assert_eq!(text(separate(&mut sp, b",\0".as_ptr())), Some(&b"a"[..]));
            assert_eq!(text(separate(&mut sp, b",\0".as_ptr())), Some(&b""[..]));
            assert_eq!(text(separate(&mut sp, b",\0".as_ptr())), Some(&b"b"[..]));
            assert!(sp.is_null());
            assert_eq!(text(separate(&mut sp, b",\0".as_ptr())), None);
        }
    }
}
