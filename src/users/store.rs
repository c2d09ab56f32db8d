//! Entries copied out to C: into a caller's buffer (the `_r` functions, `ERANGE` when it is
//! too small) or into the static storage of `getpwnam` and the other non-reentrant
//! functions, which also keeps the position of `getpwent` and `getgrent`.

use super::file::Text;
use super::{group, passwd};
use crate::alloc;
use crate::sync::lock::RawLock;
use core::cell::UnsafeCell;
use core::ffi::c_char;
use rustix::io::Errno;

/// A caller's buffer, filled from the front.
struct Buffer {
    at: *mut u8,
    left: usize,
}

impl Buffer {
    /// Room for `size` bytes aligned to `align`, or `ERANGE`.
    fn take(&mut self, size: usize, align: usize) -> Result<*mut u8, Errno> {
        let pad = self.at.align_offset(align);
        let need = pad.checked_add(size).ok_or(Errno::RANGE)?;
        if need > self.left {
            return Err(Errno::RANGE);
        }
        // SAFETY: `need <= left` bytes remain from `at`.
        let p = unsafe { self.at.add(pad) };
        // SAFETY: as above.
        self.at = unsafe { self.at.add(need) };
        self.left -= need;
        Ok(p)
    }

    /// A NUL-terminated copy of `s`.
    fn string(&mut self, s: &[u8]) -> Result<*mut c_char, Errno> {
        let p = self.take(s.len() + 1, 1)?;
        // SAFETY: `take` gave `s.len() + 1` bytes.
        unsafe {
            core::ptr::copy_nonoverlapping(s.as_ptr(), p, s.len());
            p.add(s.len()).write(0);
        }
        Ok(p.cast())
    }
}

/// Copies `e` into `out`, its strings into `buf` (`len` bytes).
///
/// # Safety
/// `out` must be writable for a `struct passwd`, `buf` for `len` bytes.
pub unsafe fn fill_passwd(e: &passwd::Entry, out: *mut libc::passwd, buf: *mut u8, len: usize) -> Result<(), Errno> {
    let mut b = Buffer { at: buf, left: len };
    let [name, pw, gecos, dir, shell] = e.strings().map(|s| b.string(s));
    let value = libc::passwd { pw_name: name?, pw_passwd: pw?, pw_uid: e.uid, pw_gid: e.gid, pw_gecos: gecos?, pw_dir: dir?, pw_shell: shell? };
    // SAFETY: writable per the contract.
    unsafe { out.write(value) };
    Ok(())
}

/// Copies `e` into `out`, its strings and member array into `buf` (`len` bytes).
///
/// # Safety
/// `out` must be writable for a `struct group`, `buf` for `len` bytes.
pub unsafe fn fill_group(e: &group::Entry, out: *mut libc::group, buf: *mut u8, len: usize) -> Result<(), Errno> {
    let mut b = Buffer { at: buf, left: len };
    let count = e.members().count();
    let size = (count + 1).checked_mul(size_of::<*mut c_char>()).ok_or(Errno::RANGE)?;
    let members = b.take(size, align_of::<*mut c_char>())?.cast::<*mut c_char>();
    for (i, m) in e.members().enumerate() {
        let s = b.string(m)?;
        // SAFETY: the array has `count + 1` slots.
        unsafe { members.add(i).write(s) };
    }
    // SAFETY: the terminating slot.
    unsafe { members.add(count).write(core::ptr::null_mut()) };
    let value = libc::group { gr_name: b.string(e.name)?, gr_passwd: b.string(e.passwd)?, gr_gid: e.gid, gr_mem: members };
    // SAFETY: writable per the contract.
    unsafe { out.write(value) };
    Ok(())
}

/// The storage of the non-reentrant functions: one entry of each database, a buffer for its
/// strings, and each database's open iteration.
struct Storage {
    passwd: libc::passwd,
    group: libc::group,
    buf: *mut u8,
    capacity: usize,
    passwd_walk: Option<(Text, usize)>,
    group_walk: Option<(Text, usize)>,
}

struct Shared {
    lock: RawLock,
    storage: UnsafeCell<Storage>,
}

