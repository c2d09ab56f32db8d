//! `<fenv.h>`: exception flags, rounding mode and the whole environment, kept in both the
//! x87 unit and SSE's MXCSR, as glibc keeps them on x86_64.
//!
//! A C program's `double` and `float` arithmetic runs on SSE, its `long double` arithmetic on
//! the x87, so every setting goes to both and every test reads both: a flag is raised when
//! either unit raised it. The exception bits have the same values in the x87 status word and
//! in the low bits of MXCSR (invalid 0x01, divide-by-zero 0x04, overflow 0x08, underflow 0x10,
//! inexact 0x20; 0x02 is the x87's "denormal operand", outside `FE_ALL_EXCEPT`); MXCSR keeps
//! its masks 7 bits higher and its rounding mode 3 bits higher than the x87 control word.
//!
//! `Env` is glibc's `fenv_t`: the 28-byte x87 environment, then MXCSR.

use crate::arch::fpu::{self, X87Env};

/// `FE_ALL_EXCEPT`: the five IEEE exceptions.
pub const ALL_EXCEPT: u32 = 0x3d;
/// `FE_TOWARDZERO`, which covers both rounding-mode bits.
pub const ROUNDING_BITS: u32 = 0xc00;
/// The x87 precision control bits (extended precision when both are set).
const PRECISION_BITS: u16 = 0x300;
/// MXCSR after reset: every exception masked, round to nearest, no flags.
const MXCSR_DEFAULT: u32 = 0x1f80;

/// glibc's `fenv_t` (32 bytes).
#[repr(C)]
#[derive(Clone, Copy, Default, Debug, PartialEq, Eq)]
pub struct Env {
    pub x87: X87Env,
    pub mxcsr: u32,
}

const _: () = assert!(core::mem::size_of::<Env>() == 32);

/// glibc's `femode_t`: the control modes (x87 control word, MXCSR) without the flags.
#[repr(C)]
#[derive(Clone, Copy, Default, Debug, PartialEq, Eq)]
pub struct Mode {
    pub control: u16,
    pub reserved: u16,
    pub mxcsr: u32,
}

const _: () = assert!(core::mem::size_of::<Mode>() == 8);

/// Which environment `fesetenv` installs.
pub enum Source<'a> {
    /// `FE_DFL_ENV`: the start-up environment.
    Default,
    /// `FE_NOMASK_ENV` (GNU): the default with every exception unmasked.
    NoMask,
    /// One that `fegetenv` or `feholdexcept` stored.
    Saved(&'a Env),
}

/// The flags raised among `excepts`, in either unit.
#[inline]
pub fn test(excepts: u32) -> u32 {
    (fpu::x87_status() as u32 | fpu::mxcsr()) & excepts & ALL_EXCEPT
}

/// Clears the flags `excepts` in both units.
pub fn clear(excepts: u32) {
    let excepts = excepts & ALL_EXCEPT;
    let mut env = fpu::x87_env();
    env.status &= !(excepts as u16);
    fpu::set_x87_env(&env);
    fpu::set_mxcsr(fpu::mxcsr() & !excepts);
}

/// Sets the flags among `excepts` to those in `flags`, raising nothing (a trap, if unmasked,
/// comes at the next floating-point instruction, as the x87 defers it). The x87 keeps them,
/// as glibc's `fesetexceptflag` does; MXCSR's are cleared so that `test` reads exactly these.
pub fn set_flags(flags: u32, excepts: u32) {
    let excepts = excepts & ALL_EXCEPT;
    let mut env = fpu::x87_env();
    env.status = (env.status & !(excepts as u16)) | (flags & excepts) as u16;
    fpu::set_x87_env(&env);
    fpu::set_mxcsr(fpu::mxcsr() & !excepts);
}

/// Raises the exceptions `excepts`, one at a time in the order C lists them (invalid,
/// divide-by-zero, overflow, underflow, inexact): each is flagged in the x87 status word and
/// `fwait` then delivers it as a trap if the program unmasked it.
pub fn raise(excepts: u32) {
    for bit in [0x01, 0x04, 0x08, 0x10, 0x20] {
        if excepts & bit != 0 {
            let mut env = fpu::x87_env();
            env.status |= bit as u16;
            fpu::set_x87_env(&env);
            fpu::x87_wait();
        }
    }
}

/// The rounding mode (`FE_TONEAREST` 0, `FE_DOWNWARD` 0x400, `FE_UPWARD` 0x800,
/// `FE_TOWARDZERO` 0xc00), as the x87 control word holds it.
#[inline]
pub fn rounding() -> u32 {
    fpu::x87_control() as u32 & ROUNDING_BITS
}

/// Sets the rounding mode in both units; false (nothing changed) for a value that is not a
/// rounding mode.
pub fn set_rounding(mode: u32) -> bool {
    if mode & !ROUNDING_BITS != 0 {
        return false;
    }
    fpu::set_x87_control((fpu::x87_control() & !(ROUNDING_BITS as u16)) | mode as u16);
    fpu::set_mxcsr((fpu::mxcsr() & !(ROUNDING_BITS << 3)) | mode << 3);
    true
}

