//! POSIX shared memory objects: files in `/dev/shm`, as glibc keeps them.

use core::ffi::{CStr, c_int};
use rustix::fs::{Mode, OFlags};
use rustix::io::Errno;

/// The longest path we build: "/dev/shm/" and a name shorter than `NAME_MAX`.
const PATH_MAX: usize = 9 + 255 + 1;

/// The file for shared-memory object `name`: leading slashes dropped; an empty name, a name of
/// `NAME_MAX` bytes or more, or one with another slash is `EINVAL`.
fn shm_path(name: &CStr, out: &mut [u8; PATH_MAX]) -> Result<usize, Errno> {
    let bytes = name.to_bytes();
    let start = bytes.iter().position(|&b| b != b'/').unwrap_or(bytes.len());
    let name = &bytes[start..];
    if name.is_empty() || name.len() + 1 >= 255 || memchr::memchr(b'/', name).is_some() {
        return Err(Errno::INVAL);
    }
    let dir = b"/dev/shm/";
    let len = dir.len() + name.len();
    out[..dir.len()].copy_from_slice(dir);
    out[dir.len()..len].copy_from_slice(name);
    out[len] = 0;
    Ok(len)
}

/// `shm_open(name, flags, mode)`: the file opened close-on-exec and without following links.
pub fn shm_open(name: &CStr, flags: c_int, mode: u32) -> Result<c_int, Errno> {
    let mut buf = [0u8; PATH_MAX];
    let len = shm_path(name, &mut buf)?;
    let path = CStr::from_bytes_with_nul(&buf[..=len]).map_err(|_| Errno::INVAL)?;
    let flags = OFlags::from_bits_retain(flags as u32) | OFlags::NOFOLLOW | OFlags::CLOEXEC;
    match rustix::fs::open(path, flags, Mode::from_bits_retain(mode)) {
        Ok(fd) => Ok(rustix::fd::IntoRawFd::into_raw_fd(fd)),
        Err(Errno::ISDIR) => Err(Errno::INVAL),
        Err(e) => Err(e),
    }
}

/// `shm_unlink(name)`: an invalid name is `ENOENT` here, as glibc has it.
pub fn shm_unlink(name: &CStr) -> Result<(), Errno> {
    let mut buf = [0u8; PATH_MAX];
    let len = shm_path(name, &mut buf).map_err(|_| Errno::NOENT)?;
    let path = CStr::from_bytes_with_nul(&buf[..=len]).map_err(|_| Errno::NOENT)?;
    rustix::fs::unlink(path)
}
