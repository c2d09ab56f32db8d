//! `strtod`, `strtof`, `strtold`: a floating value as glibc 2.36 reads it, correctly rounded.
//!
//! White space, an optional sign, then `inf`/`infinity`, `nan`/`nan(chars)` (any case), a
//! hexadecimal number (`0x1.8p3`: digits, optional point, optional binary exponent `p`), or a
//! decimal one (digits, optional point, optional exponent `e`); a `0x` without a hexadecimal
//! digit after it reads as `0`, and an exponent marker without digits is left unread.
//! Decimal digits are converted by Rust's `str::parse`, which rounds correctly; hexadecimal
//! ones by [`round`] here. `ERANGE` as glibc: on overflow (the result is ±infinity), and on
//! underflow, when the rounded result is zero or subnormal and not exact.
//!
//! `long double` (x87 80-bit): hexadecimal input is rounded to its 64-bit significand here;
//! decimal input is rounded exactly too, by comparing it with candidate values through their
//! exact decimal expansions (see `decimal_f80`).

use super::{digit, sign, skip_space};
use crate::fmt::text::TextBuf;
use core::fmt::Write;

/// A parsed number: its value, the bytes used (0 when there was no number), and whether it
/// was out of range (`ERANGE`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Parsed<T> {
    pub value: T,
    pub end: usize,
    pub range_error: bool,
}

/// A binary floating format.
struct Format {
    /// Significand bits, the leading one included.
    precision: u32,
    /// Exponent of the smallest normal value.
    emin: i64,
    /// Exponent of the largest finite value.
    emax: i64,
}

const F32: Format = Format { precision: 24, emin: -126, emax: 127 };
const F64: Format = Format { precision: 53, emin: -1022, emax: 1023 };
const F80: Format = Format { precision: 64, emin: -16382, emax: 16383 };

/// A value rounded to a format: the significand (leading bit at `precision - 1` for normal
/// values, lower for subnormal ones), the biased exponent (0 for zero and subnormals, all
/// ones for infinity) and whether rounding changed the value.
#[derive(Debug, PartialEq)]
struct Rounded {
    significand: u64,
    biased: u32,
    inexact: bool,
}

impl Format {
    fn infinity(&self) -> Rounded {
        Rounded { significand: 0, biased: (2 * self.emax + 1) as u32, inexact: true }
    }

    /// `m * 2^e2`, plus something below `m`'s last bit when `sticky`, rounded to nearest,
    /// ties to even.
    fn round(&self, m: u128, e2: i64, sticky: bool) -> Rounded {
        if m == 0 {
            return Rounded { significand: 0, biased: 0, inexact: sticky };
        }
        let lz = m.leading_zeros();
        let m = m << lz;
        // The exponent of the leading bit.
        let mut exp = e2 + 127 - lz as i64;
        if exp > self.emax {
            return self.infinity();
        }
        let mut drop = 128 - self.precision as i64;
        if exp < self.emin {
            drop += self.emin - exp;
        }
        if drop > 128 {
            // Below half the smallest subnormal.
            return Rounded { significand: 0, biased: 0, inexact: true };
        }
        let drop = drop as u32;
        let (mut kept, rest, half) = match drop {
            128 => (0, m, 1 << 127),
            _ => (m >> drop, m & ((1 << drop) - 1), (1 << drop) >> 1),
        };
        if half != 0 && (rest > half || (rest == half && (sticky || kept & 1 != 0))) {
            kept += 1;
        }
        let inexact = rest != 0 || sticky;
        let biased = if exp >= self.emin {
            if kept >> self.precision != 0 {
                kept >>= 1;
                exp += 1;
                if exp > self.emax {
                    return self.infinity();
                }
            }
            (exp - self.emin + 1) as u32
        } else {
            (kept >> (self.precision - 1)) as u32
        };
        Rounded { significand: kept as u64, biased, inexact }
    }
}

/// Case-insensitive `word` at `s[at..]`.
fn word(s: &[u8], at: usize, word: &[u8]) -> bool {
    s.get(at..at + word.len()).is_some_and(|w| w.eq_ignore_ascii_case(word))
}

