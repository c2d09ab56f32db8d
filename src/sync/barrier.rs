//! `pthread_barrier_*`: a barrier for a fixed number of threads, in glibc's 32-byte
//! `pthread_barrier_t`.
//!
//! # Words
//! - `arrived` (64 bits): every arrival since `init`, never reset, so the arrival number `n`
//!   alone says which round a thread belongs to (`(n - 1) / count`) and whether it completes
//!   it (`n % count == 0`). 64 bits do not wrap in practice.
//! - `round`: the futex word, the number of completed rounds (mod 2^32). The thread that
//!   completes round `r` raises it to `r + 1`; the others sleep until it has passed `r`.
//!   Completions of consecutive rounds may race, so raising is a wrap-aware maximum.
//! - `inside`: threads between arriving and leaving, plus [`DESTROYING`] once `destroy`
//!   waits for them to leave (it may be called as soon as one thread has returned).
//!
//! # Orderings
//! Arrival is an AcqRel `fetch_add`: the completing thread's Acquire reads the release
//! sequence of every earlier arrival, so it sees what each thread wrote before the barrier;
//! its Release raise of `round` is read with Acquire by each sleeper, passing all of it on.
//! Every thread's last access is a Release decrement of `inside`, which `destroy` reads with
//! Acquire.

use super::futex::{self, Scope};
use core::sync::atomic::Ordering::{AcqRel, Acquire, Relaxed, Release};
use core::sync::atomic::{AtomicU32, AtomicU64};
use rustix::io::Errno;

/// `inside` bit: `destroy` waits for the count to reach zero.
const DESTROYING: u32 = 1 << 31;
/// glibc's limit: counts from `u32::MAX / 2` up are `EINVAL`.
const MAX_COUNT: u32 = u32::MAX / 2 - 1;

/// What `wait` returns to one thread of each round (`PTHREAD_BARRIER_SERIAL_THREAD`) and to
/// the others.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Role {
    Serial,
    Other,
}

/// A barrier; see the module documentation.
#[repr(C)]
pub struct Barrier {
    arrived: AtomicU64,
    round: AtomicU32,
    count: AtomicU32,
    inside: AtomicU32,
    shared: AtomicU32,
    reserved: AtomicU64,
}

const _: () = {
    assert!(size_of::<Barrier>() == size_of::<libc::pthread_barrier_t>());
    assert!(align_of::<Barrier>() == align_of::<libc::pthread_barrier_t>());
};

impl Barrier {
    /// `pthread_barrier_init`: `EINVAL` for a count of 0 or above glibc's limit.
    pub fn init(&self, count: u32, shared: bool) -> Result<(), Errno> {
        if count == 0 || count > MAX_COUNT {
            return Err(Errno::INVAL);
        }
        // Relaxed: initialising races with no one; the program publishes the barrier itself.
        self.arrived.store(0, Relaxed);
        self.round.store(0, Relaxed);
        self.count.store(count, Relaxed);
        self.inside.store(0, Relaxed);
        self.shared.store(shared as u32, Relaxed);
        Ok(())
    }

    fn scope(&self) -> Scope {
        // Relaxed: set by `init` before the barrier is in use.
        Scope::from_pshared(self.shared.load(Relaxed) != 0)
    }

    /// `pthread_barrier_wait`: blocks until `count` threads have arrived; exactly one of them
    /// gets [`Role::Serial`].
    pub fn wait(&self) -> Role {
        let scope = self.scope();
        // Relaxed: only counts threads for `destroy`; see `leave`.
        self.inside.fetch_add(1, Relaxed);
        // Relaxed: set by `init`.
        let count = u64::from(self.count.load(Relaxed));
        // AcqRel: see the module documentation.
        let n = self.arrived.fetch_add(1, AcqRel) + 1;
        let my_round = ((n - 1) / count) as u32;
        let role = if n.is_multiple_of(count) {
            self.complete(my_round.wrapping_add(1));
            futex::wake_all(&self.round, scope);
            Role::Serial
        } else {
            loop {
                // Acquire: see the module documentation.
                let round = self.round.load(Acquire);
                if (round.wrapping_sub(my_round) as i32) > 0 {
                    break;
                }
                futex::wait_in(&self.round, round, scope);
            }
            Role::Other
        };
        self.leave(scope);
        role
    }

