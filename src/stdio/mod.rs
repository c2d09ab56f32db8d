//! Buffered streams (`FILE`): the standard streams, files, descriptors and memory.
//!
//! - `file`: the `FILE` layout (glibc's public part first) and the per-stream state;
//! - `stream`: all buffering, the only code that moves the buffer pointers;
//! - `backend`, `memory`, `memstream`: where bytes go (a descriptor, `fmemopen`'s buffer,
//!   `open_memstream`'s);
//! - `lock`: the recursive stream lock; `registry`: the list of open streams and the flush
//!   at `exit`; `standard`: `stdin`, `stdout`, `stderr`;
//! - `open`: `fopen` and friends, in blocks from `crate::alloc`; `paths`: `remove`, `rename`.

pub mod backend;
pub mod cookie;
pub mod file;
pub mod lines;
pub mod lock;
pub mod memory;
pub mod memstream;
pub mod open;
pub mod paths;
pub mod registry;
pub mod report;
pub mod sink;
pub mod source;
pub mod standard;
pub mod stream;

use file::{File, Stream};

/// Runs `op` on the stream with its lock held (skipped while the process has one thread).
/// Should the thread be cancelled in one of the stream's reads or writes, the lock is
/// released as the thread ends (glibc's streams do the same).
///
/// # Safety
/// `file` must be a live stream.
#[inline]
pub unsafe fn locked<R>(file: *mut File, op: impl FnOnce(&mut Stream) -> R) -> R {
    if lock::needs_locking() {
        // SAFETY: live per the contract; the lock is shared, the stream borrowed under it
        // (the cleanup touches only the lock, a different field).
        unsafe {
            (*file).lock.lock();
            let release = || (*file).lock.unlock();
            let result = crate::thread::cleanup::with_cleanup(&release, || op(&mut (*file).stream));
            (*file).lock.unlock();
            result
        }
    } else {
        // SAFETY: live per the contract, and this is the only thread.
        op(unsafe { &mut (*file).stream })
    }
}

/// Runs `op` on the stream without locking: the `_unlocked` functions, whose callers hold the
/// lock (`flockfile`) or know no other thread uses the stream.
///
/// # Safety
/// `file` must be a live stream that no other thread uses during the call.
#[inline]
pub unsafe fn unlocked<R>(file: *mut File, op: impl FnOnce(&mut Stream) -> R) -> R {
    // SAFETY: per the contract.
    op(unsafe { &mut (*file).stream })
}

/// `fgetc`: a byte read ahead by a single-threaded process's stream is one load; everything
/// else takes the lock and [`Stream::get`]. `Ok(None)` at end of file.
///
/// # Safety
/// `file` must be a live stream.
#[inline]
pub unsafe fn get(file: *mut File) -> Result<Option<u8>, rustix::io::Errno> {
    if !lock::needs_locking() {
        // SAFETY: live per the contract, and this is the only thread.
        let s = unsafe { &mut (*file).stream };
        if s.read_ptr < s.read_end {
            // SAFETY: a byte read ahead; the advanced pointer stays within ..=read_end.
            unsafe {
                let byte = *s.read_ptr;
                s.read_ptr = s.read_ptr.add(1);
                return Ok(Some(byte));
            }
        }
    }
    // SAFETY: per the contract.
    unsafe { get_slow(file) }
}

#[cold]
#[inline(never)]
unsafe fn get_slow(file: *mut File) -> Result<Option<u8>, rustix::io::Errno> {
    // SAFETY: per `get`'s contract.
    unsafe { locked(file, |s| s.get()) }
}

/// `fputc`: a byte into a single-threaded process's stream with room in its buffer is one
/// store; everything else takes the lock and [`Stream::put`].
///
/// # Safety
/// `file` must be a live stream.
#[inline]
pub unsafe fn put(file: *mut File, byte: u8) -> Result<(), rustix::io::Errno> {
    if !lock::needs_locking() {
        // SAFETY: live per the contract, and this is the only thread.
        let s = unsafe { &mut (*file).stream };
        if s.write_ptr < s.write_end {
            // SAFETY: write_ptr < write_end: room in the buffer.
            unsafe {
                *s.write_ptr = byte;
                s.write_ptr = s.write_ptr.add(1);
            }
            return Ok(());
        }
    }
    // SAFETY: per the contract.
    unsafe { put_slow(file, byte) }
}

#[cold]
#[inline(never)]
unsafe fn put_slow(file: *mut File, byte: u8) -> Result<(), rustix::io::Errno> {
    // SAFETY: per `put`'s contract.
    unsafe { locked(file, |s| s.put(byte)) }
}

/// `fwrite`: `data` that fits in a single-threaded process's stream buffer is one short copy;
/// everything else takes the lock and [`Stream::write`]. `Err` carries the bytes taken.
///
/// # Safety
/// `file` must be a live stream.
#[inline]
pub unsafe fn write(file: *mut File, data: &[u8]) -> Result<(), (usize, rustix::io::Errno)> {
    if !lock::needs_locking() {
        // SAFETY: live per the contract, and this is the only thread.
        let s = unsafe { &mut (*file).stream };
        if data.len() < (s.write_end as usize).saturating_sub(s.write_ptr as usize) {
            // SAFETY: fewer bytes than the room in the buffer; `data` is the caller's memory.
            unsafe {
                crate::fmt::sink::copy_short(s.write_ptr, data.as_ptr(), data.len());
                s.write_ptr = s.write_ptr.add(data.len());
            }
            return Ok(());
        }
    }
    // SAFETY: per the contract.
    unsafe { write_slow(file, data) }
}

#[cold]
#[inline(never)]
unsafe fn write_slow(file: *mut File, data: &[u8]) -> Result<(), (usize, rustix::io::Errno)> {
    // SAFETY: per `write`'s contract.
    unsafe { locked(file, |s| s.write(data)) }
}
