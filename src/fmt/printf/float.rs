//! Floating conversions: `f F e E g G a A`, for `double` and `long double`.
//!
//! Decimal digits come from `core::fmt`, which is exact: `{:.N}` and `{:.Ne}` give the
//! correctly rounded decimal expansion (ties to even, as glibc in the default rounding mode).
//! `%g` is built from `%e`'s exponent; `%a` is written from the bits here. A `long double`
//! (x87 80-bit) goes through the `double` path when its value is a `double` (every `double`
//! promoted to `long double` is), and otherwise through its exact expansion
//! (`long_double`); `%La` is written from the bits. All of them are exact.

use super::Out;
use super::spec::{ALT, LEFT, PLUS, SPACE_SIGN, ZERO_PAD};
use super::long_double;
use crate::fmt::text::TextBuf;
use core::fmt::Write;
use rustix::io::Errno;

/// Fraction digits past which a `double`'s `%f` expansion is all zeros (2^-1074 has 1074).
const FIXED_CAP: usize = 1080;
/// Significant digits past which a `double`'s `%e` expansion is all zeros (at most 767).
const EXP_CAP: usize = 780;
/// Room for the longest `%f` text below the cap: 309 integer digits, the point, the fraction.
const BODY: usize = 309 + 1 + FIXED_CAP + 10;

/// The decimal text of one number.
type Text = TextBuf<BODY>;

/// Decimal expansions with a fixed precision, from `core::fmt`.
trait Decimal {
    /// `{:.prec}` of the non-negative finite `v`.
    fn fixed(&mut self, v: f64, prec: usize) -> Result<(), Errno>;
    /// `{:.prec e}` of the non-negative finite `v`, with the exponent cut off and returned.
    fn scientific(&mut self, v: f64, prec: usize) -> Result<i32, Errno>;
}

impl Decimal for Text {
    fn fixed(&mut self, v: f64, prec: usize) -> Result<(), Errno> {
        self.clear();
        write!(self, "{:.*}", prec, v).map_err(|_| Errno::OVERFLOW)
    }

    fn scientific(&mut self, v: f64, prec: usize) -> Result<i32, Errno> {
        self.clear();
        write!(self, "{:.*e}", prec, v).map_err(|_| Errno::OVERFLOW)?;
        self.split_exponent().ok_or(Errno::OVERFLOW)
    }
}

/// The sign to print before a number.
fn sign(negative: bool, flags: u8) -> &'static [u8] {
    if negative {
        b"-"
    } else if flags & PLUS != 0 {
        b"+"
    } else if flags & SPACE_SIGN != 0 {
        b" "
    } else {
        b""
    }
}

/// Writes `sign`, `head`, `zeros` zeros and `tail`, padded to `width`: with zeros after the
/// sign (and `0x`, the first two bytes of `head` when `hex`) under `0`, else with spaces.
#[allow(clippy::too_many_arguments)]
fn emit(out: &mut Out<'_>, flags: u8, width: usize, sign: &[u8], head: &[u8], zeros: usize, tail: &[u8], zero_pad: bool) -> Result<(), Errno> {
    let len = sign.len() + head.len() + zeros + tail.len();
    let pad = width.saturating_sub(len);
    if flags & LEFT != 0 {
        out.put(sign)?;
        out.put(head)?;
        out.fill(b'0', zeros)?;
        out.put(tail)?;
        return out.fill(b' ', pad);
    }
    if zero_pad && flags & ZERO_PAD != 0 {
        out.put(sign)?;
        let (prefix, rest) = if head.starts_with(b"0x") || head.starts_with(b"0X") { head.split_at(2) } else { (&[][..], head) };
        out.put(prefix)?;
        out.fill(b'0', pad)?;
        out.put(rest)?;
    } else {
        out.fill(b' ', pad)?;
        out.put(sign)?;
        out.put(head)?;
    }
    out.fill(b'0', zeros)?;
    out.put(tail)
}