/// The whole environment.
pub fn get() -> Env {
    Env { x87: fpu::x87_env(), mxcsr: fpu::mxcsr() }
}

/// Saves the environment, then clears the flags and masks every exception (non-stop mode).
pub fn hold() -> Env {
    let saved = get();
    let mut env = saved.x87;
    env.control |= ALL_EXCEPT as u16;
    env.status &= !(ALL_EXCEPT as u16);
    fpu::set_x87_env(&env);
    fpu::set_mxcsr((saved.mxcsr | ALL_EXCEPT << 7) & !ALL_EXCEPT);
    saved
}

/// Installs an environment. From a saved one it takes the exception masks, rounding and
/// precision control, the flags and the last-instruction pointers, leaving the x87 stack
/// state (top, tags) as it is; the whole MXCSR.
pub fn set(source: Source<'_>) {
    let mut env = fpu::x87_env();
    let control_bits = ALL_EXCEPT as u16 | ROUNDING_BITS as u16 | PRECISION_BITS;
    let (control, status, mxcsr) = match source {
        Source::Default => (ALL_EXCEPT as u16 | PRECISION_BITS, 0, MXCSR_DEFAULT),
        Source::NoMask => (PRECISION_BITS, 0, MXCSR_DEFAULT & !(ALL_EXCEPT << 7)),
        Source::Saved(saved) => {
            env.ip = saved.x87.ip;
            env.cs_selector = saved.x87.cs_selector;
            env.opcode = saved.x87.opcode;
            env.data_offset = saved.x87.data_offset;
            env.data_selector = saved.x87.data_selector;
            (saved.x87.control & control_bits, saved.x87.status & ALL_EXCEPT as u16, saved.mxcsr)
        }
    };
    if !matches!(source, Source::Saved(_)) {
        env.ip = 0;
        env.cs_selector = 0;
        env.opcode = 0;
        env.data_offset = 0;
        env.data_selector = 0;
    }
    env.control = (env.control & !control_bits) | control;
    env.status = (env.status & !(ALL_EXCEPT as u16)) | status;
    fpu::set_x87_env(&env);
    fpu::set_mxcsr(mxcsr);
}

/// Installs an environment and raises again the exceptions that were flagged before.
pub fn update(source: Source<'_>) {
    let raised = test(ALL_EXCEPT);
    set(source);
    raise(raised);
}

/// Unmasks (traps on) the exceptions `excepts`; the ones unmasked before.
pub fn enable(excepts: u32) -> u32 {
    let excepts = excepts & ALL_EXCEPT;
    let old = enabled();
    fpu::set_x87_control(fpu::x87_control() & !(excepts as u16));
    fpu::set_mxcsr(fpu::mxcsr() & !(excepts << 7));
    old
}

/// Masks the exceptions `excepts`; the ones unmasked before.
pub fn disable(excepts: u32) -> u32 {
    let excepts = excepts & ALL_EXCEPT;
    let old = enabled();
    fpu::set_x87_control(fpu::x87_control() | excepts as u16);
    fpu::set_mxcsr(fpu::mxcsr() | excepts << 7);
    old
}

/// The unmasked exceptions, as the x87 control word says.
#[inline]
pub fn enabled() -> u32 {
    !(fpu::x87_control() as u32) & ALL_EXCEPT
}

/// The control modes (`fegetmode`).
pub fn mode() -> Mode {
    Mode { control: fpu::x87_control(), reserved: 0, mxcsr: fpu::mxcsr() & !ALL_EXCEPT }
}

/// Installs control modes (`fesetmode`): `None` is `FE_DFL_MODE`. The flags stay as they are.
pub fn set_mode(mode: Option<&Mode>) {
    let (control, mxcsr) = match mode {
        Some(m) => (m.control, m.mxcsr),
        None => (0x037f, MXCSR_DEFAULT),
    };
    fpu::set_x87_control(control);
    fpu::set_mxcsr((mxcsr & !ALL_EXCEPT) | (fpu::mxcsr() & ALL_EXCEPT));
}

/// Raises the flags `excepts` without trapping (`fesetexcept`): in MXCSR, which traps only
/// when an SSE instruction raises an unmasked exception itself.
pub fn set_raised(excepts: u32) {
    fpu::set_mxcsr(fpu::mxcsr() | (excepts & ALL_EXCEPT));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_and_rounding() {
        let saved = hold();
        clear(ALL_EXCEPT);
        assert_eq!(test(ALL_EXCEPT), 0);
        raise(0x04 | 0x20);
        assert_eq!(test(ALL_EXCEPT), 0x24);
        set_flags(0x01, 0x01 | 0x04);
        assert_eq!(test(ALL_EXCEPT), 0x21);
        clear(ALL_EXCEPT);
        assert!(set_rounding(0x400));
        assert_eq!(rounding(), 0x400);
        assert_eq!(fpu::mxcsr() & 0x6000, 0x2000);
        assert!(!set_rounding(0x401));
        assert_eq!(rounding(), 0x400);
        set(Source::Saved(&saved));
        assert_eq!(rounding(), saved.x87.control as u32 & ROUNDING_BITS);
    }
}
