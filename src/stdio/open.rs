//! Creating and ending streams: `fopen`, `fdopen`, `fmemopen`, `tmpfile`, `freopen`,
//! `fclose`, `open_memstream`, `fopencookie`, and the mode strings they share.

use super::backend::Backend;
use super::cookie::{Cookie, CookieIo};
use super::file::File;
use super::lock::needs_locking;
use super::memory::{MemFile, Start};
use super::memstream::MemStream;
use super::standard::{BUFSIZ, is_standard};
use super::registry;
use crate::io::fd;
use core::ffi::{CStr, c_char, c_int, c_void};
use core::mem::size_of;
use rustix::io::Errno;

/// A parsed `fopen` mode string.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Mode {
    /// `open` flags.
    pub flags: c_int,
    pub readable: bool,
    pub writable: bool,
    pub append: bool,
    /// The mode starts `w+`: `fmemopen` truncates the caller's buffer (glibc looks at the
    /// second character only, so `wb+` does not).
    pub truncate_update: bool,
    /// `c`: the stream's reads and writes are not cancellation points (glibc's extension).
    pub nocancel: bool,
}

/// Parses `r`, `w` or `a`, then (among the next six characters, as glibc reads them) `+`
/// (update), `x` (`O_EXCL`), `e` (`O_CLOEXEC`), `c` (no cancellation points); glibc's `b`, `m`
/// and unknown characters are accepted and ignored, and a `,` (glibc's `,ccs=`) ends the mode.
/// Anything else first is `EINVAL`.
pub fn parse_mode(mode: &[u8]) -> Result<Mode, Errno> {
    let (access, mut flags) = match mode.first() {
        Some(b'r') => (libc::O_RDONLY, 0),
        Some(b'w') => (libc::O_WRONLY, libc::O_CREAT | libc::O_TRUNC),
        Some(b'a') => (libc::O_WRONLY, libc::O_CREAT | libc::O_APPEND),
        _ => return Err(Errno::INVAL),
    };
    let (mut update, mut nocancel) = (false, false);
    for &c in mode.iter().skip(1).take(6) {
        match c {
            b'+' => update = true,
            b'c' => nocancel = true,
            b'x' => flags |= libc::O_EXCL,
            b'e' => flags |= libc::O_CLOEXEC,
            b',' => break,
            _ => {}
        }
    }
    let access = if update { libc::O_RDWR } else { access };
    Ok(Mode {
        flags: access | flags,
        readable: access != libc::O_WRONLY,
        writable: access != libc::O_RDONLY,
        append: flags & libc::O_APPEND != 0,
        truncate_update: mode.starts_with(b"w+"),
        nocancel,
    })
}

/// Bytes of a stream's block before its buffer: the `File`, rounded up to 16.
const FILE_BYTES: usize = size_of::<File>().next_multiple_of(16);

/// A new stream in a block of its own (the `File`, a `BUFSIZ` buffer, then `extra` bytes for
/// the caller), in the list of open streams. `backend` gets the address of the extra bytes.
fn create(
    fd: c_int,
    mode: Mode,
    extra: usize,
    backend: impl FnOnce(*mut u8) -> Backend,
) -> Result<*mut File, Errno> {
    let len = (FILE_BYTES + BUFSIZ).checked_add(extra).ok_or(Errno::NOMEM)?;
    let block = crate::alloc::allocate_zeroed(len);
    if block.is_null() {
        return Err(Errno::NOMEM);
    }
    let file = block.cast::<File>();
    // SAFETY: the block is fresh, zeroed, 16-aligned and `len` bytes long: the File, the
    // buffer and the extra bytes fit, at offsets 0, FILE_BYTES and FILE_BYTES + BUFSIZ.
    unsafe {
        let buffer = block.add(FILE_BYTES);
        let backend = backend(buffer.add(BUFSIZ));
        file.write(
            File::new(
                fd,
                backend,
                mode.readable,
                mode.writable,
                core::ptr::null_mut(),
            )
            .with_buffer(buffer, BUFSIZ),
        );
        let state = &mut (*file).stream.state;
        state.append = mode.append;
        state.allocation = block;
        registry::link(file);
    }
    Ok(file)
}