/// The kinds of number text.
enum Number {
    /// Infinity.
    Infinity,
    /// NaN, with the payload that `nan(n)` gives.
    Nan(u64),
    /// Hexadecimal: `m * 2^e2`, with `sticky` for nonzero digits beyond `m`'s 128 bits.
    Binary { m: u128, e2: i64, sticky: bool },
    /// Decimal: the text of the digits, point and exponent, for `str::parse`.
    Decimal { start: usize },
}

/// Decimal digits at `s[at..]`, the value saturating: the value and the index after them.
fn exponent_digits(s: &[u8], mut at: usize) -> (i64, usize) {
    let mut v: i64 = 0;
    while let Some(&b @ b'0'..=b'9') = s.get(at) {
        v = (v * 10 + (b - b'0') as i64).min(1 << 40);
        at += 1;
    }
    (v, at)
}

/// An exponent part (`e-12`, `P+3`) at `s[at]` if `marker` is there and digits follow:
/// the exponent and the index after it; else 0 and `at`.
fn exponent(s: &[u8], at: usize, marker: u8) -> (i64, usize) {
    if s.get(at).map(|b| b | 0x20) != Some(marker) {
        return (0, at);
    }
    let (negative, digits) = sign(s, at + 1);
    match exponent_digits(s, digits) {
        (_, end) if end == digits => (0, at),
        (v, end) => (if negative { -v } else { v }, end),
    }
}

/// Hexadecimal digits (with at most one point) at `s[at..]`: the number and the index after
/// it, or `None` if there is no digit.
fn hexadecimal(s: &[u8], mut at: usize) -> Option<(Number, usize)> {
    let (mut m, mut e2, mut sticky) = (0u128, 0i64, false);
    let (mut any, mut point) = (false, false);
    loop {
        match s.get(at) {
            Some(b'.') if !point => point = true,
            Some(&b) if digit(b) < 16 => {
                any = true;
                let d = digit(b) as u128;
                if m >> 124 == 0 {
                    m = m << 4 | d;
                    if point {
                        e2 -= 4;
                    }
                } else {
                    sticky |= d != 0;
                    if !point {
                        e2 += 4;
                    }
                }
            }
            _ => break,
        }
        at += 1;
    }
    if !any {
        return None;
    }
    let (p, end) = exponent(s, at, b'p');
    Some((Number::Binary { m, e2: e2 + p, sticky }, end))
}

/// Decimal digits (with at most one point, and at least one digit) and an exponent, at
/// `s[at..]`: the index after them, or `None`.
fn decimal_end(s: &[u8], mut at: usize) -> Option<usize> {
    let (mut any, mut point) = (false, false);
    loop {
        match s.get(at) {
            Some(b'.') if !point => point = true,
            Some(b'0'..=b'9') => any = true,
            _ => break,
        }
        at += 1;
    }
    any.then(|| exponent(s, at, b'e').1)
}

/// The number at the start of `s` (after white space): negative, kind, end.
fn scan(s: &[u8]) -> Option<(bool, Number, usize)> {
    let (negative, at) = sign(s, skip_space(s, 0));
    if word(s, at, b"inf") {
        let end = if word(s, at + 3, b"inity") { at + 8 } else { at + 3 };
        return Some((negative, Number::Infinity, end));
    }
    if word(s, at, b"nan") {
        let mut end = at + 3;
        let mut payload = 0;
        if s.get(end) == Some(&b'(') {
            let chars = end + 1;
            let mut close = chars;
            while s.get(close).is_some_and(|&b| b.is_ascii_alphanumeric() || b == b'_') {
                close += 1;
            }
            if s.get(close) == Some(&b')') {
                // glibc takes the characters as the payload when they are a number.
                let inner = s.get(chars..close).unwrap_or_default();
                if let Ok(p) = super::int::parse(inner, 0)
                    && p.end == inner.len()
                    && !p.negative
                {
                    payload = p.magnitude.unwrap_or(0);
                }
                end = close + 1;
            }
        }
        return Some((negative, Number::Nan(payload), end));
    }
    if s.get(at) == Some(&b'0') && matches!(s.get(at + 1), Some(b'x' | b'X')) {
        return Some(match hexadecimal(s, at + 2) {
            Some((n, end)) => (negative, n, end),
            // `0x` with no digit: the `0`.
            None => (negative, Number::Binary { m: 0, e2: 0, sticky: false }, at + 1),
        });
    }
    decimal_end(s, at).map(|end| (negative, Number::Decimal { start: at }, end))
}

