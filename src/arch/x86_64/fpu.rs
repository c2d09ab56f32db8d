//! The floating-point environment: the SSE control/status register (MXCSR) and the x87
//! control, status and environment, which `<fenv.h>` keeps together as glibc does.
//!
//! # Safety
//! Each instruction here reads or writes only the calling thread's floating-point state (and
//! the memory operand named); none of them can fault on valid memory, except that loading a
//! state with an exception both flagged and unmasked makes the next floating-point
//! instruction trap, which is what C's `feraiseexcept` and `fesetenv` promise.

/// The x87 environment that `fnstenv` stores and `fldenv` loads, in its 32-bit protected-mode
/// layout (28 bytes): the first 28 bytes of glibc's `fenv_t`.
#[repr(C)]
#[derive(Clone, Copy, Default, Debug, PartialEq, Eq)]
pub struct X87Env {
    /// Control word: exception masks (bits 0–5), precision (8–9), rounding (10–11).
    pub control: u16,
    pub reserved1: u16,
    /// Status word: exception flags (bits 0–5), stack top, condition codes.
    pub status: u16,
    pub reserved2: u16,
    /// Tag word: which stack registers are empty.
    pub tags: u16,
    pub reserved3: u16,
    /// The last instruction's address, selector and opcode.
    pub ip: u32,
    pub cs_selector: u16,
    pub opcode: u16,
    /// The last data operand's address and selector.
    pub data_offset: u32,
    pub data_selector: u16,
    pub reserved5: u16,
}

const _: () = assert!(core::mem::size_of::<X87Env>() == 28);

/// The MXCSR register (`stmxcsr`).
#[inline]
pub fn mxcsr() -> u32 {
    let mut v: u32 = 0;
    // SAFETY: stores the register into a local.
    unsafe { core::arch::asm!("stmxcsr [{}]", in(reg) &raw mut v, options(nostack, preserves_flags)) };
    v
}

/// Loads `v` into MXCSR (`ldmxcsr`). Reserved bits set in `v` would fault, so they are
/// cleared (bits 16 and up; bit 6 `DAZ` is kept as the caller chose).
#[inline]
pub fn set_mxcsr(v: u32) {
    let v = v & 0xffff;
    // SAFETY: loads a local whose reserved bits are clear.
    unsafe { core::arch::asm!("ldmxcsr [{}]", in(reg) &raw const v, options(nostack, preserves_flags)) };
}

/// The x87 environment (`fnstenv`, which also masks every x87 exception; the masks are
/// restored with `fldcw` so that reading the environment changes nothing).
#[inline]
pub fn x87_env() -> X87Env {
    let mut env = X87Env::default();
    // SAFETY: stores 28 bytes into `env`, which is 28 bytes, then reloads the control word
    // that was just stored.
    unsafe {
        core::arch::asm!("fnstenv [{e}]", "fldcw [{e}]", e = in(reg) &raw mut env, options(nostack, preserves_flags));
    }
    env
}

/// Loads the x87 environment `env` (`fldenv`).
#[inline]
pub fn set_x87_env(env: &X87Env) {
    // SAFETY: loads 28 bytes from `env`. An exception flagged and unmasked there traps at the
    // next x87 instruction, as C's fesetenv means it to.
    unsafe { core::arch::asm!("fldenv [{}]", in(reg) env, options(nostack, preserves_flags)) };
}

/// The x87 control word (`fnstcw`).
#[inline]
pub fn x87_control() -> u16 {
    let mut cw: u16 = 0;
    // SAFETY: stores the control word into a local.
    unsafe { core::arch::asm!("fnstcw [{}]", in(reg) &raw mut cw, options(nostack, preserves_flags)) };
    cw
}

/// Loads the x87 control word (`fldcw`).
#[inline]
pub fn set_x87_control(cw: u16) {
    // SAFETY: loads a local.
    unsafe { core::arch::asm!("fldcw [{}]", in(reg) &raw const cw, options(nostack, preserves_flags)) };
}

/// The x87 status word (`fnstsw`).
#[inline]
pub fn x87_status() -> u16 {
    let sw: u16;
    // SAFETY: reads the status word into `ax`.
    unsafe { core::arch::asm!("fnstsw ax", out("ax") sw, options(nostack, nomem, preserves_flags)) };
    sw
}

/// Clears the x87 exception flags (`fnclex`).
#[inline]
pub fn x87_clear_flags() {
    // SAFETY: clears the flags; nothing else changes.
    unsafe { core::arch::asm!("fnclex", options(nostack, nomem, preserves_flags)) };
}

/// Lets pending unmasked x87 exceptions trap now (`fwait`).
#[inline]
pub fn x87_wait() {
    // SAFETY: traps (SIGFPE) only for an exception the program unmasked and flagged.
    unsafe { core::arch::asm!("fwait", options(nostack, nomem, preserves_flags)) };
}

/// `x` converted to an integer in the current SSE rounding mode (`cvtsd2si`): out of range or
/// NaN gives `i64::MIN` and raises invalid, as C's `lrint` does on x86_64.
#[inline]
pub fn f64_to_i64_current(x: f64) -> i64 {
    let r: i64;
    // SAFETY: register-only conversion.
    unsafe { core::arch::asm!("cvtsd2si {}, {}", out(reg) r, in(xmm_reg) x, options(nostack, nomem, pure)) };
    r
}

/// As [`f64_to_i64_current`] for `f32` (`cvtss2si`).
#[inline]
pub fn f32_to_i64_current(x: f32) -> i64 {
    let r: i64;
    // SAFETY: register-only conversion.
    unsafe { core::arch::asm!("cvtss2si {}, {}", out(reg) r, in(xmm_reg) x, options(nostack, nomem, pure)) };
    r
}

/// `x` converted to an integer, truncating (`cvttsd2si`): out of range or NaN gives
/// `i64::MIN` and raises invalid, as a C cast does on x86_64 (Rust's `as` saturates instead).
#[inline]
pub fn f64_to_i64_truncating(x: f64) -> i64 {
    let r: i64;
    // SAFETY: register-only conversion.
    unsafe { core::arch::asm!("cvttsd2si {}, {}", out(reg) r, in(xmm_reg) x, options(nostack, nomem, pure)) };
    r
}

/// As [`f64_to_i64_truncating`] for `f32` (`cvttss2si`).
#[inline]
pub fn f32_to_i64_truncating(x: f32) -> i64 {
    let r: i64;
    // SAFETY: register-only conversion.
    unsafe { core::arch::asm!("cvttss2si {}, {}", out(reg) r, in(xmm_reg) x, options(nostack, nomem, pure)) };
    r
}

/// Runs `f(x)` and then puts the SSE exception flags back as they were, so that `f` raises
/// none (C's `nearbyint`). The flags are read before `f` runs and written after its result
/// exists: `x` passes through the first asm block and the result through the second (in
/// `xmm0`), so the compiler cannot move the arithmetic outside them.
#[inline]
pub fn without_new_flags(x: f64, f: impl FnOnce(f64) -> f64) -> f64 {
    let mut saved: u32 = 0;
    let mut x = x;
    // SAFETY: stores MXCSR into `saved`; `x` passes through unchanged.
    unsafe {
        core::arch::asm!("stmxcsr [{m}]", m = in(reg) &raw mut saved, inout("xmm0") x, options(nostack, preserves_flags));
    }
    let mut r = f(x);
    // SAFETY: reloads what `stmxcsr` stored; `r` passes through unchanged.
    unsafe {
        core::arch::asm!("ldmxcsr [{m}]", m = in(reg) &raw const saved, inout("xmm0") r, options(nostack, preserves_flags));
    }
    r
}
