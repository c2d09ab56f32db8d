//! `<sys/wait.h>` and the process-creation part of `<unistd.h>` and `<pthread.h>`: `fork`,
//! `_Fork`, `pthread_atfork`, and waiting for children.

use super::OrErrno;
use crate::process::{atfork, fork, wait};
use core::ffi::{c_int, c_void};
use libc::pid_t;

/// [`fork`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/fork.html)
#[unsafe(no_mangle)]
pub extern "C" fn fork() -> pid_t {
    fork::fork().or_errno(-1)
}

/// [`_Fork`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/_Fork.html)
#[unsafe(no_mangle)]
pub extern "C" fn _Fork() -> pid_t {
    fork::fork_raw().or_errno(-1)
}

/// [`pthread_atfork`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_atfork.html):
/// an error number.
#[unsafe(no_mangle)]
pub extern "C" fn pthread_atfork(prepare: Option<unsafe extern "C" fn()>, parent: Option<unsafe extern "C" fn()>, child: Option<unsafe extern "C" fn()>) -> c_int {
    atfork::register(prepare, parent, child).err().map_or(0, |e| e.raw_os_error())
}

/// `__register_atfork`: what glibc's `libc_nonshared.a` turns `pthread_atfork` into; `dso`
/// names the registering module, which a static program does not unload.
#[unsafe(no_mangle)]
pub extern "C" fn __register_atfork(
    prepare: Option<unsafe extern "C" fn()>,
    parent: Option<unsafe extern "C" fn()>,
    child: Option<unsafe extern "C" fn()>,
    _dso: *mut c_void,
) -> c_int {
    pthread_atfork(prepare, parent, child)
}

/// [`wait`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/wait.html)
///
/// # Safety
/// `status` must be null or writable (the kernel checks: EFAULT).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wait(status: *mut c_int) -> pid_t {
    // SAFETY: the caller's contract.
    unsafe { wait::wait4(-1, status, 0, core::ptr::null_mut()) }.or_errno(-1)
}

/// [`waitpid`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/waitpid.html)
///
/// # Safety
/// `status` must be null or writable (the kernel checks: EFAULT).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn waitpid(pid: pid_t, status: *mut c_int, options: c_int) -> pid_t {
    // SAFETY: the caller's contract.
    unsafe { wait::wait4(pid, status, options, core::ptr::null_mut()) }.or_errno(-1)
}

/// [`wait3`](https://man7.org/linux/man-pages/man2/wait3.2.html)
///
/// # Safety
/// `status` and `usage` must be null or writable (the kernel checks: EFAULT).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wait3(status: *mut c_int, options: c_int, usage: *mut libc::rusage) -> pid_t {
    // SAFETY: the caller's contract.
    unsafe { wait::wait4(-1, status, options, usage) }.or_errno(-1)
}

/// [`wait4`](https://man7.org/linux/man-pages/man2/wait4.2.html)
///
/// # Safety
/// `status` and `usage` must be null or writable (the kernel checks: EFAULT).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wait4(pid: pid_t, status: *mut c_int, options: c_int, usage: *mut libc::rusage) -> pid_t {
    // SAFETY: the caller's contract.
    unsafe { wait::wait4(pid, status, options, usage) }.or_errno(-1)
}

/// [`waitid`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/waitid.html)
///
/// # Safety
/// `info` must be null or writable (the kernel checks: EFAULT).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn waitid(idtype: libc::idtype_t, id: libc::id_t, info: *mut libc::siginfo_t, options: c_int) -> c_int {
    // SAFETY: the caller's contract.
    unsafe { wait::waitid(idtype, id, info, options) }.map(|()| 0).or_errno(-1)
}
