//! `realpath`: the absolute path of a file with every `.`, `..`, repeated `/` and symbolic
//! link resolved, component by component (`readlink` on each prefix, as glibc does).
//!
//! The path still to resolve is kept at the end of a buffer, so that a link's target can be
//! put in front of what remains; a relative path starts from the working directory. More
//! than 40 links is `ELOOP` (glibc's limit), a result or intermediate path beyond `PATH_MAX`
//! `ENAMETOOLONG`, and a component that is not a directory but is followed by `/` `ENOTDIR`.

use core::ffi::CStr;
use rustix::fs::CWD;
use rustix::io::Errno;

/// `PATH_MAX`, with its NUL.
pub const PATH_MAX: usize = 4096;
/// The most links followed.
const MAX_LINKS: usize = 40;

/// The resolved path, NUL-terminated in a fixed buffer.
pub struct Resolved {
    buf: [u8; PATH_MAX],
    len: usize,
}

impl Resolved {
    /// The path with its NUL.
    pub fn with_nul(&self) -> &[u8] {
        self.buf.get(..self.len + 1).unwrap_or_default()
    }

    /// `buf[..len]` as a C string (the NUL is kept at `len`).
    fn c_str(&self) -> Result<&CStr, Errno> {
        CStr::from_bytes_with_nul(self.with_nul()).map_err(|_| Errno::INVAL)
    }

    fn set_len(&mut self, len: usize) {
        self.len = len;
        if let Some(b) = self.buf.get_mut(len) {
            *b = 0;
        }
    }

    /// Appends `/component`.
    fn push(&mut self, component: &[u8]) -> Result<(), Errno> {
        let end = self.len + 1 + component.len();
        if end >= PATH_MAX {
            return Err(Errno::NAMETOOLONG);
        }
        let dst = self.buf.get_mut(self.len..end).ok_or(Errno::NAMETOOLONG)?;
        if let Some((slash, rest)) = dst.split_first_mut() {
            *slash = b'/';
            rest.copy_from_slice(component);
        }
        self.set_len(end);
        Ok(())
    }

    /// Drops the last component (nothing at the root).
    fn pop(&mut self) {
        let cut = memchr::memrchr(b'/', self.buf.get(..self.len).unwrap_or_default()).unwrap_or(0);
        self.set_len(cut);
    }
}

/// Resolves `path`.
pub fn resolve(path: &[u8]) -> Result<Resolved, Errno> {
    if path.is_empty() {
        return Err(Errno::NOENT);
    }
    if path.len() >= PATH_MAX {
        return Err(Errno::NAMETOOLONG);
    }
    let mut out = Resolved { buf: [0; PATH_MAX], len: 0 };
    if path.first() != Some(&b'/') {
        // SAFETY: `out.buf` is writable for its length.
        let n = unsafe { crate::fs::cwd::getcwd(out.buf.as_mut_ptr(), PATH_MAX) }?;
        // `n` counts the NUL; the root directory is "/", kept as the empty prefix.
        let len = n.saturating_sub(1);
        out.set_len(if len == 1 { 0 } else { len });
    }
    // What is left to resolve: `rest[at..]`.
    let mut rest = [0u8; PATH_MAX];
    let mut at = PATH_MAX - path.len();
    rest.get_mut(at..).ok_or(Errno::NAMETOOLONG)?.copy_from_slice(path);
    let mut links = 0;
    let mut target = [0u8; PATH_MAX];
    loop {
        while rest.get(at) == Some(&b'/') {
            at += 1;
        }
        if at == PATH_MAX {
            break;
        }
        let tail = rest.get(at..).unwrap_or_default();
        let len = memchr::memchr(b'/', tail).unwrap_or(tail.len());
        let component = tail.get(..len).unwrap_or_default();
        let followed_by_slash = len < tail.len();
        let mut next = at + len;
        match component {
            b"." => {}
            b".." => out.pop(),
            _ => {
                let keep = out.len;
                out.push(component)?;
                match rustix::fs::readlinkat_raw(CWD, out.c_str()?, &mut target[..]) {
                    Ok(n) => {
                        links += 1;
                        if links > MAX_LINKS {
                            return Err(Errno::LOOP);
                        }
                        out.set_len(keep);
                        let link = target.get(..n).unwrap_or_default();
                        if link.first() == Some(&b'/') {
                            out.set_len(0);
                        }
                        // The target takes the component's place in front of what remains
                        // (which is empty or starts with `/`).
                        let start = next.checked_sub(n).ok_or(Errno::NAMETOOLONG)?;
                        rest.get_mut(start..next).ok_or(Errno::NAMETOOLONG)?.copy_from_slice(link);
                        next = start;
                    }
                    Err(Errno::INVAL) => {
                        // Not a link: it exists; with a `/` after it, it must be a directory.
                        if followed_by_slash {
                            let st = rustix::fs::statat(CWD, out.c_str()?, rustix::fs::AtFlags::empty())?;
                            if rustix::fs::FileType::from_raw_mode(st.st_mode) != rustix::fs::FileType::Directory {
                                return Err(Errno::NOTDIR);
                            }
                        }
                    }
                    Err(e) => return Err(e),
                }
            }
        }
        at = next;
    }
    if out.len == 0 {
        out.push(b"")?;
    }
    Ok(out)
}
