//! Thread-specific data: `pthread_key_*`, `pthread_getspecific`/`setspecific`.
//!
//! There are [`KEYS_MAX`] keys, each with a sequence number: even while the key is free, odd
//! while it is in use. `key_create` claims a free key by moving its number to the next odd
//! value; `key_delete` moves it to the next even one. Each thread has one [`Slot`] per key,
//! reached from its control block (`Tcb::keys`), holding a value and the sequence number the
//! key had when the value was stored. A value whose number is not the key's current one was
//! stored under a deleted key and reads as null, so deleting a key never has to visit the
//! other threads, and a key created again starts out null in every thread, as POSIX asks.

use crate::thread::tcb::{self, Tcb};
use core::cell::UnsafeCell;
use core::ffi::c_void;
use core::sync::atomic::{AtomicUsize, Ordering};
use rustix::io::Errno;

/// `PTHREAD_KEYS_MAX` of glibc.
pub const KEYS_MAX: usize = 1024;
/// `PTHREAD_DESTRUCTOR_ITERATIONS`.
pub const DESTRUCTOR_ITERATIONS: usize = 4;

/// A destructor, as `pthread_key_create` takes it.
pub type Destructor = unsafe extern "C" fn(*mut c_void);

/// One thread's value for one key.
#[repr(C)]
pub struct Slot {
    /// The key's sequence number when `value` was stored.
    seq: usize,
    value: *mut c_void,
}

/// Bytes of a thread's key slots.
pub const SLOTS_BYTES: usize = KEYS_MAX * core::mem::size_of::<Slot>();

#[repr(C)]
struct Key {
    /// Even: free; odd: in use. Only ever increases.
    seq: AtomicUsize,
    /// The destructor's address, 0 for none.
    destructor: AtomicUsize,
}

/// The keys, and the main thread's slots (other threads keep theirs at the start of a page
/// of their own mapping). Laid out so that slot `k` of any thread and key `k` are 2 KiB apart
/// modulo 4 KiB: `setspecific` stores to one and the next call loads the other, and addresses
/// equal modulo 4 KiB would make the processor stall that load behind the store ("4K
/// aliasing"; it made setspecific 2.3 times slower than glibc's).
#[repr(C, align(4096))]
struct Tables {
    main_slots: UnsafeCell<[Slot; KEYS_MAX]>,
    _apart: [u8; 2048],
    keys: [Key; KEYS_MAX],
}

// SAFETY: the keys are atomics; only the main thread touches its slots, through its control
// block.
unsafe impl Sync for Tables {}

// The table is defined in assembly, in `.lbss` (zero-filled, `@nobits`), which the linker
// places after `.bss`: it is big, all zero (every key free, every slot null) and untouched
// until a key is used, and its page alignment, in `.bss`, would start `.bss` on a page of its
// own instead of in the page where `.data` ends, which every program touches at start-up.
// (A Rust static with `link_section` would be `@progbits`: 36 KiB in every program's file.)
core::arch::global_asm!(
    ".pushsection .lbss.rustcrt_key_tables,\"aw\",@nobits",
    ".balign {align}",
    ".globl __rustcrt_key_tables",
    ".hidden __rustcrt_key_tables",
    ".type __rustcrt_key_tables, @object",
    ".size __rustcrt_key_tables, {size}",
    "__rustcrt_key_tables:",
    ".zero {size}",
    ".popsection",
    align = const core::mem::align_of::<Tables>(),
    size = const core::mem::size_of::<Tables>(),
);

unsafe extern "C" {
    /// The keys and the main thread's slots, all zero at start: every key free, every slot
    /// null (a valid `Tables`: atomics and raw pointers of value zero).
    #[link_name = "__rustcrt_key_tables"]
    static TABLES: Tables;
}

/// The keys.
#[inline(always)]
fn keys() -> &'static [Key; KEYS_MAX] {
    // SAFETY: the assembly above defines the table, zero-filled, which is a valid `Tables`;
    // it lives for the whole program and is only touched through atomics and cells.
    unsafe { &TABLES.keys }
}

/// The main thread's key slots, for its control block.
pub fn main_slots() -> *mut Slot {
    // SAFETY: as in `keys`.
    unsafe { TABLES.main_slots.get().cast() }
}

/// `pthread_key_create`: a new key with an optional destructor; `EAGAIN` when all are in use.
pub fn create(destructor: Option<Destructor>) -> Result<u32, Errno> {
    for (index, key) in keys().iter().enumerate() {
        // Relaxed: a stale value only makes the CAS below fail or skip a key.
        let seq = key.seq.load(Ordering::Relaxed);
        if seq & 1 == 1 {
            continue;
        }
        // Relaxed: the CAS only decides who gets the key. No thread can hold a value under the
        // new number before this returns, so the destructor may be stored afterwards; Release
        // pairs with the Acquire of an exiting thread that stored a value under it.
        if key.seq.compare_exchange(seq, seq.wrapping_add(1), Ordering::Relaxed, Ordering::Relaxed).is_ok() {
            key.destructor.store(destructor.map_or(0, |d| d as usize), Ordering::Release);
            return Ok(index as u32);
        }
    }
    Err(Errno::AGAIN)
}

