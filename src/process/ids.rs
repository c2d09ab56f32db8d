//! Identities: user and group ids, supplementary groups, process groups and sessions, the
//! terminal's foreground group, scheduling priorities.
//!
//! rustix's typed calls are used where they take C's values unchanged. The raw system call is
//! used where rustix has no call (`setreuid`, `setregid`, `getresuid`, `getresgid`), where its
//! call allocates (`getgroups`) or splits one C call by argument (`getpriority`,
//! `setpriority`): then the kernel sees exactly the caller's arguments and answers for them.
//!
//! The set-id calls change every thread's credentials (`setxid`), as POSIX asks.

use crate::io::syscall::call3;
use rustix::io::Errno;

/// A raw call with up to three integer or pointer arguments.
fn sys3(nr: libc::c_long, a: usize, b: usize, c: usize) -> Result<usize, Errno> {
    // SAFETY: only used below for calls whose arguments are ids, or pointers the kernel
    // checks (EFAULT), and which do not touch what the library relies on.
    unsafe { call3(nr, a, b, c) }
}

/// The ids of the caller: real, effective (user and group), and the parent's pid.
pub fn getuid() -> u32 {
    rustix::process::getuid().as_raw()
}
pub fn geteuid() -> u32 {
    rustix::process::geteuid().as_raw()
}
pub fn getgid() -> u32 {
    rustix::process::getgid().as_raw()
}
pub fn getegid() -> u32 {
    rustix::process::getegid().as_raw()
}
pub fn getppid() -> i32 {
    rustix::process::getppid().map_or(0, |p| p.as_raw_nonzero().get())
}

/// `setuid`, `setgid` (`group` selects which).
pub fn setid(id: u32, group: bool) -> Result<(), Errno> {
    super::setxid::setxid(if group { libc::SYS_setgid } else { libc::SYS_setuid }, [id as usize, 0, 0])
}

/// `setreuid`, `setregid`: -1 leaves an id unchanged.
pub fn setreid(real: u32, effective: u32, group: bool) -> Result<(), Errno> {
    super::setxid::setxid(if group { libc::SYS_setregid } else { libc::SYS_setreuid }, [real as usize, effective as usize, 0])
}

/// `setresuid`, `setresgid`: -1 leaves an id unchanged. `seteuid(e)` is `setresuid(-1, e, -1)`.
pub fn setresid(real: u32, effective: u32, saved: u32, group: bool) -> Result<(), Errno> {
    let nr = if group { libc::SYS_setresgid } else { libc::SYS_setresuid };
    super::setxid::setxid(nr, [real as usize, effective as usize, saved as usize])
}

/// `getresuid`, `getresgid` into the caller's three words.
///
/// # Safety
/// The pointers must be writable `uid_t`/`gid_t`s (the kernel checks: EFAULT).
pub unsafe fn getresid(real: *mut u32, effective: *mut u32, saved: *mut u32, group: bool) -> Result<(), Errno> {
    sys3(if group { libc::SYS_getresgid } else { libc::SYS_getresuid }, real as usize, effective as usize, saved as usize)
        .map(|_| ())
}

/// `getgroups(size, list)`: the count; with `size` 0 only the count.
///
/// # Safety
/// `list` must be writable for `size` ids (the kernel checks: EFAULT).
pub unsafe fn getgroups(size: i32, list: *mut u32) -> Result<i32, Errno> {
    if size < 0 {
        return Err(Errno::INVAL);
    }
    sys3(libc::SYS_getgroups, size as usize, list as usize, 0).map(|n| n as i32)
}

/// `setgroups(size, list)`.
///
/// # Safety
/// `list` must be readable for `size` ids (the kernel checks: EFAULT).
pub unsafe fn setgroups(size: usize, list: *const u32) -> Result<(), Errno> {
    super::setxid::setxid(libc::SYS_setgroups, [size, list as usize, 0])
}

/// `getpgid(pid)`, `getsid(pid)`: 0 is the caller.
pub fn getpgid(pid: i32, session: bool) -> Result<i32, Errno> {
    sys3(if session { libc::SYS_getsid } else { libc::SYS_getpgid }, pid as usize, 0, 0).map(|n| n as i32)
}

/// `setpgid(pid, pgid)`.
pub fn setpgid(pid: i32, pgid: i32) -> Result<(), Errno> {
    sys3(libc::SYS_setpgid, pid as usize, pgid as usize, 0).map(|_| ())
}

/// `setsid()`: the new session's id.
pub fn setsid() -> Result<i32, Errno> {
    rustix::process::setsid().map(|p| p.as_raw_nonzero().get())
}

/// `tcgetpgrp(fd)`.
pub fn tcgetpgrp(fd: i32) -> Result<i32, Errno> {
    rustix::termios::tcgetpgrp(crate::io::fd::borrow(fd)?).map(|p| p.as_raw_nonzero().get())
}

/// `tcsetpgrp(fd, pgrp)`.
pub fn tcsetpgrp(fd: i32, pgrp: i32) -> Result<(), Errno> {
    let fd = crate::io::fd::borrow(fd)?;
    let pgrp = rustix::process::Pid::from_raw(pgrp).ok_or(Errno::INVAL)?;
    rustix::termios::tcsetpgrp(fd, pgrp)
}

/// `getpriority(which, who)`: the nice value (-20..=19); the kernel answers `20 - nice` so
/// that no success looks like an error.
pub fn getpriority(which: i32, who: u32) -> Result<i32, Errno> {
    sys3(libc::SYS_getpriority, which as usize, who as usize, 0).map(|k| 20 - k as i32)
}

/// `setpriority(which, who, nice)`.
pub fn setpriority(which: i32, who: u32, nice: i32) -> Result<(), Errno> {
    sys3(libc::SYS_setpriority, which as usize, who as usize, nice as usize).map(|_| ())
}

/// `nice(inc)`: the new nice value. Raising priority without the privilege is `EPERM`.
pub fn nice(inc: i32) -> Result<i32, Errno> {
    let now = getpriority(libc::PRIO_PROCESS as i32, 0)?;
    let target = now.saturating_add(inc).clamp(-20, 19);
    match setpriority(libc::PRIO_PROCESS as i32, 0, target) {
        Err(Errno::ACCESS) => Err(Errno::PERM),
        Err(e) => Err(e),
        Ok(()) => getpriority(libc::PRIO_PROCESS as i32, 0),
    }
}
