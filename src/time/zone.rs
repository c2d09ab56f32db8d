//! The local time zone: where it comes from, and local time at an instant.
//!
//! As glibc: `TZ` unset means `/etc/localtime`; `TZ` empty means UTC; `TZ=:name` or
//! `TZ=name` is a TZif file (`name` absolute, or under `TZDIR`, by default
//! `/usr/share/zoneinfo`), and a `TZ`
//! that names no file (and has no `:`) is read as a POSIX rule. Anything that fails gives UTC.
//! The zone is loaded again whenever the value of `TZ` differs from the one it was loaded for.
//!
//! Zone abbreviations must outlive any `struct tm` whose `tm_zone` points at them, so the
//! bytes of every loaded file, and the abbreviations of rules, are kept for the life of the
//! process (a few kilobytes per distinct `TZ` value a program ever uses).

use super::civil::{self, Fields};
use super::posix::{self, Rule};
use super::tzfile::{self, TzFile};
use crate::sync::lock::RawLock;
use core::cell::UnsafeCell;
use core::ffi::{CStr, c_char};
use core::sync::atomic::{AtomicI64, Ordering};
use rustix::io::Errno;

/// Local time at an instant.
#[derive(Clone, Copy, Debug)]
pub struct Local {
    /// Seconds east of UTC.
    pub offset: i32,
    pub dst: bool,
    /// The abbreviation, a NUL-terminated string that lives as long as the process.
    pub name: *const c_char,
}

/// What a zone's rules come from.
enum Source {
    Utc,
    File(TzFile),
    Rule(Rule),
}

/// A loaded zone.
pub struct Zone {
    source: Source,
    /// The rule's (or the footer rule's) abbreviations, standard then daylight.
    rule_names: [*const c_char; 2],
    /// What `tzname`, `timezone` and `daylight` say for this zone.
    pub tzname: [*const c_char; 2],
    pub timezone: i64,
    pub daylight: bool,
}

const UTC: &CStr = c"UTC";

/// Directory of the named zones.
const ZONEINFO: &[u8] = b"/usr/share/zoneinfo";

/// Names already kept, so that switching between zones does not keep copies over and over.
struct Names {
    kept: [*const c_char; 32],
    count: usize,
}

/// A NUL-terminated copy of `name` that lives as long as the process; UTC's name when there
/// is no memory.
fn keep_name(names: &mut Names, name: &[u8]) -> *const c_char {
    for &k in names.kept.iter().take(names.count) {
        // SAFETY: every kept name is a NUL-terminated string that is never freed.
        if unsafe { CStr::from_ptr(k) }.to_bytes() == name {
            return k;
        }
    }
    let p = crate::alloc::allocate(name.len() + 1);
    if p.is_null() {
        return UTC.as_ptr();
    }
    // SAFETY: `p` has room for the name and its NUL.
    unsafe {
        core::ptr::copy_nonoverlapping(name.as_ptr(), p, name.len());
        *p.add(name.len()) = 0;
    }
    if let Some(slot) = names.kept.get_mut(names.count) {
        *slot = p.cast();
        names.count += 1;
    }
    p.cast()
}

/// The whole file at `path` (NUL-terminated), in memory that is never freed; `None` when it
/// cannot be read or is larger than any zone file.
fn read_file(path: &[u8]) -> Option<&'static [u8]> {
    const MAX: usize = 1 << 20;
    let fd = unsafe_open(path)?;
    let mut cap = 4096;
    let mut buf = crate::alloc::allocate(cap);
    let mut len = 0;
    let ok = loop {
        if buf.is_null() {
            break false;
        }
        if len == cap {
            if cap >= MAX {
                break false;
            }
            cap *= 4;
            // SAFETY: `buf` is our live block.
            let grown = unsafe { crate::alloc::reallocate(buf, cap) };
            if grown.is_null() {
                break false;
            }
            buf = grown;
        }
        // SAFETY: `buf` has `cap - len` writable bytes after `len`.
        match unsafe { crate::io::fd::read(fd, buf.add(len), cap - len) } {
            Ok(0) => break true,
            Ok(n) => len += n,
            Err(Errno::INTR) => {}
            Err(_) => break false,
        }
    };
    let _ = crate::io::fd::close(fd);
    if !ok {
        // SAFETY: our block (or null), not used again.
        unsafe { crate::alloc::deallocate(buf) };
        return None;
    }
    // SAFETY: `len` bytes of `buf` were read; the block is never freed.
    Some(unsafe { core::slice::from_raw_parts(buf, len) })
}

