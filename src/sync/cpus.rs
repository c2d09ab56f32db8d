//! Whether spinning can pay: a thread that spins waiting for another only gains if the other
//! can run at the same time, on another CPU. With a single CPU allowed (`taskset -c 0`, a
//! one-CPU container) spinning only delays the thread it waits for, so locks go straight to
//! the futex instead.

use core::sync::atomic::AtomicU8;
use core::sync::atomic::Ordering::Relaxed;

const UNKNOWN: u8 = 0;
const ONE: u8 = 1;
const SEVERAL: u8 = 2;

/// The answer, worked out on first use from the process's CPU affinity.
static CPUS: AtomicU8 = AtomicU8::new(UNKNOWN);

/// Whether the calling thread may run on more than one CPU, as seen the first time anyone
/// asked (a later `sched_setaffinity` is not noticed; the cost is only a less apt spin).
#[inline]
pub fn several() -> bool {
    // Relaxed: a cached fact; racing first callers compute the same answer.
    match CPUS.load(Relaxed) {
        UNKNOWN => probe(),
        cpus => cpus == SEVERAL,
    }
}

#[cold]
fn probe() -> bool {
    let several = rustix::thread::sched_getaffinity(None).map_or(true, |set| set.count() > 1);
    CPUS.store(if several { SEVERAL } else { ONE }, Relaxed);
    several
}

/// `spins` when spinning can pay, else none.
#[inline]
pub fn spins(spins: u32) -> u32 {
    if several() { spins } else { 0 }
}
