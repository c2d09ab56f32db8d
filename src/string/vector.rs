//! The vector kernels of the memory primitives: copies and fills of up to 256 bytes, and
//! comparisons of any length, for SSE2 (the baseline) and AVX2.
//!
//! Copies load every byte before storing any, so they are also correct for overlapping
//! ranges (`memmove`). Sizes are covered by two overlapping halves (the first and the last
//! `k` bytes for the smallest `k` with `2k >= n`), so there are no loops in the copies and
//! fills at all, and nothing the optimiser could turn back into a call of `memcpy` or
//! `memset`. Every access is inside the caller's ranges.

use core::arch::asm;
use core::arch::x86_64::{
    __m128i, __m256i, _mm_cmpeq_epi8, _mm_loadu_si128, _mm_movemask_epi8, _mm_set1_epi8, _mm_storeu_si128,
    _mm256_cmpeq_epi8, _mm256_loadu_si256, _mm256_movemask_epi8, _mm256_or_si256, _mm256_set1_epi8,
    _mm256_storeu_si256, _mm256_testz_si256, _mm256_xor_si256, _mm_and_si128,
};

/// Copies `n <= 64` bytes.
///
/// # Safety
/// `src` readable and `dst` writable for `n` bytes (they may overlap).
#[inline(always)]
pub unsafe fn copy_upto_64(dst: *mut u8, src: *const u8, n: usize) {
    // SAFETY: each group of accesses covers [0, k) and [n - k, n) with k <= n, inside the
    // ranges; all loads happen before the stores.
    unsafe {
        if n > 32 {
            let (w, x) = (_mm_loadu_si128(src.cast()), _mm_loadu_si128(src.add(16).cast()));
            let (y, z) = (_mm_loadu_si128(src.add(n - 32).cast()), _mm_loadu_si128(src.add(n - 16).cast()));
            _mm_storeu_si128(dst.cast(), w);
            _mm_storeu_si128(dst.add(16).cast(), x);
            _mm_storeu_si128(dst.add(n - 32).cast(), y);
            _mm_storeu_si128(dst.add(n - 16).cast(), z);
        } else if n >= 16 {
            let (x, y) = (_mm_loadu_si128(src.cast()), _mm_loadu_si128(src.add(n - 16).cast()));
            _mm_storeu_si128(dst.cast(), x);
            _mm_storeu_si128(dst.add(n - 16).cast(), y);
        } else if n >= 8 {
            let (x, y) = (src.cast::<u64>().read_unaligned(), src.add(n - 8).cast::<u64>().read_unaligned());
            dst.cast::<u64>().write_unaligned(x);
            dst.add(n - 8).cast::<u64>().write_unaligned(y);
        } else if n >= 4 {
            let (x, y) = (src.cast::<u32>().read_unaligned(), src.add(n - 4).cast::<u32>().read_unaligned());
            dst.cast::<u32>().write_unaligned(x);
            dst.add(n - 4).cast::<u32>().write_unaligned(y);
        } else if n >= 2 {
            let (x, y) = (src.cast::<u16>().read_unaligned(), src.add(n - 2).cast::<u16>().read_unaligned());
            dst.cast::<u16>().write_unaligned(x);
            dst.add(n - 2).cast::<u16>().write_unaligned(y);
        } else if n == 1 {
            *dst = *src;
        }
    }
}

/// Copies `32 < n <= 256` bytes with AVX2 (used from 65 on); returns `dst`.
///
/// # Safety
/// `src` readable and `dst` writable for `n` bytes (they may overlap); AVX2 available.
#[target_feature(enable = "avx2")]
pub unsafe fn copy_upto_256_avx2(dst: *mut u8, src: *const u8, n: usize) -> *mut u8 {
    let load = |i: usize| {
        // SAFETY: callers pass offsets with i + 32 <= n.
        unsafe { _mm256_loadu_si256(src.add(i).cast::<__m256i>()) }
    };
    let store = |i: usize, v: __m256i| {
        // SAFETY: as for `load`.
        unsafe { _mm256_storeu_si256(dst.add(i).cast::<__m256i>(), v) }
    };
    if n <= 64 {
        let (a, b) = (load(0), load(n - 32));
        store(0, a);
        store(n - 32, b);
    } else if n <= 128 {
        let (a, b, c, d) = (load(0), load(32), load(n - 64), load(n - 32));
        store(0, a);
        store(32, b);
        store(n - 64, c);
        store(n - 32, d);
    } else {
        let (a, b, c, d) = (load(0), load(32), load(64), load(96));
        let (e, f, g, h) = (load(n - 128), load(n - 96), load(n - 64), load(n - 32));
        store(0, a);
        store(32, b);
        store(64, c);
        store(96, d);
        store(n - 128, e);
        store(n - 96, f);
        store(n - 64, g);
        store(n - 32, h);
    }
    dst
}

