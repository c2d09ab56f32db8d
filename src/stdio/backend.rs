//! Where a stream's bytes go and come from: a descriptor, a fixed buffer (`fmemopen`), a
//! growing one (`open_memstream`) or the program's functions (`fopencookie`).
//!
//! The stream's buffer sits in front of every backend alike, so `stream.rs` is the only
//! buffering code; a backend moves bytes and positions and knows nothing of buffers.

use super::cookie::Cookie;
use super::memory::MemFile;
use super::memstream::MemStream;
use core::ffi::c_int;
use rustix::io::Errno;

/// A stream's backend.
pub enum Backend {
    /// The descriptor in the stream's `_fileno`; its reads and writes are cancellation
    /// points (as glibc's are) unless the mode said `c`.
    Fd { cancellable: bool },
    /// A fixed memory buffer (`fmemopen`).
    Memory(MemFile),
    /// A growing buffer (`open_memstream`), write-only.
    Dynamic(MemStream),
    /// The program's functions (`fopencookie`).
    Cookie(Cookie),
}

impl Backend {
    /// Reads up to `buf.len()` bytes; 0 at the end.
    pub fn read(&mut self, fd: c_int, buf: &mut [u8]) -> Result<usize, Errno> {
        match self {
            Backend::Fd { cancellable } => {
                let read = if *cancellable { crate::io::points::read } else { crate::io::fd::read };
                // SAFETY: `buf` is a live, writable slice.
                unsafe { read(fd, buf.as_mut_ptr(), buf.len()) }
            }
            Backend::Memory(m) => Ok(m.read(buf)),
            Backend::Dynamic(_) => Err(Errno::BADF),
            Backend::Cookie(c) => c.read(buf),
        }
    }

    /// Writes some of `buf`, at least one byte unless `buf` is empty.
    pub fn write(&mut self, fd: c_int, buf: &[u8]) -> Result<usize, Errno> {
        match self {
            Backend::Fd { cancellable } => {
                let write = if *cancellable { crate::io::points::write } else { crate::io::fd::write };
                // SAFETY: `buf` is a live slice.
                unsafe { write(fd, buf.as_ptr(), buf.len()) }
            }
            Backend::Memory(m) => m.write(buf),
            Backend::Dynamic(m) => m.write(buf),
            Backend::Cookie(c) => c.write(buf),
        }
    }

    /// Moves the position; returns the new one.
    pub fn seek(&mut self, fd: c_int, offset: i64, whence: c_int) -> Result<i64, Errno> {
        match self {
            Backend::Fd { .. } => crate::io::fd::lseek(fd, offset, whence),
            Backend::Memory(m) => m.seek(offset, whence),
            Backend::Dynamic(m) => m.seek(offset, whence),
            Backend::Cookie(c) => c.seek(offset, whence),
        }
    }
}
