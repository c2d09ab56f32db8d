//! Descriptor syscalls with C's argument conventions checked at the edge: negative
//! descriptors are `EBADF`, null paths `EFAULT`, counts clamped as the kernel clamps them.
//! Buffers are handed to the kernel without Rust reading them, so a bad address is `EFAULT`.

use core::ffi::{CStr, c_char, c_int};
use rustix::fd::{BorrowedFd, IntoRawFd, OwnedFd};
use rustix::fs::SeekFrom;
use rustix::io::Errno;

/// The most the kernel transfers in one `read`/`write` (`MAX_RW_COUNT`): larger counts are
/// cut to it, so cutting them here changes nothing and keeps slices within `isize`.
const MAX_RW_COUNT: usize = 0x7fff_f000;

/// A descriptor the caller named, borrowed for one call.
pub fn borrow(fd: c_int) -> Result<BorrowedFd<'static>, Errno> {
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
    // SAFETY: the caller's contract.
    unsafe { openat(libc::AT_FDCWD, path, flags, mode) }
}

/// `openat(dirfd, path, flags, mode)`; `mode` counts only with `O_CREAT` or `O_TMPFILE`.
///
/// # Safety
/// `path` must be null or a NUL-terminated string.
pub unsafe fn openat(dirfd: c_int, path: *const c_char, flags: c_int, mode: u32) -> Result<c_int, Errno> {
    let path = crate::fs::path::CPath::new(path);
    // SAFETY: the kernel reads the path (`fs::path` says why not rustix); it ignores `mode`
    // without `O_CREAT` or `O_TMPFILE`.
    unsafe { crate::fs::path::at(libc::SYS_openat, [dirfd as usize, path.arg(), flags as usize, mode as usize, 0, 0]) }
        .map(|fd| fd as c_int)
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

/// A new descriptor's number, handed over to the C caller.
fn raw(fd: OwnedFd) -> c_int {
    fd.into_raw_fd()
}

/// `dup(fd)`.
pub fn dup(fd: c_int) -> Result<c_int, Errno> {
    rustix::io::dup(borrow(fd)?).map(raw)
}

/// `dup3(old, new, flags)`; `dup2` is `dup3` without flags, except that `old == new` is
/// allowed there (and only checks that `old` is open).
pub fn dup3(old: c_int, new: c_int, flags: c_int, is_dup2: bool) -> Result<c_int, Errno> {
    let old_fd = borrow(old)?;
    if new < 0 {
        return Err(Errno::BADF);
    }
    if old == new {
        if !is_dup2 {
            return Err(Errno::INVAL);
        }
        rustix::io::fcntl_getfd(old_fd)?;
        return Ok(new);
    }
    let flags = match flags {
        0 => rustix::io::DupFlags::empty(),
        libc::O_CLOEXEC => rustix::io::DupFlags::CLOEXEC,
        _ => return Err(Errno::INVAL),
    };
    // SAFETY: `new` names a descriptor number the caller chose to replace; `dup3` is the
    // atomic way to do that. The OwnedFd is handed straight back as a number, never dropped.
    let mut target = unsafe { <OwnedFd as rustix::fd::FromRawFd>::from_raw_fd(new) };
    let result = rustix::io::dup3(old_fd, &mut target, flags);
    let _ = target.into_raw_fd();
    result.map(|()| new)
}

/// `pipe2(fds, flags)`: the read end in `fds[0]`, the write end in `fds[1]`. The kernel
/// checks the flags.
pub fn pipe2(flags: c_int) -> Result<[c_int; 2], Errno> {
    let (r, w) = rustix::pipe::pipe_with(rustix::pipe::PipeFlags::from_bits_retain(flags as u32))?;
    Ok([raw(r), raw(w)])
}

/// `fcntl(fd, cmd, arg)`, every command: the argument (an int or a pointer, per `cmd`) goes to
/// the kernel unread, which checks it. rustix wraps only some commands (no record locks, no
/// owner, lease or pipe-size commands), so this is the raw system call. The commands that wait
/// for a lock (`F_SETLKW`, `F_OFD_SETLKW`) are cancellation points.
pub fn fcntl(fd: c_int, cmd: c_int, arg: usize) -> Result<c_int, Errno> {
    let fd = rustix::fd::AsRawFd::as_raw_fd(&borrow(fd)?) as usize;
    let call = if matches!(cmd, libc::F_SETLKW | libc::F_OFD_SETLKW) { crate::thread::cancel::syscall3 } else { super::syscall::call3 };
    // SAFETY: the kernel reads or writes a pointer argument only for the commands that take
    // one, and answers EFAULT for a bad one; no command changes what the library relies on.
    unsafe { call(libc::SYS_fcntl, fd, cmd as usize, arg) }.map(|v| v as c_int)
}

/// One `ioctl` request with an uninterpreted argument, for [`ioctl`].
struct AnyIoctl {
    request: rustix::ioctl::Opcode,
    arg: *mut core::ffi::c_void,
}

// SAFETY: the request and its argument come from the C caller, who answers for their pairing;
// the kernel validates what it can (EFAULT, ENOTTY, EINVAL). The result is the syscall's value.
unsafe impl rustix::ioctl::Ioctl for AnyIoctl {
    type Output = c_int;
    const IS_MUTATING: bool = true;
    fn opcode(&self) -> rustix::ioctl::Opcode {
        self.request
    }
    fn as_ptr(&mut self) -> *mut core::ffi::c_void {
        self.arg
    }
    unsafe fn output_from_ptr(out: rustix::ioctl::IoctlOutput, _: *mut core::ffi::c_void) -> Result<c_int, Errno> {
        Ok(out)
    }
}

/// `ioctl(fd, request, arg)`.
///
/// # Safety
/// `arg` must be what `request` expects on that descriptor.
pub unsafe fn ioctl(fd: c_int, request: u64, arg: usize) -> Result<c_int, Errno> {
    let fd = borrow(fd)?;
    // The kernel's `cmd` is 32 bits wide; glibc passes the low half too.
    let call = AnyIoctl { request: request as rustix::ioctl::Opcode, arg: arg as *mut core::ffi::c_void };
    // SAFETY: the caller's contract.
    unsafe { rustix::ioctl::ioctl(fd, call) }
}

/// `isatty(fd)`: whether `fd` is a terminal, as `tcgetattr` answers (`ENOTTY`, `EBADF`).
pub fn isatty(fd: c_int) -> Result<(), Errno> {
    rustix::termios::tcgetattr(borrow(fd)?).map(|_| ())
}

/// `ttyname_r(fd, buf, len)`: the terminal's path, from `/proc/self/fd`.
pub fn ttyname(fd: c_int, buf: &mut [u8]) -> Result<(), Errno> {
    isatty(fd)?;
    let mut digits = [0u8; 20];
    let digits = crate::io::diag::decimal(fd as u64, &mut digits);
    let prefix = b"/proc/self/fd/";
    let mut link = [0u8; 40];
    link[..prefix.len()].copy_from_slice(prefix);
    link[prefix.len()..prefix.len() + digits.len()].copy_from_slice(digits);
    let path = CStr::from_bytes_until_nul(&link).map_err(|_| Errno::INVAL)?;
    let mut target = [0u8; 4096];
    let n = rustix::fs::readlinkat_raw(rustix::fs::CWD, path, &mut target[..])?;
    if n + 1 > buf.len() {
        return Err(Errno::RANGE);
    }
    buf[..n].copy_from_slice(&target[..n]);
    buf[n] = 0;
    Ok(())
}

/// `ftruncate(fd, len)`.
pub fn ftruncate(fd: c_int, len: i64) -> Result<(), Errno> {
    let fd = borrow(fd)?;
    if len < 0 {
        return Err(Errno::INVAL);
    }
    rustix::fs::ftruncate(fd, len as u64)
}

/// `eventfd(initval, flags)`.
pub fn eventfd(initval: u32, flags: c_int) -> Result<c_int, Errno> {
    rustix::event::eventfd(initval, rustix::event::EventfdFlags::from_bits_retain(flags as u32)).map(raw)
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
