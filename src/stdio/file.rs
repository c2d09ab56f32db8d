//! `File`: the C `FILE`, with glibc's public layout first.
//!
//! glibc's headers inline `getc_unlocked`, `putc_unlocked`, `feof_unlocked` and
//! `ferror_unlocked`: compiled C code reads `_flags` (offset 0) and the read and write pointers
//! (offsets 8, 16, 40, 48) of the stream itself, and calls `__uflow`/`__overflow` only at a
//! buffer's end. So the first 216 bytes are glibc's `struct _IO_FILE`, field for field, and the
//! library keeps the pointers meaning what those expansions assume:
//!
//! - `read_ptr..read_end` holds bytes read ahead and not yet consumed (empty unless reading);
//! - `write_base..write_ptr` holds bytes written and not yet flushed, and `write_ptr <
//!   write_end` only while a fully buffered stream is writing and has room, so that the inline
//!   `putc` stores a byte exactly when the library would have stored it too; line-buffered and
//!   unbuffered streams keep `write_end == write_base`, sending every byte through `__overflow`.
//!
//! Our own state ([`State`]) follows the glibc part; no C code may rely on it. The stream's
//! lock is kept outside [`Stream`], the part that a thread holding the lock borrows mutably.

use super::backend::Backend;
use super::lock::StreamLock;
use core::ffi::{c_int, c_void};
use core::ptr;

/// glibc's `_IO_MAGIC`, kept in the high half of `_flags` as glibc does.
pub const MAGIC: c_int = 0xFBAD_0000_u32 as c_int;
/// `_IO_EOF_SEEN`: the end-of-file indicator, read by the inline `feof_unlocked`.
pub const EOF_SEEN: c_int = 0x10;
/// `_IO_ERR_SEEN`: the error indicator, read by the inline `ferror_unlocked`.
pub const ERR_SEEN: c_int = 0x20;

/// How output reaches the backend, and when input is read.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Buffering {
    /// Not chosen yet: decided at the first I/O (line-buffered on a terminal, else full).
    Default,
    /// `_IOFBF`.
    Full,
    /// `_IOLBF`: output is flushed at each newline.
    Line,
    /// `_IONBF`: output is written at once; input uses the one-byte `_shortbuf`.
    Unbuffered,
}

/// What the buffer currently holds.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Direction {
    /// Nothing buffered.
    Idle,
    /// `read_ptr..read_end` are bytes read ahead.
    Reading,
    /// `write_base..write_ptr` are bytes not yet flushed.
    Writing,
}

/// The library's own per-stream state, after glibc's public part.
pub struct State {
    pub direction: Direction,
    pub buffering: Buffering,
    pub readable: bool,
    pub writable: bool,
    /// Opened with `O_APPEND` (`a` modes): positions are at the end once output is flushed.
    pub append: bool,
    /// The buffer `setvbuf` supplied, or null for the default one.
    pub user_buf: *mut u8,
    pub user_len: usize,
    /// The default buffer: part of the stream's own allocation, or a static for the standard
    /// streams.
    pub default_buf: *mut u8,
    pub default_len: usize,
    /// Where the bytes go and come from.
    pub backend: Backend,
    /// The allocation holding this stream, released by `fclose`; null for a static stream.
    pub allocation: *mut u8,
}

/// A stdio stream, the C `FILE`: the stream and its lock.
#[repr(C)]
pub struct File {
    /// glibc's public fields and our state; borrowed mutably only under `lock` (or by a
    /// single-threaded process).
    pub stream: Stream,
    /// `flockfile`'s recursive lock, also taken by every locking stdio call.
    pub lock: StreamLock,
}

/// glibc's `struct _IO_FILE` followed by our [`State`].
#[repr(C)]
pub struct Stream {
    /// `_flags`: [`MAGIC`] | [`EOF_SEEN`] | [`ERR_SEEN`].
    pub flags: c_int,
    pub read_ptr: *mut u8,
    pub read_end: *mut u8,
    pub read_base: *mut u8,
    pub write_base: *mut u8,
    pub write_ptr: *mut u8,
    pub write_end: *mut u8,
    pub buf_base: *mut u8,
    pub buf_end: *mut u8,
    save_base: *mut u8,
    backup_base: *mut u8,
    save_end: *mut u8,
    markers: *mut c_void,
    /// `_chain`: the next stream in the list of open streams.
    pub chain: *mut File,
    /// `_fileno`: the descriptor, -1 for a memory stream.
    pub fileno: c_int,
    flags2: c_int,
    old_offset: i64,
    cur_column: u16,
    vtable_offset: i8,
    /// `_shortbuf`: the one-byte buffer of an unbuffered stream.
    pub shortbuf: [u8; 1],
    lock_ptr: *mut c_void,
    offset: i64,
    codecvt: *mut c_void,
    wide_data: *mut c_void,
    freeres_list: *mut c_void,
    freeres_buf: *mut c_void,
    pad5: usize,
    mode: c_int,
    unused2: [u8; 20],
    /// Our state.
    pub state: State,
}

