//! `<unistd.h>`: user and group ids, process groups, sessions, the terminal's foreground group,
//! `nice`.

use super::OrErrno;
use crate::process::ids;
use core::ffi::c_int;
use libc::{gid_t, pid_t, uid_t};

/// [`getppid`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/getppid.html)
#[unsafe(no_mangle)]
pub extern "C" fn getppid() -> pid_t {
    ids::getppid()
}

/// [`getuid`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/getuid.html)
#[unsafe(no_mangle)]
pub extern "C" fn getuid() -> uid_t {
    ids::getuid()
}

/// [`geteuid`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/geteuid.html)
#[unsafe(no_mangle)]
pub extern "C" fn geteuid() -> uid_t {
    ids::geteuid()
}

/// [`getgid`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/getgid.html)
#[unsafe(no_mangle)]
pub extern "C" fn getgid() -> gid_t {
    ids::getgid()
}

/// [`getegid`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/getegid.html)
#[unsafe(no_mangle)]
pub extern "C" fn getegid() -> gid_t {
    ids::getegid()
}

/// [`setuid`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/setuid.html)
#[unsafe(no_mangle)]
pub extern "C" fn setuid(uid: uid_t) -> c_int {
    ids::setid(uid, false).map(|()| 0).or_errno(-1)
}

/// [`setgid`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/setgid.html)
#[unsafe(no_mangle)]
pub extern "C" fn setgid(gid: gid_t) -> c_int {
    ids::setid(gid, true).map(|()| 0).or_errno(-1)
}

/// [`seteuid`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/seteuid.html)
#[unsafe(no_mangle)]
pub extern "C" fn seteuid(uid: uid_t) -> c_int {
    if uid == uid_t::MAX {
        crate::thread::tcb::set_errno(libc::EINVAL);
        return -1;
    }
    ids::setresid(u32::MAX, uid, u32::MAX, false).map(|()| 0).or_errno(-1)
}

/// [`setegid`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/setegid.html)
#[unsafe(no_mangle)]
pub extern "C" fn setegid(gid: gid_t) -> c_int {
    if gid == gid_t::MAX {
        crate::thread::tcb::set_errno(libc::EINVAL);
        return -1;
    }
    ids::setresid(u32::MAX, gid, u32::MAX, true).map(|()| 0).or_errno(-1)
}

/// [`setreuid`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/setreuid.html)
#[unsafe(no_mangle)]
pub extern "C" fn setreuid(real: uid_t, effective: uid_t) -> c_int {
    ids::setreid(real, effective, false).map(|()| 0).or_errno(-1)
}

/// [`setregid`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/setregid.html)
#[unsafe(no_mangle)]
pub extern "C" fn setregid(real: gid_t, effective: gid_t) -> c_int {
    ids::setreid(real, effective, true).map(|()| 0).or_errno(-1)
}

/// [`setresuid`](https://man7.org/linux/man-pages/man2/setresuid.2.html)
#[unsafe(no_mangle)]
pub extern "C" fn setresuid(real: uid_t, effective: uid_t, saved: uid_t) -> c_int {
    ids::setresid(real, effective, saved, false).map(|()| 0).or_errno(-1)
}

/// [`setresgid`](https://man7.org/linux/man-pages/man2/setresgid.2.html)
#[unsafe(no_mangle)]
pub extern "C" fn setresgid(real: gid_t, effective: gid_t, saved: gid_t) -> c_int {
    ids::setresid(real, effective, saved, true).map(|()| 0).or_errno(-1)
}

/// [`getresuid`](https://man7.org/linux/man-pages/man2/getresuid.2.html)
///
/// # Safety
/// The pointers must be writable (the kernel checks: EFAULT).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn getresuid(real: *mut uid_t, effective: *mut uid_t, saved: *mut uid_t) -> c_int {
    // SAFETY: the caller's contract.
    unsafe { ids::getresid(real, effective, saved, false) }.map(|()| 0).or_errno(-1)
}

/// [`getresgid`](https://man7.org/linux/man-pages/man2/getresgid.2.html)
///
/// # Safety
/// The pointers must be writable (the kernel checks: EFAULT).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn getresgid(real: *mut gid_t, effective: *mut gid_t, saved: *mut gid_t) -> c_int {
    // SAFETY: the caller's contract.
    unsafe { ids::getresid(real, effective, saved, true) }.map(|()| 0).or_errno(-1)
}

/// [`getgroups`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/getgroups.html)
///
/// # Safety
/// `list` must be writable for `size` ids (the kernel checks: EFAULT).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn getgroups(size: c_int, list: *mut gid_t) -> c_int {
    // SAFETY: the caller's contract.
    unsafe { ids::getgroups(size, list) }.or_errno(-1)
}

/// [`setgroups`](https://man7.org/linux/man-pages/man2/setgroups.2.html)
///
/// # Safety
/// `list` must be readable for `size` ids (the kernel checks: EFAULT).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn setgroups(size: usize, list: *const gid_t) -> c_int {
    // SAFETY: the caller's contract.
    unsafe { ids::setgroups(size, list) }.map(|()| 0).or_errno(-1)
}

/// [`getpgid`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/getpgid.html)
#[unsafe(no_mangle)]
pub extern "C" fn getpgid(pid: pid_t) -> pid_t {
    ids::getpgid(pid, false).or_errno(-1)
}

/// [`getpgrp`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/getpgrp.html)
#[unsafe(no_mangle)]
pub extern "C" fn getpgrp() -> pid_t {
    ids::getpgid(0, false).or_errno(-1)
}

/// [`getsid`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/getsid.html)
#[unsafe(no_mangle)]
pub extern "C" fn getsid(pid: pid_t) -> pid_t {
    ids::getpgid(pid, true).or_errno(-1)
}

/// [`setpgid`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/setpgid.html)
#[unsafe(no_mangle)]
pub extern "C" fn setpgid(pid: pid_t, pgid: pid_t) -> c_int {
    ids::setpgid(pid, pgid).map(|()| 0).or_errno(-1)
}

/// [`setpgrp`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/setpgrp.html)
#[unsafe(no_mangle)]
pub extern "C" fn setpgrp() -> c_int {
    setpgid(0, 0)
}

/// [`setsid`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/setsid.html)
#[unsafe(no_mangle)]
pub extern "C" fn setsid() -> pid_t {
    ids::setsid().or_errno(-1)
}

/// [`tcgetpgrp`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/tcgetpgrp.html)
#[unsafe(no_mangle)]
pub extern "C" fn tcgetpgrp(fd: c_int) -> pid_t {
    ids::tcgetpgrp(fd).or_errno(-1)
}

/// [`tcsetpgrp`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/tcsetpgrp.html)
#[unsafe(no_mangle)]
pub extern "C" fn tcsetpgrp(fd: c_int, pgrp: pid_t) -> c_int {
    ids::tcsetpgrp(fd, pgrp).map(|()| 0).or_errno(-1)
}

/// [`nice`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/nice.html)
#[unsafe(no_mangle)]
pub extern "C" fn nice(inc: c_int) -> c_int {
    ids::nice(inc).or_errno(-1)
}
