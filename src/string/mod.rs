//! `<string.h>` and `<strings.h>`: memory and string functions.

pub mod compare;
pub mod cpu;
pub mod mem;
pub mod scan;
pub mod search;
pub mod copy;
pub mod token;
mod vector;
mod error_texts;
pub mod message;
mod signal_texts;
pub mod fortify;
pub mod version;
pub mod dup;
pub mod wide;