/// A stream on descriptor `fd`; closes `fd` if there is no memory for it.
fn on_fd(fd: c_int, mode: Mode) -> Result<*mut File, Errno> {
    create(fd, mode, 0, |_| Backend::Fd { cancellable: !mode.nocancel }).inspect_err(|_| {
        let _ = fd::close(fd);
    })
}

/// `fopen(path, mode)`.
///
/// # Safety
/// `path` must be null or a NUL-terminated string.
pub unsafe fn fopen(path: *const c_char, mode: &CStr) -> Result<*mut File, Errno> {
    let mode = parse_mode(mode.to_bytes())?;
    // SAFETY: the caller's contract is `open`'s.
    let fd = unsafe { fd::open(path, mode.flags, 0o666) }?;
    on_fd(fd, mode)
}

/// `fdopen(fd, mode)`: the mode must not ask for access the descriptor lacks (`EINVAL`);
/// `a` sets `O_APPEND` and `e` sets `FD_CLOEXEC` on the descriptor, as glibc does.
pub fn fdopen(fd: c_int, mode: &CStr) -> Result<*mut File, Errno> {
    let mode = parse_mode(mode.to_bytes())?;
    if fd < 0 {
        return Err(Errno::BADF);
    }
    // SAFETY: borrowed for the fcntl calls only; a closed number gives EBADF.
    let borrowed = unsafe { rustix::fd::BorrowedFd::borrow_raw(fd) };
    let flags = rustix::fs::fcntl_getfl(borrowed)?;
    let access = flags.bits() as c_int & libc::O_ACCMODE;
    if (mode.readable && access == libc::O_WRONLY) || (mode.writable && access == libc::O_RDONLY) {
        return Err(Errno::INVAL);
    }
    if mode.append && !flags.contains(rustix::fs::OFlags::APPEND) {
        rustix::fs::fcntl_setfl(borrowed, flags | rustix::fs::OFlags::APPEND)?;
    }
    if mode.flags & libc::O_CLOEXEC != 0 {
        rustix::io::fcntl_setfd(borrowed, rustix::io::FdFlags::CLOEXEC)?;
    }
    // glibc's `fdopen` ignores `c`.
    create(fd, mode, 0, |_| Backend::Fd { cancellable: true })
}

/// `fmemopen(buf, size, mode)`: a stream over `size` bytes at `buf`, or over `size` bytes of
/// its own when `buf` is null.
///
/// # Safety
/// A non-null `buf` must be readable and writable for `size` bytes until the stream is closed.
pub unsafe fn fmemopen(buf: *mut u8, size: usize, mode: &CStr) -> Result<*mut File, Errno> {
    let mode = parse_mode(mode.to_bytes())?;
    if !buf.is_null() && size > usize::MAX - buf as usize {
        return Err(Errno::INVAL);
    }
    // A buffer of our own is zero-filled, so it starts as an empty string in every mode.
    let start = if mode.append {
        Start::Append
    } else if mode.flags & libc::O_TRUNC == 0 {
        Start::Read
    } else if mode.truncate_update {
        Start::Truncate
    } else {
        Start::Write
    };
    let extra = if buf.is_null() { size } else { 0 };
    create(-1, mode, extra, |own| {
        let at = if buf.is_null() { own } else { buf };
        // SAFETY: `at` is the caller's buffer (its contract) or our `size` extra bytes.
        Backend::Memory(unsafe { MemFile::new(at, size, start) })
    })
}

/// `open_memstream(buf, size)`: a write-only stream into a growing buffer, published to
/// `*buf` and `*size`.
///
/// # Safety
/// `buf` and `size` must be writable until the stream is closed.
pub unsafe fn open_memstream(buf: *mut *mut c_char, size: *mut usize) -> Result<*mut File, Errno> {
    if buf.is_null() || size.is_null() {
        return Err(Errno::INVAL);
    }
    // SAFETY: the caller's contract.
    let backend = unsafe { MemStream::new(buf, size) }?;
    let mode = Mode { flags: libc::O_WRONLY, readable: false, writable: true, append: false, truncate_update: false, nocancel: false };
    let mut backend = Some(backend);
    create(-1, mode, 0, |_| backend.take().map_or(Backend::Fd { cancellable: false }, Backend::Dynamic)).inspect_err(|_| {
        if let Some(b) = backend.take() {
            b.discard();
        }
    })
}

