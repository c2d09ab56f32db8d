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
//! Blocks are 32 bytes with AVX2 and 16 with SSE2 (the x86_64 baseline). The first block
//! is read at `s` itself unless that would straddle a page, then come four aligned blocks,
//! and from a group boundary on the scanner tests an aligned group of four blocks per step;
//! a group is aligned to its size, so it does not straddle a page either.

use super::cpu;
use core::ffi::c_int;
use core::sync::atomic::{AtomicPtr, Ordering};
use core::arch::asm;
use core::arch::x86_64::{
    __m128i, __m256i, _mm_cmpeq_epi8, _mm_movemask_epi8, _mm_set1_epi8, _mm_setzero_si128, _mm256_cmpeq_epi8,
    _mm256_movemask_epi8, _mm256_set1_epi8, _mm256_setzero_si256,
};

/// What the scanner looks for (a const parameter): the needle byte.
const BYTE: u8 = 0;
/// A NUL byte (the needle is 0).
const NUL: u8 = 1;
/// The needle byte or a NUL byte.
const BYTE_OR_NUL: u8 = 2;

/// The size of a page: no aligned block or group straddles one.
const PAGE: usize = 4096;

/// The loop over aligned groups of [`Blocks::groups`]: `body` leaves in `{m}` the folded
/// match mask of the group at `{p}`; `{p}` then advances by `step` bytes (unbounded, before
/// the test of `{m}`, which then fuses with its branch). Bounded, the
/// loop only tests groups starting at or below `last` (checked before each group), so it
/// ends above `last` when none of them matched; unbounded, it has no other exit. `{p}` ends
/// at the group with the match. The loop is aligned to 64 bytes, as glibc aligns its loops
/// (32 measured up to 1.4 times slower on AMD Zen 3 at 4 KiB).
macro_rules! group_loop {
    ($bounded:expr, $last:expr, $step:literal, [$($body:literal),* $(,)?], $($ops:tt)*) => {
        if $bounded {
            asm!(
                "cmp {p}, {last}",
                "ja 3f",
                ".p2align 6",
                "2:",
                $($body,)*
                "test {m:e}, {m:e}",
                "jnz 3f",
                concat!("sub {p}, -", $step),
                "cmp {p}, {last}",
                "jbe 2b",
                "3:",
                last = in(reg) $last,
                $($ops)*
            )
        } else {
            asm!(
                ".p2align 6",
                "2:",
                $($body,)*
                concat!("lea {p}, [{p} + ", $step, "]"),
                "test {m:e}, {m:e}",
                "jz 2b",
                concat!("sub {p}, ", $step),
                $($ops)*
            )
        }
    };
}

/// Where [`Blocks::groups`] stopped: the group's address and what its loop computed there,
/// from which the match is found without reading the group again.
struct Stop<V> {
    /// The group with the match; above `last` when none matched (the rest is then
    /// meaningless).
    at: usize,
    /// For the group's first three blocks, vectors whose [`Blocks::mask`] shows block `i`'s
    /// matches when the blocks before `i` have none.
    first: [V; 3],
    /// The matches of all four blocks folded together: the bytes where any block matches.
    all: u32,
}

/// What a block scanner can do; implemented for AVX2 and SSE2.
trait Blocks {
    /// Block size in bytes (a power of two, at most 32).
    const BLOCK: usize;
    /// A vector the group loop leaves behind.
    type Vector: Copy;
    /// Bit `i` is set when byte `base + K * BLOCK + D + i` matches. The offset is the load's
    /// displacement, so a run of blocks needs no address arithmetic.
    ///
    /// # Safety
    /// The block lies inside one page, and some byte of it may be read.
    unsafe fn block_at<const K: usize, const D: usize>(&self, base: usize) -> u32;
    /// Bit `i` is set when byte `addr + i` matches (as [`Blocks::block_at`]).
    ///
    /// # Safety
    /// As [`Blocks::block_at`].
    #[inline(always)]
    unsafe fn block(&self, addr: usize) -> u32 {
        // SAFETY: the caller's contract.
        unsafe { self.block_at::<0, 0>(addr) }
    }
    /// The first aligned group (four blocks) at or after `addr` in which some byte
    /// matches; with `BOUNDED`, only groups starting at or below `last` are read, and an
    /// address above `last` means none of them matched.
    ///
    /// # Safety
    /// `addr` is `4 * BLOCK`-aligned; the groups from `addr` on may be read up to the first
    /// one holding a match or starting above `last`, whichever comes first (each of them
    /// holds a byte the caller may read, so its page is mapped).
    unsafe fn groups<const BOUNDED: bool>(&self, addr: usize, last: usize) -> Stop<Self::Vector>;
    /// The match mask of one of [`Stop::first`].
    ///
    /// # Safety
    /// The CPU has the scanner's instructions (as for the other methods).
    unsafe fn mask(&self, v: Self::Vector) -> u32;
}