/// `inf` or `nan`, in the conversion's case; never zero-padded.
fn special(out: &mut Out<'_>, flags: u8, width: usize, negative: bool, nan: bool, upper: bool) -> Result<(), Errno> {
    let text: &[u8] = match (nan, upper) {
        (false, false) => b"inf",
        (false, true) => b"INF",
        (true, false) => b"nan",
        (true, true) => b"NAN",
    };
    emit(out, flags, width, sign(negative, flags), text, 0, &[], false)
}

/// `e+05`, `E-123`: the exponent as C writes it, at least two digits.
fn exponent_text(letter: u8, exp: i32, buf: &mut [u8; 8]) -> &[u8] {
    let mut digits = [0; super::int::DIGITS];
    let start = super::int::decimal(exp.unsigned_abs() as u64, &mut digits);
    let digits = digits.get(start..).unwrap_or_default();
    buf[0] = letter;
    buf[1] = if exp < 0 { b'-' } else { b'+' };
    let mut len = 2;
    if digits.len() < 2 {
        buf[2] = b'0';
        len = 3;
    }
    for &d in digits {
        if let Some(slot) = buf.get_mut(len) {
            *slot = d;
            len += 1;
        }
    }
    buf.get(..len).unwrap_or_default()
}

/// Drops trailing zeros of the fraction in `text`, and the point if nothing follows it.
fn strip_zeros(text: &[u8]) -> &[u8] {
    if memchr::memchr(b'.', text).is_none() {
        return text;
    }
    let mut end = text.len();
    while end > 0 && text.get(end - 1) == Some(&b'0') {
        end -= 1;
    }
    if end > 0 && text.get(end - 1) == Some(&b'.') {
        end -= 1;
    }
    text.get(..end).unwrap_or_default()
}

/// `%f %e %g` (any case) of a `double`; `precision` is `None` when not given.
pub fn decimal(out: &mut Out<'_>, flags: u8, width: usize, precision: Option<usize>, conversion: u8, v: f64) -> Result<(), Errno> {
    let negative = v.is_sign_negative();
    let upper = conversion.is_ascii_uppercase();
    if !v.is_finite() {
        return special(out, flags, width, negative, v.is_nan(), upper);
    }
    let v = v.abs();
    let sign = sign(negative, flags);
    let alt = flags & ALT != 0;
    let mut tail = [0u8; 8];
    match conversion | 0x20 {
        b'f' => {
            let prec = precision.unwrap_or(6);
            let mut short = [0u8; 64];
            if let Some(len) = fixed_short(v, prec, alt, &mut short) {
                return emit(out, flags, width, sign, short.get(..len).unwrap_or_default(), 0, &[], true);
            }
            let mut text = Text::new();
            text.fixed(v, prec.min(FIXED_CAP))?;
            if prec == 0 && alt {
                text.write_str(".").map_err(|_| Errno::OVERFLOW)?;
            }
            emit(out, flags, width, sign, text.bytes(), prec.saturating_sub(FIXED_CAP), &[], true)
        }
        b'e' => {
            let prec = precision.unwrap_or(6);
            let mut text = Text::new();
            let exp = text.scientific(v, prec.min(EXP_CAP))?;
            if prec == 0 && alt {
                text.write_str(".").map_err(|_| Errno::OVERFLOW)?;
            }
            let tail = exponent_text(if upper { b'E' } else { b'e' }, exp, &mut tail);
            emit(out, flags, width, sign, text.bytes(), prec.saturating_sub(EXP_CAP), tail, true)
        }
        _ => {
            // %g: P significant digits; the style of %e when its exponent X is below -4 or
            // at least P, otherwise %f with P - 1 - X fraction digits.
            let p = match precision {
                None => 6,
                Some(0) => 1,
                Some(p) => p,
            };
            let mut text = Text::new();
            let exp = text.scientific(v, (p - 1).min(EXP_CAP))?;
            let (extra, tail) = if exp < -4 || exp as i64 >= p as i64 {
                (p - 1 - (p - 1).min(EXP_CAP), exponent_text(if upper { b'E' } else { b'e' }, exp, &mut tail))
            } else {
                let prec = (p as i64 - 1 - exp as i64) as usize;
                text.fixed(v, prec.min(FIXED_CAP))?;
                (prec.saturating_sub(FIXED_CAP), &[][..])
            };
            if alt {
                if memchr::memchr(b'.', text.bytes()).is_none() {
                    text.write_str(".").map_err(|_| Errno::OVERFLOW)?;
                }
                emit(out, flags, width, sign, text.bytes(), extra, tail, true)
            } else {
                emit(out, flags, width, sign, strip_zeros(text.bytes()), 0, tail, true)
            }
        }
    }
}

