//! Calendar arithmetic: seconds since the epoch to a proleptic Gregorian date and back.
//!
//! Days are counted from 1970-01-01 with the era method (400-year cycles of 146097 days), so
//! every `i64` count of seconds maps to a date without loops or tables. Field values outside
//! their ranges (month 14, second -5, ...) are folded into the larger units first, as
//! `mktime` and `timegm` must do.

use rustix::io::Errno;

/// Seconds in a day.
pub const DAY: i64 = 86_400;

/// A broken-down time, the fields of C's `struct tm` (month 0..=11, year since 1900, ...).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Fields {
    pub sec: i32,
    pub min: i32,
    pub hour: i32,
    pub mday: i32,
    pub mon: i32,
    pub year: i32,
    pub wday: i32,
    pub yday: i32,
}

/// Days from 1970-01-01 to `year`-`month`-`day` (month 1..=12; any day, even 0 or 40).
pub const fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date (year, month 1..=12, day 1..=31) of day `days` after 1970-01-01.
pub const fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + if month <= 2 { 1 } else { 0 };
    (year, month, day)
}

/// Whether `year` (a full year, like 2024) is a leap year.
pub const fn is_leap(year: i64) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

/// The broken-down form of `t` seconds after the epoch; `EOVERFLOW` when the year does not
/// fit C's `int`.
pub fn breakdown(t: i64) -> Result<Fields, Errno> {
    let days = t.div_euclid(DAY);
    let secs = t.rem_euclid(DAY);
    let (year, month, day) = civil_from_days(days);
    let year = i32::try_from(year - 1900).map_err(|_| Errno::OVERFLOW)?;
    let full = year as i64 + 1900;
    Ok(Fields {
        sec: (secs % 60) as i32,
        min: (secs / 60 % 60) as i32,
        hour: (secs / 3600) as i32,
        mday: day as i32,
        mon: (month - 1) as i32,
        year,
        // 1970-01-01 was a Thursday (4).
        wday: (days + 4).rem_euclid(7) as i32,
        yday: (days - days_from_civil(full, 1, 1)) as i32,
    })
}

/// The seconds since the epoch that the fields name, read as UTC, with every field allowed
/// out of its range (`wday` and `yday` are ignored). Never overflows: the fields are `i32`.
pub fn seconds(f: &Fields) -> i64 {
    let mon = f.mon as i64;
    let year = f.year as i64 + 1900 + mon.div_euclid(12);
    let month = mon.rem_euclid(12) + 1;
    let days = days_from_civil(year, month, 1) + f.mday as i64 - 1;
    days * DAY + f.hour as i64 * 3600 + f.min as i64 * 60 + f.sec as i64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_over_many_centuries() {
        let mut d = -1_000_000;
        while d < 1_000_000 {
            let (y, m, day) = civil_from_days(d);
            assert_eq!(days_from_civil(y, m, day), d);
            d += 37;
        }
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(days_from_civil(2000, 3, 1), 11_017);
        assert_eq!(civil_from_days(-1), (1969, 12, 31));
    }

    #[test]
    fn known_instants() {
        let f = breakdown(1_700_000_000).unwrap();
        // 2023-11-14 22:13:20 UTC, a Tuesday, day 317 of the year.
        assert_eq!(f, Fields { sec: 20, min: 13, hour: 22, mday: 14, mon: 10, year: 123, wday: 2, yday: 317 });
        assert_eq!(seconds(&f), 1_700_000_000);
        let f = breakdown(-1).unwrap();
        assert_eq!((f.year, f.mon, f.mday, f.hour, f.min, f.sec, f.wday, f.yday), (69, 11, 31, 23, 59, 59, 3, 364));
        let leap = breakdown(951_782_400).unwrap(); // 2000-02-29
        assert_eq!((leap.mon, leap.mday, leap.yday), (1, 29, 59));
        assert_eq!(breakdown(i64::MAX), Err(Errno::OVERFLOW));
        // The last second of the year 2147483647 + 1900, and the one after it.
        let end = days_from_civil(i32::MAX as i64 + 1901, 1, 1) * DAY;
        assert_eq!(breakdown(end - 1).unwrap().year, i32::MAX);
        assert_eq!(breakdown(end), Err(Errno::OVERFLOW));
    }

    #[test]
    fn out_of_range_fields_fold() {
        // 2023-14-01 is 2024-02-01; second -1 of a day is the last of the day before.
        let f = Fields { mon: 13, year: 123, mday: 1, ..Fields::default() };
        assert_eq!(seconds(&f), seconds(&Fields { mon: 1, year: 124, mday: 1, ..Fields::default() }));
        let g = Fields { mon: 0, year: 70, mday: 1, sec: -1, ..Fields::default() };
        assert_eq!(seconds(&g), -1);
        let h = Fields { mon: -1, year: 70, mday: 0, ..Fields::default() };
        assert_eq!(seconds(&h), -32 * DAY);
        assert!(is_leap(2000) && is_leap(2024) && !is_leap(1900) && !is_leap(2023));
    }
}
