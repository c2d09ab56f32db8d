//! Where formatted output goes.

use rustix::io::Errno;

/// A destination for formatted bytes. A sink may keep fewer bytes than it is given (a full
/// `snprintf` buffer); it fails only when the bytes cannot be delivered at all (a failed
/// `write`), which ends the formatting with that error.
pub trait Sink {
    /// Takes `bytes`, in order after everything written before.
    fn write(&mut self, bytes: &[u8]) -> Result<(), Errno>;

    /// Takes `count` copies of `byte` (padding).
    fn fill(&mut self, byte: u8, count: usize) -> Result<(), Errno> {
        let chunk = [byte; 32];
        let mut left = count;
        while left > 0 {
            let n = left.min(chunk.len());
            self.write(&chunk[..n])?;
            left -= n;
        }
        Ok(())
    }
}

/// Copies `n` bytes. The pieces of formatted output are mostly a few bytes long, and
/// `memcpy`'s `rep movsb` costs tens of cycles to start, so up to 16 bytes are copied with
/// two possibly overlapping loads and stores instead.
///
/// # Safety
/// `src` readable and `dst` writable for `n` bytes, not overlapping.
#[inline(always)]
pub(crate) unsafe fn copy_short(dst: *mut u8, src: *const u8, n: usize) {
    // SAFETY: every access below lies within the first `n` bytes of each range.
    unsafe {
        if n > 16 {
            core::ptr::copy_nonoverlapping(src, dst, n);
        } else if n >= 8 {
            let (a, b) = (src.cast::<u64>().read_unaligned(), src.add(n - 8).cast::<u64>().read_unaligned());
            dst.cast::<u64>().write_unaligned(a);
            dst.add(n - 8).cast::<u64>().write_unaligned(b);
        } else if n >= 4 {
            let (a, b) = (src.cast::<u32>().read_unaligned(), src.add(n - 4).cast::<u32>().read_unaligned());
            dst.cast::<u32>().write_unaligned(a);
            dst.add(n - 4).cast::<u32>().write_unaligned(b);
        } else if n > 0 {
            let (a, b, c) = (*src, *src.add(n / 2), *src.add(n - 1));
            *dst = a;
            *dst.add(n / 2) = b;
            *dst.add(n - 1) = c;
        }
    }
}

/// `snprintf`'s destination: keeps the first `capacity` bytes in a caller's buffer and drops
/// the rest (the engine counts everything).
pub struct Buffer {
    at: *mut u8,
    left: usize,
}

impl Buffer {
    /// A sink that writes at most `capacity` bytes at `at`.
    ///
    /// # Safety
    /// `at` must be valid for `capacity` bytes of writes while the sink lives (any pointer
    /// when `capacity` is 0).
    pub unsafe fn new(at: *mut u8, capacity: usize) -> Buffer {
        Buffer { at, left: capacity }
    }

    /// Where the next byte would go (where `snprintf` puts the terminating NUL).
    pub fn end(&self) -> *mut u8 {
        self.at
    }
}

impl Sink for Buffer {
    #[inline]
    fn write(&mut self, bytes: &[u8]) -> Result<(), Errno> {
        let n = bytes.len().min(self.left);
        // SAFETY: `n` fits in what is left of the buffer the caller vouched for, and a
        // caller's output buffer cannot overlap the engine's own source bytes except by UB
        // that C already forbids (restrict).
        unsafe { copy_short(self.at, bytes.as_ptr(), n) };
        // SAFETY: still inside (or one past) the buffer.
        self.at = unsafe { self.at.add(n) };
        self.left -= n;
        Ok(())
    }

    fn fill(&mut self, byte: u8, count: usize) -> Result<(), Errno> {
        let n = count.min(self.left);
        let pattern = [byte; 16];
        // SAFETY: `n` fits in what is left of the buffer; `pattern` has 16 bytes.
        unsafe {
            if n <= 16 {
                copy_short(self.at, pattern.as_ptr(), n);
            } else {
                core::ptr::write_bytes(self.at, byte, n);
            }
        }
        // SAFETY: still inside (or one past) the buffer.
        self.at = unsafe { self.at.add(n) };
        self.left -= n;
        Ok(())
    }
}

