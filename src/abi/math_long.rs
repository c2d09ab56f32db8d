//! `<math.h>`: the `long double` functions that are exact on the x87 format (see
//! `math::long`), the `long double` classification names, and `nexttoward`. The C functions
//! are assembly stubs (`c_long_double!`, `c_x87!`) around the Rust halves here, which read the arguments from
//! the caller's stack; they are not in the generated header.
//!
//! Not exported: the `long double` transcendental functions (`sinl`, `expl`, `powl` …),
//! which would need 64-bit-significand algorithms; computing them in `double` would give
//! wrong low bits, so a program that calls them fails to link instead.

use super::math::set_error;
use super::math_class::unordered;
use crate::arch::c_long_double;
use crate::arch::x87::{self, LongDoubleCell, Parts, Slot, c_x87};
use crate::math::class::{self, Class};
use crate::math::errors::{self, Real, Zero};
use crate::math::long::{self, Direction};
use crate::stdlib::float::LongDouble;
use core::cmp::Ordering;
use core::ffi::{c_int, c_long};

/// The `i`th `long double` argument.
///
/// # Safety
/// `args` is the address the stub passed, and the function has more than `i` such arguments.
#[inline]
unsafe fn arg(args: *const Slot, i: usize) -> LongDouble {
    // SAFETY: the caller's contract: the stack slot exists.
    unsafe { (*args.add(i)).value() }
}

/// `result` with `errno` set, and the exception raised, as the `double` rule says.
#[inline]
fn report(args: &[LongDouble], result: LongDouble, zero: Zero) -> Parts {
    let error = errors::error(args, result, zero);
    if error.is_some() {
        crate::math::fenv::raise(errors::exception(result));
    }
    set_error(error);
    result.into()
}

/// Defines Rust halves of one `long double` argument returning `long double`.
macro_rules! unary {
    ($($name:ident = |$x:ident| $e:expr;)*) => {$(
        /// # Safety
        /// `args` as the stub passes it.
        unsafe extern "C" fn $name(args: *const Slot) -> Parts {
            // SAFETY: one long double argument.
            let $x = unsafe { arg(args, 0) };
            $e
        }
    )*};
}

unary! {
    fabsl_parts = |x| long::abs(x).into();
    sqrtl_parts = |x| report(&[x], x87::sqrt(x), Zero::MayBeExact);
    floorl_parts = |x| long::round(x, Direction::Down).into();
    ceill_parts = |x| long::round(x, Direction::Up).into();
    truncl_parts = |x| long::round(x, Direction::TowardZero).into();
    roundl_parts = |x| long::round(x, Direction::NearestAway).into();
    roundevenl_parts = |x| long::round(x, Direction::NearestEven).into();
    logbl_parts = |x| long::logb(x).into();
    rintl_parts = |x| long::rint(x).into();
    nearbyintl_parts = |x| long::nearbyint(x).into();
}

/// Defines Rust halves of two `long double` arguments returning `long double`.
macro_rules! binary {
    ($($name:ident = |$x:ident, $y:ident| $e:expr;)*) => {$(
        /// # Safety
        /// `args` as the stub passes it.
        unsafe extern "C" fn $name(args: *const Slot) -> Parts {
            // SAFETY: two long double arguments.
            let ($x, $y) = unsafe { (arg(args, 0), arg(args, 1)) };
            $e
        }
    )*};
}

binary! {
    copysignl_parts = |x, y| long::copysign(x, y).into();
    fmodl_parts = |x, y| report(&[x, y], x87::remainder(x, y, false), Zero::MayBeExact);
    remainderl_parts = |x, y| report(&[x, y], x87::remainder(x, y, true), Zero::MayBeExact);
    nextafterl_parts = |x, y| {
        let r = long::next_after(x, y);
        set_error(errors::next_error(x, y, r));
        r.into()
    };
    fmaxl_parts = |x, y| max_min(x, y, Ordering::Greater).into();
    fminl_parts = |x, y| max_min(x, y, Ordering::Less).into();
    fdiml_parts = |x, y| match quiet_nan(x, y) {
        Some(n) => n.into(),
        None if long::compare(x, y) == Ordering::Greater => report(&[x, y], x87::subtract(x, y), Zero::MayBeExact),
        None => LongDouble { significand: 0, top: 0 }.into(),
    };
}

