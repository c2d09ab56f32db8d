//! `memfd_create` and `mincore` (`<sys/mman.h>`), `setns` and `unshare` (`<sched.h>`),
//! `<sys/personality.h>` and `<sys/prctl.h>`.

use super::OrErrno;
use crate::linux::{mem, process};
use core::ffi::{c_char, c_int, c_uint, c_ulong, c_void};

/// [`memfd_create`](https://man7.org/linux/man-pages/man2/memfd_create.2.html)
///
/// # Safety
/// `name` must be a NUL-terminated string.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn memfd_create(name: *const c_char, flags: c_uint) -> c_int {
    // SAFETY: the caller's contract is the core's.
    unsafe { mem::memfd_create(name, flags) }.or_errno(-1)
}

/// [`mincore`](https://man7.org/linux/man-pages/man2/mincore.2.html)
///
/// # Safety
/// `vec` must be writable for one byte per page of the range.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mincore(addr: *mut c_void, len: usize, vec: *mut u8) -> c_int {
    // SAFETY: the caller's contract is the core's.
    unsafe { mem::mincore(addr.cast(), len, vec) }.map(|()| 0).or_errno(-1)
}

/// [`setns`](https://man7.org/linux/man-pages/man2/setns.2.html)
#[unsafe(no_mangle)]
pub extern "C" fn setns(fd: c_int, nstype: c_int) -> c_int {
    process::setns(fd, nstype).map(|()| 0).or_errno(-1)
}

/// [`unshare`](https://man7.org/linux/man-pages/man2/unshare.2.html)
#[unsafe(no_mangle)]
pub extern "C" fn unshare(flags: c_int) -> c_int {
    process::unshare(flags).map(|()| 0).or_errno(-1)
}

/// [`personality`](https://man7.org/linux/man-pages/man2/personality.2.html)
#[unsafe(no_mangle)]
pub extern "C" fn personality(persona: c_ulong) -> c_int {
    process::personality(persona).or_errno(-1)
}

/// [`prctl`](https://man7.org/linux/man-pages/man2/prctl.2.html): variadic in C; on x86_64 a
/// variadic caller passes the optional arguments in the registers of fixed ones, so they
/// arrive here as four `unsigned long`s (as glibc reads them, garbage where the caller passed
/// fewer, which the kernel then ignores or checks per option), and go to the kernel unread.
///
/// # Safety
/// The arguments must be what `option` expects.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn prctl(option: c_int, a2: c_ulong, a3: c_ulong, a4: c_ulong, a5: c_ulong) -> c_int {
    // SAFETY: the caller's contract is the core's.
    unsafe { process::prctl(option, [a2, a3, a4, a5]) }.or_errno(-1)
}
