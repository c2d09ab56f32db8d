//! `<sys/socket.h>`: sockets. Every pointer goes to the kernel unread (`crate::net::socket`),
//! so a bad one is `EFAULT`.

use super::OrErrno;
use crate::net::socket;
use core::ffi::{c_int, c_uint, c_void};
use libc::{mmsghdr, msghdr, sockaddr, socklen_t};

/// [`socket`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/socket.html)
#[unsafe(no_mangle)]
pub extern "C" fn socket(domain: c_int, ty: c_int, protocol: c_int) -> c_int {
    socket::socket(domain, ty, protocol).or_errno(-1)
}

/// [`socketpair`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/socketpair.html)
///
/// # Safety
/// `sv` must be writable for two `int`s.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn socketpair(domain: c_int, ty: c_int, protocol: c_int, sv: *mut c_int) -> c_int {
    // SAFETY: the caller's contract.
    unsafe { socket::socketpair(domain, ty, protocol, sv) }.map(|()| 0).or_errno(-1)
}

/// [`bind`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/bind.html)
///
/// # Safety
/// `addr` must be readable for `len` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn bind(fd: c_int, addr: *const sockaddr, len: socklen_t) -> c_int {
    // SAFETY: the caller's contract.
    unsafe { socket::bind(fd, addr, len) }.map(|()| 0).or_errno(-1)
}

/// [`connect`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/connect.html)
///
/// # Safety
/// `addr` must be readable for `len` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn connect(fd: c_int, addr: *const sockaddr, len: socklen_t) -> c_int {
    // SAFETY: the caller's contract.
    unsafe { socket::connect(fd, addr, len) }.map(|()| 0).or_errno(-1)
}

/// [`listen`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/listen.html)
#[unsafe(no_mangle)]
pub extern "C" fn listen(fd: c_int, backlog: c_int) -> c_int {
    socket::listen(fd, backlog).map(|()| 0).or_errno(-1)
}

/// [`accept`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/accept.html)
///
/// # Safety
/// `addr` and `len` null, or `addr` writable for `*len` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn accept(fd: c_int, addr: *mut sockaddr, len: *mut socklen_t) -> c_int {
    // SAFETY: the caller's contract.
    unsafe { socket::accept(fd, addr, len, 0) }.or_errno(-1)
}

/// [`accept4`](https://man7.org/linux/man-pages/man2/accept4.2.html)
///
/// # Safety
/// As [`accept`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn accept4(fd: c_int, addr: *mut sockaddr, len: *mut socklen_t, flags: c_int) -> c_int {
    // SAFETY: the caller's contract.
    unsafe { socket::accept(fd, addr, len, flags) }.or_errno(-1)
}

/// [`getsockname`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/getsockname.html)
///
/// # Safety
/// `addr` must be writable for `*len` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn getsockname(fd: c_int, addr: *mut sockaddr, len: *mut socklen_t) -> c_int {
    // SAFETY: the caller's contract.
    unsafe { socket::name(libc::SYS_getsockname, fd, addr, len) }.map(|()| 0).or_errno(-1)
}

/// [`getpeername`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/getpeername.html)
///
/// # Safety
/// As [`getsockname`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn getpeername(fd: c_int, addr: *mut sockaddr, len: *mut socklen_t) -> c_int {
    // SAFETY: the caller's contract.
    unsafe { socket::name(libc::SYS_getpeername, fd, addr, len) }.map(|()| 0).or_errno(-1)
}

/// [`send`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/send.html)
///
/// # Safety
/// `buf` must be readable for `len` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn send(fd: c_int, buf: *const c_void, len: usize, flags: c_int) -> isize {
    // SAFETY: the caller's contract.
    unsafe { socket::sendto(fd, buf, len, flags, core::ptr::null(), 0) }.map(|n| n as isize).or_errno(-1)
}

/// [`sendto`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/sendto.html)
///
/// # Safety
/// `buf` readable for `len` bytes, `addr` null or readable for `addr_len` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sendto(fd: c_int, buf: *const c_void, len: usize, flags: c_int, addr: *const sockaddr, addr_len: socklen_t) -> isize {
    // SAFETY: the caller's contract.
    unsafe { socket::sendto(fd, buf, len, flags, addr, addr_len) }.map(|n| n as isize).or_errno(-1)
}

/// [`recv`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/recv.html)
///
/// # Safety
/// `buf` must be writable for `len` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn recv(fd: c_int, buf: *mut c_void, len: usize, flags: c_int) -> isize {
    // SAFETY: the caller's contract.
    unsafe { socket::recvfrom(fd, buf, len, flags, core::ptr::null_mut(), core::ptr::null_mut()) }.map(|n| n as isize).or_errno(-1)
}

/// [`recvfrom`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/recvfrom.html)
///
/// # Safety
/// `buf` writable for `len` bytes; `addr` and `addr_len` null, or as for [`accept`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn recvfrom(fd: c_int, buf: *mut c_void, len: usize, flags: c_int, addr: *mut sockaddr, addr_len: *mut socklen_t) -> isize {
    // SAFETY: the caller's contract.
    unsafe { socket::recvfrom(fd, buf, len, flags, addr, addr_len) }.map(|n| n as isize).or_errno(-1)
}