/// AVX2 blocks looking for `M`. A byte matches the needle when `vpcmpeqb` says so; NUL
/// detection for a group takes the unsigned minimum of its blocks and compares it with 0
/// once; `BYTE_OR_NUL` maps each byte to `min(byte ^ needle, byte)`, which is 0 exactly for
/// the needle and for NUL.
struct Avx2<const M: u8> {
    needle: __m256i,
    zero: __m256i,
}

impl<const M: u8> Blocks for Avx2<M> {
    const BLOCK: usize = 32;
    type Vector = __m256i;

    #[inline]
    #[target_feature(enable = "avx2")]
    unsafe fn block_at<const K: usize, const D: usize>(&self, base: usize) -> u32 {
        let mask: u32;
        // SAFETY: the 32 bytes lie inside one page, which is mapped because the caller may
        // read a byte of it; nothing is written.
        unsafe {
            match M {
                BYTE => asm!(
                    "vpcmpeqb {t}, {n}, ymmword ptr [{p} + {off}]",
                    "vpmovmskb {m:e}, {t}",
                    p = in(reg) base, off = const K * 32 + D, n = in(ymm_reg) self.needle, m = lateout(reg) mask,
                    t = out(ymm_reg) _,
                    options(nostack, readonly, preserves_flags, pure),
                ),
                NUL => asm!(
                    "vpcmpeqb {t}, {z}, ymmword ptr [{p} + {off}]",
                    "vpmovmskb {m:e}, {t}",
                    p = in(reg) base, off = const K * 32 + D, z = in(ymm_reg) self.zero, m = lateout(reg) mask,
                    t = out(ymm_reg) _,
                    options(nostack, readonly, preserves_flags, pure),
                ),
                _ => asm!(
                    "vmovdqu {t}, ymmword ptr [{p} + {off}]",
                    "vpxor {u}, {t}, {n}",
                    "vpminub {t}, {t}, {u}",
                    "vpcmpeqb {t}, {t}, {z}",
                    "vpmovmskb {m:e}, {t}",
                    p = in(reg) base, off = const K * 32 + D, n = in(ymm_reg) self.needle,
                    z = in(ymm_reg) self.zero,
                    m = lateout(reg) mask, t = out(ymm_reg) _, u = out(ymm_reg) _,
                    options(nostack, readonly, preserves_flags, pure),
                ),
            }
        }
        mask
    }

    /// The loop keeps, for `BYTE`, the blocks' comparison results; for `NUL`, block 0,
    /// the minimum of blocks 0 and 1, and block 2; for `BYTE_OR_NUL`, the mapped blocks.
    #[inline]
    #[target_feature(enable = "avx2")]
    unsafe fn groups<const BOUNDED: bool>(&self, addr: usize, last: usize) -> Stop<__m256i> {
        let mut p = addr;
        let (x0, x1, x2, all): (__m256i, __m256i, __m256i, u32);
        // SAFETY: a 128-byte-aligned group lies inside one page, which is mapped because the
        // caller may read a byte of it (see the trait); nothing is written.
        unsafe {
            match M {
                BYTE => group_loop!(
                    BOUNDED, last, "128",
                    [
                        "vpcmpeqb {a}, {n}, ymmword ptr [{p}]",
                        "vpcmpeqb {b}, {n}, ymmword ptr [{p} + 32]",
                        "vpcmpeqb {c}, {n}, ymmword ptr [{p} + 64]",
                        "vpcmpeqb {d}, {n}, ymmword ptr [{p} + 96]",
                        "vpor {e}, {a}, {b}",
                        "vpor {d}, {c}, {d}",
                        "vpor {e}, {e}, {d}",
                        "vpmovmskb {m:e}, {e}",
                    ],
                    p = inout(reg) p, n = in(ymm_reg) self.needle, m = out(reg) all,
                    a = out(ymm_reg) x0, b = out(ymm_reg) x1, c = out(ymm_reg) x2,
                    d = out(ymm_reg) _, e = out(ymm_reg) _,
                    options(nostack, readonly, pure),
                ),
                NUL => group_loop!(
                    BOUNDED, last, "128",
                    [
                        "vmovdqa {a}, ymmword ptr [{p}]",
                        "vpminub {b}, {a}, ymmword ptr [{p} + 32]",
                        "vmovdqa {c}, ymmword ptr [{p} + 64]",
                        "vpminub {d}, {c}, ymmword ptr [{p} + 96]",
                        "vpminub {d}, {b}, {d}",
                        "vpcmpeqb {d}, {d}, {z}",
                        "vpmovmskb {m:e}, {d}",
                    ],
                    p = inout(reg) p, z = in(ymm_reg) self.zero, m = out(reg) all,
                    a = out(ymm_reg) x0, b = out(ymm_reg) x1, c = out(ymm_reg) x2,
                    d = out(ymm_reg) _,
                    options(nostack, readonly, pure),
                ),
                _ => group_loop!(
                    BOUNDED, last, "128",
                    [
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
                        "vpminub {x}, {a}, {b}",
                        "vpminub {d}, {c}, {d}",
                        "vpminub {x}, {x}, {d}",
                        "vpcmpeqb {x}, {x}, {z}",
                        "vpmovmskb {m:e}, {x}",
                    ],
                    p = inout(reg) p, n = in(ymm_reg) self.needle, z = in(ymm_reg) self.zero,
                    m = out(reg) all, a = out(ymm_reg) x0, b = out(ymm_reg) x1,
                    c = out(ymm_reg) x2, d = out(ymm_reg) _, x = out(ymm_reg) _,
                    options(nostack, readonly, pure),
                ),
            }
        }
        Stop { at: p, first: [x0, x1, x2], all }
    }

