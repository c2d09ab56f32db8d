//! The futex primitives every lock is built on: wait while a word holds a value, and wake.
//!
//! Process-private futexes (`FUTEX_PRIVATE_FLAG`): the kernel keys them by address in this
//! process only, which is cheaper than shared ones.

use core::sync::atomic::AtomicU32;
use rustix::thread::futex;

/// Blocks while `word` holds `expected`, until woken by [`wake`]. Returns at once if the word
/// holds something else; may return spuriously (on a signal, for instance), so callers loop.
#[inline]
pub fn wait(word: &AtomicU32, expected: u32) {
    // Every outcome (woken, value changed, interrupted) means "look again", which the caller
    // does; so the result carries nothing to act on.
    let _ = futex::wait(word, futex::Flags::PRIVATE, expected, None);
}

/// Wakes up to `count` threads blocked in [`wait`] on `word`.
#[inline]
pub fn wake(word: &AtomicU32, count: u32) {
    // FUTEX_WAKE fails only for a bad address, which a reference cannot be.
    let _ = futex::wake(word, futex::Flags::PRIVATE, count);
}