/// `pthread_key_delete`: frees the key; values stored under it are not destroyed.
pub fn delete(key: u32) -> Result<(), Errno> {
    let k = keys().get(key as usize).ok_or(Errno::INVAL)?;
    // Relaxed: the key's number alone decides; values are matched against it by number.
    let seq = k.seq.load(Ordering::Relaxed);
    if seq & 1 == 0 {
        return Err(Errno::INVAL);
    }
    k.seq.compare_exchange(seq, seq.wrapping_add(1), Ordering::Relaxed, Ordering::Relaxed).map(|_| ()).map_err(|_| Errno::INVAL)
}

/// The calling thread's slots.
#[inline(always)]
fn slots() -> *mut Slot {
    // `keys` is set before the thread runs any code of the program and never changes.
    crate::arch::thread_word::<{ core::mem::offset_of!(Tcb, keys) }>() as *mut Slot
}

/// `pthread_getspecific`: the calling thread's value for `key`, null if none.
#[inline]
pub fn get(key: u32) -> *mut c_void {
    let index = key as usize;
    let Some(k) = keys().get(index) else { return core::ptr::null_mut() };
    // SAFETY: `index < KEYS_MAX`, and every thread's slot array has KEYS_MAX slots that only
    // this thread touches.
    let slot = unsafe { &*slots().add(index) };
    // Relaxed: a key's number changes only by create/delete, which the program orders with
    // this thread's use of the key itself.
    if slot.value.is_null() || slot.seq != k.seq.load(Ordering::Relaxed) {
        return core::ptr::null_mut();
    }
    slot.value
}

/// `pthread_setspecific`: stores `value` for `key` in the calling thread; `EINVAL` for a key
/// not in use.
#[inline]
pub fn set(key: u32, value: *mut c_void) -> Result<(), Errno> {
    let index = key as usize;
    let k = keys().get(index).ok_or(Errno::INVAL)?;
    // Relaxed: as in `get`.
    let seq = k.seq.load(Ordering::Relaxed);
    if seq & 1 == 0 {
        return Err(Errno::INVAL);
    }
    let tcb = tcb::current();
    // SAFETY: the calling thread's control block and its own slot `index < KEYS_MAX`.
    unsafe {
        let slot = &mut *(*tcb).keys.add(index);
        slot.seq = seq;
        slot.value = value;
        if (*tcb).keys_used <= key {
            (*tcb).keys_used = key + 1;
        }
    }
    Ok(())
}

/// Runs the calling thread's key destructors, for up to [`DESTRUCTOR_ITERATIONS`] rounds,
/// then clears every slot the thread used, so that its memory can serve another thread.
pub fn run_destructors() {
    let tcb: *mut Tcb = tcb::current();
    for _ in 0..DESTRUCTOR_ITERATIONS {
        let mut called = false;
        let mut index = 0;
        // SAFETY: the calling thread's own control block; `keys_used` may grow while a
        // destructor runs, so it is read again each time round.
        while index < unsafe { (*tcb).keys_used } as usize {
            let Some(key) = keys().get(index) else { break };
            // SAFETY: `index < keys_used <= KEYS_MAX`, the calling thread's own slot.
            let slot = unsafe { &mut *(*tcb).keys.add(index) };
            index += 1;
            // Relaxed: as in `get`.
            if slot.value.is_null() || slot.seq != key.seq.load(Ordering::Relaxed) {
                continue;
            }
            // Acquire: pairs with `create`'s Release, so the destructor read is the key's.
            let d = key.destructor.load(Ordering::Acquire);
            if d == 0 {
                continue;
            }
            let value = core::mem::replace(&mut slot.value, core::ptr::null_mut());
            // SAFETY: `d` was stored from a `Destructor` by `create`.
            let d: Destructor = unsafe { core::mem::transmute::<usize, Destructor>(d) };
            // SAFETY: the program registered the destructor to be called with its values.
            unsafe { d(value) };
            called = true;
        }
        if !called {
            break;
        }
    }
    // SAFETY: the calling thread's own slots, below `keys_used`.
    unsafe {
        let used = (*tcb).keys_used as usize;
        core::ptr::write_bytes((*tcb).keys, 0, used.min(KEYS_MAX));
        (*tcb).keys_used = 0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn create_delete_reuse_changes_the_sequence_number() {
        let k = create(None).unwrap();
        let seq = keys()[k as usize].seq.load(Ordering::Relaxed);
        assert_eq!(seq & 1, 1);
        assert_eq!(delete(k), Ok(()));
        assert_eq!(delete(k), Err(Errno::INVAL));
        assert_eq!(keys()[k as usize].seq.load(Ordering::Relaxed), seq + 1);
        assert_eq!(delete(KEYS_MAX as u32), Err(Errno::INVAL));
    }
}
