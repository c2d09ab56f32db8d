//! `<stdio.h>` streams: the standard streams, opening and closing, byte, block and line I/O,
//! positions, buffering, locks, and the entry points that glibc's inline functions call
//! (`__uflow`, `__underflow`, `__overflow`).
//!
//! A null `FILE *` (glibc would crash) fails with `EBADF`.

use super::OrErrno;
use crate::stdio::cookie::CookieIo;
use crate::fs::path::CPath;
use crate::stdio::file::{Buffering, Direction, File, Stream};
use crate::stdio::standard::{BUFSIZ, STDERR, STDIN, STDOUT};
use crate::stdio::{locked, open, paths, registry, unlocked};
use crate::stdlib::temp;
use core::ffi::{CStr, c_char, c_int, c_long, c_void};
use rustix::io::Errno;

const EOF: c_int = -1;

/// `stdin`, as glibc names it.
#[unsafe(no_mangle)]
pub static mut stdin: *mut File = STDIN.get();
/// `stdout`.
#[unsafe(no_mangle)]
pub static mut stdout: *mut File = STDOUT.get();
/// `stderr`.
#[unsafe(no_mangle)]
pub static mut stderr: *mut File = STDERR.get();

/// glibc's `fpos_t` (and `fpos64_t`): the position, then a conversion state we keep zero.
#[repr(C)]
pub struct FPos {
    pos: i64,
    state: [u32; 2],
}

/// `fpos64_t`, the same type.
pub type FPos64 = FPos;

/// Runs `op` on a non-null stream under its lock, mapping `Err` to `failed` and `errno`.
///
/// # Safety
/// `file` must be null or a live stream.
#[inline]
pub(super) unsafe fn with<R>(
    file: *mut File,
    failed: R,
    op: impl FnOnce(&mut Stream) -> Result<R, Errno>,
) -> R {
    if file.is_null() {
        return Err(Errno::BADF).or_errno(failed);
    }
    // SAFETY: non-null and live per the contract.
    unsafe { locked(file, op) }.or_errno(failed)
}

/// As [`with`], without the lock (the `_unlocked` functions).
///
/// # Safety
/// As [`with`], and no other thread may use the stream during the call.
#[inline]
pub(super) unsafe fn with_unlocked<R>(
    file: *mut File,
    failed: R,
    op: impl FnOnce(&mut Stream) -> Result<R, Errno>,
) -> R {
    if file.is_null() {
        return Err(Errno::BADF).or_errno(failed);
    }
    // SAFETY: non-null and live per the contract.
    unsafe { unlocked(file, op) }.or_errno(failed)
}

/// A byte as `getc` returns it, or `EOF` (at end of file, or on error).
#[inline]
fn byte_or_eof(byte: Option<u8>) -> Result<c_int, Errno> {
    Ok(byte.map_or(EOF, c_int::from))
}

/// A mode string, or `EINVAL` for null.
///
/// # Safety
/// `mode` must be null or a NUL-terminated string.
unsafe fn mode_str<'a>(mode: *const c_char) -> Result<&'a CStr, Errno> {
    if mode.is_null() {
        return Err(Errno::INVAL);
    }
    // SAFETY: non-null and NUL-terminated per the contract.
    Ok(unsafe { CStr::from_ptr(mode) })
}

/// A path, or `EFAULT` for null.
///
/// # Safety
/// `path` must be null or a NUL-terminated string.
unsafe fn path_str<'a>(path: *const c_char) -> Result<&'a CStr, Errno> {
    if path.is_null() {
        return Err(Errno::FAULT);
    }
    // SAFETY: non-null and NUL-terminated per the contract.
    Ok(unsafe { CStr::from_ptr(path) })
}

// --- The entry points of glibc's inline functions ---

/// `__uflow(f)`: the next byte when the read area is empty (glibc's inline `getc_unlocked`
/// calls it). [LSB](https://refspecs.linuxfoundation.org/LSB_5.0.0/LSB-Core-generic/LSB-Core-generic/baselib---uflow.html)
///
/// # Safety
/// `f` must be null or a live stream.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __uflow(f: *mut File) -> c_int {
    // SAFETY: the caller's contract; the inline caller holds the lock or does not need it.
    unsafe { with_unlocked(f, EOF, |s| s.get_slow().and_then(byte_or_eof)) }
}

/// `__underflow(f)`: the next byte, not consumed.
/// [LSB](https://refspecs.linuxfoundation.org/LSB_5.0.0/LSB-Core-generic/LSB-Core-generic/baselib---underflow.html)
///
/// # Safety
/// `f` must be null or a live stream.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __underflow(f: *mut File) -> c_int {
    // SAFETY: as `__uflow`.
    unsafe { with_unlocked(f, EOF, |s| s.peek().and_then(byte_or_eof)) }
}

