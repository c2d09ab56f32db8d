//! `posix_spawn` and `posix_spawnp`, with file actions and attributes in glibc's layouts.
//!
//! The child is made with a plain fork (`fork::fork_raw`, no atfork handlers, as glibc's
//! spawn runs none), with every signal blocked around it so that no handler of the parent's
//! runs in the child. The child applies the attributes and the file actions in glibc's
//! order, restores the signal mask, and executes the program; if any step fails it writes
//! the error number to a close-on-exec pipe and ends with status 127. The parent reads the
//! pipe: end-of-file means the program is running; an error number is returned after the
//! child is reaped. The child code allocates nothing, so a lock another thread held at the
//! fork cannot stop it.
//!
//! A file-action list keeps glibc's `posix_spawn_file_actions_t` header: `__allocated` and
//! `__used` count entries of [`FileAction`] in an allocation at `__actions`.

use crate::alloc;
use core::ffi::{CStr, c_char, c_int};
use rustix::io::Errno;

/// One file action, run in the child in the order added.
#[derive(Clone, Copy)]
pub enum FileAction {
    /// `open(path, flags, mode)` and move the result to `fd` (path owned by the list).
    Open { fd: c_int, path: *mut c_char, flags: c_int, mode: u32 },
    Close { fd: c_int },
    Dup2 { from: c_int, to: c_int },
    /// `chdir(path)` (path owned by the list).
    Chdir { path: *mut c_char },
    Fchdir { fd: c_int },
}

/// glibc's `posix_spawn_file_actions_t`.
#[repr(C)]
pub struct FileActions {
    allocated: c_int,
    used: c_int,
    actions: *mut FileAction,
    pad: [c_int; 16],
}

const _: () = assert!(size_of::<FileActions>() == size_of::<libc::posix_spawn_file_actions_t>());

/// `posix_spawn_file_actions_init`.
pub fn actions_init(fa: &mut FileActions) {
    *fa = FileActions { allocated: 0, used: 0, actions: core::ptr::null_mut(), pad: [0; 16] };
}

/// The actions recorded so far.
fn actions(fa: &FileActions) -> &[FileAction] {
    if fa.actions.is_null() || fa.used <= 0 {
        return &[];
    }
    // SAFETY: `actions` holds `used` initialised entries, written by `add`.
    unsafe { core::slice::from_raw_parts(fa.actions, fa.used as usize) }
}

/// `posix_spawn_file_actions_destroy`: frees the list and the paths it owns.
pub fn actions_destroy(fa: &mut FileActions) {
    for a in actions(fa) {
        if let FileAction::Open { path, .. } | FileAction::Chdir { path } = *a {
            // SAFETY: the path was allocated by `copy_path`, and is freed once.
            unsafe { alloc::deallocate(path.cast()) };
        }
    }
    // SAFETY: null or our allocation.
    unsafe { alloc::deallocate(fa.actions.cast()) };
    actions_init(fa);
}

/// A copy of `path` in an allocation of its own.
pub fn copy_path(path: &CStr) -> Result<*mut c_char, Errno> {
    let bytes = path.to_bytes_with_nul();
    let p = alloc::allocate(bytes.len());
    if p.is_null() {
        return Err(Errno::NOMEM);
    }
    // SAFETY: a fresh block of `bytes.len()` bytes.
    unsafe { core::ptr::copy_nonoverlapping(bytes.as_ptr(), p, bytes.len()) };
    Ok(p.cast())
}

/// Appends an action. A descriptor out of range is `EBADF`, as glibc checks.
pub fn add(fa: &mut FileActions, action: FileAction) -> Result<(), Errno> {
    if fa.used >= fa.allocated {
        let cap = if fa.allocated <= 0 { 8 } else { fa.allocated.checked_mul(2).ok_or(Errno::NOMEM)? };
        // SAFETY: null or our allocation.
        let grown = unsafe { alloc::reallocate(fa.actions.cast(), cap as usize * size_of::<FileAction>()) };
        if grown.is_null() {
            return Err(Errno::NOMEM);
        }
        fa.actions = grown.cast();
        fa.allocated = cap;
    }
    // SAFETY: `used < allocated` entries fit.
    unsafe { fa.actions.add(fa.used as usize).write(action) };
    fa.used += 1;
    Ok(())
}

/// Whether `fd` is a descriptor number a file action may name (below the open-files limit).
pub fn valid_fd(fd: c_int) -> Result<(), Errno> {
    let limit = crate::system::sysconf::sysconf(libc::_SC_OPEN_MAX).unwrap_or(-1);
    if fd < 0 || (limit > 0 && i64::from(fd) >= limit) { Err(Errno::BADF) } else { Ok(()) }
}

