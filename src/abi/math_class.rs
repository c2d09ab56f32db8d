//! `<math.h>` classification: the functions that glibc's `fpclassify`, `isnan`, `isinf`,
//! `isfinite`, `signbit`, `issignaling`, `iseqsig` and `iscanonical` macros call when the
//! compiler does not expand them itself (`-fsignaling-nans`, `-std=c89`, `-fno-builtin`, or
//! always for `issignaling`, `iseqsig` and `iscanonical` with gcc 12), and the old BSD
//! functions `isnan`, `isinf`, `finite`. Their `long double` forms are in `math_long`.

use crate::math::class::{self, Class};
use core::ffi::c_int;

/// `__fpclassify`: `FP_NAN` 0, `FP_INFINITE` 1, `FP_ZERO` 2, `FP_SUBNORMAL` 3, `FP_NORMAL` 4.
#[unsafe(no_mangle)]
pub extern "C" fn __fpclassify(x: f64) -> c_int {
    class::classify(x) as c_int
}

/// `__fpclassifyf`
#[unsafe(no_mangle)]
pub extern "C" fn __fpclassifyf(x: f32) -> c_int {
    class::classifyf(x) as c_int
}

/// `__signbit`: nonzero for a negative sign bit (also of -0 and NaNs).
#[unsafe(no_mangle)]
pub extern "C" fn __signbit(x: f64) -> c_int {
    x.is_sign_negative() as c_int
}

/// `__signbitf`
#[unsafe(no_mangle)]
pub extern "C" fn __signbitf(x: f32) -> c_int {
    x.is_sign_negative() as c_int
}

/// `__isinf`: 1 for +inf, -1 for -inf, else 0.
#[unsafe(no_mangle)]
pub extern "C" fn __isinf(x: f64) -> c_int {
    if x.is_infinite() { if x < 0.0 { -1 } else { 1 } } else { 0 }
}

/// `__isinff`
#[unsafe(no_mangle)]
pub extern "C" fn __isinff(x: f32) -> c_int {
    __isinf(x as f64)
}

/// `isinf` as a function (BSD, in glibc): as `__isinf`.
#[unsafe(no_mangle)]
pub extern "C" fn isinf(x: f64) -> c_int {
    __isinf(x)
}

/// `isinff`
#[unsafe(no_mangle)]
pub extern "C" fn isinff(x: f32) -> c_int {
    __isinf(x as f64)
}

/// `__isnan`: 1 for a NaN, else 0.
#[unsafe(no_mangle)]
pub extern "C" fn __isnan(x: f64) -> c_int {
    (class::classify(x) == Class::Nan) as c_int
}

/// `__isnanf`
#[unsafe(no_mangle)]
pub extern "C" fn __isnanf(x: f32) -> c_int {
    (class::classifyf(x) == Class::Nan) as c_int
}

/// `isnan` as a function (BSD, in glibc).
#[unsafe(no_mangle)]
pub extern "C" fn isnan(x: f64) -> c_int {
    __isnan(x)
}

/// `isnanf`
#[unsafe(no_mangle)]
pub extern "C" fn isnanf(x: f32) -> c_int {
    __isnanf(x)
}

/// `__finite`: 1 for a number that is neither infinite nor NaN.
#[unsafe(no_mangle)]
pub extern "C" fn __finite(x: f64) -> c_int {
    x.is_finite() as c_int
}

/// `__finitef`
#[unsafe(no_mangle)]
pub extern "C" fn __finitef(x: f32) -> c_int {
    x.is_finite() as c_int
}

/// `finite` (BSD, in glibc)
#[unsafe(no_mangle)]
pub extern "C" fn finite(x: f64) -> c_int {
    x.is_finite() as c_int
}

/// `finitef`
#[unsafe(no_mangle)]
pub extern "C" fn finitef(x: f32) -> c_int {
    x.is_finite() as c_int
}

/// `__issignaling`: 1 for a signaling NaN.
#[unsafe(no_mangle)]
pub extern "C" fn __issignaling(x: f64) -> c_int {
    class::signaling(x) as c_int
}

/// `__issignalingf`
#[unsafe(no_mangle)]
pub extern "C" fn __issignalingf(x: f32) -> c_int {
    class::signalingf(x) as c_int
}

/// `__iseqsig`: `x == y`, except that a NaN operand raises invalid and sets `EDOM` (the
/// signaling comparison of C23's `iseqsig`).
#[unsafe(no_mangle)]
pub extern "C" fn __iseqsig(x: f64, y: f64) -> c_int {
    if x.is_nan() || y.is_nan() {
        unordered();
        return 0;
    }
    (x == y) as c_int
}

/// `__iseqsigf`
#[unsafe(no_mangle)]
pub extern "C" fn __iseqsigf(x: f32, y: f32) -> c_int {
    __iseqsig(x as f64, y as f64)
}

/// What a signaling comparison with a NaN does: invalid, and `EDOM`.
pub(super) fn unordered() {
    crate::math::fenv::raise(0x01);
    crate::thread::tcb::set_errno(rustix::io::Errno::DOM.raw_os_error());
}