/// `__overflow(f, c)`: writes `c` when the write area is full (glibc's inline `putc_unlocked`
/// calls it); `c == EOF` only flushes.
/// [LSB](https://refspecs.linuxfoundation.org/LSB_5.0.0/LSB-Core-generic/LSB-Core-generic/baselib---overflow.html)
///
/// # Safety
/// `f` must be null or a live stream.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __overflow(f: *mut File, c: c_int) -> c_int {
    // SAFETY: as `__uflow`.
    unsafe {
        with_unlocked(f, EOF, |s| {
            if c == EOF {
                s.flush().map(|()| 0)
            } else {
                s.put_slow(c as u8).map(|()| c_int::from(c as u8))
            }
        })
    }
}

// --- Opening and closing ---

/// [`fopen`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/fopen.html)
///
/// # Safety
/// `path` and `mode` must be null or NUL-terminated strings.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fopen(path: *const c_char, mode: *const c_char) -> *mut File {
    // SAFETY: the caller's contract.
    unsafe { mode_str(mode).and_then(|m| open::fopen(path, m)) }.or_errno(core::ptr::null_mut())
}

/// `fopen64`: `fopen` under `_FILE_OFFSET_BITS=64`.
///
/// # Safety
/// As [`fopen`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fopen64(path: *const c_char, mode: *const c_char) -> *mut File {
    // SAFETY: as `fopen`.
    unsafe { fopen(path, mode) }
}

/// [`fdopen`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/fdopen.html)
///
/// # Safety
/// `mode` must be null or a NUL-terminated string.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fdopen(fd: c_int, mode: *const c_char) -> *mut File {
    // SAFETY: the caller's contract.
    unsafe { mode_str(mode) }
        .and_then(|m| open::fdopen(fd, m))
        .or_errno(core::ptr::null_mut())
}

/// [`freopen`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/freopen.html)
///
/// # Safety
/// `path` and `mode` must be null or NUL-terminated strings; `f` null or a live stream.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn freopen(
    path: *const c_char,
    mode: *const c_char,
    f: *mut File,
) -> *mut File {
    if f.is_null() {
        return Err(Errno::BADF).or_errno(core::ptr::null_mut());
    }
    // SAFETY: the caller's contract.
    unsafe { mode_str(mode).and_then(|m| open::freopen(path, m, f)) }
        .or_errno(core::ptr::null_mut())
}

/// `freopen64`: `freopen` under `_FILE_OFFSET_BITS=64`.
///
/// # Safety
/// As [`freopen`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn freopen64(
    path: *const c_char,
    mode: *const c_char,
    f: *mut File,
) -> *mut File {
    // SAFETY: as `freopen`.
    unsafe { freopen(path, mode, f) }
}

/// [`fmemopen`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/fmemopen.html)
///
/// # Safety
/// `buf` must be null or writable for `size` bytes while the stream is open; `mode` null or
/// a NUL-terminated string.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fmemopen(buf: *mut c_void, size: usize, mode: *const c_char) -> *mut File {
    // SAFETY: the caller's contract.
    unsafe { mode_str(mode).and_then(|m| open::fmemopen(buf.cast(), size, m)) }
        .or_errno(core::ptr::null_mut())
}

/// [`open_memstream`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/open_memstream.html)
///
/// # Safety
/// `buf` and `size` must be null or writable until the stream is closed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn open_memstream(buf: *mut *mut c_char, size: *mut usize) -> *mut File {
    // SAFETY: the caller's contract.
    unsafe { open::open_memstream(buf, size) }.or_errno(core::ptr::null_mut())
}

/// `fopencookie(cookie, mode, io)` (GNU): a stream whose input and output go through the
/// functions in `io`, called with `cookie`.
///
/// # Safety
/// `mode` null or a NUL-terminated string; the functions in `io` callable with `cookie` as
/// glibc documents, while the stream is open.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fopencookie(cookie: *mut c_void, mode: *const c_char, io: CookieIo) -> *mut File {
    // SAFETY: the caller's contract.
    unsafe { mode_str(mode) }.and_then(|m| open::fopencookie(cookie, m, io)).or_errno(core::ptr::null_mut())
}

/// The buffer `tmpnam(NULL)` returns (C lets each call overwrite it; not thread-safe, as
/// POSIX allows).
struct TmpnamBuf(core::cell::UnsafeCell<[u8; temp::TMPNAM_LEN]>);
// SAFETY: POSIX leaves concurrent `tmpnam(NULL)` calls undefined; each call writes the whole
// buffer before returning it.
unsafe impl Sync for TmpnamBuf {}
static TMPNAM_BUF: TmpnamBuf = TmpnamBuf(core::cell::UnsafeCell::new([0; temp::TMPNAM_LEN]));

/// [`tmpnam`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/tmpnam.html): a
/// name `/tmp/fileXXXXXX` not in use, in `s` (`L_tmpnam` bytes) or a static buffer when
/// `s` is null; null with `errno` if none was found.
///
/// # Safety
/// `s` null or writable for `L_tmpnam` (20) bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tmpnam(s: *mut c_char) -> *mut c_char {
    let out = if s.is_null() { TMPNAM_BUF.0.get() } else { s.cast::<[u8; temp::TMPNAM_LEN]>() };
    let mut name = [0u8; temp::TMPNAM_LEN];
    match temp::unused_name(&mut name) {
        Ok(()) => {
            // SAFETY: `out` is the caller's buffer of L_tmpnam bytes or ours.
            unsafe { out.write_unaligned(name) };
            out.cast()
        }
        Err(e) => Err(e).or_errno(core::ptr::null_mut()),
    }
}

