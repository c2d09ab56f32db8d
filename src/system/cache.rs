//! Cache geometry for `sysconf(_SC_LEVEL*_CACHE_*)`, from `cpuid`, answering as glibc 2.36
//! does: every value starts as -1 ("not known") and only the values glibc fills in are asked
//! of the processor. AMD: leaves 0x80000005 (L1) and 0x80000006 (L2, L3) decoded as glibc's
//! `handle_amd`. Other vendors: the deterministic cache-parameter leaf 4, which is where
//! glibc's Intel path ends up on processors of the last decade (their leaf-2 descriptor 0xff
//! means "see leaf 4"); the level-1 instruction-cache associativity and the level-4 values
//! stay -1 (glibc leaves them so, or finds 0 for level 4 on Intel).

use core::arch::x86_64::{CpuidResult, __cpuid, __cpuid_count};
use libc::c_long;

/// `cpuid(leaf, subleaf)`.
fn cpuid(leaf: u32, sub: u32) -> CpuidResult {
    // The instruction exists on every x86_64 processor and has no side effects.
    #[allow(unused_unsafe)]
    // SAFETY: as above.
    unsafe {
        if sub == 0 { __cpuid(leaf) } else { __cpuid_count(leaf, sub) }
    }
}

/// Whether the processor is AMD's ("AuthenticAMD" in ebx, edx, ecx of leaf 0).
fn is_amd() -> bool {
    let r = cpuid(0, 0);
    r.ebx == u32::from_le_bytes(*b"Auth") && r.edx == u32::from_le_bytes(*b"enti") && r.ecx == u32::from_le_bytes(*b"cAMD")
}

/// The associativity code of AMD's L2/L3 descriptors, as a number of ways.
fn amd_ways(code: u32, size: u32, line: u32) -> c_long {
    c_long::from(match code {
        0 | 1 | 2 | 4 => code,
        6 => 8,
        8 => 16,
        10 => 32,
        11 => 48,
        12 => 64,
        13 => 96,
        14 => 128,
        15 if line != 0 => size / line,
        _ => 0,
    })
}

/// One value, AMD. `rel` is the name's offset from `_SC_LEVEL1_ICACHE_SIZE`.
fn amd(rel: i32) -> c_long {
    let top = cpuid(0x8000_0000, 0).eax;
    let leaf = if rel >= 6 { 0x8000_0006 } else { 0x8000_0005 };
    if top < leaf {
        return 0;
    }
    let r = cpuid(leaf, 0);
    // Level-1 instruction cache in edx, data cache in ecx, the same encoding.
    let l1 = if rel < 3 { r.edx } else { r.ecx };
    match rel {
        0 | 3 => c_long::from((l1 >> 14) & 0x3fc00),
        4 => {
            let ways = l1 >> 16;
            c_long::from(if ways & 0xff == 0xff { (ways << 2) & 0x3fc00 } else { ways & 0xff })
        }
        2 | 5 => c_long::from(l1 & 0xff),
        6..=8 => {
            let (c, size) = (r.ecx, (r.ecx >> 6) & 0x3fffc00);
            let present = c & 0xf000 != 0;
            match rel {
                6 => c_long::from(if present { size } else { 0 }),
                7 => amd_ways((c >> 12) & 0xf, size, c & 0xff),
                _ => c_long::from(if present { c & 0xff } else { 0 }),
            }
        }
        9..=11 => {
            let (d, size) = (r.edx, (r.edx & 0x3ffc0000) << 1);
            let present = d & 0xf000 != 0;
            match rel {
                9 => c_long::from(if present { size } else { 0 }),
                10 => amd_ways((d >> 12) & 0xf, size, d & 0xff),
                _ => c_long::from(if present { d & 0xff } else { 0 }),
            }
        }
        _ => -1,
    }
}

/// One value from leaf 4's cache descriptors; 0 when no descriptor matches.
fn leaf4(rel: i32) -> c_long {
    if cpuid(0, 0).eax < 4 {
        return 0;
    }
    // The level and type (1 data, 2 instruction, 3 unified) a name's group asks for.
    let (level, want_type) = match rel / 3 {
        0 => (1, 2),
        1 => (1, 1),
        2 => (2, 0),
        _ => (3, 0),
    };
    for sub in 0..16 {
        let r = cpuid(4, sub);
        let kind = r.eax & 0x1f;
        if kind == 0 {
            break;
        }
        if (r.eax >> 5) & 7 != level || (want_type != 0 && kind != want_type) {
            continue;
        }
        let ways = c_long::from((r.ebx >> 22) + 1);
        let partitions = c_long::from(((r.ebx >> 12) & 0x3ff) + 1);
        let line = c_long::from((r.ebx & 0xfff) + 1);
        let sets = c_long::from(r.ecx) + 1;
        return match rel % 3 {
            0 => ways * partitions * line * sets,
            1 => ways,
            _ => line,
        };
    }
    0
}

/// `sysconf` for `_SC_LEVEL1_ICACHE_SIZE ..= _SC_LEVEL4_CACHE_LINESIZE`.
pub fn sysconf(name: i32) -> c_long {
    let rel = name - libc::_SC_LEVEL1_ICACHE_SIZE;
    let amd_cpu = is_amd();
    // glibc leaves the level-1 instruction cache's associativity and level 4's geometry -1;
    // on Intel it asks for the level-4 size and finds none (0).
    match rel {
        1 | 13.. => -1,
        12 => if amd_cpu { -1 } else { 0 },
        _ if amd_cpu => amd(rel),
        _ => leaf4(rel),
    }
}