/// Whether the decimal text `text` (digits, point, exponent) denotes exactly the value whose
/// exact expansion `core::fmt` wrote as `exact` (`d.ddd`, exponent cut off into `exp`).
fn same_decimal(text: &[u8], exact: &[u8], exp: i32) -> bool {
    let e = memchr::memchr2(b'e', b'E', text).unwrap_or(text.len());
    let (mantissa, exponent_text) = text.split_at(e);
    let (written_exp, _) = exponent(exponent_text, 0, b'e');
    let point = memchr::memchr(b'.', mantissa).unwrap_or(mantissa.len());
    let digits = || mantissa.iter().copied().filter(|&b| b != b'.');
    let Some(first) = digits().position(|d| d != b'0') else {
        return false;
    };
    // The power of ten of the first significant digit.
    let lead = point as i64 - 1 - first as i64 + written_exp;
    if lead != exp as i64 {
        return false;
    }
    let exact_digits = || exact.iter().copied().filter(|&b| b != b'.');
    // The exact expansion without its trailing zeros.
    let exact_len = exact_digits().enumerate().filter(|&(_, d)| d != b'0').last().map_or(0, |(i, _)| i + 1);
    let mut ours = digits().skip(first);
    let mut theirs = exact_digits().take(exact_len);
    loop {
        match (theirs.next(), ours.next()) {
            (Some(a), Some(b)) if a == b => {}
            (Some(_), _) => return false,
            // Past the exact expansion, the text may only have zeros.
            (None, Some(b'0')) => {}
            (None, Some(_)) => return false,
            (None, None) => return true,
        }
    }
}

/// Whether decimal `text` is exactly the subnormal or zero `value`, through its exact
/// expansion (at most 767 significant digits for a double, 112 for a float).
fn exactly(text: &[u8], value: f64, is_f32: bool) -> bool {
    if value == 0.0 {
        // Zero is exact only for text without a nonzero digit.
        let e = memchr::memchr2(b'e', b'E', text).unwrap_or(text.len());
        return text.get(..e).unwrap_or_default().iter().all(|&b| b == b'0' || b == b'.');
    }
    let mut exact = TextBuf::<800>::new();
    let written = if is_f32 { write!(exact, "{:.120e}", value as f32) } else { write!(exact, "{:.780e}", value) };
    match (written, exact.split_exponent()) {
        (Ok(()), Some(exp)) => same_decimal(text, exact.bytes(), exp),
        _ => false,
    }
}

/// `strtod`.
pub fn parse_f64(s: &[u8]) -> Parsed<f64> {
    let Some((negative, number, end)) = scan(s) else {
        return Parsed { value: 0.0, end: 0, range_error: false };
    };
    let sign = if negative { 1u64 << 63 } else { 0 };
    let (value, range_error) = match number {
        Number::Infinity => (f64::INFINITY, false),
        Number::Nan(payload) => (f64::from_bits(0x7ff8_0000_0000_0000 | (payload & ((1 << 51) - 1))), false),
        Number::Binary { m, e2, sticky } => {
            let r = F64.round(m, e2, sticky);
            let bits = ((r.biased as u64) << 52) | (r.significand & ((1 << 52) - 1));
            (f64::from_bits(bits), r.biased == 2047 || (r.biased == 0 && r.inexact))
        }
        Number::Decimal { start } => {
            let text = s.get(start..end).unwrap_or_default();
            let v = core::str::from_utf8(text).ok().and_then(|t| t.parse::<f64>().ok()).unwrap_or(0.0);
            let range = v.is_infinite() || (!v.is_normal() && !exactly(text, v, false));
            (v, range)
        }
    };
    Parsed { value: f64::from_bits(value.to_bits() | sign), end, range_error }
}

