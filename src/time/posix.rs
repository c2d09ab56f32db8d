//! POSIX `TZ` rules: `std offset [dst [offset] [,start[/time],end[/time]]]`, as in
//! `CET-1CEST,M3.5.0,M10.5.0/3` — the `TZ` variable's own form and the footer of TZif files.
//!
//! Offsets in the string count hours west of Greenwich (`CET-1` is one hour east); here every
//! offset is stored the other way round, as seconds east ("UTC offset"), like `tm_gmtoff`.
//! A rule time may be negative or above 24 hours (RFC 8536's extension of POSIX).

use super::civil::{DAY, days_from_civil, is_leap};

/// A zone abbreviation, at most 15 bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Name {
    bytes: [u8; 15],
    len: u8,
}

impl Name {
    pub fn as_bytes(&self) -> &[u8] {
        self.bytes.get(..self.len as usize).unwrap_or_default()
    }

    fn new(s: &[u8]) -> Option<Name> {
        let mut bytes = [0; 15];
        bytes.get_mut(..s.len())?.copy_from_slice(s);
        Some(Name { bytes, len: s.len() as u8 })
    }
}

/// The day a daylight-saving period starts or ends.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Date {
    /// `Jn`: day 1..=365, February 29 never counted.
    NoLeapDay(u16),
    /// `n`: day 0..=365, February 29 counted.
    Day(u16),
    /// `Mm.w.d`: weekday `d` (0 = Sunday) of week `w` (1..=5, 5 = last) of month `m`.
    Weekday { month: u8, week: u8, weekday: u8 },
}

/// Daylight-saving time of a rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Dst {
    pub name: Name,
    pub offset: i32,
    pub start: Date,
    /// Seconds after local (standard) midnight of the start day.
    pub start_time: i32,
    pub end: Date,
    /// Seconds after local (daylight) midnight of the end day.
    pub end_time: i32,
}

/// A parsed rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rule {
    pub std_name: Name,
    pub std_offset: i32,
    pub dst: Option<Dst>,
}

/// A cursor over the rule text.
struct Text<'a> {
    s: &'a [u8],
}

impl<'a> Text<'a> {
    fn peek(&self) -> Option<u8> {
        self.s.first().copied()
    }

    fn eat(&mut self, c: u8) -> bool {
        let hit = self.peek() == Some(c);
        if hit {
            self.s = self.s.get(1..).unwrap_or_default();
        }
        hit
    }

    fn take_while(&mut self, f: impl Fn(u8) -> bool) -> &'a [u8] {
        let n = self.s.iter().position(|&c| !f(c)).unwrap_or(self.s.len());
        let s: &'a [u8] = self.s;
        let (head, tail) = s.split_at(n);
        self.s = tail;
        head
    }

    fn number(&mut self, max: u32) -> Option<u32> {
        let digits = self.take_while(|c| c.is_ascii_digit());
        if digits.is_empty() || digits.len() > 3 {
            return None;
        }
        let n = digits.iter().fold(0u32, |n, &d| n * 10 + (d - b'0') as u32);
        (n <= max).then_some(n)
    }

    /// `<...>` or three or more letters.
    fn name(&mut self) -> Option<Name> {
        let name = if self.eat(b'<') {
            let inner = self.take_while(|c| c.is_ascii_alphanumeric() || c == b'+' || c == b'-');
            if !self.eat(b'>') {
                return None;
            }
            inner
        } else {
            self.take_while(|c| c.is_ascii_alphabetic())
        };
        if name.len() < 3 { None } else { Name::new(name) }
    }

    /// `[+-]hh[:mm[:ss]]` in seconds, hours up to `max_hours`.
    fn duration(&mut self, max_hours: u32) -> Option<i32> {
        let sign = if self.eat(b'-') {
            -1
        } else {
            self.eat(b'+');
            1
        };
        let mut secs = self.number(max_hours)? * 3600;
        if self.eat(b':') {
            secs += self.number(59)? * 60;
            if self.eat(b':') {
                secs += self.number(59)?;
            }
        }
        Some(sign * secs as i32)
    }

    /// `Jn`, `n` or `Mm.w.d`, then an optional `/time` (default 02:00).
    fn date(&mut self) -> Option<(Date, i32)> {
        let date = if self.eat(b'J') {
            Date::NoLeapDay(self.number(365).filter(|&n| n >= 1)? as u16)
        } else if self.eat(b'M') {
            let month = self.number(12).filter(|&m| m >= 1)? as u8;
            let ok = self.eat(b'.');
            let week = self.number(5).filter(|&w| ok && w >= 1)? as u8;
            let ok = self.eat(b'.');
            let weekday = self.number(6).filter(|_| ok)? as u8;
            Date::Weekday { month, week, weekday }
        } else {
            Date::Day(self.number(365)? as u16)
        };
        let time = if self.eat(b'/') { self.duration(167)? } else { 2 * 3600 };
        Some((date, time))
    }
}

