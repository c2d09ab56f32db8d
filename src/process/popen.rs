//! `popen` and `pclose`: a stream on a pipe to or from `/bin/sh -c command`.
//!
//! The command is started with `posix_spawn`'s machinery (no copy of the caller's memory),
//! its standard output (mode `r`) or input (mode `w`) on the pipe. POSIX wants the streams
//! of earlier `popen` calls closed in the new child: every open one is recorded in a list
//! (stream, descriptor, pid), each becomes a close action for the child, and `pclose` finds
//! the pid there to wait for. Mode `e` makes the caller's end close-on-exec.

use super::spawn::{self, FileAction, FileActions, Program};
use crate::alloc;
use crate::stdio::file::File;
use crate::sync::lock::RawLock;
use core::cell::UnsafeCell;
use core::ffi::{CStr, c_int};
use rustix::io::Errno;

/// One open `popen` stream.
struct Entry {
    file: *mut File,
    fd: c_int,
    pid: i32,
    next: *mut Entry,
}

struct List {
    lock: RawLock,
    head: UnsafeCell<*mut Entry>,
}

// SAFETY: `head` and the entries are only touched with `lock` held.
unsafe impl Sync for List {}

static OPEN: List = List { lock: RawLock::new(), head: UnsafeCell::new(core::ptr::null_mut()) };

/// `popen(command, mode)`: the stream.
pub fn popen(command: &CStr, mode: &CStr) -> Result<*mut File, Errno> {
    let m = mode.to_bytes();
    let reading = match m.first() {
        Some(b'r') => true,
        Some(b'w') => false,
        _ => return Err(Errno::INVAL),
    };
    if m.iter().skip(1).any(|&c| c != b'e') {
        return Err(Errno::INVAL);
    }
    let cloexec = m.contains(&b'e');
    let [r, w] = crate::io::fd::pipe2(libc::O_CLOEXEC)?;
    let (mine, theirs, target) = if reading { (r, w, 1) } else { (w, r, 0) };
    let entry = alloc::allocate(size_of::<Entry>()).cast::<Entry>();
    if entry.is_null() {
        let _ = crate::io::fd::close(r);
        let _ = crate::io::fd::close(w);
        return Err(Errno::NOMEM);
    }
    let result = OPEN.lock.with(|| {
        let mut fa = FileActions::empty();
        let mut plan = || -> Result<i32, Errno> {
            spawn::add(&mut fa, FileAction::Dup2 { from: theirs, to: target })?;
            // SAFETY: the lock is held; the list's entries are live.
            let mut e = unsafe { *OPEN.head.get() };
            while !e.is_null() {
                // SAFETY: as above.
                let fd = unsafe { (*e).fd };
                if fd != target && fd != theirs {
                    spawn::add(&mut fa, FileAction::Close { fd })?;
                }
                // SAFETY: as above.
                e = unsafe { (*e).next };
            }
            let argv = [c"sh".as_ptr(), c"-c".as_ptr(), command.as_ptr(), core::ptr::null()];
            // SAFETY: a null-terminated array of strings; the current environment.
            unsafe { spawn::spawn(Program::Path(c"/bin/sh"), Some(&fa), None, argv.as_ptr(), super::exec::environ()) }
        };
        let spawned = plan();
        spawn::actions_destroy(&mut fa);
        // The child has its copy of the other end (or failed); ours is not needed either way.
        let _ = crate::io::fd::close(theirs);
        let pid = match spawned {
            Ok(pid) => pid,
            Err(e) => {
                let _ = crate::io::fd::close(mine);
                return Err(e);
            }
        };
        if !cloexec {
            let _ = crate::io::fd::fcntl(mine, libc::F_SETFD, 0);
        }
        let file = match crate::stdio::open::fdopen(mine, if reading { c"r" } else { c"w" }) {
            Ok(file) => file,
            Err(e) => {
                // The command sees end-of-file (or a broken pipe) and ends; it is reaped so
                // that no zombie stays behind.
                let _ = crate::io::fd::close(mine);
                super::wait::reap(pid);
                return Err(e);
            }
        };
        // SAFETY: a fresh block for one `Entry`; the lock is held.
        unsafe {
            entry.write(Entry { file, fd: mine, pid, next: *OPEN.head.get() });
            *OPEN.head.get() = entry;
        }
        Ok(file)
    });
    if result.is_err() {
        // SAFETY: not recorded.
        unsafe { alloc::deallocate(entry.cast()) };
    }
    result
}

/// `pclose(file)`: closes the stream and waits for its command; the wait status. A stream
/// that `popen` did not make is just closed (0), as glibc does.
///
/// # Safety
/// `file` must be a live stream, not used again if it was `popen`'s.
pub unsafe fn pclose(file: *mut File) -> Result<i32, Errno> {
    let pid = OPEN.lock.with(|| {
        // SAFETY: the lock is held; the list's entries are live.
        unsafe {
            let mut link: *mut *mut Entry = OPEN.head.get();
            while !(*link).is_null() {
                let e = *link;
                if (*e).file == file {
                    *link = (*e).next;
                    let pid = (*e).pid;
                    alloc::deallocate(e.cast());
                    return Some(pid);
                }
                link = &raw mut (*e).next;
            }
            None
        }
    });
    // SAFETY: the caller's contract.
    let closed = unsafe { crate::stdio::open::fclose(file) };
    let Some(pid) = pid else { return closed.map(|()| 0) };
    let mut status = 0;
    loop {
        // SAFETY: `status` is a live local.
        match unsafe { super::wait::wait4(pid, &raw mut status, 0, core::ptr::null_mut()) } {
            Err(Errno::INTR) => continue,
            Err(e) => return Err(e),
            Ok(_) => return Ok(status),
        }
    }
}
