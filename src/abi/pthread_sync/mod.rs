//! `<pthread.h>` and `<threads.h>` synchronisation objects: mutexes, condition variables,
//! read-write locks, once, spin locks and barriers, and the C11 `mtx_*`/`cnd_*`/`call_once`.
//!
//! These functions return an error number rather than setting `errno`. A null object pointer
//! is `EINVAL` (glibc would crash).

mod cond;
mod barrier;
pub(super) mod c11;
mod mutex;
mod once;
mod rwlock;
mod spin;

use rustix::io::Errno;

/// The C convention of the pthread family: 0, or the error number.
#[inline(always)]
fn code(result: Result<(), Errno>) -> core::ffi::c_int {
    match result {
        Ok(()) => 0,
        Err(e) => e.raw_os_error(),
    }
}

/// The object behind a C pointer: the core type `T` has the C type `C`'s size and layout
/// (each core module asserts it).
///
/// # Safety
/// `p` must be null or point to a live object of type `C` for `'a`.
#[inline(always)]
unsafe fn object<'a, C, T>(p: *mut C) -> Result<&'a T, Errno> {
    // SAFETY: non-null pointers are live objects per the contract, and `T` is `C`'s layout.
    unsafe { p.cast::<T>().as_ref() }.ok_or(Errno::INVAL)
}

/// Writes `value` through an out-pointer: `EINVAL` when it is null.
///
/// # Safety
/// `out` must be null or writable.
#[inline]
unsafe fn put<T>(out: *mut T, value: T) -> Result<(), Errno> {
    if out.is_null() {
        return Err(Errno::INVAL);
    }
    // SAFETY: non-null and writable per the contract.
    unsafe { out.write(value) };
    Ok(())
}

/// The attribute object behind a C pointer, for writing.
///
/// # Safety
/// As [`object`], and nothing else may access the object during the call.
#[inline(always)]
unsafe fn attr_mut<'a, C, T>(p: *mut C) -> Result<&'a mut T, Errno> {
    // SAFETY: per the contract.
    unsafe { p.cast::<T>().as_mut() }.ok_or(Errno::INVAL)
}
