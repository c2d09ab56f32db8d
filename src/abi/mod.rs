//! The C ABI: `extern "C"` shims, one file per C header family.
//!
//! A shim converts arguments (raw pointers checked here, at the seam) and turns the core's
//! `Result<_, Errno>` into the C convention; it holds no logic of its own. Built only with the
//! `c-abi` feature, so that `cargo test` binaries keep glibc's symbols.

mod assert;
mod auxv;
mod complex;
mod ctype;
mod dirent;
mod err;
mod errno;
mod exec;
mod fcntl;
mod fenv;
mod fortify;
mod fortify_io;
mod fortify_wide;
mod fprintf;
mod fscanf;
mod getopt;
mod ioctl;
mod locale;
mod malloc;
mod math;
mod math_class;
mod math_long;
mod mman;
mod panic;
mod poll;
mod popen;
mod printf;
mod pthread;
mod pthread_attr;
mod pthread_cancel;
mod pthread_key;
mod pthread_sched;
mod pthread_signal;
mod pthread_sync;
mod resource;
mod scanf;
mod sched;
mod semaphore;
mod spawn;
mod setjmp;
mod signal;
mod signal_timer;
mod ssp;
mod stat;
mod statfs;
mod stdio;
mod stdio_chk;
mod stdlib;
mod stdlib_util;
mod string;
mod strerror;
mod strings;
mod threads;
mod time;
mod tls;
mod uio;
mod unistd;
mod unistd_fs;
mod unistd_ids;
mod unistd_sys;
mod utsname;
mod wait;
mod wchar;
mod wctype;

use rustix::io::Errno;

/// Results in C's "value, or a failure value with `errno` set" convention.
trait OrErrno<T> {
    /// The success value, or `failed` with `errno` set to the error.
    fn or_errno(self, failed: T) -> T;
}

impl<T> OrErrno<T> for Result<T, Errno> {
    #[inline]
    fn or_errno(self, failed: T) -> T {
        match self {
            Ok(value) => value,
            Err(e) => {
                crate::thread::tcb::set_errno(e.raw_os_error());
                failed
            }
        }
    }
}
