//! `long double` (x87 80-bit) functions computed exactly: on the image's bits (rounding to
//! an integer in a fixed direction, `frexp`, `ilogb`, sign operations, `nexttoward`'s
//! comparison) or by one x87 instruction (`arch::x87`). Functions that would need more than
//! that (the transcendental ones) are not provided: a `long double` result computed in
//! `double` precision would be wrong in its last 11 bits.

use super::errors::Real;
use crate::arch::x87;
use crate::stdlib::float::LongDouble;

/// The exponent bias.
const BIAS: i32 = 16383;
/// The integer bit of the significand.
const INTEGER_BIT: u64 = 1 << 63;

impl Real for LongDouble {
    #[inline]
    fn nan(self) -> bool {
        self.top & 0x7fff == 0x7fff && self.significand << 1 != 0
    }
    #[inline]
    fn finite(self) -> bool {
        self.top & 0x7fff != 0x7fff
    }
    #[inline]
    fn zero(self) -> bool {
        self.significand == 0 && self.top & 0x7fff == 0
    }
    #[inline]
    fn tiny(self) -> bool {
        self.top & 0x7fff == 0
    }
}

/// `±1` with the sign of `sign` (the top 16 bits of an image).
#[inline]
fn one(sign: u16) -> LongDouble {
    LongDouble { significand: INTEGER_BIT, top: sign | BIAS as u16 }
}

/// `±0`.
#[inline]
fn zero(sign: u16) -> LongDouble {
    LongDouble { significand: 0, top: sign }
}

/// The directions of rounding to an integer.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Direction {
    /// Toward -inf (`floor`).
    Down,
    /// Toward +inf (`ceil`).
    Up,
    /// Toward zero (`trunc`).
    TowardZero,
    /// Nearest, halfway cases away from zero (`round`).
    NearestAway,
    /// Nearest, halfway cases to even (`roundeven`, and `rint` in the default mode).
    NearestEven,
}

impl Direction {
    /// The direction of a rounding mode (`FE_TONEAREST` …).
    pub fn of_mode(mode: u32) -> Direction {
        match mode {
            0x400 => Direction::Down,
            0x800 => Direction::Up,
            0xc00 => Direction::TowardZero,
            _ => Direction::NearestEven,
        }
    }
}

/// `x` rounded to an integer in direction `d`, exactly and raising nothing: the fraction
/// bits are cleared and the integer part stepped away from zero by one when the direction
/// and the fraction say so.
pub fn round(x: LongDouble, d: Direction) -> LongDouble {
    let sign = x.top & 0x8000;
    let negative = sign != 0;
    let exponent = (x.top & 0x7fff) as i32;
    if exponent == 0x7fff || x.zero() || exponent - BIAS >= 63 {
        return x;
    }
    let unbiased = exponent - BIAS;
    if unbiased < 0 {
        // |x| < 1: the result is 0 or 1 in magnitude.
        let half_or_more = unbiased == -1;
        let more_than_half = half_or_more && x.significand > INTEGER_BIT;
        let up = match d {
            Direction::Down => negative,
            Direction::Up => !negative,
            Direction::TowardZero => false,
            Direction::NearestAway => half_or_more,
            Direction::NearestEven => more_than_half,
        };
        return if up { one(sign) } else { zero(sign) };
    }
    let fraction_bits = (63 - unbiased) as u32;
    let unit = 1u64 << fraction_bits;
    let fraction = x.significand & (unit - 1);
    if fraction == 0 {
        return x;
    }
    let integer = x.significand & !(unit - 1);
    let half = unit >> 1;
    let up = match d {
        Direction::Down => negative,
        Direction::Up => !negative,
        Direction::TowardZero => false,
        Direction::NearestAway => fraction >= half,
        Direction::NearestEven => fraction > half || (fraction == half && integer & unit != 0),
    };
    if !up {
        return LongDouble { significand: integer, top: x.top };
    }
    match integer.checked_add(unit) {
        Some(s) => LongDouble { significand: s, top: x.top },
        // The carry leaves the significand: the next power of two.
        None => LongDouble { significand: INTEGER_BIT, top: x.top + 1 },
    }
}

/// `x` as an integer when it is one in `i64`'s range, else `None`.
fn to_i64(x: LongDouble) -> Option<i64> {
    let exponent = (x.top & 0x7fff) as i32;
    if x.zero() {
        return Some(0);
    }
    let unbiased = exponent - BIAS;
    if exponent == 0x7fff || !(0..=63).contains(&unbiased) {
        return None;
    }
    let magnitude = x.significand >> (63 - unbiased);
    if x.top & 0x8000 != 0 {
        (magnitude <= 1 << 63).then(|| (magnitude as i64).wrapping_neg())
    } else {
        i64::try_from(magnitude).ok()
    }
}

/// C's `lroundl`: halfway cases away from zero; `i64::MIN` and invalid out of range.
pub fn lround(x: LongDouble) -> i64 {
    match to_i64(round(x, Direction::NearestAway)) {
        Some(v) => v,
        None => {
            super::fenv::raise(0x01);
            i64::MIN
        }
    }
}

