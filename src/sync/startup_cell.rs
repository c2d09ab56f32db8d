//! `StartupCell`: a value written while the process is still single-threaded (start-up) and
//! only read afterwards.

use core::cell::UnsafeCell;

/// A `Copy` value set during start-up and read-only from then on. Transparent, so an
/// exported one has the C layout of `T`.
#[repr(transparent)]
pub struct StartupCell<T: Copy>(UnsafeCell<T>);

// SAFETY: writes happen only through `set`, whose contract confines them to single-threaded
// start-up; every later access is a read, and thread creation orders start-up before any
// other thread's reads.
unsafe impl<T: Copy + Send> Sync for StartupCell<T> {}

impl<T: Copy> StartupCell<T> {
    pub const fn new(value: T) -> StartupCell<T> {
        StartupCell(UnsafeCell::new(value))
    }

    /// Replaces the value.
    ///
    /// # Safety
    /// Only while the process has a single thread and nothing else is reading the cell.
    pub unsafe fn set(&self, value: T) {
        // SAFETY: exclusive by the caller's contract.
        unsafe { *self.0.get() = value }
    }

    /// The value.
    #[inline]
    pub fn get(&self) -> T {
        // SAFETY: after start-up nobody writes; see the `Sync` impl.
        unsafe { *self.0.get() }
    }
}
