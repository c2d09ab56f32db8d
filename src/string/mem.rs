//! The memory primitives Rust's own code also calls (`memcpy`, `memmove`, `memset`,
//! `memcmp`/`bcmp`) and `strlen`.
//!
//! None of these may be written as a plain byte loop that the optimiser could recognise and
//! replace with a call to the very function being defined: sizes up to 256 bytes go to the
//! loop-free vector kernels in [`super::vector`], larger copies and fills to `rep movsb` /
//! `rep stosb` in `arch` (fast on CPUs with ERMS, as glibc's tuning also assumes from a few
//! KiB on), and comparisons walk vectors explicitly. AVX2 is chosen by [`super::cpu`].

use super::{cpu, vector};
use core::sync::atomic::{AtomicPtr, Ordering};
use crate::arch;

/// Up to this size, copies and fills use the loop-free vector kernels.
const SMALL: usize = 256;
/// Up to this size, forward copies use the AVX2 loop; beyond, `rep movsb` (as glibc does on
/// this class of CPU).
const MEDIUM: usize = 4096;

/// `memcpy`: copies `n` bytes; the ranges must not overlap. Returns `dst` (so that the C
/// function can end in a tail call).
///
/// # Safety
/// Both ranges valid for `n` bytes and disjoint.
#[inline]
pub unsafe fn copy(dst: *mut u8, src: *const u8, n: usize) -> *mut u8 {
    // SAFETY: per the contract.
    unsafe {
        if n <= 64 {
            vector::copy_upto_64(dst, src, n);
            return dst;
        }
        copy_beyond_64(dst, src, n)
    }
}

cpu::chosen! {
    /// [`copy`] of more than 64 bytes, also right when `dst <= src` overlap.
    unsafe fn copy_beyond_64(dst: *mut u8, src: *const u8, n: usize) -> *mut u8 {
        avx2: copy_beyond_64_avx2,
        sse2: copy_beyond_64_baseline,
    }
}

/// [`copy_beyond_64`] with AVX2: the kernel up to `SMALL`, the loop up to `MEDIUM`, then
/// `rep movsb`; each loads what it would overwrite before storing, so `dst <= src` overlap
/// is fine.
///
/// # Safety
/// Both ranges valid for `n` bytes; overlap only with `dst <= src`; AVX2 available.
#[target_feature(enable = "avx2")]
unsafe fn copy_beyond_64_avx2(dst: *mut u8, src: *const u8, n: usize) -> *mut u8 {
    // SAFETY: per the contract.
    unsafe {
        if n <= SMALL {
            return vector::copy_upto_256_avx2(dst, src, n);
        }
        if n <= MEDIUM {
            arch::copy_forward_avx2(dst, src, n);
        } else {
            arch::copy_forward(dst, src, n);
        }
    }
    dst
}

/// [`copy_beyond_64`] without AVX2: `rep movsb`.
///
/// # Safety
/// Both ranges valid for `n` bytes; overlap only with `dst <= src`.
unsafe fn copy_beyond_64_baseline(dst: *mut u8, src: *const u8, n: usize) -> *mut u8 {
    // SAFETY: per the contract.
    unsafe { arch::copy_forward(dst, src, n) };
    dst
}

/// `memmove`: copies `n` bytes; the ranges may overlap. Returns `dst`.
///
/// # Safety
/// Both ranges valid for `n` bytes.
#[inline]
pub unsafe fn move_bytes(dst: *mut u8, src: *const u8, n: usize) -> *mut u8 {
    // SAFETY: the kernel loads everything before it stores.
    unsafe {
        if n <= 64 {
            vector::copy_upto_64(dst, src, n);
            return dst;
        }
    }
    // A forward copy is safe unless the destination starts inside the source.
    let dst_inside_src = (dst as usize).wrapping_sub(src as usize) < n;
    // SAFETY: per the contract; the direction avoids overwriting unread bytes.
    unsafe {
        if dst_inside_src && !core::ptr::eq(dst, src) {
            if n <= SMALL && cpu::has_avx2() {
                return vector::copy_upto_256_avx2(dst, src, n);
            }
            arch::copy_backward(dst, src, n);
            dst
        } else {
            copy_beyond_64(dst, src, n)
        }
    }
}

/// `memset`: sets `n` bytes to `byte`. Returns `dst`.
///
/// # Safety
/// `dst` valid for `n` bytes.
#[inline]
pub unsafe fn fill(dst: *mut u8, byte: u8, n: usize) -> *mut u8 {
    // SAFETY: per the contract.
    unsafe {
        if n <= 64 {
            vector::fill_upto_64(dst, byte, n);
            return dst;
        }
        fill_beyond_64(dst, byte, n)
    }
}

