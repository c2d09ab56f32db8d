//! `long double` on x86_64: the x87 operations `<math.h>` needs exactly (square root,
//! rounding in the current mode, scaling, partial remainders, conversion to an integer), and
//! the entry stubs of exported functions that take `long double` arguments, which the ABI
//! passes in memory on the stack (`c_x87!`, and `c_long_double!` for a `long double`
//! result, returned in `%st(0)`).
//!
//! Values travel as their 10-byte images ([`LongDouble`]): each operation loads the image
//! onto the x87 stack, computes, and stores the result back, leaving the stack empty as the
//! ABI requires between calls.
//!
//! # Safety
//! The operations touch only the x87 registers and the local image; the stubs are entered
//! only by C calls with the documented argument layout.

use crate::stdlib::float::LongDouble;

/// A `long double` argument as the caller left it on the stack: 16 bytes, the image in the
/// first 10.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct Slot {
    significand: u64,
    top: u16,
    padding: [u16; 3],
}

impl Slot {
    /// The image.
    #[inline]
    pub fn value(&self) -> LongDouble {
        LongDouble { significand: self.significand, top: self.top }
    }
}

/// A `long double` object in memory (what a `long double *` points to): 16 bytes, the image
/// in the first 10.
pub type LongDoubleCell = Slot;

impl Slot {
    /// The object holding `v` (the padding zeroed).
    #[inline]
    pub fn new(v: LongDouble) -> Slot {
        Slot { significand: v.significand, top: v.top, padding: [0; 3] }
    }
}

/// A `long double` result as two integer registers (`%rax`: significand, `%rdx`: sign and
/// exponent), which `c_long_double!` stubs load onto the x87 stack.
#[repr(C)]
pub struct Parts {
    significand: u64,
    top: u64,
}

impl From<LongDouble> for Parts {
    #[inline]
    fn from(v: LongDouble) -> Parts {
        Parts { significand: v.significand, top: v.top as u64 }
    }
}

/// A 16-byte buffer holding an image, as `fld`/`fstp tbyte` read and write it.
#[repr(C, align(16))]
struct Image([u8; 16]);

impl Image {
    fn new(v: LongDouble) -> Image {
        let mut b = [0u8; 16];
        b[..8].copy_from_slice(&v.significand.to_le_bytes());
        b[8..10].copy_from_slice(&v.top.to_le_bytes());
        Image(b)
    }

    fn value(&self) -> LongDouble {
        let mut s = [0u8; 8];
        s.copy_from_slice(&self.0[..8]);
        LongDouble { significand: u64::from_le_bytes(s), top: u16::from_le_bytes([self.0[8], self.0[9]]) }
    }
}

