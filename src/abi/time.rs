//! `<time.h>`, `<sys/time.h>`: clocks, sleeping, calendar time, zones and formatting.

use crate::thread::tcb::set_errno;
use crate::time::{self, Tm, civil::Fields, clock, zone};
use core::cell::UnsafeCell;
use core::ffi::{CStr, c_char, c_int, c_long, c_uint, c_void};
use libc::{time_t, timespec, timeval, tm};
use rustix::io::Errno;

/// [`clock_gettime`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/clock_gettime.html),
/// through the vDSO where the kernel offers it.
///
/// # Safety
/// `ts` must be null or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn clock_gettime(id: c_int, ts: *mut timespec) -> c_int {
    let Some(clock) = clock::clock(id) else {
        set_errno(libc::EINVAL);
        return -1;
    };
    if ts.is_null() {
        set_errno(libc::EFAULT);
        return -1;
    }
    let now = rustix::time::clock_gettime(clock);
    // SAFETY: non-null and writable per the contract.
    unsafe { ts.write(timespec { tv_sec: now.tv_sec, tv_nsec: now.tv_nsec }) };
    0
}

/// [`gettimeofday`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/gettimeofday.html),
/// through the vDSO. As glibc since 2.31, a non-null `tz` is filled with zeros.
///
/// # Safety
/// `tv` and `tz` must each be null or writable (`tz` as a `struct timezone`).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gettimeofday(tv: *mut timeval, tz: *mut c_void) -> c_int {
    if !tv.is_null() {
        let (sec, usec) = clock::time_of_day();
        // SAFETY: writable per the contract.
        unsafe { tv.write(timeval { tv_sec: sec, tv_usec: usec }) };
    }
    if !tz.is_null() {
        // SAFETY: writable per the contract: two ints.
        unsafe { tz.cast::<[c_int; 2]>().write([0, 0]) };
    }
    0
}

/// [`clock_getres`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/clock_getres.html)
///
/// # Safety
/// `res` must be null or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn clock_getres(id: c_int, res: *mut timespec) -> c_int {
    match clock::resolution(id) {
        Ok(r) => {
            if !res.is_null() {
                // SAFETY: writable per the contract.
                unsafe { res.write(timespec { tv_sec: r.tv_sec, tv_nsec: r.tv_nsec }) };
            }
            0
        }
        Err(e) => {
            set_errno(e.raw_os_error());
            -1
        }
    }
}

/// [`time`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/time.html)
///
/// # Safety
/// `out` must be null or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn time(out: *mut time_t) -> time_t {
    let now = clock::now();
    if !out.is_null() {
        // SAFETY: writable per the contract.
        unsafe { out.write(now) };
    }
    now
}

/// [`clock`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/clock.html): the
/// processor time used, in units of `CLOCKS_PER_SEC` (1 000 000).
#[unsafe(no_mangle)]
pub extern "C" fn clock() -> libc::clock_t {
    clock::process_micros()
}

/// [`timespec_get`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/timespec_get.html)
/// (C11): the calendar time for `TIME_UTC`, returning `base`; 0 for any other base.
///
/// # Safety
/// `ts` must be writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn timespec_get(ts: *mut timespec, base: c_int) -> c_int {
    /// `<time.h>`'s `TIME_UTC`.
    const TIME_UTC: c_int = 1;
    if base != TIME_UTC || ts.is_null() {
        return 0;
    }
    let now = rustix::time::clock_gettime(rustix::time::ClockId::Realtime);
    // SAFETY: writable per the contract.
    unsafe { ts.write(timespec { tv_sec: now.tv_sec, tv_nsec: now.tv_nsec }) };
    base
}

/// Reads a C `timespec`; `EFAULT` for null.
///
/// # Safety
/// `ts` must be null or readable.
unsafe fn read_timespec(ts: *const timespec) -> Result<rustix::time::Timespec, Errno> {
    if ts.is_null() {
        return Err(Errno::FAULT);
    }
    // SAFETY: readable per the contract.
    let t = unsafe { ts.read() };
    Ok(rustix::time::Timespec { tv_sec: t.tv_sec, tv_nsec: t.tv_nsec })
}

/// Stores the time left of an interrupted sleep where the caller asked for it.
///
/// # Safety
/// `rem` must be null or writable.
unsafe fn store_left(rem: *mut timespec, left: Option<rustix::time::Timespec>) {
    if let (false, Some(left)) = (rem.is_null(), left) {
        // SAFETY: writable per the contract.
        unsafe { rem.write(timespec { tv_sec: left.tv_sec, tv_nsec: left.tv_nsec }) };
    }
}