    #[inline]
    #[target_feature(enable = "avx2")]
    unsafe fn mask(&self, v: __m256i) -> u32 {
        let hits = if M == BYTE { v } else { _mm256_cmpeq_epi8(v, self.zero) };
        _mm256_movemask_epi8(hits) as u32
    }
}

/// SSE2 blocks looking for `M`, matching as [`Avx2`] does, except that `NUL` compares each
/// block with 0 as `BYTE` compares it with the needle.
struct Sse2<const M: u8> {
    needle: __m128i,
    zero: __m128i,
}

impl<const M: u8> Blocks for Sse2<M> {
    const BLOCK: usize = 16;
    type Vector = __m128i;

    #[inline]
    #[target_feature(enable = "sse2")]
    unsafe fn block_at<const K: usize, const D: usize>(&self, base: usize) -> u32 {
        let mask: u32;
        let needle = if M == NUL { self.zero } else { self.needle };
        // SAFETY: the 16 bytes lie inside one page, which is mapped because the caller may
        // read a byte of it; nothing is written.
        unsafe {
            if M == BYTE_OR_NUL {
                asm!(
                    "movdqu {t}, xmmword ptr [{p} + {off}]",
                    "movdqa {u}, {t}",
                    "pxor {u}, {n}",
                    "pminub {t}, {u}",
                    "pcmpeqb {t}, {z}",
                    "pmovmskb {m:e}, {t}",
                    p = in(reg) base, off = const K * 16 + D, n = in(xmm_reg) needle,
                    z = in(xmm_reg) self.zero,
                    m = lateout(reg) mask, t = out(xmm_reg) _, u = out(xmm_reg) _,
                    options(nostack, readonly, preserves_flags, pure),
                );
            } else {
                asm!(
                    "movdqu {t}, xmmword ptr [{p} + {off}]",
                    "pcmpeqb {t}, {n}",
                    "pmovmskb {m:e}, {t}",
                    p = in(reg) base, off = const K * 16 + D, n = in(xmm_reg) needle, m = lateout(reg) mask,
                    t = out(xmm_reg) _,
                    options(nostack, readonly, preserves_flags, pure),
                );
            }
        }
        mask
    }

