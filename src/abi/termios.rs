//! `<termios.h>`: terminal attributes, speeds and line control (glibc's `struct termios`).
//! A null `struct termios` pointer is `EFAULT` (glibc crashes); `cfmakeraw` ignores it and
//! the speed getters answer `B0` for it.

use super::OrErrno;
use crate::tty::{control, termios};
use core::ffi::c_int;
use libc::{pid_t, speed_t};

/// [`tcgetattr`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/tcgetattr.html)
///
/// # Safety
/// `t` must point at a writable `struct termios`, or be an address the kernel refuses.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tcgetattr(fd: c_int, t: *mut libc::termios) -> c_int {
    // SAFETY: the caller's contract; the kernel checks the address.
    unsafe { termios::get(fd, t) }.map(|()| 0).or_errno(-1)
}

/// [`tcsetattr`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/tcsetattr.html)
///
/// # Safety
/// `t` must be null or point at a `struct termios`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tcsetattr(fd: c_int, action: c_int, t: *const libc::termios) -> c_int {
    // SAFETY: the caller's contract.
    match unsafe { t.as_ref() } {
        Some(t) => termios::set(fd, action, t).map(|()| 0).or_errno(-1),
        None => Err(rustix::io::Errno::FAULT).or_errno(-1),
    }
}

/// [`cfmakeraw`](https://man7.org/linux/man-pages/man3/cfmakeraw.3.html)
///
/// # Safety
/// `t` must be null or point at a writable `struct termios`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cfmakeraw(t: *mut libc::termios) {
    // SAFETY: the caller's contract.
    if let Some(t) = unsafe { t.as_mut() } {
        termios::make_raw(t);
    }
}

/// [`cfgetispeed`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/cfgetispeed.html)
///
/// # Safety
/// `t` must be null or point at a `struct termios`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cfgetispeed(t: *const libc::termios) -> speed_t {
    // SAFETY: the caller's contract.
    unsafe { t.as_ref() }.map_or(libc::B0, termios::input_speed)
}

/// [`cfgetospeed`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/cfgetospeed.html)
///
/// # Safety
/// `t` must be null or point at a `struct termios`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cfgetospeed(t: *const libc::termios) -> speed_t {
    // SAFETY: the caller's contract.
    unsafe { t.as_ref() }.map_or(libc::B0, termios::output_speed)
}

/// Applies a speed setter to a nullable `struct termios` pointer.
///
/// # Safety
/// `t` must be null or point at a writable `struct termios`.
unsafe fn set_with(t: *mut libc::termios, speed: speed_t, f: fn(&mut libc::termios, speed_t) -> Result<(), rustix::io::Errno>) -> c_int {
    // SAFETY: the caller's contract.
    match unsafe { t.as_mut() } {
        Some(t) => f(t, speed).map(|()| 0).or_errno(-1),
        None => Err(rustix::io::Errno::FAULT).or_errno(-1),
    }
}

/// [`cfsetispeed`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/cfsetispeed.html)
///
/// # Safety
/// `t` must be null or point at a writable `struct termios`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cfsetispeed(t: *mut libc::termios, speed: speed_t) -> c_int {
    // SAFETY: the caller's contract.
    unsafe { set_with(t, speed, termios::set_input_speed) }
}

/// [`cfsetospeed`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/cfsetospeed.html)
///
/// # Safety
/// `t` must be null or point at a writable `struct termios`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cfsetospeed(t: *mut libc::termios, speed: speed_t) -> c_int {
    // SAFETY: the caller's contract.
    unsafe { set_with(t, speed, termios::set_output_speed) }
}

/// [`cfsetspeed`](https://man7.org/linux/man-pages/man3/cfsetspeed.3.html): a `Bxxx` code or
/// a rate in bits per second.
///
/// # Safety
/// `t` must be null or point at a writable `struct termios`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cfsetspeed(t: *mut libc::termios, speed: speed_t) -> c_int {
    // SAFETY: the caller's contract.
    unsafe { set_with(t, speed, termios::set_speed) }
}

/// [`tcdrain`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/tcdrain.html): a
/// cancellation point.
#[unsafe(no_mangle)]
pub extern "C" fn tcdrain(fd: c_int) -> c_int {
    control::drain(fd).map(|()| 0).or_errno(-1)
}

/// [`tcflush`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/tcflush.html)
#[unsafe(no_mangle)]
pub extern "C" fn tcflush(fd: c_int, queue: c_int) -> c_int {
    control::flush(fd, queue).map(|()| 0).or_errno(-1)
}

/// [`tcflow`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/tcflow.html)
#[unsafe(no_mangle)]
pub extern "C" fn tcflow(fd: c_int, action: c_int) -> c_int {
    control::flow(fd, action).map(|()| 0).or_errno(-1)
}

/// [`tcsendbreak`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/tcsendbreak.html)
#[unsafe(no_mangle)]
pub extern "C" fn tcsendbreak(fd: c_int, duration: c_int) -> c_int {
    control::send_break(fd, duration).map(|()| 0).or_errno(-1)
}

/// [`tcgetsid`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/tcgetsid.html)
#[unsafe(no_mangle)]
pub extern "C" fn tcgetsid(fd: c_int) -> pid_t {
    control::session(fd).or_errno(-1)
}
