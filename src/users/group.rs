//! `/etc/group`: lines `name:password:gid:member,member,...`.

use super::file::{self, Text};
use rustix::io::Errno;

/// The database's path.
pub const PATH: &core::ffi::CStr = c"/etc/group";

/// One entry, borrowed from the file's text.
pub struct Entry<'a> {
    pub name: &'a [u8],
    pub passwd: &'a [u8],
    pub gid: u32,
    /// The members, comma-separated.
    pub members: &'a [u8],
}

impl<'a> Entry<'a> {
    /// The entry a line holds, if it is well formed.
    pub fn parse(line: &'a [u8]) -> Option<Entry<'a>> {
        let [name, passwd, gid, members] = file::fields::<4>(line)?;
        if name.is_empty() {
            return None;
        }
        Some(Entry { name, passwd, gid: file::id(gid)?, members })
    }

    /// The member names.
    pub fn members(&self) -> impl Iterator<Item = &'a [u8]> {
        self.members.split(|&b| b == b',').filter(|m| !m.is_empty())
    }
}

/// `f` applied to the first entry `wanted` accepts; `None` when none does.
pub fn find<R>(wanted: impl Fn(&Entry) -> bool, f: impl FnOnce(&Entry) -> R) -> Result<Option<R>, Errno> {
    let text = Text::read(PATH)?;
    Ok(text.lines().filter_map(Entry::parse).find(|e| wanted(e)).map(|e| f(&e)))
}

/// `getgrouplist(user, group)`: `group`, then the other groups that list `user`, in the
/// file's order, each once; written into `out` as far as it has room. The number of groups.
pub fn group_list(user: &[u8], group: u32, out: &mut [u32]) -> Result<usize, Errno> {
    let text = Text::read(PATH)?;
    let mut n = 0;
    let add = |gid: u32, out: &mut [u32], n: &mut usize| {
        if let Some(slot) = out.get_mut(*n) {
            *slot = gid;
        }
        *n += 1;
    };
    add(group, out, &mut n);
    for e in text.lines().filter_map(Entry::parse) {
        if e.gid != group && e.members().any(|m| m == user) {
            let seen = out.get(..n.min(out.len())).is_some_and(|s| s.contains(&e.gid));
            if !seen {
                add(e.gid, out, &mut n);
            }
        }
    }
    Ok(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_lines() {
        let e = Entry::parse(b"adm:x:4:syslog,alice").unwrap();
        assert_eq!((e.name, e.gid), (&b"adm"[..], 4));
        assert_eq!(e.members().count(), 2);
        assert_eq!(Entry::parse(b"none:x:5:").unwrap().members().count(), 0);
        assert!(Entry::parse(b"bad:x:5").is_none());
    }
}
