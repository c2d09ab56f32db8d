//! Time: clocks and sleeping, the calendar, time zones, and formatting.
//!
//! - `clock.rs`: `gettimeofday`, `clock_getres`, `time` and the sleeps.
//! - `civil.rs`: seconds since the epoch to calendar fields and back.
//! - `zone.rs`: the local zone (`TZ`, `/etc/localtime`), from `tzfile.rs` (TZif files) or
//!   `posix.rs` (POSIX rules), and `mktime`.
//! - `format.rs`: `strftime` and `asctime`.

pub mod civil;
pub mod clock;
pub mod format;
pub mod posix;
pub mod tzfile;
pub mod zone;

use core::ffi::c_char;

/// C's `struct tm`, in the library's terms.
#[derive(Clone, Copy, Debug)]
pub struct Tm {
    pub f: civil::Fields,
    pub isdst: i32,
    /// Seconds east of UTC.
    pub gmtoff: i64,
    /// The zone abbreviation (NUL-terminated) or null.
    pub zone: *const c_char,
}

/// The name `gmtime` gives its results' zone, as glibc.
pub const GMT: &core::ffi::CStr = c"GMT";

/// `gmtime_r`: `t` as UTC; `EOVERFLOW` when the year does not fit an `int`.
pub fn gmtime(t: i64) -> Result<Tm, rustix::io::Errno> {
    Ok(Tm { f: civil::breakdown(t)?, isdst: 0, gmtoff: 0, zone: GMT.as_ptr() })
}

/// `localtime_r`: `t` in the local zone.
pub fn localtime(t: i64) -> Result<Tm, rustix::io::Errno> {
    zone::with(|z| z.localtime(t)).map(|(f, l)| Tm { f, isdst: l.dst as i32, gmtoff: l.offset as i64, zone: l.name })
}

/// `mktime`: the instant of local time `tm`, and `tm` normalised.
pub fn mktime(tm: &Tm) -> Result<(i64, Tm), rustix::io::Errno> {
    let (t, f, l) = zone::with(|z| z.mktime(&tm.f, tm.isdst))?;
    Ok((t, Tm { f, isdst: l.dst as i32, gmtoff: l.offset as i64, zone: l.name }))
}

/// `timegm`: the instant of UTC time `tm`, and `tm` normalised.
pub fn timegm(tm: &Tm) -> Result<(i64, Tm), rustix::io::Errno> {
    let t = civil::seconds(&tm.f);
    Ok((t, gmtime(t)?))
}

/// `strftime` with the local zone for `%s`.
pub fn strftime(buf: &mut [u8], fmt: &[u8], tm: &Tm) -> Option<usize> {
    format::strftime(buf, fmt, tm, &|tm| mktime(tm).map_or(-1, |(t, _)| t))
}