/// `tmpnam_r(s)`: `tmpnam` into `s` only; null for a null `s` (glibc's rule).
///
/// # Safety
/// As `tmpnam`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tmpnam_r(s: *mut c_char) -> *mut c_char {
    if s.is_null() {
        return core::ptr::null_mut();
    }
    // SAFETY: the caller's contract.
    unsafe { tmpnam(s) }
}

/// [`tmpfile`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/tmpfile.html)
#[unsafe(no_mangle)]
pub extern "C" fn tmpfile() -> *mut File {
    open::tmpfile().or_errno(core::ptr::null_mut())
}

/// `tmpfile64`: `tmpfile` under `_FILE_OFFSET_BITS=64`.
#[unsafe(no_mangle)]
pub extern "C" fn tmpfile64() -> *mut File {
    tmpfile()
}

/// [`fclose`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/fclose.html)
///
/// # Safety
/// `f` must be null or a live stream, not used afterwards.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fclose(f: *mut File) -> c_int {
    if f.is_null() {
        return Err(Errno::BADF).or_errno(EOF);
    }
    // SAFETY: the caller's contract.
    unsafe { open::fclose(f) }.map(|()| 0).or_errno(EOF)
}

/// [`fflush`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/fflush.html): null
/// flushes every stream.
///
/// # Safety
/// `f` must be null or a live stream.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fflush(f: *mut File) -> c_int {
    if f.is_null() {
        return if registry::flush_all() { 0 } else { EOF };
    }
    // SAFETY: the caller's contract.
    unsafe { with(f, EOF, |s| s.flush().map(|()| 0)) }
}

/// `fflush_unlocked`: `fflush` without taking the stream's lock.
///
/// # Safety
/// As [`fflush`], and no other thread may use the stream during the call.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fflush_unlocked(f: *mut File) -> c_int {
    if f.is_null() {
        return if registry::flush_all() { 0 } else { EOF };
    }
    // SAFETY: the caller's contract.
    unsafe { with_unlocked(f, EOF, |s| s.flush().map(|()| 0)) }
}

/// The descriptor of a stream; memory streams and closed ones have none (`EBADF`).
fn descriptor(s: &mut Stream) -> Result<c_int, Errno> {
    if s.fileno < 0 {
        Err(Errno::BADF)
    } else {
        Ok(s.fileno)
    }
}

/// [`fileno`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/fileno.html)
///
/// # Safety
/// `f` must be null or a live stream.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fileno(f: *mut File) -> c_int {
    // SAFETY: the caller's contract.
    unsafe { with(f, -1, descriptor) }
}

/// `fileno_unlocked`.
///
/// # Safety
/// As [`fileno`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fileno_unlocked(f: *mut File) -> c_int {
    // SAFETY: the caller's contract.
    unsafe { with_unlocked(f, -1, descriptor) }
}

// --- Buffering ---

/// [`setvbuf`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/setvbuf.html):
/// `_IOFBF` (0), `_IOLBF` (1) or `_IONBF` (2), else `EINVAL`. A null `buf` keeps the
/// stream's own buffer.
///
/// # Safety
/// `f` must be null or a live stream; a non-null `buf` must stay writable for `size` bytes
/// while the stream uses it.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn setvbuf(
    f: *mut File,
    buf: *mut c_char,
    mode: c_int,
    size: usize,
) -> c_int {
    let mode = match mode {
        libc::_IOFBF => Buffering::Full,
        libc::_IOLBF => Buffering::Line,
        libc::_IONBF => Buffering::Unbuffered,
        _ => return Err(Errno::INVAL).or_errno(EOF),
    };
    // SAFETY: the caller's contract.
    unsafe {
        with(f, EOF, |s| {
            s.set_buffering(mode, buf.cast(), size).map(|()| 0)
        })
    }
}

/// [`setbuf`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/setbuf.html):
/// `buf` of `BUFSIZ` bytes, or unbuffered for null.
///
/// # Safety
/// As [`setvbuf`] with `BUFSIZ`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn setbuf(f: *mut File, buf: *mut c_char) {
    // SAFETY: as `setbuffer`.
    unsafe { setbuffer(f, buf, BUFSIZ) }
}

/// `setbuffer(f, buf, size)` (BSD): `buf` of `size` bytes, or unbuffered for null.
///
/// # Safety
/// As [`setvbuf`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn setbuffer(f: *mut File, buf: *mut c_char, size: usize) {
    let mode = if buf.is_null() {
        libc::_IONBF
    } else {
        libc::_IOFBF
    };
    // SAFETY: the caller's contract.
    unsafe { setvbuf(f, buf, mode, size) };
}