/// 10^0 ..= 10^19.
const POWERS: [u64; 20] = {
    let mut p = [1u64; 20];
    let mut i = 1;
    while i < 20 {
        p[i] = p[i - 1] * 10;
        i += 1;
    }
    p
};

/// `%.{prec}f` of the non-negative finite `v` by integer arithmetic, into `buf`, when that
/// is exact: `v = m * 2^e` times `10^prec` fits in 128 bits, and the integer part in 64.
/// Rounds to nearest, ties to even, as the exact path does. Returns the length.
fn fixed_short(v: f64, prec: usize, alt: bool, buf: &mut [u8; 64]) -> Option<usize> {
    let scale = *POWERS.get(prec)?;
    let bits = v.to_bits();
    let biased = (bits >> 52) as i32;
    let fraction = bits & ((1 << 52) - 1);
    let (m, e) = if biased == 0 { (fraction, -1074) } else { (fraction | 1 << 52, biased - 1075) };
    let n = m as u128 * scale as u128;
    let scaled = if e >= 0 {
        if e > 10 {
            return None;
        }
        n << e
    } else {
        let shift = (-e) as u32;
        if shift > 120 {
            return None;
        }
        let (q, r, half) = (n >> shift, n & ((1 << shift) - 1), 1u128 << (shift - 1));
        if r > half || (r == half && q & 1 != 0) { q + 1 } else { q }
    };
    let whole = u64::try_from(scaled / scale as u128).ok()?;
    let part = (scaled % scale as u128) as u64;
    let mut digits = [0; super::int::DIGITS];
    let start = super::int::decimal(whole, &mut digits);
    let whole = digits.get(start..).unwrap_or_default();
    let mut len = whole.len();
    buf.get_mut(..len)?.copy_from_slice(whole);
    if prec > 0 || alt {
        *buf.get_mut(len)? = b'.';
        len += 1;
    }
    if prec > 0 {
        let start = super::int::decimal(part, &mut digits);
        let part = digits.get(start..).unwrap_or_default();
        buf.get_mut(len..len + prec - part.len())?.fill(b'0');
        len += prec - part.len();
        buf.get_mut(len..len + part.len())?.copy_from_slice(part);
        len += part.len();
    }
    Some(len)
}

/// A hexadecimal floating value: `lead.fraction p exp`, the fraction left-aligned in 64 bits
/// with `nibbles` significant hexadecimal digits.
struct Hex {
    lead: u64,
    fraction: u64,
    nibbles: usize,
    exp: i32,
}

