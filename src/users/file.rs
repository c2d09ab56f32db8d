//! A database file read whole into memory, and its lines.

use crate::alloc;
use core::ffi::CStr;
use rustix::io::Errno;

/// The bytes of a file, in a block of the allocator.
pub struct Text {
    block: *mut u8,
    len: usize,
}

impl Text {
    /// Reads the file at `path` whole.
    pub fn read(path: &CStr) -> Result<Text, Errno> {
        // SAFETY: a NUL-terminated path.
        let fd = unsafe { crate::io::fd::open(path.as_ptr(), libc::O_RDONLY | libc::O_CLOEXEC, 0) }?;
        let mut text = Text { block: core::ptr::null_mut(), len: 0 };
        let mut capacity = 0usize;
        let result = loop {
            if text.len == capacity {
                capacity = (capacity * 2).max(4096);
                // SAFETY: null or our live block.
                let grown = unsafe { alloc::reallocate(text.block, capacity) };
                if grown.is_null() {
                    break Err(Errno::NOMEM);
                }
                text.block = grown;
            }
            // SAFETY: the block has `capacity - len` bytes free after `len`.
            match unsafe { crate::io::fd::read(fd, text.block.add(text.len), capacity - text.len) } {
                Ok(0) => break Ok(()),
                Ok(n) => text.len += n,
                Err(Errno::INTR) => {}
                Err(e) => break Err(e),
            }
        };
        let _ = crate::io::fd::close(fd);
        result.map(|()| text)
    }

    pub fn bytes(&self) -> &[u8] {
        if self.block.is_null() {
            return &[];
        }
        // SAFETY: `len` bytes were read into our block.
        unsafe { core::slice::from_raw_parts(self.block, self.len) }
    }

    /// The lines, without their newlines; blank lines and `#` comments left out.
    pub fn lines(&self) -> impl Iterator<Item = &[u8]> {
        self.bytes().split(|&b| b == b'\n').filter(|l| !l.is_empty() && l[0] != b'#')
    }
}

impl Drop for Text {
    fn drop(&mut self) {
        // SAFETY: null or our block.
        unsafe { alloc::deallocate(self.block) };
    }
}

/// The `:`-separated fields of a line: exactly `N`, or `None`.
pub fn fields<const N: usize>(line: &[u8]) -> Option<[&[u8]; N]> {
    let mut out = [&line[..0]; N];
    let mut parts = line.split(|&b| b == b':');
    for slot in out.iter_mut() {
        *slot = parts.next()?;
    }
    parts.next().is_none().then_some(out)
}

/// A decimal id (glibc's files parser reads an empty field as 0).
pub fn id(field: &[u8]) -> Option<u32> {
    if field.is_empty() {
        return Some(0);
    }
    let mut v: u32 = 0;
    for &b in field {
        if !b.is_ascii_digit() {
            return None;
        }
        v = v.checked_mul(10)?.checked_add(u32::from(b - b'0'))?;
    }
    Some(v)
}