/// Sets `n <= 64` bytes to `byte`.
///
/// # Safety
/// `dst` writable for `n` bytes.
#[inline(always)]
pub unsafe fn fill_upto_64(dst: *mut u8, byte: u8, n: usize) {
    let word = u64::from(byte) * 0x0101_0101_0101_0101;
    // SAFETY: each group of stores covers [0, k) and [n - k, n) with k <= n.
    unsafe {
        if n > 32 {
            let v = _mm_set1_epi8(byte as i8);
            _mm_storeu_si128(dst.cast(), v);
            _mm_storeu_si128(dst.add(16).cast(), v);
            _mm_storeu_si128(dst.add(n - 32).cast(), v);
            _mm_storeu_si128(dst.add(n - 16).cast(), v);
        } else if n >= 16 {
            let v = _mm_set1_epi8(byte as i8);
            _mm_storeu_si128(dst.cast(), v);
            _mm_storeu_si128(dst.add(n - 16).cast(), v);
        } else if n >= 8 {
            dst.cast::<u64>().write_unaligned(word);
            dst.add(n - 8).cast::<u64>().write_unaligned(word);
        } else if n >= 4 {
            dst.cast::<u32>().write_unaligned(word as u32);
            dst.add(n - 4).cast::<u32>().write_unaligned(word as u32);
        } else if n >= 2 {
            dst.cast::<u16>().write_unaligned(word as u16);
            dst.add(n - 2).cast::<u16>().write_unaligned(word as u16);
        } else if n == 1 {
            *dst = byte;
        }
    }
}

/// Sets `32 < n <= 256` bytes to `byte` with AVX2 (used from 65 on); returns `dst`.
///
/// # Safety
/// `dst` writable for `n` bytes; AVX2 available.
#[target_feature(enable = "avx2")]
pub unsafe fn fill_upto_256_avx2(dst: *mut u8, byte: u8, n: usize) -> *mut u8 {
    let v = _mm256_set1_epi8(byte as i8);
    let store = |i: usize| {
        // SAFETY: callers pass offsets with i + 32 <= n.
        unsafe { _mm256_storeu_si256(dst.add(i).cast::<__m256i>(), v) }
    };
    store(0);
    store(n - 32);
    if n > 64 {
        store(32);
        store(n - 64);
    }
    if n > 128 {
        store(64);
        store(96);
        store(n - 128);
        store(n - 96);
    }
    dst
}

/// The difference of the bytes at offset `i` (as `unsigned char`), C's `memcmp` result.
///
/// # Safety
/// Offset `i` readable in both.
#[inline(always)]
unsafe fn byte_difference(a: *const u8, b: *const u8, i: usize) -> i32 {
    // SAFETY: per the contract.
    unsafe { i32::from(*a.add(i)) - i32::from(*b.add(i)) }
}

/// The `memcmp` result from a mask whose bit `k` is set when byte `at + k` is equal in both.
///
/// # Safety
/// Some bit is clear, and the byte it stands for is readable in both.
#[inline(always)]
unsafe fn first_difference(a: *const u8, b: *const u8, at: usize, equal: u32) -> i32 {
    // SAFETY: per the contract.
    unsafe { byte_difference(a, b, at + (!equal).trailing_zeros() as usize) }
}

/// `memcmp` of `n <= 32` bytes.
///
/// # Safety
/// Both readable for `n` bytes.
#[inline(always)]
pub unsafe fn compare_upto_32(a: *const u8, b: *const u8, n: usize) -> i32 {
    // SAFETY: every access is inside [0, n); the halves overlap when n is not a power of two.
    unsafe {
        if n >= 16 {
            let eq16 = |i: usize| {
                let x = _mm_loadu_si128(a.add(i).cast::<__m128i>());
                let y = _mm_loadu_si128(b.add(i).cast::<__m128i>());
                _mm_movemask_epi8(_mm_cmpeq_epi8(x, y)) as u32 | 0xffff_0000
            };
            let m = eq16(0);
            if m != u32::MAX {
                return first_difference(a, b, 0, m);
            }
            let m = eq16(n - 16);
            if m != u32::MAX {
                return first_difference(a, b, n - 16, m);
            }
            0
        } else if n >= 8 {
            // Two overlapping words; the lowest differing byte of the first, then of the
            // second, is the first difference (little-endian: low bytes come first).
            for at in [0, n - 8] {
                let x = a.add(at).cast::<u64>().read_unaligned() ^ b.add(at).cast::<u64>().read_unaligned();
                if x != 0 {
                    return byte_difference(a, b, at + (x.trailing_zeros() / 8) as usize);
                }
            }
            0
        } else if n >= 4 {
            for at in [0, n - 4] {
                let x = a.add(at).cast::<u32>().read_unaligned() ^ b.add(at).cast::<u32>().read_unaligned();
                if x != 0 {
                    return byte_difference(a, b, at + (x.trailing_zeros() / 8) as usize);
                }
            }
            0
        } else {
            let mut d = 0;
            if n >= 1 {
                d = byte_difference(a, b, 0);
            }
            if d == 0 && n >= 2 {
                d = byte_difference(a, b, 1);
            }
            if d == 0 && n == 3 {
                d = byte_difference(a, b, 2);
            }
            d
        }
    }
}

