//! `<sys/auxv.h>`.

use core::ffi::c_ulong;

/// [`getauxval`](https://man7.org/linux/man-pages/man3/getauxval.3.html): the value of an
/// auxiliary-vector entry; 0 with `errno` `ENOENT` when the kernel supplied none.
#[unsafe(no_mangle)]
pub extern "C" fn getauxval(kind: c_ulong) -> c_ulong {
    match crate::start::auxv::getauxval(kind as usize) {
        Some(value) => value as c_ulong,
        None => {
            crate::thread::tcb::set_errno(libc::ENOENT);
            0
        }
    }
}
