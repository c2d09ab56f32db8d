//! `<errno.h>`.

use core::ffi::c_int;

/// The address of the calling thread's `errno`; glibc's `errno` macro expands to a call.
/// [LSB](https://refspecs.linuxfoundation.org/LSB_5.0.0/LSB-Core-generic/LSB-Core-generic/baselib---errno-location.html)
#[unsafe(no_mangle)]
pub extern "C" fn __errno_location() -> *mut c_int {
    crate::thread::tcb::errno_location()
}
