//! `<unistd.h>` and `<stdlib.h>`: the `exec` functions with an array, `system`, and the
//! generic `syscall`. (`execl`, `execle`, `execlp` and `vfork` are assembly in `crate::arch`.)

use super::OrErrno;
use crate::fs::path::{CPath, c_path};
use crate::process::exec;
use core::ffi::{c_char, c_int, c_long};

/// `-1` with `errno` set.
fn failed(e: rustix::io::Errno) -> c_int {
    crate::thread::tcb::set_errno(e.raw_os_error());
    -1
}

/// [`execve`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/execve.html)
///
/// # Safety
/// `path` null or NUL-terminated; `argv` and `envp` null-terminated arrays of strings.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn execve(path: *const c_char, argv: *const *mut c_char, envp: *const *mut c_char) -> c_int {
    // SAFETY: the caller's contract.
    failed(unsafe { exec::execve(CPath::new(path), argv.cast(), envp.cast()) })
}

/// [`execv`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/execv.html)
///
/// # Safety
/// As [`execve`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn execv(path: *const c_char, argv: *const *mut c_char) -> c_int {
    // SAFETY: as `execve`.
    unsafe { execve(path, argv, exec::environ().cast()) }
}

/// [`execvpe`](https://man7.org/linux/man-pages/man3/execvpe.3.html)
///
/// # Safety
/// As [`execve`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn execvpe(file: *const c_char, argv: *const *mut c_char, envp: *const *mut c_char) -> c_int {
    // SAFETY: the caller's contract.
    match unsafe { c_path(file) } {
        // SAFETY: the caller's contract.
        Ok(f) => failed(unsafe { exec::execvpe(f, argv.cast(), envp.cast()) }),
        Err(e) => failed(e),
    }
}

/// [`execvp`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/execvp.html)
///
/// # Safety
/// As [`execve`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn execvp(file: *const c_char, argv: *const *mut c_char) -> c_int {
    // SAFETY: as `execvpe`.
    unsafe { execvpe(file, argv, exec::environ().cast()) }
}

/// [`fexecve`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/fexecve.html)
///
/// # Safety
/// As [`execve`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fexecve(fd: c_int, argv: *const *mut c_char, envp: *const *mut c_char) -> c_int {
    // SAFETY: the caller's contract.
    failed(unsafe { exec::fexecve(fd, argv.cast(), envp.cast()) })
}

/// [`system`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/system.html)
///
/// # Safety
/// `command` must be null or a NUL-terminated string.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn system(command: *const c_char) -> c_int {
    // SAFETY: the caller's contract.
    unsafe { crate::process::system::system(command) }.or_errno(-1)
}

/// [`syscall`](https://man7.org/linux/man-pages/man2/syscall.2.html): variadic in C; on
/// x86_64 the six possible arguments arrive as six more fixed ones would (the sixth on the
/// stack, where the caller's frame always has a word to read).
///
/// # Safety
/// The call and its arguments must be valid for that system call.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn syscall(nr: c_long, a: c_long, b: c_long, c: c_long, d: c_long, e: c_long, f: c_long) -> c_long {
    let args = [a, b, c, d, e, f].map(|v| v as usize);
    // SAFETY: the caller's contract.
    unsafe { crate::io::syscall::call(nr, args) }.map(|v| v as c_long).or_errno(-1)
}