/// `strtof`: rounded once, directly to `float`.
pub fn parse_f32(s: &[u8]) -> Parsed<f32> {
    let Some((negative, number, end)) = scan(s) else {
        return Parsed { value: 0.0, end: 0, range_error: false };
    };
    let sign = if negative { 1u32 << 31 } else { 0 };
    let (value, range_error) = match number {
        Number::Infinity => (f32::INFINITY, false),
        Number::Nan(payload) => (f32::from_bits(0x7fc0_0000 | (payload as u32 & ((1 << 22) - 1))), false),
        Number::Binary { m, e2, sticky } => {
            let r = F32.round(m, e2, sticky);
            let bits = (r.biased << 23) | (r.significand as u32 & ((1 << 23) - 1));
            (f32::from_bits(bits), r.biased == 255 || (r.biased == 0 && r.inexact))
        }
        Number::Decimal { start } => {
            let text = s.get(start..end).unwrap_or_default();
            let v = core::str::from_utf8(text).ok().and_then(|t| t.parse::<f32>().ok()).unwrap_or(0.0);
            let range = v.is_infinite() || (!v.is_normal() && !exactly(text, v as f64, true));
            (v, range)
        }
    };
    Parsed { value: f32::from_bits(value.to_bits() | sign), end, range_error }
}

/// An x87 `long double`: the significand (explicit leading bit) and sign with exponent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LongDouble {
    pub significand: u64,
    pub top: u16,
}

impl LongDouble {
    /// The `long double` equal to `v` (every `double` is one).
    pub fn from_f64(v: f64) -> LongDouble {
        let bits = v.to_bits();
        let sign = ((bits >> 63) as u16) << 15;
        let biased = ((bits >> 52) & 0x7ff) as i64;
        let fraction = bits & ((1 << 52) - 1);
        match biased {
            0x7ff if fraction == 0 => LongDouble { significand: 1 << 63, top: sign | 0x7fff },
            0x7ff => LongDouble { significand: 1 << 63 | fraction << 11, top: sign | 0x7fff },
            _ => {
                let (m, e2) = if biased == 0 { (fraction, -1074) } else { (fraction | 1 << 52, biased - 1075) };
                let r = F80.round(m as u128, e2, false);
                LongDouble { significand: r.significand, top: sign | r.biased as u16 }
            }
        }
    }
}

/// A decimal number's significant digits: the power of ten of the first one, and the digits
/// (with any point) from it on.
struct Significant<'a> {
    lead: i64,
    digits: &'a [u8],
}

