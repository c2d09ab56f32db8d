//! timerfd: `timerfd_create`, `timerfd_settime`, `timerfd_gettime`. A read of the descriptor
//! gives the number of expirations as a `uint64_t` (the kernel's `read`, nothing here).

use crate::io::syscall::call;
use core::ffi::c_int;
use rustix::io::Errno;

/// `timerfd_create(clock, flags)`: `TFD_NONBLOCK`, `TFD_CLOEXEC`; an unknown clock or flag
/// is the kernel's `EINVAL`.
pub fn create(clock: c_int, flags: c_int) -> Result<c_int, Errno> {
    // SAFETY: integer arguments only.
    unsafe { call(libc::SYS_timerfd_create, [clock as usize, flags as usize, 0, 0, 0, 0]) }.map(|fd| fd as c_int)
}

/// `timerfd_settime(fd, flags, new, old)`: arms (or, with a zero `it_value`, disarms) the
/// timer; `old`, when not null, receives the previous setting.
///
/// # Safety
/// `new` must be readable and `old` null or writable, or addresses the kernel refuses.
pub unsafe fn settime(fd: c_int, flags: c_int, new: *const libc::itimerspec, old: *mut libc::itimerspec) -> Result<(), Errno> {
    let args = [fd as usize, flags as usize, new as usize, old as usize, 0, 0];
    // SAFETY: the kernel reads `new` and writes `old`.
    unsafe { call(libc::SYS_timerfd_settime, args) }.map(|_| ())
}

/// `timerfd_gettime(fd, cur)`: the time to the next expiration and the interval.
///
/// # Safety
/// `cur` must be writable, or an address the kernel refuses.
pub unsafe fn gettime(fd: c_int, cur: *mut libc::itimerspec) -> Result<(), Errno> {
    // SAFETY: the kernel writes `cur`.
    unsafe { call(libc::SYS_timerfd_gettime, [fd as usize, cur as usize, 0, 0, 0, 0]) }.map(|_| ())
}
