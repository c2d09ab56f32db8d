//! Cancellation as the blocking waits use it (`crate::thread::cancel`): a pending request acts
//! on entry ([`test`]), one that comes while the thread sleeps interrupts the sleep
//! ([`point`]), and [`with_cleanup`] puts a wait's state right (re-taking a mutex, leaving a
//! waiter count) before the program's cleanup handlers run. Test builds run in glibc's
//! threads, whose control blocks are not ours, and have no cancellation.

#[cfg(feature = "c-abi")]
pub use crate::thread::cancel::{point, test};
#[cfg(feature = "c-abi")]
pub use crate::thread::cleanup::with_cleanup;

#[cfg(not(feature = "c-abi"))]
#[inline(always)]
pub fn test() {}

#[cfg(not(feature = "c-abi"))]
#[inline(always)]
pub fn point<R>(f: impl FnOnce() -> R) -> R {
    f()
}

#[cfg(not(feature = "c-abi"))]
#[inline(always)]
pub fn with_cleanup<R>(_undo: &dyn Fn(), f: impl FnOnce() -> R) -> R {
    f()
}