// The section `compare_avx2` alone lives in, aligned to 64 bytes: its path for 33..64 bytes
// then fits one 64-byte fetch block, as glibc's `memcmp` does (stable Rust cannot align a
// function; measured: 10% more cycles per 64-byte `memcmp` when the path straddles two).
core::arch::global_asm!(".pushsection .text.rustcrt.aligned64,\"ax\",@progbits", ".p2align 6", ".popsection");

/// [`compare_upto_32`] out of line: the larger sizes then run straight on after one
/// not-taken branch, and the small ones reach it by a tail jump.
///
/// # Safety
/// Both readable for `n <= 32` bytes.
#[inline(never)]
unsafe fn compare_small(a: *const u8, b: *const u8, n: usize) -> i32 {
    // SAFETY: per the contract.
    unsafe { compare_upto_32(a, b, n) }
}

/// The `memcmp` result of the first of `K` vectors of `W` bytes at `offsets` (ascending,
/// their union a prefix of the ranges, all but one possibly equal) that differs, or 0.
/// `eq` gives the mask of equal bytes of the vector at an offset (all `W` bits set when equal).
///
/// # Safety
/// Each vector lies inside both ranges.
#[inline(always)]
unsafe fn first_differing<const K: usize>(a: *const u8, b: *const u8, offsets: [usize; K], full: u32, eq: impl Fn(usize) -> u32) -> i32 {
    for at in offsets {
        let m = eq(at);
        if m != full {
            // SAFETY: the clear bit stands for a byte inside both ranges.
            return unsafe { first_difference(a, b, at, m | !full) };
        }
    }
    0
}

