//! `<arpa/inet.h>` and the byte-order functions of `<netinet/in.h>`: address texts
//! (`crate::net::inet`) and byte swaps.

use super::OrErrno;
use crate::net::inet;
use core::ffi::{CStr, c_char, c_int, c_void};
use libc::{in_addr, in_addr_t, socklen_t};
use rustix::io::Errno;

/// The bytes of C string `s`, or `EFAULT` for null.
///
/// # Safety
/// `s` must be null or a NUL-terminated string.
unsafe fn text<'a>(s: *const c_char) -> Result<&'a [u8], Errno> {
    if s.is_null() {
        return Err(Errno::FAULT);
    }
    // SAFETY: the caller's contract.
    Ok(unsafe { CStr::from_ptr(s) }.to_bytes())
}

/// [`inet_pton`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/inet_pton.html)
///
/// # Safety
/// `src` must be a string; `dst` writable for a binary address of family `af`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn inet_pton(af: c_int, src: *const c_char, dst: *mut c_void) -> c_int {
    let parsed = inet::address_len(af).and_then(|len| {
        // SAFETY: the caller's contract.
        let src = unsafe { text(src) }?;
        if dst.is_null() {
            return Err(Errno::FAULT);
        }
        // SAFETY: the caller's contract: `dst` holds an address of family `af`.
        let out = unsafe { core::slice::from_raw_parts_mut(dst.cast::<u8>(), len) };
        inet::parse(af, src, out)
    });
    parsed.map(c_int::from).or_errno(-1)
}

/// [`inet_ntop`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/inet_ntop.html)
///
/// # Safety
/// `src` must be a binary address of family `af`; `dst` writable for `size` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn inet_ntop(af: c_int, src: *const c_void, dst: *mut c_char, size: socklen_t) -> *const c_char {
    let written = inet::address_len(af).and_then(|len| {
        if src.is_null() || dst.is_null() {
            return Err(Errno::FAULT);
        }
        // SAFETY: the caller's contract: `src` holds an address of family `af`.
        let addr = unsafe { core::slice::from_raw_parts(src.cast::<u8>(), len) };
        // SAFETY: the caller's contract: `dst` has `size` bytes.
        let out = unsafe { core::slice::from_raw_parts_mut(dst.cast::<u8>(), size as usize) };
        inet::format(af, addr)?.store(out)
    });
    written.map(|()| dst.cast_const()).or_errno(core::ptr::null())
}

/// [`inet_aton`](https://man7.org/linux/man-pages/man3/inet_aton.3.html): 1 for an address
/// (stored in `*inp` unless `inp` is null), 0 for other text.
///
/// # Safety
/// `cp` must be a string; `inp` null or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn inet_aton(cp: *const c_char, inp: *mut in_addr) -> c_int {
    // SAFETY: the caller's contract.
    let Some(addr) = unsafe { text(cp) }.ok().and_then(inet::aton) else { return 0 };
    if !inp.is_null() {
        // SAFETY: the caller's contract.
        unsafe { inp.write(in_addr { s_addr: addr.to_be() }) };
    }
    1
}

/// [`inet_addr`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/inet_addr.html):
/// `inet_aton`'s address in network byte order, or `INADDR_NONE`.
///
/// # Safety
/// `cp` must be a string.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn inet_addr(cp: *const c_char) -> in_addr_t {
    // SAFETY: the caller's contract.
    unsafe { text(cp) }.ok().and_then(inet::aton).map_or(libc::INADDR_NONE, u32::to_be)
}

/// [`inet_network`](https://man7.org/linux/man-pages/man3/inet_network.3.html): the parts in
/// host byte order, or `INADDR_NONE`.
///
/// # Safety
/// `cp` must be a string.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn inet_network(cp: *const c_char) -> in_addr_t {
    // SAFETY: the caller's contract.
    unsafe { text(cp) }.ok().and_then(inet::network).unwrap_or(libc::INADDR_NONE)
}

/// [`inet_ntoa`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/inet_ntoa.html):
/// the text in a per-thread buffer, overwritten by the thread's next call (as glibc's).
#[unsafe(no_mangle)]
pub extern "C" fn inet_ntoa(addr: in_addr) -> *mut c_char {
    let text = inet::format4(addr.s_addr.to_ne_bytes());
    // SAFETY: the calling thread's own control block; no reference to the buffer is live
    // (C may still read an earlier text there: the call overwrites it, as C allows).
    let buf = unsafe { &mut (*crate::thread::tcb::current()).inet_ntoa_text };
    // A dotted IPv4 text always fits the 16 bytes.
    let _ = text.store(buf);
    buf.as_mut_ptr().cast()
}

/// [`inet_makeaddr`](https://man7.org/linux/man-pages/man3/inet_makeaddr.3.html): the
/// address of `host` in the classful network `net`.
#[unsafe(no_mangle)]
pub extern "C" fn inet_makeaddr(net: in_addr_t, host: in_addr_t) -> in_addr {
    in_addr { s_addr: inet::make_address(net, host).to_be() }
}

/// [`inet_lnaof`](https://man7.org/linux/man-pages/man3/inet_lnaof.3.html): the host part
/// of `addr` in its class, host byte order.
#[unsafe(no_mangle)]
pub extern "C" fn inet_lnaof(addr: in_addr) -> in_addr_t {
    inet::local_part(u32::from_be(addr.s_addr))
}

/// [`inet_netof`](https://man7.org/linux/man-pages/man3/inet_netof.3.html): the network
/// part of `addr` in its class, host byte order.
#[unsafe(no_mangle)]
pub extern "C" fn inet_netof(addr: in_addr) -> in_addr_t {
    inet::network_part(u32::from_be(addr.s_addr))
}

/// [`in6addr_any`](https://pubs.opengroup.org/onlinepubs/9799919799/basedefs/netinet_in.h.html):
/// the IPv6 wildcard address `::`.
#[unsafe(no_mangle)]
pub static in6addr_any: libc::in6_addr = libc::in6_addr { s6_addr: [0; 16] };

/// [`in6addr_loopback`](https://pubs.opengroup.org/onlinepubs/9799919799/basedefs/netinet_in.h.html):
/// the IPv6 loopback address `::1`.
#[unsafe(no_mangle)]
pub static in6addr_loopback: libc::in6_addr = libc::in6_addr { s6_addr: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1] };

/// [`htonl`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/htonl.html)
#[unsafe(no_mangle)]
pub extern "C" fn htonl(v: u32) -> u32 {
    v.to_be()
}

/// [`htons`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/htons.html)
#[unsafe(no_mangle)]
pub extern "C" fn htons(v: u16) -> u16 {
    v.to_be()
}

/// [`ntohl`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/ntohl.html)
#[unsafe(no_mangle)]
pub extern "C" fn ntohl(v: u32) -> u32 {
    u32::from_be(v)
}

/// [`ntohs`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/ntohs.html)
#[unsafe(no_mangle)]
pub extern "C" fn ntohs(v: u16) -> u16 {
    u16::from_be(v)
}
