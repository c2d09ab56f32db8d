//! `strtol` and relatives: an integer in base 2 to 36 (or 0: by prefix), as glibc 2.36 reads
//! it. White space, then an optional sign, then in base 16 (or 0) an optional `0x`/`0X`
//! (only taken when a hexadecimal digit follows: `0xg` reads as `0`), then digits. Base 0
//! means 16 after `0x`, 8 after a leading `0`, else 10. No `0b` prefix (that is C23, glibc
//! 2.38's `__isoc23_*`).

use super::{digit, sign, skip_space};
use rustix::io::Errno;

/// What the digits said.
#[derive(Debug, PartialEq, Eq, Clone, Copy)]
pub struct Parsed {
    /// The magnitude, if it fits in 64 bits.
    pub magnitude: Option<u64>,
    /// A `-` sign was given.
    pub negative: bool,
    /// Bytes used; 0 when there was no number (the end pointer is then the start).
    pub end: usize,
}

/// Reads an integer in `base` from `s`; `EINVAL` for a base that is not 0 or 2..=36.
pub fn parse(s: &[u8], base: i32) -> Result<Parsed, Errno> {
    if base < 0 || base == 1 || base > 36 {
        return Err(Errno::INVAL);
    }
    let (negative, mut at) = sign(s, skip_space(s, 0));
    let mut base = base as u32;
    let has_hex_prefix = s.get(at) == Some(&b'0')
        && matches!(s.get(at + 1), Some(b'x' | b'X'))
        && s.get(at + 2).is_some_and(|&b| digit(b) < 16);
    if (base == 0 || base == 16) && has_hex_prefix {
        base = 16;
        at += 2;
    } else if base == 0 {
        base = if s.get(at) == Some(&b'0') { 8 } else { 10 };
    }
    let start = at;
    let mut magnitude = Some(0u64);
    while let Some(d) = s.get(at).map(|&b| digit(b)).filter(|&d| d < base) {
        magnitude = magnitude.and_then(|m| m.checked_mul(base as u64)).and_then(|m| m.checked_add(d as u64));
        at += 1;
    }
    if at == start {
        return Ok(Parsed { magnitude: Some(0), negative: false, end: 0 });
    }
    Ok(Parsed { magnitude, negative, end: at })
}

impl Parsed {
    /// As a signed number in `min..=max`: clamped to the nearer bound with `ERANGE` outside.
    pub fn signed(self, min: i64, max: i64) -> (i64, Option<Errno>) {
        let limit = if self.negative { min.unsigned_abs() } else { max as u64 };
        match self.magnitude {
            Some(m) if m <= limit => (if self.negative { (m as i64).wrapping_neg() } else { m as i64 }, None),
            _ => (if self.negative { min } else { max }, Some(Errno::RANGE)),
        }
    }

    /// As an unsigned number up to `max`: a `-` negates it modulo 2^bits (C's rule, so
    /// `"-1"` is `max`); `ERANGE` and `max` when the magnitude exceeds `max`.
    pub fn unsigned(self, max: u64) -> (u64, Option<Errno>) {
        match self.magnitude {
            Some(m) if m <= max => (if self.negative { m.wrapping_neg() & max } else { m }, None),
            _ => (max, Some(Errno::RANGE)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn l(s: &str, base: i32) -> (i64, Option<Errno>, usize) {
        let p = parse(s.as_bytes(), base).unwrap();
        let (v, e) = p.signed(i64::MIN, i64::MAX);
        (v, e, p.end)
    }

    #[test]
    fn as_glibc_reads_them() {
        assert_eq!(l("  -123abc", 10), (-123, None, 6));
        assert_eq!(l("0x1f", 0), (31, None, 4));
        assert_eq!(l("0x", 0), (0, None, 1));
        assert_eq!(l("0xg", 16), (0, None, 1));
        assert_eq!(l("017", 0), (15, None, 3));
        assert_eq!(l("08", 0), (0, None, 1));
        assert_eq!(l("z", 36), (35, None, 1));
        assert_eq!(l("  ", 10), (0, None, 0));
        assert_eq!(l("+-1", 10), (0, None, 0));
        assert_eq!(l("9223372036854775808", 10), (i64::MAX, Some(Errno::RANGE), 19));
        assert_eq!(l("-9223372036854775808", 10), (i64::MIN, None, 20));
        assert_eq!(l("-9223372036854775809", 10), (i64::MIN, Some(Errno::RANGE), 20));
        assert_eq!(parse(b"1", 1), Err(Errno::INVAL));
        assert_eq!(parse(b"1", 37), Err(Errno::INVAL));
        let u = |s: &str| parse(s.as_bytes(), 10).unwrap().unsigned(u64::MAX);
        assert_eq!(u("-1"), (u64::MAX, None));
        assert_eq!(u("18446744073709551616"), (u64::MAX, Some(Errno::RANGE)));
        assert_eq!(u("-18446744073709551615"), (1, None));
        let p = parse(b"-5", 10).unwrap();
        assert_eq!(p.signed(i32::MIN as i64, i32::MAX as i64), (-5, None));
        assert_eq!(p.unsigned(u32::MAX as u64), (u32::MAX as u64 - 4, None));
    }
}
