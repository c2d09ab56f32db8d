//! Line input: `fgets`.

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
}
