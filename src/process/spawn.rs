//! `posix_spawn` and `posix_spawnp`, with file actions and attributes in glibc's layouts.
//!
//! As in glibc, the child shares the parent's memory (`clone` with `CLONE_VM | CLONE_VFORK`
//! on a stack of its own, `crate::arch::clone_vfork`), so nothing is copied however large the
//! parent is, and the parent is suspended until the child has executed the program or
//! failed. Every signal is blocked around it. The child first sets every handled signal to
//! its default (a handler must not run in the parent's memory), then applies the attributes
//! and the file actions in glibc's order, restores the signal mask, and executes the
//! program; if a step fails it leaves the error number in the shared job and ends with
//! status 127, and the parent reaps it and returns that number. No atfork handlers run, as
//! in glibc. The child allocates nothing and takes no lock.
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

impl FileActions {
    /// An empty list.
    pub const fn empty() -> FileActions {
        FileActions { allocated: 0, used: 0, actions: core::ptr::null_mut(), pad: [0; 16] }
    }
}

/// `posix_spawn_file_actions_init`.
pub fn actions_init(fa: &mut FileActions) {
    *fa = FileActions::empty();
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

/// In the child: every signal with a handler, and every signal in `defaults`, back to
/// `SIG_DFL` (ignored signals stay ignored, as `exec` keeps them).
fn reset_handlers(defaults: u64) {
    use crate::kernel::{self as runtime, KernelSigaction, Signal};
    for sig in 1..crate::signal::set::NSIG {
        if sig == libc::SIGKILL || sig == libc::SIGSTOP {
            continue;
        }
        // SAFETY: `sig` is a valid signal number.
        let signal = unsafe { Signal::from_raw_unchecked(sig) };
        // SAFETY: only queries.
        let Ok(old) = (unsafe { runtime::kernel_sigaction(signal, None) }) else { continue };
        let handler = old.sa_handler_kernel.map_or(0, |f| f as usize);
        if handler > 1 || (defaults & (1 << (sig - 1)) != 0 && handler != 0) {
            let dfl = KernelSigaction { sa_handler_kernel: runtime::KERNEL_SIG_DFL, ..Default::default() };
            // SAFETY: SIG_DFL needs no handler; this child has its own copy of the actions.
            let _ = unsafe { runtime::kernel_sigaction(signal, Some(dfl)) };
        }
    }
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
        let defaults = match attr {
            // SAFETY: the attribute's set, first word.
            Some(a) if flags & SETSIGDEF != 0 => unsafe { crate::signal::set::read(&raw const a.sigdefault) },
            _ => 0,
        };
        reset_handlers(defaults);
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
                // The list owns a NUL-terminated copy of the path.
                FileAction::Chdir { path } => step(crate::fs::cwd::chdir(crate::fs::path::CPath::new(path)))?,
                FileAction::Fchdir { fd } => step(crate::fs::cwd::fchdir(fd))?,
            }
        }
        step(crate::signal::mask::change(libc::SIG_SETMASK, Some(mask)).map(|_| ()))?;
        // SAFETY: per the contract.
        let e = unsafe {
            match program {
                Program::Path(p) => super::exec::execve((*p).into(), argv, envp),
                Program::Search(f) => super::exec::execvpe(f, argv, envp),
            }
        };
        Err(e.raw_os_error())
    };
    run().err().unwrap_or(libc::ENOEXEC)
}

/// What the child needs, in memory it shares with the suspended parent.
struct Job<'a, 'b> {
    program: Program<'a>,
    fa: Option<&'b FileActions>,
    attr: Option<&'b SpawnAttr>,
    mask: u64,
    argv: *const *const c_char,
    envp: *const *const c_char,
    /// The error number of the step that failed; 0 while none has.
    error: i32,
}

/// The child's entry (from `clone_vfork`): runs the job and ends.
unsafe extern "C" fn child_entry(job: *mut u8) -> ! {
    // SAFETY: the parent's `Job`, which it does not touch until this process execs or ends.
    let job = unsafe { &mut *job.cast::<Job<'_, '_>>() };
    // SAFETY: in the child; the job's arrays are the caller's, valid per `spawn`'s contract.
    job.error = unsafe { child(&job.program, job.fa, job.attr, job.mask, job.argv, job.envp) };
    crate::exit::exit_now(127)
}

/// Bytes of the child's stack: what `child` and `execvpe` use (a path buffer, a script's
/// argument array), with room to spare.
const CHILD_STACK: usize = 64 * 1024;

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
    use crate::kernel::{self as runtime, How, KernelSigSet};
    use rustix::mm::{MapFlags, ProtFlags};
    // SAFETY: a fresh private mapping, the child's stack, unmapped below.
    let stack = unsafe { rustix::mm::mmap_anonymous(core::ptr::null_mut(), CHILD_STACK, ProtFlags::READ | ProtFlags::WRITE, MapFlags::PRIVATE) }
        .map_err(|_| Errno::AGAIN)?;
    // Every signal blocked, the runtime's too, so no handler runs in the child; the mask the
    // program had is what the child gets back.
    // SAFETY: changes this thread's mask; it is restored below.
    let old = match unsafe { runtime::kernel_sigprocmask(How::SETMASK, Some(&KernelSigSet::all())) } {
        Ok(old) => old,
        Err(e) => {
            // SAFETY: our mapping, unused.
            let _ = unsafe { rustix::mm::munmap(stack, CHILD_STACK) };
            return Err(e);
        }
    };
    // SAFETY: on x86_64 the kernel's signal set is one 64-bit word (transmute checks sizes).
    let mask = unsafe { core::mem::transmute::<KernelSigSet, u64>(old.clone()) };
    let mut job = Job { program, fa, attr, mask, argv, envp, error: 0 };
    // SAFETY: the stack is the child's alone; `child_entry` ends with exec or exit and only
    // writes `job.error`, which this thread reads after the child is gone from its memory.
    let pid = unsafe { crate::arch::clone_vfork(stack.cast::<u8>().add(CHILD_STACK), child_entry, (&raw mut job).cast()) };
    // SAFETY: restores this thread's mask.
    let _ = unsafe { runtime::kernel_sigprocmask(How::SETMASK, Some(&old)) };
    // SAFETY: the child no longer runs in this memory (it exec'ed or ended).
    let _ = unsafe { rustix::mm::munmap(stack, CHILD_STACK) };
    if pid < 0 {
        return Err(Errno::from_raw_os_error(-pid as i32));
    }
    // SAFETY: the child has exec'ed or ended, so the shared job is ours again.
    let error = unsafe { core::ptr::read_volatile(&raw const job.error) };
    if error != 0 {
        super::wait::reap(pid as i32);
        return Err(Errno::from_raw_os_error(error));
    }
    Ok(pid as i32)
}
