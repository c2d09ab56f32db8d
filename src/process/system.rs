//! `system(command)`: `/bin/sh -c command`, with the signal handling POSIX asks for: while
//! the command runs the caller ignores `SIGINT` and `SIGQUIT` and blocks `SIGCHLD`; the
//! command itself starts with those at their defaults and the caller's original mask.

use super::spawn::{self, Program};
use crate::signal::{action, mask, set};
use core::ffi::{CStr, c_char};
use rustix::io::Errno;

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
        Ok(pid) => {
            let mut status = 0;
            loop {
                // SAFETY: `status` is a live local.
                match unsafe { super::wait::wait4(pid, &raw mut status, 0, core::ptr::null_mut()) } {
                    Err(Errno::INTR) => continue,
                    Err(e) => break Err(e),
                    Ok(_) => break Ok(status),
                }
            }
        }
        Err(_) => Ok(127 << 8),
    };
    // SAFETY: the caller's previous actions, put back.
    unsafe {
        let _ = action::sigaction(libc::SIGINT, Some(old_int));
        let _ = action::sigaction(libc::SIGQUIT, Some(old_quit));
    }
    let _ = mask::change(libc::SIG_SETMASK, Some(old_mask));
    status
}
