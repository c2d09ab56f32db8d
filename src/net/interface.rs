//! Network interface names and indexes (`<net/if.h>`).
//!
//! One name or index is looked up with an interface request (`SIOCGIFINDEX`,
//! `SIOCGIFNAME`) on a throwaway datagram socket, as glibc does. The whole list comes from
//! the kernel's routing netlink: a dump of every link (`RTM_GETLINK`) answers with one
//! `RTM_NEWLINK` message per interface, carrying its index and its name attribute; that
//! lists interfaces without addresses too, which `SIOCGIFCONF` would miss.

use super::socket;
use crate::alloc::{allocate, deallocate, reallocate};
use core::ffi::{c_char, c_int, c_uint};
use rustix::io::Errno;

/// Bytes of an interface name with its terminator (`IF_NAMESIZE`).
pub const NAME_SIZE: usize = libc::IFNAMSIZ;

/// The kernel's `struct ifreq` as the two requests use it: the name, then the index.
#[repr(C)]
struct IfReq {
    name: [u8; NAME_SIZE],
    index: c_int,
    rest: [u8; 20],
}

const _: () = assert!(size_of::<IfReq>() == size_of::<libc::ifreq>());

/// A socket of our own, closed when dropped.
struct Socket(c_int);

impl Socket {
    fn open(domain: c_int, ty: c_int, protocol: c_int) -> Result<Self, Errno> {
        socket::socket(domain, ty | libc::SOCK_CLOEXEC, protocol).map(Socket)
    }

    /// Makes interface request `request` with `req`.
    fn request(&self, request: c_int, req: &mut IfReq) -> Result<(), Errno> {
        // SAFETY: `req` is a whole `ifreq`, which is what these requests read and write.
        unsafe { crate::io::syscall::call(libc::SYS_ioctl, [self.0 as usize, request as usize, (req as *mut IfReq) as usize, 0, 0, 0]) }
            .map(drop)
    }
}

impl Drop for Socket {
    fn drop(&mut self) {
        // Nothing to report: the descriptor is ours and is gone either way.
        let _ = crate::io::fd::close(self.0);
    }
}

/// The socket interface requests go through (any family serves).
fn probe() -> Result<Socket, Errno> {
    Socket::open(libc::AF_UNIX, libc::SOCK_DGRAM, 0)
}

/// `if_nametoindex(name)`: `ENODEV` for a name that is too long or names no interface.
pub fn name_to_index(name: &[u8]) -> Result<c_uint, Errno> {
    let mut req = IfReq { name: [0; NAME_SIZE], index: 0, rest: [0; 20] };
    req.name.get_mut(..name.len()).filter(|_| name.len() < NAME_SIZE).ok_or(Errno::NODEV)?.copy_from_slice(name);
    probe()?.request(libc::SIOCGIFINDEX as c_int, &mut req)?;
    Ok(req.index as c_uint)
}

/// `if_indextoname(index)`: the name with its terminator, or `ENXIO` when no interface has
/// that index (glibc's code; the kernel says `ENODEV`).
pub fn index_to_name(index: c_uint) -> Result<[u8; NAME_SIZE], Errno> {
    let mut req = IfReq { name: [0; NAME_SIZE], index: index as c_int, rest: [0; 20] };
    match probe()?.request(libc::SIOCGIFNAME as c_int, &mut req) {
        Err(Errno::NODEV) => Err(Errno::NXIO),
        Err(e) => Err(e),
        Ok(()) => {
            // The kernel's names always end within the field; keep the last byte a terminator.
            req.name[NAME_SIZE - 1] = 0;
            Ok(req.name)
        }
    }
}

/// A block from the allocator that grows by doubling, freed when dropped unless taken.
struct Block {
    ptr: *mut u8,
    cap: usize,
    len: usize,
}

impl Block {
    fn new(cap: usize) -> Result<Self, Errno> {
        let ptr = allocate(cap);
        if ptr.is_null() { Err(Errno::NOBUFS) } else { Ok(Block { ptr, cap, len: 0 }) }
    }