/// C's `lrintl`: the current rounding mode (`fistp`).
#[inline]
pub fn lrint(x: LongDouble) -> i64 {
    x87::to_integer(x)
}

/// C's `rintl`: the current rounding mode, raising inexact when it changes (`frndint`).
#[inline]
pub fn rint(x: LongDouble) -> LongDouble {
    x87::round_to_integer(x)
}

/// C's `nearbyintl`: the current rounding mode, raising nothing.
#[inline]
pub fn nearbyint(x: LongDouble) -> LongDouble {
    round(x, Direction::of_mode(super::fenv::rounding()))
}

/// The significand normalised (integer bit set) and the exponent `e` of `x = m * 2^e` with
/// `m` in [1, 2), for a finite nonzero `x` (subnormals and the non-canonical encodings
/// included).
fn normalised(x: LongDouble) -> (u64, i32) {
    let shift = x.significand.leading_zeros();
    let exponent = ((x.top & 0x7fff) as i32).max(1);
    (x.significand << shift, exponent - BIAS - shift as i32)
}

/// C's `frexpl`: `(m, e)` with `x = m * 2^e`, `|m|` in [0.5, 1); `(x, 0)` for zeros,
/// infinities and NaNs.
pub fn frexp(x: LongDouble) -> (LongDouble, i32) {
    if !x.finite() || x.significand == 0 {
        return (x, 0);
    }
    let (m, e) = normalised(x);
    (LongDouble { significand: m, top: (x.top & 0x8000) | (BIAS - 1) as u16 }, e + 1)
}

/// C's `ilogbl`: the unbiased exponent; `FP_ILOGB0`/`FP_ILOGBNAN` (`INT_MIN`) for zeros and
/// NaNs, `INT_MAX` for infinities.
pub fn ilogb(x: LongDouble) -> i32 {
    if x.nan() || x.significand == 0 && x.finite() {
        i32::MIN
    } else if !x.finite() {
        i32::MAX
    } else {
        normalised(x).1
    }
}

/// `|x|`.
#[inline]
pub fn abs(x: LongDouble) -> LongDouble {
    LongDouble { significand: x.significand, top: x.top & 0x7fff }
}

/// `x` with the sign of `y`.
#[inline]
pub fn copysign(x: LongDouble, y: LongDouble) -> LongDouble {
    LongDouble { significand: x.significand, top: (x.top & 0x7fff) | (y.top & 0x8000) }
}

/// C's `modfl`: `(fraction, integer part)`, both with the sign of `x`; the fraction of an
/// infinity is zero. The subtraction is exact.
pub fn modf(x: LongDouble) -> (LongDouble, LongDouble) {
    let integer = round(x, Direction::TowardZero);
    if x.nan() {
        return (x, x);
    }
    if !x.finite() {
        return (zero(x.top & 0x8000), x);
    }
    (copysign(x87::subtract(x, integer), x), integer)
}

/// C's `logbl`: the exponent as a `long double`; `-inf` raising divide-by-zero at zero, `+inf`
/// at infinities, the NaN at NaNs.
pub fn logb(x: LongDouble) -> LongDouble {
    if x.nan() {
        return x;
    }
    if !x.finite() {
        return abs(x);
    }
    if x.significand == 0 {
        super::fenv::raise(0x04);
        return LongDouble { significand: INTEGER_BIT, top: 0xffff };
    }
    LongDouble::from_f64(normalised(x).1 as f64)
}

/// C's `nextafterl` (and `nexttowardl`, the same function for `long double`): the
/// neighbour of `x` toward `y`, stepping the significand and carrying into the exponent.
pub fn next_after(x: LongDouble, y: LongDouble) -> LongDouble {
    if x.nan() || y.nan() {
        let n = if x.nan() { x } else { y };
        return LongDouble { significand: n.significand | 1 << 62, top: n.top };
    }
    let order = compare(x, y);
    if order == core::cmp::Ordering::Equal {
        return y;
    }
    if x.zero() {
        super::fenv::raise(0x10 | 0x20);
        return LongDouble { significand: 1, top: y.top & 0x8000 };
    }
    // Away from zero when y is beyond x on x's side.
    let away = (order == core::cmp::Ordering::Less) != (x.top & 0x8000 != 0);
    let sign = x.top & 0x8000;
    let exponent = x.top & 0x7fff;
    let (significand, exponent) = if away {
        match x.significand.checked_add(1) {
            // A subnormal that reaches the integer bit is the smallest normal.
            Some(s) if exponent == 0 && s == INTEGER_BIT => (s, 1),
            Some(s) => (s, exponent),
            None => (INTEGER_BIT, exponent + 1),
        }
    } else if x.significand == INTEGER_BIT && exponent > 1 {
        (u64::MAX, exponent - 1)
    } else if x.significand == INTEGER_BIT && exponent == 1 {
        (INTEGER_BIT - 1, 0)
    } else {
        (x.significand - 1, exponent)
    };
    let r = LongDouble { significand, top: sign | exponent };
    if exponent == 0x7fff {
        super::fenv::raise(0x08 | 0x20);
    } else if exponent == 0 {
        super::fenv::raise(0x10 | 0x20);
    }
    r
}

