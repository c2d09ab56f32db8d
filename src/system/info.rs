//! `uname`, `gethostname`, `getdomainname`, `sysinfo`.

use rustix::io::Errno;

/// Copies a NUL-terminated field into a C `char` array, NUL-padded.
fn field(dst: &mut [libc::c_char], src: &core::ffi::CStr) {
    let bytes = src.to_bytes_with_nul();
    let n = bytes.len().min(dst.len());
    for (d, &s) in dst.iter_mut().zip(&bytes[..n]) {
        *d = s as libc::c_char;
    }
    if let Some(last) = dst.last_mut() {
        *last = 0;
    }
}

/// `uname()`: the kernel's names, in glibc's `struct utsname`.
pub fn uname() -> libc::utsname {
    let u = rustix::system::uname();
    let mut out = libc::utsname {
        sysname: [0; 65],
        nodename: [0; 65],
        release: [0; 65],
        version: [0; 65],
        machine: [0; 65],
        domainname: [0; 65],
    };
    field(&mut out.sysname, u.sysname());
    field(&mut out.nodename, u.nodename());
    field(&mut out.release, u.release());
    field(&mut out.version, u.version());
    field(&mut out.machine, u.machine());
    field(&mut out.domainname, u.domainname());
    out
}

/// `gethostname(buf)`: as much of the name as fits; `ENAMETOOLONG` when the name and its NUL
/// do not fit (the buffer then holds the truncated name, as glibc leaves it).
pub fn gethostname(buf: &mut [u8]) -> Result<(), Errno> {
    let u = rustix::system::uname();
    let name = u.nodename().to_bytes_with_nul();
    let n = name.len().min(buf.len());
    buf[..n].copy_from_slice(&name[..n]);
    if name.len() > buf.len() { Err(Errno::NAMETOOLONG) } else { Ok(()) }
}

/// `getdomainname(buf)`: as much of the NIS domain name and its terminator as fits, with
/// no error when it does not (glibc's behaviour).
pub fn getdomainname(buf: &mut [u8]) {
    let u = rustix::system::uname();
    let name = u.domainname().to_bytes_with_nul();
    let n = name.len().min(buf.len());
    buf[..n].copy_from_slice(&name[..n]);
}

const _: () = assert!(size_of::<rustix::system::Sysinfo>() == size_of::<libc::sysinfo>());

/// `sysinfo()`: rustix's `Sysinfo` is the kernel's `struct sysinfo`, glibc's layout.
pub fn sysinfo() -> rustix::system::Sysinfo {
    rustix::system::sysinfo()
}