/// `setlinebuf(f)` (BSD): line buffering with the stream's own buffer.
///
/// # Safety
/// `f` must be null or a live stream.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn setlinebuf(f: *mut File) {
    // SAFETY: the caller's contract.
    unsafe { setvbuf(f, core::ptr::null_mut(), libc::_IOLBF, 0) };
}

// --- Bytes ---

/// [`fgetc`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/fgetc.html)
///
/// # Safety
/// `f` must be null or a live stream.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fgetc(f: *mut File) -> c_int {
    if f.is_null() {
        return Err(Errno::BADF).or_errno(EOF);
    }
    // SAFETY: the caller's contract.
    unsafe { crate::stdio::get(f) }.and_then(byte_or_eof).or_errno(EOF)
}

/// [`getc`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/getc.html)
///
/// # Safety
/// `f` must be null or a live stream.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn getc(f: *mut File) -> c_int {
    // SAFETY: the caller's contract.
    unsafe { fgetc(f) }
}

/// [`getchar`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/getchar.html)
#[unsafe(no_mangle)]
pub extern "C" fn getchar() -> c_int {
    // SAFETY: `stdin` is a live stream (or null, refused) unless the program broke it.
    unsafe { fgetc(stdin) }
}

/// [`getc_unlocked`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/getc_unlocked.html)
///
/// # Safety
/// `f` must be null or a live stream no other thread uses during the call.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn getc_unlocked(f: *mut File) -> c_int {
    // SAFETY: the caller's contract.
    unsafe { with_unlocked(f, EOF, |s| s.get().and_then(byte_or_eof)) }
}

/// `fgetc_unlocked`.
///
/// # Safety
/// As [`getc_unlocked`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fgetc_unlocked(f: *mut File) -> c_int {
    // SAFETY: the caller's contract.
    unsafe { getc_unlocked(f) }
}

/// [`getchar_unlocked`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/getchar_unlocked.html)
///
/// # Safety
/// No other thread may use `stdin` during the call.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn getchar_unlocked() -> c_int {
    // SAFETY: the caller's contract.
    unsafe { getc_unlocked(stdin) }
}

/// [`fputc`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/fputc.html)
///
/// # Safety
/// `f` must be null or a live stream.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fputc(c: c_int, f: *mut File) -> c_int {
    if f.is_null() {
        return Err(Errno::BADF).or_errno(EOF);
    }
    // SAFETY: the caller's contract.
    unsafe { crate::stdio::put(f, c as u8) }.map(|()| c_int::from(c as u8)).or_errno(EOF)
}

/// [`putc`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/putc.html)
///
/// # Safety
/// `f` must be null or a live stream.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn putc(c: c_int, f: *mut File) -> c_int {
    // SAFETY: the caller's contract.
    unsafe { fputc(c, f) }
}

/// [`putchar`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/putchar.html)
#[unsafe(no_mangle)]
pub extern "C" fn putchar(c: c_int) -> c_int {
    // SAFETY: `stdout` is a live stream (or null, refused) unless the program broke it.
    unsafe { fputc(c, stdout) }
}

/// [`putc_unlocked`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/putc_unlocked.html)
///
/// # Safety
/// `f` must be null or a live stream no other thread uses during the call.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn putc_unlocked(c: c_int, f: *mut File) -> c_int {
    // SAFETY: the caller's contract.
    unsafe { with_unlocked(f, EOF, |s| s.put(c as u8).map(|()| c_int::from(c as u8))) }
}

/// `fputc_unlocked`.
///
/// # Safety
/// As [`putc_unlocked`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fputc_unlocked(c: c_int, f: *mut File) -> c_int {
    // SAFETY: the caller's contract.
    unsafe { putc_unlocked(c, f) }
}

/// [`putchar_unlocked`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/putchar_unlocked.html)
///
/// # Safety
/// No other thread may use `stdout` during the call.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn putchar_unlocked(c: c_int) -> c_int {
    // SAFETY: the caller's contract.
    unsafe { putc_unlocked(c, stdout) }
}

/// [`ungetc`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/ungetc.html):
/// `EOF` pushes nothing back.
///
/// # Safety
/// `f` must be null or a live stream.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn ungetc(c: c_int, f: *mut File) -> c_int {
    if c == EOF || f.is_null() {
        return EOF;
    }
    // SAFETY: the caller's contract.
    unsafe {
        locked(f, |s| {
            if s.unget(c as u8) {
                c_int::from(c as u8)
            } else {
                EOF
            }
        })
    }
}

// --- Blocks and lines ---

/// Items of `size` bytes in `bytes`.
fn items(bytes: usize, size: usize) -> usize {
    bytes.checked_div(size).unwrap_or(0)
}

/// The byte count of `n` items of `size`, or `None` for none (or an impossible count, which
/// glibc does not check either).
fn total(size: usize, n: usize) -> Option<usize> {
    size.checked_mul(n).filter(|&t| t > 0)
}

