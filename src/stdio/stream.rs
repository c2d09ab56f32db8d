//! Buffered I/O on a [`Stream`]: the one place that moves the read and write pointers.
//!
//! A stream is idle, reading or writing ([`Direction`]). Reading fills the whole buffer from
//! the backend and hands bytes out of `read_ptr..read_end`; writing collects bytes in
//! `write_base..write_ptr` and sends them to the backend when the buffer is full, at a newline
//! (line buffering), at once (unbuffered), or on a flush. Switching direction flushes the
//! output, or gives back the read-ahead by seeking the backend back over it, as glibc does,
//! so `+` streams need no explicit `fflush`/`fseek` between reads and writes.
//!
//! End of file is sticky (C11 and glibc 2.28 and later): once the indicator is set, reads
//! return nothing until `clearerr`, a seek or `ungetc` clears it.
//!
//! Every method that fails sets the stream's error indicator (unless said otherwise) and
//! returns the `errno` value for the caller to store.

use super::backend::Backend;
use super::file::{Buffering, Direction, Stream};
use rustix::io::Errno;

impl Stream {
    /// Chooses the buffer at the first I/O: the `_shortbuf` byte for an unbuffered stream, the
    /// `setvbuf` buffer if any, else the default one; a stream whose buffering was not set is
    /// line-buffered on a terminal, fully buffered otherwise.
    fn set_up_buffer(&mut self) {
        if !self.buf_base.is_null() {
            return;
        }
        if self.state.buffering == Buffering::Default {
            self.state.buffering = if self.is_terminal() {
                Buffering::Line
            } else {
                Buffering::Full
            };
        }
        let (base, len) =
            if self.state.buffering == Buffering::Unbuffered || self.state.default_buf.is_null() {
                (self.shortbuf.as_mut_ptr(), 1)
            } else if !self.state.user_buf.is_null() {
                (self.state.user_buf, self.state.user_len)
            } else {
                (self.state.default_buf, self.state.default_len)
            };
        self.buf_base = base;
        // SAFETY: `base` points at a buffer of `len` bytes (ours, static, or the caller's
        // promise to `setvbuf`).
        self.buf_end = unsafe { base.add(len) };
        self.go_idle();
    }

    fn is_terminal(&self) -> bool {
        match self.state.backend {
            Backend::Fd { .. } if self.fileno >= 0 => {
                // SAFETY: the descriptor is only borrowed for one ioctl; if it is not open the
                // kernel says so and the answer is "not a terminal".
                rustix::termios::isatty(unsafe { rustix::fd::BorrowedFd::borrow_raw(self.fileno) })
            }
            _ => false,
        }
    }

    /// Forgets any buffered bytes (the caller has flushed or given them back).
    fn go_idle(&mut self) {
        let base = self.buf_base;
        self.read_base = base;
        self.read_ptr = base;
        self.read_end = base;
        self.write_base = base;
        self.write_ptr = base;
        self.write_end = base;
        self.state.direction = Direction::Idle;
    }

    /// Sets the error indicator and passes `e` on.
    fn fail(&mut self, e: Errno) -> Errno {
        self.set_error();
        e
    }

    /// Makes the stream ready to hand out input.
    fn begin_read(&mut self) -> Result<(), Errno> {
        match self.state.direction {
            Direction::Reading => return Ok(()),
            _ if !self.state.readable => return Err(self.fail(Errno::BADF)),
            Direction::Writing => self.flush()?,
            Direction::Idle => {}
        }
        self.set_up_buffer();
        self.go_idle();
        self.state.direction = Direction::Reading;
        Ok(())
    }

    /// Makes the stream ready to take output.
    fn begin_write(&mut self) -> Result<(), Errno> {
        match self.state.direction {
            Direction::Writing => return Ok(()),
            _ if !self.state.writable => return Err(self.fail(Errno::BADF)),
            Direction::Reading => self.give_back_read_ahead(),
            Direction::Idle => {}
        }
        self.set_up_buffer();
        self.go_idle();
        if self.state.buffering == Buffering::Full {
            self.write_end = self.buf_end;
        }
        self.state.direction = Direction::Writing;
        super::registry::note_output();
        Ok(())
    }