/// Opens `path` (NUL-terminated) for reading.
fn unsafe_open(path: &[u8]) -> Option<core::ffi::c_int> {
    let path = CStr::from_bytes_with_nul(path).ok()?;
    // SAFETY: a NUL-terminated path.
    unsafe { crate::io::fd::open(path.as_ptr(), libc::O_RDONLY | libc::O_CLOEXEC, 0) }.ok()
}

/// The zone directory: `TZDIR` if set and not empty (as glibc), else the system's.
fn zone_dir() -> &'static [u8] {
    let p = crate::env::getenv(b"TZDIR");
    // SAFETY: environment values are NUL-terminated; the program keeps its environment alive.
    match (!p.is_null()).then(|| unsafe { CStr::from_ptr(p) }.to_bytes()) {
        Some(dir) if !dir.is_empty() => dir,
        _ => ZONEINFO,
    }
}

/// The TZif file for a `TZ` name: absolute, or under the zone directory.
fn load_file(name: &[u8]) -> Option<TzFile> {
    let mut path = [0u8; 512];
    let (dir, slash): (&[u8], &[u8]) = if name.first() == Some(&b'/') { (b"", b"") } else { (zone_dir(), b"/") };
    // Names with `..` could leave the zone directory; glibc refuses them for set-user-ID
    // programs only, but no zone name needs them.
    if name.windows(2).any(|w| w == b"..") {
        return None;
    }
    let mut len = 0;
    for part in [dir, slash, name] {
        path.get_mut(len..len + part.len())?.copy_from_slice(part);
        len += part.len();
    }
    // Room for the NUL, which the array's zeros provide.
    let bytes = read_file(path.get(..=len)?)?;
    tzfile::parse(bytes)
}

impl Zone {
    /// The zone for a value of `TZ` (`None`: unset).
    fn load(tz: Option<&[u8]>, names: &mut Names) -> Zone {
        let source = match tz {
            None => load_file(b"/etc/localtime").map_or(Source::Utc, Source::File),
            Some(b"") => Source::Utc,
            Some(v) => match v.strip_prefix(b":") {
                Some(b"") => Source::Utc,
                Some(name) => load_file(name).map_or(Source::Utc, Source::File),
                None => match load_file(v) {
                    Some(f) => Source::File(f),
                    None => posix::parse(v).map_or(Source::Utc, Source::Rule),
                },
            },
        };
        let rule = match &source {
            Source::Rule(r) => Some(*r),
            Source::File(f) => f.rule,
            Source::Utc => None,
        };
        let mut zone = Zone {
            source,
            rule_names: [UTC.as_ptr(); 2],
            tzname: [UTC.as_ptr(); 2],
            timezone: 0,
            daylight: false,
        };
        if let Some(r) = rule {
            let std = keep_name(names, r.name(false).as_bytes());
            let dst = keep_name(names, r.name(true).as_bytes());
            zone.rule_names = [std, dst];
            zone.tzname = [std, dst];
            zone.timezone = -(r.std_offset as i64);
            zone.daylight = r.dst.is_some();
        }
        // A file's variables come from its newest transitions to standard and to daylight
        // time, footer or not (so Asia/Tokyo has daylight = 1 for its DST of 1948-1951).
        if let Source::File(f) = &zone.source {
            let name = |ty: &tzfile::Type| f.name(ty).as_ptr().cast::<c_char>();
            match f.latest() {
                (Some(s), d) | (None, d @ Some(s)) => {
                    let d = d.unwrap_or(s);
                    zone.tzname = [name(&s), name(&d)];
                    zone.timezone = -(s.offset as i64);
                    zone.daylight = s.offset != d.offset;
                }
                (None, None) => {}
            }
        }
        zone
    }

    /// Local time at `t`.
    pub fn at(&self, t: i64) -> Local {
        let from_rule = |r: &Rule| {
            let (offset, dst) = r.at(t);
            Local { offset, dst, name: self.rule_names[dst as usize] }
        };
        match &self.source {
            Source::Utc => Local { offset: 0, dst: false, name: UTC.as_ptr() },
            Source::Rule(r) => from_rule(r),
            Source::File(f) => match (f.at(t), &f.rule) {
                (Some(ty), _) => Local { offset: ty.offset, dst: ty.dst, name: f.name(&ty).as_ptr().cast() },
                (None, Some(r)) => from_rule(r),
                (None, None) => Local { offset: 0, dst: false, name: UTC.as_ptr() },
            },
        }
    }

