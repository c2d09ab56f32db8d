//! `glob`: the file names a pattern names, as glibc 2.36 finds and orders them.
//!
//! The pattern is taken a component (between slashes) at a time. A component without
//! wildcards is added to each directory found so far as it is (unquoted); one with wildcards
//! is matched with [`fnmatch`](super::fnmatch) against each directory's entries, read with
//! `readdir`. The last component, without wildcards, names a file that must exist (`lstat`).
//! As in glibc, components before the last match a leading `.` only explicitly even under
//! `GLOB_PERIOD`, a directory that cannot be opened (except one that is no directory) goes
//! to the error callback, and a pattern ending in `/` names the directories it matches, each
//! with a `/`. The names one pattern finds are sorted by `strcmp` (the C locale's `strcoll`)
//! unless `GLOB_NOSORT`; `GLOB_BRACE` globs each alternative of the first `{a,b}` group
//! by itself, in order, so each alternative's names are sorted among themselves.
//!
//! With `GLOB_ALTDIRFUNC` the directories and file types come from the caller's functions
//! ([`Access`]).

use super::access::Access;
use super::fnmatch;
use super::list::{Names, Path};
use crate::fs::dir;
use crate::users::passwd;
use core::ffi::{c_char, c_int};
use rustix::io::Errno;

pub const ERR: i32 = 1 << 0;
pub const MARK: i32 = 1 << 1;
pub const NOSORT: i32 = 1 << 2;
pub const DOOFFS: i32 = 1 << 3;
pub const NOCHECK: i32 = 1 << 4;
pub const APPEND: i32 = 1 << 5;
pub const NOESCAPE: i32 = 1 << 6;
pub const PERIOD: i32 = 1 << 7;
pub const MAGCHAR: i32 = 1 << 8;
pub const ALTDIRFUNC: i32 = 1 << 9;
pub const BRACE: i32 = 1 << 10;
pub const NOMAGIC: i32 = 1 << 11;
pub const TILDE: i32 = 1 << 12;
pub const ONLYDIR: i32 = 1 << 13;
pub const TILDE_CHECK: i32 = 1 << 14;
/// The flags a caller may pass (glibc's `__GLOB_FLAGS`).
pub const ACCEPTED: i32 = ERR | MARK | NOSORT | DOOFFS | NOCHECK | APPEND | NOESCAPE | PERIOD | ALTDIRFUNC | BRACE | NOMAGIC | TILDE | ONLYDIR | TILDE_CHECK;

/// `GLOB_NOSPACE`, `GLOB_ABORTED`, `GLOB_NOMATCH`.
pub const NOSPACE: i32 = 1;
pub const ABORTED: i32 = 2;
pub const NOMATCH: i32 = 3;

/// The error callback: the directory that could not be read and the `errno`; nonzero stops.
pub type ErrorCallback = Option<unsafe extern "C" fn(*const c_char, c_int) -> c_int>;

/// One `glob` call's settings.
#[derive(Clone, Copy)]
pub struct Glob {
    pub flags: i32,
    pub on_error: ErrorCallback,
    pub access: Access,
}

/// What the names found say about the pattern: whether it had wildcards (`GLOB_MAGCHAR`).
pub struct Found {
    pub magic: bool,
}

impl From<Errno> for Failure {
    fn from(_: Errno) -> Failure {
        Failure(NOSPACE)
    }
}

/// A `glob` failure: `GLOB_NOSPACE`, `GLOB_ABORTED` or `GLOB_NOMATCH`.
pub struct Failure(pub i32);

impl Glob {
    /// Appends the names `pattern` names to `out`.
    pub fn run(&self, pattern: &[u8], out: &mut Names) -> Result<Found, Failure> {
        if self.flags & BRACE != 0
            && let Some(group) = brace_group(pattern, self.flags)
        {
            let before = out.len();
            let inner = Glob { flags: self.flags & !NOCHECK, ..*self };
            let mut magic = false;
            for (start, end) in group.alternatives(pattern) {
                let mut one = Path::from(&pattern[..group.open])?;
                one.push(&pattern[start..end])?;
                one.push(&pattern[group.close + 1..])?;
                match inner.run(one.bytes(), out) {
                    Ok(f) => magic |= f.magic,
                    Err(Failure(NOMATCH)) => {}
                    Err(e) => return Err(e),
                }
            }
            if out.len() > before {
                return Ok(Found { magic });
            }
            if self.flags & (NOCHECK | NOMAGIC) == 0 {
                return Err(Failure(NOMATCH));
            }
        }
        self.one(pattern, out)
    }

