//! Line input: `fgets`, and `getdelim`/`getline` with a buffer from `crate::alloc` that the
//! caller frees.

use super::file::Stream;
use rustix::io::Errno;

impl Stream {
    /// `fgets`: reads into `out` up to and including a newline, leaving room for the NUL it
    /// then stores. `Ok(None)` when end of file came before any byte; `Err` on an error (the
    /// bytes read before it are in `out`, unterminated, and glibc too returns NULL then).
    pub fn gets_into(&mut self, out: &mut [u8]) -> Result<Option<usize>, Errno> {
        let Some(room) = out.len().checked_sub(1) else {
            return Ok(None);
        };
        let mut done = 0;
        while done < room {
            let Some(chunk) = self.read_until(b'\n', room - done)? else {
                break;
            };
            let n = chunk.len();
            let newline = chunk.last() == Some(&b'\n');
            if let Some(dst) = out.get_mut(done..done + n) {
                dst.copy_from_slice(chunk);
            }
            done += n;
            if newline {
                break;
            }
        }
        if done == 0 && room > 0 {
            return Ok(None);
        }
        if let Some(nul) = out.get_mut(done) {
            *nul = 0;
        }
        Ok(Some(done))
    }

    /// `__fgets_chk`: `fgets` of up to `n - 1` bytes into `out`, which is shorter: as in glibc,
    /// the program dies (`__chk_fail`'s message) only if the line really does not fit, that is
    /// when more bytes of it follow the ones that filled `out`.
    pub fn gets_checked(&mut self, out: &mut [u8], n: usize) -> Result<Option<usize>, Errno> {
        if n <= out.len() {
            return self.gets_into(out.get_mut(..n).unwrap_or_default());
        }
        let got = self.gets_into(out)?;
        let filled = got == Some(out.len().saturating_sub(1)) && out.len() > 1;
        let ended = out.len().checked_sub(2).and_then(|i| out.get(i)) == Some(&b'\n');
        if filled && !ended && self.peek()?.is_some() {
            crate::string::fortify::overflow();
        }
        Ok(got)
    }

    /// `getdelim`: reads up to and including `delim` into `*line` (of `*cap` bytes; null or 0
    /// gets a new block), growing it with `crate::alloc` as needed, then a NUL. Returns the
    /// bytes read, `Ok(None)` when end of file came first.
    pub fn get_delim(&mut self, line: &mut *mut u8, cap: &mut usize, delim: u8) -> Result<Option<usize>, Errno> {
        if line.is_null() || *cap == 0 {
            // SAFETY: a null or empty buffer is the caller's way of asking for a fresh one;
            // a non-null one was theirs to give up (glibc reallocates it too).
            let fresh = unsafe { crate::alloc::reallocate(*line, FIRST_LINE) };
            if fresh.is_null() {
                return Err(Errno::NOMEM);
            }
            *line = fresh;
            *cap = FIRST_LINE;
        }
        let mut done: usize = 0;
        while let Some(chunk) = self.read_until(delim, usize::MAX)? {
            let n = chunk.len();
            let found = chunk.last() == Some(&delim);
            let need = done.checked_add(n).and_then(|t| t.checked_add(1)).ok_or(Errno::OVERFLOW)?;
            if need > *cap {
                let grown_cap = need.max(cap.saturating_mul(2));
                // SAFETY: `*line` is the caller's block from this allocator.
                let grown = unsafe { crate::alloc::reallocate(*line, grown_cap) };
                if grown.is_null() {
                    // The bytes of this chunk are consumed; glibc loses them as well.
                    return Err(Errno::NOMEM);
                }
                *line = grown;
                *cap = grown_cap;
            }
            // SAFETY: done + n < cap bytes fit in the block; the chunk is in the stream's
            // buffer, a different block.
            unsafe { core::ptr::copy_nonoverlapping(chunk.as_ptr(), line.add(done), n) };
            done += n;
            if found {
                break;
            }
        }
        // SAFETY: done < cap (the loop kept room for it, and cap > 0).
        unsafe { *line.add(done) = 0 };
        Ok(if done == 0 { None } else { Some(done) })
    }
}

/// The size of the block `getdelim` allocates first, as glibc's.
const FIRST_LINE: usize = 120;
