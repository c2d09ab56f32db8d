//! `pthread_once`.

use super::{code, object};
use crate::sync::once::Once;
use core::ffi::c_int;
use libc::pthread_once_t;
use rustix::io::Errno;

/// [`pthread_once`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_once.html)
///
/// # Safety
/// `once` must be null or point to a `pthread_once_t`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_once(once: *mut pthread_once_t, init: Option<unsafe extern "C" fn()>) -> c_int {
    // SAFETY: per the contract.
    code(unsafe { object::<_, Once>(once) }.and_then(|once| {
        if once.is_complete() {
            return Ok(());
        }
        let init = init.ok_or(Errno::INVAL)?;
        // SAFETY: the program's initialiser, called as C calls it.
        once.call(|| unsafe { init() });
        Ok(())
    }))
}
