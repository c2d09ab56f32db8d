//! Formatted output and input: the printf engine (`printf`), and where it writes (`sink`).
//!
//! The engine formats into any [`Sink`]: a byte buffer (`snprintf`), a descriptor through a
//! small stack buffer (`dprintf`), or a `FILE` stream (stdio's `fprintf`, built on this).

pub mod text;
pub mod big;
pub mod printf;
pub mod readonly;
pub mod scanf;
pub mod sink;

pub use sink::Sink;
