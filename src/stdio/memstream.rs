//! `open_memstream`'s backend: a buffer from `crate::alloc` that grows as it is written, whose
//! address and size the stream publishes to the caller's two variables at every write and
//! seek (so after each `fflush` and at `fclose`, as POSIX requires).
//!
//! The size published is the position (glibc: the bytes up to the write pointer); the contents
//! are always followed by a NUL, and a gap left by seeking past the end reads as zeros. The
//! caller owns the buffer after `fclose` and frees it with `free`.

use core::ffi::c_char;
use rustix::io::Errno;

pub struct MemStream {
    buf: *mut u8,
    /// Bytes allocated at `buf`; always more than `len`, for the NUL.
    cap: usize,
    len: usize,
    pos: usize,
    buf_out: *mut *mut c_char,
    size_out: *mut usize,
}

/// The first allocation, grown by doubling.
const FIRST_CAPACITY: usize = 64;

impl MemStream {
    /// A stream publishing to `*buf_out` and `*size_out`.
    ///
    /// # Safety
    /// Both pointers must be writable for as long as the stream is open.
    pub unsafe fn new(buf_out: *mut *mut c_char, size_out: *mut usize) -> Result<MemStream, Errno> {
        let buf = crate::alloc::allocate_zeroed(FIRST_CAPACITY);
        if buf.is_null() {
            return Err(Errno::NOMEM);
        }
        let stream = MemStream { buf, cap: FIRST_CAPACITY, len: 0, pos: 0, buf_out, size_out };
        stream.publish();
        Ok(stream)
    }

    /// Gives the buffer back: `open_memstream` failed after creating the backend.
    pub fn discard(self) {
        // SAFETY: our block; the caller never saw it through a successful open.
        unsafe { crate::alloc::deallocate(self.buf) };
    }

    fn publish(&self) {
        // SAFETY: the caller of `new` vouched for both variables.
        unsafe {
            *self.buf_out = self.buf.cast();
            *self.size_out = self.pos;
        }
    }

    /// Makes room for `end` bytes and a NUL.
    fn reserve(&mut self, end: usize) -> Result<(), Errno> {
        if end < self.cap {
            return Ok(());
        }
        let cap = end.checked_add(1).ok_or(Errno::NOMEM)?.max(self.cap.saturating_mul(2));
        // SAFETY: `buf` is our live block.
        let grown = unsafe { crate::alloc::reallocate(self.buf, cap) };
        if grown.is_null() {
            return Err(Errno::NOMEM);
        }
        self.buf = grown;
        self.cap = cap;
        Ok(())
    }

    pub fn write(&mut self, data: &[u8]) -> Result<usize, Errno> {
        let end = self.pos.checked_add(data.len()).ok_or(Errno::NOMEM)?;
        self.reserve(end)?;
        // SAFETY: end < cap: the gap [len, pos), the new bytes [pos, end) and the NUL at the
        // new length all lie in the block; `data` is the caller's separate memory.
        unsafe {
            if self.pos > self.len {
                core::ptr::write_bytes(self.buf.add(self.len), 0, self.pos - self.len);
            }
            core::ptr::copy_nonoverlapping(data.as_ptr(), self.buf.add(self.pos), data.len());
            self.pos = end;
            self.len = self.len.max(end);
            *self.buf.add(self.len) = 0;
        }
        self.publish();
        Ok(data.len())
    }

    pub fn seek(&mut self, offset: i64, whence: libc::c_int) -> Result<i64, Errno> {
        self.pos = super::memory::seek_target(offset, whence, self.pos, self.len)?;
        self.publish();
        Ok(self.pos as i64)
    }
}