    /// The loop keeps, for `BYTE` and `NUL`, the blocks' comparison results; for
    /// `BYTE_OR_NUL`, the mapped blocks.
    #[inline]
    #[target_feature(enable = "sse2")]
    unsafe fn groups<const BOUNDED: bool>(&self, addr: usize, last: usize) -> Stop<__m128i> {
        let mut p = addr;
        let (x0, x1, x2, all): (__m128i, __m128i, __m128i, u32);
        // SAFETY: a 64-byte-aligned group lies inside one page, which is mapped because the
        // caller may read a byte of it (see the trait); nothing is written.
        unsafe {
            match M {
                BYTE | NUL => group_loop!(
                    BOUNDED, last, "64",
                    [
                        "movdqa {a}, {n}",
                        "pcmpeqb {a}, xmmword ptr [{p}]",
                        "movdqa {b}, {n}",
                        "pcmpeqb {b}, xmmword ptr [{p} + 16]",
                        "movdqa {c}, {n}",
                        "pcmpeqb {c}, xmmword ptr [{p} + 32]",
                        "movdqa {d}, {n}",
                        "pcmpeqb {d}, xmmword ptr [{p} + 48]",
                        "movdqa {e}, {a}",
                        "por {e}, {b}",
                        "por {d}, {c}",
                        "por {e}, {d}",
                        "pmovmskb {m:e}, {e}",
                    ],
                    p = inout(reg) p,
                    n = in(xmm_reg) if M == NUL { self.zero } else { self.needle },
                    m = out(reg) all, a = out(xmm_reg) x0, b = out(xmm_reg) x1,
                    c = out(xmm_reg) x2, d = out(xmm_reg) _, e = out(xmm_reg) _,
                    options(nostack, readonly, pure),
                ),
                _ => group_loop!(
                    BOUNDED, last, "64",
                    [
                        "movdqa {a}, xmmword ptr [{p}]",
                        "movdqa {b}, xmmword ptr [{p} + 16]",
                        "movdqa {c}, xmmword ptr [{p} + 32]",
                        "movdqa {d}, xmmword ptr [{p} + 48]",
                        "movdqa {x}, {a}",
                        "pxor {x}, {n}",
                        "pminub {a}, {x}",
                        "movdqa {x}, {b}",
                        "pxor {x}, {n}",
                        "pminub {b}, {x}",
                        "movdqa {x}, {c}",
                        "pxor {x}, {n}",
                        "pminub {c}, {x}",
                        "movdqa {x}, {d}",
                        "pxor {x}, {n}",
                        "pminub {d}, {x}",
                        "movdqa {x}, {a}",
                        "pminub {x}, {b}",
                        "pminub {d}, {c}",
                        "pminub {x}, {d}",
                        "pcmpeqb {x}, {z}",
                        "pmovmskb {m:e}, {x}",
                    ],
                    p = inout(reg) p, n = in(xmm_reg) self.needle,
                    z = in(xmm_reg) self.zero, m = out(reg) all, a = out(xmm_reg) x0,
                    b = out(xmm_reg) x1, c = out(xmm_reg) x2, d = out(xmm_reg) _, x = out(xmm_reg) _,
                    options(nostack, readonly, pure),
                ),
            }
        }
        Stop { at: p, first: [x0, x1, x2], all }
    }

    #[inline]
    #[target_feature(enable = "sse2")]
    unsafe fn mask(&self, v: __m128i) -> u32 {
        let hits = if M == BYTE_OR_NUL { _mm_cmpeq_epi8(v, self.zero) } else { v };
        _mm_movemask_epi8(hits) as u32
    }
}