/// `__recv_chk(fd, buf, len, room, flags)`: `recv` under `_FORTIFY_SOURCE`.
///
/// # Safety
/// As [`recv`], with `buf` holding `room` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __recv_chk(fd: c_int, buf: *mut c_void, len: usize, room: usize, flags: c_int) -> isize {
    crate::string::fortify::check(len, room);
    // SAFETY: the caller's contract.
    unsafe { recv(fd, buf, len, flags) }
}

/// `__recvfrom_chk(fd, buf, len, room, flags, addr, addr_len)`: `recvfrom` under
/// `_FORTIFY_SOURCE`.
///
/// # Safety
/// As [`recvfrom`], with `buf` holding `room` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __recvfrom_chk(fd: c_int, buf: *mut c_void, len: usize, room: usize, flags: c_int, addr: *mut sockaddr, addr_len: *mut socklen_t) -> isize {
    crate::string::fortify::check(len, room);
    // SAFETY: the caller's contract.
    unsafe { recvfrom(fd, buf, len, flags, addr, addr_len) }
}

/// [`sendmsg`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/sendmsg.html)
///
/// # Safety
/// `msg` must be a valid `msghdr` naming readable buffers.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sendmsg(fd: c_int, msg: *const msghdr, flags: c_int) -> isize {
    // SAFETY: the caller's contract.
    unsafe { socket::message(libc::SYS_sendmsg, fd, msg, flags) }.map(|n| n as isize).or_errno(-1)
}

/// [`recvmsg`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/recvmsg.html)
///
/// # Safety
/// `msg` must be a valid `msghdr` naming writable buffers.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn recvmsg(fd: c_int, msg: *mut msghdr, flags: c_int) -> isize {
    // SAFETY: the caller's contract.
    unsafe { socket::message(libc::SYS_recvmsg, fd, msg, flags) }.map(|n| n as isize).or_errno(-1)
}

/// [`sendmmsg`](https://man7.org/linux/man-pages/man2/sendmmsg.2.html)
///
/// # Safety
/// `msgs` must point at `count` valid `mmsghdr`s.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sendmmsg(fd: c_int, msgs: *mut mmsghdr, count: c_uint, flags: c_int) -> c_int {
    // SAFETY: the caller's contract.
    unsafe { socket::sendmmsg(fd, msgs, count, flags) }.or_errno(-1)
}

/// [`recvmmsg`](https://man7.org/linux/man-pages/man2/recvmmsg.2.html)
///
/// # Safety
/// `msgs` must point at `count` valid `mmsghdr`s; `timeout` null or a `timespec`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn recvmmsg(fd: c_int, msgs: *mut mmsghdr, count: c_uint, flags: c_int, timeout: *mut libc::timespec) -> c_int {
    // SAFETY: the caller's contract.
    unsafe { socket::recvmmsg(fd, msgs, count, flags, timeout) }.or_errno(-1)
}

/// [`getsockopt`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/getsockopt.html)
///
/// # Safety
/// `value` must be writable for `*len` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn getsockopt(fd: c_int, level: c_int, name: c_int, value: *mut c_void, len: *mut socklen_t) -> c_int {
    // SAFETY: the caller's contract.
    unsafe { socket::getsockopt(fd, level, name, value, len) }.map(|()| 0).or_errno(-1)
}

/// [`setsockopt`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/setsockopt.html)
///
/// # Safety
/// `value` must be readable for `len` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn setsockopt(fd: c_int, level: c_int, name: c_int, value: *const c_void, len: socklen_t) -> c_int {
    // SAFETY: the caller's contract.
    unsafe { socket::setsockopt(fd, level, name, value, len) }.map(|()| 0).or_errno(-1)
}

/// [`shutdown`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/shutdown.html)
#[unsafe(no_mangle)]
pub extern "C" fn shutdown(fd: c_int, how: c_int) -> c_int {
    socket::shutdown(fd, how).map(|()| 0).or_errno(-1)
}

/// [`sockatmark`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/sockatmark.html)
#[unsafe(no_mangle)]
pub extern "C" fn sockatmark(fd: c_int) -> c_int {
    socket::sockatmark(fd).or_errno(-1)
}

/// `__cmsg_nxthdr(msg, cmsg)`: what `CMSG_NXTHDR` calls when glibc's header does not inline
/// it ([`cmsg`](https://man7.org/linux/man-pages/man3/cmsg.3.html)).
///
/// # Safety
/// `msg` a valid `msghdr` and `cmsg` a control message inside its control data.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __cmsg_nxthdr(msg: *mut msghdr, cmsg: *mut libc::cmsghdr) -> *mut libc::cmsghdr {
    // SAFETY: the caller's contract.
    unsafe { socket::next_control(msg, cmsg) }
}