/// Parses a whole rule; `None` when the text is not one.
pub fn parse(s: &[u8]) -> Option<Rule> {
    let mut t = Text { s };
    let std_name = t.name()?;
    let std_offset = -t.duration(24)?;
    if t.s.is_empty() {
        return Some(Rule { std_name, std_offset, dst: None });
    }
    let name = t.name()?;
    let offset = match t.peek() {
        Some(c) if c.is_ascii_digit() || c == b'+' || c == b'-' => -t.duration(24)?,
        _ => std_offset + 3600,
    };
    // Without dates, the United States' rules (what glibc assumes without a posixrules file).
    let ((start, start_time), (end, end_time)) = if t.eat(b',') {
        let start = t.date()?;
        if !t.eat(b',') {
            return None;
        }
        (start, t.date()?)
    } else {
        (
            (Date::Weekday { month: 3, week: 2, weekday: 0 }, 7200),
            (Date::Weekday { month: 11, week: 1, weekday: 0 }, 7200),
        )
    };
    if !t.s.is_empty() {
        return None;
    }
    Some(Rule { std_name, std_offset, dst: Some(Dst { name, offset, start, start_time, end, end_time }) })
}

/// Days from January 1 of `year` to `date`.
fn day_of_year(year: i64, date: Date) -> i64 {
    match date {
        Date::NoLeapDay(n) => {
            let n = n as i64 - 1;
            if is_leap(year) && n >= 59 { n + 1 } else { n }
        }
        Date::Day(n) => n as i64,
        Date::Weekday { month, week, weekday } => {
            let first = days_from_civil(year, month as i64, 1);
            let first_wday = (first + 4).rem_euclid(7);
            let mut mday = 1 + (weekday as i64 - first_wday).rem_euclid(7) + 7 * (week as i64 - 1);
            let next = if month == 12 { days_from_civil(year + 1, 1, 1) } else { days_from_civil(year, month as i64 + 1, 1) };
            while first + mday > next {
                mday -= 7;
            }
            first + mday - 1 - days_from_civil(year, 1, 1)
        }
    }
}

impl Rule {
    /// The UTC offset and whether daylight-saving time is in force at `t`.
    pub fn at(&self, t: i64) -> (i32, bool) {
        let Some(dst) = self.dst else {
            return (self.std_offset, false);
        };
        // As glibc: the rules of the UTC year of `t`, and for years up to 1970 counted from
        // 1970-01-01 (so no earlier instant is in daylight time in the north, and every one
        // is in the south).
        let (year, _, _) = super::civil::civil_from_days(t.div_euclid(DAY));
        let jan1 = if year > 1970 { days_from_civil(year, 1, 1) * DAY } else { 0 };
        let start = jan1 + day_of_year(year, dst.start) * DAY + dst.start_time as i64 - self.std_offset as i64;
        let end = jan1 + day_of_year(year, dst.end) * DAY + dst.end_time as i64 - dst.offset as i64;
        let in_dst = if start < end { start <= t && t < end } else { !(end <= t && t < start) };
        if in_dst { (dst.offset, true) } else { (self.std_offset, false) }
    }

    /// The name in force for daylight (`true`) or standard time.
    pub fn name(&self, daylight: bool) -> &Name {
        match self.dst {
            Some(ref d) if daylight => &d.name,
            _ => &self.std_name,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_common_forms() {
        let r = parse(b"CET-1CEST,M3.5.0,M10.5.0/3").unwrap();
        assert_eq!(r.std_name.as_bytes(), b"CET");
        assert_eq!(r.std_offset, 3600);
        let d = r.dst.unwrap();
        assert_eq!((d.name.as_bytes(), d.offset, d.start_time, d.end_time), (&b"CEST"[..], 7200, 7200, 10800));
        assert_eq!(d.end, Date::Weekday { month: 10, week: 5, weekday: 0 });
        let r = parse(b"EST5EDT").unwrap();
        assert_eq!((r.std_offset, r.dst.unwrap().offset), (-18000, -14400));
        let r = parse(b"<+0330>-3:30").unwrap();
        assert_eq!((r.std_name.as_bytes(), r.std_offset, r.dst), (&b"+0330"[..], 12600, None));
        let r = parse(b"NZST-12NZDT,M9.5.0,M4.1.0/3").unwrap();
        assert_eq!(r.dst.unwrap().offset, 13 * 3600);
        assert_eq!(parse(b"UTC0").unwrap().std_offset, 0);
        assert!(parse(b"<-03>3<-02>,M3.5.0/-2,M10.5.0/-1").is_some());
        for bad in [&b""[..], b"UT0", b"CET", b"CET-1CEST,M3.5.0", b"CET-1CEST,M13.1.0,M10.5.0", b"X-1", b"CET-1CEST,M3.5.0,M10.5.0/3x"] {
            assert_eq!(parse(bad), None, "{:?}", core::str::from_utf8(bad));
        }
    }

    #[test]
    fn transitions() {
        let r = parse(b"CET-1CEST,M3.5.0,M10.5.0/3").unwrap();
        // 2024: CEST from 2024-03-31 01:00 UTC to 2024-10-27 01:00 UTC.
        let start = 1_711_846_800;
        let end = 1_729_990_800;
        assert_eq!(r.at(start - 1), (3600, false));
        assert_eq!(r.at(start), (7200, true));
        assert_eq!(r.at(end - 1), (7200, true));
        assert_eq!(r.at(end), (3600, false));
        // Southern hemisphere: daylight time spans the new year.
        let nz = parse(b"NZST-12NZDT,M9.5.0,M4.1.0/3").unwrap();
        assert_eq!(nz.at(1_704_067_200), (46800, true)); // 2024-01-01
        assert_eq!(nz.at(1_719_792_000), (43200, false)); // 2024-07-01
        let j = parse(b"XST5XDT,J60/0,J300/0").unwrap();
        // J60 is March 1 in every year.
        assert_eq!(day_of_year(2024, j.dst.unwrap().start), 60);
        assert_eq!(day_of_year(2023, j.dst.unwrap().start), 59);
    }
}