/// glibc's `posix_spawnattr_t`.
#[repr(C)]
pub struct SpawnAttr {
    pub flags: i16,
    pub pgrp: libc::pid_t,
    pub sigdefault: libc::sigset_t,
    pub sigmask: libc::sigset_t,
    pub sched: libc::sched_param,
    pub policy: c_int,
    pad: [c_int; 16],
}

const _: () = assert!(size_of::<SpawnAttr>() == size_of::<libc::posix_spawnattr_t>());
const _: () = assert!(core::mem::offset_of!(SpawnAttr, sigdefault) == 8 && core::mem::offset_of!(SpawnAttr, sched) == 264);

/// The attribute flags, as `int`s.
pub const RESETIDS: i32 = libc::POSIX_SPAWN_RESETIDS;
pub const SETPGROUP: i32 = libc::POSIX_SPAWN_SETPGROUP;
pub const SETSIGDEF: i32 = libc::POSIX_SPAWN_SETSIGDEF;
pub const SETSIGMASK: i32 = libc::POSIX_SPAWN_SETSIGMASK;
pub const SETSCHEDPARAM: i32 = libc::POSIX_SPAWN_SETSCHEDPARAM;
pub const SETSCHEDULER: i32 = libc::POSIX_SPAWN_SETSCHEDULER;
pub const USEVFORK: i32 = libc::POSIX_SPAWN_USEVFORK as i32;
pub const SETSID: i32 = libc::POSIX_SPAWN_SETSID as i32;

/// The flags `posix_spawnattr_setflags` accepts.
pub const KNOWN_FLAGS: i32 = RESETIDS | SETPGROUP | SETSIGDEF | SETSIGMASK | SETSCHEDPARAM | SETSCHEDULER | USEVFORK | SETSID;

impl SpawnAttr {
    /// `posix_spawnattr_init`: everything zero.
    pub fn init(&mut self) {
        // SAFETY: all-zero bytes are a valid `SpawnAttr` (integers and bit sets).
        *self = unsafe { core::mem::zeroed() };
    }
}