    /// One pattern, braces aside.
    fn one(&self, pattern: &[u8], out: &mut Names) -> Result<Found, Failure> {
        let start = out.len();
        let expanded = if self.flags & (TILDE | TILDE_CHECK) != 0 && pattern.first() == Some(&b'~') {
            match tilde(pattern)? {
                Some(p) => Some(p),
                None if self.flags & TILDE_CHECK != 0 => return Err(Failure(NOMATCH)),
                None => None,
            }
        } else {
            None
        };
        let pat = expanded.as_ref().map_or(pattern, |p| p.bytes());
        let magic = final_component_special(pat, self.flags);
        if !pat.is_empty() {
            self.walk(pat, out)?;
        }
        if out.len() == start {
            if self.flags & NOCHECK != 0 || (self.flags & NOMAGIC != 0 && !magic) {
                out.push(Path::from(pattern)?)?;
                return Ok(Found { magic });
            }
            return Err(Failure(NOMATCH));
        }
        if self.flags & MARK != 0 {
            self.mark_directories(out, start)?;
        }
        if self.flags & NOSORT == 0 {
            dir::sort(&mut out.as_mut_slice()[start..], |a, b| {
                // SAFETY: the list's strings are NUL-terminated.
                unsafe { core::ffi::CStr::from_ptr(a) < core::ffi::CStr::from_ptr(b) }
            });
        }
        Ok(Found { magic })
    }

    /// The names `pat` (not empty, tilde expanded) names, appended to `out`.
    fn walk(&self, pat: &[u8], out: &mut Names) -> Result<(), Failure> {
        // A pattern ending in `/` names the directories the rest names, each with a `/`.
        if pat.len() > 1 && pat.last() == Some(&b'/') {
            let inner = Glob { flags: self.flags | MARK | ONLYDIR | NOSORT, ..*self };
            let mut dirs = Names::new();
            inner.walk(&pat[..pat.len() - 1], &mut dirs)?;
            self.mark_directories(&mut dirs, 0)?;
            for i in 0..dirs.len() {
                let name = dirs.get(i);
                if name.last() == Some(&b'/') {
                    let mut p = Path::from(name)?;
                    if self.flags & MARK != 0 {
                        p.push(b"/")?;
                    }
                    out.push(p)?;
                }
            }
            return Ok(());
        }
        let (root, rest) = match pat.iter().position(|&b| b != b'/') {
            Some(0) => (&pat[..0], pat),
            Some(i) => pat.split_at(i),
            None => (pat, &pat[pat.len()..]),
        };
        let mut bases = Names::new();
        bases.push(Path::from(root)?)?;
        if rest.is_empty() {
            return self.keep_existing(bases, out);
        }
        let mut components = rest.split(|&b| b == b'/').peekable();
        while let Some(component) = components.next() {
            let last = components.peek().is_none();
            let noescape = self.flags & NOESCAPE;
            let mut next = Names::new();
            if pattern_type(component, self.flags) == Type::None || (!last && !has_magic(component, self.flags)) {
                let literal = unquote(component, noescape != 0, last)?;
                for i in 0..bases.len() {
                    let mut p = Path::from(bases.get(i))?;
                    p.push(literal.bytes())?;
                    if !last {
                        p.push(b"/")?;
                    }
                    next.push(p)?;
                }
                if last {
                    return self.keep_existing(next, out);
                }
            } else {
                let period = if last && self.flags & PERIOD != 0 { 0 } else { fnmatch::PERIOD };
                let fnm_flags = period | if noescape != 0 { fnmatch::NOESCAPE } else { 0 };
                let only_dirs = !last || self.flags & ONLYDIR != 0;
                for i in 0..bases.len() {
                    self.list(bases.get(i), component, fnm_flags, only_dirs, !last, &mut next)?;
                }
            }
            bases = next;
        }
        for i in 0..bases.len() {
            out.push(Path::from(bases.get(i))?)?;
        }
        Ok(())
    }

