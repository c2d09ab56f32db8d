//! Thread attributes (`pthread_attr_t`, 56 bytes) and the process's default attributes.
//!
//! Our layout of the 56 bytes is private (programs only use the functions): flags, policy,
//! priority, guard size, stack top, stack size, signal mask and a CPU set. As in glibc, a
//! stack address is kept as the stack's top, a stack size of 0 means "the default", and an
//! attribute that was never given a CPU set or signal mask leaves the thread to inherit them.
//! A CPU set lives in its own small mapping (`[size][bytes]`), freed by `destroy`.

use crate::sync::lock::RawLock;
use core::cell::UnsafeCell;
use core::sync::atomic::{AtomicUsize, Ordering};
use rustix::io::Errno;
use rustix::mm::{MapFlags, ProtFlags};

/// `PTHREAD_STACK_MIN` of glibc (`__sysconf(_SC_THREAD_STACK_MIN_VALUE)` answers the same).
pub const STACK_MIN: usize = 16384;
/// Default stack size when `RLIMIT_STACK` is unlimited (glibc's x86_64 default).
const UNLIMITED_DEFAULT: usize = 2 << 20;

pub const FLAG_DETACHED: u32 = 1;
pub const FLAG_EXPLICIT_SCHED: u32 = 2;
pub const FLAG_STACK: u32 = 4;
pub const FLAG_SIGMASK: u32 = 8;

/// The contents of a `pthread_attr_t`.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct Attr {
    pub flags: u32,
    pub policy: i32,
    pub priority: i32,
    reserved: u32,
    pub guard_size: usize,
    /// The top of the program's stack (`FLAG_STACK`).
    pub stack_top: usize,
    /// 0: the default.
    pub stack_size: usize,
    /// `FLAG_SIGMASK`: the new thread's signal mask (kernel format).
    pub sigmask: u64,
    /// Null, or a mapping holding the set's size in bytes and then its bytes.
    cpuset: *mut usize,
}

const _: () = assert!(core::mem::size_of::<Attr>() == 56);
const _: () = assert!(core::mem::size_of::<libc::pthread_attr_t>() == 56);

impl Attr {
    /// `pthread_attr_init`: joinable, inherited scheduling, default stack, one guard page.
    pub fn new() -> Attr {
        Attr {
            flags: 0,
            policy: libc::SCHED_OTHER,
            priority: 0,
            reserved: 0,
            guard_size: crate::thread::stack::page_size(),
            stack_top: 0,
            stack_size: 0,
            sigmask: 0,
            cpuset: core::ptr::null_mut(),
        }
    }

    /// `pthread_attr_destroy`: frees the CPU set.
    pub fn destroy(&mut self) {
        self.set_affinity(&[]).ok();
    }

    /// The stack size the thread gets: the attribute's, or the process default.
    pub fn effective_stack_size(&self) -> usize {
        if self.stack_size != 0 { self.stack_size } else { default_stack_size() }
    }

    /// The CPU set, if one was given.
    pub fn affinity(&self) -> Option<&[u8]> {
        if self.cpuset.is_null() {
            return None;
        }
        // SAFETY: a mapping made by `set_affinity`: the size, then that many bytes.
        unsafe { Some(core::slice::from_raw_parts(self.cpuset.add(1).cast::<u8>(), *self.cpuset)) }
    }

    /// `pthread_attr_setaffinity_np`: a copy of `set`; an empty set removes it.
    pub fn set_affinity(&mut self, set: &[u8]) -> Result<(), Errno> {
        let fresh = if set.is_empty() { core::ptr::null_mut() } else { copy_cpuset(set)? };
        if !self.cpuset.is_null() {
            // SAFETY: our mapping, of the recorded size, referenced only here.
            unsafe {
                let _ = rustix::mm::munmap(self.cpuset.cast(), cpuset_bytes(*self.cpuset));
            }
        }
        self.cpuset = fresh;
        Ok(())
    }

    /// A copy that owns its own CPU set (for `pthread_getattr_default_np`).
    pub fn duplicate(&self) -> Result<Attr, Errno> {
        let mut copy = *self;
        copy.cpuset = core::ptr::null_mut();
        if let Some(set) = self.affinity() {
            copy.set_affinity(set)?;
        }
        Ok(copy)
    }
}

impl Default for Attr {
    fn default() -> Self {
        Self::new()
    }
}

fn cpuset_bytes(len: usize) -> usize {
    core::mem::size_of::<usize>() + len
}

