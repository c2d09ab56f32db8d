//! Directory streams (`DIR`): `opendir`, `fdopendir`, `readdir`, `readdir_r`, `telldir`,
//! `seekdir`, `rewinddir`, `closedir`, and `scandir` with `alphasort`.
//!
//! A stream is one allocation: the descriptor, the position, and a buffer that the raw
//! `getdents64` call fills. The kernel's `struct linux_dirent64` is glibc's `struct dirent`
//! (and `dirent64`) up to the name, so `readdir` returns pointers into the buffer, valid
//! until the next call on the same stream, as POSIX allows. (rustix's `RawDir` iterates a
//! buffer it borrows, which cannot hand such pointers out.)

use crate::alloc;
use super::path::CPath;
use core::ffi::{CStr, c_int};
use rustix::io::Errno;

/// Bytes of entries read at once (glibc reads 32 KiB too).
const BUFFER: usize = 32 * 1024 - 64;

/// An open directory stream.
#[repr(C, align(8))]
pub struct Dir {
    fd: c_int,
    /// Bytes of `buf` holding entries, and the offset of the next entry to return.
    len: usize,
    next: usize,
    /// The directory position after the last entry returned (`telldir`).
    position: i64,
    buf: [u8; BUFFER],
}

/// The header of an entry as the kernel writes it: `d_ino`, `d_off`, `d_reclen`, `d_type`.
const HEADER: usize = 19;

/// A new stream on `fd`, which becomes the stream's.
fn wrap(fd: c_int) -> Result<*mut Dir, Errno> {
    let dir = alloc::allocate(size_of::<Dir>()).cast::<Dir>();
    if dir.is_null() {
        return Err(Errno::NOMEM);
    }
    // SAFETY: a fresh block big enough for a `Dir` (16-aligned); the buffer needs no
    // initialisation, only the counters.
    unsafe {
        (&raw mut (*dir).fd).write(fd);
        (&raw mut (*dir).len).write(0);
        (&raw mut (*dir).next).write(0);
        (&raw mut (*dir).position).write(0);
    }
    Ok(dir)
}

/// `opendir(path)`; the kernel reads the path (`fs::path`).
pub fn opendir(path: CPath) -> Result<*mut Dir, Errno> {
    let args = [libc::AT_FDCWD as usize, path.arg(), (libc::O_RDONLY | libc::O_DIRECTORY | libc::O_CLOEXEC) as usize, 0, 0, 0];
    // SAFETY: the kernel reads the path; the rest are integers.
    let fd = unsafe { super::path::at(libc::SYS_openat, args) }? as c_int;
    wrap(fd).inspect_err(|_| {
        let _ = crate::io::fd::close(fd);
    })
}

/// `fdopendir(fd)`: a directory opened for reading, else `ENOTDIR` or `EINVAL`.
pub fn fdopendir(fd: c_int) -> Result<*mut Dir, Errno> {
    let st = super::stat::fstat(fd)?;
    if st.st_mode & libc::S_IFMT != libc::S_IFDIR {
        return Err(Errno::NOTDIR);
    }
    let flags = crate::io::fd::fcntl(fd, libc::F_GETFL, 0)?;
    if flags & libc::O_ACCMODE == libc::O_WRONLY || flags & libc::O_PATH != 0 {
        return Err(Errno::INVAL);
    }
    wrap(fd)
}

/// `readdir(dir)`: the next entry, or null at the end (an error also gives null, with the
/// error returned).
///
/// # Safety
/// `dir` must be a stream from [`opendir`] or [`fdopendir`], not yet closed.
pub unsafe fn readdir(dir: *mut Dir) -> Result<*mut libc::dirent64, Errno> {
    // SAFETY: a live stream per the contract.
    let d = unsafe { &mut *dir };
    if d.next >= d.len {
        let args = [d.fd as usize, d.buf.as_mut_ptr() as usize, BUFFER, 0, 0, 0];
        // SAFETY: the kernel writes at most `BUFFER` bytes of entries into the buffer.
        let n = unsafe { crate::io::syscall::call(libc::SYS_getdents64, args) }?;
        d.len = n;
        d.next = 0;
        if n == 0 {
            return Ok(core::ptr::null_mut());
        }
    }
    let at = d.next;
    let header = d.buf.get(at..at + HEADER).ok_or(Errno::IO)?;
    let offset = i64::from_ne_bytes(header[8..16].try_into().map_err(|_| Errno::IO)?);
    let reclen = usize::from(u16::from_ne_bytes([header[16], header[17]]));
    if reclen < HEADER {
        return Err(Errno::IO);
    }
    d.next = at + reclen;
    d.position = offset;
    Ok(d.buf.get_mut(at..).ok_or(Errno::IO)?.as_mut_ptr().cast())
}

