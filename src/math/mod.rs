//! `<math.h>` and `<fenv.h>`: what the `libm` crate (Rust's port of musl's libm) does not do.
//!
//! The crate computes the `double` and `float` functions; this module adds glibc's `errno`
//! reports (`errors`), rounding in the current rounding mode and the other functions the
//! crate leaves out or orders differently (`round`), classification (`class`) and the
//! floating-point environment (`fenv`), and the `long double` functions that are exact on
//! the x87 format (`long`).

pub mod class;
pub mod errors;
pub mod fenv;
pub mod long;
pub mod round;
