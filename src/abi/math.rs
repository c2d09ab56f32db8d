//! `<math.h>`: the `double` and `float` functions.
//!
//! The values come from the `libm` crate (musl's algorithms) or `math::round`; `errno` from
//! `math::errors`, whose rule covers almost every function (`EDOM` for a NaN from numbers,
//! `ERANGE` for an infinity from finite numbers or a zero that is an underflow). Each
//! function is defined in both types by one line of the macros below, so these shims are not
//! in the generated header; glibc's `<math.h>` declares them, and the C tests call each one
//! through those declarations.

use crate::math::errors::{self, Real, Zero};
use crate::math::{fenv, round};
use core::ffi::{c_char, c_int, c_long};

/// `result`, with `errno` set to the error that it reports for `args` (see `math::errors`),
/// and the matching exception raised.
#[inline]
fn report<T: Real>(args: &[T], result: T, zero: Zero) -> T {
    let error = errors::error(args, result, zero);
    if error.is_some() {
        fenv::raise(errors::exception(result));
    }
    set_error(error);
    result
}

/// Sets `errno` to `error`, if there is one.
#[inline]
pub(super) fn set_error(error: Option<rustix::io::Errno>) {
    if let Some(e) = error {
        crate::thread::tcb::set_errno(e.raw_os_error());
    }
}

/// Stores `value` at `p` unless `p` is null (a null out-pointer is ignored, not a crash).
///
/// # Safety
/// `p` null or valid for a write.
#[inline]
unsafe fn store<T>(p: *mut T, value: T) {
    if !p.is_null() {
        // SAFETY: non-null, and the caller's contract makes it writable.
        unsafe { p.write(value) }
    }
}

