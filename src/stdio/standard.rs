//! The standard streams: static `FILE`s on descriptors 0, 1 and 2.
//!
//! `stdin` and `stdout` have static buffers of `BUFSIZ` bytes (in `.bss`, touched only when
//! used) and are line-buffered on a terminal, fully buffered otherwise; `stderr` is
//! unbuffered, as C requires.

use super::backend::Backend;
use super::file::{Buffering, Direction, File, Stream};
use super::lock::needs_locking;
use core::cell::UnsafeCell;

/// glibc's `BUFSIZ`.
pub const BUFSIZ: usize = 8192;

/// A stream in a static.
#[repr(transparent)]
pub struct StaticFile(UnsafeCell<File>);

// SAFETY: the stream is reached only through raw pointers, under its lock (or by the only
// thread), as every stream is.
unsafe impl Sync for StaticFile {}

impl StaticFile {
    pub const fn get(&self) -> *mut File {
        self.0.get()
    }
}

struct Buffer(UnsafeCell<[u8; BUFSIZ]>);

// SAFETY: only the owning stream touches its buffer, under the stream's lock.
unsafe impl Sync for Buffer {}

static STDIN_BUF: Buffer = Buffer(UnsafeCell::new([0; BUFSIZ]));
static STDOUT_BUF: Buffer = Buffer(UnsafeCell::new([0; BUFSIZ]));

pub static STDIN: StaticFile = StaticFile(UnsafeCell::new(
    File::new(0, Backend::Fd { cancellable: true }, true, false, STDOUT.get())
        .with_buffer(STDIN_BUF.0.get().cast(), BUFSIZ),
));
pub static STDOUT: StaticFile = StaticFile(UnsafeCell::new(
    File::new(1, Backend::Fd { cancellable: true }, false, true, STDERR.get())
        .with_buffer(STDOUT_BUF.0.get().cast(), BUFSIZ),
));
pub static STDERR: StaticFile = StaticFile(UnsafeCell::new(
    File::new(2, Backend::Fd { cancellable: true }, false, true, core::ptr::null_mut())
        .with_buffering(Buffering::Unbuffered),
));

/// Whether `file` is one of the three static streams (which `fclose` must not free).
pub fn is_standard(file: *mut File) -> bool {
    file == STDIN.get() || file == STDOUT.get() || file == STDERR.get()
}

/// Flushes `stdout` if it is line-buffered and holds output; `reader` is the stream about to
/// read, skipped if it is `stdout` itself.
pub fn flush_stdout_if_line_buffered(reader: &Stream) {
    let out = STDOUT.get();
    // SAFETY: taking the address of a field of a static does not read it.
    if core::ptr::eq(reader, unsafe { &raw const (*out).stream }) {
        return;
    }
    let locking = needs_locking();
    // Not a cancellation point: the reader's lock is held too, which only its own call's
    // cleanup releases.
    // SAFETY: `stdout` is a live static stream, used under its lock as every stream is.
    crate::thread::cancel::without(|| unsafe {
        if locking {
            (*out).lock.lock();
        }
        let stream = &mut (*out).stream;
        if stream.state.buffering == Buffering::Line && stream.state.direction == Direction::Writing
        {
            let _ = stream.flush();
        }
        if locking {
            (*out).lock.unlock();
        }
    })
}
