//! The shared check of the lock unit tests: four threads take a lock 50,000 times each and
//! increment a counter under it; no increment may be lost.

use core::cell::UnsafeCell;

struct Counter(UnsafeCell<u64>);
// SAFETY: the counter is only touched with the lock held.
unsafe impl Sync for Counter {}

/// Runs the contention loop with `lock`/`unlock` around each increment and asserts the total.
pub fn no_lost_increments(lock: fn(), unlock: fn()) {
    static COUNT: Counter = Counter(UnsafeCell::new(0));
    // SAFETY: no thread runs yet.
    unsafe { *COUNT.0.get() = 0 };
    let threads: std::vec::Vec<_> = (0..4)
        .map(|_| {
            std::thread::spawn(move || {
                for _ in 0..50_000 {
                    lock();
                    // SAFETY: the lock is held.
                    unsafe { *COUNT.0.get() += 1 };
                    unlock();
                }
            })
        })
        .collect();
    for t in threads {
        t.join().unwrap();
    }
    // SAFETY: every writer has been joined.
    assert_eq!(unsafe { *COUNT.0.get() }, 200_000);
}