/// `fopencookie(cookie, mode, io)`: a stream whose reads, writes, seeks and close call the
/// program's functions with `cookie`.
pub fn fopencookie(cookie: *mut c_void, mode: &CStr, io: CookieIo) -> Result<*mut File, Errno> {
    let mode = parse_mode(mode.to_bytes())?;
    create(-1, mode, 0, |_| Backend::Cookie(Cookie::new(cookie, io)))
}

/// `tmpfile()`: an unnamed file in `/tmp`, open for update, gone when closed.
pub fn tmpfile() -> Result<*mut File, Errno> {
    let mode = Mode {
        flags: libc::O_RDWR,
        readable: true,
        writable: true,
        append: false,
        truncate_update: false,
        nocancel: false,
    };
    // SAFETY: a NUL-terminated path.
    let fd = unsafe {
        fd::open(
            c"/tmp".as_ptr(),
            libc::O_TMPFILE | libc::O_RDWR | libc::O_CLOEXEC,
            0o600,
        )
    }?;
    rustix::io::fcntl_setfd(
        // SAFETY: the descriptor was just opened and stays open for this call.
        unsafe { rustix::fd::BorrowedFd::borrow_raw(fd) },
        rustix::io::FdFlags::empty(),
    )?;
    on_fd(fd, mode)
}

/// Locks `file` if the process has threads; returns whether it did.
///
/// # Safety
/// `file` must be a live stream.
unsafe fn lock(file: *mut File) -> bool {
    let locking = needs_locking();
    if locking {
        // SAFETY: live per the contract.
        unsafe { (*file).lock.lock() };
    }
    locking
}

/// `fclose(file)`: flushes, closes the descriptor and frees the stream (the standard streams
/// stay allocated, closed). Reports the first failure.
///
/// # Safety
/// `file` must be a live stream, not used again.
pub unsafe fn fclose(file: *mut File) -> Result<(), Errno> {
    // Not a cancellation point: the stream is already out of the list when its flush runs.
    // SAFETY: live per the contract.
    crate::thread::cancel::without(|| unsafe {
        registry::unlink(file);
        let locked = lock(file);
        let result = (*file).stream.close();
        if locked {
            (*file).lock.unlock();
        }
        let state = &(*file).stream.state;
        if !state.allocation.is_null() && !is_standard(file) {
            crate::alloc::deallocate(state.allocation);
        }
        result
    })
}

/// The path `/proc/self/fd/N`, which reopens descriptor `fd`, NUL-terminated in `buf`.
fn fd_path(fd: c_int, buf: &mut [u8; 40]) -> &CStr {
    const PREFIX: &[u8] = b"/proc/self/fd/";
    let mut digits = [0u8; 20];
    let digits = crate::io::diag::decimal(fd as u64, &mut digits);
    let end = PREFIX.len() + digits.len();
    for (slot, &byte) in buf.iter_mut().zip(PREFIX.iter().chain(digits)) {
        *slot = byte;
    }
    if let Some(nul) = buf.get_mut(end) {
        *nul = 0;
    }
    CStr::from_bytes_until_nul(buf).unwrap_or(c"")
}

/// `freopen(path, mode, file)`: flushes `file`, opens `path` (or, when null, the same file
/// again through `/proc/self/fd`) and makes `file` a fresh stream on it, keeping the old
/// descriptor number (as glibc does, so `freopen(..., stdout)` still writes to descriptor 1).
/// On failure the stream is closed.
///
/// # Safety
/// `path` must be null or a NUL-terminated string; `file` a live stream.
pub unsafe fn freopen(
    path: *const c_char,
    mode: &CStr,
    file: *mut File,
) -> Result<*mut File, Errno> {
    // Not a cancellation point: the flush and the reopening happen whole or not at all.
    // SAFETY: the caller's contract.
    crate::thread::cancel::without(|| unsafe { reopen(path, mode, file) })
}