/// `fread`'s work.
///
/// # Safety
/// `ptr` must be writable for `size * n` bytes; `f` a live stream, used under its lock.
unsafe fn read_items(
    s: &mut Stream,
    ptr: *mut c_void,
    size: usize,
    n: usize,
) -> Result<usize, Errno> {
    let Some(len) = total(size, n) else {
        return Ok(0);
    };
    // SAFETY: the caller's buffer of `len` bytes.
    let out = unsafe { core::slice::from_raw_parts_mut(ptr.cast::<u8>(), len) };
    match s.read(out) {
        Ok(done) => Ok(items(done, size)),
        Err((done, e)) => {
            crate::thread::tcb::set_errno(e.raw_os_error());
            Ok(items(done, size))
        }
    }
}

/// `fwrite`'s work.
///
/// # Safety
/// `ptr` must be readable for `size * n` bytes.
unsafe fn write_items(
    s: &mut Stream,
    ptr: *const c_void,
    size: usize,
    n: usize,
) -> Result<usize, Errno> {
    let Some(len) = total(size, n) else {
        return Ok(0);
    };
    // SAFETY: the caller's buffer of `len` bytes.
    let data = unsafe { core::slice::from_raw_parts(ptr.cast::<u8>(), len) };
    match s.write(data) {
        Ok(()) => Ok(n),
        Err((done, e)) => {
            crate::thread::tcb::set_errno(e.raw_os_error());
            Ok(items(done, size))
        }
    }
}

/// [`fread`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/fread.html)
///
/// # Safety
/// `ptr` must be writable for `size * n` bytes; `f` null or a live stream.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fread(ptr: *mut c_void, size: usize, n: usize, f: *mut File) -> usize {
    // SAFETY: the caller's contract.
    unsafe { with(f, 0, |s| read_items(s, ptr, size, n)) }
}

/// `fread_unlocked`.
///
/// # Safety
/// As [`fread`], and no other thread may use the stream during the call.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fread_unlocked(
    ptr: *mut c_void,
    size: usize,
    n: usize,
    f: *mut File,
) -> usize {
    // SAFETY: the caller's contract.
    unsafe { with_unlocked(f, 0, |s| read_items(s, ptr, size, n)) }
}

/// [`fwrite`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/fwrite.html)
///
/// # Safety
/// `ptr` must be readable for `size * n` bytes; `f` null or a live stream.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fwrite(ptr: *const c_void, size: usize, n: usize, f: *mut File) -> usize {
    if f.is_null() {
        return Err(Errno::BADF).or_errno(0);
    }
    let Some(len) = total(size, n) else { return 0 };
    // SAFETY: the caller's buffer of `len` bytes.
    let data = unsafe { core::slice::from_raw_parts(ptr.cast::<u8>(), len) };
    // SAFETY: `f` is live per the contract.
    match unsafe { crate::stdio::write(f, data) } {
        Ok(()) => n,
        Err((done, e)) => Err(e).or_errno(items(done, size)),
    }
}

/// `fwrite_unlocked`.
///
/// # Safety
/// As [`fwrite`], and no other thread may use the stream during the call.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fwrite_unlocked(
    ptr: *const c_void,
    size: usize,
    n: usize,
    f: *mut File,
) -> usize {
    // SAFETY: the caller's contract.
    unsafe { with_unlocked(f, 0, |s| write_items(s, ptr, size, n)) }
}

/// `fgets`'s work: `buf`, or null at end of file or on error.
///
/// # Safety
/// `buf` must be writable for `n` bytes.
unsafe fn gets(s: &mut Stream, buf: *mut c_char, n: c_int) -> Result<*mut c_char, Errno> {
    if n <= 0 || buf.is_null() {
        return Ok(core::ptr::null_mut());
    }
    // SAFETY: the caller's buffer of `n` bytes.
    let out = unsafe { core::slice::from_raw_parts_mut(buf.cast::<u8>(), n as usize) };
    Ok(if s.gets_into(out)?.is_some() {
        buf
    } else {
        core::ptr::null_mut()
    })
}

/// `__fgets_chk`'s work: `fgets` into a buffer of `buflen` bytes.
///
/// # Safety
/// `buf` must be writable for `buflen` bytes.
pub(super) unsafe fn gets_checked(s: &mut Stream, buf: *mut c_char, buflen: usize, n: c_int) -> Result<*mut c_char, Errno> {
    if n <= 0 || buf.is_null() || buflen == 0 {
        return Ok(core::ptr::null_mut());
    }
    // SAFETY: the caller's buffer of `buflen` bytes.
    let out = unsafe { core::slice::from_raw_parts_mut(buf.cast::<u8>(), buflen) };
    Ok(if s.gets_checked(out, n as usize)?.is_some() { buf } else { core::ptr::null_mut() })
}

/// [`fgets`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/fgets.html)
///
/// # Safety
/// `buf` must be writable for `n` bytes; `f` null or a live stream.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fgets(buf: *mut c_char, n: c_int, f: *mut File) -> *mut c_char {
    // SAFETY: the caller's contract.
    unsafe { with(f, core::ptr::null_mut(), |s| gets(s, buf, n)) }
}

