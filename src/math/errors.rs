//! Which C error (`errno`) a math function's result reports, as glibc reports them.
//!
//! glibc's `math_errhandling` is `MATH_ERRNO | MATH_ERREXCEPT`: besides the IEEE exceptions,
//! which the arithmetic itself raises, a function sets `errno`. The `libm` crate computes
//! the IEEE results (musl's algorithms) but sets no `errno`; which error applies follows from
//! the arguments and the result, in the same way for almost every function:
//! - domain error, `EDOM`: a NaN from arguments none of which is a NaN (`sqrt(-1)`,
//!   `log(-1)`, `acos(2)`, `pow(-1, 0.5)`, `fmod(x, 0)`, `sin(inf)`, `tgamma(-1)`);
//! - pole error or overflow, `ERANGE`: an infinity from finite arguments (`log(0)`,
//!   `pow(0, -1)`, `exp(1000)`, `lgamma(-1)`);
//! - underflow, `ERANGE`: a zero from finite arguments whose exact value is not zero
//!   (`exp(-1000)`, `pow(10, -400)`). Whether a zero can be exact depends on the function
//!   (`fmod(2, 1)`, `log(1)` and `floor(0.5)` are exactly zero), so the caller says with
//!   [`Zero`]. A nonzero subnormal result is no error for glibc (`exp(-740)`), nor here.
//!
//! The exceptions to the rule (`fma`, `remquo` and `logb` set no `errno`; `ilogb`'s and
//! `nextafter`'s rules) are written beside those functions.

use rustix::io::Errno;

/// What a zero result means for a function.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Zero {
    /// The function can be exactly zero at nonzero arguments: a zero result is no error.
    MayBeExact,
    /// The function is zero only where its first argument is zero: a zero from a nonzero
    /// finite first argument (and finite other arguments) is an underflow.
    Underflow,
}

/// The floating-point types the rule applies to.
pub trait Real: Copy {
    /// Is it a NaN?
    fn nan(self) -> bool;
    /// Is it neither infinite nor NaN?
    fn finite(self) -> bool;
    /// Is it ±0?
    fn zero(self) -> bool;
    /// Is it ±0 or subnormal?
    fn tiny(self) -> bool;
}

/// `Real` for the primitive float types.
macro_rules! real {
    ($($t:ty),*) => {$(
        impl Real for $t {
            #[inline]
            fn nan(self) -> bool {
                self.is_nan()
            }
            #[inline]
            fn finite(self) -> bool {
                self.is_finite()
            }
            #[inline]
            fn zero(self) -> bool {
                self == 0.0
            }
            #[inline]
            fn tiny(self) -> bool {
                self.abs() < <$t>::MIN_POSITIVE
            }
        }
    )*};
}
real!(f32, f64);

/// The error that `result`, computed from the floating-point arguments `args` (the first
/// one first), reports; `zero` says what a zero result means.
#[inline]
pub fn error<T: Real>(args: &[T], result: T, zero: Zero) -> Option<Errno> {
    if result.finite() && !result.zero() {
        return None;
    }
    let all_finite = args.iter().all(|a| a.finite());
    if result.nan() {
        return (!args.iter().any(|a| a.nan())).then_some(Errno::DOM);
    }
    if !result.finite() {
        return all_finite.then_some(Errno::RANGE);
    }
    let underflow = zero == Zero::Underflow && all_finite && args.first().is_some_and(|a| !a.zero());
    underflow.then_some(Errno::RANGE)
}

/// The IEEE exception that goes with an error whose result is `result`: invalid for a NaN,
/// overflow or divide-by-zero (a pole: the arithmetic raised no overflow) for an infinity,
/// underflow and inexact for a zero. The `libm` crate computes some special results from
/// constants that the compiler folds (`0.0 / 0.0`), so the arithmetic does not always raise
/// them itself; raising a flag that is already raised changes nothing.
#[inline]
pub fn exception<T: Real>(result: T) -> u32 {
    if result.nan() {
        0x01
    } else if !result.finite() {
        if super::fenv::test(0x08) != 0 { 0x08 } else { 0x04 }
    } else {
        0x10 | 0x20
    }
}

/// `nextafter(x, y)`'s error, as glibc's: `ERANGE` when the step from a finite `x` overflows,
/// or when it lands on a subnormal or zero from a nonzero `x` (the first step up from zero
/// is no error).
#[inline]
pub fn next_error<T: Real + PartialEq>(x: T, y: T, result: T) -> Option<Errno> {
    let overflow = !result.finite() && !result.nan() && x.finite();
    let underflow = result.tiny() && !x.zero() && x != y && !x.nan() && !y.nan();
    (overflow || underflow).then_some(Errno::RANGE)
}

/// `ilogb(x)`'s error: `EDOM` for zero, infinities and NaN (glibc's, and POSIX's).
#[inline]
pub fn ilogb_error<T: Real>(x: T) -> Option<Errno> {
    (x.zero() || !x.finite()).then_some(Errno::DOM)
}

#[cfg(test)]
mod tests {
    use super::*;
    use Zero::*;

    #[test]
    fn domain() {
        assert_eq!(error(&[-1.0f64], f64::NAN, MayBeExact), Some(Errno::DOM));
        assert_eq!(error(&[f64::INFINITY], f64::NAN, MayBeExact), Some(Errno::DOM));
        assert_eq!(error(&[f64::NAN], f64::NAN, MayBeExact), None);
        assert_eq!(error(&[1.0f32, f32::NAN], f32::NAN, MayBeExact), None);
    }

    #[test]
    fn range() {
        assert_eq!(error(&[0.0f64], f64::NEG_INFINITY, MayBeExact), Some(Errno::RANGE));
        assert_eq!(error(&[f64::INFINITY], f64::INFINITY, MayBeExact), None);
        assert_eq!(error(&[-1000.0f64], 0.0, Underflow), Some(Errno::RANGE));
        assert_eq!(error(&[0.0f64, 1.0], 0.0, Underflow), None);
        assert_eq!(error(&[1.0f64], 0.0, MayBeExact), None);
        assert_eq!(error(&[f64::NEG_INFINITY], 0.0, Underflow), None);
        assert_eq!(error(&[-740.0f64], 4e-322, Underflow), None);
    }

    #[test]
    fn next() {
        assert_eq!(next_error(f64::MAX, f64::INFINITY, f64::INFINITY), Some(Errno::RANGE));
        assert_eq!(next_error(0.0f64, 1.0, 5e-324), None);
        assert_eq!(next_error(f64::MIN_POSITIVE, 0.0, f64::MIN_POSITIVE * (1.0 - f64::EPSILON)), Some(Errno::RANGE));
        assert_eq!(next_error(1.0f64, 2.0, 1.0 + f64::EPSILON), None);
        assert_eq!(ilogb_error(0.0f32), Some(Errno::DOM));
        assert_eq!(ilogb_error(1.0f32), None);
    }
}