    /// Seeks the backend back over bytes read ahead, so that its position is the stream's.
    /// Unseekable backends (pipes, terminals) keep their position: the bytes are lost, as in
    /// glibc.
    fn give_back_read_ahead(&mut self) {
        let unread = self.unread();
        if unread > 0 {
            let _ = self
                .state
                .backend
                .seek(self.fileno, -(unread as i64), libc::SEEK_CUR);
        }
    }

    /// Reads into the empty buffer. `Ok(false)` at end of file.
    fn fill(&mut self) -> Result<bool, Errno> {
        if self.eof() {
            return Ok(false);
        }
        self.before_input();
        let len = self.buf_end as usize - self.buf_base as usize;
        // SAFETY: the buffer is `len` bytes at `buf_base`, and holds no unread bytes.
        let buf = unsafe { core::slice::from_raw_parts_mut(self.buf_base, len) };
        match self.state.backend.read(self.fileno, buf) {
            Ok(0) => {
                self.set_eof();
                Ok(false)
            }
            Ok(n) => {
                self.read_ptr = self.buf_base;
                // SAFETY: n <= len.
                self.read_end = unsafe { self.buf_base.add(n) };
                Ok(true)
            }
            Err(e) => Err(self.fail(e)),
        }
    }

    /// Before a line-buffered or unbuffered stream reads from its backend, a line-buffered
    /// `stdout` is flushed (C's "input from an unbuffered or line-buffered stream flushes
    /// line-buffered output"; glibc flushes `stdout` only, and so do we).
    fn before_input(&mut self) {
        if self.state.buffering != Buffering::Full {
            super::standard::flush_stdout_if_line_buffered(self);
        }
    }

    /// `__uflow`/`fgetc`'s slow path: the next byte, `Ok(None)` at end of file.
    pub fn get_slow(&mut self) -> Result<Option<u8>, Errno> {
        self.begin_read()?;
        if self.read_ptr >= self.read_end && !self.fill()? {
            return Ok(None);
        }
        // SAFETY: read_ptr < read_end: a byte read ahead.
        let byte = unsafe { *self.read_ptr };
        // SAFETY: stays within ..=read_end.
        self.read_ptr = unsafe { self.read_ptr.add(1) };
        Ok(Some(byte))
    }

    /// `fgetc`: the next byte, `Ok(None)` at end of file.
    #[inline]
    pub fn get(&mut self) -> Result<Option<u8>, Errno> {
        if self.read_ptr < self.read_end {
            // SAFETY: a byte read ahead, and the advanced pointer stays within ..=read_end.
            unsafe {
                let byte = *self.read_ptr;
                self.read_ptr = self.read_ptr.add(1);
                return Ok(Some(byte));
            }
        }
        self.get_slow()
    }

    /// `__underflow`: the next byte without consuming it.
    pub fn peek(&mut self) -> Result<Option<u8>, Errno> {
        self.begin_read()?;
        if self.read_ptr >= self.read_end && !self.fill()? {
            return Ok(None);
        }
        // SAFETY: read_ptr < read_end.
        Ok(Some(unsafe { *self.read_ptr }))
    }

    /// `ungetc`: pushes `byte` back. False when the stream cannot read or has no room (there
    /// is always room for one byte after a read).
    pub fn unget(&mut self, byte: u8) -> bool {
        if !self.state.readable || self.begin_read().is_err() {
            return false;
        }
        if self.read_ptr <= self.buf_base {
            // Move the read-ahead to the end of the buffer to open a gap before it.
            let free = self.buf_end as usize - self.read_end as usize;
            if free == 0 {
                return false;
            }
            let unread = self.unread();
            // SAFETY: source and destination lie in the buffer: [read_ptr, read_end) moves by
            // `free` bytes, ending at buf_end.
            unsafe {
                core::ptr::copy(self.read_ptr, self.read_ptr.add(free), unread);
                self.read_ptr = self.read_ptr.add(free);
            }
            self.read_end = self.buf_end;
        }
        // SAFETY: read_ptr > buf_base, so one byte before it is in the buffer.
        unsafe {
            self.read_ptr = self.read_ptr.sub(1);
            *self.read_ptr = byte;
        }
        self.flags &= !super::file::EOF_SEEN;
        true
    }