/// [`nanosleep`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/nanosleep.html):
/// `EINVAL` for a negative or malformed request, `EINTR` (time left in `rem`) when a signal
/// handler ran.
///
/// # Safety
/// `req` must be null or readable, `rem` null or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn nanosleep(req: *const timespec, rem: *mut timespec) -> c_int {
    // SAFETY: per the contract.
    let result = unsafe { read_timespec(req) }.map_err(|e| (e, None)).and_then(|r| clock::sleep_for(&r));
    match result {
        Ok(()) => 0,
        Err((e, left)) => {
            // SAFETY: per the contract.
            unsafe { store_left(rem, left) };
            set_errno(e.raw_os_error());
            -1
        }
    }
}

/// [`clock_nanosleep`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/clock_nanosleep.html):
/// returns the error number (`EINVAL`, `EINTR` with the time left in `rem` for relative
/// sleeps, ...), 0 on success.
///
/// # Safety
/// `req` must be null or readable, `rem` null or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn clock_nanosleep(id: c_int, flags: c_int, req: *const timespec, rem: *mut timespec) -> c_int {
    let absolute = flags & libc::TIMER_ABSTIME != 0;
    // SAFETY: per the contract.
    let result = unsafe { read_timespec(req) }.map_err(|e| (e, None)).and_then(|r| clock::clock_sleep(id, absolute, &r));
    match result {
        Ok(()) => 0,
        Err((e, left)) => {
            // SAFETY: per the contract.
            unsafe { store_left(rem, left) };
            e.raw_os_error()
        }
    }
}

/// [`sleep`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/sleep.html): 0, or
/// the whole seconds not slept when a signal handler ran.
#[unsafe(no_mangle)]
pub extern "C" fn sleep(seconds: c_uint) -> c_uint {
    let request = rustix::time::Timespec { tv_sec: seconds as i64, tv_nsec: 0 };
    match clock::sleep_for(&request) {
        Err((_, Some(left))) => left.tv_sec as c_uint,
        _ => 0,
    }
}

/// `usleep(usec)` (XSI, removed in POSIX.1-2008): -1 with `EINTR` when a signal handler ran.
#[unsafe(no_mangle)]
pub extern "C" fn usleep(usec: c_uint) -> c_int {
    let request = rustix::time::Timespec { tv_sec: (usec / 1_000_000) as i64, tv_nsec: (usec % 1_000_000) as i64 * 1000 };
    match clock::sleep_for(&request) {
        Ok(()) => 0,
        Err((e, _)) => {
            set_errno(e.raw_os_error());
            -1
        }
    }
}

/// [`difftime`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/difftime.html)
#[unsafe(no_mangle)]
pub extern "C" fn difftime(end: time_t, start: time_t) -> f64 {
    (end as i128 - start as i128) as f64
}

/// A C `struct tm` in the library's terms.
///
/// # Safety
/// `t` must be readable.
unsafe fn from_c(t: *const tm) -> Tm {
    // SAFETY: readable per the contract.
    let t = unsafe { &*t };
    Tm {
        f: Fields {
            sec: t.tm_sec,
            min: t.tm_min,
            hour: t.tm_hour,
            mday: t.tm_mday,
            mon: t.tm_mon,
            year: t.tm_year,
            wday: t.tm_wday,
            yday: t.tm_yday,
        },
        isdst: t.tm_isdst,
        gmtoff: t.tm_gmtoff,
        zone: t.tm_zone,
    }
}

/// Writes `v` into the C `struct tm` at `out`, and returns `out`.
///
/// # Safety
/// `out` must be writable.
unsafe fn to_c(v: &Tm, out: *mut tm) -> *mut tm {
    let f = &v.f;
    let value = tm {
        tm_sec: f.sec,
        tm_min: f.min,
        tm_hour: f.hour,
        tm_mday: f.mday,
        tm_mon: f.mon,
        tm_year: f.year,
        tm_wday: f.wday,
        tm_yday: f.yday,
        tm_isdst: v.isdst,
        tm_gmtoff: v.gmtoff,
        tm_zone: v.zone,
    };
    // SAFETY: writable per the contract.
    unsafe { out.write(value) };
    out
}

/// A static result buffer of the non-reentrant functions (`gmtime`, `asctime`, ...), which C
/// lets any call overwrite.
struct Shared<T>(UnsafeCell<T>);

// SAFETY: the C functions that use these buffers are not thread-safe by specification; the
// program must not call them from two threads at once.
unsafe impl<T> Sync for Shared<T> {}

