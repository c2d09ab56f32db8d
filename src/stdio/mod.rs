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
pub mod file;
pub mod lines;
pub mod lock;
pub mod memory;
pub mod memstream;
pub mod open;
pub mod paths;
pub mod registry;
pub mod sink;
pub mod standard;
pub mod stream;

use file::{File, Stream};

/// Runs `op` on the stream with its lock held (skipped while the process has one thread).
///
/// # Safety
/// `file` must be a live stream.
#[inline]
pub unsafe fn locked<R>(file: *mut File, op: impl FnOnce(&mut Stream) -> R) -> R {
    if lock::needs_locking() {
        // SAFETY: live per the contract; the lock is shared, the stream borrowed under it.
        unsafe {
            (*file).lock.lock();
            let result = op(&mut (*file).stream);
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
