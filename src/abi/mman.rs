//! `<sys/mman.h>`: memory mappings, locking, and POSIX shared-memory objects.

use super::OrErrno;
use crate::{fs::path::c_path, fs::shm, mm};
use core::ffi::{c_char, c_int, c_void};
use rustix::io::Errno;

/// `0` for success, `-1` with `errno` for failure.
fn status(r: Result<(), Errno>) -> c_int {
    r.map(|()| 0).or_errno(-1)
}

/// [`mmap`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/mmap.html)
///
/// # Safety
/// A `MAP_FIXED` mapping replaces what was at `addr`: the caller must own that range.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mmap(addr: *mut c_void, len: usize, prot: c_int, flags: c_int, fd: c_int, offset: i64) -> *mut c_void {
    // SAFETY: the caller's contract.
    unsafe { mm::mmap(addr, len, prot, flags, fd, offset) }.or_errno(libc::MAP_FAILED)
}

/// `mmap64`: `mmap` under `_FILE_OFFSET_BITS=64`.
///
/// # Safety
/// As [`mmap`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mmap64(addr: *mut c_void, len: usize, prot: c_int, flags: c_int, fd: c_int, offset: i64) -> *mut c_void {
    // SAFETY: as `mmap`.
    unsafe { mmap(addr, len, prot, flags, fd, offset) }
}

/// [`munmap`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/munmap.html)
///
/// # Safety
/// Nothing may use the range afterwards.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn munmap(addr: *mut c_void, len: usize) -> c_int {
    // SAFETY: the caller's contract.
    status(unsafe { mm::munmap(addr, len) })
}

/// [`mprotect`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/mprotect.html)
///
/// # Safety
/// The caller owns the range's accessibility.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mprotect(addr: *mut c_void, len: usize, prot: c_int) -> c_int {
    // SAFETY: the caller's contract.
    status(unsafe { mm::mprotect(addr, len, prot) })
}

/// [`madvise`](https://man7.org/linux/man-pages/man2/madvise.2.html)
///
/// # Safety
/// Discarding advice (`MADV_DONTNEED`, `MADV_FREE`...) needs the caller to own the range.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn madvise(addr: *mut c_void, len: usize, advice: c_int) -> c_int {
    // SAFETY: the caller's contract.
    status(unsafe { mm::madvise(addr, len, advice) })
}

/// [`posix_madvise`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/posix_madvise.html):
/// an error number.
///
/// # Safety
/// The range is the caller's.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn posix_madvise(addr: *mut c_void, len: usize, advice: c_int) -> c_int {
    // SAFETY: the caller's contract.
    unsafe { mm::posix_madvise(addr, len, advice) }.err().map_or(0, Errno::raw_os_error)
}

/// [`mremap`](https://man7.org/linux/man-pages/man2/mremap.2.html): variadic in C; the new
/// address, passed only with `MREMAP_FIXED`, arrives as a fifth fixed argument.
///
/// # Safety
/// The caller owns both ranges.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mremap(old: *mut c_void, old_len: usize, new_len: usize, flags: c_int, new: *mut c_void) -> *mut c_void {
    // SAFETY: the caller's contract.
    unsafe { mm::mremap(old, old_len, new_len, flags, new) }.or_errno(libc::MAP_FAILED)
}

/// [`msync`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/msync.html)
///
/// # Safety
/// The range must be the caller's mapping.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn msync(addr: *mut c_void, len: usize, flags: c_int) -> c_int {
    // SAFETY: the caller's contract.
    status(unsafe { mm::msync(addr, len, flags) })
}

/// [`mlock`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/mlock.html)
///
/// # Safety
/// Locking changes no contents; the kernel checks the range.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mlock(addr: *const c_void, len: usize) -> c_int {
    // SAFETY: the caller's contract.
    status(unsafe { mm::mlock(addr.cast_mut(), len, true) })
}

/// [`munlock`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/munlock.html)
///
/// # Safety
/// As [`mlock`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn munlock(addr: *const c_void, len: usize) -> c_int {
    // SAFETY: the caller's contract.
    status(unsafe { mm::mlock(addr.cast_mut(), len, false) })
}

/// [`mlockall`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/mlockall.html)
#[unsafe(no_mangle)]
pub extern "C" fn mlockall(flags: c_int) -> c_int {
    status(mm::mlockall(flags))
}

/// [`munlockall`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/munlockall.html)
#[unsafe(no_mangle)]
pub extern "C" fn munlockall() -> c_int {
    status(mm::munlockall())
}

/// [`shm_open`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/shm_open.html)
///
/// # Safety
/// `name` must be null or a NUL-terminated string.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn shm_open(name: *const c_char, flags: c_int, mode: libc::mode_t) -> c_int {
    // SAFETY: the caller's contract.
    unsafe { c_path(name) }.and_then(|n| shm::shm_open(n, flags, mode)).or_errno(-1)
}

/// [`shm_unlink`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/shm_unlink.html)
///
/// # Safety
/// `name` must be null or a NUL-terminated string.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn shm_unlink(name: *const c_char) -> c_int {
    // SAFETY: the caller's contract.
    status(unsafe { c_path(name) }.and_then(shm::shm_unlink))
}
