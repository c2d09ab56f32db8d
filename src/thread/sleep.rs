//! Sleeping for a while (`thrd_sleep`), on `CLOCK_REALTIME` as glibc does.

use rustix::thread::{ClockId, NanosleepRelativeResult};
use rustix::time::Timespec;

/// Sleeps for `sec` seconds and `nsec` nanoseconds. `Err(Some(left))` when a signal cut it
/// short, `Err(None)` for a malformed time.
pub fn sleep(sec: i64, nsec: i64) -> Result<(), Option<(i64, i64)>> {
    match rustix::thread::clock_nanosleep_relative(ClockId::Realtime, &Timespec { tv_sec: sec, tv_nsec: nsec }) {
        NanosleepRelativeResult::Ok => Ok(()),
        NanosleepRelativeResult::Interrupted(left) => Err(Some((left.tv_sec, left.tv_nsec))),
        NanosleepRelativeResult::Err(_) => Err(None),
    }
}