/// The `struct tm` that `gmtime` and `localtime` return (one, as in glibc).
static TM: Shared<tm> = Shared(UnsafeCell::new(tm {
    tm_sec: 0,
    tm_min: 0,
    tm_hour: 0,
    tm_mday: 0,
    tm_mon: 0,
    tm_year: 0,
    tm_wday: 0,
    tm_yday: 0,
    tm_isdst: 0,
    tm_gmtoff: 0,
    tm_zone: core::ptr::null(),
}));

/// The text `asctime` and `ctime` return.
static ASCTIME: Shared<[u8; 26]> = Shared(UnsafeCell::new([0; 26]));

/// Converts `*t` with `convert` into `out`; null with `errno` set on failure.
///
/// # Safety
/// `t` must be null or readable, `out` writable.
unsafe fn convert_into(t: *const time_t, out: *mut tm, convert: fn(i64) -> Result<Tm, Errno>) -> *mut tm {
    if t.is_null() {
        set_errno(libc::EFAULT);
        return core::ptr::null_mut();
    }
    // SAFETY: readable per the contract.
    match convert(unsafe { t.read() }) {
        // SAFETY: writable per the contract.
        Ok(v) => unsafe { to_c(&v, out) },
        Err(e) => {
            set_errno(e.raw_os_error());
            core::ptr::null_mut()
        }
    }
}

/// [`gmtime_r`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/gmtime_r.html):
/// `EOVERFLOW` when the year does not fit an `int`.
///
/// # Safety
/// `t` must be readable, `out` writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gmtime_r(t: *const time_t, out: *mut tm) -> *mut tm {
    // SAFETY: per the contract.
    unsafe { convert_into(t, out, time::gmtime) }
}

/// [`gmtime`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/gmtime.html)
///
/// # Safety
/// `t` must be readable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gmtime(t: *const time_t) -> *mut tm {
    // SAFETY: the shared buffer is writable; see `Shared`.
    unsafe { convert_into(t, TM.0.get(), time::gmtime) }
}

/// [`localtime_r`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/localtime_r.html)
///
/// # Safety
/// `t` must be readable, `out` writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn localtime_r(t: *const time_t, out: *mut tm) -> *mut tm {
    publish_zone();
    // SAFETY: per the contract.
    unsafe { convert_into(t, out, time::localtime) }
}

/// [`localtime`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/localtime.html)
///
/// # Safety
/// `t` must be readable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn localtime(t: *const time_t) -> *mut tm {
    publish_zone();
    // SAFETY: the shared buffer is writable; see `Shared`.
    unsafe { convert_into(t, TM.0.get(), time::localtime) }
}

/// Normalises `*t` with `convert` and returns the instant; -1 with `EOVERFLOW` when the
/// result does not fit.
///
/// # Safety
/// `t` must be readable and writable.
unsafe fn normalise(t: *mut tm, convert: fn(&Tm) -> Result<(i64, Tm), Errno>) -> time_t {
    if t.is_null() {
        set_errno(libc::EFAULT);
        return -1;
    }
    // SAFETY: readable per the contract.
    match convert(&unsafe { from_c(t) }) {
        Ok((seconds, v)) => {
            // SAFETY: writable per the contract.
            unsafe { to_c(&v, t) };
            seconds
        }
        Err(e) => {
            set_errno(e.raw_os_error());
            -1
        }
    }
}

/// [`mktime`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/mktime.html):
/// fields out of range are folded in; a `tm_isdst` that contradicts the zone is honoured as
/// glibc does.
///
/// # Safety
/// `t` must be readable and writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mktime(t: *mut tm) -> time_t {
    publish_zone();
    // SAFETY: per the contract.
    unsafe { normalise(t, time::mktime) }
}

/// `timegm(tm)` (GNU, BSD; POSIX.1-2024): `mktime` for UTC.
///
/// # Safety
/// `t` must be readable and writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn timegm(t: *mut tm) -> time_t {
    // SAFETY: per the contract.
    unsafe { normalise(t, time::timegm) }
}

/// [`strftime`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/strftime.html)
/// in the C locale: the length written, or 0 when the result and its NUL do not fit.
///
/// # Safety
/// `buf` must be writable for `max` bytes, `fmt` a NUL-terminated string, `t` readable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn strftime(buf: *mut c_char, max: usize, fmt: *const c_char, t: *const tm) -> usize {
    if buf.is_null() || fmt.is_null() || t.is_null() || max == 0 {
        return 0;
    }
    // SAFETY: per the contract.
    let (out, fmt, v) = unsafe {
        (core::slice::from_raw_parts_mut(buf.cast::<u8>(), max), CStr::from_ptr(fmt).to_bytes(), from_c(t))
    };
    time::strftime(out, fmt, &v).unwrap_or(0)
}