// SAFETY: `storage` is only touched with `lock` held.
unsafe impl Sync for Shared {}

static SHARED: Shared = Shared {
    lock: RawLock::new(),
    storage: UnsafeCell::new(Storage {
        // SAFETY: all-zero is a valid `struct passwd` / `struct group` (null pointers, 0 ids).
        passwd: unsafe { core::mem::zeroed() },
        // SAFETY: as above.
        group: unsafe { core::mem::zeroed() },
        buf: core::ptr::null_mut(),
        capacity: 0,
        passwd_walk: None,
        group_walk: None,
    }),
};

/// Runs `f` on the storage with the lock held.
fn with_storage<R>(f: impl FnOnce(&mut Storage) -> R) -> R {
    SHARED.lock.with(|| {
        // SAFETY: the lock is held, so this is the only reference.
        f(unsafe { &mut *SHARED.storage.get() })
    })
}

impl Storage {
    /// Runs `fill` into the static buffer, growing it while it is too small.
    fn fill(&mut self, mut fill: impl FnMut(*mut u8, usize) -> Result<(), Errno>) -> Result<(), Errno> {
        loop {
            match fill(self.buf, self.capacity) {
                Err(Errno::RANGE) => {
                    let capacity = (self.capacity * 2).max(1024);
                    // SAFETY: null or our block; its old contents are not needed.
                    let grown = unsafe { alloc::reallocate(self.buf, capacity) };
                    if grown.is_null() {
                        return Err(Errno::NOMEM);
                    }
                    self.buf = grown;
                    self.capacity = capacity;
                }
                other => return other,
            }
        }
    }

    fn keep_passwd(&mut self, e: &passwd::Entry) -> Result<*mut libc::passwd, Errno> {
        let out = &raw mut self.passwd;
        // SAFETY: `out` is our static entry; the buffer has `capacity` bytes.
        self.fill(|buf, len| unsafe { fill_passwd(e, out, buf, len) })?;
        Ok(out)
    }

    fn keep_group(&mut self, e: &group::Entry) -> Result<*mut libc::group, Errno> {
        let out = &raw mut self.group;
        // SAFETY: `out` is our static entry; the buffer has `capacity` bytes.
        self.fill(|buf, len| unsafe { fill_group(e, out, buf, len) })?;
        Ok(out)
    }
}

/// The first passwd entry `wanted` accepts, in the static storage; null when none does.
pub fn passwd_static(wanted: impl Fn(&passwd::Entry) -> bool) -> Result<*mut libc::passwd, Errno> {
    let text = Text::read(passwd::PATH)?;
    let Some(e) = text.lines().filter_map(passwd::Entry::parse).find(|e| wanted(e)) else {
        return Ok(core::ptr::null_mut());
    };
    with_storage(|s| s.keep_passwd(&e))
}

/// The first group entry `wanted` accepts, in the static storage; null when none does.
pub fn group_static(wanted: impl Fn(&group::Entry) -> bool) -> Result<*mut libc::group, Errno> {
    let text = Text::read(group::PATH)?;
    let Some(e) = text.lines().filter_map(group::Entry::parse).find(|e| wanted(e)) else {
        return Ok(core::ptr::null_mut());
    };
    with_storage(|s| s.keep_group(&e))
}

/// The next well-formed line of a walk from byte `at`: the line and the offset after it.
fn next_line(text: &Text, at: usize, ok: impl Fn(&[u8]) -> bool) -> Option<(&[u8], usize)> {
    let bytes = text.bytes();
    let mut at = at;
    while at < bytes.len() {
        let rest = bytes.get(at..)?;
        let len = memchr::memchr(b'\n', rest).unwrap_or(rest.len());
        let line = &rest[..len];
        at += len + 1;
        if !line.is_empty() && line[0] != b'#' && ok(line) {
            return Some((line, at));
        }
    }
    None
}

