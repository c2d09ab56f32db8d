//! inotify: `inotify_init`, `inotify_init1`, `inotify_add_watch`, `inotify_rm_watch`. Events
//! are read from the descriptor as `struct inotify_event` records (the kernel's `read`).

use crate::io::syscall::call3;
use core::ffi::{c_char, c_int};
use rustix::io::Errno;

/// `inotify_init1(flags)`: `IN_NONBLOCK`, `IN_CLOEXEC`; `inotify_init` is this with none.
pub fn init1(flags: c_int) -> Result<c_int, Errno> {
    // SAFETY: an integer argument only.
    unsafe { call3(libc::SYS_inotify_init1, flags as usize, 0, 0) }.map(|fd| fd as c_int)
}

/// `inotify_add_watch(fd, path, mask)`: the watch descriptor (the same one again for a
/// path already watched).
///
/// # Safety
/// `path` must be a NUL-terminated string, or an address the kernel refuses.
pub unsafe fn add_watch(fd: c_int, path: *const c_char, mask: u32) -> Result<c_int, Errno> {
    // SAFETY: the kernel only reads the path.
    unsafe { call3(libc::SYS_inotify_add_watch, fd as usize, path as usize, mask as usize) }.map(|wd| wd as c_int)
}

/// `inotify_rm_watch(fd, wd)`: an unknown watch is `EINVAL`.
pub fn rm_watch(fd: c_int, wd: c_int) -> Result<(), Errno> {
    // SAFETY: integer arguments only.
    unsafe { call3(libc::SYS_inotify_rm_watch, fd as usize, wd as usize, 0) }.map(|_| ())
}
