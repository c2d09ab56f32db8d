//! `pthread_mutexattr_t`: the mutex attributes, packed into glibc's 4-byte attribute object.
//!
//! Bits: the type in 0..=1 (the values of `PTHREAD_MUTEX_*`), robust in bit 4, the protocol
//! in 8..=9 (`PTHREAD_PRIO_*`), process-shared in bit 7, the priority ceiling in 12..=19 (0 meaning the
//! lowest `SCHED_FIFO` priority). All-zero is the default: a normal, private mutex without a
//! priority protocol. Only this module reads the bits, so they are ours to choose.

use super::futex::Scope;
use super::protect::{MAX_CEILING, MIN_CEILING};
use super::mutex::{self, PRIO_INHERIT, PRIO_PROTECT, PSHARED, ROBUST, TYPE_MASK};
use rustix::io::Errno;

const PROTOCOL_SHIFT: u32 = 8;
const PROTOCOL_MASK: u32 = 3 << PROTOCOL_SHIFT;
const PSHARED_BIT: u32 = 1 << 7;
const ROBUST_BIT: u32 = 1 << 4;
const CEILING_SHIFT: u32 = 12;
const CEILING_MASK: u32 = 0xff << CEILING_SHIFT;

/// The lowest and highest `SCHED_FIFO` priorities on Linux (`sched_get_priority_min/max`).
const FIFO_MIN_PRIORITY: i32 = MIN_CEILING as i32;
const FIFO_MAX_PRIORITY: i32 = MAX_CEILING as i32;

/// Mutex attributes; see the module documentation.
#[repr(C)]
#[derive(Clone, Copy, Default, Debug, PartialEq, Eq)]
pub struct MutexAttr {
    bits: u32,
}

const _: () = {
    assert!(size_of::<MutexAttr>() == size_of::<libc::pthread_mutexattr_t>());
    assert!(align_of::<MutexAttr>() == align_of::<libc::pthread_mutexattr_t>());
};

impl MutexAttr {
    /// The default attributes (`pthread_mutexattr_init`).
    pub const DEFAULT: MutexAttr = MutexAttr { bits: 0 };

    /// The mutex type, a `PTHREAD_MUTEX_*` value.
    pub fn kind_of_mutex(&self) -> i32 {
        (self.bits & TYPE_MASK) as i32
    }

    /// Sets the type: normal, recursive, error-checking or adaptive; `EINVAL` otherwise.
    pub fn set_type(&mut self, ty: i32) -> Result<(), Errno> {
        if !(0..=3).contains(&ty) {
            return Err(Errno::INVAL);
        }
        self.bits = (self.bits & !TYPE_MASK) | ty as u32;
        Ok(())
    }

    /// `PTHREAD_PROCESS_PRIVATE` (0) or `PTHREAD_PROCESS_SHARED` (1).
    pub fn pshared(&self) -> i32 {
        (self.bits & PSHARED_BIT != 0) as i32
    }

    pub fn set_pshared(&mut self, pshared: i32) -> Result<(), Errno> {
        self.bits = match Scope::check_pshared(pshared)? {
            Scope::Private => self.bits & !PSHARED_BIT,
            Scope::Shared => self.bits | PSHARED_BIT,
        };
        Ok(())
    }

    /// `PTHREAD_PRIO_NONE` (0), `PTHREAD_PRIO_INHERIT` (1) or `PTHREAD_PRIO_PROTECT` (2).
    pub fn protocol(&self) -> i32 {
        ((self.bits & PROTOCOL_MASK) >> PROTOCOL_SHIFT) as i32
    }

    /// Sets the protocol; anything but the three `PTHREAD_PRIO_*` values is `EINVAL`.
    pub fn set_protocol(&mut self, protocol: i32) -> Result<(), Errno> {
        match protocol {
            libc::PTHREAD_PRIO_NONE | libc::PTHREAD_PRIO_INHERIT | libc::PTHREAD_PRIO_PROTECT => {
                self.bits = (self.bits & !PROTOCOL_MASK) | ((protocol as u32) << PROTOCOL_SHIFT);
                Ok(())
            }
            _ => Err(Errno::INVAL),
        }
    }