/// A key that orders non-NaN images as their values (±0 equal).
fn order(x: LongDouble) -> i128 {
    if x.zero() {
        return 0;
    }
    let (m, e) = normalised(x);
    let magnitude = ((e as i128 + 0x10000) << 64) | m as i128;
    if x.top & 0x8000 != 0 { -magnitude } else { magnitude }
}

/// How `x` compares with `y` (neither a NaN).
pub fn compare(x: LongDouble, y: LongDouble) -> core::cmp::Ordering {
    order(x).cmp(&order(y))
}

#[cfg(test)]
mod tests {
    use super::*;
    use Direction::*;

    fn ld(v: f64) -> LongDouble {
        LongDouble::from_f64(v)
    }

    fn class_sign(v: LongDouble) -> bool {
        v.top & 0x8000 != 0
    }

    #[test]
    fn rounding() {
        let cases: [(f64, [f64; 5]); 8] = [
            (2.5, [2.0, 3.0, 2.0, 3.0, 2.0]),
            (-2.5, [-3.0, -2.0, -2.0, -3.0, -2.0]),
            (0.5, [0.0, 1.0, 0.0, 1.0, 0.0]),
            (-0.75, [-1.0, -0.0, -0.0, -1.0, -1.0]),
            (1.25, [1.0, 2.0, 1.0, 1.0, 1.0]),
            (3.5, [3.0, 4.0, 3.0, 4.0, 4.0]),
            (1e300, [1e300; 5]),
            (5e-324, [0.0, 1.0, 0.0, 0.0, 0.0]),
        ];
        for (x, want) in cases {
            for (d, w) in [Down, Up, TowardZero, NearestAway, NearestEven].into_iter().zip(want) {
                assert_eq!(round(ld(x), d), ld(w), "{x} {d:?}");
            }
        }
        // 2^64 - 0.5 rounds up to 2^64: the carry moves the exponent.
        let x = LongDouble { significand: u64::MAX, top: BIAS as u16 + 63 };
        assert_eq!(round(LongDouble { significand: u64::MAX, top: BIAS as u16 + 62 }, Up), LongDouble { significand: 1 << 63, top: BIAS as u16 + 63 });
        assert_eq!(round(x, Up), x);
        assert_eq!(lround(ld(-2.5)), -3);
        assert_eq!(lround(ld(-9223372036854775808.0)), i64::MIN);
    }

    #[test]
    fn parts() {
        assert_eq!(frexp(ld(1.0)), (ld(0.5), 1));
        assert_eq!(frexp(ld(-5e-324)), (ld(-0.5), -1073));
        assert_eq!(frexp(LongDouble { significand: 1, top: 0 }), (ld(0.5), -16444));
        assert_eq!(frexp(ld(0.0)), (ld(0.0), 0));
        assert_eq!(ilogb(LongDouble { significand: 1, top: 0 }), -16445);
        assert_eq!(ilogb(ld(0.0)), i32::MIN);
        assert_eq!(ilogb(ld(f64::INFINITY)), i32::MAX);
        assert_eq!(compare(ld(-1.0), ld(0.5)), core::cmp::Ordering::Less);
        assert_eq!(compare(ld(0.0), ld(-0.0)), core::cmp::Ordering::Equal);
        assert_eq!(compare(ld(1e-310), ld(1e-320)), core::cmp::Ordering::Greater);
        assert_eq!(modf(ld(-3.25)), (ld(-0.25), ld(-3.0)));
        assert!(class_sign(modf(ld(-3.0)).0));
        assert_eq!(logb(ld(0.75)), ld(-1.0));
        let max = LongDouble { significand: u64::MAX, top: 0x7ffe };
        assert_eq!(next_after(max, ld(f64::INFINITY)), ld(f64::INFINITY));
        assert_eq!(next_after(ld(1.0), ld(2.0)), LongDouble { significand: 1 << 63 | 1, top: 0x3fff });
        assert_eq!(next_after(ld(1.0), ld(0.0)), LongDouble { significand: u64::MAX, top: 0x3ffe });
        let min_normal = LongDouble { significand: 1 << 63, top: 1 };
        assert_eq!(next_after(min_normal, ld(0.0)), LongDouble { significand: (1 << 63) - 1, top: 0 });
        assert_eq!(next_after(LongDouble { significand: (1 << 63) - 1, top: 0 }, ld(1.0)), min_normal);
        assert_eq!(next_after(ld(-0.0), ld(-1.0)), LongDouble { significand: 1, top: 0x8000 });
        assert_eq!(next_after(ld(-1.0), ld(-2.0)), LongDouble { significand: 1 << 63 | 1, top: 0xbfff });
    }
}