    /// The broken-down local time of `t`; `EOVERFLOW` when its year does not fit an `int`.
    pub fn localtime(&self, t: i64) -> Result<(Fields, Local), Errno> {
        let local = self.at(t);
        let shifted = t.checked_add(local.offset as i64).ok_or(Errno::OVERFLOW)?;
        Ok((civil::breakdown(shifted)?, local))
    }

    /// `mktime`: the instant of the local time `f` (fields in any range) with the DST hint
    /// `isdst` (negative: unknown), and its normalised fields.
    ///
    /// glibc's method, so that gaps, overlaps and contradicting hints resolve the same way:
    /// start from the offset of the previous result (which is why an ambiguous time can
    /// resolve differently after different earlier calls), correct by the error until the
    /// local time matches; in a spring-forward gap the guesses oscillate between two
    /// instants, and the one whose DST flag differs from the hint is taken (with no hint, the
    /// daylight one). A matching instant whose DST flag contradicts the hint is replaced by
    /// the reading with the offset of the nearest time that has the hinted flag.
    pub fn mktime(&self, f: &Fields, isdst: i32) -> Result<(i64, Fields, Local), Errno> {
        let wall = civil::seconds(f);
        // Relaxed: only a first guess; any value gives the same answer for unambiguous times.
        let mut t = wall.saturating_add(LAST_OFFSET.load(Ordering::Relaxed));
        let (mut t1, mut t2, mut dst2) = (t, t, false);
        let mut probes = 6;
        let local = loop {
            let l = self.at(t);
            let dt = wall - t.saturating_add(l.offset as i64);
            if dt == 0 {
                if isdst >= 0 && l.dst != (isdst > 0) {
                    t = self.with_dst(t, wall, isdst > 0);
                }
                break self.at(t);
            }
            let prefer = if isdst < 0 { !dst2 || l.dst } else { (isdst > 0) != l.dst };
            if t == t1 && t != t2 && prefer {
                break l;
            }
            probes -= 1;
            if probes == 0 {
                return Err(Errno::OVERFLOW);
            }
            (t1, t2, dst2) = (t2, t, l.dst);
            t = t.saturating_add(dt);
        };
        // Relaxed: see above.
        LAST_OFFSET.store(t - wall, Ordering::Relaxed);
        let shifted = t.checked_add(local.offset as i64).ok_or(Errno::OVERFLOW)?;
        Ok((t, civil::breakdown(shifted)?, local))
    }

    /// The instant of `wall` read with the offset of a nearby time whose DST flag is `dst`
    /// (probed weekly, nearest first, up to eight and a half years away), or one hour off `t`
    /// when there is none (what glibc 2.36 does).
    fn with_dst(&self, t: i64, wall: i64, dst: bool) -> i64 {
        const STRIDE: i64 = 601_200;
        const BOUND: i64 = 536_454_000 / 2 + STRIDE;
        let mut delta = STRIDE;
        while delta < BOUND {
            for probe in [t - delta, t + delta] {
                let l = self.at(probe);
                if l.dst == dst {
                    return wall - l.offset as i64;
                }
            }
            delta += STRIDE;
        }
        if dst { t - 3600 } else { t + 3600 }
    }
}

/// `mktime`'s first guess: the instant minus the local reading of its previous result.
static LAST_OFFSET: AtomicI64 = AtomicI64::new(0);

/// The process's zone, and the `TZ` value it was loaded for.
struct State {
    lock: RawLock,
    inner: UnsafeCell<Inner>,
}

struct Inner {
    zone: Option<Zone>,
    /// The `TZ` value the zone is for: unset, or a copy of the string.
    tz: Option<(*mut u8, usize)>,
    names: Names,
}

// SAFETY: `inner` is only touched with `lock` held.
unsafe impl Sync for State {}

static STATE: State = State {
    lock: RawLock::new(),
    inner: UnsafeCell::new(Inner {
        zone: None,
        tz: None,
        names: Names { kept: [core::ptr::null(); 32], count: 0 },
    }),
};

/// The current value of `TZ`.
fn tz_value() -> Option<&'static [u8]> {
    let p = crate::env::getenv(b"TZ");
    // SAFETY: environment values are NUL-terminated; the program keeps its environment alive.
    (!p.is_null()).then(|| unsafe { CStr::from_ptr(p) }.to_bytes())
}