/// The quiet NaN that an operation on `x` and `y` gives when either is a NaN (raising
/// invalid for a signaling one).
fn quiet_nan(x: LongDouble, y: LongDouble) -> Option<LongDouble> {
    let n = if x.nan() { x } else if y.nan() { y } else { return None };
    if class::signalingl(x) || class::signalingl(y) {
        crate::math::fenv::raise(0x01);
    }
    Some(LongDouble { significand: n.significand | 1 << 62, top: n.top })
}

/// `fmaxl` (`keep` Greater) or `fminl` (Less), as glibc's x87 code: `x` when it is strictly
/// beyond `y` that way (`fmaxl`) or not beyond (`fminl`: equal values give `x`, while
/// `fmaxl` gives `y`), the number when the other is a quiet NaN.
fn max_min(x: LongDouble, y: LongDouble, keep: Ordering) -> LongDouble {
    if x.nan() || y.nan() {
        if class::signalingl(x) || class::signalingl(y) || (x.nan() && y.nan()) {
            return quiet_nan(x, y).unwrap_or(x);
        }
        return if x.nan() { y } else { x };
    }
    let order = long::compare(x, y);
    let x_wins = if keep == Ordering::Greater { order == Ordering::Greater } else { order != Ordering::Greater };
    if x_wins { x } else { y }
}

/// # Safety
/// `iptr` null or writable; `args` as the stub passes it.
unsafe extern "C" fn modfl_parts(iptr: *mut LongDoubleCell, args: *const Slot) -> Parts {
    // SAFETY: one long double argument.
    let (fraction, integer) = long::modf(unsafe { arg(args, 0) });
    if !iptr.is_null() {
        // SAFETY: non-null, and writable for a long double by the caller's contract.
        unsafe { iptr.write(LongDoubleCell::new(integer)) };
    }
    fraction.into()
}

/// `x * 2^n` with the `double` rule's errors.
fn scaled(x: LongDouble, n: i64) -> Parts {
    let n = n.clamp(i32::MIN as i64, i32::MAX as i64) as i32;
    report(&[x], x87::scale(x, n), Zero::Underflow)
}

/// # Safety
/// `args` as the stub passes it.
unsafe extern "C" fn ldexpl_parts(n: c_int, args: *const Slot) -> Parts {
    // SAFETY: one long double argument.
    scaled(unsafe { arg(args, 0) }, n as i64)
}

/// # Safety
/// `args` as the stub passes it.
unsafe extern "C" fn scalblnl_parts(n: c_long, args: *const Slot) -> Parts {
    // SAFETY: one long double argument.
    scaled(unsafe { arg(args, 0) }, n)
}

/// # Safety
/// `exp` null or writable; `args` as the stub passes it.
unsafe extern "C" fn frexpl_parts(exp: *mut c_int, args: *const Slot) -> Parts {
    // SAFETY: one long double argument.
    let (m, e) = long::frexp(unsafe { arg(args, 0) });
    if !exp.is_null() {
        // SAFETY: non-null, and writable by the caller's contract.
        unsafe { exp.write(e) };
    }
    m.into()
}

