//! `<pthread.h>`: thread-specific data keys.

use crate::thread::keys;
use core::ffi::{c_int, c_void};
use libc::pthread_key_t;

/// [`pthread_key_create`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_key_create.html):
/// `EAGAIN` when all 1024 keys are in use.
///
/// # Safety
/// `key` writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_key_create(key: *mut pthread_key_t, destructor: Option<unsafe extern "C" fn(*mut c_void)>) -> c_int {
    match keys::create(destructor) {
        Ok(k) => {
            // SAFETY: writable per the contract.
            unsafe { key.write(k) };
            0
        }
        Err(e) => e.raw_os_error(),
    }
}

/// `__pthread_key_create`: the same function under glibc's internal name, which libgcc and
/// libstdc++ test (by its address) to decide whether the program may be multi-threaded.
///
/// # Safety
/// As for `pthread_key_create`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __pthread_key_create(key: *mut pthread_key_t, destructor: Option<unsafe extern "C" fn(*mut c_void)>) -> c_int {
    // SAFETY: per the contract.
    unsafe { pthread_key_create(key, destructor) }
}

/// [`pthread_key_delete`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_key_delete.html):
/// `EINVAL` for a key not in use. Destructors of its values do not run.
#[unsafe(no_mangle)]
pub extern "C" fn pthread_key_delete(key: pthread_key_t) -> c_int {
    keys::delete(key).err().map_or(0, |e| e.raw_os_error())
}

/// [`pthread_getspecific`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_getspecific.html)
#[unsafe(no_mangle)]
pub extern "C" fn pthread_getspecific(key: pthread_key_t) -> *mut c_void {
    keys::get(key)
}

/// [`pthread_setspecific`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_setspecific.html):
/// `EINVAL` for a key not in use.
#[unsafe(no_mangle)]
pub extern "C" fn pthread_setspecific(key: pthread_key_t, value: *const c_void) -> c_int {
    keys::set(key, value.cast_mut()).err().map_or(0, |e| e.raw_os_error())
}