/// [`asctime_r`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/asctime_r.html)
/// (obsolescent): `EOVERFLOW` when the text would not fit 26 bytes.
///
/// # Safety
/// `t` must be readable, `buf` writable for 26 bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn asctime_r(t: *const tm, buf: *mut c_char) -> *mut c_char {
    if t.is_null() || buf.is_null() {
        set_errno(libc::EINVAL);
        return core::ptr::null_mut();
    }
    // SAFETY: per the contract.
    let (v, out) = unsafe { (from_c(t), &mut *buf.cast::<[u8; 26]>()) };
    if time::format::asctime(out, &v) {
        buf
    } else {
        set_errno(libc::EOVERFLOW);
        core::ptr::null_mut()
    }
}

/// [`asctime`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/asctime.html)
///
/// # Safety
/// `t` must be readable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn asctime(t: *const tm) -> *mut c_char {
    // SAFETY: the shared buffer has 26 bytes; see `Shared`.
    unsafe { asctime_r(t, ASCTIME.0.get().cast()) }
}

/// [`ctime_r`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/ctime_r.html)
/// (obsolescent): `asctime_r(localtime_r(t))`.
///
/// # Safety
/// `t` must be readable, `buf` writable for 26 bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn ctime_r(t: *const time_t, buf: *mut c_char) -> *mut c_char {
    let mut local = core::mem::MaybeUninit::<tm>::uninit();
    // SAFETY: per the contract; `local` is written before it is read.
    unsafe {
        if localtime_r(t, local.as_mut_ptr()).is_null() {
            return core::ptr::null_mut();
        }
        asctime_r(local.as_ptr(), buf)
    }
}

/// [`ctime`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/ctime.html)
///
/// # Safety
/// `t` must be readable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn ctime(t: *const time_t) -> *mut c_char {
    // SAFETY: the shared buffer has 26 bytes; see `Shared`.
    unsafe { ctime_r(t, ASCTIME.0.get().cast()) }
}

/// [`tzset`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/tzset.html): reads
/// `TZ` and sets `tzname`, `timezone` and `daylight`.
#[unsafe(no_mangle)]
pub extern "C" fn tzset() {
    publish_zone();
}

/// [`tzname`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/tzset.html): the
/// standard and daylight abbreviations of the zone (`GMT` until the zone is first used).
#[unsafe(no_mangle)]
#[allow(non_upper_case_globals, reason = "the C name")]
pub static mut tzname: [*mut c_char; 2] = [c"GMT".as_ptr().cast_mut(); 2];

/// [`timezone`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/tzset.html):
/// seconds west of UTC of the zone's standard time.
#[unsafe(no_mangle)]
#[allow(non_upper_case_globals, reason = "the C name")]
pub static mut timezone: c_long = 0;

/// [`daylight`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/tzset.html):
/// nonzero when the zone has daylight-saving time.
#[unsafe(no_mangle)]
#[allow(non_upper_case_globals, reason = "the C name")]
pub static mut daylight: c_int = 0;

/// `__tzname`: glibc's name for `tzname`, which `<time.h>` declares too (kept equal).
#[unsafe(no_mangle)]
#[allow(non_upper_case_globals, reason = "the C name")]
pub static mut __tzname: [*mut c_char; 2] = [c"GMT".as_ptr().cast_mut(); 2];

/// `__timezone`: glibc's name for `timezone` (kept equal).
#[unsafe(no_mangle)]
#[allow(non_upper_case_globals, reason = "the C name")]
pub static mut __timezone: c_long = 0;

/// `__daylight`: glibc's name for `daylight` (kept equal).
#[unsafe(no_mangle)]
#[allow(non_upper_case_globals, reason = "the C name")]
pub static mut __daylight: c_int = 0;

/// Loads the zone if `TZ` changed and sets the C variables from it.
fn publish_zone() {
    let (names, zone_west, has_dst) = zone::with(|z| (z.tzname, z.timezone, z.daylight));
    // SAFETY: the variables are C's; like glibc we write them without a lock (programs read
    // them without one, and the values written for the same `TZ` are the same).
    unsafe {
        tzname = [names[0].cast_mut(), names[1].cast_mut()];
        timezone = zone_west as c_long;
        daylight = has_dst as c_int;
        __tzname = tzname;
        __timezone = timezone;
        __daylight = daylight;
    }
}