/// Defines `$d(f64…) -> f64` and `$f(f32…) -> f32` from the `libm` functions of the same
/// names, with `errno` set by the rule; `$zero` says whether a zero result is an underflow.
macro_rules! checked {
    ($($(#[$doc:meta])* $d:ident, $f:ident($($a:ident),+) $zero:ident;)*) => {$(
        $(#[$doc])*
        #[unsafe(no_mangle)]
        pub extern "C" fn $d($($a: f64),+) -> f64 {
            report(&[$($a),+], libm::$d($($a),+), Zero::$zero)
        }
        $(#[$doc])*
        #[unsafe(no_mangle)]
        pub extern "C" fn $f($($a: f32),+) -> f32 {
            report(&[$($a),+], libm::$f($($a),+), Zero::$zero)
        }
    )*};
}

/// Defines `$d` and `$f` as `$dv` and `$fv` (paths to functions of the same arguments),
/// which report no errors.
macro_rules! exact {
    ($($(#[$doc:meta])* $d:ident = $dv:path, $f:ident = $fv:path; ($($a:ident),+) -> $dr:ty, $fr:ty;)*) => {$(
        $(#[$doc])*
        #[unsafe(no_mangle)]
        pub extern "C" fn $d($($a: f64),+) -> $dr {
            $dv($($a),+)
        }
        $(#[$doc])*
        #[unsafe(no_mangle)]
        pub extern "C" fn $f($($a: f32),+) -> $fr {
            $fv($($a),+)
        }
    )*};
}

checked! {
    /// [`acos`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/acos.html)
    acos, acosf(x) MayBeExact;
    /// [`asin`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/asin.html)
    asin, asinf(x) MayBeExact;
    /// [`atan`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/atan.html)
    atan, atanf(x) MayBeExact;
    /// [`atan2`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/atan2.html)
    atan2, atan2f(y, x) Underflow;
    /// [`cos`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/cos.html)
    cos, cosf(x) MayBeExact;
    /// [`sin`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/sin.html)
    sin, sinf(x) MayBeExact;
    /// [`tan`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/tan.html)
    tan, tanf(x) MayBeExact;
    /// [`acosh`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/acosh.html)
    acosh, acoshf(x) MayBeExact;
    /// [`asinh`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/asinh.html)
    asinh, asinhf(x) MayBeExact;
    /// [`atanh`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/atanh.html)
    atanh, atanhf(x) MayBeExact;
    /// [`cosh`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/cosh.html)
    cosh, coshf(x) MayBeExact;
    /// [`sinh`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/sinh.html)
    sinh, sinhf(x) MayBeExact;
    /// [`tanh`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/tanh.html)
    tanh, tanhf(x) MayBeExact;
    /// [`exp`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/exp.html)
    exp, expf(x) Underflow;
    /// [`exp2`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/exp2.html)
    exp2, exp2f(x) Underflow;
    /// `exp10`: 10 to the power `x` (GNU).
    exp10, exp10f(x) Underflow;
    /// [`expm1`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/expm1.html)
    expm1, expm1f(x) MayBeExact;
    /// [`log`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/log.html)
    log, logf(x) MayBeExact;
    /// [`log2`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/log2.html)
    log2, log2f(x) MayBeExact;
    /// [`log10`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/log10.html)
    log10, log10f(x) MayBeExact;
    /// [`log1p`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/log1p.html)
    log1p, log1pf(x) MayBeExact;
    /// [`pow`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pow.html)
    pow, powf(x, y) Underflow;
    /// [`sqrt`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/sqrt.html)
    sqrt, sqrtf(x) MayBeExact;
    /// [`cbrt`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/cbrt.html)
    cbrt, cbrtf(x) MayBeExact;
    /// [`hypot`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/hypot.html)
    hypot, hypotf(x, y) MayBeExact;
    /// [`erf`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/erf.html)
    erf, erff(x) MayBeExact;
    /// [`erfc`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/erfc.html)
    erfc, erfcf(x) Underflow;
    /// [`tgamma`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/tgamma.html)
    tgamma, tgammaf(x) Underflow;
    /// [`fmod`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/fmod.html)
    fmod, fmodf(x, y) MayBeExact;
    /// [`remainder`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/remainder.html)
    remainder, remainderf(x, y) MayBeExact;
    /// [`fdim`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/fdim.html)
    fdim, fdimf(x, y) MayBeExact;
    /// [`j0`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/j0.html)
    j0, j0f(x) MayBeExact;
    /// [`j1`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/j1.html)
    j1, j1f(x) MayBeExact;
    /// [`y0`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/y0.html)
    y0, y0f(x) MayBeExact;
    /// [`y1`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/y1.html)
    y1, y1f(x) MayBeExact;
}

exact! {
    /// [`fabs`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/fabs.html)
    fabs = libm::fabs, fabsf = libm::fabsf; (x) -> f64, f32;
    /// [`floor`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/floor.html)
    floor = libm::floor, floorf = libm::floorf; (x) -> f64, f32;
    /// [`ceil`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/ceil.html)
    ceil = libm::ceil, ceilf = libm::ceilf; (x) -> f64, f32;
    /// [`trunc`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/trunc.html)
    trunc = libm::trunc, truncf = libm::truncf; (x) -> f64, f32;
    /// [`round`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/round.html)
    round = round::round, roundf = round::roundf; (x) -> f64, f32;
    /// `roundeven`: halfway cases to even, whatever the rounding mode (C23).
    roundeven = round::roundeven, roundevenf = round::roundevenf; (x) -> f64, f32;
    /// [`rint`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/rint.html):
    /// in the current rounding mode.
    rint = round::rint, rintf = round::rintf; (x) -> f64, f32;
    /// [`nearbyint`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/nearbyint.html)
    nearbyint = round::nearbyint, nearbyintf = round::nearbyintf; (x) -> f64, f32;
    /// [`lrint`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/lrint.html):
    /// `LONG_MIN` and invalid when out of range (no `errno`, as glibc).
    lrint = round::lrint, lrintf = round::lrintf; (x) -> c_long, c_long;
    /// [`llrint`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/llrint.html)
    llrint = round::lrint, llrintf = round::lrintf; (x) -> i64, i64;
    /// [`lround`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/lround.html):
    /// `LONG_MIN` and invalid when out of range (no `errno`, as glibc).
    lround = round::lround, lroundf = round::lroundf; (x) -> c_long, c_long;
    /// [`llround`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/llround.html)
    llround = round::lround, llroundf = round::lroundf; (x) -> i64, i64;
    /// [`logb`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/logb.html):
    /// `-inf` and divide-by-zero for 0, without `errno` (as glibc).
    logb = round::logb, logbf = round::logbf; (x) -> f64, f32;
    /// [`copysign`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/copysign.html)
    copysign = libm::copysign, copysignf = libm::copysignf; (x, y) -> f64, f32;
    /// [`fmax`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/fmax.html)
    fmax = round::fmax, fmaxf = round::fmaxf; (x, y) -> f64, f32;
    /// [`fmin`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/fmin.html)
    fmin = round::fmin, fminf = round::fminf; (x, y) -> f64, f32;
    /// [`fma`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/fma.html):
    /// one rounding; no `errno` (as glibc).
    fma = libm::fma, fmaf = libm::fmaf; (x, y, z) -> f64, f32;
}

/// Defines the functions of a float and an `int`-like scale (`ldexp`, `scalbn`, `scalbln`),
/// whose zero result from a nonzero `x` is an underflow.
macro_rules! scaled {
    ($($(#[$doc:meta])* $d:ident, $f:ident($n:ty) = $dv:path, $fv:path;)*) => {$(
        $(#[$doc])*
        #[unsafe(no_mangle)]
        pub extern "C" fn $d(x: f64, n: $n) -> f64 {
            report(&[x], $dv(x, clamp(n)), Zero::Underflow)
        }
        $(#[$doc])*
        #[unsafe(no_mangle)]
        pub extern "C" fn $f(x: f32, n: $n) -> f32 {
            report(&[x], $fv(x, clamp(n)), Zero::Underflow)
        }
    )*};
}

/// A scale clamped to `int`: past ±2^31 every finite nonzero result has already overflowed
/// or underflowed.
#[inline]
fn clamp(n: impl Into<i64>) -> i32 {
    n.into().clamp(i32::MIN as i64, i32::MAX as i64) as i32
}

scaled! {
    /// [`ldexp`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/ldexp.html)
    ldexp, ldexpf(c_int) = libm::scalbn, libm::scalbnf;
    /// [`scalbn`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/scalbn.html)
    scalbn, scalbnf(c_int) = libm::scalbn, libm::scalbnf;
    /// [`scalbln`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/scalbln.html)
    scalbln, scalblnf(c_long) = libm::scalbn, libm::scalbnf;
}

/// [`jn`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/jn.html)
#[unsafe(no_mangle)]
pub extern "C" fn jn(n: c_int, x: f64) -> f64 {
    report(&[x], libm::jn(n, x), Zero::Underflow)
}

/// [`jnf`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/jn.html)
#[unsafe(no_mangle)]
pub extern "C" fn jnf(n: c_int, x: f32) -> f32 {
    report(&[x], libm::jnf(n, x), Zero::Underflow)
}

/// [`yn`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/yn.html)
#[unsafe(no_mangle)]
pub extern "C" fn yn(n: c_int, x: f64) -> f64 {
    report(&[x], libm::yn(n, x), Zero::MayBeExact)
}

/// [`ynf`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/yn.html)
#[unsafe(no_mangle)]
pub extern "C" fn ynf(n: c_int, x: f32) -> f32 {
    report(&[x], libm::ynf(n, x), Zero::MayBeExact)
}

/// `ilogb`'s domain error: `errno` and invalid.
#[inline]
fn ilogb_report(error: Option<rustix::io::Errno>) {
    if error.is_some() {
        fenv::raise(0x01);
        set_error(error);
    }
}

/// [`ilogb`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/ilogb.html):
/// `FP_ILOGB0`/`FP_ILOGBNAN` (`INT_MIN`) or `INT_MAX` with `EDOM` and invalid for 0, NaN and
/// infinities.
#[unsafe(no_mangle)]
pub extern "C" fn ilogb(x: f64) -> c_int {
    ilogb_report(errors::ilogb_error(x));
    libm::ilogb(x)
}

/// [`ilogbf`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/ilogb.html)
#[unsafe(no_mangle)]
pub extern "C" fn ilogbf(x: f32) -> c_int {
    ilogb_report(errors::ilogb_error(x));
    libm::ilogbf(x)
}

/// [`nextafter`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/nextafter.html)
#[unsafe(no_mangle)]
pub extern "C" fn nextafter(x: f64, y: f64) -> f64 {
    let r = libm::nextafter(x, y);
    set_error(errors::next_error(x, y, r));
    r
}

/// [`nextafterf`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/nextafter.html)
#[unsafe(no_mangle)]
pub extern "C" fn nextafterf(x: f32, y: f32) -> f32 {
    let r = libm::nextafterf(x, y);
    set_error(errors::next_error(x, y, r));
    r
}

/// [`frexp`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/frexp.html)
///
/// # Safety
/// `exp` null or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn frexp(x: f64, exp: *mut c_int) -> f64 {
    let (m, e) = libm::frexp(x);
    // SAFETY: the caller's contract.
    unsafe { store(exp, e) };
    m
}

/// [`frexpf`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/frexp.html)
///
/// # Safety
/// `exp` null or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn frexpf(x: f32, exp: *mut c_int) -> f32 {
    let (m, e) = libm::frexpf(x);
    // SAFETY: the caller's contract.
    unsafe { store(exp, e) };
    m
}

/// [`modf`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/modf.html)
///
/// # Safety
/// `iptr` null or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn modf(x: f64, iptr: *mut f64) -> f64 {
    let (fraction, integral) = libm::modf(x);
    // SAFETY: the caller's contract.
    unsafe { store(iptr, integral) };
    fraction
}

/// [`modff`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/modf.html)
///
/// # Safety
/// `iptr` null or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn modff(x: f32, iptr: *mut f32) -> f32 {
    let (fraction, integral) = libm::modff(x);
    // SAFETY: the caller's contract.
    unsafe { store(iptr, integral) };
    fraction
}

/// [`remquo`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/remquo.html):
/// the low bits of the quotient with its sign; no `errno` (as glibc).
///
/// # Safety
/// `quo` null or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn remquo(x: f64, y: f64, quo: *mut c_int) -> f64 {
    let (r, q) = libm::remquo(x, y);
    // SAFETY: the caller's contract.
    unsafe { store(quo, q) };
    r
}

/// [`remquof`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/remquo.html)
///
/// # Safety
/// `quo` null or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn remquof(x: f32, y: f32, quo: *mut c_int) -> f32 {
    let (r, q) = libm::remquof(x, y);
    // SAFETY: the caller's contract.
    unsafe { store(quo, q) };
    r
}

/// `signgam`: the sign of Γ(x) from the last `lgamma`, `lgammaf` or `gamma` call.
#[unsafe(no_mangle)]
pub static mut signgam: c_int = 0;

/// [`lgamma`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/lgamma.html):
/// also sets `signgam`.
#[unsafe(no_mangle)]
pub extern "C" fn lgamma(x: f64) -> f64 {
    let (r, sign) = libm::lgamma_r(x);
    // SAFETY: `signgam` is a plain C global, written unsynchronised as in every C library.
    unsafe { (&raw mut signgam).write(sign) };
    report(&[x], r, Zero::MayBeExact)
}

/// [`lgammaf`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/lgamma.html)
#[unsafe(no_mangle)]
pub extern "C" fn lgammaf(x: f32) -> f32 {
    let (r, sign) = libm::lgammaf_r(x);
    // SAFETY: as in `lgamma`.
    unsafe { (&raw mut signgam).write(sign) };
    report(&[x], r, Zero::MayBeExact)
}

/// `gamma`: the old name of `lgamma` (BSD, still in glibc).
#[unsafe(no_mangle)]
pub extern "C" fn gamma(x: f64) -> f64 {
    lgamma(x)
}

/// `gammaf`: the old name of `lgammaf`.
#[unsafe(no_mangle)]
pub extern "C" fn gammaf(x: f32) -> f32 {
    lgammaf(x)
}

/// `lgamma_r`: `lgamma` with the sign stored at `sign` instead of `signgam` (POSIX-style
/// reentrant form, in glibc).
///
/// # Safety
/// `sign` null or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lgamma_r(x: f64, sign: *mut c_int) -> f64 {
    let (r, s) = libm::lgamma_r(x);
    // SAFETY: the caller's contract.
    unsafe { store(sign, s) };
    report(&[x], r, Zero::MayBeExact)
}

/// `lgammaf_r`
///
/// # Safety
/// `sign` null or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lgammaf_r(x: f32, sign: *mut c_int) -> f32 {
    let (r, s) = libm::lgammaf_r(x);
    // SAFETY: the caller's contract.
    unsafe { store(sign, s) };
    report(&[x], r, Zero::MayBeExact)
}

/// `sincos`: the sine and the cosine at once (GNU).
///
/// # Safety
/// `s` and `c` null or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sincos(x: f64, s: *mut f64, c: *mut f64) {
    let (sin, cos) = libm::sincos(x);
    report(&[x], sin, Zero::MayBeExact);
    // SAFETY: the caller's contract.
    unsafe {
        store(s, sin);
        store(c, cos);
    }
}