    /// The entries of directory `base` (`.` when empty) that `component` matches, as `base`
    /// and the name (and a `/` when `slash`), into `out`; with `only_dirs`, entries that are
    /// known not to be directories are left out.
    fn list(&self, base: &[u8], component: &[u8], fnm_flags: i32, only_dirs: bool, slash: bool, out: &mut Names) -> Result<(), Failure> {
        // The directory as glibc names it: `base` without its last `/` (`.` for none).
        let dir_name = match base {
            b"" => Path::from(b".")?,
            b"/" => Path::from(b"/")?,
            _ => Path::from(base.strip_suffix(b"/").unwrap_or(base))?,
        };
        let d = match self.access.open(&dir_name) {
            Ok(d) => d,
            Err(e) => {
                if e == Errno::NOTDIR {
                    return Ok(());
                }
                // SAFETY: the callback is C's, called as glibc calls it.
                let stop = self.on_error.is_some_and(|f| unsafe { f(dir_name.as_c(), e.raw_os_error()) } != 0);
                return if stop || self.flags & ERR != 0 { Err(Failure(ABORTED)) } else { Ok(()) };
            }
        };
        let result = (|| {
            // SAFETY: `d` is open; the name is used before the next call.
            while let Some((name, kind)) = unsafe { self.access.next(&d) } {
                if fnmatch::fnmatch(component, name, fnm_flags) != 0 {
                    continue;
                }
                let mut p = Path::from(base)?;
                p.push(name)?;
                if only_dirs && !self.maybe_directory(kind, &p) {
                    continue;
                }
                if slash {
                    p.push(b"/")?;
                }
                out.push(p)?;
            }
            Ok(())
        })();
        self.access.close(d);
        result
    }

    /// Whether an entry of type `kind` at `path` may be a directory: a directory, or a link
    /// or an entry of unknown type that `stat` says is one.
    fn maybe_directory(&self, kind: u8, path: &Path) -> bool {
        match kind {
            libc::DT_DIR => true,
            libc::DT_LNK | libc::DT_UNKNOWN => self.is_directory(path),
            _ => false,
        }
    }

    /// Whether `path` is a directory, links followed.
    fn is_directory(&self, path: &Path) -> bool {
        self.access.mode(path, true).is_ok_and(|m| m & libc::S_IFMT == libc::S_IFDIR)
    }

    /// Moves the names in `names` that exist (`lstat`) to `out`.
    fn keep_existing(&self, names: Names, out: &mut Names) -> Result<(), Failure> {
        for i in 0..names.len() {
            let p = Path::from(names.get(i))?;
            match self.access.mode(&p, false) {
                Ok(_) | Err(Errno::OVERFLOW) => out.push(p)?,
                Err(_) => {}
            }
        }
        Ok(())
    }

    /// Appends `/` to the names from `start` on that are directories.
    fn mark_directories(&self, names: &mut Names, start: usize) -> Result<(), Failure> {
        for i in start..names.len() {
            let p = Path::from(names.get(i))?;
            if p.bytes().last() != Some(&b'/') && self.is_directory(&p) {
                let mut marked = p;
                marked.push(b"/")?;
                names.replace(i, marked);
            }
        }
        Ok(())
    }
}

/// `~` or `~user` at the start of `pattern` replaced by the home directory; `None` when there
/// is none to be had (no `HOME` nor passwd entry, no such user).
fn tilde(pattern: &[u8]) -> Result<Option<Path>, Errno> {
    let end = pattern.iter().position(|&b| b == b'/').unwrap_or(pattern.len());
    let user = &pattern[1..end];
    let home = if user.is_empty() {
        let env = crate::env::getenv(b"HOME");
        if env.is_null() {
            let uid = rustix::process::getuid().as_raw();
            passwd::find(|e| e.uid == uid, |e| Path::from(e.dir))?.transpose()?
        } else {
            // SAFETY: environment values are NUL-terminated.
            Some(Path::from(unsafe { core::ffi::CStr::from_ptr(env) }.to_bytes())?)
        }
    } else {
        passwd::find(|e| e.name == user, |e| Path::from(e.dir))?.transpose()?
    };
    let Some(mut home) = home else { return Ok(None) };
    home.push(&pattern[end..])?;
    Ok(Some(home))
}

/// What kind of special characters a pattern has (glibc's `__glob_pattern_type`).
#[derive(PartialEq, Eq)]
enum Type {
    None,
    /// Quoting backslashes, or a `[` without a later `]`, and no wildcard.
    Quoted,
    /// `?`, `*` or a `[` with a later `]`.
    Magic,
}

fn pattern_type(pattern: &[u8], flags: i32) -> Type {
    let mut kind = Type::None;
    let mut bracket = false;
    let mut i = 0;
    while i < pattern.len() {
        match pattern[i] {
            b'?' | b'*' => return Type::Magic,
            b'\\' if flags & NOESCAPE == 0 => {
                if i + 1 < pattern.len() {
                    i += 1;
                }
                kind = Type::Quoted;
            }
            b'[' => {
                bracket = true;
                kind = Type::Quoted;
            }
            b']' if bracket => return Type::Magic,
            _ => {}
        }
        i += 1;
    }
    kind
}

