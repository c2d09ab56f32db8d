//! `__cxa_thread_atexit_impl`: destructors of C++ `thread_local` objects (and of anything else
//! registered per thread), run last-in-first-out when the thread ends, before its key
//! destructors, and by `exit` for the thread that calls it.
//!
//! Each thread keeps its destructors in a chain of page-sized blocks, mapped on first use
//! (no allocator needed) and unmapped as they empty.

use crate::thread::tcb::{self, Tcb};
use core::ffi::c_void;
use rustix::io::Errno;
use rustix::mm::{MapFlags, ProtFlags};

/// A destructor and its object.
#[derive(Clone, Copy)]
struct Entry {
    f: unsafe extern "C" fn(*mut c_void),
    obj: *mut c_void,
}

const PAGE_BYTES: usize = 4096;
const PER_PAGE: usize = (PAGE_BYTES - 2 * core::mem::size_of::<usize>()) / core::mem::size_of::<Entry>();

/// One block of a thread's destructors.
pub struct Page {
    /// The block before (older entries), or null.
    older: *mut Page,
    /// Entries in use, from index 0 up.
    len: usize,
    entries: [Entry; PER_PAGE],
}

const _: () = assert!(core::mem::size_of::<Page>() <= PAGE_BYTES);

/// Registers `f(obj)` to run when the calling thread ends. `ENOMEM` when no block can be
/// mapped.
pub fn register(f: unsafe extern "C" fn(*mut c_void), obj: *mut c_void) -> Result<(), Errno> {
    let tcb = tcb::current();
    // SAFETY: the calling thread's own control block; its pages are only touched by it.
    unsafe {
        let mut page = (*tcb).tls_dtors;
        if page.is_null() || (*page).len == PER_PAGE {
            let fresh = rustix::mm::mmap_anonymous(
                core::ptr::null_mut(),
                PAGE_BYTES,
                ProtFlags::READ | ProtFlags::WRITE,
                MapFlags::PRIVATE,
            )
            .map_err(|_| Errno::NOMEM)?
            .cast::<Page>();
            (*fresh).older = page;
            (*fresh).len = 0;
            (*tcb).tls_dtors = fresh;
            page = fresh;
        }
        let p = &mut *page;
        if let Some(slot) = p.entries.get_mut(p.len) {
            *slot = Entry { f, obj };
            p.len += 1;
        }
    }
    Ok(())
}

/// Runs the thread's destructors, newest first, including any registered meanwhile.
pub fn run() {
    let tcb: *mut Tcb = tcb::current();
    loop {
        // SAFETY: the calling thread's own control block and pages.
        let entry = unsafe {
            let page = (*tcb).tls_dtors;
            if page.is_null() {
                return;
            }
            match (*page).len.checked_sub(1) {
                Some(top) => {
                    (*page).len = top;
                    (*page).entries.get(top).copied()
                }
                None => {
                    (*tcb).tls_dtors = (*page).older;
                    // Unmapping a block of ours that nothing points at cannot fail.
                    let _ = rustix::mm::munmap(page.cast(), PAGE_BYTES);
                    None
                }
            }
        };
        if let Some(e) = entry {
            // SAFETY: registered by the program to be called once, with this object.
            unsafe { (e.f)(e.obj) };
        }
    }
}