c_long_double! {
    /// [`fabsl`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/fabs.html)
    fabsl("rdi") => fabsl_parts;
    /// [`sqrtl`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/sqrt.html):
    /// `fsqrt`, correctly rounded; `EDOM` for negative numbers.
    sqrtl("rdi") => sqrtl_parts;
    /// [`floorl`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/floor.html)
    floorl("rdi") => floorl_parts;
    /// [`ceill`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/ceil.html)
    ceill("rdi") => ceill_parts;
    /// [`truncl`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/trunc.html)
    truncl("rdi") => truncl_parts;
    /// [`roundl`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/round.html)
    roundl("rdi") => roundl_parts;
    /// `roundevenl` (C23)
    roundevenl("rdi") => roundevenl_parts;
    /// [`rintl`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/rint.html):
    /// `frndint` in the current rounding mode.
    rintl("rdi") => rintl_parts;
    /// [`nearbyintl`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/nearbyint.html)
    nearbyintl("rdi") => nearbyintl_parts;
    /// [`copysignl`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/copysign.html)
    copysignl("rdi") => copysignl_parts;
    /// [`fmodl`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/fmod.html):
    /// `fprem`, exact; `EDOM` for `y == 0` or an infinite `x`.
    fmodl("rdi") => fmodl_parts;
    /// [`remainderl`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/remainder.html):
    /// `fprem1`, exact.
    remainderl("rdi") => remainderl_parts;
    /// [`ldexpl`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/ldexp.html):
    /// `fscale`, rounded once; `ERANGE` on overflow and underflow to zero.
    ldexpl("rsi") => ldexpl_parts;
    /// [`scalbnl`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/scalbn.html)
    scalbnl("rsi") => ldexpl_parts;
    /// [`scalblnl`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/scalbln.html)
    scalblnl("rsi") => scalblnl_parts;
    /// [`frexpl`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/frexp.html)
    frexpl("rsi") => frexpl_parts;
    /// [`modfl`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/modf.html)
    modfl("rsi") => modfl_parts;
    /// [`logbl`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/logb.html):
    /// `-inf` and divide-by-zero for 0, no `errno` (as glibc).
    logbl("rdi") => logbl_parts;
    /// [`nextafterl`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/nextafter.html)
    nextafterl("rdi") => nextafterl_parts;
    /// [`nexttowardl`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/nexttoward.html):
    /// `nextafterl`.
    nexttowardl("rdi") => nextafterl_parts;
    /// [`fmaxl`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/fmax.html)
    fmaxl("rdi") => fmaxl_parts;
    /// [`fminl`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/fmin.html)
    fminl("rdi") => fminl_parts;
    /// [`fdiml`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/fdim.html):
    /// `ERANGE` on overflow.
    fdiml("rdi") => fdiml_parts;
}

/// Defines Rust halves of one `long double` argument returning an integer.
macro_rules! to_int {
    ($($name:ident -> $t:ty = |$x:ident| $e:expr;)*) => {$(
        /// # Safety
        /// `args` as the stub passes it.
        unsafe extern "C" fn $name(args: *const Slot) -> $t {
            // SAFETY: one long double argument.
            let $x = unsafe { arg(args, 0) };
            $e
        }
    )*};
}

to_int! {
    lrintl_parts -> c_long = |x| long::lrint(x);
    lroundl_parts -> c_long = |x| long::lround(x);
    ilogbl_parts -> c_int = |x| {
        if let Some(e) = errors::ilogb_error(x) {
            crate::math::fenv::raise(0x01);
            set_error(Some(e));
        }
        long::ilogb(x)
    };
    fpclassifyl_parts -> c_int = |x| class::classifyl(x) as c_int;
    signbitl_parts -> c_int = |x| class::signbitl(x) as c_int;
    isinfl_parts -> c_int = |x| match class::classifyl(x) {
        Class::Infinite if class::signbitl(x) => -1,
        Class::Infinite => 1,
        _ => 0,
    };
    isnanl_parts -> c_int = |x| (class::classifyl(x) == Class::Nan) as c_int;
    finitel_parts -> c_int = |x| x.finite() as c_int;
    issignalingl_parts -> c_int = |x| class::signalingl(x) as c_int;
    iscanonicall_parts -> c_int = |x| class::canonicall(x) as c_int;
}