/// The offset from `s` of the first matching byte among the first `n`, or `n` when none
/// matches in them. Without `BOUNDED`, `n` is ignored: a match must come. With `ADDRESS`,
/// the match's address instead, or 0 for none.
///
/// # Safety
/// The bytes from `s` up to the first match, or the first `n` bytes if none matches, may be
/// read.
#[inline(always)]
unsafe fn scan_blocks<B: Blocks, const BOUNDED: bool, const ADDRESS: bool>(blocks: &B, s: usize, n: usize) -> usize {
    let size = B::BLOCK;
    let group = 4 * size;
    let none = if ADDRESS { 0 } else { n };
    if BOUNDED && n == 0 {
        return none;
    }
    // The bound as an address; reads start below it.
    let end = if BOUNDED { s.saturating_add(n) } else { usize::MAX };
    // The result for the match a mask shows in the block at `at`, which lies below the
    // bound.
    let found_below = |at: usize, mask: u64| {
        let p = at + mask.trailing_zeros() as usize;
        if ADDRESS { p } else { p - s }
    };
    // The same for a block the bound may cut.
    let found = |at: usize, mask: u64| {
        if BOUNDED && at + mask.trailing_zeros() as usize >= end { none } else { found_below(at, mask) }
    };
    // The first block: at `s` itself if it stays inside the page, else the aligned block
    // holding `s`, with the bytes before `s` dropped. Byte `s` may be read since n > 0.
    // Either way the next aligned block starts just after `base`, from which the single
    // blocks are addressed by displacement.
    let base = s | (size - 1);
    if s % PAGE <= PAGE - size {
        // SAFETY: see above.
        let m = unsafe { blocks.block(s) };
        if m != 0 {
            return found(s, u64::from(m));
        }
    } else {
        // Rare (one start in a page's last block); laid out off the straight line.
        core::hint::cold_path();
        let aligned = s & !(size - 1);
        // SAFETY: see above.
        let m = unsafe { blocks.block(aligned) } >> (s - aligned);
        if m != 0 {
            return found(s, u64::from(m));
        }
    }
    // Four single aligned blocks, then whole aligned groups from the group boundary at or
    // below the end of those blocks (re-reading a few matchless bytes), then the blocks
    // of a last group the bound cuts. Each block or group read starts below the end and
    // follows a matchless stretch, so its first byte may be read. The single and the
    // grouped blocks are all below the bound, so a match found in them needs no test of
    // it.
    let mut at = base + 1;
    let tail = 'blocks: {
        if BOUNDED && end <= at + 4 * size {
            break 'blocks at;
        }
        // The single block `k` after `base`.
        macro_rules! single {
            ($k:literal) => {
                // SAFETY: see above.
                let m = unsafe { blocks.block_at::<$k, 1>(base) };
                if m != 0 {
                    // Laid out off the straight line: taken branches cost fetch cycles.
                    core::hint::cold_path();
                    return found_below(base + 1 + $k * size, u64::from(m));
                }
            };
        }
        single!(0);
        single!(1);
        single!(2);
        single!(3);
        at += 4 * size;
        if BOUNDED && end <= at + 4 * size {
            break 'blocks at;
        }
        // The last address a whole group below the bound may start at.
        let last = end.saturating_sub(group);
        // SAFETY: see above; the scan stops at the first group with a match.
        let stop = unsafe { blocks.groups::<BOUNDED>(at & !(group - 1), last) };
        if BOUNDED && stop.at > last {
            break 'blocks stop.at.max(at);
        }
        // The group at `stop.at` holds a match: find its block from what the loop kept.
        // The later blocks are laid out on the straight line, as glibc lays them out.
        // SAFETY: `blocks` exists, so its instructions are available.
        let m0 = unsafe { blocks.mask(stop.first[0]) };
        if m0 != 0 {
            core::hint::cold_path();
            return found_below(stop.at, u64::from(m0));
        }
        // SAFETY: as for `m0`.
        let m1 = unsafe { blocks.mask(stop.first[1]) };
        if m1 != 0 {
            core::hint::cold_path();
            return found_below(stop.at + size, u64::from(m1));
        }
        // Blocks 0 and 1 have no match, so `all` shows blocks 2 and 3 folded: below block
        // 2's own mask, it finds a match of block 3 one block further on.
        // SAFETY: as for `m0`.
        let m2 = unsafe { blocks.mask(stop.first[2]) };
        return found_below(stop.at + 2 * size, u64::from(m2) | u64::from(stop.all) << size);
    };
    // At most four blocks from `tail` reach the bound: tested one by one, in straight-line
    // code.
    let mut at = tail;
    for _ in 0..4 {
        if at >= end {
            break;
        }
        // SAFETY: see above.
        let m = unsafe { blocks.block(at) };
        if m != 0 {
            return found(at, u64::from(m));
        }
        at += size;
    }
    none
}

#[target_feature(enable = "avx2")]
unsafe fn scan_avx2<const M: u8, const BOUNDED: bool, const ADDRESS: bool>(s: *const u8, needle: u8, n: usize) -> usize {
    let blocks = Avx2::<M> { needle: _mm256_set1_epi8(needle as i8), zero: _mm256_setzero_si256() };
    // SAFETY: the caller's contract.
    unsafe { scan_blocks::<_, BOUNDED, ADDRESS>(&blocks, s as usize, n) }
}

// Kept out of line: the dispatcher inlined into each C function stays small.
#[inline(never)]
#[target_feature(enable = "sse2")]
unsafe fn scan_sse2<const M: u8, const BOUNDED: bool, const ADDRESS: bool>(s: *const u8, needle: u8, n: usize) -> usize {
    let blocks = Sse2::<M> { needle: _mm_set1_epi8(needle as i8), zero: _mm_setzero_si128() };
    // SAFETY: the caller's contract.
    unsafe { scan_blocks::<_, BOUNDED, ADDRESS>(&blocks, s as usize, n) }
}

