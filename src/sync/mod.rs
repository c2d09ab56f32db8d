//! Synchronisation: the futex layer, the library's own locks, and the lock algorithms behind
//! the pthread, C11 and semaphore objects (each file documents its algorithm at the top).

pub mod barrier;
mod cancel;
pub mod condvar;
#[cfg(test)]
mod contention_test;
pub mod cpus;
pub mod futex;
pub mod handoff;
pub mod lock;
pub mod mutex;
pub mod mutex_attr;
mod mutex_protect;
mod mutex_robust;
pub mod named_semaphore;
pub mod once;
pub mod protect;
pub mod robust;
pub mod rwlock;
pub mod semaphore;
pub mod spin;
pub mod startup_cell;

/// The calling thread's kernel id, which owner-tracking locks store in their words.
#[cfg(feature = "c-abi")]
#[inline(always)]
pub(crate) fn current_tid() -> u32 {
    // Relaxed: the field is written once, by this thread's creator before it ran (or by
    // start-up for the main thread), and never changes while the thread runs.
    // SAFETY: the calling thread's control block is live for as long as it runs.
    unsafe { (*crate::thread::tcb::current()).tid.load(core::sync::atomic::Ordering::Relaxed) }
}

/// The calling thread's kernel id in the preload build: cached in our own ELF TLS.
#[cfg(feature = "preload")]
#[inline(always)]
pub(crate) fn current_tid() -> u32 {
    crate::preload::tid()
}

/// The calling thread's kernel id. In test builds `%fs` points at glibc's thread record, not
/// ours, so the id comes from the kernel.
#[cfg(not(any(feature = "c-abi", feature = "preload")))]
#[inline(always)]
pub(crate) fn current_tid() -> u32 {
    rustix::thread::gettid().as_raw_nonzero().get() as u32
}