/// # Safety
/// `args` as the stub passes it.
unsafe extern "C" fn iseqsigl_parts(args: *const Slot) -> c_int {
    // SAFETY: two long double arguments.
    let (x, y) = unsafe { (arg(args, 0), arg(args, 1)) };
    if x.nan() || y.nan() {
        unordered();
        return 0;
    }
    (long::compare(x, y) == Ordering::Equal) as c_int
}

/// `nexttoward(x, y)`: the next `double` after `x` in the direction of the `long double` `y`.
///
/// # Safety
/// `args` as the stub passes it.
unsafe extern "C" fn nexttoward_parts(x: f64, args: *const Slot) -> f64 {
    // SAFETY: one long double argument.
    let y = unsafe { arg(args, 0) };
    let target = match toward(LongDouble::from_f64(x), y) {
        Some(t) => t,
        None if y.nan() => return f64::NAN,
        None => return libm::copysign(x, if class::signbitl(y) { -1.0 } else { 1.0 }),
    };
    super::math::nextafter(x, target)
}

/// `nexttowardf(x, y)`
///
/// # Safety
/// `args` as the stub passes it.
unsafe extern "C" fn nexttowardf_parts(x: f32, args: *const Slot) -> f32 {
    // SAFETY: one long double argument.
    let y = unsafe { arg(args, 0) };
    let target = match toward(LongDouble::from_f64(x as f64), y) {
        Some(t) => t as f32,
        None if y.nan() => return f32::NAN,
        None => return libm::copysignf(x, if class::signbitl(y) { -1.0 } else { 1.0 }),
    };
    super::math::nextafterf(x, target)
}

/// The infinity in the direction from `x` to `y`, or `None` when they are equal (or `y` is a
/// NaN, or `x` is one: then `x` itself is the answer and `nextafter` gives it).
fn toward(x: LongDouble, y: LongDouble) -> Option<f64> {
    if x.nan() {
        return Some(f64::NAN);
    }
    if y.nan() {
        return None;
    }
    match long::compare(x, y) {
        Ordering::Less => Some(f64::INFINITY),
        Ordering::Greater => Some(f64::NEG_INFINITY),
        Ordering::Equal => None,
    }
}

c_x87! {
    /// [`lrintl`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/lrint.html):
    /// `fistp` in the current rounding mode.
    lrintl("rdi") => lrintl_parts;
    /// [`llrintl`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/llrint.html)
    llrintl("rdi") => lrintl_parts;
    /// [`lroundl`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/lround.html)
    lroundl("rdi") => lroundl_parts;
    /// [`llroundl`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/llround.html)
    llroundl("rdi") => lroundl_parts;
    /// [`ilogbl`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/ilogb.html)
    ilogbl("rdi") => ilogbl_parts;
    /// `__fpclassifyl`
    __fpclassifyl("rdi") => fpclassifyl_parts;
    /// `__signbitl`
    __signbitl("rdi") => signbitl_parts;
    /// `__isinfl`
    __isinfl("rdi") => isinfl_parts;
    /// `isinfl` (BSD)
    isinfl("rdi") => isinfl_parts;
    /// `__isnanl`
    __isnanl("rdi") => isnanl_parts;
    /// `isnanl` (BSD)
    isnanl("rdi") => isnanl_parts;
    /// `__finitel`
    __finitel("rdi") => finitel_parts;
    /// `finitel` (BSD)
    finitel("rdi") => finitel_parts;
    /// `__issignalingl`
    __issignalingl("rdi") => issignalingl_parts;
    /// `__iscanonicall`: whether the encoding is canonical (C23's `iscanonical`).
    __iscanonicall("rdi") => iscanonicall_parts;
    /// `__iseqsigl`
    __iseqsigl("rdi") => iseqsigl_parts;
    /// [`nexttoward`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/nexttoward.html)
    nexttoward("rdi") => nexttoward_parts;
    /// [`nexttowardf`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/nexttoward.html)
    nexttowardf("rdi") => nexttowardf_parts;
}