/// What the child runs: a path, or a file name searched in `PATH`.
pub enum Program<'a> {
    Path(&'a CStr),
    Search(&'a CStr),
}

/// Runs `f` and turns its failure into the raw error number.
fn step(r: Result<(), Errno>) -> Result<(), i32> {
    r.map_err(|e| e.raw_os_error())
}

/// Moves `fd` to `target`, closing the original.
fn place(fd: c_int, target: c_int) -> Result<(), Errno> {
    if fd != target {
        crate::io::fd::dup3(fd, target, 0, true)?;
        crate::io::fd::close(fd)?;
    }
    Ok(())
}

/// The child's side: attributes, file actions, mask, exec. Returns only the error number.
///
/// # Safety
/// In the child of a fork; `argv` and `envp` as for `execve`.
unsafe fn child(
    program: &Program<'_>,
    fa: Option<&FileActions>,
    attr: Option<&SpawnAttr>,
    mask: u64,
    argv: *const *const c_char,
    envp: *const *const c_char,
) -> i32 {
    let run = || -> Result<(), i32> {
        let flags = attr.map_or(0, |a| i32::from(a.flags));
        let mut mask = mask;
        if let Some(a) = attr {
            if flags & SETSID != 0 {
                step(super::ids::setsid().map(|_| ()))?;
            }
            if flags & SETPGROUP != 0 {
                step(super::ids::setpgid(0, a.pgrp))?;
            }
            let param = (&raw const a.sched) as usize;
            if flags & SETSCHEDULER != 0 {
                // SAFETY: the kernel reads the attribute's `sched_param`.
                step(unsafe { crate::io::syscall::call3(libc::SYS_sched_setscheduler, 0, a.policy as usize, param) }.map(|_| ()))?;
            } else if flags & SETSCHEDPARAM != 0 {
                // SAFETY: as above.
                step(unsafe { crate::io::syscall::call3(libc::SYS_sched_setparam, 0, param, 0) }.map(|_| ()))?;
            }
            if flags & RESETIDS != 0 {
                step(super::ids::setid(super::ids::getgid(), true))?;
                step(super::ids::setid(super::ids::getuid(), false))?;
            }
            if flags & SETSIGDEF != 0 {
                // SAFETY: the attribute's set, first word.
                let defaults = unsafe { crate::signal::set::read(&raw const a.sigdefault) };
                for sig in 1..crate::signal::set::NSIG {
                    if defaults & (1 << (sig - 1)) != 0 && crate::signal::set::user_bit(sig).is_ok() {
                        let dfl = crate::signal::action::Action { handler: 0, mask: 0, flags: 0, restorer: 0 };
                        // SAFETY: SIG_DFL needs no handler.
                        let _ = unsafe { crate::signal::action::sigaction(sig, Some(dfl)) };
                    }
                }
            }
            if flags & SETSIGMASK != 0 {
                // SAFETY: the attribute's set, first word.
                mask = unsafe { crate::signal::set::read(&raw const a.sigmask) };
            }
        }
        for action in fa.map_or(&[][..], actions) {
            match *action {
                FileAction::Open { fd, path, flags, mode } => {
                    // `open` gives the lowest free number; it is then moved into place.
                    // SAFETY: the list owns a NUL-terminated copy of the path.
                    let new = unsafe { crate::io::fd::open(path, flags, mode) }.map_err(|e| e.raw_os_error())?;
                    step(place(new, fd))?;
                }
                FileAction::Close { fd } => {
                    let _ = crate::io::fd::close(fd);
                }
                FileAction::Dup2 { from, to } => {
                    if from == to {
                        // dup2 to itself: clear close-on-exec instead, as glibc does.
                        let fl = crate::io::fd::fcntl(from, libc::F_GETFD, 0).map_err(|e| e.raw_os_error())?;
                        step(crate::io::fd::fcntl(from, libc::F_SETFD, (fl & !libc::FD_CLOEXEC) as usize).map(|_| ()))?;
                    } else {
                        step(crate::io::fd::dup3(from, to, 0, true).map(|_| ()))?;
                    }
                }
                // SAFETY: the list owns a NUL-terminated copy of the path.
                FileAction::Chdir { path } => step(crate::fs::cwd::chdir(unsafe { CStr::from_ptr(path) }))?,
                FileAction::Fchdir { fd } => step(crate::fs::cwd::fchdir(fd))?,
            }
        }
        step(crate::signal::mask::change(libc::SIG_SETMASK, Some(mask)).map(|_| ()))?;
        // SAFETY: per the contract.
        let e = unsafe {
            match program {
                Program::Path(p) => super::exec::execve(p, argv, envp),
                Program::Search(f) => super::exec::execvpe(f, argv, envp),
            }
        };
        Err(e.raw_os_error())
    };
    run().err().unwrap_or(libc::ENOEXEC)
}

/// `posix_spawn(pid, program, actions, attr, argv, envp)`: the child's pid.
///
/// # Safety
/// `argv` and `envp` as for `execve`.
pub unsafe fn spawn(
    program: Program<'_>,
    fa: Option<&FileActions>,
    attr: Option<&SpawnAttr>,
    argv: *const *const c_char,
    envp: *const *const c_char,
) -> Result<i32, Errno> {
    let [report_r, report_w] = crate::io::fd::pipe2(libc::O_CLOEXEC)?;
    let old_mask = crate::signal::mask::change(libc::SIG_SETMASK, Some(!0))?;
    let forked = super::fork::fork_raw();
    if let Ok(0) = forked {
        let _ = crate::io::fd::close(report_r);
        // SAFETY: the child of the fork; the caller's contract for the arrays.
        let e = unsafe { child(&program, fa, attr, old_mask, argv, envp) };
        let bytes = e.to_ne_bytes();
        // SAFETY: a live local buffer.
        let _ = unsafe { crate::io::fd::write(report_w, bytes.as_ptr(), bytes.len()) };
        crate::exit::exit_now(127);
    }
    let _ = crate::signal::mask::change(libc::SIG_SETMASK, Some(old_mask));
    let _ = crate::io::fd::close(report_w);
    let result = forked.and_then(|pid| {
        let mut bytes = [0u8; 4];
        let n = loop {
            // SAFETY: a live local buffer.
            match unsafe { crate::io::fd::read(report_r, bytes.as_mut_ptr(), 4) } {
                Err(Errno::INTR) => continue,
                other => break other,
            }
        };
        if let Ok(4) = n {
            let mut status = 0;
            // SAFETY: `status` is a live local.
            let _ = unsafe { super::wait::wait4(pid, &raw mut status, 0, core::ptr::null_mut()) };
            return Err(Errno::from_raw_os_error(i32::from_ne_bytes(bytes)));
        }
        Ok(pid)
    });
    let _ = crate::io::fd::close(report_r);
    result
}
