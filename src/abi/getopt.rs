//! `<unistd.h>`/`<getopt.h>`: `getopt`, `getopt_long`, `getopt_long_only` and their
//! variables. The variables are C objects the program reads and writes; each call copies
//! them into the core's `Globals` and back.

use crate::stdlib::getopt::{self, Call, Globals, LongOption};
use core::ffi::{CStr, c_char, c_int};

/// The argument of the option just returned, or null.
#[unsafe(no_mangle)]
pub static mut optarg: *mut c_char = core::ptr::null_mut();
/// The index of the next argument to parse; 0 restarts parsing.
#[unsafe(no_mangle)]
pub static mut optind: c_int = 1;
/// Nonzero: print error messages.
#[unsafe(no_mangle)]
pub static mut opterr: c_int = 1;
/// The option character that caused the last error.
#[unsafe(no_mangle)]
pub static mut optopt: c_int = 0;

/// Runs one step with the C variables.
///
/// # Safety
/// As `getopt_long`; not concurrently with itself.
unsafe fn step(argc: c_int, argv: *const *mut c_char, optstring: *const c_char, longopts: *const LongOption, longind: *mut c_int, long_only: bool, posix: bool) -> c_int {
    if argv.is_null() || optstring.is_null() {
        return -1;
    }
    // SAFETY: the variables are only touched by the program's own thread around getopt
    // calls (getopt is not thread-safe), so these plain reads and writes do not race.
    unsafe {
        let mut g = Globals { optind, opterr, optopt, optarg };
        let optstring = CStr::from_ptr(optstring).to_bytes();
        let call = Call { argc, argv: argv.cast_mut(), optstring, longopts, longind, long_only, posix };
        let r = getopt::getopt(&mut g, &call);
        optind = g.optind;
        optopt = g.optopt;
        optarg = g.optarg;
        r
    }
}

/// [`getopt`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/getopt.html),
/// GNU style (permuting, unless `+`, `POSIXLY_CORRECT`).
///
/// # Safety
/// `argv` holds `argc` strings; `optstring` NUL-terminated.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn getopt(argc: c_int, argv: *const *mut c_char, optstring: *const c_char) -> c_int {
    // SAFETY: the caller's contract.
    unsafe { step(argc, argv, optstring, core::ptr::null(), core::ptr::null_mut(), false, false) }
}

/// `__posix_getopt`: `getopt` that stops at the first non-option (what glibc's headers call
/// for strict POSIX programs).
///
/// # Safety
/// As `getopt`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __posix_getopt(argc: c_int, argv: *const *mut c_char, optstring: *const c_char) -> c_int {
    // SAFETY: the caller's contract.
    unsafe { step(argc, argv, optstring, core::ptr::null(), core::ptr::null_mut(), false, true) }
}

/// `getopt_long` (GNU): `--name`, `--name=value`, unambiguous abbreviations.
///
/// # Safety
/// As `getopt`; `longopts` an array ending with a zero entry; `longind` null or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn getopt_long(argc: c_int, argv: *const *mut c_char, optstring: *const c_char, longopts: *const LongOption, longind: *mut c_int) -> c_int {
    // SAFETY: the caller's contract.
    unsafe { step(argc, argv, optstring, longopts, longind, false, false) }
}

/// `getopt_long_only` (GNU): long options may also start with a single `-`.
///
/// # Safety
/// As `getopt_long`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn getopt_long_only(argc: c_int, argv: *const *mut c_char, optstring: *const c_char, longopts: *const LongOption, longind: *mut c_int) -> c_int {
    // SAFETY: the caller's contract.
    unsafe { step(argc, argv, optstring, longopts, longind, true, false) }
}
