//! Pseudo-terminals: `<stdlib.h>`'s `posix_openpt`, `getpt`, `grantpt`, `unlockpt`,
//! `ptsname`, `ptsname_r`, and `<pty.h>`/`<utmp.h>`'s `openpty`, `forkpty`, `login_tty`
//! (in glibc's libc since 2.34; `rustcrt-cc` drops `-lutil`). A null pointer where a result
//! must be stored is `EFAULT` (glibc crashes), a null `ptsname_r` buffer `EINVAL`.

use super::OrErrno;
use crate::tty::pty;
use core::ffi::{c_char, c_int};
use rustix::io::Errno;

/// [`posix_openpt`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/posix_openpt.html)
#[unsafe(no_mangle)]
pub extern "C" fn posix_openpt(flags: c_int) -> c_int {
    pty::open_master(flags).or_errno(-1)
}

/// [`getpt`](https://man7.org/linux/man-pages/man3/getpt.3.html): `posix_openpt(O_RDWR)`.
#[unsafe(no_mangle)]
pub extern "C" fn getpt() -> c_int {
    pty::open_master(libc::O_RDWR).or_errno(-1)
}

/// [`grantpt`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/grantpt.html)
#[unsafe(no_mangle)]
pub extern "C" fn grantpt(fd: c_int) -> c_int {
    pty::grant(fd).map(|()| 0).or_errno(-1)
}

/// [`unlockpt`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/unlockpt.html)
#[unsafe(no_mangle)]
pub extern "C" fn unlockpt(fd: c_int) -> c_int {
    pty::unlock(fd).map(|()| 0).or_errno(-1)
}

/// [`ptsname_r`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/ptsname_r.html):
/// an error number, also left in `errno` (as glibc does).
///
/// # Safety
/// `buf` must be null or writable for `len` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn ptsname_r(fd: c_int, buf: *mut c_char, len: usize) -> c_int {
    let result = if buf.is_null() {
        Err(Errno::INVAL)
    } else {
        // SAFETY: writable for `len` bytes per the contract; no name needs more than
        // `NAME_LEN`, so a longer buffer is not looked at beyond that.
        let out = unsafe { core::slice::from_raw_parts_mut(buf.cast::<u8>(), len.min(pty::NAME_LEN)) };
        pty::name(fd, out)
    };
    match result {
        Ok(()) => 0,
        Err(e) => Err::<c_int, _>(e).or_errno(e.raw_os_error()),
    }
}

/// The buffer `ptsname` returns, as POSIX allows: overwritten by the next call.
struct PtsName(core::cell::UnsafeCell<[u8; pty::NAME_LEN]>);

// SAFETY: POSIX does not require `ptsname` to be thread-safe (that is `ptsname_r`); the
// buffer is only written by `ptsname`, like glibc's static one.
unsafe impl Sync for PtsName {}

static PTSNAME: PtsName = PtsName(core::cell::UnsafeCell::new([0; pty::NAME_LEN]));

/// [`ptsname`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/ptsname.html)
#[unsafe(no_mangle)]
pub extern "C" fn ptsname(fd: c_int) -> *mut c_char {
    let buf = PTSNAME.0.get();
    // SAFETY: the static buffer, which only `ptsname` writes (POSIX does not require it to be
    // thread-safe).
    let out = unsafe { &mut *buf };
    pty::name(fd, out).map(|()| buf.cast()).or_errno(core::ptr::null_mut())
}

/// [`openpty`](https://man7.org/linux/man-pages/man3/openpty.3.html)
///
/// # Safety
/// `master` and `slave` must be null or writable; `name` null or writable for the slave's
/// name (at most 30 bytes); `termp` and `winp` null or pointing at their structures.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn openpty(master: *mut c_int, slave: *mut c_int, name: *mut c_char, termp: *const libc::termios, winp: *const libc::winsize) -> c_int {
    if master.is_null() || slave.is_null() {
        return Err(Errno::FAULT).or_errno(-1);
    }
    // SAFETY: the caller's contract for `termp`, `winp` and `name`.
    match unsafe { pty::open_pair(termp.as_ref(), winp, name) } {
        Ok((m, s)) => {
            // SAFETY: both checked non-null, writable per the contract.
            unsafe {
                *master = rustix::fd::IntoRawFd::into_raw_fd(m);
                *slave = rustix::fd::IntoRawFd::into_raw_fd(s);
            }
            0
        }
        Err(e) => Err(e).or_errno(-1),
    }
}

/// [`forkpty`](https://man7.org/linux/man-pages/man3/forkpty.3.html): the child's pid in the
/// parent (with the master in `*master`), 0 in the child.
///
/// # Safety
/// As `openpty`, without the slave.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn forkpty(master: *mut c_int, name: *mut c_char, termp: *const libc::termios, winp: *const libc::winsize) -> libc::pid_t {
    if master.is_null() {
        return Err(Errno::FAULT).or_errno(-1);
    }
    // SAFETY: the caller's contract for `termp`, `winp` and `name`.
    match unsafe { pty::fork_pair(termp.as_ref(), winp, name) } {
        Ok((pid, m)) => {
            if let Some(m) = m {
                // SAFETY: checked non-null, writable per the contract.
                unsafe { *master = m };
            }
            pid
        }
        Err(e) => Err(e).or_errno(-1),
    }
}

/// [`login_tty`](https://man7.org/linux/man-pages/man3/login_tty.3.html)
#[unsafe(no_mangle)]
pub extern "C" fn login_tty(fd: c_int) -> c_int {
    pty::login(fd).map(|()| 0).or_errno(-1)
}

/// `__ptsname_r_chk(fd, buf, len, room)`: `ptsname_r` under `_FORTIFY_SOURCE`, which dies
/// (SIGABRT) when `len` is more than the `room` the compiler knows `buf` to have.
///
/// # Safety
/// As `ptsname_r`, with `buf` holding `room` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __ptsname_r_chk(fd: c_int, buf: *mut c_char, len: usize, room: usize) -> c_int {
    crate::string::fortify::check(len, room);
    // SAFETY: the caller's contract.
    unsafe { ptsname_r(fd, buf, len) }
}