cpu::chosen! {
    /// [`fill`] of more than 64 bytes.
    unsafe fn fill_beyond_64(dst: *mut u8, byte: u8, n: usize) -> *mut u8 {
        avx2: fill_beyond_64_avx2,
        sse2: fill_beyond_64_baseline,
    }
}

/// [`fill_beyond_64`] with AVX2: the kernel up to `SMALL`, then `rep stosb`.
///
/// # Safety
/// `dst` valid for `n` bytes; AVX2 available.
#[target_feature(enable = "avx2")]
unsafe fn fill_beyond_64_avx2(dst: *mut u8, byte: u8, n: usize) -> *mut u8 {
    // SAFETY: per the contract.
    unsafe {
        if n <= SMALL {
            return vector::fill_upto_256_avx2(dst, byte, n);
        }
        arch::fill(dst, byte, n);
    }
    dst
}

/// [`fill_beyond_64`] without AVX2: `rep stosb`.
///
/// # Safety
/// `dst` valid for `n` bytes.
unsafe fn fill_beyond_64_baseline(dst: *mut u8, byte: u8, n: usize) -> *mut u8 {
    // SAFETY: per the contract.
    unsafe { arch::fill(dst, byte, n) };
    dst
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

/// `memcmp`: the difference of the first differing bytes (as unsigned char), as glibc
/// returns it, or 0.
///
/// # Safety
/// Both ranges readable for `n` bytes.
#[inline]
pub unsafe fn compare(a: *const u8, b: *const u8, n: usize) -> i32 {
    // Relaxed: see `compare_first`.
    let f = COMPARE.load(Ordering::Relaxed);
    // SAFETY: `COMPARE` only ever holds `compare_first` or one of the two forms, all
    // `CompareFn`s.
    let f = unsafe { core::mem::transmute::<*mut (), CompareFn>(f) };
    // SAFETY: per the contract.
    unsafe { f(a, b, n) }
}

/// A form of [`compare`], with C's calling convention so that C's `memcmp` can jump
/// straight to it.
pub type CompareFn = unsafe extern "C" fn(*const u8, *const u8, usize) -> i32;

/// The form of [`compare`] for this CPU, [`compare_first`] until the first call: as
/// `cpu::chosen!` keeps it, but public, so that the C function `memcmp` can be a single
/// `jmp` through it (one instruction less per call than loading it first, measurable at
/// 64 bytes).
pub static COMPARE: AtomicPtr<()> = AtomicPtr::new(compare_first as *mut ());

/// The first call of [`compare`]: probes the CPU, keeps the form that suits it, and runs it.
///
/// # Safety
/// As [`compare`].
#[cold]
unsafe extern "C" fn compare_first(a: *const u8, b: *const u8, n: usize) -> i32 {
    let f: CompareFn = if cpu::has_avx2() { vector::compare_avx2 } else { vector::compare_sse2 };
    // Relaxed: racing first calls store the same pointer, and the code it points at needs
    // no publication.
    COMPARE.store(f as *mut (), Ordering::Relaxed);
    // SAFETY: the caller's contract; the form suits this CPU.
    unsafe { f(a, b, n) }
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
    use std::vec;
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

    fn reference_compare(a: &[u8], b: &[u8]) -> i32 {
        a.iter().zip(b).find(|(x, y)| x != y).map_or(0, |(&x, &y)| i32::from(x) - i32::from(y))
    }

    #[test]
    fn compare_every_length_offset_and_difference() {
        let a: Vec<u8> = (0..700u32).map(|i| (i * 7 + 3) as u8).collect();
        for len in 0..600 {
            for off in [0usize, 1, 5, 31] {
                let x = &a[off..off + len];
                let mut y = x.to_vec();
                // SAFETY: both are `len` bytes long.
                assert_eq!(unsafe { compare(x.as_ptr(), y.as_ptr(), len) }, 0);
                for pos in [0, len / 3, len / 2, len.saturating_sub(1)] {
                    if pos >= len {
                        continue;
                    }
                    for delta in [1u8, 0x80, 0xff] {
                        y.copy_from_slice(x);
                        y[pos] = y[pos].wrapping_add(delta);
                        // SAFETY: as above.
                        let got = unsafe { compare(x.as_ptr(), y.as_ptr(), len) };
                        assert_eq!(got, reference_compare(x, &y), "len {len} off {off} pos {pos}");
                        {
                            // SAFETY: as above; the baseline path, whatever this CPU has.
                            let got = unsafe { super::vector::compare_sse2(x.as_ptr(), y.as_ptr(), len) };
                            assert_eq!(got, reference_compare(x, &y));
                        }
                        // A later difference must not win over an earlier one.
                        if pos + 1 < len {
                            y[len - 1] ^= 0x55;
                            // SAFETY: as above.
                            let got = unsafe { compare(x.as_ptr(), y.as_ptr(), len) };
                            assert_eq!(got, reference_compare(x, &y));
                        }
                    }
                }
            }
        }
    }

    /// Both backends, every alignment of the first range in 0..64 (the second at another
    /// one), every length in 0..=300 and every position of a single difference (up to 140
    /// bytes; beyond, the positions around every vector and step boundary and the ends).
    #[test]
    fn compare_every_alignment_length_and_position() {
        let base: Vec<u8> = (0..400u32).map(|i| (i * 7 + 3) as u8).collect();
        let avx2 = super::cpu::has_avx2();
        let mut y = vec![0u8; 400];
        for aa in 0..64 {
            let ab = (aa * 5 + 3) % 64;
            for len in 0..=300 {
                let x = &base[aa..aa + len];
                y[ab..ab + len].copy_from_slice(x);
                for pos in (0..len).filter(|&p| len <= 140 || p % 32 <= 1 || p % 32 == 31 || p + 2 >= len).chain([usize::MAX]) {
                    if pos != usize::MAX {
                        y[ab + pos] ^= if pos % 2 == 0 { 0x80 } else { 0x01 };
                    }
                    let want = reference_compare(x, &y[ab..ab + len]);
                    let (p, q) = (x.as_ptr(), y[ab..].as_ptr());
                    // SAFETY: both are readable for `len` bytes.
                    unsafe {
                        assert_eq!(super::vector::compare_sse2(p, q, len), want, "align {aa} len {len} pos {pos}");
                        if avx2 {
                            assert_eq!(super::vector::compare_avx2(p, q, len), want, "align {aa} len {len} pos {pos}");
                        }
                    }
                    if pos != usize::MAX {
                        y[ab + pos] = x[pos];
                    }
                }
            }
        }
    }

    /// Ranges ending at an inaccessible page: no access may go past `n`.
    #[test]
    fn compare_and_copy_stay_inside_the_ranges() {
        use rustix::mm::{MapFlags, MprotectFlags, ProtFlags, mmap_anonymous, mprotect, munmap};
        let page = 4096;
        // SAFETY: a fresh anonymous mapping of three pages, the last made inaccessible.
        let base = unsafe {
            let p = mmap_anonymous(core::ptr::null_mut(), 3 * page, ProtFlags::READ | ProtFlags::WRITE, MapFlags::PRIVATE)
                .expect("mmap") as *mut u8;
            mprotect(p.add(2 * page).cast(), page, MprotectFlags::empty()).expect("mprotect");
            p
        };
        for n in 0..=520 {
            // SAFETY: both ranges end at the guard page; the first page is their source.
            unsafe {
                let (x, y) = (base.add(2 * page - n), base.add(page - n));
                fill(x, 7, n);
                copy(y, x, n);
                assert_eq!(compare(x, y, n), 0);
                assert_eq!(super::vector::compare_sse2(x, y, n), 0);
                move_bytes(x, y, n);
                if n > 0 {
                    *y.add(n - 1) = 9;
                    assert_eq!(compare(x, y, n), -2);
                    assert_eq!(super::vector::compare_sse2(x, y, n), -2);
                }
            }
        }
        // SAFETY: unmapping what was mapped above.
        unsafe { munmap(base.cast(), 3 * page) }.expect("munmap");
    }

    #[test]
    fn copy_fill_and_move_every_length() {
        let src: Vec<u8> = (0..5200u32).map(|i| (i * 13 + 1 + i / 251) as u8).collect();
        for n in (0..300).chain([511, 1000, 4095, 4096, 4097, 5000]) {
            for off in [0usize, 1, 3, 17] {
                let mut d = vec![0u8; 5200];
                // SAFETY: in bounds, disjoint.
                unsafe { copy(d.as_mut_ptr().add(off), src.as_ptr(), n) };
                assert_eq!(&d[off..off + n], &src[..n]);
                assert!(d[..off].iter().chain(&d[off + n..]).all(|&b| b == 0));
                // SAFETY: in bounds.
                unsafe { fill(d.as_mut_ptr().add(off), 0xa5, n) };
                assert!(d[off..off + n].iter().all(|&b| b == 0xa5));
                assert!(d[..off].iter().chain(&d[off + n..]).all(|&b| b == 0));
                for shift in [1usize, 7, 40] {
                    let mut m = src.clone();
                    // SAFETY: both ranges inside `m`.
                    unsafe { move_bytes(m.as_mut_ptr().add(shift), m.as_ptr(), n) };
                    assert_eq!(&m[shift..shift + n], &src[..n]);
                    let mut m = src.clone();
                    // SAFETY: as above.
                    unsafe { move_bytes(m.as_mut_ptr(), m.as_ptr().add(shift), n) };
                    assert_eq!(&m[..n], &src[shift..shift + n]);
                }
            }
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