/// `%a`/`%A` of `h`.
fn hex(out: &mut Out<'_>, flags: u8, width: usize, precision: Option<usize>, upper: bool, negative: bool, h: Hex) -> Result<(), Errno> {
    let Hex { mut lead, fraction, nibbles, exp } = h;
    let shown = match precision {
        Some(p) => p,
        // The significant nibbles up to the last nonzero one.
        None => (64 - fraction.trailing_zeros() as usize).div_ceil(4),
    };
    let kept_nibbles = shown.min(nibbles);
    let mut kept = if kept_nibbles == 0 { 0 } else { fraction >> (64 - 4 * kept_nibbles) };
    if kept_nibbles < nibbles {
        // Round to nearest, ties to even, on the nibbles dropped.
        let rest = if kept_nibbles == 0 { fraction } else { fraction << (4 * kept_nibbles) };
        let half = 1u64 << 63;
        let odd = if kept_nibbles == 0 { lead & 1 } else { kept & 1 } != 0;
        if rest > half || (rest == half && odd) {
            kept += 1;
            if kept_nibbles == 0 || kept >> (4 * kept_nibbles) != 0 {
                kept = 0;
                lead += 1;
            }
        }
    }
    // A carry out of a long double's 4-bit leading digit renormalises it, as glibc does
    // (`0xf.f` rounds to `0x1p+4`, not `0x10p+0`); a double's leading 1 becomes 2.
    let exp = if lead == 16 {
        lead = 1;
        exp + 4
    } else {
        exp
    };
    let digits: &[u8; 16] = if upper { b"0123456789ABCDEF" } else { b"0123456789abcdef" };
    let mut head = [0u8; 40];
    let mut len = 0;
    let mut push = |b: u8| {
        if let Some(slot) = head.get_mut(len) {
            *slot = b;
            len += 1;
        }
    };
    push(b'0');
    push(if upper { b'X' } else { b'x' });
    push(digits[lead as usize & 15]);
    if shown > 0 || flags & ALT != 0 {
        push(b'.');
    }
    for i in 0..kept_nibbles {
        push(digits[(kept >> (4 * (kept_nibbles - 1 - i))) as usize & 15]);
    }
    let mut tail = [0u8; 8];
    let tail = exponent_text(if upper { b'P' } else { b'p' }, exp, &mut tail);
    // `p+0`, not `p+00`: drop the padding digit that `exponent_text` adds for `e`.
    let mut short = [0u8; 8];
    let tail = if exp.unsigned_abs() < 10 {
        short[..2].copy_from_slice(tail.get(..2).unwrap_or_default());
        short[2] = b'0' + exp.unsigned_abs() as u8;
        short.get(..3).unwrap_or_default()
    } else {
        tail
    };
    // A precision beyond the significant digits asks for zeros after them.
    let zeros = shown - kept_nibbles;
    let head = head.get(..len).unwrap_or_default();
    emit(out, flags, width, sign(negative, flags), head, zeros, tail, true)
}

/// `%a`/`%A` of a `double`: `0x1.<13 digits>p<exp>`, subnormals as `0x0.<digits>p-1022`.
pub fn hex_double(out: &mut Out<'_>, flags: u8, width: usize, precision: Option<usize>, upper: bool, v: f64) -> Result<(), Errno> {
    let negative = v.is_sign_negative();
    if !v.is_finite() {
        return special(out, flags, width, negative, v.is_nan(), upper);
    }
    let bits = v.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i32;
    let fraction = (bits & ((1 << 52) - 1)) << 12;
    let h = match (biased, fraction) {
        (0, 0) => Hex { lead: 0, fraction: 0, nibbles: 13, exp: 0 },
        (0, _) => Hex { lead: 0, fraction, nibbles: 13, exp: -1022 },
        _ => Hex { lead: 1, fraction, nibbles: 13, exp: biased - 1023 },
    };
    hex(out, flags, width, precision, upper, negative, h)
}

/// The parts of an x87 `long double`: significand (explicit integer bit) and sign+exponent.
#[derive(Clone, Copy)]
pub struct LongDouble {
    pub significand: u64,
    pub top: u16,
}

impl LongDouble {
    fn negative(self) -> bool {
        self.top & 0x8000 != 0
    }

    fn biased(self) -> i32 {
        (self.top & 0x7fff) as i32
    }

    /// Infinity or NaN (maximal exponent): `Some(is_nan)`.
    fn special(self) -> Option<bool> {
        (self.biased() == 0x7fff).then_some(self.significand << 1 != 0)
    }

