//! `<spawn.h>`: `posix_spawn`, `posix_spawnp`, file actions and attributes (glibc's
//! layouts).

use crate::fs::path::c_path;
use crate::process::spawn::{self, FileAction, FileActions, Program, SpawnAttr};
use core::ffi::{c_char, c_int, c_short};
use libc::{pid_t, posix_spawn_file_actions_t, posix_spawnattr_t, sigset_t};
use rustix::io::Errno;

/// An error number for C (0 for success).
fn code(r: Result<(), Errno>) -> c_int {
    r.err().map_or(0, Errno::raw_os_error)
}

/// The caller's file-action list, or `EINVAL` for null.
///
/// # Safety
/// `fa` must be null or a list made by `posix_spawn_file_actions_init`.
unsafe fn list<'a>(fa: *mut posix_spawn_file_actions_t) -> Result<&'a mut FileActions, Errno> {
    // SAFETY: per the contract; `FileActions` is glibc's layout.
    unsafe { fa.cast::<FileActions>().as_mut() }.ok_or(Errno::INVAL)
}

/// The caller's attributes, or `EINVAL` for null.
///
/// # Safety
/// `a` must be null or point at a `posix_spawnattr_t`.
unsafe fn attr<'a>(a: *mut posix_spawnattr_t) -> Result<&'a mut SpawnAttr, Errno> {
    // SAFETY: per the contract; `SpawnAttr` is glibc's layout.
    unsafe { a.cast::<SpawnAttr>().as_mut() }.ok_or(Errno::INVAL)
}

/// `posix_spawn` and `posix_spawnp`.
///
/// # Safety
/// As for `posix_spawn`.
unsafe fn run(pid: *mut pid_t, program: Program<'_>, fa: *const posix_spawn_file_actions_t, a: *const posix_spawnattr_t, argv: *const *mut c_char, envp: *const *mut c_char) -> c_int {
    // SAFETY: per the contract, null or valid.
    let (fa, a) = unsafe { (fa.cast::<FileActions>().as_ref(), a.cast::<SpawnAttr>().as_ref()) };
    // SAFETY: per the contract.
    match unsafe { spawn::spawn(program, fa, a, argv.cast(), envp.cast()) } {
        Ok(child) => {
            if !pid.is_null() {
                // SAFETY: non-null and writable per the contract.
                unsafe { pid.write(child) };
            }
            0
        }
        Err(e) => e.raw_os_error(),
    }
}

/// [`posix_spawn`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/posix_spawn.html)
///
/// # Safety
/// `path` NUL-terminated; `fa`, `a` null or initialised; `argv`, `envp` as for `execve`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn posix_spawn(
    pid: *mut pid_t,
    path: *const c_char,
    fa: *const posix_spawn_file_actions_t,
    a: *const posix_spawnattr_t,
    argv: *const *mut c_char,
    envp: *const *mut c_char,
) -> c_int {
    // SAFETY: the caller's contract.
    match unsafe { c_path(path) } {
        // SAFETY: the caller's contract.
        Ok(p) => unsafe { run(pid, Program::Path(p), fa, a, argv, envp) },
        Err(e) => e.raw_os_error(),
    }
}

/// [`posix_spawnp`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/posix_spawnp.html)
///
/// # Safety
/// As [`posix_spawn`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn posix_spawnp(
    pid: *mut pid_t,
    file: *const c_char,
    fa: *const posix_spawn_file_actions_t,
    a: *const posix_spawnattr_t,
    argv: *const *mut c_char,
    envp: *const *mut c_char,
) -> c_int {
    // SAFETY: the caller's contract.
    match unsafe { c_path(file) } {
        // SAFETY: the caller's contract.
        Ok(f) => unsafe { run(pid, Program::Search(f), fa, a, argv, envp) },
        Err(e) => e.raw_os_error(),
    }
}

/// [`posix_spawn_file_actions_init`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/posix_spawn_file_actions_init.html)
///
/// # Safety
/// `fa` must be null or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn posix_spawn_file_actions_init(fa: *mut posix_spawn_file_actions_t) -> c_int {
    // SAFETY: the caller's contract; the memory is only written.
    code(unsafe { list(fa) }.map(spawn::actions_init))
}

/// [`posix_spawn_file_actions_destroy`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/posix_spawn_file_actions_destroy.html)
///
/// # Safety
/// `fa` must be null or initialised.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn posix_spawn_file_actions_destroy(fa: *mut posix_spawn_file_actions_t) -> c_int {
    // SAFETY: the caller's contract.
    code(unsafe { list(fa) }.map(spawn::actions_destroy))
}

