//! Space and access hints, and locks on whole files or ranges: `posix_fadvise`,
//! `fallocate`, `posix_fallocate`, `flock`, `lockf`. The raw calls for the first three and
//! `flock` (rustix takes enums, which cannot carry every C value to the kernel for it to
//! accept or refuse, and unsigned offsets, which would turn a negative one into a huge one).

use crate::io::syscall::{call, call3};
use core::ffi::c_int;
use rustix::io::Errno;

/// `posix_fadvise(fd, offset, len, advice)`.
pub fn fadvise(fd: c_int, offset: i64, len: i64, advice: c_int) -> Result<(), Errno> {
    let fd = crate::io::fd::borrow(fd)?;
    let fd = rustix::fd::AsRawFd::as_raw_fd(&fd);
    // SAFETY: integer arguments only.
    unsafe { call(libc::SYS_fadvise64, [fd as usize, offset as usize, len as usize, advice as usize, 0, 0]) }.map(|_| ())
}

/// `fallocate(fd, mode, offset, len)`.
pub fn fallocate(fd: c_int, mode: c_int, offset: i64, len: i64) -> Result<(), Errno> {
    let fd = crate::io::fd::borrow(fd)?;
    let fd = rustix::fd::AsRawFd::as_raw_fd(&fd);
    // SAFETY: integer arguments only.
    unsafe { call(libc::SYS_fallocate, [fd as usize, mode as usize, offset as usize, len as usize, 0, 0]) }.map(|_| ())
}

/// `posix_fallocate(fd, offset, len)`: `fallocate` with mode 0; a negative offset or a
/// non-positive length is `EINVAL`. (glibc writes zeros itself where the file system has no
/// `fallocate`; here that case stays `EOPNOTSUPP`.)
pub fn posix_fallocate(fd: c_int, offset: i64, len: i64) -> Result<(), Errno> {
    if offset < 0 || len <= 0 {
        return Err(Errno::INVAL);
    }
    loop {
        match fallocate(fd, 0, offset, len) {
            Err(Errno::INTR) => continue,
            other => return other,
        }
    }
}

/// `flock(fd, operation)`.
pub fn flock(fd: c_int, operation: c_int) -> Result<(), Errno> {
    let fd = crate::io::fd::borrow(fd)?;
    let fd = rustix::fd::AsRawFd::as_raw_fd(&fd);
    // SAFETY: integer arguments only.
    unsafe { call3(libc::SYS_flock, fd as usize, operation as usize, 0) }.map(|_| ())
}

/// `lockf(fd, cmd, len)`: a POSIX record lock from the current offset, over `len` bytes (to
/// the end of the file and beyond for 0, backwards for a negative `len`), as `fcntl`.
pub fn lockf(fd: c_int, cmd: c_int, len: i64) -> Result<(), Errno> {
    let (kind, op) = match cmd {
        libc::F_ULOCK => (libc::F_UNLCK, libc::F_SETLK),
        libc::F_LOCK => (libc::F_WRLCK, libc::F_SETLKW),
        libc::F_TLOCK => (libc::F_WRLCK, libc::F_SETLK),
        libc::F_TEST => (libc::F_RDLCK, libc::F_GETLK),
        _ => return Err(Errno::INVAL),
    };
    // SAFETY: all-zero bytes are a valid `flock` (integers).
    let mut fl: libc::flock = unsafe { core::mem::zeroed() };
    fl.l_type = kind as i16;
    fl.l_whence = libc::SEEK_CUR as i16;
    fl.l_len = len;
    crate::io::fd::fcntl(fd, op, (&raw mut fl) as usize)?;
    if cmd == libc::F_TEST && i32::from(fl.l_type) != libc::F_UNLCK && fl.l_pid != rustix::process::getpid().as_raw_nonzero().get() {
        return Err(Errno::ACCESS);
    }
    Ok(())
}
