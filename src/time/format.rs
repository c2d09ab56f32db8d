//! `strftime` and `asctime` in the C locale.
//!
//! Every C99 and POSIX conversion, glibc's extensions (`%k %l %P %s %C`...), the `E` and `O`
//! modifiers (no alternative forms in the C locale) and glibc's flags and field widths:
//! `_` pads with spaces, `-` does not pad, `0` pads with zeros, `^` upper-cases, `#` swaps
//! the case of names (`%p` and `%Z` to lower case, the others to upper case), then a width.
//! An unknown conversion is copied as written.

use super::Tm;
use super::civil::is_leap;
use core::ffi::CStr;

const DAYS: [&[u8]; 7] = [b"Sunday", b"Monday", b"Tuesday", b"Wednesday", b"Thursday", b"Friday", b"Saturday"];
const MONTHS: [&[u8]; 12] = [
    b"January", b"February", b"March", b"April", b"May", b"June", b"July", b"August", b"September", b"October",
    b"November", b"December",
];

/// Output into a fixed buffer, remembering whether it overflowed.
struct Out<'a> {
    buf: &'a mut [u8],
    len: usize,
    full: bool,
}

impl Out<'_> {
    fn byte(&mut self, b: u8) {
        match self.buf.get_mut(self.len) {
            Some(slot) => {
                *slot = b;
                self.len += 1;
            }
            None => self.full = true,
        }
    }

    fn bytes(&mut self, s: &[u8]) {
        for &b in s {
            self.byte(b);
        }
    }
}

/// How a conversion was written: flag, width.
#[derive(Clone, Copy, Default)]
struct Spec {
    flag: Option<u8>,
    upper: bool,
    swap: bool,
    width: Option<usize>,
}

