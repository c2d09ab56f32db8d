//! `fmemopen`'s backend: a fixed buffer of `size` bytes, with glibc's (2.22 and later, POSIX)
//! rules.
//!
//! - `len` is the size of the contents: `size` for `r` modes, 0 for `w` modes, and for `a`
//!   modes the position of the first NUL in the caller's buffer (at most `size`).
//! - `w+` on the caller's buffer truncates it (its first byte becomes NUL); a buffer that
//!   `fmemopen` allocates starts with a NUL.
//! - Reads stop at `len`. Writes go at the position (at `len` in append mode) and are cut at
//!   `size`; a write with no room fails with `ENOSPC`.
//! - A write that grows the contents and does not end in a NUL is followed by one: after the
//!   contents if there is room, else (not in append mode) in the last byte of the buffer.
//! - Seeks go anywhere in `0..=size` (`SEEK_END` counts from `len`); elsewhere `EINVAL`.

use rustix::io::Errno;

pub struct MemFile {
    buf: *mut u8,
    size: usize,
    len: usize,
    pos: usize,
    append: bool,
}

/// How `fmemopen`'s mode starts the contents.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Start {
    /// `r`, `r+`: the whole buffer.
    Read,
    /// `w`: empty, the buffer untouched.
    Write,
    /// `w+`: empty, and the buffer's first byte made NUL.
    Truncate,
    /// `a`, `a+`: up to the first NUL, positioned there.
    Append,
}

impl MemFile {
    /// A backend over `size` bytes at `buf`.
    ///
    /// # Safety
    /// `buf` must be readable and writable for `size` bytes for as long as the stream lives.
    pub unsafe fn new(buf: *mut u8, size: usize, start: Start) -> MemFile {
        let len = match start {
            Start::Read => size,
            Start::Write => 0,
            Start::Truncate => {
                if size > 0 {
                    // SAFETY: byte 0 is in the buffer.
                    unsafe { *buf = 0 };
                }
                0
            }
            Start::Append => {
                // SAFETY: the caller vouches for `size` bytes at `buf`.
                let contents = unsafe { core::slice::from_raw_parts(buf, size) };
                memchr::memchr(0, contents).unwrap_or(size)
            }
        };
        let append = start == Start::Append;
        MemFile {
            buf,
            size,
            len,
            pos: if append { len } else { 0 },
            append,
        }
    }

    pub fn read(&mut self, out: &mut [u8]) -> usize {
        let n = out.len().min(self.len.saturating_sub(self.pos));
        // SAFETY: pos + n <= len <= size, inside the buffer; `out` is a separate live slice.
        unsafe { core::ptr::copy_nonoverlapping(self.buf.add(self.pos), out.as_mut_ptr(), n) };
        self.pos += n;
        n
    }

    pub fn write(&mut self, data: &[u8]) -> Result<usize, Errno> {
        let at = if self.append { self.len } else { self.pos };
        let add_nul = data.last() != Some(&0);
        let room = self.size.saturating_sub(at);
        if data.len() > room && (room == 0 || self.pos + usize::from(add_nul) >= self.size) {
            return Err(Errno::NOSPC);
        }
        let n = data.len().min(room);
        // SAFETY: at + n <= size, inside the buffer; `data` is a separate live slice.
        unsafe { core::ptr::copy_nonoverlapping(data.as_ptr(), self.buf.add(at), n) };
        self.pos = at + n;
        if self.pos > self.len {
            self.len = self.pos;
            if add_nul && self.len < self.size {
                // SAFETY: len < size.
                unsafe { *self.buf.add(self.len) = 0 };
            } else if add_nul && !self.append {
                // SAFETY: size >= len > 0, so the last byte is in the buffer.
                unsafe { *self.buf.add(self.size - 1) = 0 };
            }
        }
        Ok(n)
    }

    pub fn seek(&mut self, offset: i64, whence: libc::c_int) -> Result<i64, Errno> {
        let target = seek_target(offset, whence, self.pos, self.len)?;
        if target > self.size {
            return Err(Errno::INVAL);
        }
        self.pos = target;
        Ok(target as i64)
    }
}

/// Where a seek of a memory stream lands: `offset` from the start, from `pos` or from the
/// contents' end `len`; `EINVAL` before the start or for an unknown `whence`.
pub fn seek_target(offset: i64, whence: libc::c_int, pos: usize, len: usize) -> Result<usize, Errno> {
    let base = match whence {
        libc::SEEK_SET => 0,
        libc::SEEK_CUR => pos,
        libc::SEEK_END => len,
        _ => return Err(Errno::INVAL),
    };
    let base = i64::try_from(base).map_err(|_| Errno::INVAL)?;
    let target = base.checked_add(offset).ok_or(Errno::INVAL)?;
    usize::try_from(target).map_err(|_| Errno::INVAL)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounds_and_terminator() {
        let mut buf = *b"abcdef";
        // SAFETY: `buf` outlives `m`.
        let mut m = unsafe { MemFile::new(buf.as_mut_ptr(), 6, Start::Truncate) };
        assert_eq!(m.write(b"xyz"), Ok(3));
        assert_eq!(&buf[..4], b"xyz\0");
        // SAFETY: as above.
        let mut m = unsafe { MemFile::new(buf.as_mut_ptr(), 6, Start::Write) };
        assert_eq!(m.write(b"1234567"), Ok(6));
        assert_eq!(&buf, b"12345\0");
        assert_eq!(m.write(b"!"), Err(Errno::NOSPC));
        assert_eq!(m.seek(7, libc::SEEK_SET), Err(Errno::INVAL));
        assert_eq!(m.seek(-2, libc::SEEK_END), Ok(4));
        let mut out = [0u8; 8];
        assert_eq!(m.read(&mut out), 2);
    }

    #[test]
    fn append_starts_at_nul() {
        let mut buf = *b"ab\0\0\0";
        // SAFETY: `buf` outlives `m`.
        let mut m = unsafe { MemFile::new(buf.as_mut_ptr(), 5, Start::Append) };
        assert_eq!(m.seek(0, libc::SEEK_CUR), Ok(2));
        assert_eq!(m.write(b"cd"), Ok(2));
        assert_eq!(&buf, b"abcd\0");
    }
}
