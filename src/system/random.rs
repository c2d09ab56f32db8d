//! `getrandom` and `getentropy`.

use rustix::io::Errno;
use rustix::rand::GetRandomFlags;

/// `getrandom(buf, len, flags)`: the kernel fills the buffer directly.
///
/// # Safety
/// `buf` must be writable for `len` bytes.
pub unsafe fn getrandom(buf: *mut u8, len: usize, flags: u32) -> Result<usize, Errno> {
    let buf = if len == 0 { core::ptr::NonNull::dangling().as_ptr() } else { buf };
    // SAFETY: per the contract; Rust never reads the buffer, the kernel writes it (EFAULT).
    let slice = unsafe { core::slice::from_raw_parts_mut(buf, len) };
    rustix::rand::getrandom(slice, GetRandomFlags::from_bits_retain(flags))
}

/// `getentropy(buf, len)`: all `len <= 256` bytes or an error (`EIO` for more).
///
/// # Safety
/// As [`getrandom`].
pub unsafe fn getentropy(buf: *mut u8, len: usize) -> Result<(), Errno> {
    if len > 256 {
        return Err(Errno::IO);
    }
    let mut done = 0;
    while done < len {
        // SAFETY: the rest of the caller's buffer.
        match unsafe { getrandom(buf.wrapping_add(done), len - done, 0) } {
            Ok(n) => done += n,
            Err(Errno::INTR) => {}
            Err(e) => return Err(e),
        }
    }
    Ok(())
}
