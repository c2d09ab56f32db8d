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

struct Key {
    /// Even: free; odd: in use. Only ever increases.
    seq: AtomicUsize,
    /// The destructor's address, 0 for none.
    destructor: AtomicUsize,
}

static KEYS: [Key; KEYS_MAX] = [const { Key { seq: AtomicUsize::new(0), destructor: AtomicUsize::new(0) } }; KEYS_MAX];

/// The main thread's slots (other threads keep theirs in their own mapping).
struct MainSlots(UnsafeCell<[Slot; KEYS_MAX]>);
// SAFETY: only the main thread touches these slots, through its control block.
unsafe impl Sync for MainSlots {}
static MAIN_SLOTS: MainSlots =
    MainSlots(UnsafeCell::new([const { Slot { seq: 0, value: core::ptr::null_mut() } }; KEYS_MAX]));

/// The main thread's key slots, for its control block.
pub fn main_slots() -> *mut Slot {
    MAIN_SLOTS.0.get().cast()
}

/// `pthread_key_create`: a new key with an optional destructor; `EAGAIN` when all are in use.
pub fn create(destructor: Option<Destructor>) -> Result<u32, Errno> {
    for (index, key) in KEYS.iter().enumerate() {
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
    let k = KEYS.get(key as usize).ok_or(Errno::INVAL)?;
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
    // SAFETY: the field of the calling thread's live control block, set before it ran.
    unsafe { (*tcb::current()).keys }
}

/// `pthread_getspecific`: the calling thread's value for `key`, null if none.
#[inline]
pub fn get(key: u32) -> *mut c_void {
    let index = key as usize;
    let Some(k) = KEYS.get(index) else { return core::ptr::null_mut() };
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
    let k = KEYS.get(index).ok_or(Errno::INVAL)?;
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
pub fn run_destructors(tcb: *mut Tcb) {
    for _ in 0..DESTRUCTOR_ITERATIONS {
        let mut called = false;
        let mut index = 0;
        // SAFETY: the calling thread's own control block; `keys_used` may grow while a
        // destructor runs, so it is read again each time round.
        while index < unsafe { (*tcb).keys_used } as usize {
            let Some(key) = KEYS.get(index) else { break };
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
