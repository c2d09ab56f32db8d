//! Comparing NUL-terminated strings: `strcmp`, `strncmp`, `strcasecmp`, `strncasecmp`.
//!
//! Bytes compare as `unsigned char`, as C requires. The case-insensitive functions fold
//! ASCII letters only, which is what the C, POSIX and C.UTF-8 locales define for bytes.

/// The ASCII lower-case form of a byte; other bytes are returned unchanged.
#[inline]
pub const fn fold(b: u8) -> u8 {
    b.to_ascii_lowercase()
}

/// `strncmp`: compares at most `n` bytes of `a` and `b`, stopping after a terminator.
/// With `n == usize::MAX` this is `strcmp`.
///
/// # Safety
/// `a` and `b` point at strings that are NUL-terminated or at least `n` bytes long.
pub unsafe fn compare_n(a: *const u8, b: *const u8, n: usize) -> i32 {
    let mut i = 0;
    while i < n {
        // SAFETY: `i` is below `n` and no terminator was passed yet, so both bytes are inside
        // their strings.
        let (x, y) = unsafe { (*a.add(i), *b.add(i)) };
        if x != y || x == 0 {
            return i32::from(x) - i32::from(y);
        }
        i += 1;
    }
    0
}

/// `strncasecmp`: like [`compare_n`] on the ASCII-folded bytes.
///
/// # Safety
/// As for [`compare_n`].
pub unsafe fn compare_n_folded(a: *const u8, b: *const u8, n: usize) -> i32 {
    let mut i = 0;
    while i < n {
        // SAFETY: as in `compare_n`.
        let (x, y) = unsafe { (fold(*a.add(i)), fold(*b.add(i))) };
        if x != y || x == 0 {
            return i32::from(x) - i32::from(y);
        }
        i += 1;
    }
    0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cmp(a: &[u8], b: &[u8], n: usize) -> i32 {
        // SAFETY: the test strings are NUL-terminated.
        unsafe { compare_n(a.as_ptr(), b.as_ptr(), n) }.signum()
    }

    #[test]
    fn orders_like_unsigned_bytes() {
        assert_eq!(cmp(b"abc\0", b"abc\0", usize::MAX), 0);
        assert_eq!(cmp(b"abc\0", b"abd\0", usize::MAX), -1);
        assert_eq!(cmp(b"ab\0", b"abc\0", usize::MAX), -1);
        assert_eq!(cmp(b"\x80\0", b"\x7f\0", usize::MAX), 1);
        assert_eq!(cmp(b"abc\0", b"abd\0", 2), 0);
        assert_eq!(cmp(b"x\0", b"y\0", 0), 0);
    }

    #[test]
    fn folds_ascii_only() {
        // SAFETY: NUL-terminated test strings.
        unsafe {
            assert_eq!(compare_n_folded(b"HeLLo\0".as_ptr(), b"hello\0".as_ptr(), usize::MAX), 0);
            assert!(compare_n_folded(b"a\0".as_ptr(), b"B\0".as_ptr(), usize::MAX) < 0);
            assert!(compare_n_folded(b"\xc4\0".as_ptr(), b"\xe4\0".as_ptr(), usize::MAX) != 0);
            assert_eq!(compare_n_folded(b"abX\0".as_ptr(), b"ABy\0".as_ptr(), 2), 0);
        }
    }
}