impl<'a> Significant<'a> {
    /// `None` when the text has no nonzero digit.
    fn of(text: &'a [u8]) -> Option<Significant<'a>> {
        let e = memchr::memchr2(b'e', b'E', text).unwrap_or(text.len());
        let (mantissa, exponent_text) = text.split_at(e);
        let (written_exp, _) = exponent(exponent_text, 0, b'e');
        let point = memchr::memchr(b'.', mantissa).unwrap_or(mantissa.len());
        let first = mantissa.iter().position(|&b| b != b'0' && b != b'.')?;
        // Digits before the first significant one, not counting the point.
        let before = first - (first > point) as usize;
        Some(Significant { lead: point as i64 - 1 - before as i64 + written_exp, digits: mantissa.get(first..).unwrap_or_default() })
    }

    /// How the number compares with `m * 2^e`.
    fn compare(&self, m: u128, e: i64) -> Result<core::cmp::Ordering, rustix::io::Errno> {
        use core::cmp::Ordering;
        if m == 0 {
            return Ok(Ordering::Greater);
        }
        let (d, k) = crate::fmt::big::exact(m, e)?;
        let total = d.digits();
        let lead = total as i64 - 1 - k;
        if self.lead != lead {
            return Ok(self.lead.cmp(&lead));
        }
        let mut ours = self.digits.iter().copied().filter(|&b| b != b'.');
        let mut i = 0;
        loop {
            let a = ours.next();
            if a.is_none() && i >= total {
                return Ok(Ordering::Equal);
            }
            let a = a.map_or(0, |b| b - b'0');
            let b = d.digit(i, total);
            if a != b {
                return Ok(a.cmp(&b));
            }
            i += 1;
        }
    }
}

/// Decimal text (digits, point, exponent) as the nearest `long double`, exactly: the binary
/// exponent and then each of the 64 significand bits are found by comparing the text with
/// `m * 2^e` through exact decimal expansions (`fmt::big`), and the last bit is rounded by
/// comparing with the midpoint. Returns the value and whether it is out of range.
fn decimal_f80(text: &[u8]) -> Result<(LongDouble, bool), rustix::io::Errno> {
    use core::cmp::Ordering;
    let Some(x) = Significant::of(text) else {
        return Ok((LongDouble { significand: 0, top: 0 }, false));
    };
    let infinity = (LongDouble { significand: 1 << 63, top: 0x7fff }, true);
    if x.lead > 4933 {
        return Ok(infinity);
    }
    if x.lead < -4952 {
        return Ok((LongDouble { significand: 0, top: 0 }, true));
    }
    // 2^e <= x < 2^(e+1).
    // log2(10) = 3.321928094887...: an estimate within one of the exponent.
    let mut e = (x.lead * 3_321_928_095).div_euclid(1_000_000_000);
    while x.compare(1, e)? == Ordering::Less {
        e -= 1;
    }
    while x.compare(1, e + 1)? != Ordering::Less {
        e += 1;
    }
    if e > F80.emax {
        return Ok(infinity);
    }
    // The weight of the significand's last bit (fixed below the normal range).
    let low = if e >= F80.emin { e - 63 } else { F80.emin - 63 };
    let mut m: u128 = 0;
    for bit in (0..(e - low + 1).max(0)).rev() {
        let candidate = m | 1 << bit;
        if x.compare(candidate, low)? != Ordering::Less {
            m = candidate;
        }
    }
    let exact = m != 0 && x.compare(m, low)? == Ordering::Equal;
    let half = x.compare(2 * m + 1, low - 1)?;
    if half == Ordering::Greater || (half == Ordering::Equal && m & 1 != 0) {
        m += 1;
    }
    let r = F80.round(m, low, !exact);
    if r.biased == 0x7fff {
        return Ok(infinity);
    }
    Ok((LongDouble { significand: r.significand, top: r.biased as u16 }, r.biased == 0 && r.inexact))
}

/// `strtold`: see the module documentation.
pub fn parse_f80(s: &[u8]) -> Parsed<LongDouble> {
    let Some((negative, number, end)) = scan(s) else {
        return Parsed { value: LongDouble { significand: 0, top: 0 }, end: 0, range_error: false };
    };
    let sign = if negative { 0x8000 } else { 0 };
    let (value, range_error) = match number {
        Number::Binary { m, e2, sticky } => {
            let r = F80.round(m, e2, sticky);
            let significand = if r.biased == 0x7fff { 1 << 63 } else { r.significand };
            (LongDouble { significand, top: r.biased as u16 }, r.biased == 0x7fff || (r.biased == 0 && r.inexact))
        }
        Number::Decimal { start } => match decimal_f80(s.get(start..end).unwrap_or_default()) {
            Ok(v) => v,
            // Beyond what the exact expansion holds (it holds every long double): the double.
            Err(_) => {
                let d = parse_f64(s);
                (LongDouble::from_f64(d.value.abs()), d.range_error)
            }
        },
        Number::Infinity => (LongDouble { significand: 1 << 63, top: 0x7fff }, false),
        Number::Nan(payload) => (LongDouble { significand: 0xc000_0000_0000_0000 | (payload & ((1 << 62) - 1)), top: 0x7fff }, false),
    };
    Parsed { value: LongDouble { significand: value.significand, top: value.top | sign }, end, range_error }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> (f64, usize, bool) {
        let p = parse_f64(s.as_bytes());
        (p.value, p.end, p.range_error)
    }

    #[test]
    fn syntax_as_glibc() {
        assert_eq!(d("0x1.8p3"), (12.0, 7, false));
        assert_eq!(d("0x"), (0.0, 1, false));
        assert_eq!(d("0x.8"), (0.5, 4, false));
        assert_eq!(d("0x.p1"), (0.0, 1, false));
        assert_eq!(d("."), (0.0, 0, false));
        assert_eq!(d("1e"), (1.0, 1, false));
        assert_eq!(d("1e+"), (1.0, 1, false));
        assert_eq!(d("1.5e+3x"), (1500.0, 6, false));
        assert_eq!(d("-Infinity"), (f64::NEG_INFINITY, 9, false));
        assert_eq!(d("infinit"), (f64::INFINITY, 3, false));
        assert_eq!(d("nan(12").1, 3);
        assert_eq!(d("-nan(abc_9)x").1, 11);
        assert_eq!(d("0x1p+").1, 3);
        assert_eq!(d("  +0.0e0"), (0.0, 8, false));
        assert!(d("-0").0.is_sign_negative());
        assert_eq!(parse_f64(b"nan(0x123)").value.to_bits(), 0x7ff8_0000_0000_0123);
    }

    #[test]
    fn ranges_as_glibc() {
        assert!(d("1e-320").2);
        assert_eq!(d("0x1p-1074"), (5e-324, 9, false));
        assert_eq!(d("1e-400"), (0.0, 6, true));
        assert_eq!(d("1e400"), (f64::INFINITY, 5, true));
        assert_eq!(d("0x1p-1075"), (0.0, 9, true));
        assert_eq!(d("0x1.0000000000001p-1074"), (5e-324, 23, true));
        assert_eq!(d("2.4703282292062327e-324"), (0.0, 23, true));
        assert_eq!(d("2.4703282292062328e-324"), (5e-324, 23, true));
        assert!(d("4.9406564584124654e-324").2);
        assert!(d("4.940656458412465441765687928682213723651e-324").2);
        let exact = "4.940656458412465441765687928682213723650598026143247644255856825006755072702087518652998363616359923797965646954457177309266567103559397963987747960107818781263007131903114045278458171678489821036887186360569987307230500063874091535649843873124733972731696151400317153853980741262385655911710266585566867681870395603106249319452715914924553293054565444011274801297099995419319894090804165633245247571478690147267801593552386115501348035264934720193790268107107491703332226844753335720832431936092382893458368060106011506169809753078342277318329247904982524730776375927247874656084778203734469699533647017972677717585125660551199131504891101451037862738167250955837389733598993664809941164205702637090279242767544565229087538682506419718265533447265625e-324";
        assert_eq!(d(exact), (5e-324, exact.len(), false));
        assert_eq!(d("0e999999999999"), (0.0, 14, false));
        assert_eq!(d("1e-5000000000000"), (0.0, 16, true));
        assert_eq!(d("1e99999999999999999999"), (f64::INFINITY, 22, true));
        assert_eq!(d("0x1.fffffffffffff8p1023"), (f64::INFINITY, 23, true));
        assert_eq!(d("0x1.000000000000080000000001p0").0, 1.0000000000000002);
        assert_eq!(d("0x1.00000000000008p0").0, 1.0);
        assert_eq!(d("2.2250738585072011e-308"), (2.2250738585072009e-308, 23, true));
        let f = |s: &str| {
            let p = parse_f32(s.as_bytes());
            (p.value, p.range_error)
        };
        assert_eq!(f("3.4028236e38"), (f32::INFINITY, true));
        assert_eq!(f("0x1.ffffffp127"), (f32::INFINITY, true));
        assert_eq!(f("1.17549435e-38"), (f32::MIN_POSITIVE, false));
        assert_eq!(f("1e-46"), (0.0, true));
        assert!(f("1e-40").1);
    }

    #[test]
    fn long_double() {
        let l = |s: &str| parse_f80(s.as_bytes()).value;
        assert_eq!(l("0x1.23456789abcdef12p0"), LongDouble { significand: 0x91a2_b3c4_d5e6_f789, top: 0x3fff });
        assert_eq!(l("1"), LongDouble { significand: 1 << 63, top: 0x3fff });
        assert_eq!(l("-0.5"), LongDouble { significand: 1 << 63, top: 0xbffe });
        assert_eq!(l("0.1"), LongDouble { significand: 0xcccc_cccc_cccc_cccd, top: 0x3ffb });
        assert_eq!(l("1e300"), LongDouble { significand: 0xbf21_e440_03ac_dd2d, top: 0x3fff + 996 });
        assert_eq!(l("1e4000").top, 0x3fff + 13287);
        assert!(!parse_f80(b"1e4000").range_error);
        assert!(parse_f80(b"1e5000").range_error);
        assert_eq!(l("4.940656458412465441765687928682213723651e-324"), LongDouble { significand: 1 << 63, top: 0x3fff - 1074 });
        assert_eq!(l("0x1p16383"), LongDouble { significand: 1 << 63, top: 0x7ffe });
        assert!(parse_f80(b"0x1p16384").range_error);
    }
}
