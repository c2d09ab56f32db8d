//! `pthread_getattr_np`: the attributes a running thread actually has.
//!
//! For a thread we created they come from its control block (stack, guard, detach state)
//! and the kernel (scheduling, affinity). The main thread's stack is the process stack: as
//! glibc, its top is the end of the mapping that holds it (read from `/proc/self/maps`), and
//! its size the `RLIMIT_STACK` soft limit less what lies above the start-up frame, cut so that
//! it does not reach the mapping below; it has no guard of ours.

use crate::io::fd;
use crate::thread::attr::{Attr, FLAG_DETACHED, FLAG_STACK};
use crate::thread::tcb::Tcb;
use crate::thread::{DETACHED, sched, stack, sys};
use core::sync::atomic::{AtomicPtr, AtomicUsize, Ordering};
use rustix::io::Errno;

/// The main thread's control block, and an address in its start-up frame.
static MAIN: AtomicPtr<Tcb> = AtomicPtr::new(core::ptr::null_mut());
static MAIN_STACK: AtomicUsize = AtomicUsize::new(0);

/// Records the main thread and an address near the top of its stack.
pub fn record_main(tcb: *mut Tcb, stack_address: usize) {
    // Relaxed: set at start-up, before any other thread exists.
    MAIN.store(tcb, Ordering::Relaxed);
    MAIN_STACK.store(stack_address, Ordering::Relaxed);
}

/// `pthread_getattr_np(t)`.
///
/// # Safety
/// `t` must name a thread not yet joined.
pub unsafe fn get(t: *mut Tcb) -> Result<Attr, Errno> {
    let mut a = Attr::new();
    // SAFETY: per the contract the block is mapped.
    let (state, tid, low, size, guard) = unsafe {
        // Acquire: pairs with a detach's Release; and with the kernel's clearing of the tid.
        ((*t).state.load(Ordering::Acquire), (*t).tid.load(Ordering::Acquire) as i32, (*t).stack_low, (*t).stack_size, (*t).guard_size)
    };
    if state == DETACHED {
        a.flags |= FLAG_DETACHED;
    }
    // Relaxed: written once at start-up.
    let (top, size, guard) = if t == MAIN.load(Ordering::Relaxed) { main_stack()? } else { (low + size, size, guard) };
    a.stack_top = top;
    a.stack_size = size;
    a.guard_size = guard;
    a.flags |= FLAG_STACK;
    if tid != 0 {
        if let (Ok(policy), Ok(priority)) = (sys::sched_getscheduler(tid), sys::sched_getparam(tid)) {
            a.policy = policy & !libc::SCHED_RESET_ON_FORK;
            a.priority = priority;
        }
        let mut cpus = [0u8; 128];
        if sched::get_affinity(tid, &mut cpus).is_ok() {
            a.set_affinity(&cpus)?;
        }
    }
    Ok(a)
}

/// The main thread's stack: (top, size, guard).
fn main_stack() -> Result<(usize, usize, usize), Errno> {
    let page = stack::page_size();
    // Relaxed: written once at start-up.
    let here = MAIN_STACK.load(Ordering::Relaxed);
    let top = (here & !(page - 1)) + page;
    let (to, below) = mapping_around(here)?;
    let limit = match rustix::process::getrlimit(rustix::process::Resource::Stack).current {
        Some(n) => n as usize,
        None => usize::MAX,
    };
    let size = (limit.saturating_sub(to - top) & !(page - 1)).min(top - below);
    Ok((top, size, 0))
}

/// The end of the mapping that contains `addr`, and the end of the mapping below it, from
/// `/proc/self/maps`. `ENOENT`-like failures come back as the open's error.
fn mapping_around(addr: usize) -> Result<(usize, usize), Errno> {
    // SAFETY: a NUL-terminated path.
    let f = unsafe { fd::open(c"/proc/self/maps".as_ptr(), libc::O_RDONLY | libc::O_CLOEXEC, 0) }?;
    let mut parser = MapsParser::default();
    let mut buf = [0u8; 1024];
    let found = loop {
        // SAFETY: `buf` is writable.
        let n = match unsafe { fd::read(f, buf.as_mut_ptr(), buf.len()) } {
            Ok(0) | Err(_) => break None,
            Ok(n) => n,
        };
        if let Some(hit) = buf.get(..n).and_then(|bytes| parser.feed(bytes, addr)) {
            break Some(hit);
        }
    };
    let _ = fd::close(f);
    found.ok_or(Errno::NOENT)
}

/// A streaming reader of the `from-to` at the start of each line of `/proc/self/maps`.
#[derive(Default)]
struct MapsParser {
    /// 0: reading `from`; 1: reading `to`; 2: skipping to the end of the line.
    field: u8,
    from: usize,
    to: usize,
    /// End of the previous mapping.
    last_to: usize,
}

impl MapsParser {
    /// Feeds bytes; returns (end of the mapping holding `addr`, end of the one before) once
    /// that line has been read.
    fn feed(&mut self, bytes: &[u8], addr: usize) -> Option<(usize, usize)> {
        for &b in bytes {
            match (self.field, b) {
                (_, b'\n') => {
                    if self.from <= addr && addr < self.to {
                        return Some((self.to, self.last_to));
                    }
                    self.last_to = self.to;
                    (self.field, self.from, self.to) = (0, 0, 0);
                }
                (0, b'-') => self.field = 1,
                (1, b' ') => self.field = 2,
                (0 | 1, _) => {
                    let digit = (b as char).to_digit(16).unwrap_or(0) as usize;
                    let v = if self.field == 0 { &mut self.from } else { &mut self.to };
                    *v = v.wrapping_mul(16).wrapping_add(digit);
                }
                _ => {}
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_mapping_across_chunks() {
        let maps = b"1000-2000 r-xp 0 0 0 /bin/x\n3000-5000 rw-p 0 0 0\n7000-9000 rw-p 0 0 0 [stack]\n";
        for split in 1..maps.len() {
            let mut p = MapsParser::default();
            let hit = p.feed(&maps[..split], 0x8000).or_else(|| p.feed(&maps[split..], 0x8000));
            assert_eq!(hit, Some((0x9000, 0x5000)), "split at {split}");
        }
        let mut p = MapsParser::default();
        assert_eq!(p.feed(maps, 0x6000), None);
    }
}
