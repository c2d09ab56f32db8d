//! `<stdlib.h>`: process end and the environment.

use crate::exit::{self, AT_EXIT, AT_QUICK_EXIT, handlers::Handler};
use core::ffi::{CStr, c_char, c_int, c_void};

/// [`exit`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/exit.html)
#[unsafe(no_mangle)]
pub extern "C" fn exit(status: c_int) -> ! {
    exit::exit(status)
}

/// [`_Exit`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/_Exit.html)
#[unsafe(no_mangle)]
pub extern "C" fn _Exit(status: c_int) -> ! {
    exit::exit_now(status)
}

/// [`quick_exit`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/quick_exit.html)
#[unsafe(no_mangle)]
pub extern "C" fn quick_exit(status: c_int) -> ! {
    exit::quick_exit(status)
}

/// [`abort`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/abort.html)
#[unsafe(no_mangle)]
pub extern "C" fn abort() -> ! {
    exit::abort::abort()
}

/// [`atexit`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/atexit.html):
/// 0, or nonzero when there is no memory for the handler.
#[unsafe(no_mangle)]
pub extern "C" fn atexit(f: Option<unsafe extern "C" fn()>) -> c_int {
    match f {
        Some(f) => AT_EXIT.push(Handler::Plain(f)).map_or(-1, |()| 0),
        None => -1,
    }
}

/// `__cxa_atexit(f, arg, dso)`, the Itanium C++ ABI's registration (also what glibc's
/// `atexit` wrapper calls): 0, or -1 when there is no memory.
#[unsafe(no_mangle)]
pub extern "C" fn __cxa_atexit(f: Option<unsafe extern "C" fn(*mut c_void)>, arg: *mut c_void, dso: *mut c_void) -> c_int {
    match f {
        Some(f) => AT_EXIT.push(Handler::WithArg(f, arg, dso)).map_or(-1, |()| 0),
        None => -1,
    }
}

/// `__cxa_finalize(dso)`: runs, newest first, the `__cxa_atexit` handlers registered with
/// `dso` (every handler when `dso` is null); each runs once.
#[unsafe(no_mangle)]
pub extern "C" fn __cxa_finalize(dso: *mut c_void) {
    AT_EXIT.run_dso(dso)
}

/// [`at_quick_exit`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/at_quick_exit.html)
#[unsafe(no_mangle)]
pub extern "C" fn at_quick_exit(f: Option<unsafe extern "C" fn()>) -> c_int {
    match f {
        Some(f) => AT_QUICK_EXIT.push(Handler::Plain(f)).map_or(-1, |()| 0),
        None => -1,
    }
}

/// `__cxa_at_quick_exit(f, dso)`, glibc's registration behind `at_quick_exit`.
#[unsafe(no_mangle)]
pub extern "C" fn __cxa_at_quick_exit(f: Option<unsafe extern "C" fn()>, _dso: *mut c_void) -> c_int {
    at_quick_exit(f)
}

/// [`getenv`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/getenv.html)
///
/// # Safety
/// `name` must be null or a NUL-terminated string.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn getenv(name: *const c_char) -> *mut c_char {
    if name.is_null() {
        return core::ptr::null_mut();
    }
    // SAFETY: non-null and NUL-terminated per the contract.
    crate::env::getenv(unsafe { CStr::from_ptr(name) }.to_bytes())
}