/// `fgets_unlocked`.
///
/// # Safety
/// As [`fgets`], and no other thread may use the stream during the call.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fgets_unlocked(buf: *mut c_char, n: c_int, f: *mut File) -> *mut c_char {
    // SAFETY: the caller's contract.
    unsafe { with_unlocked(f, core::ptr::null_mut(), |s| gets(s, buf, n)) }
}

/// `getdelim`'s work.
///
/// # Safety
/// `line` and `cap` must be null or valid; `*line` null or a block from this allocator of
/// `*cap` bytes.
unsafe fn delim(s: &mut Stream, line: *mut *mut c_char, cap: *mut usize, delim: c_int) -> Result<isize, Errno> {
    if line.is_null() || cap.is_null() {
        return Err(Errno::INVAL);
    }
    // SAFETY: both non-null and valid per the contract; `*mut c_char` and `*mut u8` have one
    // layout.
    let (line, cap) = unsafe { (&mut *line.cast::<*mut u8>(), &mut *cap) };
    match s.get_delim(line, cap, delim as u8)? {
        Some(n) => isize::try_from(n).map_err(|_| Errno::OVERFLOW),
        None => Ok(-1),
    }
}

/// [`getdelim`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/getdelim.html)
///
/// # Safety
/// `line`, `cap` null or valid, `*line` null or from `malloc` with `*cap` bytes; `f` null or
/// a live stream.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn getdelim(line: *mut *mut c_char, cap: *mut usize, delimiter: c_int, f: *mut File) -> isize {
    // SAFETY: the caller's contract.
    unsafe { with(f, -1, |s| delim(s, line, cap, delimiter)) }
}

/// `__getdelim`: what glibc's inline `getline` calls.
///
/// # Safety
/// As [`getdelim`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __getdelim(line: *mut *mut c_char, cap: *mut usize, delimiter: c_int, f: *mut File) -> isize {
    // SAFETY: as `getdelim`.
    unsafe { getdelim(line, cap, delimiter, f) }
}

/// [`getline`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/getline.html)
///
/// # Safety
/// As [`getdelim`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn getline(line: *mut *mut c_char, cap: *mut usize, f: *mut File) -> isize {
    // SAFETY: as `getdelim`.
    unsafe { getdelim(line, cap, c_int::from(b'\n'), f) }
}

/// `fputs`'s work: 1 on success, as glibc returns.
///
/// # Safety
/// `text` must be null or a NUL-terminated string.
unsafe fn puts_to(s: &mut Stream, text: *const c_char, newline: bool) -> Result<c_int, Errno> {
    // SAFETY: the caller's contract.
    let text = unsafe { path_str(text) }?.to_bytes();
    s.write(text).map_err(|(_, e)| e)?;
    if newline {
        s.put(b'\n')?;
        return Ok(c_int::try_from(text.len() + 1).unwrap_or(c_int::MAX));
    }
    Ok(1)
}

/// [`fputs`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/fputs.html)
///
/// # Safety
/// `text` must be null or a NUL-terminated string; `f` null or a live stream.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fputs(text: *const c_char, f: *mut File) -> c_int {
    // SAFETY: the caller's contract.
    unsafe { with(f, EOF, |s| puts_to(s, text, false)) }
}

/// `fputs_unlocked`.
///
/// # Safety
/// As [`fputs`], and no other thread may use the stream during the call.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fputs_unlocked(text: *const c_char, f: *mut File) -> c_int {
    // SAFETY: the caller's contract.
    unsafe { with_unlocked(f, EOF, |s| puts_to(s, text, false)) }
}

/// [`puts`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/puts.html): the text
/// and a newline on `stdout`; returns the bytes written, as glibc does.
///
/// # Safety
/// `text` must be null or a NUL-terminated string.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn puts(text: *const c_char) -> c_int {
    // SAFETY: the caller's contract; `stdout` is live unless the program broke it.
    unsafe { with(stdout, EOF, |s| puts_to(s, text, true)) }
}

// --- Positions ---

/// [`fseeko`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/fseek.html)
///
/// # Safety
/// `f` must be null or a live stream.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fseeko(f: *mut File, offset: libc::off_t, whence: c_int) -> c_int {
    // SAFETY: the caller's contract.
    unsafe { with(f, -1, |s| s.seek(offset, whence).map(|()| 0)) }
}

/// `fseeko64`: `fseeko` under `_FILE_OFFSET_BITS=64`.
///
/// # Safety
/// As [`fseeko`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fseeko64(f: *mut File, offset: libc::off64_t, whence: c_int) -> c_int {
    // SAFETY: as `fseeko`.
    unsafe { fseeko(f, offset, whence) }
}

/// [`fseek`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/fseek.html)
///
/// # Safety
/// `f` must be null or a live stream.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fseek(f: *mut File, offset: c_long, whence: c_int) -> c_int {
    // SAFETY: as `fseeko`.
    unsafe { fseeko(f, offset, whence) }
}

