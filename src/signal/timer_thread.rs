//! `SIGEV_THREAD` timers: each expiry calls the program's function in a new thread.
//!
//! As in glibc, a helper thread per timer receives the expiries: it creates the kernel timer
//! itself with `SIGEV_THREAD_ID` aimed at its own thread and the runtime's signal 32 (glibc's
//! `SIGTIMER`, which is its `SIGCANCEL`), keeps every signal blocked, and takes each expiry
//! with `sigwaitinfo`, so no handler ever runs for it. For each expiry it starts a detached
//! thread with the timer's attributes that calls `function(value)`. `timer_delete` deletes
//! the kernel timer, marks the record and sends signal 32 to the helper, which then frees
//! the record and ends.
//!
//! A C `timer_t` for such a timer is the record's address, which is far above any kernel
//! timer id (ids are small non-negative ints), so the two kinds are told apart by value.

use crate::alloc;
use crate::sync::futex;
use core::ffi::c_void;
use core::sync::atomic::{AtomicU32, Ordering};
use rustix::io::Errno;

/// The runtime's timer signal.
const SIGTIMER: i32 = 32;

/// `Record::state` values.
const STARTING: u32 = 0;
const RUNNING: u32 = 1;
const FAILED: u32 = 2;
const DELETED: u32 = 3;
const ENDED: u32 = 4;

/// What a thread timer needs; lives from `create` until the helper ends.
struct Record {
    function: unsafe extern "C" fn(libc::sigval),
    value: libc::sigval,
    clock: i32,
    /// The callback threads' attributes (forced detached).
    attr: crate::thread::attr::Attr,
    /// The kernel timer id, or the error number while `FAILED`.
    id: i32,
    /// The helper's tid, for `timer_delete`'s wake-up signal.
    helper: i32,
    state: AtomicU32,
}

/// Whether a C `timer_t` value names a thread timer's record.
pub fn is_thread_timer(t: usize) -> bool {
    t > i32::MAX as usize
}

/// One expiry's call, in its own allocation so that it outlives a concurrent delete.
struct Call {
    function: unsafe extern "C" fn(libc::sigval),
    value: libc::sigval,
}

/// A callback thread: calls the function once.
unsafe extern "C" fn run_call(arg: *mut c_void) -> *mut c_void {
    let call = arg.cast::<Call>();
    // SAFETY: `arg` is the `Call` the helper allocated for this thread alone.
    let (f, v) = unsafe { ((*call).function, (*call).value) };
    // SAFETY: our allocation, not used after this.
    unsafe { alloc::deallocate(call.cast()) };
    // SAFETY: the program's notification function, called as `sigevent` promises.
    unsafe { f(v) };
    core::ptr::null_mut()
}

/// The helper thread's body.
unsafe extern "C" fn helper(arg: *mut c_void) -> *mut c_void {
    let r = arg.cast::<Record>();
    let tid = rustix::thread::gettid().as_raw_nonzero().get();
    // SAFETY: the record stays alive until this thread frees it below; the creator only reads
    // `id`/`state` after the Release store that publishes them.
    let rec = unsafe { &mut *r };
    // SAFETY: all-zero bytes are a valid `sigevent` (integers and a union).
    let mut ev: libc::sigevent = unsafe { core::mem::zeroed() };
    ev.sigev_notify = libc::SIGEV_THREAD_ID;
    ev.sigev_signo = SIGTIMER;
    ev.sigev_notify_thread_id = tid;
    rec.helper = tid;
    // SAFETY: `ev` is a live, complete `sigevent`.
    match unsafe { super::timer::create(rec.clock, &raw const ev) } {
        Ok(id) => {
            rec.id = id;
            // Release: `id` and `helper` are visible to the creator that sees RUNNING.
            rec.state.store(RUNNING, Ordering::Release);
        }
        Err(e) => {
            rec.id = e.raw_os_error();
            // Release: as above, for the error number.
            rec.state.store(FAILED, Ordering::Release);
            futex::wake(&rec.state, 1);
            return core::ptr::null_mut();
        }
    }
    futex::wake(&rec.state, 1);
    let wanted = 1u64 << (SIGTIMER - 1);
    loop {
        // SAFETY: all-zero bytes are a valid `siginfo_t`.
        let mut info: libc::siginfo_t = unsafe { core::mem::zeroed() };
        // SAFETY: waits for the timer signal into a live local.
        if unsafe { super::wait::timed_any(wanted, &raw mut info, core::ptr::null()) }.is_err() {
            continue;
        }
        if info.si_code == libc::SI_TKILL {
            break;
        }
        // Acquire: pairs with `delete`'s Release store; a late expiry is dropped.
        if rec.state.load(Ordering::Acquire) == DELETED {
            continue;
        }
        let call = alloc::allocate(size_of::<Call>()).cast::<Call>();
        if call.is_null() {
            continue;
        }
        // SAFETY: a fresh block for one `Call`.
        unsafe { call.write(Call { function: rec.function, value: rec.value }) };
        if crate::thread::create::create_with(crate::thread::tcb::Entry::Posix(run_call), call.cast(), &rec.attr).is_err() {
            // SAFETY: not handed to a thread.
            unsafe { alloc::deallocate(call.cast()) };
        }
    }
    // Release: `delete` frees the record only after seeing this, after our last access.
    rec.state.store(ENDED, Ordering::Release);
    futex::wake(&rec.state, 1);
    core::ptr::null_mut()
}