/// `memcmp` with AVX2: up to 32 bytes by [`compare_upto_32`], up to 64 bytes as two overlapping vectors, up to
/// 128 as four, beyond that 128 bytes per step while they last and then the last 128
/// (overlapping). Each step ORs the XORs of its vectors and tests them once; only the step
/// that differs looks for the vector and byte.
///
/// # Safety
/// Both readable for `n` bytes; AVX2 available.
#[target_feature(enable = "avx2")]
#[unsafe(link_section = ".text.rustcrt.aligned64")]
pub unsafe extern "C" fn compare_avx2(a: *const u8, b: *const u8, n: usize) -> i32 {
    if n <= 32 {
        // SAFETY: per the contract.
        return unsafe { compare_small(a, b, n) };
    }
    let load = |p: *const u8, i: usize| {
        // SAFETY: callers pass offsets with i + 32 <= n.
        unsafe { _mm256_loadu_si256(p.add(i).cast::<__m256i>()) }
    };
    let eq = |i: usize| _mm256_movemask_epi8(_mm256_cmpeq_epi8(load(a, i), load(b, i))) as u32;
    let diff = |i: usize| _mm256_xor_si256(load(a, i), load(b, i));
    let differs = |at: [usize; 4]| {
        let any = _mm256_or_si256(_mm256_or_si256(diff(at[0]), diff(at[1])), _mm256_or_si256(diff(at[2]), diff(at[3])));
        _mm256_testz_si256(any, any) == 0
    };
    if n <= 64 {
        // The equal-bytes mask of both halves at once, with the loads folded into the
        // compares (which the optimiser would not do).
        let equal: u32;
        // SAFETY: [a, a + 32), [a + n - 32, a + n) and the same of `b` lie inside the ranges
        // (32 < n <= 64); nothing is written.
        unsafe {
            asm!(
                "vmovdqu {x}, ymmword ptr [{a}]",
                "vpcmpeqb {x}, {x}, ymmword ptr [{b}]",
                "vmovdqu {y}, ymmword ptr [{a} + {n} - 32]",
                "vpcmpeqb {y}, {y}, ymmword ptr [{b} + {n} - 32]",
                "vpand {x}, {x}, {y}",
                "vpmovmskb {m:e}, {x}",
                a = in(reg) a, b = in(reg) b, n = in(reg) n, m = lateout(reg) equal,
                x = out(ymm_reg) _, y = out(ymm_reg) _,
                options(nostack, readonly, pure, preserves_flags),
            );
        }
        if equal == u32::MAX {
            return 0;
        }
        // Out of the straight line of equal ranges, as glibc lays its exits out.
        core::hint::cold_path();
        // SAFETY: 32 < n <= 64, so both vectors lie inside the ranges.
        return unsafe { first_differing(a, b, [0, n - 32], u32::MAX, eq) };
    }
    if n <= 128 {
        let at = [0, 32, n - 64, n - 32];
        if differs(at) {
            core::hint::cold_path();
            // SAFETY: 64 < n <= 128, so every vector lies inside the ranges.
            return unsafe { first_differing(a, b, at, u32::MAX, eq) };
        }
        return 0;
    }
    // The steps before the last: an index running from `-last` up to 0, so that its sign
    // ends the loop; it stops at the first step that differs.
    let last = n - 128;
    let mut i = last.wrapping_neg();
    // SAFETY: each step reads [a + last + i, +128) and the same of `b` with i < 0, inside
    // both ranges; nothing is written.
    unsafe {
        asm!(
            ".p2align 5",
            "2:",
            "vmovdqu {w}, ymmword ptr [{a} + {i}]",
            "vpxor {w}, {w}, ymmword ptr [{b} + {i}]",
            "vmovdqu {x}, ymmword ptr [{a} + {i} + 32]",
            "vpxor {x}, {x}, ymmword ptr [{b} + {i} + 32]",
            "vmovdqu {y}, ymmword ptr [{a} + {i} + 64]",
            "vpxor {y}, {y}, ymmword ptr [{b} + {i} + 64]",
            "vmovdqu {z}, ymmword ptr [{a} + {i} + 96]",
            "vpxor {z}, {z}, ymmword ptr [{b} + {i} + 96]",
            "vpor {w}, {w}, {x}",
            "vpor {y}, {y}, {z}",
            "vpor {w}, {w}, {y}",
            "vptest {w}, {w}",
            "jnz 3f",
            "add {i}, 128",
            "js 2b",
            "3:",
            a = in(reg) a.add(last), b = in(reg) b.add(last), i = inout(reg) i,
            w = out(ymm_reg) _, x = out(ymm_reg) _, y = out(ymm_reg) _, z = out(ymm_reg) _,
            options(nostack, readonly, pure),
        );
    }
    if (i as isize) < 0 {
        core::hint::cold_path();
        let at = last.wrapping_add(i);
        // SAFETY: the step at `at` was read by the loop, inside both ranges.
        return unsafe { first_differing(a, b, [at, at + 32, at + 64, at + 96], u32::MAX, eq) };
    }
    let at = [last, last + 32, last + 64, last + 96];
    if differs(at) {
        core::hint::cold_path();
        // SAFETY: the last 128 bytes, inside both ranges (n > 128).
        return unsafe { first_differing(a, b, at, u32::MAX, eq) };
    }
    0
}

/// `memcmp` with SSE2: as [`compare_avx2`] with 16-byte vectors, up to
/// 64 bytes as four overlapping vectors, then 64 bytes per step and the last 64.
///
/// # Safety
/// Both readable for `n` bytes.
#[target_feature(enable = "sse2")]
pub unsafe extern "C" fn compare_sse2(a: *const u8, b: *const u8, n: usize) -> i32 {
    if n <= 32 {
        // SAFETY: per the contract.
        return unsafe { compare_small(a, b, n) };
    }
    let cmp = |i: usize| {
        // SAFETY: callers pass offsets with i + 16 <= n.
        unsafe { _mm_cmpeq_epi8(_mm_loadu_si128(a.add(i).cast::<__m128i>()), _mm_loadu_si128(b.add(i).cast::<__m128i>())) }
    };
    let eq = |i: usize| _mm_movemask_epi8(cmp(i)) as u32;
    let differs = |at: [usize; 4]| {
        let all = _mm_and_si128(_mm_and_si128(cmp(at[0]), cmp(at[1])), _mm_and_si128(cmp(at[2]), cmp(at[3])));
        _mm_movemask_epi8(all) != 0xffff
    };
    let step = |at: [usize; 4]| {
        // SAFETY: every offset plus 16 is at most n.
        if differs(at) { unsafe { first_differing(a, b, at, 0xffff, eq) } } else { 0 }
    };
    if n <= 64 {
        return step([0, 16, n - 32, n - 16]);
    }
    let last = n - 64;
    let mut i = 0;
    while i < last {
        let d = step([i, i + 16, i + 32, i + 48]);
        if d != 0 {
            return d;
        }
        i += 64;
    }
    step([last, last + 16, last + 32, last + 48])
}
