//! The forward byte scanner behind `strlen`, `strnlen`, `memchr`, `rawmemchr`, `strchr` and
//! `strchrnul`: the offset of the first byte that equals a needle (or, optionally, is NUL).
//!
//! These functions may be given a bound larger than the object (C's `memchr` "stops at the
//! first occurrence"; `strlen` has no bound at all), so the scanner reads whole aligned
//! blocks: an aligned block never straddles a page, and each block read holds at least one
//! byte the caller allows us to read, so no read can fault. Bytes of a block that lie
//! outside the object are read by inline assembly only, outside Rust's memory model; Rust
//! code only sees the resulting bit masks.
//!
//! Blocks are 32 bytes with AVX2 and 16 with SSE2 (the x86_64 baseline). After the first,
//! partial block, the scanner moves to an aligned group of four blocks and tests a whole
//! group per step; a group is aligned to its size, so it does not straddle a page either.

use super::cpu;
use core::arch::asm;
use core::arch::x86_64::{__m128i, __m256i, _mm_set1_epi8, _mm256_set1_epi8};

/// What a block scanner can do; implemented for AVX2 and SSE2.
trait Blocks {
    /// Block size in bytes (a power of two, at most 32).
    const BLOCK: usize;
    /// Bit `i` is set when byte `addr + i` matches.
    ///
    /// # Safety
    /// `addr` is `BLOCK`-aligned and some byte of the block may be read.
    unsafe fn block(&self, addr: usize) -> u32;
    /// Whether any byte of the four blocks at `addr` matches.
    ///
    /// # Safety
    /// `addr` is `4 * BLOCK`-aligned and some byte of the group may be read.
    unsafe fn group(&self, addr: usize) -> bool;
}

/// AVX2 blocks. A byte matches when `byte ^ needle == 0`, or, with `nul`, when
/// `min(byte ^ needle, byte) == 0`; a group combines its blocks with `min` and compares once.
struct Avx2 {
    needle: __m256i,
    nul: bool,
}

impl Blocks for Avx2 {
    const BLOCK: usize = 32;

    #[inline]
    #[target_feature(enable = "avx2")]
    unsafe fn block(&self, addr: usize) -> u32 {
        let mask: u32;
        // SAFETY: an aligned 32-byte load never straddles a page, and the caller may read a
        // byte of this block, so the block is mapped; nothing is written.
        unsafe {
            if self.nul {
                asm!(
                    "vmovdqa {t}, ymmword ptr [{p}]",
                    "vpxor {u}, {t}, {n}",
                    "vpminub {t}, {t}, {u}",
                    "vpxor {u}, {u}, {u}",
                    "vpcmpeqb {t}, {t}, {u}",
                    "vpmovmskb {m:e}, {t}",
                    p = in(reg) addr, n = in(ymm_reg) self.needle, m = lateout(reg) mask,
                    t = out(ymm_reg) _, u = out(ymm_reg) _,
                    options(nostack, readonly, preserves_flags, pure),
                );
            } else {
                asm!(
                    "vpcmpeqb {t}, {n}, ymmword ptr [{p}]",
                    "vpmovmskb {m:e}, {t}",
                    p = in(reg) addr, n = in(ymm_reg) self.needle, m = lateout(reg) mask,
                    t = out(ymm_reg) _,
                    options(nostack, readonly, preserves_flags, pure),
                );
            }
        }
        mask
    }

    #[inline]
    #[target_feature(enable = "avx2")]
    unsafe fn group(&self, addr: usize) -> bool {
        let mask: u32;
        // SAFETY: a 128-byte-aligned group lies inside one page, and the caller may read a
        // byte of it, so the whole group is mapped; nothing is written.
        unsafe {
            if self.nul {
                asm!(
                    "vmovdqa {a}, ymmword ptr [{p}]",
                    "vmovdqa {b}, ymmword ptr [{p} + 32]",
                    "vmovdqa {c}, ymmword ptr [{p} + 64]",
                    "vmovdqa {d}, ymmword ptr [{p} + 96]",
                    "vpxor {x}, {a}, {n}",
                    "vpminub {a}, {a}, {x}",
                    "vpxor {x}, {b}, {n}",
                    "vpminub {b}, {b}, {x}",
                    "vpxor {x}, {c}, {n}",
                    "vpminub {c}, {c}, {x}",
                    "vpxor {x}, {d}, {n}",
                    "vpminub {d}, {d}, {x}",
                    "vpminub {a}, {a}, {b}",
                    "vpminub {c}, {c}, {d}",
                    "vpminub {a}, {a}, {c}",
                    "vpxor {x}, {x}, {x}",
                    "vpcmpeqb {a}, {a}, {x}",
                    "vpmovmskb {m:e}, {a}",
                    p = in(reg) addr, n = in(ymm_reg) self.needle, m = lateout(reg) mask,
                    a = out(ymm_reg) _, b = out(ymm_reg) _, c = out(ymm_reg) _,
                    d = out(ymm_reg) _, x = out(ymm_reg) _,
                    options(nostack, readonly, preserves_flags, pure),
                );
            } else {
                asm!(
                    "vpxor {a}, {n}, ymmword ptr [{p}]",
                    "vpxor {b}, {n}, ymmword ptr [{p} + 32]",
                    "vpxor {c}, {n}, ymmword ptr [{p} + 64]",
                    "vpxor {d}, {n}, ymmword ptr [{p} + 96]",
                    "vpminub {a}, {a}, {b}",
                    "vpminub {c}, {c}, {d}",
                    "vpminub {a}, {a}, {c}",
                    "vpxor {b}, {b}, {b}",
                    "vpcmpeqb {a}, {a}, {b}",
                    "vpmovmskb {m:e}, {a}",
                    p = in(reg) addr, n = in(ymm_reg) self.needle, m = lateout(reg) mask,
                    a = out(ymm_reg) _, b = out(ymm_reg) _, c = out(ymm_reg) _,
                    d = out(ymm_reg) _,
                    options(nostack, readonly, preserves_flags, pure),
                );
            }
        }
        mask != 0
    }
}