/// `sincosf` (GNU)
///
/// # Safety
/// `s` and `c` null or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sincosf(x: f32, s: *mut f32, c: *mut f32) {
    let (sin, cos) = libm::sincosf(x);
    report(&[x], sin, Zero::MayBeExact);
    // SAFETY: the caller's contract.
    unsafe {
        store(s, sin);
        store(c, cos);
    }
}

/// `drem`: the old name of `remainder` (BSD, still in glibc).
#[unsafe(no_mangle)]
pub extern "C" fn drem(x: f64, y: f64) -> f64 {
    remainder(x, y)
}

/// `dremf`: the old name of `remainderf`.
#[unsafe(no_mangle)]
pub extern "C" fn dremf(x: f32, y: f32) -> f32 {
    remainderf(x, y)
}

/// The bytes of `nan`'s argument (none for a null pointer).
///
/// # Safety
/// `tag` null or NUL-terminated.
unsafe fn tag<'a>(tag: *const c_char) -> &'a [u8] {
    if tag.is_null() {
        return &[];
    }
    // SAFETY: non-null and, by the caller's contract, NUL-terminated.
    unsafe { core::ffi::CStr::from_ptr(tag) }.to_bytes()
}

/// [`nan`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/nan.html): a quiet
/// NaN, with `tagp`'s number as its payload (as `strtod("NAN(tagp)")`).
///
/// # Safety
/// `tagp` null or NUL-terminated.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn nan(tagp: *const c_char) -> f64 {
    // SAFETY: the caller's contract.
    round::nan(unsafe { tag(tagp) })
}

/// [`nanf`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/nan.html)
///
/// # Safety
/// `tagp` null or NUL-terminated.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn nanf(tagp: *const c_char) -> f32 {
    // SAFETY: the caller's contract.
    round::nanf(unsafe { tag(tagp) })
}