/// `timer_create(clock, event)` for `SIGEV_THREAD`: the `timer_t` value.
///
/// # Safety
/// `event` must be a readable `sigevent` with `SIGEV_THREAD`, its function a valid one and
/// its attributes null or initialised.
pub unsafe fn create(clock: i32, event: *const libc::sigevent) -> Result<usize, Errno> {
    // SAFETY: per the contract.
    let ev = unsafe { &*event };
    // SAFETY: glibc's `sigevent` keeps the function at offset 16 and the attributes at 24
    // (the union `_sigev_thread`), where the `libc` crate has no named fields.
    let (function, attr_ptr) = unsafe {
        let base = event.cast::<u8>();
        (base.add(16).cast::<Option<unsafe extern "C" fn(libc::sigval)>>().read(), base.add(24).cast::<*const c_void>().read())
    };
    let function = function.ok_or(Errno::INVAL)?;
    let mut attr = if attr_ptr.is_null() {
        crate::thread::attr::Attr::new()
    } else {
        // SAFETY: an initialised `pthread_attr_t` per the contract, whose layout is `Attr`.
        unsafe { &*attr_ptr.cast::<crate::thread::attr::Attr>() }.duplicate()?
    };
    attr.flags |= crate::thread::attr::FLAG_DETACHED;
    let r = alloc::allocate(size_of::<Record>()).cast::<Record>();
    if r.is_null() {
        attr.destroy();
        return Err(Errno::AGAIN);
    }
    let record = Record { function, value: ev.sigev_value, clock, attr, id: 0, helper: 0, state: AtomicU32::new(STARTING) };
    // SAFETY: a fresh block for one `Record`.
    unsafe { r.write(record) };
    let mut helper_attr = crate::thread::attr::Attr::new();
    helper_attr.flags |= crate::thread::attr::FLAG_DETACHED | crate::thread::attr::FLAG_SIGMASK;
    helper_attr.sigmask = !0;
    if let Err(e) = crate::thread::create::create_with(crate::thread::tcb::Entry::Posix(helper), r.cast(), &helper_attr) {
        // SAFETY: the record was never handed out.
        unsafe {
            (*r).attr.destroy();
            alloc::deallocate(r.cast());
        }
        return Err(e);
    }
    // SAFETY: the record lives until the helper frees it, which it does only after DELETED
    // (set below or by `delete`) or right after FAILED, which is handled here first.
    let state = unsafe { &(*r).state };
    loop {
        // Acquire: pairs with the helper's Release store of RUNNING or FAILED.
        match state.load(Ordering::Acquire) {
            STARTING => futex::wait(state, STARTING),
            FAILED => {
                // SAFETY: the helper has ended without touching the record again.
                let e = unsafe { (*r).id };
                // SAFETY: nobody else has the record.
                unsafe {
                    (*r).attr.destroy();
                    alloc::deallocate(r.cast());
                }
                return Err(Errno::from_raw_os_error(e));
            }
            _ => return Ok(r as usize),
        }
    }
}

/// The kernel timer id behind a thread timer's `timer_t`.
///
/// # Safety
/// `t` must come from [`create`] and not be deleted.
pub unsafe fn kernel_id(t: usize) -> i32 {
    // SAFETY: per the contract; `id` is read-only once RUNNING.
    unsafe { (*(t as *const Record)).id }
}

/// `timer_delete` for a thread timer: stops the helper and frees the record.
///
/// # Safety
/// As [`kernel_id`]; the value is not used again.
pub unsafe fn delete(t: usize) -> Result<(), Errno> {
    let r = t as *mut Record;
    // SAFETY: per the contract.
    let (id, helper) = unsafe { ((*r).id, (*r).helper) };
    super::timer::delete(id)?;
    // SAFETY: the record lives until this function frees it.
    let state = unsafe { &(*r).state };
    // Release: expiries the helper takes from now on are dropped.
    state.store(DELETED, Ordering::Release);
    let pid = rustix::process::getpid().as_raw_nonzero().get();
    // SAFETY: integer arguments; the helper is alive (it ends only on this signal).
    unsafe { crate::io::syscall::call3(libc::SYS_tgkill, pid as usize, helper as usize, SIGTIMER as usize) }?;
    // Acquire: the helper's last access to the record happens before its ENDED store.
    let mut s = state.load(Ordering::Acquire);
    while s != ENDED {
        futex::wait(state, s);
        // Acquire: as above.
        s = state.load(Ordering::Acquire);
    }
    // SAFETY: the helper has let go; nobody else has the record.
    unsafe {
        (*r).attr.destroy();
        alloc::deallocate(r.cast());
    }
    Ok(())
}
