//! Pseudo-terminals through the kernel's `/dev/ptmx` and devpts, as glibc 2.36 does them:
//! the master is a new open of `/dev/ptmx`, the slave is `/dev/pts/N` where N is the master's
//! `TIOCGPTN` number. `grantpt` has nothing to do on devpts (the kernel creates the node with
//! the right owner and mode) but, like glibc, checks that the descriptor is a master.
//! `openpty` opens the slave from the master with `TIOCGPTPEER` (Linux 4.13 and later), which
//! needs no path and cannot open another pty's slave.

use super::ioctl;
use core::ffi::{c_char, c_int};
use rustix::fd::{FromRawFd, IntoRawFd, OwnedFd};
use rustix::io::Errno;

/// Room for the longest slave name with its NUL: `/dev/pts/`, 20 digits, NUL (glibc's size).
pub const NAME_LEN: usize = 30;

/// The directory of the slave devices.
const DEVPTS: &[u8] = b"/dev/pts/";

/// `posix_openpt(flags)`: a new master, opened with `flags` as given (`O_RDWR`,
/// `O_NOCTTY`, `O_CLOEXEC`; the kernel checks them as for any `open`).
pub fn open_master(flags: c_int) -> Result<c_int, Errno> {
    // SAFETY: a NUL-terminated literal path.
    unsafe { crate::io::fd::open(c"/dev/ptmx".as_ptr(), flags, 0) }
}

/// The pty number of master `fd`; a descriptor that is no master is `ENOTTY`.
fn number(fd: c_int) -> Result<u32, Errno> {
    let mut n: u32 = 0;
    // SAFETY: the kernel writes the local integer.
    unsafe { ioctl(fd, libc::TIOCGPTN, (&raw mut n) as usize) }?;
    Ok(n)
}

/// POSIX's `EINVAL` for a descriptor that is no master, where the kernel says `ENOTTY`.
fn master_only(e: Errno) -> Errno {
    if e == Errno::NOTTY { Errno::INVAL } else { e }
}

/// `grantpt(fd)`: checks that `fd` is a master (`EINVAL` if not, `EBADF`).
pub fn grant(fd: c_int) -> Result<(), Errno> {
    number(fd).map(|_| ()).map_err(master_only)
}

/// `unlockpt(fd)`: lets the slave of master `fd` be opened.
pub fn unlock(fd: c_int) -> Result<(), Errno> {
    let unlock: c_int = 0;
    // SAFETY: the kernel reads the local integer.
    unsafe { ioctl(fd, libc::TIOCSPTLCK, (&raw const unlock) as usize) }.map(|_| ()).map_err(master_only)
}

/// `ptsname_r(fd, buf, len)`: the slave's path, NUL-terminated, in `buf`; `ERANGE` when it
/// does not fit, `ENOTTY` when `fd` is no master.
pub fn name(fd: c_int, buf: &mut [u8]) -> Result<(), Errno> {
    let mut digits = [0u8; 20];
    let digits = crate::io::diag::decimal(u64::from(number(fd)?), &mut digits);
    if buf.len() < DEVPTS.len() + digits.len() + 1 {
        return Err(Errno::RANGE);
    }
    for (slot, &b) in buf.iter_mut().zip(DEVPTS.iter().chain(digits).chain(&[0])) {
        *slot = b;
    }
    Ok(())
}

/// A descriptor the library just opened, owned until it is handed to C.
fn owned(fd: c_int) -> OwnedFd {
    // SAFETY: `fd` was just opened here and nothing else owns it.
    unsafe { OwnedFd::from_raw_fd(fd) }
}

