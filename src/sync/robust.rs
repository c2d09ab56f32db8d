//! The per-thread list of robust mutexes held, which the kernel walks when the thread dies
//! (`set_robust_list`, `Documentation/locking/robust-futexes.rst`).
//!
//! The head lives in the thread's control block. It is registered lazily, by the thread's
//! first robust lock: the kernel starts every new task (thread or forked child) with no list,
//! so the head remembers which TID registered it and a thread whose TID differs registers
//! again. The list is circular through each held mutex's `__list` words (offset 24: the
//! kernel's `next`, then our `prev` for unlinking in O(1)); `futex_offset` leads from an entry
//! back to the mutex's word at offset 0. Before it changes the list, the owner names the
//! mutex in `list_op_pending`, so a death in the middle of a lock or unlock is handled too.
//! On death the kernel sets `FUTEX_OWNER_DIED` in each word still holding the dead TID and
//! wakes one waiter (with a shared-futex wake, which is why robust mutexes always sleep on
//! shared futexes).
//!
//! Only the owning thread touches its list, and the kernel reads it only after the thread has
//! stopped, so plain memory accesses suffice.

use core::cell::Cell;

/// A robust mutex's link words (its `__list`): the kernel's `next`, then our `prev`.
#[repr(C)]
pub struct Link {
    next: Cell<*mut Link>,
    prev: Cell<*mut Link>,
}

/// `struct robust_list_head`, then the TID that registered it.
#[repr(C)]
pub struct RobustList {
    /// The first entry; the head itself when the list is empty; null before registration.
    next: Cell<*mut Link>,
    /// From an entry to its futex word: the word is at offset 0 of the mutex, the link at 24.
    futex_offset: Cell<isize>,
    /// The entry being locked or unlocked, if any.
    pending: Cell<*mut Link>,
    /// The TID for which the kernel knows this head (0: none).
    registered: Cell<u32>,
}

/// `SYS_set_robust_list`, which rustix does not wrap.
#[cfg_attr(not(any(feature = "c-abi", feature = "preload")), allow(dead_code))]
const SYS_SET_ROBUST_LIST: usize = 273;
/// The kernel's size of `struct robust_list_head`.
#[cfg_attr(not(any(feature = "c-abi", feature = "preload")), allow(dead_code))]
const HEAD_SIZE: usize = 24;
/// Where a mutex keeps its link words.
pub const LINK_OFFSET: isize = 24;

impl RobustList {
    /// An unregistered head (every control block starts zeroed).
    pub const fn zero() -> RobustList {
        RobustList {
            next: Cell::new(core::ptr::null_mut()),
            futex_offset: Cell::new(0),
            pending: Cell::new(core::ptr::null_mut()),
            registered: Cell::new(0),
        }
    }

    /// The head as a list node: its first word is `next`, like a [`Link`]'s.
    fn as_link(&self) -> *mut Link {
        (self as *const RobustList).cast_mut().cast()
    }

    /// Registers the head with the kernel for thread `tid` unless done already. Should the
    /// kernel refuse, the mutexes still lock and unlock; only a dead owner goes unnoticed.
    #[cfg_attr(not(any(feature = "c-abi", feature = "preload")), allow(dead_code))]
    pub(crate) fn register(&self, tid: u32) {
        if self.registered.get() == tid {
            return;
        }
        // A forked child inherits its parent's memory but not its registration: the list it
        // sees is the parent's, whose mutexes the child does not hold.
        self.next.set(self.as_link());
        self.futex_offset.set(-LINK_OFFSET);
        self.pending.set(core::ptr::null_mut());
        // SAFETY: the head is 24 bytes laid out as the kernel's `robust_list_head`, in this
        // thread's control block, which outlives the thread's kernel task.
        let _ = unsafe { crate::arch::syscall6(SYS_SET_ROBUST_LIST, [self as *const _ as usize, HEAD_SIZE, 0, 0, 0, 0]) };
        self.registered.set(tid);
    }

    /// Names `link` as the entry about to be added or removed.
    pub fn set_pending(&self, link: *mut Link) {
        self.pending.set(link);
    }

    pub fn clear_pending(&self) {
        self.pending.set(core::ptr::null_mut());
    }

    /// Adds a mutex the thread now holds.
    ///
    /// # Safety
    /// `link` must be the link words of a mutex the calling thread has just acquired, live
    /// until [`remove`](Self::remove).
    pub unsafe fn push(&self, link: *mut Link) {
        let first = self.next.get();
        // SAFETY: `link` is live per the contract; `first` is the head or a held mutex's link.
        unsafe {
            (*link).next.set(first);
            (*link).prev.set(self.as_link());
            if first != self.as_link() {
                (*first).prev.set(link);
            }
        }
        self.next.set(link);
    }

    /// Removes a mutex the thread is releasing.
    ///
    /// # Safety
    /// `link` must have been [`push`](Self::push)ed on this list and not removed since.
    pub unsafe fn remove(&self, link: *mut Link) {
        // SAFETY: the neighbours are the head or held mutexes' links, all live.
        unsafe {
            let (prev, next) = ((*link).prev.get(), (*link).next.get());
            // The head's first word is its `next`, like a link's.
            (*prev).next.set(next);
            if next != self.as_link() {
                (*next).prev.set(prev);
            }
        }
    }
}

/// The calling thread's list, registered; `None` where it cannot be kept (test builds run in
/// glibc's threads, whose control blocks are glibc's; the preload build keeps it in its own
/// TLS, `crate::preload::robust_list`).
#[inline]
pub fn current(tid: u32) -> Option<&'static RobustList> {
    #[cfg(feature = "c-abi")]
    {
        // SAFETY: the calling thread's control block is live as long as the thread runs, and
        // only this thread uses its robust list.
        let list = unsafe { &(*crate::thread::tcb::current()).robust };
        list.register(tid);
        Some(list)
    }
    #[cfg(feature = "preload")]
    {
        crate::preload::robust_list(tid)
    }
    #[cfg(not(any(feature = "c-abi", feature = "preload")))]
    {
        let _ = tid;
        None
    }
}
