//! Set-id calls for the whole process. The kernel changes the credentials of the calling
//! thread only; POSIX (and glibc, with its `SIGSETXID`) changes every thread's. Here the
//! caller makes the call itself, then asks every other thread to make the same call: it
//! lists the threads in `/proc/self/task`, sends each the runtime's signal 33, whose handler
//! repeats the call in that thread and reports back, and waits. A thread that ends without
//! answering is noticed (`tgkill(tid, 0)` fails) and no longer waited for. Threads created
//! meanwhile are found by listing again, until a listing shows no thread not yet asked.
//!
//! With a single thread (the usual case) it is just the system call.
//!
//! The request is in statics under one lock; the handler only reads them, makes a raw system
//! call, stores to an atomic slot and wakes a futex, all async-signal-safe.

use crate::alloc;
use crate::sync::futex;
use crate::sync::lock::RawLock;
use core::sync::atomic::{AtomicBool, AtomicI32, AtomicPtr, AtomicU32, AtomicUsize, Ordering};
use rustix::io::Errno;

/// The runtime's set-id signal.
const SIGSETXID: i32 = 33;

/// Serialises set-id calls.
static LOCK: RawLock = RawLock::new();
/// The call every thread makes: number and three arguments.
static REQUEST: [AtomicUsize; 4] = [const { AtomicUsize::new(0) }; 4];
/// The threads asked in this round: a tid while unanswered, its negation once answered.
static ASKED: AtomicPtr<AtomicI32> = AtomicPtr::new(core::ptr::null_mut());
static ASKED_LEN: AtomicUsize = AtomicUsize::new(0);
/// Bumped by each answer, so the caller can sleep on it.
static ANSWERS: AtomicU32 = AtomicU32::new(0);
/// Whether the handler is installed (it stays installed).
static INSTALLED: AtomicBool = AtomicBool::new(false);

/// The raw call.
fn call(nr: usize, args: [usize; 3]) -> Result<(), Errno> {
    // SAFETY: only the set-id calls come here, with integer ids or a group list that the
    // caller vouched for (EFAULT otherwise).
    unsafe { crate::io::syscall::call(nr as libc::c_long, [args[0], args[1], args[2], 0, 0, 0]) }.map(|_| ())
}

/// Signal 33's handler: repeats the request in this thread and answers.
extern "C" fn on_setxid(_sig: i32) {
    // Acquire: the request and the list were published (Release) before the signal was sent.
    let nr = REQUEST[0].load(Ordering::Acquire);
    let args = [1, 2, 3].map(|i| REQUEST[i].load(Ordering::Relaxed));
    let _ = call(nr, args);
    let me = rustix::thread::gettid().as_raw_nonzero().get();
    let list = ASKED.load(Ordering::Acquire);
    let len = ASKED_LEN.load(Ordering::Acquire);
    for i in 0..len {
        // SAFETY: the caller keeps the list alive until every asked thread has answered or
        // ended.
        let slot = unsafe { &*list.add(i) };
        // Release: the caller's Acquire load of the negated tid sees our call done.
        if slot.compare_exchange(me, -me, Ordering::Release, Ordering::Relaxed).is_ok() {
            break;
        }
    }
    // Release: pairs with the caller's Acquire load of the counter.
    ANSWERS.fetch_add(1, Ordering::Release);
    futex::wake(&ANSWERS, 1);
}

/// Installs the handler once.
fn install() -> Result<(), Errno> {
    // Relaxed: the flag is only read and written with `LOCK` held.
    if INSTALLED.load(Ordering::Relaxed) {
        return Ok(());
    }
    use crate::kernel::{self as runtime, KernelSigSet, KernelSigaction, KernelSigactionFlags, Signal};
    let action = KernelSigaction {
        sa_handler_kernel: Some(on_setxid),
        sa_flags: KernelSigactionFlags::RESTART | KernelSigactionFlags::RESTORER,
        sa_restorer: Some(crate::arch::restore_rt),
        sa_mask: KernelSigSet::all(),
    };
    // SAFETY: the runtime's own signal and handler, which programs cannot change (sigaction
    // refuses 33); the restorer is the library's trampoline.
    unsafe { runtime::kernel_sigaction(Signal::from_raw_unchecked(SIGSETXID), Some(action)) }?;
    // Relaxed: as above.
    INSTALLED.store(true, Ordering::Relaxed);
    Ok(())
}