/// `openpty(&master, &slave, name, termp, winp)`: a new unlocked pair, the slave set to
/// `termp` and `winp` when given (as in glibc, failures there are ignored), its name copied
/// to `name` when that is not null.
///
/// # Safety
/// `winp` must be null or point at a `struct winsize` (or be an address the kernel refuses);
/// `name` must be null or writable for the name and its NUL ([`NAME_LEN`] is enough).
pub unsafe fn open_pair(termp: Option<&libc::termios>, winp: *const libc::winsize, name: *mut c_char) -> Result<(OwnedFd, OwnedFd), Errno> {
    let master = owned(open_master(libc::O_RDWR)?);
    let m = rustix::fd::AsRawFd::as_raw_fd(&master);
    grant(m)?;
    unlock(m)?;
    // SAFETY: an integer argument; the kernel answers with a new descriptor.
    let slave = owned(unsafe { ioctl(m, libc::TIOCGPTPEER, (libc::O_RDWR | libc::O_NOCTTY) as usize) }?);
    let s = rustix::fd::AsRawFd::as_raw_fd(&slave);
    if let Some(t) = termp {
        let _ = super::termios::set(s, libc::TCSAFLUSH, t);
    }
    if !winp.is_null() {
        // SAFETY: the kernel reads the caller's `struct winsize` (EFAULT, ignored, if bad).
        let _ = unsafe { ioctl(s, libc::TIOCSWINSZ, winp as usize) };
    }
    if !name.is_null() {
        let mut path = [0u8; NAME_LEN];
        self::name(m, &mut path)?;
        let len = path.iter().position(|&b| b == 0).map_or(NAME_LEN, |n| n + 1);
        // SAFETY: the caller's contract: `name` is writable for the path and its NUL.
        unsafe { core::ptr::copy_nonoverlapping(path.as_ptr(), name.cast::<u8>(), len) };
    }
    Ok((master, slave))
}

/// `login_tty(fd)`: a new session (if the caller does not lead one already) whose
/// controlling terminal is `fd`, which becomes descriptors 0, 1 and 2 (and is closed if it
/// was another number).
pub fn login(fd: c_int) -> Result<(), Errno> {
    let _ = crate::process::ids::setsid();
    // SAFETY: an integer argument (0: do not steal a terminal another session controls).
    unsafe { ioctl(fd, libc::TIOCSCTTY, 0) }?;
    for target in 0..3 {
        while crate::io::fd::dup3(fd, target, 0, true) == Err(Errno::BUSY) {}
    }
    if fd > 2 {
        let _ = crate::io::fd::close(fd);
    }
    Ok(())
}

/// `forkpty(&master, name, termp, winp)`: `openpty`, then `fork`; the child's standard
/// descriptors and controlling terminal are the slave (it exits with status 1 if that fails).
/// Answers the child's pid and the master in the parent, 0 and `None` in the child.
///
/// # Safety
/// As [`open_pair`].
pub unsafe fn fork_pair(termp: Option<&libc::termios>, winp: *const libc::winsize, name: *mut c_char) -> Result<(c_int, Option<c_int>), Errno> {
    // SAFETY: the caller's contract.
    let (master, slave) = unsafe { open_pair(termp, winp, name) }?;
    match crate::process::fork::fork()? {
        0 => {
            drop(master);
            if login(slave.into_raw_fd()).is_err() {
                crate::exit::exit_now(1);
            }
            Ok((0, None))
        }
        pid => Ok((pid, Some(master.into_raw_fd()))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rustix::fd::AsRawFd;

    #[test]
    fn master_name_and_pair() {
        let master = owned(open_master(libc::O_RDWR | libc::O_NOCTTY).unwrap());
        let m = master.as_raw_fd();
        grant(m).unwrap();
        unlock(m).unwrap();
        let mut buf = [0xffu8; NAME_LEN];
        name(m, &mut buf).unwrap();
        let len = buf.iter().position(|&b| b == 0).unwrap();
        assert!(buf.starts_with(b"/dev/pts/") && len > DEVPTS.len());
        assert_eq!(name(m, &mut buf[..len]), Err(Errno::RANGE));
        name(m, &mut buf[..len + 1]).unwrap();

        let mut path = [0 as c_char; NAME_LEN];
        // SAFETY: `path` has room for any name.
        let (m2, s2) = unsafe { open_pair(None, core::ptr::null(), path.as_mut_ptr()) }.unwrap();
        assert_eq!(path[0] as u8, b'/');
        assert_eq!(grant(s2.as_raw_fd()), Err(Errno::INVAL));
        assert_eq!(unlock(s2.as_raw_fd()), Err(Errno::INVAL));
        assert_eq!(name(s2.as_raw_fd(), &mut buf), Err(Errno::NOTTY));
        drop((m2, s2));
    }

    #[test]
    fn not_a_master() {
        assert_eq!(grant(-1), Err(Errno::BADF));
        assert_eq!(unlock(-1), Err(Errno::BADF));
        assert_eq!(name(-1, &mut [0; NAME_LEN]), Err(Errno::BADF));
    }
}