cpu::chosen! {
    /// `strlen`.
    unsafe fn nul_unbounded(s: *const u8) -> usize {
        avx2: length_avx2,
        sse2: length_sse2,
    }
}

/// `strlen` with AVX2.
///
/// # Safety
/// `s` is NUL-terminated; AVX2 available.
#[target_feature(enable = "avx2")]
unsafe fn length_avx2(s: *const u8) -> usize {
    // SAFETY: per the contract.
    unsafe { scan_avx2::<NUL, false, false>(s, 0, 0) }
}

/// `strlen` with SSE2.
///
/// # Safety
/// `s` is NUL-terminated.
unsafe fn length_sse2(s: *const u8) -> usize {
    // SAFETY: per the contract.
    unsafe { scan_sse2::<NUL, false, false>(s, 0, 0) }
}

cpu::chosen! {
    /// `strnlen` (the needle is unused).
    unsafe fn nul_bounded(s: *const u8, needle: u8, n: usize) -> usize {
        avx2: scan_avx2::<NUL, true, false>,
        sse2: scan_sse2::<NUL, true, false>,
    }
}

/// A form of `memchr` with C's calling convention and arguments (the byte as an `int`),
/// returning the address (0: none), so that C's `memchr` can jump straight to it.
pub type FindByteFn = unsafe extern "C" fn(*const u8, c_int, usize) -> usize;

/// The form of `memchr` for this CPU, [`find_byte_first`] until the first call: as
/// `cpu::chosen!` keeps it, but public, so that the C function `memchr` can be a single
/// `jmp` through it.
pub static FIND_BYTE: AtomicPtr<()> = AtomicPtr::new(find_byte_first as *mut ());

/// The first call of `memchr`: probes the CPU, keeps the form that suits it, and runs it.
///
/// # Safety
/// As [`find_byte`].
#[cold]
unsafe extern "C" fn find_byte_first(s: *const u8, c: c_int, n: usize) -> usize {
    let f: FindByteFn = if cpu::has_avx2() { find_byte_avx2 } else { find_byte_sse2 };
    // Relaxed: racing first calls store the same pointer, and the code it points at needs
    // no publication.
    FIND_BYTE.store(f as *mut (), Ordering::Relaxed);
    // SAFETY: the caller's contract; the form suits this CPU.
    unsafe { f(s, c, n) }
}

// The section `find_byte_avx2` alone lives in, aligned to 64 bytes as glibc aligns its
// string functions (stable Rust cannot align a function).
core::arch::global_asm!(".pushsection .text.rustcrt.aligned64.memchr,\"ax\",@progbits", ".p2align 6", ".popsection");

/// `memchr` with AVX2.
///
/// # Safety
/// As [`find_byte`]; AVX2 available.
#[target_feature(enable = "avx2")]
#[unsafe(link_section = ".text.rustcrt.aligned64.memchr")]
unsafe extern "C" fn find_byte_avx2(s: *const u8, c: c_int, n: usize) -> usize {
    // SAFETY: per the contract.
    unsafe { scan_avx2::<BYTE, true, true>(s, c as u8, n) }
}

/// `memchr` with SSE2.
///
/// # Safety
/// As [`find_byte`].
unsafe extern "C" fn find_byte_sse2(s: *const u8, c: c_int, n: usize) -> usize {
    // SAFETY: per the contract.
    unsafe { scan_sse2::<BYTE, true, true>(s, c as u8, n) }
}

cpu::chosen! {
    /// `rawmemchr` (the bound is unused).
    unsafe fn byte_unbounded(s: *const u8, needle: u8, n: usize) -> usize {
        avx2: scan_avx2::<BYTE, false, false>,
        sse2: scan_sse2::<BYTE, false, false>,
    }
}

cpu::chosen! {
    /// `strchrnul` (the bound is unused).
    unsafe fn byte_or_nul_unbounded(s: *const u8, needle: u8, n: usize) -> usize {
        avx2: scan_avx2::<BYTE_OR_NUL, false, false>,
        sse2: scan_sse2::<BYTE_OR_NUL, false, false>,
    }
}

/// `strlen`.
///
/// # Safety
/// `s` points at a NUL-terminated string.
#[inline(always)]
pub unsafe fn length(s: *const u8) -> usize {
    // SAFETY: the terminator ends the scan inside the string.
    unsafe { nul_unbounded(s) }
}

/// `strnlen`: the length of the string at `s`, at most `n`.
///
/// # Safety
/// `s` points at a NUL-terminated string or at `n` readable bytes.
#[inline(always)]
pub unsafe fn length_n(s: *const u8, n: usize) -> usize {
    // SAFETY: per the contract.
    unsafe { nul_bounded(s, 0, n) }
}

