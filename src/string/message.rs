//! `strerror`, `strerror_r` (GNU and XSI), `strerrorname_np`/`strerrordesc_np`, `strsignal`,
//! `sigabbrev_np`/`sigdescr_np`: looking texts up, and glibc's fallbacks "Unknown error N",
//! "Real-time signal N" and "Unknown signal N" for numbers without one.

use super::error_texts::ERRORS;
use super::signal_texts::SIGNALS;

/// glibc's first real-time signal (`SIGRTMIN`: 32 and 33 are reserved for its threads).
const SIGRTMIN: i32 = 34;
/// The last real-time signal (`SIGRTMAX`, `_NSIG - 1`).
const SIGRTMAX: i32 = 64;

/// The message for `errnum` (NUL-terminated), if glibc has one.
pub fn error_message(errnum: i32) -> Option<&'static [u8]> {
    let entry = ERRORS.get(usize::try_from(errnum).ok()?)?;
    entry.map(|(_, message)| message)
}

/// The symbolic name for `errnum` (NUL-terminated, e.g. `ENOENT`), if glibc has one.
pub fn error_name(errnum: i32) -> Option<&'static [u8]> {
    let entry = ERRORS.get(usize::try_from(errnum).ok()?)?;
    entry.map(|(name, _)| name)
}

/// The description of signal `sig` (NUL-terminated) for the signals that have a fixed one.
pub fn signal_description(sig: i32) -> Option<&'static [u8]> {
    let i = usize::try_from(sig).ok().filter(|&i| i > 0)?;
    SIGNALS.get(i).map(|(_, description)| *description)
}

/// The abbreviation of signal `sig` (NUL-terminated, without "SIG").
pub fn signal_abbreviation(sig: i32) -> Option<&'static [u8]> {
    let i = usize::try_from(sig).ok().filter(|&i| i > 0)?;
    SIGNALS.get(i).map(|(abbreviation, _)| *abbreviation)
}

/// Room for the longest fallback text, "Real-time signal -2147483648" and its NUL.
pub const TEXT_MAX: usize = 32;

/// A fallback text, `prefix` and a decimal number, built in a fixed buffer.
pub struct Text {
    bytes: [u8; TEXT_MAX],
    len: usize,
}

impl Text {
    fn new(prefix: &[u8], n: i32) -> Text {
        let mut t = Text { bytes: [0; TEXT_MAX], len: 0 };
        t.push(prefix);
        if n < 0 {
            t.push(b"-");
        }
        let mut digits = [0; 20];
        t.push(crate::io::diag::decimal(u64::from(n.unsigned_abs()), &mut digits));
        t
    }

    fn push(&mut self, part: &[u8]) {
        for &b in part {
            // The last byte stays NUL; the texts built here are short enough to fit.
            if let Some(slot) = self.bytes.get_mut(self.len).filter(|_| self.len + 1 < TEXT_MAX) {
                *slot = b;
                self.len += 1;
            }
        }
    }

    /// The text without its terminator.
    pub fn as_bytes(&self) -> &[u8] {
        self.bytes.get(..self.len).unwrap_or_default()
    }
}

/// "Unknown error N", what glibc says for an error number without a message.
pub fn unknown_error(errnum: i32) -> Text {
    Text::new(b"Unknown error ", errnum)
}

/// The text of `strsignal` for a signal without a fixed description.
pub fn other_signal(sig: i32) -> Text {
    if (SIGRTMIN..=SIGRTMAX).contains(&sig) {
        Text::new(b"Real-time signal ", sig - SIGRTMIN)
    } else {
        Text::new(b"Unknown signal ", sig)
    }
}

/// A per-thread buffer (a field of the thread control block) that `strerror` or `strsignal`
/// returns to C and overwrites on the thread's next call, as glibc's per-thread buffers are.
#[repr(transparent)]
pub struct TextBuffer([u8; TEXT_MAX]);

impl TextBuffer {
    /// An empty buffer (all zero, as the control block requires).
    pub const ZERO: TextBuffer = TextBuffer([0; TEXT_MAX]);

    /// Stores `text` with its terminator in the buffer at `buf` and returns where it is.
    ///
    /// # Safety
    /// `buf` is a buffer of the calling thread's control block (no other thread writes it,
    /// and no Rust reference to it is live).
    pub unsafe fn store(buf: *mut TextBuffer, text: &Text) -> *mut u8 {
        let dst = buf.cast::<u8>();
        // SAFETY: the buffer has TEXT_MAX bytes, as `text.bytes` has; only this thread
        // writes it. C may still read an earlier text there: C allows the overwrite.
        unsafe { core::ptr::copy_nonoverlapping(text.bytes.as_ptr(), dst, TEXT_MAX) };
        dst
    }
}

/// Copies as much of `text` as fits into `buf` with a terminator (nothing when `buf` is
/// empty); returns whether all of it fitted.
pub fn copy_truncated(text: &[u8], buf: &mut [u8]) -> bool {
    let Some(room) = buf.len().checked_sub(1) else { return false };
    let n = text.len().min(room);
    if let (Some(dst), Some(src)) = (buf.get_mut(..n), text.get(..n)) {
        dst.copy_from_slice(src);
    }
    if let Some(end) = buf.get_mut(n) {
        *end = 0;
    }
    n == text.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_and_fallbacks() {
        assert_eq!(error_message(0), Some(&b"Success\0"[..]));
        assert_eq!(error_message(2), Some(&b"No such file or directory\0"[..]));
        assert_eq!(error_name(2), Some(&b"ENOENT\0"[..]));
        assert_eq!(error_message(41), None);
        assert_eq!(error_message(-1), None);
        assert_eq!(error_message(134), None);
        assert_eq!(error_message(133), Some(&b"Memory page has hardware error\0"[..]));
        assert_eq!(unknown_error(1234).as_bytes(), b"Unknown error 1234");
        assert_eq!(unknown_error(i32::MIN).as_bytes(), b"Unknown error -2147483648");
        assert_eq!(signal_description(11), Some(&b"Segmentation fault\0"[..]));
        assert_eq!(signal_abbreviation(11), Some(&b"SEGV\0"[..]));
        assert_eq!(signal_description(0), None);
        assert_eq!(signal_description(32), None);
        assert_eq!(other_signal(37).as_bytes(), b"Real-time signal 3");
        assert_eq!(other_signal(99).as_bytes(), b"Unknown signal 99");
        assert_eq!(other_signal(i32::MIN).as_bytes(), b"Unknown signal -2147483648");
        assert_eq!(other_signal(32).as_bytes(), b"Unknown signal 32");
        let mut buf = [0xff; 5];
        assert!(!copy_truncated(b"Hello", &mut buf));
        assert_eq!(&buf, b"Hell\0");
        assert!(copy_truncated(b"Hi", &mut buf));
        assert_eq!(&buf[..3], b"Hi\0");
        assert!(!copy_truncated(b"Hi", &mut []));
    }
}