/// Defines `fn $name(x) -> LongDouble` as one x87 instruction sequence applied to `st(0)`.
macro_rules! unary {
    ($($(#[$doc:meta])* $name:ident: $($op:literal),+;)*) => {$(
        $(#[$doc])*
        #[inline]
        pub fn $name(x: LongDouble) -> LongDouble {
            let mut m = Image::new(x);
            // SAFETY: loads the local image, applies the operation, stores it back; the x87
            // stack is left as it was.
            unsafe {
                core::arch::asm!("fld tbyte ptr [{m}]", $($op,)+ "fstp tbyte ptr [{m}]",
                    m = in(reg) &raw mut m, options(nostack));
            }
            m.value()
        }
    )*};
}

unary! {
    /// The square root, correctly rounded (`fsqrt`); NaN and invalid for negative numbers.
    sqrt: "fsqrt";
    /// Rounded to an integer in the current rounding mode (`frndint`), raising inexact when
    /// it changes.
    round_to_integer: "frndint";
}

/// `x - y`, rounded once in the current mode to the 64-bit significand (`fsub`).
#[inline]
pub fn subtract(x: LongDouble, y: LongDouble) -> LongDouble {
    let mut m = Image::new(x);
    let d = Image::new(y);
    // SAFETY: pushes y and x, subtracts, stores the difference and pops y.
    unsafe {
        core::arch::asm!(
            "fld tbyte ptr [{d}]", "fld tbyte ptr [{m}]", "fsub st(0), st(1)",
            "fstp tbyte ptr [{m}]", "fstp st(0)",
            m = in(reg) &raw mut m, d = in(reg) &raw const d, options(nostack),
        );
    }
    m.value()
}

/// `x * 2^n`, rounded once (`fscale`); `n` beyond the exponent range overflows or underflows
/// as the product would.
#[inline]
pub fn scale(x: LongDouble, n: i32) -> LongDouble {
    let mut m = Image::new(x);
    // SAFETY: pushes n and x, scales, pops n; the x87 stack is left as it was.
    unsafe {
        core::arch::asm!(
            "fild dword ptr [{n}]",
            "fld tbyte ptr [{m}]",
            "fscale",
            "fstp tbyte ptr [{m}]",
            "fstp st(0)",
            m = in(reg) &raw mut m, n = in(reg) &raw const n, options(nostack),
        );
    }
    m.value()
}

/// The remainder of `x / y` by partial remainders until complete: `fprem` (truncated
/// quotient, C's `fmod`) when `nearest` is false, `fprem1` (quotient rounded to nearest,
/// `remainder`) when true. Exact; NaN and invalid for `y == 0` or infinite `x`.
#[inline]
pub fn remainder(x: LongDouble, y: LongDouble, nearest: bool) -> LongDouble {
    let mut m = Image::new(x);
    let d = Image::new(y);
    // SAFETY: pushes y and x, reduces until the C2 flag says the remainder is complete,
    // stores it and pops y; `ax` is clobbered by fnstsw.
    unsafe {
        if nearest {
            core::arch::asm!(
                "fld tbyte ptr [{d}]", "fld tbyte ptr [{m}]",
                "2:", "fprem1", "fnstsw ax", "test ah, 4", "jnz 2b",
                "fstp tbyte ptr [{m}]", "fstp st(0)",
                m = in(reg) &raw mut m, d = in(reg) &raw const d, out("ax") _, options(nostack),
            );
        } else {
            core::arch::asm!(
                "fld tbyte ptr [{d}]", "fld tbyte ptr [{m}]",
                "2:", "fprem", "fnstsw ax", "test ah, 4", "jnz 2b",
                "fstp tbyte ptr [{m}]", "fstp st(0)",
                m = in(reg) &raw mut m, d = in(reg) &raw const d, out("ax") _, options(nostack),
            );
        }
    }
    m.value()
}

/// `x` converted to an integer in the current rounding mode (`fistp`): out of range or NaN
/// gives `i64::MIN` and raises invalid.
#[inline]
pub fn to_integer(x: LongDouble) -> i64 {
    let m = Image::new(x);
    let mut r: i64 = 0;
    // SAFETY: loads the image and pops it as an integer into `r`.
    unsafe {
        core::arch::asm!("fld tbyte ptr [{m}]", "fistp qword ptr [{r}]",
            m = in(reg) &raw const m, r = in(reg) &raw mut r, options(nostack));
    }
    r
}

/// Defines exported C functions that take `long double` arguments (on the stack) and return
/// in the ordinary registers (an integer, a `double` in `%xmm0`): `name(reg) => parts`
/// tail-calls `parts` with the address of the first stack argument in register `reg` (the
/// one after the function's integer arguments). `c_long_double!(name(reg) => parts)` is the
/// form for a `long double` result.
#[cfg(feature = "c-abi")]
macro_rules! c_x87 {
    ($( $(#[$doc:meta])* $name:ident($reg:literal) => $parts:path; )*) => {$(
        $(#[$doc])*
        ///
        /// # Safety
        /// As the C function.
        #[unsafe(naked)]
        #[unsafe(no_mangle)]
        pub unsafe extern "C" fn $name() {
            core::arch::naked_asm!(
                // The stack arguments start past the return address.
                concat!("lea ", $reg, ", [rsp + 8]"),
                // The stack is as the caller left it: the Rust half returns straight to it.
                "jmp {parts}",
                parts = sym $parts,
            )
        }
    )*};
}
#[cfg(feature = "c-abi")]
pub(crate) use c_x87;

#[cfg(test)]
mod tests {
    use super::*;

    const ONE: LongDouble = LongDouble { significand: 1 << 63, top: 0x3fff };
    const TWO: LongDouble = LongDouble { significand: 1 << 63, top: 0x4000 };

    #[test]
    fn operations() {
        assert_eq!(sqrt(LongDouble { significand: 1 << 63, top: 0x4001 }), TWO);
        assert_eq!(scale(ONE, 1), TWO);
        assert_eq!(to_integer(TWO), 2);
        let three = LongDouble { significand: 3 << 62, top: 0x4000 };
        assert_eq!(remainder(three, TWO, false), ONE);
        assert_eq!(remainder(three, TWO, true), LongDouble { significand: 1 << 63, top: 0xbfff });
        assert_eq!(round_to_integer(LongDouble { significand: 3 << 62, top: 0x3fff }), TWO);
    }
}