/// [`posix_spawn_file_actions_addopen`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/posix_spawn_file_actions_addopen.html)
///
/// # Safety
/// `fa` null or initialised; `path` null or NUL-terminated.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn posix_spawn_file_actions_addopen(fa: *mut posix_spawn_file_actions_t, fd: c_int, path: *const c_char, flags: c_int, mode: libc::mode_t) -> c_int {
    // SAFETY: the caller's contract.
    code(unsafe { list(fa) }.and_then(|fa| {
        spawn::valid_fd(fd)?;
        // SAFETY: the caller's contract.
        let path = spawn::copy_path(unsafe { c_path(path) }?)?;
        spawn::add(fa, FileAction::Open { fd, path, flags, mode }).inspect_err(|_| {
            // SAFETY: the copy just made, not recorded.
            unsafe { crate::alloc::deallocate(path.cast()) }
        })
    }))
}

/// [`posix_spawn_file_actions_addclose`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/posix_spawn_file_actions_addclose.html)
///
/// # Safety
/// `fa` null or initialised.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn posix_spawn_file_actions_addclose(fa: *mut posix_spawn_file_actions_t, fd: c_int) -> c_int {
    // SAFETY: the caller's contract.
    code(unsafe { list(fa) }.and_then(|fa| {
        spawn::valid_fd(fd)?;
        spawn::add(fa, FileAction::Close { fd })
    }))
}

/// [`posix_spawn_file_actions_adddup2`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/posix_spawn_file_actions_adddup2.html)
///
/// # Safety
/// `fa` null or initialised.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn posix_spawn_file_actions_adddup2(fa: *mut posix_spawn_file_actions_t, from: c_int, to: c_int) -> c_int {
    // SAFETY: the caller's contract.
    code(unsafe { list(fa) }.and_then(|fa| {
        spawn::valid_fd(from)?;
        spawn::valid_fd(to)?;
        spawn::add(fa, FileAction::Dup2 { from, to })
    }))
}

/// [`posix_spawn_file_actions_addchdir_np`](https://man7.org/linux/man-pages/man3/posix_spawn.3.html)
///
/// # Safety
/// `fa` null or initialised; `path` null or NUL-terminated.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn posix_spawn_file_actions_addchdir_np(fa: *mut posix_spawn_file_actions_t, path: *const c_char) -> c_int {
    // SAFETY: the caller's contract.
    code(unsafe { list(fa) }.and_then(|fa| {
        // SAFETY: the caller's contract.
        let path = spawn::copy_path(unsafe { c_path(path) }?)?;
        spawn::add(fa, FileAction::Chdir { path }).inspect_err(|_| {
            // SAFETY: the copy just made, not recorded.
            unsafe { crate::alloc::deallocate(path.cast()) }
        })
    }))
}

/// [`posix_spawn_file_actions_addfchdir_np`](https://man7.org/linux/man-pages/man3/posix_spawn.3.html):
/// the descriptor is checked when the action runs (`EBADF` from `posix_spawn`), as in glibc.
///
/// # Safety
/// `fa` null or initialised.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn posix_spawn_file_actions_addfchdir_np(fa: *mut posix_spawn_file_actions_t, fd: c_int) -> c_int {
    // SAFETY: the caller's contract.
    code(unsafe { list(fa) }.and_then(|fa| spawn::add(fa, FileAction::Fchdir { fd })))
}

/// [`posix_spawnattr_init`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/posix_spawnattr_init.html)
///
/// # Safety
/// `a` must be null or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn posix_spawnattr_init(a: *mut posix_spawnattr_t) -> c_int {
    // SAFETY: the caller's contract; the memory is only written.
    code(unsafe { attr(a) }.map(SpawnAttr::init))
}

/// [`posix_spawnattr_destroy`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/posix_spawnattr_destroy.html)
///
/// # Safety
/// `a` must be null or initialised.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn posix_spawnattr_destroy(a: *mut posix_spawnattr_t) -> c_int {
    // SAFETY: the caller's contract.
    code(unsafe { attr(a) }.map(|_| ()))
}

/// [`posix_spawnattr_setflags`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/posix_spawnattr_setflags.html)
///
/// # Safety
/// `a` must be null or initialised.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn posix_spawnattr_setflags(a: *mut posix_spawnattr_t, flags: c_short) -> c_int {
    // SAFETY: the caller's contract.
    code(unsafe { attr(a) }.and_then(|a| {
        if i32::from(flags) & !spawn::KNOWN_FLAGS != 0 {
            return Err(Errno::INVAL);
        }
        a.flags = flags;
        Ok(())
    }))
}

/// [`posix_spawnattr_getflags`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/posix_spawnattr_getflags.html)
///
/// # Safety
/// `a` null or initialised; `out` writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn posix_spawnattr_getflags(a: *const posix_spawnattr_t, out: *mut c_short) -> c_int {
    // SAFETY: the caller's contract.
    code(unsafe { attr(a.cast_mut()) }.map(|a| {
        // SAFETY: `out` is writable per the contract.
        unsafe { out.write(a.flags) }
    }))
}

/// [`posix_spawnattr_setpgroup`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/posix_spawnattr_setpgroup.html)
///
/// # Safety
/// `a` must be null or initialised.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn posix_spawnattr_setpgroup(a: *mut posix_spawnattr_t, pgrp: pid_t) -> c_int {
    // SAFETY: the caller's contract.
    code(unsafe { attr(a) }.map(|a| a.pgrp = pgrp))
}

