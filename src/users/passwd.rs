//! `/etc/passwd`: lines `name:password:uid:gid:gecos:dir:shell`.

use super::file::{self, Text};
use rustix::io::Errno;

/// The database's path.
pub const PATH: &core::ffi::CStr = c"/etc/passwd";

/// One entry, borrowed from the file's text.
pub struct Entry<'a> {
    pub name: &'a [u8],
    pub passwd: &'a [u8],
    pub uid: u32,
    pub gid: u32,
    pub gecos: &'a [u8],
    pub dir: &'a [u8],
    pub shell: &'a [u8],
}

impl<'a> Entry<'a> {
    /// The entry a line holds, if it is well formed.
    pub fn parse(line: &'a [u8]) -> Option<Entry<'a>> {
        let [name, passwd, uid, gid, gecos, dir, shell] = file::fields::<7>(line)?;
        if name.is_empty() {
            return None;
        }
        Some(Entry { name, passwd, uid: file::id(uid)?, gid: file::id(gid)?, gecos, dir, shell })
    }

    /// The strings, in `struct passwd`'s order.
    pub fn strings(&self) -> [&'a [u8]; 5] {
        [self.name, self.passwd, self.gecos, self.dir, self.shell]
    }
}

/// `f` applied to the first entry `wanted` accepts; `None` when none does.
pub fn find<R>(wanted: impl Fn(&Entry) -> bool, f: impl FnOnce(&Entry) -> R) -> Result<Option<R>, Errno> {
    let text = Text::read(PATH)?;
    Ok(text.lines().filter_map(Entry::parse).find(|e| wanted(e)).map(|e| f(&e)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_lines() {
        let e = Entry::parse(b"root:x:0:0:root:/root:/bin/bash").unwrap();
        assert_eq!((e.name, e.uid, e.gid, e.dir, e.shell), (&b"root"[..], 0, 0, &b"/root"[..], &b"/bin/bash"[..]));
        assert!(Entry::parse(b"a:x:1:2:g:/d").is_none());
        assert!(Entry::parse(b"a:x:one:2:g:/d:/s").is_none());
        assert!(Entry::parse(b"a:x:1:2:g:/d:/s:extra").is_none());
        assert_eq!(file::id(b""), Some(0));
        assert_eq!(file::id(b"4294967296"), None);
    }
}
