//! The `exec` family: `execve`, `fexecve`, and the `PATH` search of `execvp`/`execvpe`.
//!
//! The search follows glibc: a file name with a slash is executed as it is; otherwise each
//! `PATH` directory is tried in order (an empty entry is the working directory; no `PATH`
//! means `/bin:/usr/bin`). `EACCES` from any directory is remembered and reported if nothing
//! runs; errors that say "not here" (`ENOENT`, `ENOTDIR`, `ESTALE`, `ENODEV`, `ETIMEDOUT`)
//! move on; others end the search. A file the kernel cannot run (`ENOEXEC`) is run as a
//! shell script by `/bin/sh`.

use crate::fs::path::CPath;
use core::ffi::{CStr, c_char};
use rustix::io::Errno;

/// The longest path built here (`PATH_MAX`).
const PATH_MAX: usize = 4096;

/// The most arguments passed on to `/bin/sh` for a script without a stack allocation.
const SCRIPT_ARGS: usize = 256;

/// The search path without `PATH`.
const DEFAULT_PATH: &[u8] = b"/bin:/usr/bin";

/// `execve(path, argv, envp)`: only returns on failure.
///
/// # Safety
/// `argv` and `envp` must be null-terminated arrays of NUL-terminated strings (or null,
/// which the kernel takes as empty).
pub unsafe fn execve(path: CPath, argv: *const *const c_char, envp: *const *const c_char) -> Errno {
    crate::thread::cancel::before_exec();
    // SAFETY: per the contract; the kernel reads the path (`fs::path` says why not rustix).
    // On success nothing of this process remains.
    match unsafe { crate::fs::path::at(libc::SYS_execve, [path.arg(), argv as usize, envp as usize, 0, 0, 0]) } {
        Err(e) => e,
        Ok(_) => Errno::NOEXEC,
    }
}

/// `fexecve(fd, argv, envp)`: the file open at `fd`.
///
/// # Safety
/// As [`execve`].
pub unsafe fn fexecve(fd: i32, argv: *const *const c_char, envp: *const *const c_char) -> Errno {
    if fd < 0 || argv.is_null() {
        return Errno::INVAL;
    }
    let Ok(dir) = crate::io::fd::borrow(fd) else { return Errno::BADF };
    crate::thread::cancel::before_exec();
    // SAFETY: per the contract.
    unsafe { crate::kernel::execveat(dir, c"", argv.cast(), envp.cast(), rustix::fs::AtFlags::EMPTY_PATH) }
}

/// Runs `path` as a script with `/bin/sh`, which gets `path` in place of `argv[0]`.
///
/// # Safety
/// As [`execve`].
unsafe fn run_script(path: &CStr, argv: *const *const c_char, envp: *const *const c_char) -> Errno {
    let mut args: [*const c_char; SCRIPT_ARGS + 2] = [core::ptr::null(); SCRIPT_ARGS + 2];
    args[0] = c"/bin/sh".as_ptr();
    args[1] = path.as_ptr();
    let mut i = 1;
    loop {
        // SAFETY: `argv` is null-terminated per the contract; `argv[0]` is skipped.
        let arg = if argv.is_null() { core::ptr::null() } else { unsafe { *argv.add(i) } };
        if arg.is_null() {
            break;
        }
        // The last slot stays null, the array's terminator.
        match args.get_mut(i + 1).filter(|_| i < SCRIPT_ARGS) {
            Some(slot) => *slot = arg,
            None => return Errno::TOOBIG,
        }
        i += 1;
    }
    // SAFETY: a null-terminated array of strings that outlive the call.
    unsafe { execve(c"/bin/sh".into(), args.as_ptr(), envp) }
}

/// `execve`, and on `ENOEXEC` the same file as a shell script.
///
/// # Safety
/// As [`execve`].
unsafe fn execve_or_script(path: &CStr, argv: *const *const c_char, envp: *const *const c_char) -> Errno {
    // SAFETY: per the contract.
    match unsafe { execve(path.into(), argv, envp) } {
        // SAFETY: per the contract.
        Errno::NOEXEC => unsafe { run_script(path, argv, envp) },
        e => e,
    }
}