    /// `fread`: fills `out` as far as the input goes. Returns the bytes stored; `Err` carries
    /// them too when an error stopped the read.
    pub fn read(&mut self, out: &mut [u8]) -> Result<usize, (usize, Errno)> {
        self.begin_read().map_err(|e| (0, e))?;
        let mut done = 0;
        while done < out.len() {
            let want = out.len() - done;
            let unread = self.unread();
            if unread > 0 {
                let n = want.min(unread);
                // SAFETY: n bytes are read ahead at read_ptr; `out` has room for them past
                // `done`; the buffer and `out` do not overlap (`out` is the caller's).
                unsafe {
                    core::ptr::copy_nonoverlapping(self.read_ptr, out.as_mut_ptr().add(done), n);
                    self.read_ptr = self.read_ptr.add(n);
                }
                done += n;
                continue;
            }
            if self.eof() {
                break;
            }
            let buf_len = self.buf_end as usize - self.buf_base as usize;
            if want >= buf_len {
                // Large reads go straight into the caller's memory.
                self.before_input();
                let rest = out.get_mut(done..).unwrap_or_default();
                match self.state.backend.read(self.fileno, rest) {
                    Ok(0) => self.set_eof(),
                    Ok(n) => done += n,
                    Err(e) => return Err((done, self.fail(e))),
                }
            } else if !self.fill().map_err(|e| (done, e))? {
                break;
            }
        }
        Ok(done)
    }

    /// The read-ahead up to and including the first `delim`, at most `max` bytes, consumed;
    /// `Ok(None)` at end of file. Callers copy the bytes out and call again until they have
    /// seen `delim` or want no more (`fgets`, `getdelim`).
    pub fn read_until(&mut self, delim: u8, max: usize) -> Result<Option<&[u8]>, Errno> {
        self.begin_read()?;
        if self.read_ptr >= self.read_end && !self.fill()? {
            return Ok(None);
        }
        let n = self.unread().min(max);
        // SAFETY: n bytes are read ahead at read_ptr.
        let ahead = unsafe { core::slice::from_raw_parts(self.read_ptr, n) };
        let take = memchr::memchr(delim, ahead).map_or(n, |i| i + 1);
        // SAFETY: take <= n, within the read-ahead.
        self.read_ptr = unsafe { self.read_ptr.add(take) };
        Ok(ahead.get(..take))
    }

    /// `__overflow`/`fputc`'s slow path: writes one byte.
    pub fn put_slow(&mut self, byte: u8) -> Result<(), Errno> {
        self.begin_write()?;
        if self.state.buffering == Buffering::Unbuffered {
            return self.write_direct(&[byte]).map_err(|(_, e)| e);
        }
        if self.write_ptr >= self.buf_end {
            self.flush()?;
        }
        // SAFETY: write_ptr < buf_end after the flush.
        unsafe {
            *self.write_ptr = byte;
            self.write_ptr = self.write_ptr.add(1);
        }
        if self.state.buffering == Buffering::Line && byte == b'\n' {
            self.flush()?;
        }
        Ok(())
    }

    /// `fputc`: writes one byte.
    #[inline]
    pub fn put(&mut self, byte: u8) -> Result<(), Errno> {
        if self.write_ptr < self.write_end {
            // SAFETY: write_ptr < write_end <= buf_end: room in the buffer.
            unsafe {
                *self.write_ptr = byte;
                self.write_ptr = self.write_ptr.add(1);
            }
            return Ok(());
        }
        self.put_slow(byte)
    }

    /// `fwrite`: writes all of `data`. `Err` carries the bytes taken before the error.
    #[inline]
    pub fn write(&mut self, data: &[u8]) -> Result<(), (usize, Errno)> {
        if data.len() < (self.write_end as usize).saturating_sub(self.write_ptr as usize) {
            // SAFETY: fewer bytes than the room in the buffer; `data` is the caller's memory.
            unsafe {
                crate::fmt::sink::copy_short(self.write_ptr, data.as_ptr(), data.len());
                self.write_ptr = self.write_ptr.add(data.len());
            }
            return Ok(());
        }
        self.write_slow(data)
    }

