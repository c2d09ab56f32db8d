//! Streams as the input of the scanf engine (`fscanf` and friends): one byte of look-ahead,
//! which stays in the stream when the scan stops (as `ungetc` would leave it).

use super::file::Stream;
use crate::fmt::scanf::Source;

impl Source for Stream {
    #[inline]
    fn peek(&mut self) -> Option<u8> {
        // A read error sets the stream's error indicator and `errno` (the engine has no error
        // channel of its own); the scan sees the end of input.
        Stream::peek(self).unwrap_or_else(|e| {
            crate::thread::tcb::set_errno(e.raw_os_error());
            None
        })
    }

    #[inline]
    fn advance(&mut self) {
        if self.read_ptr < self.read_end {
            // SAFETY: a byte read ahead (the one `peek` returned); the pointer stays within
            // ..=read_end.
            self.read_ptr = unsafe { self.read_ptr.add(1) };
        }
    }
}
