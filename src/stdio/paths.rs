//! `remove` and `rename`, the file-name calls of `<stdio.h>`, with C's paths (`fs::path`).

use crate::fs::links;
use crate::fs::path::CPath;
use rustix::io::Errno;

/// `remove(path)`: unlinks a file, or removes an empty directory (`unlink` says `EISDIR`).
pub fn remove(path: CPath) -> Result<(), Errno> {
    match links::unlinkat(libc::AT_FDCWD, path, 0) {
        Err(Errno::ISDIR) => links::rmdir(path),
        other => other,
    }
}

/// `rename(old, new)`.
pub fn rename(old: CPath, new: CPath) -> Result<(), Errno> {
    links::renameat(libc::AT_FDCWD, old, libc::AT_FDCWD, new, 0)
}