const _: () = {
    use core::mem::offset_of;
    assert!(offset_of!(File, stream) == 0);
    assert!(offset_of!(Stream, flags) == 0);
    assert!(offset_of!(Stream, read_ptr) == 8);
    assert!(offset_of!(Stream, read_end) == 16);
    assert!(offset_of!(Stream, write_base) == 32);
    assert!(offset_of!(Stream, write_ptr) == 40);
    assert!(offset_of!(Stream, write_end) == 48);
    assert!(offset_of!(Stream, buf_base) == 56);
    assert!(offset_of!(Stream, chain) == 104);
    assert!(offset_of!(Stream, fileno) == 112);
    assert!(offset_of!(Stream, shortbuf) == 131);
    assert!(offset_of!(Stream, mode) == 192);
    assert!(offset_of!(Stream, state) == 216);
};

impl File {
    /// A stream on `fd` (readable and writable as given), with no buffer yet, linked before
    /// `chain`.
    pub const fn new(
        fd: c_int,
        backend: Backend,
        readable: bool,
        writable: bool,
        chain: *mut File,
    ) -> File {
        File {
            stream: Stream::new(fd, backend, readable, writable, chain),
            lock: StreamLock::new(),
        }
    }

    /// The same stream with `len` bytes at `buf` as its default buffer.
    pub const fn with_buffer(mut self, buf: *mut u8, len: usize) -> File {
        self.stream.state.default_buf = buf;
        self.stream.state.default_len = len;
        self
    }

    /// The same stream with the given buffering.
    pub const fn with_buffering(mut self, buffering: Buffering) -> File {
        self.stream.state.buffering = buffering;
        self
    }
}

impl Stream {
    const fn new(
        fd: c_int,
        backend: Backend,
        readable: bool,
        writable: bool,
        chain: *mut File,
    ) -> Stream {
        Stream {
            flags: MAGIC,
            read_ptr: ptr::null_mut(),
            read_end: ptr::null_mut(),
            read_base: ptr::null_mut(),
            write_base: ptr::null_mut(),
            write_ptr: ptr::null_mut(),
            write_end: ptr::null_mut(),
            buf_base: ptr::null_mut(),
            buf_end: ptr::null_mut(),
            save_base: ptr::null_mut(),
            backup_base: ptr::null_mut(),
            save_end: ptr::null_mut(),
            markers: ptr::null_mut(),
            chain,
            fileno: fd,
            flags2: 0,
            old_offset: -1,
            cur_column: 0,
            vtable_offset: 0,
            shortbuf: [0],
            lock_ptr: ptr::null_mut(),
            offset: -1,
            codecvt: ptr::null_mut(),
            wide_data: ptr::null_mut(),
            freeres_list: ptr::null_mut(),
            freeres_buf: ptr::null_mut(),
            pad5: 0,
            mode: 0,
            unused2: [0; 20],
            state: State {
                direction: Direction::Idle,
                buffering: Buffering::Default,
                readable,
                writable,
                append: false,
                user_buf: ptr::null_mut(),
                user_len: 0,
                default_buf: ptr::null_mut(),
                default_len: 0,
                backend,
                allocation: ptr::null_mut(),
            },
        }
    }

    /// Whether the end-of-file indicator is set.
    #[inline]
    pub fn eof(&self) -> bool {
        self.flags & EOF_SEEN != 0
    }

    /// Whether the error indicator is set.
    #[inline]
    pub fn error(&self) -> bool {
        self.flags & ERR_SEEN != 0
    }

    /// `clearerr`: clears both indicators.
    #[inline]
    pub fn clear_indicators(&mut self) {
        self.flags &= !(EOF_SEEN | ERR_SEEN);
    }

    #[inline]
    pub fn set_error(&mut self) {
        self.flags |= ERR_SEEN;
    }

    #[inline]
    pub fn set_eof(&mut self) {
        self.flags |= EOF_SEEN;
    }

    /// Bytes read ahead and not consumed.
    #[inline]
    pub fn unread(&self) -> usize {
        // Both pointers are in the buffer (or both null) with read_ptr <= read_end.
        (self.read_end as usize).wrapping_sub(self.read_ptr as usize)
    }

    /// Bytes written and not yet flushed.
    #[inline]
    pub fn pending(&self) -> usize {
        (self.write_ptr as usize).wrapping_sub(self.write_base as usize)
    }
}