/// [`freopen`]'s work.
///
/// # Safety
/// As [`freopen`].
unsafe fn reopen(path: *const c_char, mode: &CStr, file: *mut File) -> Result<*mut File, Errno> {
    // SAFETY: live per the contract.
    let locked = unsafe { lock(file) };
    // SAFETY: as above; under the lock.
    let stream = unsafe { &mut (*file).stream };
    let _ = stream.flush();
    let old = match stream.state.backend {
        Backend::Fd { .. } => stream.fileno,
        Backend::Memory(_) | Backend::Dynamic(_) | Backend::Cookie(_) => -1,
    };
    let mut path_buf = [0u8; 40];
    let path = if path.is_null() && old >= 0 {
        fd_path(old, &mut path_buf).as_ptr()
    } else {
        path
    };
    let opened = parse_mode(mode.to_bytes()).and_then(|mode| {
        // SAFETY: `path` is the caller's string or ours.
        let fd = unsafe { fd::open(path, mode.flags, 0o666) }?;
        Ok((
            mode,
            keep_number(fd, old, mode.flags & libc::O_CLOEXEC != 0)?,
        ))
    });
    let result = match opened {
        Ok((mode, fd)) => {
            stream.reopen(fd, &mode);
            Ok(file)
        }
        Err(e) => {
            let _ = stream.close();
            Err(e)
        }
    };
    if locked {
        // SAFETY: we took the lock above.
        unsafe { (*file).lock.unlock() };
    }
    if result.is_err() {
        // SAFETY: the stream is closed; the caller will not use it again.
        unsafe { release_closed(file) };
    }
    result
}

/// Moves descriptor `fd` to number `old` (closing what `old` was), unless `old` is -1.
fn keep_number(fd: c_int, old: c_int, cloexec: bool) -> Result<c_int, Errno> {
    if old < 0 || fd == old {
        return Ok(fd);
    }
    let flags = if cloexec {
        rustix::io::DupFlags::CLOEXEC
    } else {
        rustix::io::DupFlags::empty()
    };
    // SAFETY: `old` is our stream's descriptor, which we are replacing; the OwnedFd is never
    // dropped (ManuallyDrop), so it closes nothing behind the stream's back.
    let mut target = core::mem::ManuallyDrop::new(unsafe {
        <rustix::fd::OwnedFd as rustix::fd::FromRawFd>::from_raw_fd(old)
    });
    // SAFETY: `fd` was just opened and is open for this call.
    let source = unsafe { rustix::fd::BorrowedFd::borrow_raw(fd) };
    let moved = rustix::io::dup3(source, &mut target, flags);
    let _ = fd::close(fd);
    moved.map(|()| old)
}

/// Takes a closed stream out of the list and frees it (not a standard stream).
///
/// # Safety
/// `file` must be a live, closed stream, not used again.
unsafe fn release_closed(file: *mut File) {
    // SAFETY: live per the contract.
    unsafe {
        registry::unlink(file);
        let state = &(*file).stream.state;
        if !state.allocation.is_null() && !is_standard(file) {
            crate::alloc::deallocate(state.allocation);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn modes() {
        let m = parse_mode(b"r").unwrap();
        assert_eq!(
            (m.flags, m.readable, m.writable),
            (libc::O_RDONLY, true, false)
        );
        let m = parse_mode(b"wx").unwrap();
        assert_eq!(
            m.flags,
            libc::O_WRONLY | libc::O_CREAT | libc::O_TRUNC | libc::O_EXCL
        );
        let m = parse_mode(b"a+e").unwrap();
        assert_eq!(
            m.flags,
            libc::O_RDWR | libc::O_CREAT | libc::O_APPEND | libc::O_CLOEXEC
        );
        assert!(m.append && m.readable && m.writable);
        assert_eq!(parse_mode(b"rb+").unwrap().flags, libc::O_RDWR);
        assert_eq!(parse_mode(b"r,ccs=+").unwrap().flags, libc::O_RDONLY);
        assert!(!m.nocancel && parse_mode(b"rce").unwrap().nocancel && !parse_mode(b"r,c").unwrap().nocancel);
        assert_eq!(parse_mode(b"z"), Err(Errno::INVAL));
        assert_eq!(parse_mode(b""), Err(Errno::INVAL));
        let mut buf = [0u8; 40];
        assert_eq!(fd_path(17, &mut buf), c"/proc/self/fd/17");
    }
}