/// `memchr`: the first `c` in the first `n` bytes at `s`, or null.
///
/// # Safety
/// The bytes at `s` up to the first `c`, or all `n` if there is none, are readable.
#[inline(always)]
pub unsafe fn find_byte(s: *const u8, c: u8, n: usize) -> *const u8 {
    // The address is of a byte of the caller's object (whose pointer came from C, which
    // exposes it); rebuilding it this way keeps the C function a single jump.
    // Relaxed: see `find_byte_first`.
    let f = FIND_BYTE.load(Ordering::Relaxed);
    // SAFETY: `FIND_BYTE` only ever holds `find_byte_first` or one of the two forms, all
    // `FindByteFn`s.
    let f = unsafe { core::mem::transmute::<*mut (), FindByteFn>(f) };
    // SAFETY: per the contract.
    core::ptr::with_exposed_provenance(unsafe { f(s, c_int::from(c), n) })
}

/// `rawmemchr`: the offset of the first `c` at `s`.
///
/// # Safety
/// The bytes at `s` up to the first `c` are readable, and there is one.
#[inline(always)]
pub unsafe fn find_byte_unbounded(s: *const u8, c: u8) -> usize {
    // SAFETY: per the contract.
    unsafe { byte_unbounded(s, c, 0) }
}

/// `strchrnul`: the offset of the first byte at `s` that is `c` or NUL.
///
/// # Safety
/// `s` points at a NUL-terminated string.
#[inline(always)]
pub unsafe fn find_byte_or_nul_unbounded(s: *const u8, c: u8) -> usize {
    // SAFETY: per the contract.
    unsafe { byte_or_nul_unbounded(s, c, 0) }
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
            let (c, p) = (b'c', hay.as_ptr());
            // SAFETY: `hay` is readable for `len` bytes.
            unsafe {
                let want = [reference(hay, c, false), reference(hay, c, true), reference(hay, 0, false)];
                assert_eq!([scan_sse2::<BYTE, true, false>(p, c, len), scan_sse2::<BYTE_OR_NUL, true, false>(p, c, len), scan_sse2::<NUL, true, false>(p, 0, len)], want);
                if cpu::has_avx2() {
                    assert_eq!([scan_avx2::<BYTE, true, false>(p, c, len), scan_avx2::<BYTE_OR_NUL, true, false>(p, c, len), scan_avx2::<NUL, true, false>(p, 0, len)], want);
                }
            }
        }
    }

    /// Every scanner of both backends, for every start alignment in 0..64, every length in
    /// 0..=300 and every match position (and none; beyond 140 bytes, the positions around
    /// every block boundary and the ends).
    #[test]
    fn every_alignment_length_and_position() {
        let mut buf = vec![b'x'; 64 + 300 + 64];
        let avx2 = cpu::has_avx2();
        for align in 0..64 {
            for len in 0..=300 {
                for pos in (0..len).filter(|&p| len <= 140 || p % 16 <= 1 || p % 16 == 15 || p + 2 >= len).chain([usize::MAX]) {
                    buf.fill(b'x');
                    // A needle just past the end must not be found by the bounded scans.
                    buf[align + len] = b'c';
                    if pos != usize::MAX {
                        buf[align + pos] = b'c';
                    }
                    let hay = &buf[align..align + len];
                    let (c, p) = (b'c', hay.as_ptr());
                    let want = reference(hay, c, false);
                    let addr = if want < len { p as usize + want } else { 0 };
                    // SAFETY: `hay` is readable for `len` bytes, and `c` follows it.
                    unsafe {
                        assert_eq!(scan_sse2::<BYTE, true, true>(p, c, len), addr, "align {align} len {len} pos {pos}");
                        assert_eq!(scan_sse2::<BYTE, false, false>(p, c, 0), want);
                        assert_eq!(scan_sse2::<BYTE_OR_NUL, true, false>(p, c, len), want);
                        if avx2 {
                            assert_eq!(scan_avx2::<BYTE, true, true>(p, c, len), addr, "align {align} len {len} pos {pos}");
                            assert_eq!(scan_avx2::<BYTE, false, false>(p, c, 0), want);
                            assert_eq!(scan_avx2::<BYTE_OR_NUL, true, false>(p, c, len), want);
                        }
                    }
                    buf[align + pos.min(len)] = 0;
                    let hay = &buf[align..align + len];
                    let (want, p) = (reference(hay, 0, false), hay.as_ptr());
                    // SAFETY: as above; a NUL lies at or before `len`.
                    unsafe {
                        assert_eq!(scan_sse2::<NUL, false, false>(p, 0, 0), want);
                        assert_eq!(scan_sse2::<NUL, true, false>(p, 0, len), want);
                        assert_eq!(scan_sse2::<BYTE_OR_NUL, false, false>(p, b'q', 0), want);
                        if avx2 {
                            assert_eq!(scan_avx2::<NUL, false, false>(p, 0, 0), want);
                            assert_eq!(scan_avx2::<NUL, true, false>(p, 0, len), want);
                            assert_eq!(scan_avx2::<BYTE_OR_NUL, false, false>(p, b'q', 0), want);
                        }
                    }
                }
            }
        }
    }

    /// A fresh readable and writable page followed by an inaccessible one.
    fn guarded_page() -> *mut u8 {
        use rustix::mm::{MapFlags, MprotectFlags, ProtFlags, mmap_anonymous, mprotect};
        // SAFETY: a fresh anonymous mapping of two pages, the second made inaccessible.
        unsafe {
            let p = mmap_anonymous(core::ptr::null_mut(), 2 * PAGE, ProtFlags::READ | ProtFlags::WRITE, MapFlags::PRIVATE)
                .expect("mmap") as *mut u8;
            mprotect(p.add(PAGE).cast(), PAGE, MprotectFlags::empty()).expect("mprotect");
            p
        }
    }

    /// Bounded scans of ranges ending at an unmapped page, with no match or the match last.
    #[test]
    fn bounded_scans_stop_at_a_page_end() {
        let (base, page) = (guarded_page(), PAGE);
        let avx2 = cpu::has_avx2();
        for len in 0..=600 {
            // SAFETY: the range is the last `len` bytes of the first page.
            unsafe {
                let s = base.add(page - len);
                core::ptr::write_bytes(s, b'a', len);
                assert_eq!(scan_sse2::<BYTE, true, true>(s, b'c', len), 0);
                assert_eq!(scan_sse2::<NUL, true, false>(s, 0, len), len);
                if avx2 {
                    assert_eq!(scan_avx2::<BYTE, true, true>(s, b'c', len), 0);
                    assert_eq!(scan_avx2::<NUL, true, false>(s, 0, len), len);
                }
                assert!(find_byte(s, b'c', len).is_null());
                if len > 0 {
                    *s.add(len - 1) = b'c';
                    assert_eq!(find_byte(s, b'c', len), s.add(len - 1));
                    assert_eq!(scan_sse2::<BYTE, true, true>(s, b'c', len), s as usize + len - 1);
                    if avx2 {
                        assert_eq!(scan_avx2::<BYTE, true, true>(s, b'c', len), s as usize + len - 1);
                    }
                }
            }
        }
        // SAFETY: unmapping what `guarded_page` mapped.
        unsafe { rustix::mm::munmap(base.cast(), 2 * page) }.expect("munmap");
    }

    /// Strings ending just before an unmapped page: no block may touch the next page.
    #[test]
    fn never_reads_past_a_page_end() {
        let (base, page) = (guarded_page(), PAGE);
        for len in 0..300 {
            // SAFETY: the string lies in the first page, its terminator in the last byte.
            unsafe {
                let s = base.add(page - 1 - len);
                core::ptr::write_bytes(s, b'a', len);
                *s.add(len) = 0;
                assert_eq!(length(s), len);
                assert_eq!(find_byte(s, 0, usize::MAX), s.add(len));
                assert!(find_byte(s, 0, len).is_null());
                assert_eq!(length_n(s, len + 1), len);
                assert_eq!(find_byte_unbounded(s, 0), len);
                assert_eq!(find_byte_or_nul_unbounded(s, b'q'), len);
                assert_eq!(scan_sse2::<NUL, false, false>(s, 0, 0), len);
                assert_eq!(scan_sse2::<BYTE_OR_NUL, false, false>(s, b'q', 0), len);
                assert_eq!(scan_sse2::<BYTE, true, false>(s, 0, usize::MAX), len);
                assert_eq!(scan_sse2::<BYTE, true, true>(s, 0, usize::MAX), s as usize + len);
            }
        }
        // SAFETY: unmapping what `guarded_page` mapped.
        unsafe { rustix::mm::munmap(base.cast(), 2 * page) }.expect("munmap");
    }
}