/// Runs `f` with the current zone, loading it first if `TZ` changed (what `tzset` does).
pub fn with<R>(f: impl FnOnce(&Zone) -> R) -> R {
    STATE.lock.with(|| {
        // SAFETY: the lock is held.
        let inner = unsafe { &mut *STATE.inner.get() };
        let tz = tz_value();
        let same = match (inner.tz, tz) {
            (None, None) => true,
            (Some((p, len)), Some(v)) => {
                // SAFETY: the kept copy is our live block of `len` bytes.
                let kept = unsafe { core::slice::from_raw_parts(p, len) };
                kept == v
            }
            _ => false,
        };
        if inner.zone.is_none() || !same {
            if let Some((p, _)) = inner.tz.take() {
                // SAFETY: our block, no longer referenced.
                unsafe { crate::alloc::deallocate(p) };
            }
            inner.tz = tz.and_then(|v| {
                let p = crate::alloc::allocate(v.len());
                // SAFETY: `p` has room for `v`.
                (!p.is_null()).then(|| unsafe {
                    core::ptr::copy_nonoverlapping(v.as_ptr(), p, v.len());
                    (p, v.len())
                })
            });
            inner.zone = Some(Zone::load(tz, &mut inner.names));
        }
        match &inner.zone {
            Some(z) => f(z),
            None => f(&Zone::load(Some(b""), &mut inner.names)),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn zone(tz: &[u8]) -> Zone {
        let mut names = Names { kept: [core::ptr::null(); 32], count: 0 };
        Zone::load(Some(tz), &mut names)
    }

    fn name(l: &Local) -> &'static [u8] {
        // SAFETY: zone names are NUL-terminated and never freed.
        unsafe { CStr::from_ptr(l.name) }.to_bytes()
    }

    #[test]
    fn rule_and_file_agree() {
        let rule = zone(b"CET-1CEST,M3.5.0,M10.5.0/3");
        for t in [0, 1_711_846_799, 1_711_846_800, 1_729_990_800, 1_700_000_000, 4_102_444_800] {
            let l = rule.at(t);
            assert_eq!((l.offset, l.dst), if (1_711_846_800..1_729_990_800).contains(&t) { (7200, true) } else { (3600, false) });
        }
        if std::fs::metadata("/usr/share/zoneinfo/Europe/Berlin").is_err() {
            return;
        }
        let file = zone(b"Europe/Berlin");
        for t in (1_600_000_000..4_200_000_000i64).step_by(86_400 * 7 + 3_601) {
            let (a, b) = (rule.at(t), file.at(t));
            assert_eq!((a.offset, a.dst, name(&a)), (b.offset, b.dst, name(&b)), "t = {t}");
        }
        assert_eq!((file.timezone, file.daylight), (-3600, true));
    }

    #[test]
    fn utc_and_fallbacks() {
        for tz in [&b""[..], b":", b"not a zone", b"Nowhere/Nothing"] {
            let z = zone(tz);
            assert_eq!(z.at(123).offset, 0);
            assert_eq!(name(&z.at(123)), b"UTC");
        }
        let est = zone(b"EST5");
        assert_eq!((est.at(0).offset, est.timezone, est.daylight), (-18000, 18000, false));
    }

    #[test]
    fn mktime_gaps_overlaps_and_hints() {
        let z = zone(b"CET-1CEST,M3.5.0,M10.5.0/3");
        let f = |mon, mday, hour, min| Fields { year: 124, mon, mday, hour, min, ..Fields::default() };
        // As glibc: the gap at 02:30 on 2024-03-31 reads as standard time unless told DST.
        assert_eq!(z.mktime(&f(2, 31, 2, 30), -1).unwrap().0, 1_711_848_600);
        assert_eq!(z.mktime(&f(2, 31, 2, 30), 0).unwrap().0, 1_711_848_600);
        assert_eq!(z.mktime(&f(2, 31, 2, 30), 1).unwrap().0, 1_711_845_000);
        // The overlap at 02:30 on 2024-10-27: with a hint, the reading it names.
        assert_eq!(z.mktime(&f(9, 27, 2, 30), 0).unwrap().0, 1_729_992_600);
        assert_eq!(z.mktime(&f(9, 27, 2, 30), 1).unwrap().0, 1_729_989_000);
        // A hint that contradicts the season shifts by the DST difference.
        let (t, fields, local) = z.mktime(&f(6, 15, 12, 0), 0).unwrap();
        assert_eq!((t, fields.hour, local.dst), (1_721_041_200, 13, true));
        assert_eq!(zone(b"UTC0").mktime(&f(6, 15, 12, 0), 1).unwrap().0, 1_721_041_200);
    }
}