/// [`ftello`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/ftell.html)
///
/// # Safety
/// `f` must be null or a live stream.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn ftello(f: *mut File) -> libc::off_t {
    // SAFETY: the caller's contract.
    unsafe { with(f, -1, |s| s.tell()) }
}

/// `ftello64`: `ftello` under `_FILE_OFFSET_BITS=64`.
///
/// # Safety
/// As [`ftello`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn ftello64(f: *mut File) -> libc::off64_t {
    // SAFETY: as `ftello`.
    unsafe { ftello(f) }
}

/// [`ftell`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/ftell.html)
///
/// # Safety
/// `f` must be null or a live stream.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn ftell(f: *mut File) -> c_long {
    // SAFETY: as `ftello`.
    unsafe { ftello(f) }
}

/// [`rewind`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/rewind.html):
/// back to the start, both indicators cleared.
///
/// # Safety
/// `f` must be null or a live stream.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rewind(f: *mut File) {
    // SAFETY: the caller's contract.
    unsafe {
        with(f, (), |s| {
            let result = s.seek(0, libc::SEEK_SET);
            s.clear_indicators();
            result
        })
    }
}

/// [`fgetpos`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/fgetpos.html)
///
/// # Safety
/// `f` must be null or a live stream; `pos` null or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fgetpos(f: *mut File, pos: *mut FPos) -> c_int {
    if pos.is_null() {
        return Err(Errno::FAULT).or_errno(-1);
    }
    // SAFETY: the caller's contract; `pos` is non-null and writable.
    unsafe {
        with(f, -1, |s| {
            let at = s.tell()?;
            pos.write(FPos {
                pos: at,
                state: [0; 2],
            });
            Ok(0)
        })
    }
}

/// `fgetpos64`: `fgetpos` under `_FILE_OFFSET_BITS=64`.
///
/// # Safety
/// As [`fgetpos`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fgetpos64(f: *mut File, pos: *mut FPos64) -> c_int {
    // SAFETY: as `fgetpos`.
    unsafe { fgetpos(f, pos) }
}

/// [`fsetpos`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/fsetpos.html)
///
/// # Safety
/// `f` must be null or a live stream; `pos` null or readable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fsetpos(f: *mut File, pos: *const FPos) -> c_int {
    if pos.is_null() {
        return Err(Errno::FAULT).or_errno(-1);
    }
    // SAFETY: the caller's contract; `pos` is non-null and readable.
    let at = unsafe { (*pos).pos };
    // SAFETY: the caller's contract.
    unsafe { with(f, -1, |s| s.seek(at, libc::SEEK_SET).map(|()| 0)) }
}

/// `fsetpos64`: `fsetpos` under `_FILE_OFFSET_BITS=64`.
///
/// # Safety
/// As [`fsetpos`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fsetpos64(f: *mut File, pos: *const FPos64) -> c_int {
    // SAFETY: as `fsetpos`.
    unsafe { fsetpos(f, pos) }
}

// --- Indicators ---

/// [`feof`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/feof.html)
///
/// # Safety
/// `f` must be null or a live stream.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn feof(f: *mut File) -> c_int {
    // SAFETY: the caller's contract.
    unsafe { with(f, 0, |s| Ok(c_int::from(s.eof()))) }
}

/// `feof_unlocked`.
///
/// # Safety
/// `f` must be null or a live stream.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn feof_unlocked(f: *mut File) -> c_int {
    // SAFETY: the caller's contract.
    unsafe { with_unlocked(f, 0, |s| Ok(c_int::from(s.eof()))) }
}

/// [`ferror`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/ferror.html)
///
/// # Safety
/// `f` must be null or a live stream.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn ferror(f: *mut File) -> c_int {
    // SAFETY: the caller's contract.
    unsafe { with(f, 0, |s| Ok(c_int::from(s.error()))) }
}

/// `ferror_unlocked`.
///
/// # Safety
/// `f` must be null or a live stream.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn ferror_unlocked(f: *mut File) -> c_int {
    // SAFETY: the caller's contract.
    unsafe { with_unlocked(f, 0, |s| Ok(c_int::from(s.error()))) }
}

/// [`clearerr`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/clearerr.html)
///
/// # Safety
/// `f` must be null or a live stream.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn clearerr(f: *mut File) {
    // SAFETY: the caller's contract.
    unsafe {
        with(f, (), |s| {
            s.clear_indicators();
            Ok(())
        })
    }
}

/// `clearerr_unlocked`.
///
/// # Safety
/// `f` must be null or a live stream no other thread uses during the call.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn clearerr_unlocked(f: *mut File) {
    // SAFETY: the caller's contract.
    unsafe {
        with_unlocked(f, (), |s| {
            s.clear_indicators();
            Ok(())
        })
    }
}

// --- Locks ---

/// [`flockfile`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/flockfile.html)
///
/// # Safety
/// `f` must be null (ignored) or a live stream.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn flockfile(f: *mut File) {
    if !f.is_null() {
        // SAFETY: live per the contract; the lock is shared state.
        unsafe { (*f).lock.lock() }
    }
}

