//! The `<math.h>` functions that the `libm` crate leaves out or computes differently from
//! glibc: rounding in the current rounding mode (`rint`, `nearbyint`, `lrint`; the crate
//! always rounds to nearest), C's integer conversions (`lround`), `logb`, `nan`'s payload,
//! `fmax`/`fmin` as glibc orders signed zeros, and `nexttoward`'s comparison with a
//! `long double`.

use crate::arch::fpu;

/// 2^52: every `f64` of at least this magnitude is an integer.
const F64_INTEGRAL: f64 = 4_503_599_627_370_496.0;

/// `x` rounded to an integer in the current rounding mode (C's `rint`), raising inexact when
/// it changes. Adding and subtracting 2^52 leaves only the integer bits and makes the FPU
/// round them as the mode says; the sign is put back so that `rint(-0.3)` is `-0`.
#[inline]
pub fn rint(x: f64) -> f64 {
    // Integers already, infinities and NaNs are their own value.
    if x.is_nan() || x.abs() >= F64_INTEGRAL {
        return x;
    }
    let r = if x.is_sign_negative() { (x - F64_INTEGRAL) + F64_INTEGRAL } else { (x + F64_INTEGRAL) - F64_INTEGRAL };
    libm::copysign(r, x)
}

/// [`rint`] for `f32`, exactly: the `f64` rounding of an `f32` is the `f32` rounding.
#[inline]
pub fn rintf(x: f32) -> f32 {
    rint(x as f64) as f32
}

/// [`rint`] without raising inexact (C's `nearbyint`).
#[inline]
pub fn nearbyint(x: f64) -> f64 {
    fpu::without_new_flags(x, rint)
}

/// [`nearbyint`] for `f32`.
#[inline]
pub fn nearbyintf(x: f32) -> f32 {
    nearbyint(x as f64) as f32
}

/// C's `lrint`: the current rounding mode, `i64::MIN` and invalid when out of range.
#[inline]
pub fn lrint(x: f64) -> i64 {
    fpu::f64_to_i64_current(x)
}

/// [`lrint`] for `f32`.
#[inline]
pub fn lrintf(x: f32) -> i64 {
    fpu::f32_to_i64_current(x)
}

/// C's `round`: halfway cases away from zero, the same in every rounding mode and never
/// inexact (the `libm` crate's adds 0.5 in the current mode, so it rounds `-2.5` to `-2`
/// upward). The truncation is bit-wise, and `x - t` and `t ± 1` are exact for `|x| < 2^52`.
#[inline]
pub fn round(x: f64) -> f64 {
    let t = libm::trunc(x);
    if (x - t).abs() >= 0.5 { t + libm::copysign(1.0, x) } else { t }
}

/// [`round`] for `f32`, exactly (every step is exact in `f64`).
#[inline]
pub fn roundf(x: f32) -> f32 {
    round(x as f64) as f32
}

/// C23's `roundeven`: halfway cases to even, in every rounding mode.
#[inline]
pub fn roundeven(x: f64) -> f64 {
    let r = round(x);
    let halfway = (x - libm::trunc(x)).abs() == 0.5;
    // The step back towards zero keeps the sign: roundeven(-0.5) is -0.
    if halfway && libm::fmod(r, 2.0) != 0.0 { libm::copysign(r - libm::copysign(1.0, x), x) } else { r }
}

/// [`roundeven`] for `f32`.
#[inline]
pub fn roundevenf(x: f32) -> f32 {
    roundeven(x as f64) as f32
}

/// C's `lround`: halfway away from zero, `i64::MIN` and invalid when out of range, and (as
/// glibc) never inexact.
#[inline]
pub fn lround(x: f64) -> i64 {
    fpu::f64_to_i64_truncating(round(x))
}

/// [`lround`] for `f32` (computed in `f64`, where every step is exact).
#[inline]
pub fn lroundf(x: f32) -> i64 {
    lround(x as f64)
}

/// C's `logb`: the unbiased exponent as a float; `-inf` raising divide-by-zero at zero, `+inf`
/// at infinities, NaN at NaN.
#[inline]
pub fn logb(x: f64) -> f64 {
    if x == 0.0 {
        return -1.0 / x.abs();
    }
    if !x.is_finite() {
        return x * x;
    }
    libm::ilogb(x) as f64
}

