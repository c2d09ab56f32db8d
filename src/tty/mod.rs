//! Terminals: `<termios.h>` (attributes, speeds, line control) and pseudo-terminals
//! (`posix_openpt`, `grantpt`, `openpty`, `forkpty`, ...), as glibc 2.36 does them on Linux.
//!
//! Every terminal request is an `ioctl` on the descriptor; the kernel answers `EBADF` for a
//! descriptor that is not open and `ENOTTY` for one that is not a terminal, and those answers
//! reach C unchanged (except where glibc renames them: `grantpt`, `unlockpt`).

pub mod control;
pub mod pty;
pub mod termios;

use core::ffi::c_int;
use rustix::io::Errno;

/// `ioctl(fd, request, arg)` for a request whose argument is an integer or a pointer the
/// kernel reads or writes (it answers `EFAULT` for a bad one).
///
/// # Safety
/// A pointer `arg` must be valid for what `request` does with it, or refused by the kernel.
unsafe fn ioctl(fd: c_int, request: libc::Ioctl, arg: usize) -> Result<c_int, Errno> {
    // SAFETY: the caller's contract.
    unsafe { crate::io::fd::ioctl(fd, request as u64, arg) }
}
