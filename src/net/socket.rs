//! The socket system calls behind `<sys/socket.h>`.
//!
//! Each function is one system call with C's arguments as given, made with the raw
//! instruction rather than rustix's typed `net` API: that API takes Rust socket addresses and
//! option values, which would mean reading C's `sockaddr`, `msghdr` and option buffers in
//! Rust first, so a bad pointer would crash instead of being the kernel's `EFAULT`. The
//! kernel checks every argument (`EBADF`, `ENOTSOCK`, `EINVAL`, `EFAULT`, `EAFNOSUPPORT`).
//!
//! The calls glibc makes cancellation points (`accept`, `accept4`, `connect`, the receives
//! and the sends) go through [`crate::thread::cancel::syscall`]; the others through
//! [`crate::io::syscall::call`].

use crate::io::syscall::call;
use crate::thread::cancel::syscall as point;
use core::ffi::{c_int, c_uint, c_void};
use libc::{mmsghdr, msghdr, sockaddr, socklen_t};
use rustix::io::Errno;

/// A descriptor or count the kernel returned, as C's `int` (the kernel keeps them in range).
fn int(ret: usize) -> c_int {
    ret as c_int
}

/// `socket(domain, type, protocol)`.
pub fn socket(domain: c_int, ty: c_int, protocol: c_int) -> Result<c_int, Errno> {
    // SAFETY: integer arguments only.
    unsafe { call(libc::SYS_socket, [domain as usize, ty as usize, protocol as usize, 0, 0, 0]) }.map(int)
}

/// `socketpair(domain, type, protocol, sv)`: the kernel writes the two descriptors to `sv`.
///
/// # Safety
/// `sv` must be writable for two `int`s, or an address the kernel refuses.
pub unsafe fn socketpair(domain: c_int, ty: c_int, protocol: c_int, sv: *mut c_int) -> Result<(), Errno> {
    let args = [domain as usize, ty as usize, protocol as usize, sv as usize, 0, 0];
    // SAFETY: the kernel writes only `sv`.
    unsafe { call(libc::SYS_socketpair, args) }.map(drop)
}

/// `bind(fd, addr, len)`.
///
/// # Safety
/// `addr` must be readable for `len` bytes, or an address the kernel refuses.
pub unsafe fn bind(fd: c_int, addr: *const sockaddr, len: socklen_t) -> Result<(), Errno> {
    // SAFETY: the kernel only reads the address.
    unsafe { call(libc::SYS_bind, [fd as usize, addr as usize, len as usize, 0, 0, 0]) }.map(drop)
}

/// `connect(fd, addr, len)`, a cancellation point.
///
/// # Safety
/// As [`bind`].
pub unsafe fn connect(fd: c_int, addr: *const sockaddr, len: socklen_t) -> Result<(), Errno> {
    // SAFETY: the kernel only reads the address.
    unsafe { point(libc::SYS_connect, [fd as usize, addr as usize, len as usize, 0, 0, 0]) }.map(drop)
}

/// `listen(fd, backlog)`.
pub fn listen(fd: c_int, backlog: c_int) -> Result<(), Errno> {
    // SAFETY: integer arguments only.
    unsafe { call(libc::SYS_listen, [fd as usize, backlog as usize, 0, 0, 0, 0]) }.map(drop)
}

/// `accept4(fd, addr, len, flags)` (`accept` is `flags` 0), a cancellation point.
///
/// # Safety
/// `addr` and `len` must both be null, or `len` a readable and writable `socklen_t` and
/// `addr` writable for `*len` bytes; or addresses the kernel refuses.
pub unsafe fn accept(fd: c_int, addr: *mut sockaddr, len: *mut socklen_t, flags: c_int) -> Result<c_int, Errno> {
    let args = [fd as usize, addr as usize, len as usize, flags as usize, 0, 0];
    // SAFETY: the kernel writes only the address and its length.
    unsafe { point(libc::SYS_accept4, args) }.map(int)
}

/// `getsockname(fd, addr, len)`, or `getpeername` when `nr` is `SYS_getpeername`.
///
/// # Safety
/// `len` must be a readable and writable `socklen_t` and `addr` writable for `*len` bytes,
/// or addresses the kernel refuses.
pub unsafe fn name(nr: libc::c_long, fd: c_int, addr: *mut sockaddr, len: *mut socklen_t) -> Result<(), Errno> {
    // SAFETY: the kernel writes only the address and its length.
    unsafe { call(nr, [fd as usize, addr as usize, len as usize, 0, 0, 0]) }.map(drop)
}

