//! `remove` and `rename`, the file-name calls of `<stdio.h>`.

use core::ffi::CStr;
use rustix::fs::{AtFlags, CWD};
use rustix::io::Errno;

/// `remove(path)`: unlinks a file, or removes an empty directory (`unlink` says `EISDIR`).
pub fn remove(path: &CStr) -> Result<(), Errno> {
    match rustix::fs::unlinkat(CWD, path, AtFlags::empty()) {
        Err(Errno::ISDIR) => rustix::fs::unlinkat(CWD, path, AtFlags::REMOVEDIR),
        other => other,
    }
}

/// `rename(old, new)`.
pub fn rename(old: &CStr, new: &CStr) -> Result<(), Errno> {
    rustix::fs::renameat(CWD, old, CWD, new)
}