    /// The nearest `double` (ties to even); exact when the value is a `double`.
    pub fn to_f64(self) -> f64 {
        let sign = if self.negative() { -1.0 } else { 1.0 };
        if let Some(nan) = self.special() {
            return sign * if nan { f64::NAN } else { f64::INFINITY };
        }
        if self.significand == 0 {
            return sign * 0.0;
        }
        // value = m * 2^(e - 16383 - 63), with m normalised to have its top bit set.
        let shift = self.significand.leading_zeros();
        let m = self.significand << shift;
        let e = self.biased().max(1) - 16383 - shift as i32;
        // Bits of m below the double's last place: 11 for normals, more for subnormals.
        let drop = if e >= -1022 { 11 } else { 11 + (-1022 - e) as u32 };
        if e > 1023 {
            return sign * f64::INFINITY;
        }
        if drop >= 64 {
            // Below half the smallest subnormal (or exactly half, which rounds to even 0).
            let tiny = drop == 64 && m > 1 << 63;
            return sign * if tiny { f64::from_bits(1) } else { 0.0 };
        }
        let mut kept = m >> drop;
        let rest = m << (64 - drop);
        if rest > 1 << 63 || (rest == 1 << 63 && kept & 1 != 0) {
            kept += 1;
        }
        // `kept` has its leading bit at 52 (normal) or lower (subnormal); carrying into bit 53
        // adds one to the exponent, which the addition of the fields below does by itself.
        let bits = if e >= -1022 { (((e + 1022) as u64) << 52) + kept } else { kept };
        sign * f64::from_bits(bits)
    }
}

impl LongDouble {
    /// Whether the value is a `double` (then `to_f64` is exact).
    fn is_double(self) -> bool {
        let back = crate::stdlib::float::LongDouble::from_f64(self.to_f64());
        back.significand == self.significand && back.top == self.top
    }
}

/// `%Lf %Le %Lg` (any case): through `double` when the value is one (exactly the same
/// digits), otherwise from the exact expansion (`long_double`).
pub fn long_decimal(out: &mut Out<'_>, flags: u8, width: usize, precision: Option<usize>, conversion: u8, v: LongDouble) -> Result<(), Errno> {
    if v.special().is_some() || v.significand == 0 || v.is_double() {
        return decimal(out, flags, width, precision, conversion, v.to_f64());
    }
    let sign = sign(v.negative(), flags);
    let alt = flags & ALT != 0;
    let letter = if conversion.is_ascii_uppercase() { b'E' } else { b'e' };
    let mut tail = [0u8; 8];
    match conversion | 0x20 {
        b'f' => {
            let mut r = long_double::render(v, precision.unwrap_or(6), false, alt)?;
            let zeros = r.zeros;
            emit(out, flags, width, sign, r.body(), zeros, &[], true)
        }
        b'e' => {
            let mut r = long_double::render(v, precision.unwrap_or(6), true, alt)?;
            let tail = exponent_text(letter, r.exponent.unwrap_or(0) as i32, &mut tail);
            let zeros = r.zeros;
            emit(out, flags, width, sign, r.body(), zeros, tail, true)
        }
        _ => {
            let p = match precision {
                None => 6,
                Some(0) => 1,
                Some(p) => p,
            };
            let exp = long_double::render(v, p - 1, true, false)?.exponent.unwrap_or(0);
            let scientific = exp < -4 || exp >= p as i64;
            let mut r = if scientific {
                long_double::render(v, p - 1, true, alt)?
            } else {
                long_double::render(v, (p as i64 - 1 - exp) as usize, false, alt)?
            };
            let tail = if scientific { exponent_text(letter, exp as i32, &mut tail) } else { &[][..] };
            let zeros = r.zeros;
            if alt {
                emit(out, flags, width, sign, r.body(), zeros, tail, true)
            } else {
                emit(out, flags, width, sign, strip_zeros(r.body()), 0, tail, true)
            }
        }
    }
}

/// `%La`/`%LA`: the significand's first hexadecimal digit before the point (`0x8p-3` is 1),
/// as glibc.
pub fn hex_long_double(out: &mut Out<'_>, flags: u8, width: usize, precision: Option<usize>, upper: bool, v: LongDouble) -> Result<(), Errno> {
    if let Some(nan) = v.special() {
        return special(out, flags, width, v.negative(), nan, upper);
    }
    let h = if v.significand == 0 {
        Hex { lead: 0, fraction: 0, nibbles: 15, exp: 0 }
    } else {
        Hex { lead: v.significand >> 60, fraction: v.significand << 4, nibbles: 15, exp: v.biased().max(1) - 16383 - 3 }
    };
    hex(out, flags, width, precision, upper, v.negative(), h)
}