/// [`posix_spawnattr_getpgroup`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/posix_spawnattr_getpgroup.html)
///
/// # Safety
/// `a` null or initialised; `out` writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn posix_spawnattr_getpgroup(a: *const posix_spawnattr_t, out: *mut pid_t) -> c_int {
    // SAFETY: the caller's contract.
    code(unsafe { attr(a.cast_mut()) }.map(|a| {
        // SAFETY: `out` is writable per the contract.
        unsafe { out.write(a.pgrp) }
    }))
}

/// [`posix_spawnattr_setsigmask`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/posix_spawnattr_setsigmask.html)
///
/// # Safety
/// `a` null or initialised; `s` readable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn posix_spawnattr_setsigmask(a: *mut posix_spawnattr_t, s: *const sigset_t) -> c_int {
    // SAFETY: the caller's contract.
    code(unsafe { attr(a) }.map(|a| {
        // SAFETY: `s` is readable per the contract.
        unsafe { a.sigmask = s.read() }
    }))
}

/// [`posix_spawnattr_getsigmask`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/posix_spawnattr_getsigmask.html)
///
/// # Safety
/// `a` null or initialised; `out` writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn posix_spawnattr_getsigmask(a: *const posix_spawnattr_t, out: *mut sigset_t) -> c_int {
    // SAFETY: the caller's contract.
    code(unsafe { attr(a.cast_mut()) }.map(|a| {
        // SAFETY: `out` is writable per the contract.
        unsafe { out.write(a.sigmask) }
    }))
}

/// [`posix_spawnattr_setsigdefault`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/posix_spawnattr_setsigdefault.html)
///
/// # Safety
/// `a` null or initialised; `s` readable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn posix_spawnattr_setsigdefault(a: *mut posix_spawnattr_t, s: *const sigset_t) -> c_int {
    // SAFETY: the caller's contract.
    code(unsafe { attr(a) }.map(|a| {
        // SAFETY: `s` is readable per the contract.
        unsafe { a.sigdefault = s.read() }
    }))
}

/// [`posix_spawnattr_getsigdefault`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/posix_spawnattr_getsigdefault.html)
///
/// # Safety
/// `a` null or initialised; `out` writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn posix_spawnattr_getsigdefault(a: *const posix_spawnattr_t, out: *mut sigset_t) -> c_int {
    // SAFETY: the caller's contract.
    code(unsafe { attr(a.cast_mut()) }.map(|a| {
        // SAFETY: `out` is writable per the contract.
        unsafe { out.write(a.sigdefault) }
    }))
}

/// [`posix_spawnattr_setschedparam`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/posix_spawnattr_setschedparam.html)
///
/// # Safety
/// `a` null or initialised; `p` readable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn posix_spawnattr_setschedparam(a: *mut posix_spawnattr_t, p: *const libc::sched_param) -> c_int {
    // SAFETY: the caller's contract.
    code(unsafe { attr(a) }.map(|a| {
        // SAFETY: `p` is readable per the contract.
        unsafe { a.sched = p.read() }
    }))
}

/// [`posix_spawnattr_getschedparam`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/posix_spawnattr_getschedparam.html)
///
/// # Safety
/// `a` null or initialised; `out` writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn posix_spawnattr_getschedparam(a: *const posix_spawnattr_t, out: *mut libc::sched_param) -> c_int {
    // SAFETY: the caller's contract.
    code(unsafe { attr(a.cast_mut()) }.map(|a| {
        // SAFETY: `out` is writable per the contract.
        unsafe { out.write(a.sched) }
    }))
}

/// [`posix_spawnattr_setschedpolicy`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/posix_spawnattr_setschedpolicy.html)
///
/// # Safety
/// `a` must be null or initialised.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn posix_spawnattr_setschedpolicy(a: *mut posix_spawnattr_t, policy: c_int) -> c_int {
    // SAFETY: the caller's contract.
    code(unsafe { attr(a) }.and_then(|a| match policy {
        libc::SCHED_OTHER | libc::SCHED_FIFO | libc::SCHED_RR | libc::SCHED_BATCH | libc::SCHED_IDLE => {
            a.policy = policy;
            Ok(())
        }
        _ => Err(Errno::INVAL),
    }))
}

/// [`posix_spawnattr_getschedpolicy`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/posix_spawnattr_getschedpolicy.html)
///
/// # Safety
/// `a` null or initialised; `out` writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn posix_spawnattr_getschedpolicy(a: *const posix_spawnattr_t, out: *mut c_int) -> c_int {
    // SAFETY: the caller's contract.
    code(unsafe { attr(a.cast_mut()) }.map(|a| {
        // SAFETY: `out` is writable per the contract.
        unsafe { out.write(a.policy) }
    }))
}