/// The other threads' ids, from `/proc/self/task`, into a new allocation; its length.
fn list_threads(me: i32) -> Result<(*mut AtomicI32, usize), Errno> {
    use rustix::fs::{Mode, OFlags, RawDir};
    let dir = rustix::fs::open(c"/proc/self/task", OFlags::RDONLY | OFlags::DIRECTORY | OFlags::CLOEXEC, Mode::empty())?;
    let mut buf = [core::mem::MaybeUninit::<u8>::uninit(); 2048];
    let mut entries = RawDir::new(&dir, &mut buf);
    let (mut list, mut len, mut cap) = (core::ptr::null_mut::<AtomicI32>(), 0usize, 0usize);
    while let Some(entry) = entries.next() {
        let entry = entry?;
        let name = entry.file_name().to_bytes();
        let Some(tid) = name.iter().try_fold(0i32, |n, &d| d.is_ascii_digit().then(|| n * 10 + i32::from(d - b'0'))) else {
            continue;
        };
        if tid == 0 || tid == me {
            continue;
        }
        if len == cap {
            cap = if cap == 0 { 64 } else { cap * 2 };
            // SAFETY: null or our allocation.
            let grown = unsafe { alloc::reallocate(list.cast(), cap * size_of::<AtomicI32>()) };
            if grown.is_null() {
                // SAFETY: null or our allocation.
                unsafe { alloc::deallocate(list.cast()) };
                return Err(Errno::NOMEM);
            }
            list = grown.cast();
        }
        // SAFETY: `len < cap` slots.
        unsafe { list.add(len).write(AtomicI32::new(tid)) };
        len += 1;
    }
    Ok((list, len))
}

/// Asks every thread in `list` and waits until each has answered or ended.
fn ask_all(list: *mut AtomicI32, len: usize) {
    // Release: the handler's Acquire loads see the list.
    ASKED_LEN.store(0, Ordering::Release);
    ASKED.store(list, Ordering::Release);
    ASKED_LEN.store(len, Ordering::Release);
    let pid = rustix::process::getpid().as_raw_nonzero().get() as usize;
    let slots = || (0..len).map(|i| {
        // SAFETY: `len` live slots, freed only after this function.
        unsafe { &*list.add(i) }
    });
    for slot in slots() {
        // Relaxed: our own write of the tid, before any signal.
        let tid = slot.load(Ordering::Relaxed);
        // SAFETY: integer arguments; a thread that has ended gives ESRCH.
        if unsafe { crate::io::syscall::call3(libc::SYS_tgkill, pid, tid as usize, SIGSETXID as usize) }.is_err() {
            slot.store(-tid, Ordering::Relaxed);
        }
    }
    loop {
        // Acquire: answers seen here follow their calls.
        let seen = ANSWERS.load(Ordering::Acquire);
        let mut waiting = false;
        for slot in slots() {
            // Acquire: pairs with the handler's Release exchange.
            let tid = slot.load(Ordering::Acquire);
            if tid > 0 {
                // SAFETY: signal 0 only checks that the thread still exists.
                if unsafe { crate::io::syscall::call3(libc::SYS_tgkill, pid, tid as usize, 0) }.is_err() {
                    slot.store(-tid, Ordering::Relaxed);
                } else {
                    waiting = true;
                }
            }
        }
        if !waiting {
            break;
        }
        let ms = rustix::time::Timespec { tv_sec: 0, tv_nsec: 5_000_000 };
        let _ = rustix::thread::futex::wait(&ANSWERS, rustix::thread::futex::Flags::PRIVATE, seen, Some(&ms));
    }
    // Release: a late handler sees an empty list.
    ASKED_LEN.store(0, Ordering::Release);
}

/// Whether every thread of `now` was already asked (is in `done`).
fn all_asked(now: &[AtomicI32], done: &[AtomicI32]) -> bool {
    // Relaxed: our own lists, read after every answer was awaited.
    now.iter().all(|t| done.iter().any(|d| d.load(Ordering::Relaxed).abs() == t.load(Ordering::Relaxed)))
}

/// Makes set-id call `nr` in every thread of the process.
pub fn setxid(nr: libc::c_long, args: [usize; 3]) -> Result<(), Errno> {
    // Acquire: a thread count of 1 means no other thread exists (only threads create threads).
    if crate::thread::LIVE.load(Ordering::Acquire) <= 1 {
        return call(nr as usize, args);
    }
    LOCK.with(|| {
        call(nr as usize, args)?;
        install()?;
        REQUEST[1].store(args[0], Ordering::Relaxed);
        REQUEST[2].store(args[1], Ordering::Relaxed);
        REQUEST[3].store(args[2], Ordering::Relaxed);
        // Release: publishes the arguments with the number.
        REQUEST[0].store(nr as usize, Ordering::Release);
        let me = rustix::thread::gettid().as_raw_nonzero().get();
        let (mut done, mut done_len) = list_threads(me)?;
        ask_all(done, done_len);
        // Threads created during the round may have copied an old credential: list again.
        loop {
            let (now, now_len) = match list_threads(me) {
                Ok(l) => l,
                Err(e) => {
                    // SAFETY: our allocation, no longer published.
                    unsafe { alloc::deallocate(done.cast()) };
                    return Err(e);
                }
            };
            // SAFETY: both lists have their lengths in live slots.
            let fresh = unsafe {
                !all_asked(core::slice::from_raw_parts(now, now_len), core::slice::from_raw_parts(done, done_len))
            };
            // SAFETY: our allocation, no longer published.
            unsafe { alloc::deallocate(done.cast()) };
            done = now;
            done_len = now_len;
            if !fresh {
                break;
            }
            ask_all(done, done_len);
        }
        // SAFETY: our allocation, no longer published.
        unsafe { alloc::deallocate(done.cast()) };
        Ok(())
    })
}
