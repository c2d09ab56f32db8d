//! Line control: `tcdrain`, `tcflush`, `tcflow`, `tcsendbreak`, `tcgetsid`. Each is one
//! `ioctl`; the kernel checks the selector or action (`EINVAL`).

use super::ioctl;
use core::ffi::c_int;
use rustix::io::Errno;

/// `tcdrain(fd)`: waits until the output queue has gone out; a cancellation point (as in
/// glibc: `TCSBRK` with a nonzero argument only drains, sending no break).
pub fn drain(fd: c_int) -> Result<(), Errno> {
    if fd < 0 {
        return Err(Errno::BADF);
    }
    // SAFETY: integer arguments only.
    unsafe { crate::thread::cancel::syscall3(libc::SYS_ioctl, fd as usize, libc::TCSBRK as usize, 1) }.map(|_| ())
}

/// `tcflush(fd, queue)`: discards unread input (`TCIFLUSH`), unsent output (`TCOFLUSH`) or
/// both (`TCIOFLUSH`).
pub fn flush(fd: c_int, queue: c_int) -> Result<(), Errno> {
    // SAFETY: an integer argument.
    unsafe { ioctl(fd, libc::TCFLSH, queue as usize) }.map(|_| ())
}

/// `tcflow(fd, action)`: suspends or restarts output (`TCOOFF`, `TCOON`) or sends a STOP or
/// START character (`TCIOFF`, `TCION`).
pub fn flow(fd: c_int, action: c_int) -> Result<(), Errno> {
    // SAFETY: an integer argument.
    unsafe { ioctl(fd, libc::TCXONC, action as usize) }.map(|_| ())
}

/// `tcsendbreak(fd, duration)`: a break of 0.25 to 0.5 s when `duration` is not positive,
/// else, as glibc reads it, of `duration` milliseconds rounded up to tenths of a second
/// (`TCSBRKP`). A terminal without breaks (a pseudo-terminal) just drains its output.
pub fn send_break(fd: c_int, duration: c_int) -> Result<(), Errno> {
    let (request, arg) = if duration <= 0 { (libc::TCSBRK, 0) } else { (libc::TCSBRKP, (duration as usize).div_ceil(100)) };
    // SAFETY: integer arguments.
    unsafe { ioctl(fd, request, arg) }.map(|_| ())
}

/// `tcgetsid(fd)`: the session that has `fd` as its controlling terminal; `ENOTTY` when it
/// is no terminal or not the caller's controlling one.
pub fn session(fd: c_int) -> Result<c_int, Errno> {
    let mut sid: c_int = 0;
    // SAFETY: the kernel writes the local int.
    unsafe { ioctl(fd, libc::TIOCGSID, (&raw mut sid) as usize) }?;
    Ok(sid)
}
