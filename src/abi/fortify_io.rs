//! The `_FORTIFY_SOURCE` forms of the descriptor, path and identity calls (`__read_chk`,
//! `__open_2`, `__fdelt_chk`...), which glibc's headers call when the compiler knows a
//! buffer's size. A size that does not fit ends the process as glibc does: a message on
//! standard error, then SIGABRT.

use crate::string::fortify::check;
use core::ffi::{c_char, c_int, c_long, c_void};

/// glibc's `__fortify_fail(what)`: "*** what ***: terminated", then SIGABRT.
fn fortify_fail(what: &[u8]) -> ! {
    crate::io::diag::write_stderr(&[b"*** ", what, b" ***: terminated\n"]);
    crate::exit::abort::abort()
}

/// A misused `open`.
fn invalid_open() -> ! {
    fortify_fail(b"invalid open call: O_CREAT or O_TMPFILE without mode")
}

/// Whether `flags` oblige the caller of `open` to pass a mode.
fn needs_mode(flags: c_int) -> bool {
    flags & libc::O_CREAT != 0 || flags & libc::O_TMPFILE == libc::O_TMPFILE
}

/// `__open_2(path, flags)`: `open` without a mode, which `O_CREAT`/`O_TMPFILE` need.
///
/// # Safety
/// As `open`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __open_2(path: *const c_char, flags: c_int) -> c_int {
    if needs_mode(flags) {
        invalid_open();
    }
    // SAFETY: the caller's contract; no mode is read without O_CREAT/O_TMPFILE.
    unsafe { super::fcntl::open(path, flags, 0) }
}

/// `__open64_2`: `__open_2` under `_FILE_OFFSET_BITS=64`.
///
/// # Safety
/// As `open`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __open64_2(path: *const c_char, flags: c_int) -> c_int {
    // SAFETY: as `__open_2`.
    unsafe { __open_2(path, flags) }
}

/// `__openat_2(dirfd, path, flags)`.
///
/// # Safety
/// As `openat`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __openat_2(dirfd: c_int, path: *const c_char, flags: c_int) -> c_int {
    if needs_mode(flags) {
        invalid_open();
    }
    // SAFETY: the caller's contract; no mode is read without O_CREAT/O_TMPFILE.
    unsafe { super::fcntl::openat(dirfd, path, flags, 0) }
}

/// `__openat64_2`: `__openat_2` under `_FILE_OFFSET_BITS=64`.
///
/// # Safety
/// As `openat`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __openat64_2(dirfd: c_int, path: *const c_char, flags: c_int) -> c_int {
    // SAFETY: as `__openat_2`.
    unsafe { __openat_2(dirfd, path, flags) }
}

/// `__read_chk(fd, buf, n, room)`.
///
/// # Safety
/// As `read`, with `buf` holding `room` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __read_chk(fd: c_int, buf: *mut c_void, n: usize, room: usize) -> isize {
    check(n, room);
    // SAFETY: the caller's contract.
    unsafe { super::unistd::read(fd, buf, n) }
}

/// `__pread_chk(fd, buf, n, offset, room)`.
///
/// # Safety
/// As `pread`, with `buf` holding `room` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __pread_chk(fd: c_int, buf: *mut c_void, n: usize, offset: i64, room: usize) -> isize {
    check(n, room);
    // SAFETY: the caller's contract.
    unsafe { super::unistd::pread(fd, buf, n, offset) }
}

/// `__pread64_chk`: `__pread_chk` under `_FILE_OFFSET_BITS=64`.
///
/// # Safety
/// As `__pread_chk`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __pread64_chk(fd: c_int, buf: *mut c_void, n: usize, offset: i64, room: usize) -> isize {
    // SAFETY: as `__pread_chk`.
    unsafe { __pread_chk(fd, buf, n, offset, room) }
}

/// `__readlink_chk(path, buf, n, room)`.
///
/// # Safety
/// As `readlink`, with `buf` holding `room` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __readlink_chk(path: *const c_char, buf: *mut c_char, n: usize, room: usize) -> isize {
    check(n, room);
    // SAFETY: the caller's contract.
    unsafe { super::unistd_fs::readlink(path, buf, n) }
}