    /// Appends `bytes`, growing the block when they do not fit.
    fn push(&mut self, bytes: &[u8]) -> Result<(), Errno> {
        let need = self.len.checked_add(bytes.len()).ok_or(Errno::NOBUFS)?;
        if need > self.cap {
            let cap = need.max(self.cap * 2);
            // SAFETY: `ptr` is our live block.
            let grown = unsafe { reallocate(self.ptr, cap) };
            if grown.is_null() {
                return Err(Errno::NOBUFS);
            }
            (self.ptr, self.cap) = (grown, cap);
        }
        // SAFETY: the block has room for `need` bytes; `bytes` is not inside it.
        unsafe { core::ptr::copy_nonoverlapping(bytes.as_ptr(), self.ptr.add(self.len), bytes.len()) };
        self.len = need;
        Ok(())
    }

    fn as_slice(&self) -> &[u8] {
        // SAFETY: the first `len` bytes were written.
        unsafe { core::slice::from_raw_parts(self.ptr, self.len) }
    }

    fn take(self) -> *mut u8 {
        let p = self.ptr;
        core::mem::forget(self);
        p
    }
}

impl Drop for Block {
    fn drop(&mut self) {
        // SAFETY: `ptr` is our live block, not used after this.
        unsafe { deallocate(self.ptr) };
    }
}

/// The size of the receive buffer: more than a dump message the kernel makes (it makes them
/// of a page, or of the buffer size the reader last offered).
const RECEIVE_SIZE: usize = 16 * 1024;
/// `IFLA_IFNAME`, the link attribute holding the interface name.
const IFLA_IFNAME: u16 = 3;
/// The sequence number of our one request.
const SEQ: u32 = 1;
/// Bytes of one list entry while collecting: the index, then the name field.
const ENTRY: usize = 4 + NAME_SIZE;

/// The native-endian integer at `at` in `bytes`, if there.
fn u32_at(bytes: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_ne_bytes(bytes.get(at..at + 4)?.try_into().ok()?))
}

fn u16_at(bytes: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_ne_bytes(bytes.get(at..at + 2)?.try_into().ok()?))
}

/// Netlink's 4-byte alignment of messages and attributes.
fn align4(n: usize) -> usize {
    (n + 3) & !3
}

/// Collects the entry (index, name) of one `RTM_NEWLINK` message body into `out`.
fn link(body: &[u8], out: &mut Block) -> Result<(), Errno> {
    let index = u32_at(body, 4).ok_or(Errno::NOBUFS)?;
    let mut at = size_of::<libc::ifinfomsg>();
    while let (Some(len), Some(kind)) = (u16_at(body, at), u16_at(body, at + 2)) {
        let len = usize::from(len);
        if len < 4 {
            break;
        }
        if kind == IFLA_IFNAME {
            let value = body.get(at + 4..at + len).unwrap_or_default();
            let name = value.split(|&b| b == 0).next().unwrap_or_default();
            let mut entry = [0u8; ENTRY];
            entry[..4].copy_from_slice(&index.to_ne_bytes());
            let n = name.len().min(NAME_SIZE - 1);
            entry[4..4 + n].copy_from_slice(&name[..n]);
            return out.push(&entry);
        }
        at += align4(len);
    }
    Ok(())
}