    fn write_slow(&mut self, data: &[u8]) -> Result<(), (usize, Errno)> {
        self.begin_write().map_err(|e| (0, e))?;
        match self.state.buffering {
            Buffering::Unbuffered => self.write_direct(data),
            // Line buffering sends everything up to the last newline, and keeps the rest.
            Buffering::Line => match memchr::memrchr(b'\n', data) {
                Some(last) => {
                    let (lines, rest) = data.split_at(last + 1);
                    self.write_buffered(lines)?;
                    self.flush().map_err(|e| (lines.len(), e))?;
                    self.write_buffered(rest)
                        .map_err(|(n, e)| (lines.len() + n, e))
                }
                None => self.write_buffered(data),
            },
            _ => self.write_buffered(data),
        }
    }

    /// Copies `data` into the buffer, flushing it whenever it fills; data at least a buffer
    /// long, meeting an empty buffer, goes straight to the backend.
    fn write_buffered(&mut self, data: &[u8]) -> Result<(), (usize, Errno)> {
        let buf_len = self.buf_end as usize - self.buf_base as usize;
        let mut done = 0;
        while done < data.len() {
            let rest = data.get(done..).unwrap_or_default();
            let room = self.buf_end as usize - self.write_ptr as usize;
            if room == 0 {
                self.flush().map_err(|e| (done, e))?;
                continue;
            }
            if self.pending() == 0 && rest.len() >= buf_len {
                return self.write_direct(rest).map_err(|(n, e)| (done + n, e));
            }
            let n = rest.len().min(room);
            // SAFETY: n bytes fit at write_ptr; `rest` is the caller's memory.
            unsafe {
                core::ptr::copy_nonoverlapping(rest.as_ptr(), self.write_ptr, n);
                self.write_ptr = self.write_ptr.add(n);
            }
            done += n;
        }
        Ok(())
    }

    /// Writes `data` to the backend, all of it unless an error stops it.
    fn write_direct(&mut self, data: &[u8]) -> Result<(), (usize, Errno)> {
        let mut done = 0;
        while done < data.len() {
            let rest = data.get(done..).unwrap_or_default();
            match self.state.backend.write(self.fileno, rest) {
                Ok(0) => return Err((done, self.fail(Errno::NOSPC))),
                Ok(n) => done += n,
                Err(Errno::INTR) => {}
                Err(e) => return Err((done, self.fail(e))),
            }
        }
        Ok(())
    }

    /// `fflush`: sends pending output to the backend; for a reading stream, gives the
    /// read-ahead back to a seekable backend.
    pub fn flush(&mut self) -> Result<(), Errno> {
        match self.state.direction {
            Direction::Writing => {
                let pending = self.pending();
                // SAFETY: `pending` bytes at write_base are in the buffer.
                let data = unsafe { core::slice::from_raw_parts(self.write_base, pending) };
                let result = self.write_direct(data);
                let written = match result {
                    Ok(()) => pending,
                    Err((n, _)) => n,
                };
                // Keep what could not be written at the front, as glibc does.
                // SAFETY: both ranges are in the buffer; `copy` allows overlap.
                unsafe {
                    core::ptr::copy(
                        self.write_base.add(written),
                        self.write_base,
                        pending - written,
                    );
                    self.write_ptr = self.write_base.add(pending - written);
                }
                result.map_err(|(_, e)| e)
            }
            Direction::Reading => self.sync_input(),
            Direction::Idle => Ok(()),
        }
    }

    /// `fflush` of an input stream (POSIX.1-2008): a seekable backend is moved back to the
    /// stream's position and the read-ahead dropped; an unseekable one keeps it.
    fn sync_input(&mut self) -> Result<(), Errno> {
        let unread = self.unread();
        if unread == 0 {
            return Ok(());
        }
        match self
            .state
            .backend
            .seek(self.fileno, -(unread as i64), libc::SEEK_CUR)
        {
            Ok(_) => {
                self.go_idle();
                Ok(())
            }
            Err(Errno::SPIPE) => Ok(()),
            Err(e) => Err(self.fail(e)),
        }
    }

