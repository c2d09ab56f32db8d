//! `TextBuf`: a fixed-capacity byte buffer that `core::fmt` can write into, for the decimal
//! expansions of floating values (printf's conversions, strtod's exactness check).

use core::fmt::{Error, Write};

/// Up to `N` bytes of text. A write that does not fit fails (and leaves the text cut short).
pub struct TextBuf<const N: usize> {
    buf: [u8; N],
    len: usize,
}

impl<const N: usize> Write for TextBuf<N> {
    fn write_str(&mut self, s: &str) -> core::fmt::Result {
        let dst = self.buf.get_mut(self.len..self.len + s.len()).ok_or(Error)?;
        dst.copy_from_slice(s.as_bytes());
        self.len += s.len();
        Ok(())
    }
}

impl<const N: usize> TextBuf<N> {
    pub fn new() -> Self {
        TextBuf { buf: [0; N], len: 0 }
    }

    /// The text so far.
    pub fn bytes(&self) -> &[u8] {
        self.buf.get(..self.len).unwrap_or_default()
    }

    pub fn clear(&mut self) {
        self.len = 0;
    }

    /// For text in `core::fmt`'s `{:e}` form (`1.25e-7`): cuts the exponent off and returns
    /// it; `None` without an `e`.
    pub fn split_exponent(&mut self) -> Option<i32> {
        let e = memchr::memrchr(b'e', self.bytes())?;
        let digits = self.buf.get(e + 1..self.len).unwrap_or_default();
        let (negative, digits) = match digits.split_first() {
            Some((b'-', rest)) => (true, rest),
            _ => (false, digits),
        };
        let mut exp: i32 = 0;
        for d in digits {
            exp = exp.saturating_mul(10).saturating_add((d - b'0') as i32);
        }
        self.len = e;
        Some(if negative { -exp } else { exp })
    }
}

impl<const N: usize> Default for TextBuf<N> {
    fn default() -> Self {
        Self::new()
    }
}
