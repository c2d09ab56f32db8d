//! rustcrt: a C runtime library for x86_64 Linux.
//!
//! C programs compiled against glibc's headers link this library instead of glibc. The crate
//! is layered (see `DESIGN.md`): the `abi` module holds the `extern "C"` shims, one file per C
//! header family; everything else is the core, with safe APIs and documented `unsafe` inside;
//! `arch` holds every line of assembly; rustix makes every syscall.
//!
//! Without the `c-abi` feature (as `cargo test` builds it) the core links against std and
//! exports nothing, so tests run in an ordinary glibc process. The `preload` feature builds
//! the part that can serve a glibc-started process (`preload` module).
#![no_std]
#![deny(unsafe_op_in_unsafe_fn, clippy::undocumented_unsafe_blocks)]

#[cfg(all(feature = "c-abi", feature = "preload"))]
compile_error!("features `c-abi` and `preload` are two different builds");

#[cfg(not(any(feature = "c-abi", feature = "preload")))]
extern crate std;

/// rustix's API for libc implementations (process exit, `%fs`, raw signal calls). rustix keeps
/// it under a versioned name because it is experimental; Cargo.toml pins that version.
pub(crate) use rustix::runtime_448b8ad740e2a26f as kernel;

#[cfg(any(feature = "c-abi", feature = "preload"))]
mod abi;
pub mod alloc;
pub mod arch;
pub mod ctype;
pub mod env;
pub mod exit;
pub mod fmt;
pub mod fs;
pub mod io;
pub mod linux;
pub mod locale;
pub mod math;
pub mod mm;
pub mod net;
pub mod pattern;
/// The preload build's glue to glibc; nothing C links against (hence not in the header).
///
/// cbindgen:ignore
#[cfg(feature = "preload")]
mod preload;
pub mod process;
pub mod signal;
pub mod start;
pub mod stdio;
pub mod stdlib;
pub mod string;
pub mod sync;
pub mod system;
pub mod thread;
pub mod time;
pub mod tty;
pub mod users;