    /// Raises `round` to `done` unless a later round already completed.
    fn complete(&self, done: u32) {
        // Relaxed: a first guess; the CAS below carries the Release.
        let mut round = self.round.load(Relaxed);
        while (done.wrapping_sub(round) as i32) > 0 {
            // Release: see the module documentation.
            match self.round.compare_exchange_weak(round, done, Release, Relaxed) {
                Ok(_) => return,
                Err(r) => round = r,
            }
        }
    }

    fn leave(&self, scope: Scope) {
        // Release: this thread's accesses happen before `destroy` sees it gone.
        if self.inside.fetch_sub(1, Release) == DESTROYING | 1 {
            futex::wake_in(&self.inside, 1, scope);
        }
    }

    /// `pthread_barrier_destroy`: `EBUSY` while a round is incomplete; otherwise waits for
    /// released threads to leave, so the memory may be reused at once.
    pub fn destroy(&self) -> Result<(), Errno> {
        // Relaxed: destroying a barrier while threads arrive is undefined; this catches a
        // round that still has sleepers.
        let count = u64::from(self.count.load(Relaxed));
        if count == 0 || !self.arrived.load(Relaxed).is_multiple_of(count) {
            return Err(if count == 0 { Errno::INVAL } else { Errno::BUSY });
        }
        let scope = self.scope();
        self.inside.fetch_or(DESTROYING, Relaxed);
        loop {
            // Acquire: see `leave`.
            let inside = self.inside.load(Acquire);
            if inside & !DESTROYING == 0 {
                break;
            }
            futex::wait_in(&self.inside, inside, scope);
        }
        self.inside.store(0, Relaxed);
        self.count.store(0, Relaxed);
        Ok(())
    }
}

/// `pthread_barrierattr_t`: the process-shared flag, in glibc's 4 bytes.
pub type BarrierAttr = super::futex::Pshared;

const _: () = {
    assert!(size_of::<BarrierAttr>() == size_of::<libc::pthread_barrierattr_t>());
    assert!(align_of::<BarrierAttr>() == align_of::<libc::pthread_barrierattr_t>());
};

#[cfg(test)]
mod tests {
    use super::*;
    use core::sync::atomic::AtomicUsize;
    use std::sync::Arc;

    fn new_barrier(count: u32) -> Barrier {
        let b = Barrier {
            arrived: AtomicU64::new(0),
            round: AtomicU32::new(0),
            count: AtomicU32::new(0),
            inside: AtomicU32::new(0),
            shared: AtomicU32::new(0),
            reserved: AtomicU64::new(0),
        };
        b.init(count, false).unwrap();
        b
    }

    /// Every round releases all threads after all arrived, and names one serial thread.
    #[test]
    fn rounds_and_one_serial_thread_each() {
        const THREADS: usize = 4;
        const ROUNDS: usize = 2_000;
        let b = Arc::new(new_barrier(THREADS as u32));
        let serial = Arc::new(AtomicUsize::new(0));
        let phase = Arc::new(AtomicUsize::new(0));
        let handles: std::vec::Vec<_> = (0..THREADS)
            .map(|_| {
                let (b, serial, phase) = (b.clone(), serial.clone(), phase.clone());
                std::thread::spawn(move || {
                    for r in 0..ROUNDS {
                        // Nobody may pass round r before everyone reached it.
                        assert!(phase.fetch_add(1, Relaxed) < (r + 1) * THREADS);
                        if b.wait() == Role::Serial {
                            serial.fetch_add(1, Relaxed);
                        }
                        assert!(phase.load(Relaxed) >= (r + 1) * THREADS);
                    }
                })
            })
            .collect();
        for h in handles {
            h.join().unwrap();
        }
        assert_eq!(serial.load(Relaxed), ROUNDS);
        b.destroy().unwrap();
    }

    #[test]
    fn errors() {
        let b = new_barrier(1);
        assert_eq!(b.init(0, false), Err(Errno::INVAL));
        assert_eq!(b.init(MAX_COUNT + 1, false), Err(Errno::INVAL));
        assert_eq!(b.wait(), Role::Serial);
        b.init(2, false).unwrap();
        std::thread::scope(|s| {
            s.spawn(|| b.wait());
            while b.arrived.load(Relaxed) == 0 {
                std::thread::yield_now();
            }
            assert_eq!(b.destroy(), Err(Errno::BUSY));
            b.wait();
        });
        b.destroy().unwrap();
        assert_eq!(b.destroy(), Err(Errno::INVAL));
    }
}
