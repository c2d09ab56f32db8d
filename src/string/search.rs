//! Searching strings and memory: `strchr`, `strrchr`, `strchrnul`, `memrchr`, `strspn`,
//! `strcspn`, `strpbrk`, `strstr`, `strcasestr`, `memmem`.
//!
//! Searches whose range is known run on slices through the `memchr` crate; searches bounded
//! by a terminator first find it with the vector scanner in [`super::scan`], so that nothing
//! reads past the end of a string outside the scanner's aligned blocks.

use super::compare::fold;
use super::scan;
use core::slice;

/// The bytes of the string at `s`, terminator included.
///
/// # Safety
/// `s` points at a NUL-terminated string that outlives the slice.
#[inline]
pub unsafe fn with_nul<'a>(s: *const u8) -> &'a [u8] {
    // SAFETY: the string and its terminator are readable.
    unsafe { slice::from_raw_parts(s, scan::length(s) + 1) }
}

/// `strchr`: the offset of the first `c` in the string at `s`, the terminator included
/// (so `c == 0` finds the terminator).
///
/// # Safety
/// `s` points at a NUL-terminated string.
pub unsafe fn find_in_string(s: *const u8, c: u8) -> Option<usize> {
    // SAFETY: per the contract.
    let i = unsafe { scan::find_byte_or_nul_unbounded(s, c) };
    // SAFETY: `i` is the offset of a byte of the string or of its terminator.
    (unsafe { *s.add(i) } == c).then_some(i)
}

/// `strchrnul`: the offset of the first `c` in the string at `s`, or of its terminator.
///
/// # Safety
/// `s` points at a NUL-terminated string.
pub unsafe fn find_in_string_or_end(s: *const u8, c: u8) -> usize {
    // SAFETY: per the contract; the terminator always stops the scan.
    unsafe { scan::find_byte_or_nul_unbounded(s, c) }
}

/// `strrchr`: the offset of the last `c` in the string at `s`, the terminator included.
///
/// # Safety
/// `s` points at a NUL-terminated string.
pub unsafe fn rfind_in_string(s: *const u8, c: u8) -> Option<usize> {
    // SAFETY: per the contract.
    memchr::memrchr(c, unsafe { with_nul(s) })
}

/// The 256-bit set of the bytes of the string at `set` (the terminator excluded).
///
/// # Safety
/// `set` points at a NUL-terminated string.
unsafe fn byte_set(set: *const u8) -> [u64; 4] {
    let mut bits = [0u64; 4];
    // SAFETY: per the contract.
    let bytes = unsafe { with_nul(set) };
    for &b in bytes {
        if let Some(word) = bits.get_mut(usize::from(b >> 6)) {
            *word |= 1 << (b & 63);
        }
    }
    bits
}

fn in_set(bits: &[u64; 4], b: u8) -> bool {
    bits.get(usize::from(b >> 6)).is_some_and(|w| w >> (b & 63) & 1 != 0)
}

/// `strspn` (`accept == true`) or `strcspn` (`false`): the length of the initial segment of
/// `s` whose bytes all are (or all are not) in the string `set`.
///
/// # Safety
/// `s` and `set` point at NUL-terminated strings.
pub unsafe fn span(s: *const u8, set: *const u8, accept: bool) -> usize {
    // SAFETY: per the contract.
    let (bits, hay) = unsafe { (byte_set(set), with_nul(s)) };
    let len = hay.len() - 1;
    // SAFETY: per the contract.
    let single = unsafe { *set };
    if !accept && single == 0 {
        return len;
    }
    hay.iter().position(|&b| b == 0 || in_set(&bits, b) != accept).unwrap_or(len)
}

/// `strpbrk`: the offset of the first byte of `s` that is in the string `set`.
///
/// # Safety
/// `s` and `set` point at NUL-terminated strings.
pub unsafe fn find_any(s: *const u8, set: *const u8) -> Option<usize> {
    // SAFETY: per the contract.
    let i = unsafe { span(s, set, false) };
    // SAFETY: `i` is at most the string's length.
    (unsafe { *s.add(i) } != 0).then_some(i)
}

/// `strstr`: the offset of the first occurrence of the string `needle` in the string `hay`.
///
/// # Safety
/// `hay` and `needle` point at NUL-terminated strings.
pub unsafe fn find_string(hay: *const u8, needle: *const u8) -> Option<usize> {
    // SAFETY: per the contract.
    let (h, n) = unsafe { (with_nul(hay), with_nul(needle)) };
    let (h, n) = (h.split_last().map_or(h, |p| p.1), n.split_last().map_or(n, |p| p.1));
    memchr::memmem::find(h, n)
}

/// `strcasestr`: [`find_string`] ignoring ASCII case.
///
/// # Safety
/// `hay` and `needle` point at NUL-terminated strings.
pub unsafe fn find_string_folded(hay: *const u8, needle: *const u8) -> Option<usize> {
    // SAFETY: per the contract.
    let (h, n) = unsafe { (with_nul(hay), with_nul(needle)) };
    let (h, n) = (h.split_last().map_or(h, |p| p.1), n.split_last().map_or(n, |p| p.1));
    if n.len() > h.len() {
        return None;
    }
    (0..=h.len() - n.len()).find(|&i| {
        h.get(i..i + n.len()).is_some_and(|w| w.iter().zip(n).all(|(&x, &y)| fold(x) == fold(y)))
    })
}

/// `memrchr`: the offset of the last `c` in `hay`.
pub fn rfind_byte(hay: &[u8], c: u8) -> Option<usize> {
    memchr::memrchr(c, hay)
}

/// `memmem`: the offset of the first occurrence of `needle` in `hay` (0 for an empty needle).
pub fn find_bytes(hay: &[u8], needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(hay, needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn string_searches() {
        let s = b"hello, world\0";
        // SAFETY: NUL-terminated test strings.
        unsafe {
            assert_eq!(find_in_string(s.as_ptr(), b'o'), Some(4));
            assert_eq!(find_in_string(s.as_ptr(), 0), Some(12));
            assert_eq!(find_in_string(s.as_ptr(), b'z'), None);
            assert_eq!(find_in_string_or_end(s.as_ptr(), b'z'), 12);
            assert_eq!(rfind_in_string(s.as_ptr(), b'o'), Some(8));
            assert_eq!(rfind_in_string(s.as_ptr(), 0), Some(12));
            assert_eq!(span(s.as_ptr(), b"ehl\0".as_ptr(), true), 4);
            assert_eq!(span(s.as_ptr(), b",\0".as_ptr(), false), 5);
            assert_eq!(span(s.as_ptr(), b"\0".as_ptr(), false), 12);
            assert_eq!(span(s.as_ptr(), b"\0".as_ptr(), true), 0);
            assert_eq!(find_any(s.as_ptr(), b"wr\0".as_ptr()), Some(7));
            assert_eq!(find_any(s.as_ptr(), b"xyz\0".as_ptr()), None);
            assert_eq!(find_string(s.as_ptr(), b"wor\0".as_ptr()), Some(7));
            assert_eq!(find_string(s.as_ptr(), b"\0".as_ptr()), Some(0));
            assert_eq!(find_string(s.as_ptr(), b"worlds\0".as_ptr()), None);
            assert_eq!(find_string_folded(s.as_ptr(), b"WORLD\0".as_ptr()), Some(7));
            assert_eq!(find_string_folded(s.as_ptr(), b"\0".as_ptr()), Some(0));
            assert_eq!(find_string_folded(b"ab\0".as_ptr(), b"abc\0".as_ptr()), None);
        }
    }
}