/// `__readlinkat_chk(dirfd, path, buf, n, room)`.
///
/// # Safety
/// As `readlinkat`, with `buf` holding `room` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __readlinkat_chk(dirfd: c_int, path: *const c_char, buf: *mut c_char, n: usize, room: usize) -> isize {
    check(n, room);
    // SAFETY: the caller's contract.
    unsafe { super::unistd_fs::readlinkat(dirfd, path, buf, n) }
}

/// `__getcwd_chk(buf, n, room)`.
///
/// # Safety
/// As `getcwd`, with `buf` holding `room` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __getcwd_chk(buf: *mut c_char, n: usize, room: usize) -> *mut c_char {
    check(n, room);
    // SAFETY: the caller's contract.
    unsafe { super::unistd_fs::getcwd(buf, n) }
}

/// `__ttyname_r_chk(fd, buf, n, room)`.
///
/// # Safety
/// As `ttyname_r`, with `buf` holding `room` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __ttyname_r_chk(fd: c_int, buf: *mut c_char, n: usize, room: usize) -> c_int {
    check(n, room);
    // SAFETY: the caller's contract.
    unsafe { super::unistd::ttyname_r(fd, buf, n) }
}

/// `__gethostname_chk(buf, n, room)`.
///
/// # Safety
/// As `gethostname`, with `buf` holding `room` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __gethostname_chk(buf: *mut c_char, n: usize, room: usize) -> c_int {
    check(n, room);
    // SAFETY: the caller's contract.
    unsafe { super::unistd_sys::gethostname(buf, n) }
}

/// `__getgroups_chk(size, list, room)`: `room` is in bytes.
///
/// # Safety
/// As `getgroups`, with `list` holding `room` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __getgroups_chk(size: c_int, list: *mut libc::gid_t, room: usize) -> c_int {
    if size > 0 {
        check((size as usize).saturating_mul(size_of::<libc::gid_t>()), room);
    }
    // SAFETY: the caller's contract.
    unsafe { super::unistd_ids::getgroups(size, list) }
}

/// `__poll_chk(fds, n, timeout, room)`: `room` is in bytes.
///
/// # Safety
/// As `poll`, with `fds` holding `room` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __poll_chk(fds: *mut libc::pollfd, n: libc::nfds_t, timeout: c_int, room: usize) -> c_int {
    check((n as usize).saturating_mul(size_of::<libc::pollfd>()), room);
    // SAFETY: the caller's contract.
    unsafe { super::poll::poll(fds, n, timeout) }
}

/// `__ppoll_chk(fds, n, timeout, mask, room)`: `room` is in bytes.
///
/// # Safety
/// As `ppoll`, with `fds` holding `room` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __ppoll_chk(
    fds: *mut libc::pollfd,
    n: libc::nfds_t,
    timeout: *const libc::timespec,
    mask: *const libc::sigset_t,
    room: usize,
) -> c_int {
    check((n as usize).saturating_mul(size_of::<libc::pollfd>()), room);
    // SAFETY: the caller's contract.
    unsafe { super::poll::ppoll(fds, n, timeout, mask) }
}

/// `__fdelt_chk(fd)`: the word of an `fd_set` that holds `fd`, for `FD_SET`/`FD_CLR`/
/// `FD_ISSET`; a descriptor outside `0..FD_SETSIZE` overflows the set.
#[unsafe(no_mangle)]
pub extern "C" fn __fdelt_chk(fd: c_long) -> c_long {
    if !(0..libc::FD_SETSIZE as c_long).contains(&fd) {
        fortify_fail(b"bit out of range 0 - FD_SETSIZE on fd_set");
    }
    // NFDBITS: the bits of one `long` word of the set.
    fd / c_long::from(c_long::BITS as u8)
}

/// `__confstr_chk(name, buf, n, room)`.
///
/// # Safety
/// As `confstr`, with `buf` holding `room` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __confstr_chk(name: c_int, buf: *mut c_char, n: usize, room: usize) -> usize {
    check(n, room);
    // SAFETY: the caller's contract.
    unsafe { super::unistd_sys::confstr(name, buf, n) }
}

/// `__getdomainname_chk(buf, n, room)`.
///
/// # Safety
/// As `getdomainname`, with `buf` holding `room` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __getdomainname_chk(buf: *mut c_char, n: usize, room: usize) -> c_int {
    check(n, room);
    // SAFETY: the caller's contract.
    unsafe { super::unistd_sys::getdomainname(buf, n) }
}
