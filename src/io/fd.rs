//! Descriptor syscalls with C's argument conventions checked at the edge: negative
//! descriptors are `EBADF`, null paths `EFAULT`, counts clamped as the kernel clamps them.

use core::ffi::{CStr, c_char, c_int};
use rustix::fd::{BorrowedFd, IntoRawFd};
use rustix::fs::{Mode, OFlags, SeekFrom};
use rustix::io::Errno;

/// The most the kernel transfers in one `read`/`write` (`MAX_RW_COUNT`): larger counts are
/// cut to it, so cutting them here changes nothing and keeps slices within `isize`.
const MAX_RW_COUNT: usize = 0x7fff_f000;

/// A descriptor the caller named, borrowed for one call.
fn borrow(fd: c_int) -> Result<BorrowedFd<'static>, Errno> {
    if fd < 0 {
        return Err(Errno::BADF);
    }
    // SAFETY: the descriptor is only used for the duration of one syscall; if it is not
    // open, the kernel answers EBADF.
    Ok(unsafe { BorrowedFd::borrow_raw(fd) })
}

/// `read(fd, buf, len)`.
///
/// # Safety
/// `buf` must be writable for `len` bytes (or `len` is 0).
pub unsafe fn read(fd: c_int, buf: *mut u8, len: usize) -> Result<usize, Errno> {
    let fd = borrow(fd)?;
    let len = len.min(MAX_RW_COUNT);
    let buf = if len == 0 { core::ptr::NonNull::dangling().as_ptr() } else { buf };
    // SAFETY: the caller vouches for the buffer; Rust never reads it, the kernel writes it
    // (and answers EFAULT for a bad address).
    let slice = unsafe { core::slice::from_raw_parts_mut(buf, len) };
    rustix::io::read(fd, slice)
}

/// `write(fd, buf, len)`.
///
/// # Safety
/// `buf` must be readable for `len` bytes (or `len` is 0).
pub unsafe fn write(fd: c_int, buf: *const u8, len: usize) -> Result<usize, Errno> {
    let fd = borrow(fd)?;
    let len = len.min(MAX_RW_COUNT);
    let buf = if len == 0 { core::ptr::NonNull::dangling().as_ptr() } else { buf };
    // SAFETY: as in `read`; the kernel reads the buffer.
    let slice = unsafe { core::slice::from_raw_parts(buf, len) };
    rustix::io::write(fd, slice)
}

/// `open(path, flags, mode)`; `mode` counts only with `O_CREAT` or `O_TMPFILE`.
///
/// # Safety
/// `path` must be null or a NUL-terminated string.
pub unsafe fn open(path: *const c_char, flags: c_int, mode: u32) -> Result<c_int, Errno> {
    if path.is_null() {
        return Err(Errno::FAULT);
    }
    // SAFETY: non-null and NUL-terminated per the contract.
    let path = unsafe { CStr::from_ptr(path) };
    let flags = OFlags::from_bits_retain(flags as u32);
    let needs_mode = flags.contains(OFlags::CREATE) || flags.contains(OFlags::TMPFILE);
    let mode = if needs_mode { Mode::from_bits_retain(mode) } else { Mode::empty() };
    rustix::fs::open(path, flags, mode).map(|fd| fd.into_raw_fd())
}

/// `close(fd)`.
pub fn close(fd: c_int) -> Result<(), Errno> {
    if fd < 0 {
        return Err(Errno::BADF);
    }
    // SAFETY: closing a number the caller owns; a number that is not open gives EBADF.
    unsafe { rustix::io::try_close(fd) }
}

/// `lseek(fd, offset, whence)`.
pub fn lseek(fd: c_int, offset: i64, whence: c_int) -> Result<i64, Errno> {
    let fd = borrow(fd)?;
    let target = match whence {
        libc::SEEK_SET if offset < 0 => return Err(Errno::INVAL),
        libc::SEEK_SET => SeekFrom::Start(offset as u64),
        libc::SEEK_CUR => SeekFrom::Current(offset),
        libc::SEEK_END => SeekFrom::End(offset),
        libc::SEEK_DATA => SeekFrom::Data(offset as u64),
        libc::SEEK_HOLE => SeekFrom::Hole(offset as u64),
        _ => return Err(Errno::INVAL),
    };
    rustix::fs::seek(fd, target).map(|at| at as i64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_descriptors() {
        let mut b = [0u8; 4];
        // SAFETY: `b` is writable.
        assert_eq!(unsafe { read(-1, b.as_mut_ptr(), 4) }, Err(Errno::BADF));
        assert_eq!(close(-5), Err(Errno::BADF));
        assert_eq!(lseek(-1, 0, libc::SEEK_SET), Err(Errno::BADF));
    }

    #[test]
    fn open_write_seek_read_close() {
        let path = c"/tmp/rustcrt-fd-unit-test";
        // SAFETY: a valid path.
        let fd = unsafe { open(path.as_ptr(), libc::O_RDWR | libc::O_CREAT | libc::O_TRUNC, 0o600) }.unwrap();
        // SAFETY: valid buffers.
        unsafe {
            assert_eq!(write(fd, b"hello".as_ptr(), 5), Ok(5));
            assert_eq!(lseek(fd, 1, libc::SEEK_SET), Ok(1));
            assert_eq!(lseek(fd, -1, libc::SEEK_SET), Err(Errno::INVAL));
            assert_eq!(lseek(fd, 0, 42), Err(Errno::INVAL));
            let mut b = [0u8; 8];
            assert_eq!(read(fd, b.as_mut_ptr(), 8), Ok(4));
            assert_eq!(&b[..4], b"ello");
            assert_eq!(read(fd, core::ptr::null_mut(), 0), Ok(0));
        }
        assert_eq!(close(fd), Ok(()));
        assert_eq!(close(fd), Err(Errno::BADF));
        // SAFETY: null is checked.
        assert_eq!(unsafe { open(core::ptr::null(), libc::O_RDONLY, 0) }, Err(Errno::FAULT));
        let _ = std::fs::remove_file("/tmp/rustcrt-fd-unit-test");
    }
}
