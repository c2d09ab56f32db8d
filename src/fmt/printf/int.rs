//! Integer conversions: `d i u o x X` and `p`.

use super::Out;
use super::spec::{ALT, LEFT, PLUS, SPACE_SIGN, ZERO_PAD};
use rustix::io::Errno;

/// Pairs of decimal digits "00".."99", to convert two digits per division.
const PAIRS: &[u8; 200] = b"0001020304050607080910111213141516171819\
2021222324252627282930313233343536373839\
4041424344454647484950515253545556575859\
6061626364656667686970717273747576777879\
8081828384858687888990919293949596979899";

/// Room for the digits of any 64-bit value in any base (22 octal digits).
pub const DIGITS: usize = 24;

/// Stores the two digits of `n` (below 100) at `buf[at..at + 2]`.
#[inline(always)]
fn pair(buf: &mut [u8; DIGITS], at: usize, n: u64) {
    let n = n as usize * 2;
    if let (Some(dst), Some(src)) = (buf.get_mut(at..at + 2), PAIRS.get(n..n + 2)) {
        dst.copy_from_slice(src);
    }
}

/// The decimal digits of `v`, written at the end of `buf`; returns where they start
/// (20 digits at most, so they always fit).
#[inline]
pub fn decimal(mut v: u64, buf: &mut [u8; DIGITS]) -> usize {
    let mut at = DIGITS;
    while v >= 100 {
        at -= 2;
        pair(buf, at, v % 100);
        v /= 100;
    }
    if v >= 10 {
        at -= 2;
        pair(buf, at, v);
    } else {
        at -= 1;
        if let Some(d) = buf.get_mut(at) {
            *d = b'0' + v as u8;
        }
    }
    at
}

/// The digits of `v` in base 8 or 16 (`upper` for `X`), at the end of `buf`.
fn power_of_two(mut v: u64, shift: u32, upper: bool, buf: &mut [u8; DIGITS]) -> usize {
    let digits: &[u8; 16] = if upper { b"0123456789ABCDEF" } else { b"0123456789abcdef" };
    let mask = (1u64 << shift) - 1;
    let mut at = DIGITS;
    for slot in buf.iter_mut().rev() {
        *slot = digits[(v & mask) as usize];
        at -= 1;
        v >>= shift;
        if v == 0 {
            break;
        }
    }
    at
}

/// Writes `prefix` (sign, `0x`) and `digits`, with at least `precision` digits (leading
/// zeros) and padded to `width` by the flags.
pub fn emit(out: &mut Out<'_>, flags: u8, width: usize, precision: Option<usize>, prefix: &[u8], digits: &[u8]) -> Result<(), Errno> {
    let zeros = precision.map_or(0, |p| p.saturating_sub(digits.len()));
    let body = prefix.len() + zeros + digits.len();
    let pad = width.saturating_sub(body);
    if flags & LEFT != 0 {
        out.put(prefix)?;
        out.fill(b'0', zeros)?;
        out.put(digits)?;
        out.fill(b' ', pad)
    } else if flags & ZERO_PAD != 0 && precision.is_none() {
        out.put(prefix)?;
        out.fill(b'0', zeros + pad)?;
        out.put(digits)
    } else {
        out.fill(b' ', pad)?;
        out.put(prefix)?;
        out.fill(b'0', zeros)?;
        out.put(digits)
    }
}

/// `%d`/`%i` of `v`.
pub fn signed(out: &mut Out<'_>, flags: u8, width: usize, precision: Option<usize>, v: i64) -> Result<(), Errno> {
    let mut buf = [0; DIGITS];
    let start = decimal(v.unsigned_abs(), &mut buf);
    let digits = if v == 0 && precision == Some(0) { &[][..] } else { buf.get(start..).unwrap_or_default() };
    let sign: &[u8] = if v < 0 {
        b"-"
    } else if flags & PLUS != 0 {
        b"+"
    } else if flags & SPACE_SIGN != 0 {
        b" "
    } else {
        b""
    };
    emit(out, flags, width, precision, sign, digits)
}

/// `%u %o %x %X` of `v`.
pub fn unsigned(out: &mut Out<'_>, flags: u8, width: usize, precision: Option<usize>, v: u64, conversion: u8) -> Result<(), Errno> {
    let mut buf = [0; DIGITS];
    let start = match conversion {
        b'o' => power_of_two(v, 3, false, &mut buf),
        b'x' => power_of_two(v, 4, false, &mut buf),
        b'X' => power_of_two(v, 4, true, &mut buf),
        _ => decimal(v, &mut buf),
    };
    let digits = if v == 0 && precision == Some(0) { &[][..] } else { buf.get(start..).unwrap_or_default() };
    let alt = flags & ALT != 0;
    let prefix: &[u8] = match conversion {
        // `#o` makes the first digit a 0, unless the precision already gives one.
        b'o' if alt && digits.first() != Some(&b'0') && precision.is_none_or(|p| p <= digits.len()) => b"0",
        b'x' if alt && v != 0 => b"0x",
        b'X' if alt && v != 0 => b"0X",
        _ => b"",
    };
    emit(out, flags, width, precision, prefix, digits)
}

/// `%p`: `(nil)` for null, otherwise `0x` and the hexadecimal address (with any sign flag),
/// as glibc.
pub fn pointer(out: &mut Out<'_>, flags: u8, width: usize, precision: Option<usize>, v: u64) -> Result<(), Errno> {
    if v == 0 {
        return super::text::padded(out, flags, width, b"(nil)");
    }
    let mut buf = [0; DIGITS];
    let start = power_of_two(v, 4, false, &mut buf);
    let prefix: &[u8] = if flags & PLUS != 0 {
        b"+0x"
    } else if flags & SPACE_SIGN != 0 {
        b" 0x"
    } else {
        b"0x"
    };
    emit(out, flags, width, precision, prefix, buf.get(start..).unwrap_or_default())
}
