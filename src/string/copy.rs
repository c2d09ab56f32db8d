//! Copying strings: `stpcpy`, `stpncpy`, `strcat`/`strncat`, `memccpy`, `strxfrm`, and the
//! functions built from them. Lengths are found first (with the vector scanner), then the
//! bytes move with the memory primitives.

use super::{mem, scan};

/// `stpcpy`: copies the string `src` with its terminator to `dst`; returns the offset of
/// the terminator in `dst` (the string's length).
///
/// # Safety
/// `src` is a NUL-terminated string; `dst` is writable for its length plus one and does not
/// overlap it.
#[inline]
pub unsafe fn copy_string(dst: *mut u8, src: *const u8) -> usize {
    // SAFETY: per the contract.
    unsafe {
        let len = scan::length(src);
        mem::copy(dst, src, len + 1);
        len
    }
}

/// `stpncpy`: copies at most `n` bytes of the string `src` to `dst` and fills the rest of
/// the `n` bytes with NULs; returns the number of bytes copied before the padding (the
/// offset of the first NUL written, or `n`).
///
/// # Safety
/// `src` is NUL-terminated or at least `n` bytes long; `dst` is writable for `n` bytes and
/// does not overlap `src`.
pub unsafe fn copy_string_padded(dst: *mut u8, src: *const u8, n: usize) -> usize {
    // SAFETY: per the contract.
    unsafe {
        let len = scan::length_n(src, n);
        mem::copy(dst, src, len);
        mem::fill(dst.add(len), 0, n - len);
        len
    }
}

/// `strncat`: appends at most `n` bytes of the string `src`, then a terminator, to the
/// string at `dst` (`n == usize::MAX` is `strcat`); returns the new length of `dst`.
///
/// # Safety
/// `dst` and `src` are NUL-terminated (or `src` at least `n` bytes long); `dst` has room for
/// the result and does not overlap `src`.
pub unsafe fn append(dst: *mut u8, src: *const u8, n: usize) -> usize {
    // SAFETY: per the contract.
    unsafe {
        let start = scan::length(dst);
        let len = scan::length_n(src, n);
        mem::copy(dst.add(start), src, len);
        *dst.add(start + len) = 0;
        start + len
    }
}

/// `memccpy`: copies bytes from `src` to `dst` up to and including the first `c`, at most
/// `n`; returns the number of bytes copied if `c` was among them.
///
/// # Safety
/// `src` readable up to the first `c` or for `n` bytes; `dst` writable for as many; no
/// overlap.
pub unsafe fn copy_until(dst: *mut u8, src: *const u8, c: u8, n: usize) -> Option<usize> {
    // SAFETY: per the contract.
    unsafe {
        let found = scan::find_byte(src, c, n);
        if found.is_null() {
            mem::copy(dst, src, n);
            None
        } else {
            let len = found.offset_from_unsigned(src) + 1;
            mem::copy(dst, src, len);
            Some(len)
        }
    }
}

/// `strxfrm` in the C locale (where collation is byte order): copies the string `src` to
/// `dst` if it fits in `n` bytes with its terminator; returns the string's length.
///
/// # Safety
/// `src` NUL-terminated; `dst` writable for `n` bytes (may be null when `n == 0`), no overlap.
pub unsafe fn transform(dst: *mut u8, src: *const u8, n: usize) -> usize {
    // SAFETY: per the contract.
    unsafe {
        let len = scan::length(src);
        if len < n {
            mem::copy(dst, src, len + 1);
        }
        len
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copies_pad_and_append() {
        let mut d = [0xffu8; 12];
        // SAFETY: all buffers are large enough.
        unsafe {
            assert_eq!(copy_string(d.as_mut_ptr(), b"abc\0".as_ptr()), 3);
            assert_eq!(&d[..5], b"abc\0\xff");
            assert_eq!(copy_string_padded(d.as_mut_ptr(), b"xy\0".as_ptr(), 6), 2);
            assert_eq!(&d[..7], b"xy\0\0\0\0\xff");
            assert_eq!(copy_string_padded(d.as_mut_ptr(), b"longer\0".as_ptr(), 3), 3);
            assert_eq!(&d[..4], b"lon\0");
            assert_eq!(append(d.as_mut_ptr(), b"gest\0".as_ptr(), 2), 5);
            assert_eq!(&d[..6], b"longe\0");
            assert_eq!(append(d.as_mut_ptr(), b"r!\0".as_ptr(), usize::MAX), 7);
            assert_eq!(&d[..8], b"longer!\0");
            assert_eq!(copy_until(d.as_mut_ptr(), b"key=val\0".as_ptr(), b'=', 8), Some(4));
            assert_eq!(&d[..4], b"key=");
            assert_eq!(copy_until(d.as_mut_ptr(), b"abc".as_ptr(), b'=', 3), None);
            assert_eq!(transform(d.as_mut_ptr(), b"abcdef\0".as_ptr(), 4), 6);
            assert_eq!(&d[..3], b"abc");
            assert_eq!(transform(d.as_mut_ptr(), b"zz\0".as_ptr(), 3), 2);
            assert_eq!(&d[..3], b"zz\0");
        }
    }
}