    /// `fseeko`: flushes, moves the backend, drops the buffer and clears end of file. A failed
    /// seek leaves the indicators alone.
    pub fn seek(&mut self, offset: i64, whence: libc::c_int) -> Result<(), Errno> {
        if self.state.direction == Direction::Writing {
            self.flush()?;
        }
        let offset = match (self.state.direction, whence) {
            (Direction::Reading, libc::SEEK_CUR) => offset
                .checked_sub(self.unread() as i64)
                .ok_or(Errno::OVERFLOW)?,
            _ => offset,
        };
        self.state.backend.seek(self.fileno, offset, whence)?;
        self.go_idle();
        self.flags &= !super::file::EOF_SEEN;
        Ok(())
    }

    /// `ftello`: the position the next read or write would use.
    pub fn tell(&mut self) -> Result<i64, Errno> {
        let pending = self.pending() as i64;
        let whence = if self.state.append && pending > 0 {
            libc::SEEK_END
        } else {
            libc::SEEK_CUR
        };
        let at = self.state.backend.seek(self.fileno, 0, whence)?;
        let at = match self.state.direction {
            Direction::Reading => at - self.unread() as i64,
            Direction::Writing => at + pending,
            Direction::Idle => at,
        };
        if at < 0 { Err(Errno::INVAL) } else { Ok(at) }
    }

    /// `setvbuf`: flushes, then uses `mode` with `buf` (null: the default buffer) from the
    /// next I/O on.
    pub fn set_buffering(
        &mut self,
        mode: Buffering,
        buf: *mut u8,
        len: usize,
    ) -> Result<(), Errno> {
        self.flush()?;
        self.buf_base = core::ptr::null_mut();
        self.buf_end = core::ptr::null_mut();
        self.go_idle();
        self.state.buffering = mode;
        if buf.is_null() || len == 0 {
            self.state.user_buf = core::ptr::null_mut();
            self.state.user_len = 0;
        } else {
            self.state.user_buf = buf;
            self.state.user_len = len;
        }
        Ok(())
    }

    /// `fclose`'s work: flushes (or gives the read-ahead back), closes the descriptor, and
    /// leaves the stream closed, neither readable nor writable. Reports the first failure.
    pub fn close(&mut self) -> Result<(), Errno> {
        let flushed = self.flush();
        let closed = match self.state.backend {
            Backend::Fd { .. } if self.fileno >= 0 => crate::io::fd::close(self.fileno),
            Backend::Cookie(ref mut c) => c.close(),
            _ => Ok(()),
        };
        self.fileno = -1;
        self.state.readable = false;
        self.state.writable = false;
        self.go_idle();
        flushed.and(closed)
    }

    /// `freopen`'s work: the stream starts afresh on descriptor `fd` (indicators clear,
    /// default buffering, the default buffer).
    pub fn reopen(&mut self, fd: libc::c_int, mode: &super::open::Mode) {
        let super::open::Mode { readable, writable, append, nocancel, .. } = *mode;
        self.fileno = fd;
        self.flags = super::file::MAGIC;
        self.state.backend = Backend::Fd { cancellable: !nocancel };
        self.state.readable = readable;
        self.state.writable = writable;
        self.state.append = append;
        self.state.buffering = Buffering::Default;
        self.state.user_buf = core::ptr::null_mut();
        self.state.user_len = 0;
        self.buf_base = core::ptr::null_mut();
        self.buf_end = core::ptr::null_mut();
        self.go_idle();
    }

    /// `__fpurge`: drops pending output and read-ahead (and pushed-back bytes) unseen; the
    /// stream stays in the direction it was (`__freading`/`__fwriting` still say so).
    pub fn purge(&mut self) {
        self.read_ptr = self.read_end;
        self.write_ptr = self.write_base;
    }

    /// `__fbufsize`: the size of the buffer in use, 0 before the first I/O chose it.
    pub fn buffer_size(&self) -> usize {
        self.buf_end as usize - self.buf_base as usize
    }
}
