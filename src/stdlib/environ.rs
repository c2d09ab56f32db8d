//! Changing the environment: `setenv`, `unsetenv`, `putenv`, `clearenv`.
//!
//! The first change copies the `environ` array (at first the kernel's, on the initial
//! stack) into a block from the allocator, which later changes grow; if a program points
//! `environ` elsewhere, the next change copies that array in turn. Strings made by `setenv`
//! are never freed, even when replaced or removed: a pointer from an earlier `getenv` stays
//! valid (glibc keeps them too). `putenv` puts the caller's own string in the array. Changes
//! are serialised by one lock; `getenv` takes none (POSIX lets it race with changes).

use crate::env::{environ, set_environ};
use crate::sync::lock::RawLock;
use core::cell::UnsafeCell;
use core::ffi::{CStr, c_char};
use rustix::io::Errno;

/// The array this module allocated, and how many entries it has room for.
struct Owned {
    array: *mut *mut c_char,
    capacity: usize,
}

struct Shared {
    lock: RawLock,
    owned: UnsafeCell<Owned>,
}

// SAFETY: `owned` is only touched with `lock` held.
unsafe impl Sync for Shared {}

static SHARED: Shared = Shared { lock: RawLock::new(), owned: UnsafeCell::new(Owned { array: core::ptr::null_mut(), capacity: 0 }) };

/// A valid variable name: not empty, no `=`.
fn check_name(name: &[u8]) -> Result<(), Errno> {
    if name.is_empty() || memchr::memchr(b'=', name).is_some() { Err(Errno::INVAL) } else { Ok(()) }
}

/// The entries of the current array (without the terminating null).
///
/// # Safety
/// The lock held; `environ` null or a valid array.
unsafe fn entries<'a>() -> &'a mut [*mut c_char] {
    let env = environ();
    if env.is_null() {
        return &mut [];
    }
    let mut n = 0;
    // SAFETY: the array is null-terminated.
    while !unsafe { *env.add(n) }.is_null() {
        n += 1;
    }
    // SAFETY: `n` entries before the terminator; nobody else changes them (lock held).
    unsafe { core::slice::from_raw_parts_mut(env, n) }
}

/// Whether `entry` is `name=...`.
///
/// # Safety
/// `entry` NUL-terminated.
unsafe fn names(entry: *const c_char, name: &[u8]) -> bool {
    // SAFETY: per the contract.
    let bytes = unsafe { CStr::from_ptr(entry) }.to_bytes();
    bytes.len() > name.len() && bytes.starts_with(name) && bytes.get(name.len()) == Some(&b'=')
}

/// Puts `entry` in place of the first `name=` entry, or at the end.
///
/// # Safety
/// The lock held; `entry` a NUL-terminated string that outlives its use.
unsafe fn put(name: &[u8], entry: *mut c_char, replace: bool) -> Result<(), Errno> {
    // SAFETY: lock held.
    let list = unsafe { entries() };
    // SAFETY: each entry is NUL-terminated.
    if let Some(slot) = list.iter_mut().find(|e| unsafe { names(**e, name) }) {
        if replace {
            *slot = entry;
        }
        return Ok(());
    }
    let n = list.len();
    // SAFETY: lock held.
    let owned = unsafe { &mut *SHARED.owned.get() };
    if owned.array != environ() || n + 2 > owned.capacity {
        let capacity = (n + 2).max(owned.capacity * 2).max(16);
        let bytes = capacity.checked_mul(core::mem::size_of::<*mut c_char>()).ok_or(Errno::NOMEM)?;
        let array = crate::alloc::allocate(bytes).cast::<*mut c_char>();
        if array.is_null() {
            return Err(Errno::NOMEM);
        }
        // SAFETY: the new block holds `capacity >= n + 2` pointers; the old array `n`.
        unsafe { core::ptr::copy_nonoverlapping(list.as_ptr(), array, n) };
        let old = owned.array;
        owned.array = array;
        owned.capacity = capacity;
        // SAFETY: lock held; the new array is complete once terminated below.
        unsafe {
            array.add(n).write(core::ptr::null_mut());
            set_environ(array);
        }
        if !old.is_null() && old != array {
            // SAFETY: our previous block, no longer `environ`.
            unsafe { crate::alloc::deallocate(old.cast()) };
        }
    }
    // SAFETY: our array has room for the entry and the terminator.
    unsafe {
        owned.array.add(n).write(entry);
        owned.array.add(n + 1).write(core::ptr::null_mut());
    }
    Ok(())
}

/// `setenv(name, value, overwrite)`.
pub fn setenv(name: &[u8], value: &[u8], overwrite: bool) -> Result<(), Errno> {
    check_name(name)?;
    SHARED.lock.with(|| {
        // SAFETY: lock held; entries are NUL-terminated.
        if !overwrite && unsafe { entries() }.iter().any(|e| unsafe { names(*e, name) }) {
            return Ok(());
        }
        let len = name.len() + 1 + value.len();
        let s = crate::alloc::allocate(len + 1);
        if s.is_null() {
            return Err(Errno::NOMEM);
        }
        // SAFETY: the block has `len + 1` bytes.
        unsafe {
            core::ptr::copy_nonoverlapping(name.as_ptr(), s, name.len());
            s.add(name.len()).write(b'=');
            core::ptr::copy_nonoverlapping(value.as_ptr(), s.add(name.len() + 1), value.len());
            s.add(len).write(0);
        }
        // SAFETY: lock held; the string lives forever.
        unsafe { put(name, s.cast(), true) }
    })
}

/// `putenv(string)`: `string` itself becomes the entry; without a `=` it removes `string`.
///
/// # Safety
/// `string` NUL-terminated, alive and unchanged while in the environment.
pub unsafe fn putenv(string: *mut c_char) -> Result<(), Errno> {
    // SAFETY: per the contract.
    let bytes = unsafe { CStr::from_ptr(string) }.to_bytes();
    match memchr::memchr(b'=', bytes) {
        None => unsetenv(bytes),
        Some(0) => Err(Errno::INVAL),
        // SAFETY: lock held; the caller keeps the string alive.
        Some(eq) => SHARED.lock.with(|| unsafe { put(bytes.get(..eq).unwrap_or_default(), string, true) }),
    }
}

/// `unsetenv(name)`: removes every `name=` entry.
pub fn unsetenv(name: &[u8]) -> Result<(), Errno> {
    check_name(name)?;
    SHARED.lock.with(|| {
        let env = environ();
        if env.is_null() {
            return;
        }
        // SAFETY: lock held; the entries are NUL-terminated, and the array is compacted in
        // place (it only shrinks).
        unsafe {
            let n = entries().len();
            let mut kept = 0;
            for i in 0..n {
                let e = *env.add(i);
                if !names(e, name) {
                    *env.add(kept) = e;
                    kept += 1;
                }
            }
            env.add(kept).write(core::ptr::null_mut());
        }
    });
    Ok(())
}

/// `clearenv()`: no variables; `environ` becomes null, as glibc.
pub fn clearenv() {
    SHARED.lock.with(|| {
        // SAFETY: lock held.
        let owned = unsafe { &mut *SHARED.owned.get() };
        if !owned.array.is_null() {
            // SAFETY: our block; `environ` stops pointing at it below.
            unsafe { crate::alloc::deallocate(owned.array.cast()) };
            owned.array = core::ptr::null_mut();
            owned.capacity = 0;
        }
        // SAFETY: lock held.
        unsafe { set_environ(core::ptr::null_mut()) };
    })
}
