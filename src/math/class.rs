//! Classification (`fpclassify`, `isnan`, `signbit`, `issignaling`, …) from the bits of a
//! `double`, a `float` and an x87 `long double` image.
//!
//! The x87 format has an explicit integer bit, so some encodings are not canonical: the
//! classes of those follow glibc 2.36, which looks at the exponent and the fraction below the
//! integer bit: "unnormals" (integer bit clear, exponent neither 0 nor all ones) are normal,
//! "pseudo-infinities" and "pseudo-NaNs" infinite and NaN, "pseudo-denormals" (exponent 0,
//! integer bit set) normal. `iscanonical` tells them apart.

use crate::stdlib::float::LongDouble;

/// C's `FP_NAN`, `FP_INFINITE`, `FP_ZERO`, `FP_SUBNORMAL`, `FP_NORMAL` (glibc's values).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[repr(i32)]
pub enum Class {
    Nan = 0,
    Infinite = 1,
    Zero = 2,
    Subnormal = 3,
    Normal = 4,
}

/// The class of a binary floating-point number given by its biased exponent field, its
/// largest exponent field value and its fraction field.
#[inline]
fn class(exponent: u64, max: u64, fraction: u64) -> Class {
    match (exponent, fraction) {
        (0, 0) => Class::Zero,
        (0, _) => Class::Subnormal,
        (e, 0) if e == max => Class::Infinite,
        (e, _) if e == max => Class::Nan,
        _ => Class::Normal,
    }
}

/// The class of a `double`.
#[inline]
pub fn classify(x: f64) -> Class {
    let b = x.to_bits();
    class((b >> 52) & 0x7ff, 0x7ff, b & ((1 << 52) - 1))
}

/// The class of a `float`.
#[inline]
pub fn classifyf(x: f32) -> Class {
    let b = x.to_bits() as u64;
    class((b >> 23) & 0xff, 0xff, b & ((1 << 23) - 1))
}

/// The class of an x87 `long double` (see the module notes for the non-canonical encodings).
#[inline]
pub fn classifyl(x: LongDouble) -> Class {
    match x.top & 0x7fff {
        0 if x.significand >> 63 != 0 => Class::Normal,
        0 => class(0, 0x7fff, x.significand),
        e => class(e as u64, 0x7fff, x.significand & !(1 << 63)),
    }
}

/// Is the `long double` negative (its sign bit set)?
#[inline]
pub fn signbitl(x: LongDouble) -> bool {
    x.top & 0x8000 != 0
}

/// Is `x` a signaling NaN (a NaN with the quiet bit, the fraction's top bit, clear)?
#[inline]
pub fn signaling(x: f64) -> bool {
    x.is_nan() && x.to_bits() & (1 << 51) == 0
}

/// [`signaling`] for `float`.
#[inline]
pub fn signalingf(x: f32) -> bool {
    x.is_nan() && x.to_bits() & (1 << 22) == 0
}

/// [`signaling`] for `long double`: a canonical NaN (integer bit set) whose quiet bit (bit
/// 62) is clear. Pseudo-NaNs are invalid encodings, not signaling NaNs, as in glibc.
#[inline]
pub fn signalingl(x: LongDouble) -> bool {
    let canonical_nan = x.top & 0x7fff == 0x7fff && x.significand >> 63 != 0 && x.significand << 1 != 0;
    canonical_nan && x.significand & (1 << 62) == 0
}

/// Is the `long double` canonical (`iscanonical`): the integer bit set exactly when the
/// exponent is not zero?
#[inline]
pub fn canonicall(x: LongDouble) -> bool {
    (x.significand >> 63 != 0) == (x.top & 0x7fff != 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes() {
        assert_eq!(classify(0.0), Class::Zero);
        assert_eq!(classify(-5e-324), Class::Subnormal);
        assert_eq!(classify(1.0), Class::Normal);
        assert_eq!(classify(f64::NEG_INFINITY), Class::Infinite);
        assert_eq!(classify(f64::NAN), Class::Nan);
        assert_eq!(classifyf(1e-40), Class::Subnormal);
        assert_eq!(classifyf(f32::INFINITY), Class::Infinite);
        let l = |significand, top| classifyl(LongDouble { significand, top });
        assert_eq!(l(0, 0x8000), Class::Zero);
        assert_eq!(l(1, 0), Class::Subnormal);
        assert_eq!(l(1 << 63, 0x3fff), Class::Normal);
        assert_eq!(l(1 << 62, 0x3fff), Class::Normal);
        assert_eq!(l(1 << 63, 0x7fff), Class::Infinite);
        assert_eq!(l(3 << 62, 0xffff), Class::Nan);
        assert_eq!(l(1 << 63, 0), Class::Normal);
    }

    #[test]
    fn signaling_nans() {
        assert!(signaling(f64::from_bits(0x7ff0_0000_0000_0001)));
        assert!(!signaling(f64::NAN));
        assert!(signalingf(f32::from_bits(0x7f80_0001)));
        assert!(!signalingf(f32::INFINITY));
        assert!(signalingl(LongDouble { significand: 1 << 63 | 1, top: 0x7fff }));
        assert!(!signalingl(LongDouble { significand: 3 << 62, top: 0x7fff }));
        assert!(!signalingl(LongDouble { significand: 1 << 63, top: 0x7fff }));
        assert!(canonicall(LongDouble { significand: 1 << 63, top: 0x3fff }));
        assert!(!canonicall(LongDouble { significand: 1 << 63, top: 0 }));
    }
}