/// The name of entry `i` of `table`, `?` when out of range; the first three bytes if `short`.
fn name(table: &[&'static [u8]], i: i32, short: bool) -> &'static [u8] {
    match usize::try_from(i).ok().and_then(|i| table.get(i)) {
        Some(n) if short => n.get(..3).unwrap_or(n),
        Some(n) => n,
        None => b"?",
    }
}

/// Pads a name to the field width: with zeros under the `0` flag, else with spaces (glibc
/// pads even under `-` when a width is given).
fn pad(out: &mut Out<'_>, spec: &Spec, len: usize) {
    let fill = if spec.flag == Some(b'0') { b'0' } else { b' ' };
    for _ in len..spec.width.unwrap_or(0) {
        out.byte(fill);
    }
}

fn text(out: &mut Out<'_>, spec: &Spec, s: &[u8], lower_on_swap: bool) {
    pad(out, spec, s.len());
    for &b in s {
        let b = if spec.upper || (spec.swap && !lower_on_swap) {
            b.to_ascii_uppercase()
        } else if spec.swap {
            b.to_ascii_lowercase()
        } else {
            b
        };
        out.byte(b);
    }
}

/// A number at least `digits` wide (padded as `default_pad` unless a flag says otherwise).
fn number(out: &mut Out<'_>, spec: &Spec, value: i64, digits: usize, default_pad: u8) {
    let mut buf = [0u8; 24];
    let mut n = value.unsigned_abs();
    let mut i = buf.len();
    loop {
        i -= 1;
        if let Some(slot) = buf.get_mut(i) {
            *slot = b'0' + (n % 10) as u8;
        }
        n /= 10;
        if n == 0 {
            break;
        }
    }
    let body = buf.get(i..).unwrap_or_default();
    let sign = usize::from(value < 0);
    // As glibc: `-` without a width means no padding; with a width, `-` and `_` pad with
    // spaces, `0` with zeros, and no flag as the conversion does by default.
    let (width, fill) = match (spec.flag, spec.width) {
        (Some(b'-'), None) => (0, b' '),
        (Some(b'-' | b'_'), w) => (w.unwrap_or(digits), b' '),
        (Some(b'0'), w) => (w.unwrap_or(digits), b'0'),
        (_, w) => (w.unwrap_or(digits), default_pad),
    };
    let room = width.saturating_sub(body.len() + sign);
    if fill == b'0' {
        if value < 0 {
            out.byte(b'-');
        }
        (0..room).for_each(|_| out.byte(b'0'));
    } else {
        (0..room).for_each(|_| out.byte(fill));
        if value < 0 {
            out.byte(b'-');
        }
    }
    out.bytes(body);
}

/// Days from the Monday that starts ISO week 1 of the year to the day `yday` (weekday
/// `wday`); negative when the day is in the previous year's last ISO week.
fn iso_week_days(yday: i64, wday: i64) -> i64 {
    // A multiple of 7 large enough to keep the remainder's operand positive.
    const BIG: i64 = 7 * 56;
    yday - (yday - wday + 4 + BIG) % 7 + 3
}

/// The ISO 8601 week-based year and week number (1..=53).
fn iso_week(tm: &Tm) -> (i64, i64) {
    let mut year = tm.f.year as i64 + 1900;
    let yday = tm.f.yday as i64;
    let wday = tm.f.wday as i64;
    let mut days = iso_week_days(yday, wday);
    if days < 0 {
        year -= 1;
        days = iso_week_days(yday + if is_leap(year) { 366 } else { 365 }, wday);
    } else {
        let next = iso_week_days(yday - if is_leap(year) { 366 } else { 365 }, wday);
        if next >= 0 {
            year += 1;
            days = next;
        }
    }
    (year, days / 7 + 1)
}

/// Formats `fmt` into `buf` like `strftime`; the length written (a NUL follows), or `None`
/// when the result and its NUL do not fit. `seconds` gives `%s` (the instant of `tm`).
pub fn strftime(buf: &mut [u8], fmt: &[u8], tm: &Tm, seconds: &dyn Fn(&Tm) -> i64) -> Option<usize> {
    let mut out = Out { buf, len: 0, full: false };
    format(&mut out, fmt, tm, seconds);
    if out.full {
        return None;
    }
    let len = out.len;
    out.byte(0);
    (!out.full).then_some(len)
}

fn format(out: &mut Out<'_>, fmt: &[u8], tm: &Tm, seconds: &dyn Fn(&Tm) -> i64) {
    let mut i = 0;
    while let Some(&c) = fmt.get(i) {
        i += 1;
        if c != b'%' {
            out.byte(c);
            continue;
        }
        let start = i - 1;
        let mut spec = Spec::default();
        while let Some(&f) = fmt.get(i) {
            match f {
                b'_' | b'-' | b'0' => spec.flag = Some(f),
                b'^' => spec.upper = true,
                b'#' => spec.swap = true,
                _ => break,
            }
            i += 1;
        }
        while let Some(&d) = fmt.get(i).filter(|d| d.is_ascii_digit()) {
            spec.width = Some(spec.width.unwrap_or(0).saturating_mul(10).saturating_add((d - b'0') as usize).min(4096));
            i += 1;
        }
        if let Some(b'E' | b'O') = fmt.get(i) {
            i += 1;
        }
        let Some(&conv) = fmt.get(i) else {
            out.bytes(fmt.get(start..).unwrap_or_default());
            break;
        };
        i += 1;
        if !convert(out, &spec, conv, tm, seconds) {
            out.bytes(fmt.get(start..i).unwrap_or_default());
        }
    }
}

/// A conversion that expands to another format, padded as a whole.
fn composite(out: &mut Out<'_>, spec: &Spec, fmt: &[u8], tm: &Tm, seconds: &dyn Fn(&Tm) -> i64) {
    let mut tmp = [0u8; 128];
    let mut inner = Out { buf: &mut tmp, len: 0, full: false };
    format(&mut inner, fmt, tm, seconds);
    let len = inner.len;
    let body = tmp.get(..len).unwrap_or_default();
    text(out, &Spec { width: spec.width, upper: spec.upper, ..Spec::default() }, body, false);
}

/// Writes one conversion; `false` for an unknown one.
fn convert(out: &mut Out<'_>, spec: &Spec, conv: u8, tm: &Tm, seconds: &dyn Fn(&Tm) -> i64) -> bool {
    let f = &tm.f;
    let year = f.year as i64 + 1900;
    // As glibc, for hours out of range too (30 is 18).
    let hour12 = match f.hour {
        0 => 12,
        h if h > 12 => h - 12,
        h => h,
    };
    match conv {
        b'a' => text(out, spec, name(&DAYS, f.wday, true), false),
        b'A' => text(out, spec, name(&DAYS, f.wday, false), false),
        b'b' | b'h' => text(out, spec, name(&MONTHS, f.mon, true), false),
        b'B' => text(out, spec, name(&MONTHS, f.mon, false), false),
        b'c' => composite(out, spec, b"%a %b %e %H:%M:%S %Y", tm, seconds),
        b'C' => number(out, spec, year.div_euclid(100), 2, b'0'),
        b'd' => number(out, spec, f.mday as i64, 2, b'0'),
        b'D' | b'x' => composite(out, spec, b"%m/%d/%y", tm, seconds),
        b'e' => number(out, spec, f.mday as i64, 2, b' '),
        b'F' => composite(out, spec, b"%Y-%m-%d", tm, seconds),
        b'g' => number(out, spec, iso_week(tm).0.rem_euclid(100), 2, b'0'),
        b'G' => number(out, spec, iso_week(tm).0, 1, b'0'),
        b'H' => number(out, spec, f.hour as i64, 2, b'0'),
        b'I' => number(out, spec, hour12 as i64, 2, b'0'),
        b'j' => number(out, spec, f.yday as i64 + 1, 3, b'0'),
        b'k' => number(out, spec, f.hour as i64, 2, b' '),
        b'l' => number(out, spec, hour12 as i64, 2, b' '),
        b'm' => number(out, spec, f.mon as i64 + 1, 2, b'0'),
        b'M' => number(out, spec, f.min as i64, 2, b'0'),
        b'n' => text(out, spec, b"\n", false),
        b'p' => text(out, spec, if f.hour >= 12 { b"PM" } else { b"AM" }, true),
        b'P' => text(out, &Spec { upper: false, swap: false, ..*spec }, if f.hour >= 12 { b"pm" } else { b"am" }, true),
        b'r' => composite(out, spec, b"%I:%M:%S %p", tm, seconds),
        b'R' => composite(out, spec, b"%H:%M", tm, seconds),
        b's' => number(out, spec, seconds(tm), 1, b'0'),
        b'S' => number(out, spec, f.sec as i64, 2, b'0'),
        b't' => text(out, spec, b"\t", false),
        b'T' | b'X' => composite(out, spec, b"%H:%M:%S", tm, seconds),
        b'u' => number(out, spec, (f.wday as i64 + 6).rem_euclid(7) + 1, 1, b'0'),
        b'U' => number(out, spec, (f.yday as i64 + 7 - f.wday as i64) / 7, 2, b'0'),
        b'V' => number(out, spec, iso_week(tm).1, 2, b'0'),
        b'w' => number(out, spec, f.wday as i64, 1, b'0'),
        b'W' => number(out, spec, (f.yday as i64 + 7 - (f.wday as i64 + 6).rem_euclid(7)) / 7, 2, b'0'),
        b'y' => number(out, spec, year.rem_euclid(100), 2, b'0'),
        b'Y' => number(out, spec, year, 1, b'0'),
        b'z' => {
            let off = tm.gmtoff;
            let mins = off.unsigned_abs() / 60;
            let value = (mins / 60 * 100 + mins % 60) as i64;
            // glibc 2.36's layout for a width W: W - 1 fill bytes, the sign, then the number
            // at least max(W, 4) digits wide.
            if let Some(w) = spec.width {
                let fill = if spec.flag == Some(b'0') { b'0' } else { b' ' };
                (1..w).for_each(|_| out.byte(fill));
            }
            out.byte(if off < 0 { b'-' } else { b'+' });
            number(out, &Spec { width: spec.width.map(|w| w.max(4)), ..*spec }, value, 4, b'0');
        }
        b'Z' => {
            let zone: &[u8] = if tm.zone.is_null() {
                b""
            } else {
                // SAFETY: `tm_zone`, when set, points at a NUL-terminated string (the caller's
                // contract, as for C's strftime).
                unsafe { CStr::from_ptr(tm.zone) }.to_bytes()
            };
            text(out, spec, zone, true);
        }
        b'%' => text(out, spec, b"%", false),
        _ => return false,
    }
    true
}

/// `asctime_r`'s text, `Sun Sep 16 01:03:52 1973\n`, into `buf` (26 bytes); `false` (C's
/// `EOVERFLOW`) when it does not fit, as for a year past 9999.
pub fn asctime(buf: &mut [u8; 26], tm: &Tm) -> bool {
    let f = &tm.f;
    let Some(year) = f.year.checked_add(1900) else {
        return false;
    };
    let mut out = Out { buf, len: 0, full: false };
    let name3 = |table: &[&'static [u8]], i: i32| -> &'static [u8] {
        match usize::try_from(i).ok().and_then(|i| table.get(i)) {
            Some(n) => n.get(..3).unwrap_or(n),
            None => b"???",
        }
    };
    out.bytes(name3(&DAYS, f.wday));
    out.byte(b' ');
    out.bytes(name3(&MONTHS, f.mon));
    let plain = Spec::default();
    number(&mut out, &plain, f.mday as i64, 3, b' ');
    out.byte(b' ');
    number(&mut out, &plain, f.hour as i64, 2, b'0');
    out.byte(b':');
    number(&mut out, &plain, f.min as i64, 2, b'0');
    out.byte(b':');
    number(&mut out, &plain, f.sec as i64, 2, b'0');
    out.byte(b' ');
    number(&mut out, &plain, year as i64, 1, b'0');
    out.byte(b'\n');
    out.byte(0);
    !out.full
}

#[cfg(test)]
mod tests {
    use super::super::civil;
    use super::*;

    fn tm(t: i64) -> Tm {
        Tm { f: civil::breakdown(t).unwrap(), isdst: 0, gmtoff: 0, zone: c"UTC".as_ptr() }
    }

    fn fmt(f: &str, tm: &Tm) -> std::string::String {
        let mut buf = [0u8; 256];
        let n = strftime(&mut buf, f.as_bytes(), tm, &|_| 1_700_000_000).unwrap();
        std::string::String::from_utf8(buf[..n].to_vec()).unwrap()
    }

    #[test]
    fn conversions() {
        // 2023-11-14 22:13:20 UTC, a Tuesday.
        let t = tm(1_700_000_000);
        assert_eq!(fmt("%a %A %b %B %h", &t), "Tue Tuesday Nov November Nov");
        assert_eq!(fmt("%c|%x|%X|%D|%F|%T|%R|%r", &t), "Tue Nov 14 22:13:20 2023|11/14/23|22:13:20|11/14/23|2023-11-14|22:13:20|22:13|10:13:20 PM");
        assert_eq!(fmt("%C %d %e %H %I %j %k %l %m %M %p %P %S", &t), "20 14 14 22 10 318 22 10 11 13 PM pm 20");
        assert_eq!(fmt("%u %w %U %W %V %g %G %y %Y %z %Z %s %%", &t), "2 2 46 46 46 23 2023 23 2023 +0000 UTC 1700000000 %");
        assert_eq!(fmt("%n%t%Q", &t), "\n\t%Q");
        assert_eq!(fmt("%-d|%_m|%010Y|%^a|%#Z|%#b|%5S|%Ey|%Od", &t), "14|11|0000002023|TUE|utc|NOV|00020|23|14");
        // glibc's widths: `-` still pads when a width is given; %z's odd layout.
        assert_eq!(fmt("%-5d|%-10p|%010A|%5%|%6z|%_z|%-z", &t), "   14|        PM|000Tuesday|    %|     +000000|+   0|+0");
    }

    #[test]
    fn iso_weeks_at_year_ends() {
        // 2021-01-03 (Sunday) is in 2020's week 53; 2024-12-30 (Monday) in 2025's week 1.
        assert_eq!(iso_week(&tm(1_609_632_000)), (2020, 53));
        assert_eq!(iso_week(&tm(1_735_516_800)), (2025, 1));
        assert_eq!(iso_week(&tm(1_704_067_200)), (2024, 1));
    }

    #[test]
    fn too_small_and_asctime() {
        let t = tm(0);
        let mut small = [0u8; 4];
        assert_eq!(strftime(&mut small, b"%Y", &t, &|_| 0), None);
        assert_eq!(strftime(&mut small, b"abc", &t, &|_| 0), Some(3));
        let mut buf = [0u8; 26];
        assert!(asctime(&mut buf, &t));
        assert_eq!(&buf[..25], b"Thu Jan  1 00:00:00 1970\n");
        let mut far = tm(0);
        far.f.year = 10_000;
        assert!(!asctime(&mut buf, &far));
    }
}
