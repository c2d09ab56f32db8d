//! `fopencookie`'s backend: a stream whose bytes go through the program's own functions.
//!
//! glibc's rules for missing functions: without `read`, reading fails (the error
//! indicator); without `write`, writing fails; without `seek`, the stream is not seekable
//! (`ESPIPE`); without `close`, closing only flushes. A function that fails returns -1 (or
//! for `write`, less than asked) and may set `errno`, which the stream then reports.

use core::ffi::{c_char, c_int, c_void};
use rustix::io::Errno;

/// glibc's `cookie_io_functions_t`, passed to `fopencookie` by value.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct CookieIo {
    pub read: Option<unsafe extern "C" fn(*mut c_void, *mut c_char, usize) -> isize>,
    pub write: Option<unsafe extern "C" fn(*mut c_void, *const c_char, usize) -> isize>,
    pub seek: Option<unsafe extern "C" fn(*mut c_void, *mut i64, c_int) -> c_int>,
    pub close: Option<unsafe extern "C" fn(*mut c_void) -> c_int>,
}

/// The program's cookie and its functions.
pub struct Cookie {
    cookie: *mut c_void,
    io: CookieIo,
}

/// The error a failed function left in `errno`, or `EIO` if it left none.
fn callback_error() -> Errno {
    // SAFETY: the calling thread's own errno slot.
    let e = unsafe { *crate::thread::tcb::errno_location() };
    if e > 0 { Errno::from_raw_os_error(e) } else { Errno::IO }
}

/// Clears `errno`, so that a function failing without setting it is told apart.
fn clear_errno() {
    crate::thread::tcb::set_errno(0);
}

impl Cookie {
    /// The program's `cookie` with its functions (any of them may be missing).
    pub fn new(cookie: *mut c_void, io: CookieIo) -> Cookie {
        Cookie { cookie, io }
    }

    /// Reads up to `buf.len()` bytes; 0 at the end.
    pub fn read(&mut self, buf: &mut [u8]) -> Result<usize, Errno> {
        let read = self.io.read.ok_or(Errno::BADF)?;
        clear_errno();
        // SAFETY: the program's function, given its cookie and a writable buffer of the
        // length passed (fopencookie's contract).
        let n = unsafe { read(self.cookie, buf.as_mut_ptr().cast(), buf.len()) };
        usize::try_from(n).map(|n| n.min(buf.len())).map_err(|_| callback_error())
    }

    /// Writes some of `buf`.
    pub fn write(&mut self, buf: &[u8]) -> Result<usize, Errno> {
        let write = self.io.write.ok_or(Errno::BADF)?;
        clear_errno();
        // SAFETY: as in `read`, with a readable buffer.
        let n = unsafe { write(self.cookie, buf.as_ptr().cast(), buf.len()) };
        match usize::try_from(n) {
            Ok(n) if n > 0 => Ok(n.min(buf.len())),
            _ => Err(callback_error()),
        }
    }

    /// Moves the position; returns the new one.
    pub fn seek(&mut self, offset: i64, whence: c_int) -> Result<i64, Errno> {
        let seek = self.io.seek.ok_or(Errno::SPIPE)?;
        let mut at = offset;
        clear_errno();
        // SAFETY: as in `read`; `at` is a live i64 the function may update.
        if unsafe { seek(self.cookie, &mut at, whence) } != 0 {
            return Err(callback_error());
        }
        Ok(at)
    }

    /// Calls the close function, if there is one.
    pub fn close(&mut self) -> Result<(), Errno> {
        let Some(close) = self.io.close.take() else { return Ok(()) };
        clear_errno();
        // SAFETY: as in `read`; called once (the function is taken out).
        if unsafe { close(self.cookie) } != 0 { Err(callback_error()) } else { Ok(()) }
    }
}