/// `dir/name` as a C string in `buf`, if it fits.
fn join<'a>(dir: &[u8], name: &[u8], buf: &'a mut [u8; PATH_MAX]) -> Option<&'a CStr> {
    let total = dir.len() + 1 + name.len() + 1;
    let out = buf.get_mut(..total)?;
    let (head, rest) = out.split_at_mut(dir.len());
    head.copy_from_slice(dir);
    let (slash, rest) = rest.split_first_mut()?;
    *slash = b'/';
    let (tail, nul) = rest.split_at_mut(name.len());
    tail.copy_from_slice(name);
    *nul.first_mut()? = 0;
    CStr::from_bytes_with_nul(out).ok()
}

/// `execvpe(file, argv, envp)`: only returns on failure.
///
/// # Safety
/// As [`execve`].
pub unsafe fn execvpe(file: &CStr, argv: *const *const c_char, envp: *const *const c_char) -> Errno {
    let name = file.to_bytes();
    if name.is_empty() {
        return Errno::NOENT;
    }
    if memchr::memchr(b'/', name).is_some() {
        // SAFETY: per the contract.
        return unsafe { execve_or_script(file, argv, envp) };
    }
    if name.len() > 255 {
        return Errno::NAMETOOLONG;
    }
    // SAFETY: `environ` is null or a null-terminated array.
    let path = unsafe { crate::env::lookup(crate::env::environ(), b"PATH") };
    // SAFETY: a value from the environment is NUL-terminated.
    let search = if path.is_null() { DEFAULT_PATH } else { unsafe { CStr::from_ptr(path) }.to_bytes() };
    let mut denied = false;
    let mut buf = [0u8; PATH_MAX];
    for dir in search.split(|&b| b == b':') {
        let dir = if dir.is_empty() { &b"."[..] } else { dir };
        let Some(candidate) = join(dir, name, &mut buf) else { continue };
        // SAFETY: per the contract.
        match unsafe { execve_or_script(candidate, argv, envp) } {
            Errno::ACCESS => denied = true,
            Errno::NOENT | Errno::NOTDIR | Errno::STALE | Errno::NODEV | Errno::TIMEDOUT => {}
            e => return e,
        }
    }
    if denied { Errno::ACCESS } else { Errno::NOENT }
}

/// The environment array for the `exec` calls without an `envp`.
pub fn environ() -> *const *const c_char {
    crate::env::environ().cast_const().cast()
}

/// What follows the terminating null of an `execle` argument list: its `envp`.
///
/// # Safety
/// `args` must point at pointers up to and including a null one, then one more.
pub unsafe fn list_env(args: *const *const c_char) -> *const *const c_char {
    let mut i = 0;
    // SAFETY: per the contract the list ends with a null pointer.
    while !unsafe { *args.add(i) }.is_null() {
        i += 1;
    }
    // SAFETY: per the contract `envp` follows the terminator.
    unsafe { *args.add(i + 1) }.cast()
}

/// `-1` with `errno` set: how the `exec` calls report failure.
fn failed(e: Errno) -> i32 {
    crate::thread::tcb::set_errno(e.raw_os_error());
    -1
}

/// `execl(path, arg0, ..., NULL)` once the assembly shim has laid the variadic arguments out
/// as an array.
///
/// # Safety
/// `path` null or NUL-terminated; `args` a null-terminated list of strings.
pub unsafe extern "C" fn execl_list(path: *const c_char, args: *const *const c_char) -> i32 {
    // SAFETY: per the contract.
    failed(unsafe { execve(CPath::new(path), args, environ()) })
}

/// `execle(path, arg0, ..., NULL, envp)`, as [`execl_list`].
///
/// # Safety
/// As [`execl_list`], with `envp` after the list's null.
pub unsafe extern "C" fn execle_list(path: *const c_char, args: *const *const c_char) -> i32 {
    // SAFETY: per the contract.
    failed(unsafe { execve(CPath::new(path), args, list_env(args)) })
}

/// `execlp(file, arg0, ..., NULL)`, as [`execl_list`].
///
/// # Safety
/// As [`execl_list`].
pub unsafe extern "C" fn execlp_list(file: *const c_char, args: *const *const c_char) -> i32 {
    // SAFETY: per the contract.
    match unsafe { crate::fs::path::c_path(file) } {
        // SAFETY: per the contract.
        Ok(f) => failed(unsafe { execvpe(f, args, environ()) }),
        Err(e) => failed(e),
    }
}

/// `vfork`'s failure path: `errno` from the kernel's negative answer, and -1.
pub extern "C" fn vfork_failed(raw: isize) -> i32 {
    crate::thread::tcb::set_errno(-raw as i32);
    -1
}