/// `sendto(fd, buf, len, flags, addr, addr_len)`; `send` is `addr` null, `addr_len` 0.
///
/// # Safety
/// `buf` must be readable for `len` bytes and `addr` null or readable for `addr_len` bytes,
/// or addresses the kernel refuses.
pub unsafe fn sendto(fd: c_int, buf: *const c_void, len: usize, flags: c_int, addr: *const sockaddr, addr_len: socklen_t) -> Result<usize, Errno> {
    let args = [fd as usize, buf as usize, len, flags as usize, addr as usize, addr_len as usize];
    // SAFETY: the kernel only reads the buffer and the address.
    unsafe { point(libc::SYS_sendto, args) }
}

/// `recvfrom(fd, buf, len, flags, addr, addr_len)`; `recv` is both null.
///
/// # Safety
/// `buf` must be writable for `len` bytes; `addr` and `addr_len` null, or as for [`accept`];
/// or addresses the kernel refuses.
pub unsafe fn recvfrom(fd: c_int, buf: *mut c_void, len: usize, flags: c_int, addr: *mut sockaddr, addr_len: *mut socklen_t) -> Result<usize, Errno> {
    let args = [fd as usize, buf as usize, len, flags as usize, addr as usize, addr_len as usize];
    // SAFETY: the kernel writes only the buffer, the address and its length.
    unsafe { point(libc::SYS_recvfrom, args) }
}

/// `sendmsg(fd, msg, flags)`, or `recvmsg` when `nr` is `SYS_recvmsg`.
///
/// # Safety
/// `msg` must be a `msghdr` whose buffers, name and control data are valid for the
/// transfer, or addresses the kernel refuses.
pub unsafe fn message(nr: libc::c_long, fd: c_int, msg: *const msghdr, flags: c_int) -> Result<usize, Errno> {
    // SAFETY: the kernel reads the header and reads or writes what it names.
    unsafe { point(nr, [fd as usize, msg as usize, flags as usize, 0, 0, 0]) }
}

/// `sendmmsg(fd, msgs, count, flags)`.
///
/// # Safety
/// `msgs` must point at `count` `mmsghdr`s valid as for [`message`], or at an address the
/// kernel refuses.
pub unsafe fn sendmmsg(fd: c_int, msgs: *mut mmsghdr, count: c_uint, flags: c_int) -> Result<c_int, Errno> {
    let args = [fd as usize, msgs as usize, count as usize, flags as usize, 0, 0];
    // SAFETY: the kernel reads the headers and writes their lengths.
    unsafe { point(libc::SYS_sendmmsg, args) }.map(int)
}

/// `recvmmsg(fd, msgs, count, flags, timeout)`.
///
/// # Safety
/// As [`sendmmsg`]; `timeout` null or a readable and writable `timespec`.
pub unsafe fn recvmmsg(fd: c_int, msgs: *mut mmsghdr, count: c_uint, flags: c_int, timeout: *mut libc::timespec) -> Result<c_int, Errno> {
    let args = [fd as usize, msgs as usize, count as usize, flags as usize, timeout as usize, 0];
    // SAFETY: the kernel writes the messages and what is left of the timeout.
    unsafe { point(libc::SYS_recvmmsg, args) }.map(int)
}

/// `getsockopt(fd, level, name, value, len)`.
///
/// # Safety
/// `len` must be a readable and writable `socklen_t` and `value` writable for `*len` bytes,
/// or addresses the kernel refuses.
pub unsafe fn getsockopt(fd: c_int, level: c_int, name: c_int, value: *mut c_void, len: *mut socklen_t) -> Result<(), Errno> {
    let args = [fd as usize, level as usize, name as usize, value as usize, len as usize, 0];
    // SAFETY: the kernel writes only the value and its length.
    unsafe { call(libc::SYS_getsockopt, args) }.map(drop)
}

/// `setsockopt(fd, level, name, value, len)`.
///
/// # Safety
/// `value` must be readable for `len` bytes, or an address the kernel refuses.
pub unsafe fn setsockopt(fd: c_int, level: c_int, name: c_int, value: *const c_void, len: socklen_t) -> Result<(), Errno> {
    let args = [fd as usize, level as usize, name as usize, value as usize, len as usize, 0];
    // SAFETY: the kernel only reads the value.
    unsafe { call(libc::SYS_setsockopt, args) }.map(drop)
}

/// `shutdown(fd, how)`.
pub fn shutdown(fd: c_int, how: c_int) -> Result<(), Errno> {
    // SAFETY: integer arguments only.
    unsafe { call(libc::SYS_shutdown, [fd as usize, how as usize, 0, 0, 0, 0]) }.map(drop)
}

