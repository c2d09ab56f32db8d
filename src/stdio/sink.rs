//! Streams as destinations of the printf engine (`fprintf` and friends).
//!
//! A buffered stream takes the engine's pieces straight into its buffer. An unbuffered one
//! (`stderr`) would make a `write` per piece, so, as glibc does, the output is staged in a
//! small buffer on the stack and written in as few calls as it fills.

use super::file::{Buffering, Stream};
use crate::fmt::Sink;
use rustix::io::Errno;

impl Sink for Stream {
    #[inline]
    fn write(&mut self, bytes: &[u8]) -> Result<(), Errno> {
        Stream::write(self, bytes).map_err(|(_, e)| e)
    }
}

/// Bytes staged for an unbuffered stream.
const STAGE: usize = 512;

/// An unbuffered stream's staging buffer.
struct Staged<'a> {
    stream: &'a mut Stream,
    bytes: [u8; STAGE],
    len: usize,
}

impl Staged<'_> {
    fn drain(&mut self) -> Result<(), Errno> {
        let staged = self.bytes.get(..self.len).unwrap_or_default();
        let result = Stream::write(self.stream, staged).map_err(|(_, e)| e);
        self.len = 0;
        result
    }
}

impl Sink for Staged<'_> {
    fn write(&mut self, bytes: &[u8]) -> Result<(), Errno> {
        if bytes.len() > STAGE - self.len {
            self.drain()?;
            if bytes.len() >= STAGE {
                return Stream::write(self.stream, bytes).map_err(|(_, e)| e);
            }
        }
        if let Some(slot) = self.bytes.get_mut(self.len..self.len + bytes.len()) {
            slot.copy_from_slice(bytes);
            self.len += bytes.len();
        }
        Ok(())
    }
}

/// Runs the formatter `f` with `stream` as its destination.
pub fn format_into(stream: &mut Stream, f: impl FnOnce(&mut dyn Sink) -> Result<usize, Errno>) -> Result<usize, Errno> {
    if stream.state.buffering != Buffering::Unbuffered {
        return f(stream);
    }
    let mut staged = Staged { stream, bytes: [0; STAGE], len: 0 };
    let result = f(&mut staged);
    let drained = staged.drain();
    result.and_then(|n| drained.map(|()| n))
}
