//! Clocks and sleeping beyond `clock_gettime`: `gettimeofday`, `clock_getres`, `time`,
//! `nanosleep`, `clock_nanosleep`, `sleep`, `usleep`.

use rustix::io::Errno;
use rustix::time::{ClockId, Timespec};

/// The clock a C `clockid_t` names, for the clocks the kernel numbers statically.
pub fn clock(id: i32) -> Option<ClockId> {
    Some(match id {
        libc::CLOCK_REALTIME => ClockId::Realtime,
        libc::CLOCK_MONOTONIC => ClockId::Monotonic,
        libc::CLOCK_PROCESS_CPUTIME_ID => ClockId::ProcessCPUTime,
        libc::CLOCK_THREAD_CPUTIME_ID => ClockId::ThreadCPUTime,
        libc::CLOCK_MONOTONIC_RAW => ClockId::MonotonicRaw,
        libc::CLOCK_REALTIME_COARSE => ClockId::RealtimeCoarse,
        libc::CLOCK_MONOTONIC_COARSE => ClockId::MonotonicCoarse,
        libc::CLOCK_BOOTTIME => ClockId::Boottime,
        _ => return None,
    })
}

/// The time of day: seconds and microseconds since the epoch (through the vDSO).
pub fn time_of_day() -> (i64, i64) {
    let now = rustix::time::clock_gettime(ClockId::Realtime);
    (now.tv_sec, now.tv_nsec / 1000)
}

/// The processor time the process has used, in microseconds (`clock`'s `CLOCKS_PER_SEC`).
pub fn process_micros() -> i64 {
    let t = rustix::time::clock_gettime(ClockId::ProcessCPUTime);
    t.tv_sec * 1_000_000 + t.tv_nsec / 1000
}

/// Seconds since the epoch.
pub fn now() -> i64 {
    rustix::time::clock_gettime(ClockId::Realtime).tv_sec
}

/// The resolution of clock `id`; `EINVAL` for an unknown clock.
pub fn resolution(id: i32) -> Result<Timespec, Errno> {
    clock(id).map(rustix::time::clock_getres).ok_or(Errno::INVAL)
}

/// Checks a requested duration or deadline the way the kernel will.
fn valid(t: &Timespec) -> Result<(), Errno> {
    if t.tv_sec < 0 || !(0..1_000_000_000).contains(&t.tv_nsec) { Err(Errno::INVAL) } else { Ok(()) }
}

/// Sleeps for `request`; `EINTR` with the time left when a signal handler ran.
pub fn sleep_for(request: &Timespec) -> Result<(), (Errno, Option<Timespec>)> {
    valid(request).map_err(|e| (e, None))?;
    nap(libc::CLOCK_REALTIME, 0, request)
}

/// `clock_nanosleep(id, flags, request)`: sleeps for `request` on clock `id`, or until it
/// reads `request` with `TIMER_ABSTIME`. Errors as the function returns them; the time left
/// comes with `EINTR` for relative sleeps.
pub fn clock_sleep(id: i32, absolute: bool, request: &Timespec) -> Result<(), (Errno, Option<Timespec>)> {
    // The CPU-time clock of the calling thread cannot be slept on (glibc and the kernel:
    // EINVAL); other unknown clocks neither.
    clock(id).filter(|c| *c != ClockId::ThreadCPUTime).ok_or((Errno::INVAL, None))?;
    if !(0..1_000_000_000).contains(&request.tv_nsec) || (!absolute && request.tv_sec < 0) {
        return Err((Errno::INVAL, None));
    }
    nap(id, if absolute { libc::TIMER_ABSTIME as usize } else { 0 }, request)
}

/// One `clock_nanosleep` system call, a cancellation point (`thread::cancel::syscall`).
fn nap(id: i32, flags: usize, request: &Timespec) -> Result<(), (Errno, Option<Timespec>)> {
    let mut left = Timespec { tv_sec: 0, tv_nsec: 0 };
    let args = [id as usize, flags, core::ptr::from_ref(request) as usize, (&raw mut left) as usize, 0, 0];
    // SAFETY: rustix's `Timespec` is the kernel's; `request` is read and `left` written.
    match unsafe { crate::thread::cancel::syscall(libc::SYS_clock_nanosleep, args) } {
        Ok(_) => Ok(()),
        Err(Errno::INTR) if flags == 0 => Err((Errno::INTR, Some(left))),
        Err(e) => Err((e, None)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sleeps_and_errors() {
        let short = Timespec { tv_sec: 0, tv_nsec: 1_000_000 };
        assert_eq!(sleep_for(&short), Ok(()));
        assert_eq!(sleep_for(&Timespec { tv_sec: -1, tv_nsec: 0 }), Err((Errno::INVAL, None)));
        assert_eq!(sleep_for(&Timespec { tv_sec: 0, tv_nsec: 1_000_000_000 }), Err((Errno::INVAL, None)));
        assert_eq!(clock_sleep(libc::CLOCK_MONOTONIC, false, &short), Ok(()));
        assert_eq!(clock_sleep(libc::CLOCK_THREAD_CPUTIME_ID, false, &short), Err((Errno::INVAL, None)));
        assert_eq!(clock_sleep(12345, false, &short), Err((Errno::INVAL, None)));
        // An absolute deadline in the past returns at once.
        assert_eq!(clock_sleep(libc::CLOCK_MONOTONIC, true, &short), Ok(()));
        assert!(resolution(libc::CLOCK_MONOTONIC).is_ok());
        assert_eq!(resolution(-1000).err(), Some(Errno::INVAL));
        assert!(now() > 1_700_000_000);
    }
}
