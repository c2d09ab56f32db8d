//! `<complex.h>`: the basic functions (parts, conjugate, projection, magnitude, angle) of
//! `double _Complex` and `float _Complex`. The x86_64 ABI passes and returns a `double
//! _Complex` as a `struct { double re, im; }` (in `%xmm0` and `%xmm1`) and a `float
//! _Complex` as a `struct { float re, im; }` (both in `%xmm0`), which is what these
//! `repr(C)` types are. The transcendental complex functions (`cexp`, `csqrt`, `cpow` …) are
//! not provided.

use super::math::{atan2, atan2f, hypot, hypotf};

/// `double _Complex`.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct ComplexF64 {
    re: f64,
    im: f64,
}

/// `float _Complex`.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct ComplexF32 {
    re: f32,
    im: f32,
}

/// Defines the functions of both types from one body, written over `$z` with `$t` the part
/// type and `$hypot`/`$atan2` the real functions of that type.
macro_rules! complex {
    ($($(#[$doc:meta])* $d:ident, $f:ident(|$z:ident| -> $r:ident) $body:expr;)*) => {$(
        $(#[$doc])*
        #[unsafe(no_mangle)]
        pub extern "C" fn $d($z: ComplexF64) -> complex!(@ret $r, f64, ComplexF64) {
            #[allow(unused_imports)]
            use {hypot as magnitude, atan2 as angle, ComplexF64 as Complex};
            $body
        }
        $(#[$doc])*
        #[unsafe(no_mangle)]
        pub extern "C" fn $f($z: ComplexF32) -> complex!(@ret $r, f32, ComplexF32) {
            #[allow(unused_imports)]
            use {hypotf as magnitude, atan2f as angle, ComplexF32 as Complex};
            $body
        }
    )*};
    (@ret real, $t:ty, $c:ty) => { $t };
    (@ret complex, $t:ty, $c:ty) => { $c };
}

complex! {
    /// [`creal`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/creal.html)
    creal, crealf(|z| -> real) z.re;
    /// [`cimag`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/cimag.html)
    cimag, cimagf(|z| -> real) z.im;
    /// [`conj`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/conj.html)
    conj, conjf(|z| -> complex) Complex { re: z.re, im: -z.im };
    /// [`cproj`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/cproj.html):
    /// every complex infinity (either part infinite, the other even NaN) projects to
    /// `(+inf, ±0)` with the sign of the imaginary part.
    cproj, cprojf(|z| -> complex) if z.re.is_infinite() || z.im.is_infinite() {
        Complex { re: f64::INFINITY as _, im: if z.im.is_sign_negative() { -0.0 } else { 0.0 } }
    } else {
        z
    };
    /// [`cabs`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/cabs.html):
    /// `hypot(re, im)`, with its `ERANGE` on overflow.
    cabs, cabsf(|z| -> real) magnitude(z.re, z.im);
    /// [`carg`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/carg.html):
    /// `atan2(im, re)`.
    carg, cargf(|z| -> real) angle(z.im, z.re);
}
