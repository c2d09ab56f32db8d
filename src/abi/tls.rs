//! The thread-local storage runtime the compilers' output calls: `__tls_get_addr` and
//! `__cxa_thread_atexit_impl`.

use crate::io::diag;
use crate::thread::tls::{self, TlsIndex};
use crate::thread::tls_dtors;
use core::ffi::{c_int, c_void};

/// `__tls_get_addr` ([x86_64 TLS ABI](https://www.akkadia.org/drepper/tls.pdf)): the calling
/// thread's address of a general-dynamic TLS variable.
///
/// # Safety
/// `index` must point at a TLS index the linker made: two words, module and offset.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __tls_get_addr(index: *const usize) -> *mut c_void {
    // SAFETY: per the contract, two words laid out as `TlsIndex`.
    match tls::address(unsafe { &*index.cast::<TlsIndex>() }) {
        Some(p) => p.cast(),
        None => {
            diag::write_stderr(&[b"rustcrt: __tls_get_addr: no such TLS module in a static program\n"]);
            crate::exit::abort::abort()
        }
    }
}

/// `__cxa_thread_atexit_impl(f, obj, dso)`: runs `f(obj)` when the calling thread ends (or
/// calls `exit`), newest first, before its key destructors. -1 when there is no memory.
#[unsafe(no_mangle)]
pub extern "C" fn __cxa_thread_atexit_impl(f: Option<unsafe extern "C" fn(*mut c_void)>, obj: *mut c_void, _dso: *mut c_void) -> c_int {
    match f {
        Some(f) => tls_dtors::register(f, obj).map_or(-1, |()| 0),
        None => -1,
    }
}
