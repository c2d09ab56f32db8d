//! `mkstemp`, `mkostemp`, `mkstemps`, `mkostemps`, `mkdtemp`: create a new file or directory
//! whose name replaces the six `X`s of a template (before a suffix of `suffix` bytes) with
//! random letters and digits, trying new names while they already exist (`EEXIST`), as
//! glibc does (up to 62^3 attempts). Files are opened `O_RDWR | O_CREAT | O_EXCL` with mode
//! 0600 plus the caller's extra flags; directories are made with mode 0700. The template is
//! rewritten in place. `tmpnam`'s names are made the same way, only checked to be unused.

use core::ffi::{CStr, c_int};
use rustix::fs::{Mode, OFlags};
use rustix::io::Errno;

/// The characters of a generated name.
const LETTERS: &[u8; 62] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
/// How many names to try before giving up with `EEXIST`.
const ATTEMPTS: u32 = 62 * 62 * 62;

/// 64 random bits: the kernel's, or (without entropy yet) the clock mixed with a counter.
fn random_bits(counter: u64) -> u64 {
    let mut buf = [0u8; 8];
    if rustix::rand::getrandom(&mut buf, rustix::rand::GetRandomFlags::NONBLOCK) == Ok(8) {
        return u64::from_ne_bytes(buf);
    }
    let t = rustix::time::clock_gettime(rustix::time::ClockId::Monotonic);
    (t.tv_nsec as u64 ^ (t.tv_sec as u64).rotate_left(32)).wrapping_add(counter).wrapping_mul(0x9e37_79b9_7f4a_7c15)
}

/// `L_tmpnam`: room for a `tmpnam` name and its NUL.
pub const TMPNAM_LEN: usize = 20;

/// `tmpnam_r`'s work: a name `/tmp/fileXXXXXX` (glibc's form, `P_tmpdir` and "file") that
/// names nothing at the time of the call, into `buf`; `ENOENT` when `/tmp` is not a
/// directory, `EEXIST` when every name tried was taken.
pub fn unused_name(buf: &mut [u8; TMPNAM_LEN]) -> Result<(), Errno> {
    let dir = rustix::fs::stat(c"/tmp")?;
    if rustix::fs::FileType::from_raw_mode(dir.st_mode) != rustix::fs::FileType::Directory {
        return Err(Errno::NOENT);
    }
    const TEMPLATE: &[u8] = b"/tmp/fileXXXXXX\0";
    for (slot, &b) in buf.iter_mut().zip(TEMPLATE) {
        *slot = b;
    }
    // SAFETY: `buf` now holds a NUL-terminated template ending in six Xs.
    unsafe { create(buf.as_mut_ptr(), 0, Kind::Unused) }.map(|_| ())
}

/// What to create.
#[derive(Clone, Copy)]
pub enum Kind {
    /// A file, opened with these extra flags (`O_APPEND`, `O_CLOEXEC`, `O_SYNC`...).
    File(c_int),
    Directory,
    /// Nothing: the name is only checked to be free (`lstat` says `ENOENT`).
    Unused,
}

/// Creates the object; the descriptor for a file, 0 for a directory.
///
/// # Safety
/// `template` is a writable NUL-terminated string.
pub unsafe fn create(template: *mut u8, suffix: usize, kind: Kind) -> Result<c_int, Errno> {
    // SAFETY: NUL-terminated per the contract.
    let len = unsafe { CStr::from_ptr(template.cast()) }.to_bytes().len();
    if len < 6 + suffix {
        return Err(Errno::INVAL);
    }
    let start = len - 6 - suffix;
    // SAFETY: the six bytes lie inside the string.
    let xs = unsafe { core::slice::from_raw_parts_mut(template.add(start), 6) };
    if xs.iter().any(|&b| b != b'X') {
        return Err(Errno::INVAL);
    }
    for attempt in 0..ATTEMPTS {
        let mut bits = random_bits(attempt as u64);
        for x in xs.iter_mut() {
            *x = LETTERS[(bits % 62) as usize];
            bits /= 62;
        }
        // SAFETY: still NUL-terminated; only the Xs changed.
        let path = unsafe { CStr::from_ptr(template.cast()) };
        let made = match kind {
            Kind::File(flags) => {
                let flags = OFlags::RDWR | OFlags::CREATE | OFlags::EXCL | OFlags::from_bits_retain(flags as u32);
                rustix::fs::open(path, flags, Mode::from_bits_retain(0o600)).map(rustix::fd::IntoRawFd::into_raw_fd)
            }
            Kind::Directory => rustix::fs::mkdir(path, Mode::from_bits_retain(0o700)).map(|()| 0),
            Kind::Unused => match rustix::fs::lstat(path) {
                Ok(_) => Err(Errno::EXIST),
                Err(Errno::NOENT) => Ok(0),
                Err(e) => Err(e),
            },
        };
        match made {
            Err(Errno::EXIST) => continue,
            other => return other,
        }
    }
    Err(Errno::EXIST)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unused_names_have_glibc_form_and_are_free() {
        let (mut a, mut b) = ([0u8; TMPNAM_LEN], [0u8; TMPNAM_LEN]);
        unused_name(&mut a).unwrap();
        unused_name(&mut b).unwrap();
        let name = CStr::from_bytes_until_nul(&a).unwrap();
        assert_eq!(name.to_bytes().len(), 15);
        assert!(name.to_bytes().starts_with(b"/tmp/file"));
        assert_ne!(a, b);
        assert_eq!(rustix::fs::lstat(name).map(|_| ()), Err(Errno::NOENT));
    }
}