/// The socket request `SIOCATMARK` (`<asm/sockios.h>`; the `libc` crate lacks it).
const SIOCATMARK: u32 = 0x8905;

/// `sockatmark(fd)`: whether the socket's read position is at the out-of-band mark (the
/// `SIOCATMARK` request; a descriptor that is no socket answers `ENOTTY`, as in glibc).
pub fn sockatmark(fd: c_int) -> Result<c_int, Errno> {
    let mut at_mark: c_int = 0;
    let args = [fd as usize, SIOCATMARK as usize, (&raw mut at_mark) as usize, 0, 0, 0];
    // SAFETY: the kernel writes one int to `at_mark`, which lives across the call.
    unsafe { call(libc::SYS_ioctl, args) }?;
    Ok(at_mark)
}

/// `CMSG_NXTHDR(msg, cmsg)` (glibc's `__cmsg_nxthdr`): the control message after `cmsg` in
/// `msg`'s control data, or null when `cmsg` is malformed (shorter than its header) or no
/// whole header fits after it, as glibc's header computes it. `cmsg`'s length is trusted
/// only once it is known to fit, so the arithmetic never leaves the control buffer.
///
/// # Safety
/// `msg` must be a readable `msghdr` and `cmsg` a readable `cmsghdr` inside its control
/// data (as `CMSG_FIRSTHDR` and earlier calls give them), or null.
pub unsafe fn next_control(msg: *const msghdr, cmsg: *const libc::cmsghdr) -> *mut libc::cmsghdr {
    const HEADER: usize = size_of::<libc::cmsghdr>();
    const ALIGN: usize = size_of::<usize>();
    if msg.is_null() || cmsg.is_null() {
        return core::ptr::null_mut();
    }
    // SAFETY: the caller's contract: both are readable.
    let (control, control_len, len) = unsafe { ((*msg).msg_control as usize, (*msg).msg_controllen, (*cmsg).cmsg_len) };
    let padding = (ALIGN - (len & (ALIGN - 1))) & (ALIGN - 1);
    let needed = HEADER + padding;
    let left = (control + control_len).wrapping_sub(cmsg as usize);
    if len < HEADER || left < needed || left - needed < len {
        return core::ptr::null_mut();
    }
    // In bounds: `len` rounded up plus one header fit in what is left of the buffer.
    cmsg.cast::<u8>().wrapping_add(len + padding).cast::<libc::cmsghdr>().cast_mut()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pair_send_receive_and_errors() {
        let mut sv = [-1; 2];
        // SAFETY: `sv` holds two ints.
        unsafe { socketpair(libc::AF_UNIX, libc::SOCK_STREAM, 0, sv.as_mut_ptr()) }.unwrap();
        // SAFETY: the buffers are valid for their lengths.
        let sent = unsafe { sendto(sv[0], b"hi".as_ptr().cast(), 2, 0, core::ptr::null(), 0) };
        assert_eq!(sent, Ok(2));
        let mut buf = [0u8; 4];
        // SAFETY: as above.
        let got = unsafe { recvfrom(sv[1], buf.as_mut_ptr().cast(), 4, 0, core::ptr::null_mut(), core::ptr::null_mut()) };
        assert_eq!(got, Ok(2));
        assert_eq!(&buf[..2], b"hi");
        assert_eq!(sockatmark(sv[0]), Ok(0));
        assert_eq!(shutdown(sv[0], 99), Err(Errno::INVAL));
        assert_eq!(listen(-1, 1), Err(Errno::BADF));
        assert_eq!(socket(12345, libc::SOCK_STREAM, 0), Err(Errno::AFNOSUPPORT));
        // Two 20-byte messages (24 bytes each, aligned) in 48 bytes of control data: the
        // first leads to the second, the second to nothing.
        let mut control = [0u64; 6];
        control[0] = 20;
        control[3] = 20;
        // SAFETY: an all-zero msghdr is valid (null pointers, zero lengths).
        let mut msg: msghdr = unsafe { core::mem::zeroed() };
        msg.msg_control = control.as_mut_ptr().cast();
        msg.msg_controllen = 48;
        let first = control.as_ptr().cast::<libc::cmsghdr>();
        // SAFETY: both point into `control`, which `msg` names.
        let second = unsafe { next_control(&msg, first) };
        assert_eq!(second as usize, first as usize + 24);
        // SAFETY: as above.
        assert!(unsafe { next_control(&msg, second) }.is_null());
        control[0] = 4; // shorter than a header
        // SAFETY: as above.
        assert!(unsafe { next_control(&msg, first) }.is_null());
        for fd in sv {
            crate::io::fd::close(fd).unwrap();
        }
    }
}
