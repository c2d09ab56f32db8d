//! Priority protection (`PTHREAD_PRIO_PROTECT`): while a thread holds such a mutex it runs at
//! least at the mutex's priority ceiling, as glibc does it.
//!
//! Each thread's control block keeps a [`Boosts`] record: how many protected mutexes it holds
//! at each ceiling (a recursive one counts once), the highest such ceiling (`top`, 0 when it
//! holds none), and the thread's own priority, saved when the first boost begins. Locking
//! calls [`raise`] before taking the word and unlocking calls [`lower`] after releasing it;
//! whenever `top` changes, the thread's priority becomes the larger of its own and `top`, by
//! `sched_setparam` (which keeps the policy: for a `SCHED_OTHER` thread the kernel refuses any
//! priority but 0, so locking fails with `EINVAL`, as in glibc). A caller whose own priority
//! is above the ceiling gets `EINVAL`. Only the owning thread touches its record.
//!
//! A thread that changes its own priority while it holds a protected mutex gets back, when
//! it releases the last one, the priority it had when it took the first.

use core::cell::Cell;
use rustix::io::Errno;

/// The lowest and highest `SCHED_FIFO` priorities on Linux.
pub const MIN_CEILING: u32 = 1;
pub const MAX_CEILING: u32 = 99;

/// A thread's boosts; see the module documentation.
#[repr(C)]
pub struct Boosts {
    held: [Cell<u16>; MAX_CEILING as usize + 1],
    top: Cell<u8>,
    own: Cell<u8>,
}

#[cfg_attr(not(feature = "c-abi"), allow(dead_code))]
impl Boosts {
    /// No boost (every control block starts zeroed).
    pub const fn zero() -> Boosts {
        Boosts { held: [const { Cell::new(0) }; MAX_CEILING as usize + 1], top: Cell::new(0), own: Cell::new(0) }
    }

    /// The thread's own priority: saved while boosted, else the kernel's.
    fn own(&self) -> Result<u32, Errno> {
        if self.top.get() != 0 {
            return Ok(self.own.get() as u32);
        }
        Ok(crate::thread::sys::sched_getparam(0)?.max(0) as u32)
    }

    /// Counts a mutex of `ceiling` now held, and raises the thread's priority if needed.
    fn raise(&self, ceiling: u32) -> Result<(), Errno> {
        let own = self.own()?;
        if own > ceiling {
            return Err(Errno::INVAL);
        }
        let slot = self.held.get(ceiling as usize).ok_or(Errno::INVAL)?;
        if slot.get() == u16::MAX {
            return Err(Errno::AGAIN);
        }
        let top = self.top.get() as u32;
        if ceiling > top && ceiling > own {
            crate::thread::sys::sched_setparam(0, ceiling as i32)?;
        }
        if top == 0 {
            self.own.set(own as u8);
        }
        slot.set(slot.get() + 1);
        self.top.set(top.max(ceiling) as u8);
        Ok(())
    }

    /// Counts a mutex of `ceiling` released, and lowers the thread's priority if needed.
    fn lower(&self, ceiling: u32) -> Result<(), Errno> {
        let Some(slot) = self.held.get(ceiling as usize) else { return Ok(()) };
        slot.set(slot.get().saturating_sub(1));
        let top = self.top.get() as u32;
        if ceiling != top || slot.get() != 0 {
            return Ok(());
        }
        let next = (MIN_CEILING..top).rev().find(|&c| self.held.get(c as usize).is_some_and(|n| n.get() != 0)).unwrap_or(0);
        self.top.set(next as u8);
        let own = self.own.get() as u32;
        if top > own {
            crate::thread::sys::sched_setparam(0, next.max(own) as i32)?;
        }
        Ok(())
    }
}

#[cfg(feature = "c-abi")]
fn boosts() -> &'static Boosts {
    // SAFETY: the calling thread's control block is live as long as the thread runs, and only
    // this thread uses its record.
    unsafe { &(*crate::thread::tcb::current()).boosts }
}

/// Before taking a protected mutex of `ceiling`: `EINVAL` if the caller's own priority is
/// above it (or the kernel refuses the boost), `EAGAIN` if too many are held at it.
pub fn raise(ceiling: u32) -> Result<(), Errno> {
    #[cfg(feature = "c-abi")]
    return boosts().raise(ceiling);
    #[cfg(not(feature = "c-abi"))]
    {
        // Test builds run in glibc's threads, which have no record: no boost.
        let _ = ceiling;
        Ok(())
    }
}

/// After releasing a protected mutex of `ceiling` (or failing to take it after [`raise`]).
pub fn lower(ceiling: u32) -> Result<(), Errno> {
    #[cfg(feature = "c-abi")]
    return boosts().lower(ceiling);
    #[cfg(not(feature = "c-abi"))]
    {
        let _ = ceiling;
        Ok(())
    }
}
