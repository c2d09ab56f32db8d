//! `system(command)`: `/bin/sh -c command`, with the signal handling POSIX asks for: while
//! the command runs the caller ignores `SIGINT` and `SIGQUIT` and blocks `SIGCHLD`; the
//! command itself starts with those at their defaults and the caller's original mask.
//! `system` is a cancellation point (in its wait for the command); a cancelled call kills
//! and reaps the command and restores the caller's signal state first, as glibc's does.

use super::spawn::{self, Program};
use crate::signal::{action, mask, set};
use crate::thread::cleanup;
use core::ffi::{CStr, c_char, c_void};
use rustix::io::Errno;

/// What `system` must put back when it ends, normally or cancelled.
struct Saved {
    int: action::Action,
    quit: action::Action,
    mask: u64,
}

impl Saved {
    fn restore(&self) {
        // SAFETY: the caller's previous actions, put back.
        unsafe {
            let _ = action::sigaction(libc::SIGINT, Some(self.int));
            let _ = action::sigaction(libc::SIGQUIT, Some(self.quit));
        }
        let _ = mask::change(libc::SIG_SETMASK, Some(self.mask));
    }
}

/// The command running, for [`on_cancel`].
struct Running<'a> {
    pid: i32,
    saved: &'a Saved,
}

/// The cleanup handler of a cancelled `system`.
///
/// # Safety
/// `arg` must point at the live [`Running`] of the cancelled call.
unsafe extern "C" fn on_cancel(arg: *mut c_void) {
    // SAFETY: per the contract; the call's frame is still on the stack while the thread
    // unwinds its handlers.
    let running = unsafe { &*arg.cast::<Running<'_>>() };
    let _ = crate::signal::send::kill(running.pid, libc::SIGKILL);
    super::wait::reap(running.pid);
    running.saved.restore();
}

/// Waits for the command `pid`, as a cancellation point.
fn wait_for(pid: i32, saved: &Saved) -> Result<i32, Errno> {
    let running = Running { pid, saved };
    let mut buf = cleanup::OldBuf::empty();
    // SAFETY: `buf` and `running` live until the pop below.
    unsafe { cleanup::push_old(&mut buf, Some(on_cancel), (&raw const running).cast_mut().cast()) };
    let mut status = 0;
    let result = loop {
        // SAFETY: `status` is a live local.
        match unsafe { super::wait::wait4(pid, &raw mut status, 0, core::ptr::null_mut()) } {
            Err(Errno::INTR) => continue,
            Err(e) => break Err(e),
            Ok(_) => break Ok(status),
        }
    };
    // SAFETY: the buffer pushed above, the newest.
    unsafe { cleanup::pop_old(&mut buf, false) };
    result
}

/// Runs `command` and returns its wait status (127 as exit status if the shell could not be
/// started). A null command asks whether a shell exists: nonzero if so.
///
/// # Safety
/// `command` must be null or a NUL-terminated string.
pub unsafe fn system(command: *const c_char) -> Result<i32, Errno> {
    if command.is_null() {
        // SAFETY: a literal command.
        return unsafe { system(c"exit 0".as_ptr()) }.map(|status| i32::from(status == 0));
    }
    let ignore = action::Action { handler: 1, mask: 0, flags: 0, restorer: 0 };
    // SAFETY: SIG_IGN needs no handler.
    let old_int = unsafe { action::sigaction(libc::SIGINT, Some(ignore)) }?;
    // SAFETY: as above.
    let old_quit = unsafe { action::sigaction(libc::SIGQUIT, Some(ignore)) }?;
    let chld = set::bit(libc::SIGCHLD)?;
    let old_mask = mask::change(libc::SIG_BLOCK, Some(chld))?;
    let saved = Saved { int: old_int, quit: old_quit, mask: old_mask };

    // SAFETY: an all-zero attribute is an empty one.
    let mut attr: spawn::SpawnAttr = unsafe { core::mem::zeroed() };
    attr.flags = (spawn::SETSIGDEF | spawn::SETSIGMASK) as i16;
    let mut defaults = 0;
    // Only signals the caller did not ignore go back to the default.
    if old_int.handler != 1 {
        defaults |= set::bit(libc::SIGINT)?;
    }
    if old_quit.handler != 1 {
        defaults |= set::bit(libc::SIGQUIT)?;
    }
    // SAFETY: the attribute's sets, first words.
    unsafe {
        set::write(&raw mut attr.sigdefault, defaults);
        set::write(&raw mut attr.sigmask, old_mask);
    }
    // SAFETY: a literal path; the command is NUL-terminated per the contract.
    let command = unsafe { CStr::from_ptr(command) };
    let argv = [c"sh".as_ptr(), c"-c".as_ptr(), c"--".as_ptr(), command.as_ptr(), core::ptr::null()];
    // SAFETY: a null-terminated array of strings; the current environment.
    let spawned = unsafe { spawn::spawn(Program::Path(c"/bin/sh"), None, Some(&attr), argv.as_ptr(), super::exec::environ()) };
    let status = match spawned {
        Ok(pid) => wait_for(pid, &saved),
        Err(_) => Ok(127 << 8),
    };
    saved.restore();
    status
}