fn copy_cpuset(set: &[u8]) -> Result<*mut usize, Errno> {
    // SAFETY: a fresh anonymous mapping aliases nothing.
    let p = unsafe {
        rustix::mm::mmap_anonymous(
            core::ptr::null_mut(),
            cpuset_bytes(set.len()),
            ProtFlags::READ | ProtFlags::WRITE,
            MapFlags::PRIVATE,
        )
    }
    .map_err(|_| Errno::NOMEM)?
    .cast::<usize>();
    // SAFETY: the mapping holds the size word and `set.len()` bytes.
    unsafe {
        *p = set.len();
        core::ptr::copy_nonoverlapping(set.as_ptr(), p.add(1).cast::<u8>(), set.len());
    }
    Ok(p)
}

/// The process default stack size, computed once: the `RLIMIT_STACK` soft limit (rounded up
/// to pages, at least `PTHREAD_STACK_MIN`), or 2 MiB when it is unlimited; as glibc.
static DEFAULT_STACK: AtomicUsize = AtomicUsize::new(0);

pub fn default_stack_size() -> usize {
    // Relaxed: any thread computes the same value; the first store wins nothing special.
    let known = DEFAULT_STACK.load(Ordering::Relaxed);
    if known != 0 {
        return known;
    }
    let page = crate::thread::stack::page_size();
    let size = match rustix::process::getrlimit(rustix::process::Resource::Stack).current {
        None => UNLIMITED_DEFAULT,
        Some(n) => (n as usize).max(STACK_MIN).saturating_add(page - 1) & !(page - 1),
    };
    // Relaxed: see above. A default set meanwhile by pthread_setattr_default_np wins.
    match DEFAULT_STACK.compare_exchange(0, size, Ordering::Relaxed, Ordering::Relaxed) {
        Ok(_) => size,
        Err(set) => set,
    }
}

struct Defaults {
    lock: RawLock,
    attr: UnsafeCell<Option<Attr>>,
}

// SAFETY: `attr` is only touched with `lock` held.
unsafe impl Sync for Defaults {}

/// The attributes of `pthread_setattr_default_np`, if set (the stack size lives in
/// `DEFAULT_STACK`).
static DEFAULTS: Defaults = Defaults { lock: RawLock::new(), attr: UnsafeCell::new(None) };

/// `pthread_getattr_default_np`: the default attributes, as a new attribute object.
pub fn get_default() -> Result<Attr, Errno> {
    let mut a = DEFAULTS.lock.with(|| {
        // SAFETY: the lock is held.
        match unsafe { &*DEFAULTS.attr.get() } {
            Some(a) => a.duplicate(),
            None => Ok(Attr::new()),
        }
    })?;
    a.stack_size = default_stack_size();
    Ok(a)
}

/// Runs `f` with the default attributes (`None`: never set), under their lock.
pub fn with_default<R>(f: impl FnOnce(Option<&Attr>) -> R) -> R {
    DEFAULTS.lock.with(|| {
        // SAFETY: the lock is held.
        f(unsafe { (*DEFAULTS.attr.get()).as_ref() })
    })
}

/// `pthread_setattr_default_np`: `EINVAL` for a stack address or a stack size below the
/// minimum (0 keeps the current default size), or invalid scheduling.
pub fn set_default(a: &Attr) -> Result<(), Errno> {
    if a.flags & FLAG_STACK != 0 || (a.stack_size != 0 && a.stack_size < STACK_MIN) {
        return Err(Errno::INVAL);
    }
    crate::thread::sched::check_policy_priority(a.policy, a.priority)?;
    let mut copy = a.duplicate()?;
    if copy.stack_size != 0 {
        // Relaxed: a plain setting; threads created concurrently may see either value.
        DEFAULT_STACK.store(copy.stack_size, Ordering::Relaxed);
    }
    copy.stack_size = 0;
    DEFAULTS.lock.with(|| {
        // SAFETY: the lock is held.
        let slot = unsafe { &mut *DEFAULTS.attr.get() };
        if let Some(old) = slot.as_mut() {
            old.destroy();
        }
        *slot = Some(copy);
    });
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_and_affinity_copies() {
        let mut a = Attr::new();
        assert_eq!(a.flags, 0);
        assert_eq!(a.guard_size, crate::thread::stack::page_size());
        assert!(a.effective_stack_size() >= STACK_MIN);
        assert_eq!(a.effective_stack_size() % crate::thread::stack::page_size(), 0);
        assert!(a.affinity().is_none());
        a.set_affinity(&[1, 2, 3]).unwrap();
        let mut b = a.duplicate().unwrap();
        assert_eq!(b.affinity(), Some(&[1u8, 2, 3][..]));
        a.destroy();
        assert!(a.affinity().is_none());
        assert_eq!(b.affinity(), Some(&[1u8, 2, 3][..]));
        b.destroy();
    }
}
