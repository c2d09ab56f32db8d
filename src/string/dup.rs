//! `strdup` and `strndup`: copies of strings in memory from the allocator.

use super::{mem, scan};
use rustix::io::Errno;

/// A newly allocated copy of at most `n` bytes of the string `s`, NUL-terminated
/// (`n == usize::MAX` copies it all); `ENOMEM` when there is no memory.
///
/// # Safety
/// `s` is NUL-terminated or at least `n` bytes long.
pub unsafe fn duplicate(s: *const u8, n: usize) -> Result<*mut u8, Errno> {
    // SAFETY: per the contract.
    let len = unsafe { scan::length_n(s, n) };
    let size = len.checked_add(1).ok_or(Errno::NOMEM)?;
    let p = crate::alloc::allocate(size);
    if p.is_null() {
        return Err(Errno::NOMEM);
    }
    // SAFETY: `p` has room for `len + 1` bytes, and `s` has `len` readable bytes.
    unsafe {
        mem::copy(p, s, len);
        *p.add(len) = 0;
    }
    Ok(p)
}

#[cfg(test)]
mod tests {
    use super::duplicate;
    use core::ffi::CStr;

    #[test]
    fn copies_and_bounds() {
        // SAFETY: NUL-terminated input; the copies come from our allocator and go back to it.
        unsafe {
            let p = duplicate(b"hello\0".as_ptr(), usize::MAX).expect("memory");
            assert_eq!(CStr::from_ptr(p.cast()).to_bytes(), b"hello");
            crate::alloc::deallocate(p);
            let p = duplicate(b"hello\0".as_ptr(), 3).expect("memory");
            assert_eq!(CStr::from_ptr(p.cast()).to_bytes(), b"hel");
            crate::alloc::deallocate(p);
            let p = duplicate(b"abc".as_ptr(), 3).expect("memory");
            assert_eq!(CStr::from_ptr(p.cast()).to_bytes(), b"abc");
            crate::alloc::deallocate(p);
        }
    }
}