/// The next entry of a walk over the database at `path` (read when the walk starts), made
/// by `keep` from its line; null at the end. `walk` is the text and the offset reached.
fn walk_next<T>(
    walk: &mut Option<(Text, usize)>,
    path: &core::ffi::CStr,
    well_formed: impl Fn(&[u8]) -> bool,
    keep: impl FnOnce(&[u8]) -> Result<*mut T, Errno>,
) -> Result<*mut T, Errno> {
    let (text, at) = match walk.take() {
        Some(w) => w,
        None => (Text::read(path)?, 0),
    };
    let (result, after) = match next_line(&text, at, well_formed) {
        Some((line, after)) => (keep(line), after),
        None => (Ok(core::ptr::null_mut()), usize::MAX),
    };
    *walk = Some((text, after));
    result
}

/// `getpwent`: the next entry of the walk (the file is read on first use), null at the end.
pub fn passwd_next() -> Result<*mut libc::passwd, Errno> {
    with_storage(|s| {
        let mut walk = s.passwd_walk.take();
        let result = walk_next(&mut walk, passwd::PATH, |l| passwd::Entry::parse(l).is_some(), |line| {
            passwd::Entry::parse(line).map_or(Ok(core::ptr::null_mut()), |e| s.keep_passwd(&e))
        });
        s.passwd_walk = walk;
        result
    })
}

/// `getgrent`: the next entry of the walk (the file is read on first use), null at the end.
pub fn group_next() -> Result<*mut libc::group, Errno> {
    with_storage(|s| {
        let mut walk = s.group_walk.take();
        let result = walk_next(&mut walk, group::PATH, |l| group::Entry::parse(l).is_some(), |line| {
            group::Entry::parse(line).map_or(Ok(core::ptr::null_mut()), |e| s.keep_group(&e))
        });
        s.group_walk = walk;
        result
    })
}

/// `setpwent` and `endpwent`: the walk starts again from the top (the file is read again).
pub fn passwd_rewind() {
    with_storage(|s| s.passwd_walk = None);
}

/// `setgrent` and `endgrent`: the walk starts again from the top (the file is read again).
pub fn group_rewind() {
    with_storage(|s| s.group_walk = None);
}

/// The `_r` convention for `fill`'s outcome: 0 with `*result` = `out` (found) or null (not
/// found), or an error number with `*result` null (`EINVAL` for a null `out` or `result`,
/// or a null `buf` of nonzero length, without calling `fill`).
///
/// # Safety
/// `result` must be null or writable.
pub unsafe fn reentrant<T>(out: *mut T, buf: *mut c_char, len: usize, result: *mut *mut T, fill: impl FnOnce() -> Result<bool, Errno>) -> i32 {
    if out.is_null() || result.is_null() || (buf.is_null() && len > 0) {
        return libc::EINVAL;
    }
    let (found, code) = match fill() {
        Ok(true) => (out, 0),
        Ok(false) => (core::ptr::null_mut(), 0),
        Err(e) => (core::ptr::null_mut(), e.raw_os_error()),
    };
    // SAFETY: non-null, and writable per the contract.
    unsafe { result.write(found) };
    code
}

/// The first passwd entry `wanted` accepts, copied into `out` and `buf` (`len` bytes):
/// whether there was one (`ERANGE` when the buffer is too small).
///
/// # Safety
/// As [`fill_passwd`].
pub unsafe fn passwd_into(wanted: impl Fn(&passwd::Entry) -> bool, out: *mut libc::passwd, buf: *mut u8, len: usize) -> Result<bool, Errno> {
    // SAFETY: the caller's contract is `fill_passwd`'s.
    match passwd::find(wanted, |e| unsafe { fill_passwd(e, out, buf, len) })? {
        Some(filled) => filled.map(|()| true),
        None => Ok(false),
    }
}

/// The first group entry `wanted` accepts, copied into `out` and `buf` (`len` bytes):
/// whether there was one (`ERANGE` when the buffer is too small).
///
/// # Safety
/// As [`fill_group`].
pub unsafe fn group_into(wanted: impl Fn(&group::Entry) -> bool, out: *mut libc::group, buf: *mut u8, len: usize) -> Result<bool, Errno> {
    // SAFETY: the caller's contract is `fill_group`'s.
    match group::find(wanted, |e| unsafe { fill_group(e, out, buf, len) })? {
        Some(filled) => filled.map(|()| true),
        None => Ok(false),
    }
}