/// Whether the last component of `pat` has special characters (wildcards, quoting, a `[`):
/// glibc's `GLOB_MAGCHAR` (which a pattern ending in `/` never sets).
fn final_component_special(pat: &[u8], flags: i32) -> bool {
    if pat.last() == Some(&b'/') {
        return false;
    }
    let start = pat.iter().rposition(|&b| b == b'/').map_or(0, |i| i + 1);
    pattern_type(&pat[start..], flags) != Type::None
}

/// Whether the pattern has a wildcard.
fn has_magic(pattern: &[u8], flags: i32) -> bool {
    pattern_type(pattern, flags) == Type::Magic
}

/// A component without wildcards, its quoting backslashes removed (one before the `/` that
/// ends a component quotes that `/`, and goes too).
fn unquote(component: &[u8], noescape: bool, last: bool) -> Result<Path, Errno> {
    let mut p = Path::from(b"")?;
    let mut i = 0;
    while i < component.len() {
        if !noescape && component[i] == b'\\' {
            if i + 1 == component.len() && !last {
                break;
            }
            if i + 1 < component.len() {
                i += 1;
            }
        }
        p.push(&component[i..i + 1])?;
        i += 1;
    }
    Ok(p)
}

/// The first brace group `{a,b}` of a pattern: where it opens and closes.
struct BraceGroup {
    open: usize,
    close: usize,
    /// Whether a backslash quotes the next character (no `GLOB_NOESCAPE`).
    quoting: bool,
}

impl BraceGroup {
    /// The byte ranges of the alternatives.
    fn alternatives<'a>(&self, pattern: &'a [u8]) -> impl Iterator<Item = (usize, usize)> + 'a {
        let (open, close, quoting) = (self.open, self.close, self.quoting);
        let mut start = open + 1;
        let mut depth = 0usize;
        let mut i = open + 1;
        let mut done = false;
        core::iter::from_fn(move || {
            while !done && i <= close {
                let b = pattern[i];
                i += 1;
                match b {
                    b'\\' if quoting => i += 1,
                    b'{' => depth += 1,
                    b'}' if depth > 0 => depth -= 1,
                    b',' | b'}' if depth == 0 => {
                        let alt = (start, i - 1);
                        start = i;
                        done = b == b'}';
                        return Some(alt);
                    }
                    _ => {}
                }
            }
            None
        })
    }
}

/// The first unquoted `{` with its matching `}`, if the pattern has one.
fn brace_group(pattern: &[u8], flags: i32) -> Option<BraceGroup> {
    let quoting = flags & NOESCAPE == 0;
    let mut i = 0;
    let open = loop {
        match pattern.get(i)? {
            b'\\' if quoting => i += 2,
            b'{' => break i,
            _ => i += 1,
        }
    };
    let mut depth = 0usize;
    let mut j = open + 1;
    while let Some(&b) = pattern.get(j) {
        match b {
            b'\\' if quoting => j += 1,
            b'{' => depth += 1,
            b'}' if depth == 0 => return Some(BraceGroup { open, close: j, quoting }),
            b'}' => depth -= 1,
            _ => {}
        }
        j += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pattern_types() {
        assert!(pattern_type(b"abc", 0) == Type::None);
        assert!(pattern_type(b"a\\bc", 0) == Type::Quoted);
        assert!(pattern_type(b"a\\bc", NOESCAPE) == Type::None);
        assert!(pattern_type(b"[ab", 0) == Type::Quoted);
        assert!(pattern_type(b"[ab]", 0) == Type::Magic);
        assert!(pattern_type(b"a*", 0) == Type::Magic);
        assert!(final_component_special(b"*/x", 0) == false);
        assert!(final_component_special(b"x/a\\*", 0));
        assert_eq!(unquote(b"a\\*b\\", false, false).unwrap().bytes(), b"a*b");
        assert_eq!(unquote(b"a\\*b", true, true).unwrap().bytes(), b"a\\*b");
    }

    #[test]
    fn brace_groups() {
        let p = b"x{a,{b,c},}y";
        let g = brace_group(p, 0).unwrap();
        assert_eq!((g.open, g.close), (1, 10));
        let alts: std::vec::Vec<&[u8]> = g.alternatives(p).map(|(s, e)| &p[s..e]).collect();
        assert_eq!(alts, [&b"a"[..], b"{b,c}", b""]);
        assert!(brace_group(b"{a", 0).is_none());
        assert!(brace_group(b"\\{a}", 0).is_none());
        assert!(brace_group(b"\\{a}", NOESCAPE).is_some());
    }
}
