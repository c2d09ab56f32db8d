//! The calling thread's heap pointer.
//!
//! In the library it is the `alloc_cache` field of the thread control block (`%fs`). In a
//! `cargo test` build the process is glibc's, whose `%fs` block has no such field, so a
//! `std` thread-local takes its place, with a destructor that ends the heap as thread exit
//! does in the library.

use super::heap::Heap;

#[cfg(feature = "c-abi")]
mod imp {
    use super::Heap;
    use crate::thread::tcb;

    /// The calling thread's heap, null before its first allocation.
    #[inline(always)]
    pub fn get() -> *mut Heap {
        crate::arch::thread_word::<{ core::mem::offset_of!(tcb::Tcb, alloc_cache) }>() as *mut Heap
    }

    /// Sets the calling thread's heap.
    pub fn set(heap: *mut Heap) {
        // SAFETY: as in `get`; only this thread writes its own field.
        unsafe { (*tcb::current()).alloc_cache = heap.cast() }
    }
}

/// The preload build: in its own ELF TLS, given back at thread exit through glibc.
#[cfg(feature = "preload")]
mod imp {
    use super::Heap;

    #[inline(always)]
    pub fn get() -> *mut Heap {
        crate::preload::heap().cast()
    }

    pub fn set(heap: *mut Heap) {
        crate::preload::set_heap(heap.cast())
    }
}

#[cfg(not(any(feature = "c-abi", feature = "preload")))]
mod imp {
    use super::Heap;
    use core::cell::Cell;

    /// Gives the heap back when a test thread ends.
    struct Guard;

    impl Drop for Guard {
        fn drop(&mut self) {
            crate::alloc::thread_exit();
        }
    }

    std::thread_local! {
        static HEAP: Cell<*mut Heap> = const { Cell::new(core::ptr::null_mut()) };
        static GUARD: Guard = const { Guard };
    }

    /// The calling thread's heap, null before its first allocation.
    pub fn get() -> *mut Heap {
        HEAP.with(Cell::get)
    }

    /// Sets the calling thread's heap.
    pub fn set(heap: *mut Heap) {
        HEAP.with(|h| h.set(heap));
        if !heap.is_null() {
            GUARD.with(|_| {});
        }
    }
}

pub use imp::{get, set};