/// `telldir(dir)`.
///
/// # Safety
/// As [`readdir`].
pub unsafe fn telldir(dir: *mut Dir) -> i64 {
    // SAFETY: a live stream per the contract.
    unsafe { (*dir).position }
}

/// `seekdir(dir, position)`, `rewinddir` with 0: the buffered entries are dropped.
///
/// # Safety
/// As [`readdir`].
pub unsafe fn seekdir(dir: *mut Dir, position: i64) {
    // SAFETY: a live stream per the contract.
    let d = unsafe { &mut *dir };
    if crate::io::fd::lseek(d.fd, position, libc::SEEK_SET).is_ok() {
        d.len = 0;
        d.next = 0;
        d.position = position;
    }
}

/// `dirfd(dir)`.
///
/// # Safety
/// As [`readdir`].
pub unsafe fn dirfd(dir: *mut Dir) -> c_int {
    // SAFETY: a live stream per the contract.
    unsafe { (*dir).fd }
}

/// `closedir(dir)`: the descriptor is closed and the stream freed.
///
/// # Safety
/// As [`readdir`]; the stream is not used again.
pub unsafe fn closedir(dir: *mut Dir) -> Result<(), Errno> {
    // SAFETY: a live stream per the contract.
    let fd = unsafe { (*dir).fd };
    // SAFETY: allocated by `wrap`, not used again.
    unsafe { alloc::deallocate(dir.cast()) };
    crate::io::fd::close(fd)
}

/// The name of an entry.
///
/// # Safety
/// `e` must point at an entry with a NUL-terminated name.
pub unsafe fn name<'a>(e: *const libc::dirent64) -> &'a [u8] {
    // SAFETY: per the contract.
    unsafe { CStr::from_ptr((&raw const (*e).d_name).cast()) }.to_bytes()
}

/// `alphasort`'s order: the names' bytes (the C locale's collation).
///
/// # Safety
/// Both must point at entries.
pub unsafe fn compare_names(a: *const libc::dirent64, b: *const libc::dirent64) -> c_int {
    // SAFETY: per the contract.
    match unsafe { name(a).cmp(name(b)) } {
        core::cmp::Ordering::Less => -1,
        core::cmp::Ordering::Equal => 0,
        core::cmp::Ordering::Greater => 1,
    }
}

/// A copy of an entry in its own allocation (what `scandir` hands out; the caller frees it).
///
/// # Safety
/// `e` must point at a complete entry.
unsafe fn copy_entry(e: *const libc::dirent64) -> Result<*mut libc::dirent64, Errno> {
    // SAFETY: per the contract.
    let reclen = usize::from(unsafe { (*e).d_reclen });
    let size = reclen.max(size_of::<libc::dirent64>());
    let p = alloc::allocate_zeroed(size);
    if p.is_null() {
        return Err(Errno::NOMEM);
    }
    // SAFETY: `reclen` bytes of the entry into a block at least that big.
    unsafe { core::ptr::copy_nonoverlapping(e.cast::<u8>(), p, reclen) };
    Ok(p.cast())
}