/// SSE2 blocks, matching as [`Avx2`] does.
struct Sse2 {
    needle: __m128i,
    nul: bool,
}

impl Blocks for Sse2 {
    const BLOCK: usize = 16;

    #[inline]
    #[target_feature(enable = "sse2")]
    unsafe fn block(&self, addr: usize) -> u32 {
        let mask: u32;
        // SAFETY: an aligned 16-byte load never straddles a page, and the caller may read a
        // byte of this block, so the block is mapped; nothing is written.
        unsafe {
            if self.nul {
                asm!(
                    "movdqa {t}, xmmword ptr [{p}]",
                    "movdqa {u}, {t}",
                    "pxor {u}, {n}",
                    "pminub {t}, {u}",
                    "pxor {u}, {u}",
                    "pcmpeqb {t}, {u}",
                    "pmovmskb {m:e}, {t}",
                    p = in(reg) addr, n = in(xmm_reg) self.needle, m = lateout(reg) mask,
                    t = out(xmm_reg) _, u = out(xmm_reg) _,
                    options(nostack, readonly, preserves_flags, pure),
                );
            } else {
                asm!(
                    "movdqa {t}, xmmword ptr [{p}]",
                    "pcmpeqb {t}, {n}",
                    "pmovmskb {m:e}, {t}",
                    p = in(reg) addr, n = in(xmm_reg) self.needle, m = lateout(reg) mask,
                    t = out(xmm_reg) _,
                    options(nostack, readonly, preserves_flags, pure),
                );
            }
        }
        mask
    }

    #[inline]
    #[target_feature(enable = "sse2")]
    unsafe fn group(&self, addr: usize) -> bool {
        // SAFETY: a 64-byte-aligned group lies inside one page, so its blocks are mapped.
        unsafe {
            (self.block(addr) | self.block(addr + 16) | self.block(addr + 32) | self.block(addr + 48)) != 0
        }
    }
}

/// The offset from `s` of the first matching byte among the first `n`, or `n` when none
/// matches in them.
///
/// # Safety
/// The bytes from `s` up to the first match, or the first `n` bytes if none matches, may be
/// read.
#[inline(always)]
unsafe fn scan_blocks<B: Blocks>(blocks: &B, s: usize, n: usize) -> usize {
    let size = B::BLOCK;
    let group = 4 * size;
    if n == 0 {
        return 0;
    }
    let end = s.saturating_add(n);
    let mut at = s & !(size - 1);
    // SAFETY: the first block holds byte `s`, which may be read since n > 0.
    let first = unsafe { blocks.block(at) } >> (s - at);
    if first != 0 {
        return n.min(first.trailing_zeros() as usize);
    }
    at += size;
    // Single blocks up to a group boundary, then whole groups. Each block or group read
    // starts below `end` and follows a matchless stretch, so its first byte may be read.
    while !at.is_multiple_of(group) {
        if at >= end {
            return n;
        }
        // SAFETY: see above.
        let m = unsafe { blocks.block(at) };
        if m != 0 {
            return n.min(at - s + m.trailing_zeros() as usize);
        }
        at += size;
    }
    loop {
        if at >= end {
            return n;
        }
        // SAFETY: see above.
        if unsafe { blocks.group(at) } {
            for i in 0..4 {
                let b = at + i * size;
                // SAFETY: the group is mapped (see `Blocks::group`).
                let m = unsafe { blocks.block(b) };
                if m != 0 {
                    return n.min(b - s + m.trailing_zeros() as usize);
                }
            }
        }
        at += group;
    }
}

#[target_feature(enable = "avx2")]
unsafe fn scan_avx2(s: *const u8, needle: u8, nul: bool, n: usize) -> usize {
    let blocks = Avx2 { needle: _mm256_set1_epi8(needle as i8), nul };
    // SAFETY: the caller's contract.
    unsafe { scan_blocks(&blocks, s as usize, n) }
}

