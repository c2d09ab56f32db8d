//! The CPU features the string functions choose their code paths by.
//!
//! Probed lazily, on the first call that asks, and cached: `cpuid` is a VM exit costing
//! microseconds on virtual machines, so start-up never runs it (see
//! `anchor-benchmarks.md`). SSE2 is part of the x86_64 baseline and needs no probe.

use core::arch::x86_64::{__cpuid, __cpuid_count, _xgetbv};
use core::sync::atomic::{AtomicU8, Ordering};

/// Not probed yet.
const UNKNOWN: u8 = 0;
/// Probed: set in every probed value, so that a probed value is never `UNKNOWN`.
const PROBED: u8 = 1;
/// AVX2 instructions are available and the OS saves the 256-bit registers.
const AVX2: u8 = 2;

/// The probed features, `UNKNOWN` until the first probe.
static FEATURES: AtomicU8 = AtomicU8::new(UNKNOWN);

/// Whether AVX2 code may run, or `None` before the first probe.
#[inline(always)]
fn avx2_if_known() -> Option<bool> {
    // Relaxed: the value is a pure function of the CPU; racing probes store the same value,
    // and no other memory is published with it.
    match FEATURES.load(Ordering::Relaxed) {
        UNKNOWN => None,
        f => Some(f & AVX2 != 0),
    }
}

/// Whether AVX2 code may run (probing the CPU on the first call).
#[inline]
pub fn has_avx2() -> bool {
    avx2_if_known().unwrap_or_else(|| {
        let f = probe();
        // Relaxed: as in `avx2_if_known`.
        FEATURES.store(f, Ordering::Relaxed);
        f & AVX2 != 0
    })
}

#[cold]
#[inline(never)]
fn probe() -> u8 {
    let leaf0 = __cpuid(0);
    let leaf1 = __cpuid(1);
    // CPUID.1:ECX bit 27 = OSXSAVE (XGETBV usable), bit 28 = AVX.
    let os_xsave = leaf1.ecx & (1 << 27) != 0;
    let avx = leaf1.ecx & (1 << 28) != 0;
    if !(os_xsave && avx) || leaf0.eax < 7 {
        return PROBED;
    }
    // SAFETY: OSXSAVE is set, so XGETBV is available; XCR0 bits 1 and 2 say the OS saves
    // the SSE and the upper AVX halves of the vector registers.
    let xcr0 = unsafe { read_xcr0() };
    // CPUID.(7,0):EBX bit 5 = AVX2.
    let avx2 = __cpuid_count(7, 0).ebx & (1 << 5) != 0;
    if xcr0 & 6 == 6 && avx2 { PROBED | AVX2 } else { PROBED }
}

/// XCR0, the register of the state components the OS saves.
///
/// # Safety
/// The CPU must support XGETBV (CPUID.1:ECX.OSXSAVE).
#[target_feature(enable = "xsave")]
unsafe fn read_xcr0() -> u64 {
    // SAFETY: the caller checked that XGETBV exists; reading XCR0 has no side effects.
    unsafe { _xgetbv(0) }
}

/// Declares a function that runs the AVX2 or the SSE2 form of an operation, chosen on its
/// first call and then kept in a static function pointer, so that a later call costs one
/// load and an indirect jump (what glibc's IFUNCs cost, without probing at start-up).
macro_rules! chosen {
    ($(#[$doc:meta])* $vis:vis unsafe fn $name:ident($($arg:ident: $ty:ty),*) -> $ret:ty { avx2: $avx2:expr, sse2: $sse2:expr $(,)? }) => {
        $(#[$doc])*
        #[inline(always)]
        $vis unsafe fn $name($($arg: $ty),*) -> $ret {
            type Impl = unsafe fn($($ty),*) -> $ret;
            /// The chosen form; [`choose`] until the first call.
            static CHOSEN: core::sync::atomic::AtomicPtr<()> = core::sync::atomic::AtomicPtr::new(choose as *mut ());
            /// The first call: probes the CPU, keeps the form that suits it, and runs it.
            #[cold]
            unsafe fn choose($($arg: $ty),*) -> $ret {
                let f: Impl = if $crate::string::cpu::has_avx2() { $avx2 } else { $sse2 };
                // Relaxed: racing first calls store the same pointer, and the code it points
                // at needs no publication.
                CHOSEN.store(f as *mut (), core::sync::atomic::Ordering::Relaxed);
                // SAFETY: the caller's contract; the form suits this CPU.
                unsafe { f($($arg),*) }
            }
            // Relaxed: see `choose`.
            let f = CHOSEN.load(core::sync::atomic::Ordering::Relaxed);
            // SAFETY: `CHOSEN` only ever holds `choose` or one of the two forms, all `Impl`s.
            let f = unsafe { core::mem::transmute::<*mut (), Impl>(f) };
            // SAFETY: the caller's contract.
            unsafe { f($($arg),*) }
        }
    };
}
pub(crate) use chosen;