    /// The priority ceiling a `PTHREAD_PRIO_PROTECT` mutex gets.
    pub fn prioceiling(&self) -> i32 {
        let ceiling = ((self.bits & CEILING_MASK) >> CEILING_SHIFT) as i32;
        ceiling.max(FIFO_MIN_PRIORITY)
    }

    /// Sets the priority ceiling: a `SCHED_FIFO` priority, `EINVAL` otherwise.
    pub fn set_prioceiling(&mut self, ceiling: i32) -> Result<(), Errno> {
        if !(FIFO_MIN_PRIORITY..=FIFO_MAX_PRIORITY).contains(&ceiling) {
            return Err(Errno::INVAL);
        }
        self.bits = (self.bits & !CEILING_MASK) | ((ceiling as u32) << CEILING_SHIFT);
        Ok(())
    }

    /// `PTHREAD_MUTEX_STALLED` (0) or `PTHREAD_MUTEX_ROBUST` (1).
    pub fn robust(&self) -> i32 {
        (self.bits & ROBUST_BIT != 0) as i32
    }

    pub fn set_robust(&mut self, robust: i32) -> Result<(), Errno> {
        self.bits = match robust {
            libc::PTHREAD_MUTEX_STALLED => self.bits & !ROBUST_BIT,
            libc::PTHREAD_MUTEX_ROBUST => self.bits | ROBUST_BIT,
            _ => return Err(Errno::INVAL),
        };
        Ok(())
    }

    /// The `kind` bits of a mutex made with these attributes; `ENOTSUP` for a robust
    /// priority-protection mutex, as glibc, and for any priority-protection one in the
    /// preload build, whose threads have no record to keep the boosts in.
    pub fn kind(&self) -> Result<u32, Errno> {
        if cfg!(feature = "preload") && self.protocol() == libc::PTHREAD_PRIO_PROTECT {
            return Err(Errno::NOTSUP);
        }
        let mut kind = self.bits & TYPE_MASK;
        if self.bits & ROBUST_BIT != 0 {
            if self.protocol() == libc::PTHREAD_PRIO_PROTECT {
                return Err(Errno::NOTSUP);
            }
            kind |= ROBUST;
        }
        if self.protocol() == libc::PTHREAD_PRIO_PROTECT {
            kind |= PRIO_PROTECT | ((self.prioceiling() as u32) << mutex::CEILING_SHIFT);
        }
        if self.bits & PSHARED_BIT != 0 {
            kind |= PSHARED;
        }
        if self.protocol() == libc::PTHREAD_PRIO_INHERIT {
            kind |= PRIO_INHERIT;
        }
        Ok(kind)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_attribute_round_trips() {
        let mut a = MutexAttr::DEFAULT;
        assert_eq!((a.kind_of_mutex(), a.pshared(), a.protocol(), a.prioceiling()), (0, 0, 0, 1));
        a.set_type(2).unwrap();
        a.set_pshared(1).unwrap();
        a.set_protocol(1).unwrap();
        a.set_prioceiling(99).unwrap();
        assert_eq!((a.kind_of_mutex(), a.pshared(), a.protocol(), a.prioceiling()), (2, 1, 1, 99));
        assert_eq!(a.kind(), Ok(2 | PSHARED | PRIO_INHERIT));
        a.set_robust(1).unwrap();
        assert_eq!(a.robust(), 1);
        assert_eq!(a.kind(), Ok(2 | PSHARED | PRIO_INHERIT | ROBUST));
        a.set_protocol(0).unwrap();
        assert_eq!(a.kind(), Ok(2 | PSHARED | ROBUST));
        assert_eq!(a.set_robust(2), Err(Errno::INVAL));
        assert_eq!(a.set_type(4), Err(Errno::INVAL));
        assert_eq!(a.set_pshared(2), Err(Errno::INVAL));
        a.set_protocol(2).unwrap();
        assert_eq!(a.kind(), Err(Errno::NOTSUP));
        a.set_robust(0).unwrap();
        assert_eq!(a.kind(), Ok(2 | PSHARED | PRIO_PROTECT | (99 << mutex::CEILING_SHIFT)));
        assert_eq!(a.set_protocol(3), Err(Errno::INVAL));
        assert_eq!(a.set_prioceiling(0), Err(Errno::INVAL));
        assert_eq!(a.set_prioceiling(100), Err(Errno::INVAL));
    }
}
