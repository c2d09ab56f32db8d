//! The memory primitives Rust's own code also calls (`memcpy`, `memmove`, `memset`,
//! `memcmp`/`bcmp`) and `strlen`.
//!
//! None of these may be written as a plain byte loop that the optimiser could recognise and
//! replace with a call to the very function being defined: the bulk work is done by the
//! assembly in `arch`, and comparisons walk words explicitly.

use crate::arch;

/// `memcpy`: copies `n` bytes; the ranges must not overlap.
///
/// # Safety
/// Both ranges valid for `n` bytes and disjoint.
#[inline]
pub unsafe fn copy(dst: *mut u8, src: *const u8, n: usize) {
    // SAFETY: per the contract.
    unsafe { arch::copy_forward(dst, src, n) }
}

/// `memmove`: copies `n` bytes; the ranges may overlap.
///
/// # Safety
/// Both ranges valid for `n` bytes.
#[inline]
pub unsafe fn move_bytes(dst: *mut u8, src: *const u8, n: usize) {
    // A forward copy is safe unless the destination starts inside the source.
    let dst_inside_src = (dst as usize).wrapping_sub(src as usize) < n;
    // SAFETY: per the contract; the direction avoids overwriting unread bytes.
    unsafe {
        if dst_inside_src && dst as usize != src as usize {
            arch::copy_backward(dst, src, n)
        } else {
            arch::copy_forward(dst, src, n)
        }
    }
}

/// `memset`: sets `n` bytes to `byte`.
///
/// # Safety
/// `dst` valid for `n` bytes.
#[inline]
pub unsafe fn fill(dst: *mut u8, byte: u8, n: usize) {
    // SAFETY: per the contract.
    unsafe { arch::fill(dst, byte, n) }
}

/// `explicit_bzero`'s fill: [`fill`] followed by a compiler barrier that claims to read the
/// bytes, so the stores cannot be removed as dead.
///
/// # Safety
/// `dst` valid for `n` bytes.
#[inline]
pub unsafe fn fill_explicit(dst: *mut u8, byte: u8, n: usize) {
    // SAFETY: per the contract.
    unsafe { fill(dst, byte, n) };
    // SAFETY: an empty asm statement; it only makes the compiler assume `dst` is read.
    unsafe { core::arch::asm!("/* {0} */", in(reg) dst, options(nostack, preserves_flags, readonly)) };
}

/// `memcmp`: the sign of the difference of the first differing bytes (as unsigned char).
///
/// # Safety
/// Both ranges readable for `n` bytes.
pub unsafe fn compare(a: *const u8, b: *const u8, n: usize) -> i32 {
    let mut i = 0;
    // Eight bytes at a time while they are equal.
    while i + 8 <= n {
        // SAFETY: i + 8 <= n; unaligned reads are allowed.
        let (x, y) = unsafe { ((a.add(i) as *const u64).read_unaligned(), (b.add(i) as *const u64).read_unaligned()) };
        if x != y {
            // Big-endian order makes the first differing byte the most significant.
            return if u64::from_be(x) < u64::from_be(y) { -1 } else { 1 };
        }
        i += 8;
    }
    while i < n {
        // SAFETY: i < n.
        let (x, y) = unsafe { (*a.add(i), *b.add(i)) };
        if x != y {
            return x as i32 - y as i32;
        }
        i += 1;
    }
    0
}

/// `strlen`.
///
/// # Safety
/// `s` must point at a NUL-terminated string.
#[inline]
pub unsafe fn length(s: *const u8) -> usize {
    // SAFETY: per the contract.
    unsafe { super::scan::length(s) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::vec::Vec;

    #[test]
    fn move_handles_both_overlaps() {
        for n in [0usize, 1, 7, 64, 300] {
            for shift in [1usize, 3, 17] {
                let orig: Vec<u8> = (0..n + shift).map(|i| i as u8).collect();
                let mut up = orig.clone();
                // SAFETY: both ranges lie inside `up`.
                unsafe { move_bytes(up.as_mut_ptr().add(shift), up.as_ptr(), n) };
                assert_eq!(&up[shift..], &orig[..n]);
                let mut down = orig.clone();
                // SAFETY: as above.
                unsafe { move_bytes(down.as_mut_ptr(), down.as_ptr().add(shift), n) };
                assert_eq!(&down[..n], &orig[shift..]);
            }
        }
    }

    #[test]
    fn compare_sign_and_unsigned_bytes() {
        let a = *b"abcdefghijklmnopq\x80";
        let mut b = a;
        // SAFETY: 18-byte arrays.
        unsafe {
            assert_eq!(compare(a.as_ptr(), b.as_ptr(), 18), 0);
            b[10] = b'a';
            assert!(compare(a.as_ptr(), b.as_ptr(), 18) > 0);
            assert!(compare(b.as_ptr(), a.as_ptr(), 18) < 0);
            assert_eq!(compare(a.as_ptr(), b.as_ptr(), 10), 0);
            let (c, d) = (*b"\x80", *b"\x01");
            assert!(compare(c.as_ptr(), d.as_ptr(), 1) > 0);
        }
    }

    #[test]
    fn length_at_every_alignment() {
        let mut buf = [b'x'; 96];
        for start in 0..32 {
            for len in 0..48 {
                buf.fill(b'x');
                buf[start + len] = 0;
                // SAFETY: a NUL lies inside `buf` after `start`.
                assert_eq!(unsafe { length(buf.as_ptr().add(start)) }, len);
            }
        }
    }

    #[test]
    fn fill_and_copy() {
        let mut d = [0u8; 33];
        // SAFETY: in bounds.
        unsafe { fill(d.as_mut_ptr().add(1), 0xab, 31) };
        assert_eq!(d[0], 0);
        assert!(d[1..32].iter().all(|&x| x == 0xab));
        assert_eq!(d[32], 0);
        let s: Vec<u8> = (0..33).collect();
        // SAFETY: disjoint, in bounds.
        unsafe { copy(d.as_mut_ptr(), s.as_ptr(), 33) };
        assert_eq!(&d[..], &s[..]);
    }
}