/// Sorts in place with a C comparator (heap sort: no allocation, O(n log n), and no
/// assumptions a bad comparator could break into unsafety).
pub fn sort<T: Copy>(items: &mut [T], mut less: impl FnMut(T, T) -> bool) {
    fn sift<T: Copy>(items: &mut [T], mut root: usize, end: usize, less: &mut impl FnMut(T, T) -> bool) {
        loop {
            let mut child = 2 * root + 1;
            if child >= end {
                return;
            }
            if child + 1 < end && less(items[child], items[child + 1]) {
                child += 1;
            }
            if !less(items[root], items[child]) {
                return;
            }
            items.swap(root, child);
            root = child;
        }
    }
    let n = items.len();
    for start in (0..n / 2).rev() {
        sift(items, start, n, &mut less);
    }
    for end in (1..n).rev() {
        items.swap(0, end);
        sift(items, 0, end, &mut less);
    }
}

/// `scandir(path, filter, compare)`: the entries `filter` keeps (all when none), sorted with
/// `compare` when given, as an allocated array of allocated entries and its length.
///
/// # Safety
/// `filter` and `compare` must be functions that take entries as C passes them.
pub unsafe fn scandir(
    path: CPath,
    filter: Option<unsafe extern "C" fn(*const libc::dirent64) -> c_int>,
    compare: Option<unsafe extern "C" fn(*mut *const libc::dirent64, *mut *const libc::dirent64) -> c_int>,
) -> Result<(*mut *mut libc::dirent64, usize), Errno> {
    let dir = opendir(path)?;
    let mut list: *mut *mut libc::dirent64 = core::ptr::null_mut();
    let mut len = 0usize;
    let mut cap = 0usize;
    let failed = loop {
        // SAFETY: `dir` is live until the `closedir` below.
        let e = match unsafe { readdir(dir) } {
            Ok(e) if e.is_null() => break None,
            Ok(e) => e,
            Err(err) => break Some(err),
        };
        if let Some(f) = filter
            // SAFETY: the filter takes an entry; `e` is one.
            && unsafe { f(e) } == 0
        {
            continue;
        }
        if len == cap {
            cap = if cap == 0 { 16 } else { cap * 2 };
            // SAFETY: `list` is null or our allocation.
            let grown = unsafe { alloc::reallocate(list.cast(), cap * size_of::<*mut libc::dirent64>()) };
            if grown.is_null() {
                break Some(Errno::NOMEM);
            }
            list = grown.cast();
        }
        // SAFETY: `e` is a complete entry.
        match unsafe { copy_entry(e) } {
            // SAFETY: `len < cap` slots.
            Ok(copy) => unsafe { list.add(len).write(copy) },
            Err(err) => break Some(err),
        }
        len += 1;
    };
    // SAFETY: opened above, not used again.
    let _ = unsafe { closedir(dir) };
    if let Some(err) = failed {
        for i in 0..len {
            // SAFETY: each of the first `len` slots holds an allocated entry.
            unsafe { alloc::deallocate(list.add(i).read().cast()) };
        }
        // SAFETY: null or our allocation.
        unsafe { alloc::deallocate(list.cast()) };
        return Err(err);
    }
    if let Some(cmp) = compare
        && len > 1
    {
        // SAFETY: `list` holds `len` initialised entries.
        let items = unsafe { core::slice::from_raw_parts_mut(list, len) };
        sort(items, |a, b| {
            let (mut a, mut b) = (a.cast_const(), b.cast_const());
            // SAFETY: the comparator takes pointers to entry pointers, as C passes them.
            unsafe { cmp(&raw mut a, &raw mut b) < 0 }
        });
    }
    Ok((list, len))
}

#[cfg(test)]
mod tests {
    use super::sort;

    #[test]
    fn heap_sort() {
        let mut v = [5, 3, 9, 1, 1, 8, 0, 7];
        sort(&mut v, |a, b| a < b);
        assert_eq!(v, [0, 1, 1, 3, 5, 7, 8, 9]);
        let mut one = [4];
        sort(&mut one, |a, b| a < b);
        let mut none: [i32; 0] = [];
        sort(&mut none, |a, b| a < b);
        let mut rev: std::vec::Vec<i32> = (0..100).rev().collect();
        sort(&mut rev, |a, b| a < b);
        assert!(rev.windows(2).all(|w| w[0] <= w[1]));
    }
}
