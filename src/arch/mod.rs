//! Every line of assembly in the library lives below this module, one file per architecture.

mod varargs;
mod x86_64;

#[cfg(feature = "c-abi")]
pub(crate) use varargs::c_variadic;
pub use varargs::{VaList, VaListTag};
pub use x86_64::*;
#[cfg(feature = "c-abi")]
pub(crate) use x86_64::{c_long_double, c_long_double_arg};