/// [`ftrylockfile`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/ftrylockfile.html):
/// 0 when the lock was taken.
///
/// # Safety
/// `f` must be null or a live stream.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn ftrylockfile(f: *mut File) -> c_int {
    // SAFETY: live per the contract.
    if !f.is_null() && unsafe { (*f).lock.try_lock() } {
        0
    } else {
        -1
    }
}

/// [`funlockfile`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/funlockfile.html)
///
/// # Safety
/// `f` must be null (ignored) or a live stream the calling thread has locked.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn funlockfile(f: *mut File) {
    if !f.is_null() {
        // SAFETY: live per the contract, and locked by us.
        unsafe { (*f).lock.unlock() }
    }
}

// --- <stdio_ext.h> ---

/// `__fpending(f)`: bytes written and not yet flushed.
///
/// # Safety
/// `f` must be null or a live stream.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __fpending(f: *mut File) -> usize {
    // SAFETY: the caller's contract.
    unsafe {
        with_unlocked(f, 0, |s| {
            Ok(if s.state.direction == Direction::Writing {
                s.pending()
            } else {
                0
            })
        })
    }
}

/// `__freading(f)`: nonzero if the stream is read-only or its last operation was a read.
///
/// # Safety
/// `f` must be null or a live stream.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __freading(f: *mut File) -> c_int {
    // SAFETY: the caller's contract.
    unsafe {
        with_unlocked(f, 0, |s| {
            Ok(c_int::from(
                !s.state.writable || s.state.direction == Direction::Reading,
            ))
        })
    }
}

/// `__fwriting(f)`: nonzero if the stream is write-only or its last operation was a write.
///
/// # Safety
/// `f` must be null or a live stream.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __fwriting(f: *mut File) -> c_int {
    // SAFETY: the caller's contract.
    unsafe {
        with_unlocked(f, 0, |s| {
            Ok(c_int::from(
                !s.state.readable || s.state.direction == Direction::Writing,
            ))
        })
    }
}

// --- Diagnostics ---

/// [`perror`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/perror.html):
/// `prefix: TEXT` (just `TEXT` for a null or empty prefix) on `stderr`.
///
/// # Safety
/// `prefix` must be null or a NUL-terminated string.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn perror(prefix: *const c_char) {
    // SAFETY: the calling thread's own errno slot, read before anything can change it.
    let errnum = unsafe { *crate::thread::tcb::errno_location() };
    // SAFETY: the caller's contract; `stderr` is live unless the program broke it.
    unsafe { crate::stdio::report::perror(stderr, path_str(prefix).ok(), errnum) }
}

/// `__freadable(f)`: nonzero if the stream was opened for reading.
///
/// # Safety
/// `f` must be null or a live stream.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __freadable(f: *mut File) -> c_int {
    // SAFETY: the caller's contract.
    unsafe { with_unlocked(f, 0, |s| Ok(c_int::from(s.state.readable))) }
}

/// `__fwritable(f)`: nonzero if the stream was opened for writing.
///
/// # Safety
/// `f` must be null or a live stream.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __fwritable(f: *mut File) -> c_int {
    // SAFETY: the caller's contract.
    unsafe { with_unlocked(f, 0, |s| Ok(c_int::from(s.state.writable))) }
}

/// `__flbf(f)`: nonzero if the stream is line-buffered.
///
/// # Safety
/// `f` must be null or a live stream.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __flbf(f: *mut File) -> c_int {
    // SAFETY: the caller's contract.
    unsafe { with_unlocked(f, 0, |s| Ok(c_int::from(s.state.buffering == Buffering::Line))) }
}

/// `__fbufsize(f)`: the size of the stream's buffer (0 before its first I/O).
///
/// # Safety
/// `f` must be null or a live stream.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __fbufsize(f: *mut File) -> usize {
    // SAFETY: the caller's contract.
    unsafe { with_unlocked(f, 0, |s| Ok(s.buffer_size())) }
}

/// `__fpurge(f)`: discards the stream's pending output and read-ahead.
///
/// # Safety
/// `f` must be null or a live stream.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __fpurge(f: *mut File) {
    // SAFETY: the caller's contract.
    unsafe {
        with(f, (), |s| {
            s.purge();
            Ok(())
        })
    }
}

/// `_flushlbf()`: flushes every line-buffered stream.
#[unsafe(no_mangle)]
pub extern "C" fn _flushlbf() {
    registry::flush_line_buffered()
}

// --- Files by name ---

/// [`remove`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/remove.html)
///
/// # Safety
/// `path` must be null or a NUL-terminated string.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn remove(path: *const c_char) -> c_int {
    paths::remove(CPath::new(path)).map(|()| 0).or_errno(-1)
}

/// [`rename`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/rename.html)
///
/// # Safety
/// `old` and `new` must be null or NUL-terminated strings.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rename(old: *const c_char, new: *const c_char) -> c_int {
    paths::rename(CPath::new(old), CPath::new(new)).map(|()| 0).or_errno(-1)
}
