//! Every line of assembly in the library lives below this module, one file per architecture.

mod x86_64;

pub use x86_64::*;