/// `dprintf`'s destination: bytes gathered in a small buffer and written to a descriptor
/// when it fills and at the end ([`Descriptor::flush`]).
pub struct Descriptor {
    fd: core::ffi::c_int,
    used: usize,
    buf: [u8; 512],
}

impl Descriptor {
    pub fn new(fd: core::ffi::c_int) -> Descriptor {
        Descriptor { fd, used: 0, buf: [0; 512] }
    }

    /// Writes out what is gathered, retrying short writes and `EINTR`.
    pub fn flush(&mut self) -> Result<(), Errno> {
        let mut done = 0;
        while done < self.used {
            let rest = self.buf.get(done..self.used).unwrap_or_default();
            // SAFETY: `rest` is readable for its length.
            match unsafe { crate::io::fd::write(self.fd, rest.as_ptr(), rest.len()) } {
                Ok(0) => return Err(Errno::IO),
                Ok(n) => done += n,
                Err(Errno::INTR) => {}
                Err(e) => return Err(e),
            }
        }
        self.used = 0;
        Ok(())
    }
}

impl Sink for Descriptor {
    fn write(&mut self, mut bytes: &[u8]) -> Result<(), Errno> {
        while !bytes.is_empty() {
            if self.used == self.buf.len() {
                self.flush()?;
            }
            let room = self.buf.len() - self.used;
            let (now, later) = bytes.split_at(bytes.len().min(room));
            if let Some(dst) = self.buf.get_mut(self.used..self.used + now.len()) {
                dst.copy_from_slice(now);
            }
            self.used += now.len();
            bytes = later;
        }
        Ok(())
    }
}

/// `asprintf`'s destination: a block from the allocator that grows as the output does,
/// always with room for the terminating NUL.
pub struct Growing {
    block: *mut u8,
    len: usize,
    capacity: usize,
}

impl Growing {
    pub fn new() -> Growing {
        Growing { block: core::ptr::null_mut(), len: 0, capacity: 0 }
    }

    /// Makes room for `more` bytes and the NUL.
    fn reserve(&mut self, more: usize) -> Result<(), Errno> {
        let need = self.len.checked_add(more).and_then(|n| n.checked_add(1)).ok_or(Errno::NOMEM)?;
        if need <= self.capacity {
            return Ok(());
        }
        let capacity = need.max(self.capacity * 2).max(64);
        // SAFETY: `block` is null or our live block.
        let grown = unsafe { crate::alloc::reallocate(self.block, capacity) };
        if grown.is_null() {
            return Err(Errno::NOMEM);
        }
        self.block = grown;
        self.capacity = capacity;
        Ok(())
    }

    /// The NUL-terminated output, now the caller's to free.
    pub fn finish(mut self) -> Result<*mut u8, Errno> {
        self.reserve(0)?;
        // SAFETY: `reserve` left room for the NUL at `len`.
        unsafe { self.block.add(self.len).write(0) };
        let block = self.block;
        self.block = core::ptr::null_mut();
        Ok(block)
    }
}

impl Default for Growing {
    fn default() -> Self {
        Self::new()
    }
}

impl Drop for Growing {
    fn drop(&mut self) {
        if !self.block.is_null() {
            // SAFETY: a live block of ours that nobody else has.
            unsafe { crate::alloc::deallocate(self.block) };
        }
    }
}

impl Sink for Growing {
    fn write(&mut self, bytes: &[u8]) -> Result<(), Errno> {
        self.reserve(bytes.len())?;
        // SAFETY: `reserve` made room for the bytes at `len`.
        unsafe { copy_short(self.block.add(self.len), bytes.as_ptr(), bytes.len()) };
        self.len += bytes.len();
        Ok(())
    }

    fn fill(&mut self, byte: u8, count: usize) -> Result<(), Errno> {
        self.reserve(count)?;
        // SAFETY: `reserve` made room for the bytes at `len`.
        unsafe { core::ptr::write_bytes(self.block.add(self.len), byte, count) };
        self.len += count;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn buffer_keeps_what_fits() {
        let mut b = [0u8; 5];
        // SAFETY: `b` has 5 bytes.
        let mut s = unsafe { Buffer::new(b.as_mut_ptr(), 4) };
        s.write(b"ab").unwrap();
        s.fill(b'-', 3).unwrap();
        s.write(b"cd").unwrap();
        assert_eq!(&b, b"ab--\0");
        assert_eq!(s.end(), b[4..].as_mut_ptr());
    }
}