/// Asks the kernel for every link and collects the entries; `Ok` once the dump is done.
fn dump_links(out: &mut Block) -> Result<(), Errno> {
    let nl = Socket::open(libc::AF_NETLINK, libc::SOCK_RAW, libc::NETLINK_ROUTE)?;
    let header = size_of::<libc::nlmsghdr>();
    let mut request = [0u8; 16 + size_of::<libc::ifinfomsg>()];
    let len = request.len() as u32;
    request[..4].copy_from_slice(&len.to_ne_bytes());
    request[4..6].copy_from_slice(&libc::RTM_GETLINK.to_ne_bytes());
    request[6..8].copy_from_slice(&((libc::NLM_F_REQUEST | libc::NLM_F_DUMP) as u16).to_ne_bytes());
    request[8..12].copy_from_slice(&SEQ.to_ne_bytes());
    // The ifinfomsg stays zero: family AF_UNSPEC, no filter.
    // SAFETY: the kernel reads the request, which lives across the call.
    unsafe { crate::io::syscall::call(libc::SYS_sendto, [nl.0 as usize, request.as_ptr() as usize, request.len(), 0, 0, 0]) }?;
    let buf = Block::new(RECEIVE_SIZE)?;
    loop {
        // SAFETY: the kernel writes at most `cap` bytes into the block.
        let got = unsafe { crate::io::syscall::call(libc::SYS_recvfrom, [nl.0 as usize, buf.ptr as usize, buf.cap, 0, 0, 0]) }?;
        // SAFETY: the kernel wrote the first `got` bytes (never more than `cap`).
        let data = unsafe { core::slice::from_raw_parts(buf.ptr, got.min(buf.cap)) };
        let mut at = 0;
        while let (Some(len), Some(kind)) = (u32_at(data, at), u16_at(data, at + 4)) {
            let len = len as usize;
            if len < header || at + len > data.len() {
                return Err(Errno::NOBUFS);
            }
            let body = &data[at + header..at + len];
            match c_int::from(kind) {
                libc::NLMSG_DONE => return Ok(()),
                libc::NLMSG_ERROR => {
                    let code = u32_at(body, 0).map_or(0, |e| e as i32);
                    return Err(if code < 0 { Errno::from_raw_os_error(-code) } else { Errno::NOBUFS });
                }
                _ if kind == libc::RTM_NEWLINK && u32_at(data, at + 8) == Some(SEQ) => link(body, out)?,
                _ => {}
            }
            at += align4(len);
        }
    }
}

/// `if_nameindex()`: every interface as an array of `struct if_nameindex` ended by a zero
/// entry, with the names in the same allocation (so [`free_name_index`] frees it whole).
pub fn name_index() -> Result<*mut libc::if_nameindex, Errno> {
    let mut entries = Block::new(ENTRY * 8)?;
    dump_links(&mut entries)?;
    let list = entries.as_slice();
    let count = list.len() / ENTRY;
    let array = (count + 1) * size_of::<libc::if_nameindex>();
    let mut out = Block::new(array + count * NAME_SIZE)?;
    out.len = array + count * NAME_SIZE;
    let base = out.ptr;
    for (i, entry) in list.chunks_exact(ENTRY).enumerate() {
        let index = u32_at(entry, 0).unwrap_or_default();
        // SAFETY: the block holds the array and then `count` name fields; `i < count`.
        unsafe {
            let name = base.add(array + i * NAME_SIZE);
            core::ptr::copy_nonoverlapping(entry[4..].as_ptr(), name, NAME_SIZE);
            base.cast::<libc::if_nameindex>().add(i).write(libc::if_nameindex { if_index: index, if_name: name.cast::<c_char>() });
        }
    }
    // SAFETY: the last slot of the array.
    unsafe { base.cast::<libc::if_nameindex>().add(count).write(libc::if_nameindex { if_index: 0, if_name: core::ptr::null_mut() }) };
    Ok(out.take().cast())
}

/// `if_freenameindex(list)`: frees what [`name_index`] returned; null does nothing.
///
/// # Safety
/// `list` is null or a list from [`name_index`], not used afterwards.
pub unsafe fn free_name_index(list: *mut libc::if_nameindex) {
    // SAFETY: the caller's contract; the list is one block of our allocator.
    unsafe { deallocate(list.cast()) };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loopback_both_ways_and_in_the_list() {
        let lo = name_to_index(b"lo").unwrap();
        assert!(lo > 0);
        assert_eq!(&index_to_name(lo).unwrap()[..3], b"lo\0");
        assert_eq!(name_to_index(b"no-such-if0"), Err(Errno::NODEV));
        assert_eq!(name_to_index(b"0123456789abcdef"), Err(Errno::NODEV));
        assert_eq!(index_to_name(0), Err(Errno::NXIO));
        let list = name_index().unwrap();
        let mut found = false;
        let mut i = 0;
        loop {
            // SAFETY: the list ends with a zero entry.
            let e = unsafe { &*list.add(i) };
            if e.if_index == 0 {
                break;
            }
            // SAFETY: each name is NUL-terminated.
            let name = unsafe { core::ffi::CStr::from_ptr(e.if_name) };
            found |= e.if_index == lo && name.to_bytes() == b"lo";
            i += 1;
        }
        assert!(found);
        // SAFETY: the list came from name_index.
        unsafe { free_name_index(list) };
    }
}
