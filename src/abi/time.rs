//! `<time.h>`: the clocks.

use core::ffi::c_int;
use rustix::time::ClockId;

/// The clock a C `clockid_t` names, for the clocks the kernel numbers statically.
fn clock(id: c_int) -> Option<ClockId> {
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

/// [`clock_gettime`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/clock_gettime.html),
/// through the vDSO where the kernel offers it.
///
/// # Safety
/// `ts` must be null or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn clock_gettime(id: c_int, ts: *mut libc::timespec) -> c_int {
    let Some(clock) = clock(id) else {
        crate::thread::tcb::set_errno(libc::EINVAL);
        return -1;
    };
    if ts.is_null() {
        crate::thread::tcb::set_errno(libc::EFAULT);
        return -1;
    }
    let now = rustix::time::clock_gettime(clock);
    // SAFETY: non-null and writable per the contract.
    unsafe { ts.write(libc::timespec { tv_sec: now.tv_sec, tv_nsec: now.tv_nsec }) };
    0
}