#[target_feature(enable = "sse2")]
unsafe fn scan_sse2(s: *const u8, needle: u8, nul: bool, n: usize) -> usize {
    let blocks = Sse2 { needle: _mm_set1_epi8(needle as i8), nul };
    // SAFETY: the caller's contract.
    unsafe { scan_blocks(&blocks, s as usize, n) }
}

/// The offset of the first byte among the first `n` at `s` that equals `needle` (or, with
/// `nul`, is 0), or `n`.
///
/// # Safety
/// As for [`scan_blocks`].
#[inline]
unsafe fn scan(s: *const u8, needle: u8, nul: bool, n: usize) -> usize {
    // SAFETY: the caller's contract; AVX2 code runs only where the CPU has it.
    unsafe {
        if cpu::has_avx2() { scan_avx2(s, needle, nul, n) } else { scan_sse2(s, needle, nul, n) }
    }
}

/// `strlen`.
///
/// # Safety
/// `s` points at a NUL-terminated string.
#[inline]
pub unsafe fn length(s: *const u8) -> usize {
    // SAFETY: the terminator ends the scan inside the string.
    unsafe { scan(s, 0, false, usize::MAX) }
}

/// `strnlen`: the length of the string at `s`, at most `n`.
///
/// # Safety
/// `s` points at a NUL-terminated string or at `n` readable bytes.
#[inline]
pub unsafe fn length_n(s: *const u8, n: usize) -> usize {
    // SAFETY: per the contract.
    unsafe { scan(s, 0, false, n) }
}

/// `memchr`: the offset of the first `c` in the first `n` bytes at `s`.
///
/// # Safety
/// The bytes at `s` up to the first `c`, or all `n` if there is none, are readable.
#[inline]
pub unsafe fn find_byte(s: *const u8, c: u8, n: usize) -> Option<usize> {
    // SAFETY: per the contract.
    let i = unsafe { scan(s, c, false, n) };
    (i < n).then_some(i)
}

/// The offset of the first byte among the first `n` at `s` that is `c` or NUL.
///
/// # Safety
/// The bytes at `s` up to the first `c` or NUL, or all `n` if there is none, are readable.
#[inline]
pub unsafe fn find_byte_or_nul(s: *const u8, c: u8, n: usize) -> Option<usize> {
    // SAFETY: per the contract.
    let i = unsafe { scan(s, c, true, n) };
    (i < n).then_some(i)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::vec;

    fn reference(hay: &[u8], c: u8, nul: bool) -> usize {
        hay.iter().position(|&b| b == c || (nul && b == 0)).unwrap_or(hay.len())
    }

    #[test]
    fn both_backends_agree_with_a_byte_loop() {
        let mut buf = vec![b'x'; 1024];
        let mut seed = 12345u32;
        for round in 0..4000 {
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12345);
            let start = (seed >> 8) as usize % 200;
            let len = (seed >> 16) as usize % 600;
            let pos = start + (seed as usize % (len + 1));
            buf.fill(b'x');
            if round % 3 != 0 {
                buf[pos] = if round % 2 == 0 { b'c' } else { 0 };
            }
            let hay = &buf[start..start + len];
            for (c, nul) in [(b'c', false), (b'c', true), (0, false)] {
                let want = reference(hay, c, nul);
                // SAFETY: `hay` is readable for `len` bytes.
                unsafe {
                    assert_eq!(scan_sse2(hay.as_ptr(), c, nul, len), want);
                    if cpu::has_avx2() {
                        assert_eq!(scan_avx2(hay.as_ptr(), c, nul, len), want);
                    }
                }
            }
        }
    }

    /// Strings ending just before an unmapped page: no block may touch the next page.
    #[test]
    fn never_reads_past_a_page_end() {
        let page = 4096;
        use rustix::mm::{MapFlags, MprotectFlags, ProtFlags, mmap_anonymous, mprotect, munmap};
        // SAFETY: a fresh anonymous mapping of two pages, the second made inaccessible.
        let base = unsafe {
            let p = mmap_anonymous(core::ptr::null_mut(), 2 * page, ProtFlags::READ | ProtFlags::WRITE, MapFlags::PRIVATE)
                .expect("mmap") as *mut u8;
            mprotect(p.add(page).cast(), page, MprotectFlags::empty()).expect("mprotect");
            p
        };
        for len in 0..300 {
            // SAFETY: the string lies in the first page, its terminator in the last byte.
            unsafe {
                let s = base.add(page - 1 - len);
                core::ptr::write_bytes(s, b'a', len);
                *s.add(len) = 0;
                assert_eq!(length(s), len);
                assert_eq!(find_byte_or_nul(s, b'z', usize::MAX), Some(len));
                assert_eq!(find_byte(s, 0, usize::MAX), Some(len));
                assert_eq!(length_n(s, len + 1), len);
                assert_eq!(scan_sse2(s, 0, false, usize::MAX), len);
            }
        }
        // SAFETY: unmapping what was mapped above.
        unsafe { munmap(base.cast(), 2 * page) }.expect("munmap");
    }
}
