//! The C ABI: `extern "C"` shims, one file per C header family.
//!
//! A shim converts arguments (raw pointers checked here, at the seam) and turns the core's
//! `Result<_, Errno>` into the C convention; it holds no logic of its own. Built only with the
//! `c-abi` feature, so that `cargo test` binaries keep glibc's symbols, and, the families not
//! marked `c-abi` here, with `preload` (see `crate::preload`).

#[cfg(feature = "c-abi")]
mod assert;
#[cfg(feature = "c-abi")]
mod auxv;
#[cfg(feature = "c-abi")]
mod complex;
#[cfg(feature = "c-abi")]
mod ctype;
#[cfg(feature = "c-abi")]
mod dirent;
#[cfg(feature = "c-abi")]
mod err;
#[cfg(feature = "c-abi")]
mod errno;
#[cfg(feature = "c-abi")]
mod exec;
#[cfg(feature = "c-abi")]
mod fcntl;
mod fenv;
mod fortify;
#[cfg(feature = "c-abi")]
mod fnmatch;
#[cfg(feature = "c-abi")]
mod fortify_io;
#[cfg(feature = "c-abi")]
mod fortify_wide;
#[cfg(feature = "c-abi")]
mod fprintf;
#[cfg(feature = "c-abi")]
mod fscanf;
#[cfg(feature = "c-abi")]
mod getopt;
#[cfg(feature = "c-abi")]
mod glob;
#[cfg(feature = "c-abi")]
mod grp;
#[cfg(feature = "c-abi")]
mod inet;
#[cfg(feature = "c-abi")]
mod ioctl;
#[cfg(feature = "c-abi")]
mod linux_epoll;
#[cfg(feature = "c-abi")]
mod linux_fd;
#[cfg(feature = "c-abi")]
mod linux_io;
#[cfg(feature = "c-abi")]
mod linux_sys;
#[cfg(feature = "c-abi")]
mod locale;
mod malloc;
#[cfg(feature = "c-abi")]
mod math;
#[cfg(feature = "c-abi")]
mod math_class;
#[cfg(feature = "c-abi")]
mod math_long;
#[cfg(feature = "c-abi")]
mod mman;
mod panic;
#[cfg(feature = "c-abi")]
mod net_if;
#[cfg(feature = "c-abi")]
mod poll;
#[cfg(feature = "c-abi")]
mod popen;
#[cfg(feature = "c-abi")]
mod printf;
#[cfg(feature = "c-abi")]
mod pty;
#[cfg(feature = "c-abi")]
mod pthread;
#[cfg(feature = "c-abi")]
mod pthread_attr;
#[cfg(feature = "c-abi")]
mod pthread_cancel;
#[cfg(feature = "c-abi")]
mod pthread_key;
#[cfg(feature = "c-abi")]
mod pthread_sched;
#[cfg(feature = "c-abi")]
mod pthread_signal;
mod pthread_sync;
#[cfg(feature = "c-abi")]
mod pwd;
#[cfg(feature = "c-abi")]
mod resource;
#[cfg(feature = "c-abi")]
mod scanf;
#[cfg(feature = "c-abi")]
mod sched;
mod semaphore;
#[cfg(feature = "c-abi")]
mod socket;
#[cfg(feature = "c-abi")]
mod spawn;
#[cfg(feature = "c-abi")]
mod setjmp;
#[cfg(feature = "c-abi")]
mod signal;
#[cfg(feature = "c-abi")]
mod signal_timer;
#[cfg(feature = "c-abi")]
mod ssp;
#[cfg(feature = "c-abi")]
mod stat;
#[cfg(feature = "c-abi")]
mod statfs;
#[cfg(feature = "c-abi")]
mod stdio;
#[cfg(feature = "c-abi")]
mod stdio_chk;
#[cfg(feature = "c-abi")]
mod stdlib;
#[cfg(feature = "c-abi")]
mod stdlib_util;
mod string;
#[cfg(feature = "c-abi")]
mod strerror;
mod strings;
#[cfg(feature = "c-abi")]
mod termios;
#[cfg(feature = "c-abi")]
mod threads;
#[cfg(feature = "c-abi")]
mod time;
#[cfg(feature = "c-abi")]
mod tls;
#[cfg(feature = "c-abi")]
mod uio;
#[cfg(feature = "c-abi")]
mod unistd;
#[cfg(feature = "c-abi")]
mod unistd_fs;
#[cfg(feature = "c-abi")]
mod unistd_ids;
#[cfg(feature = "c-abi")]
mod unistd_sys;
#[cfg(feature = "c-abi")]
mod utsname;
#[cfg(feature = "c-abi")]
mod wait;
mod wchar;
#[cfg(feature = "c-abi")]
mod wchar_width;
#[cfg(feature = "c-abi")]
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