/// [`logb`] for `f32`.
#[inline]
pub fn logbf(x: f32) -> f32 {
    if x == 0.0 {
        return -1.0 / x.abs();
    }
    if !x.is_finite() {
        return x * x;
    }
    libm::ilogbf(x) as f32
}

/// The payload that `nan(tag)` gives (as `strtod("NAN(tag)")`): the tag's value when it is
/// a whole non-negative C integer constant, else 0.
pub fn nan_payload(tag: &[u8]) -> u64 {
    match crate::stdlib::int::parse(tag, 0) {
        Ok(p) if p.end == tag.len() && !p.negative && !tag.is_empty() => p.magnitude.unwrap_or(0),
        _ => 0,
    }
}

/// C's `nan(tag)` for `f64`: a quiet NaN with the tag's payload in its free bits.
pub fn nan(tag: &[u8]) -> f64 {
    f64::from_bits(0x7ff8_0000_0000_0000 | (nan_payload(tag) & ((1 << 51) - 1)))
}

/// C's `nanf(tag)`.
pub fn nanf(tag: &[u8]) -> f32 {
    f32::from_bits(0x7fc0_0000 | (nan_payload(tag) as u32 & ((1 << 22) - 1)))
}

/// `fmax`/`fmin` as glibc on x86_64 (`maxsd`/`minsd`): the larger (smaller), `y` when the two
/// compare equal (so `fmax(-0, +0)` is `+0` and `fmax(+0, -0)` is `-0`), the number when the
/// other is a quiet NaN, and a NaN (quieted by the addition, which raises invalid) when either
/// is a signaling NaN.
macro_rules! max_min {
    ($($(#[$doc:meta])* $name:ident: $t:ty, $keep_x:tt, $signaling:path;)*) => {$(
        $(#[$doc])*
        #[inline]
        pub fn $name(x: $t, y: $t) -> $t {
            if x $keep_x y {
                x
            } else if !(x.is_nan() || y.is_nan()) {
                y
            } else if $signaling(x) || $signaling(y) {
                x + y
            } else if y.is_nan() {
                x
            } else {
                y
            }
        }
    )*};
}
max_min! {
    /// C's `fmax`.
    fmax: f64, >, super::class::signaling;
    /// C's `fmaxf`.
    fmaxf: f32, >, super::class::signalingf;
    /// C's `fmin`.
    fmin: f64, <, super::class::signaling;
    /// C's `fminf`.
    fminf: f32, <, super::class::signalingf;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::math::fenv;

    #[test]
    fn rounding_modes() {
        let saved = fenv::get();
        let cases = [(0.5, [0.0, 0.0, 1.0, 0.0]), (-1.5, [-2.0, -2.0, -1.0, -1.0]), (2.5, [2.0, 2.0, 3.0, 2.0])];
        for (i, mode) in [0, 0x400, 0x800, 0xc00].into_iter().enumerate() {
            assert!(fenv::set_rounding(mode));
            for (x, want) in cases {
                assert_eq!(rint(core::hint::black_box(x)), want[i], "rint({x}) in mode {mode:#x}");
                assert_eq!(lrint(core::hint::black_box(x)), want[i] as i64);
            }
            assert!(rint(core::hint::black_box(-0.25)).is_sign_negative());
        }
        fenv::set(fenv::Source::Saved(&saved));
        assert_eq!(lround(-2.5), -3);
        for mode in [0, 0x400, 0x800, 0xc00] {
            assert!(fenv::set_rounding(mode));
            assert_eq!(round(core::hint::black_box(-2.5)), -3.0);
            assert_eq!(round(core::hint::black_box(0.49999999999999994)), 0.0);
            assert_eq!(roundeven(core::hint::black_box(-2.5)), -2.0);
            assert_eq!(roundeven(core::hint::black_box(3.5)), 4.0);
            assert!(roundeven(core::hint::black_box(-0.5)).is_sign_negative());
        }
        fenv::set(fenv::Source::Saved(&saved));
        assert_eq!(lround(0.49999999999999994), 0);
        assert_eq!(lround(f64::NAN), i64::MIN);
        assert_eq!(nan_payload(b"0x123"), 0x123);
        assert_eq!(nan_payload(b"junk"), 0);
        assert_eq!(logb(0.0), f64::NEG_INFINITY);
        assert_eq!(logb(5e-324), -1074.0);
        assert_eq!(fmax(0.0, -0.0).to_bits(), (-0.0f64).to_bits());
        assert_eq!(fmin(f64::NAN, 1.0), 1.0);
    }
}
