//! `<string.h>`: memory and string functions.

pub mod mem;
