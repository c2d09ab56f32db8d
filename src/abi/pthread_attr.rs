//! `<pthread.h>`: thread attribute objects (`pthread_attr_*`) and the process defaults.

use crate::thread::attr::{self, Attr, FLAG_DETACHED, FLAG_EXPLICIT_SCHED, FLAG_SIGMASK, FLAG_STACK, STACK_MIN};
use super::pthread::ret;
use core::ffi::{c_int, c_void};
use libc::{pthread_attr_t, sched_param};
use rustix::io::Errno;

/// `PTHREAD_SCOPE_SYSTEM` and `PTHREAD_SCOPE_PROCESS` of glibc's header.
const SCOPE_SYSTEM: c_int = 0;
const SCOPE_PROCESS: c_int = 1;

/// The attribute object behind a C pointer.
///
/// # Safety
/// `a` must point at a `pthread_attr_t` initialised by `pthread_attr_init` (or filled by
/// `pthread_getattr_np`/`pthread_getattr_default_np`).
unsafe fn get<'a>(a: *const pthread_attr_t) -> &'a Attr {
    // SAFETY: per the contract; `Attr` is the layout of our `pthread_attr_t` (56 bytes).
    unsafe { &*a.cast::<Attr>() }
}

/// # Safety
/// As for [`get`], and writable.
unsafe fn get_mut<'a>(a: *mut pthread_attr_t) -> &'a mut Attr {
    // SAFETY: as in `get`.
    unsafe { &mut *a.cast::<Attr>() }
}

/// [`pthread_attr_init`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_attr_init.html)
///
/// # Safety
/// `a` must be writable for a `pthread_attr_t`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_attr_init(a: *mut pthread_attr_t) -> c_int {
    // SAFETY: writable per the contract.
    unsafe { a.cast::<Attr>().write(Attr::new()) };
    0
}

/// [`pthread_attr_destroy`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_attr_destroy.html)
///
/// # Safety
/// `a` must be an initialised attribute object; it may not be used again until initialised.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_attr_destroy(a: *mut pthread_attr_t) -> c_int {
    // SAFETY: per the contract.
    unsafe { get_mut(a) }.destroy();
    0
}

/// Sets or clears one flag from a boolean-valued C setting that must be 0 or 1.
fn set_flag(a: &mut Attr, flag: u32, value: c_int) -> Result<(), Errno> {
    match value {
        0 => a.flags &= !flag,
        1 => a.flags |= flag,
        _ => return Err(Errno::INVAL),
    }
    Ok(())
}

/// [`pthread_attr_setdetachstate`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_attr_setdetachstate.html)
///
/// # Safety
/// `a` must be an initialised attribute object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_attr_setdetachstate(a: *mut pthread_attr_t, state: c_int) -> c_int {
    // SAFETY: per the contract.
    ret(set_flag(unsafe { get_mut(a) }, FLAG_DETACHED, state))
}

/// [`pthread_attr_getdetachstate`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_attr_getdetachstate.html)
///
/// # Safety
/// `a` an initialised attribute object; `out` writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_attr_getdetachstate(a: *const pthread_attr_t, out: *mut c_int) -> c_int {
    // SAFETY: per the contract.
    unsafe { out.write((get(a).flags & FLAG_DETACHED != 0) as c_int) };
    0
}

/// [`pthread_attr_setinheritsched`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_attr_setinheritsched.html)
///
/// # Safety
/// `a` must be an initialised attribute object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_attr_setinheritsched(a: *mut pthread_attr_t, inherit: c_int) -> c_int {
    // SAFETY: per the contract.
    ret(set_flag(unsafe { get_mut(a) }, FLAG_EXPLICIT_SCHED, inherit))
}

/// [`pthread_attr_getinheritsched`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_attr_getinheritsched.html)
///
/// # Safety
/// `a` an initialised attribute object; `out` writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_attr_getinheritsched(a: *const pthread_attr_t, out: *mut c_int) -> c_int {
    // SAFETY: per the contract.
    unsafe { out.write((get(a).flags & FLAG_EXPLICIT_SCHED != 0) as c_int) };
    0
}

/// [`pthread_attr_setschedpolicy`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_attr_setschedpolicy.html)
///
/// # Safety
/// `a` must be an initialised attribute object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_attr_setschedpolicy(a: *mut pthread_attr_t, policy: c_int) -> c_int {
    // SAFETY: per the contract.
    let a = unsafe { get_mut(a) };
    ret(crate::thread::sched::check_policy(policy).map(|()| a.policy = policy))
}

/// [`pthread_attr_getschedpolicy`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_attr_getschedpolicy.html)
///
/// # Safety
/// `a` an initialised attribute object; `out` writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_attr_getschedpolicy(a: *const pthread_attr_t, out: *mut c_int) -> c_int {
    // SAFETY: per the contract.
    unsafe { out.write(get(a).policy) };
    0
}

/// [`pthread_attr_setschedparam`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_attr_setschedparam.html):
/// `EINVAL` for a priority outside the policy's range.
///
/// # Safety
/// `a` an initialised attribute object; `param` readable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_attr_setschedparam(a: *mut pthread_attr_t, param: *const sched_param) -> c_int {
    // SAFETY: per the contract.
    let (a, priority) = unsafe { (get_mut(a), (*param).sched_priority) };
    ret(crate::thread::sched::check_policy_priority(a.policy, priority).map(|()| a.priority = priority))
}

/// [`pthread_attr_getschedparam`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_attr_getschedparam.html)
///
/// # Safety
/// `a` an initialised attribute object; `param` writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_attr_getschedparam(a: *const pthread_attr_t, param: *mut sched_param) -> c_int {
    // SAFETY: per the contract.
    unsafe { param.write(sched_param { sched_priority: get(a).priority }) };
    0
}

/// [`pthread_attr_setscope`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_attr_setscope.html):
/// only `PTHREAD_SCOPE_SYSTEM` (Linux has no process scope: `ENOTSUP`).
///
/// # Safety
/// `a` must be an initialised attribute object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_attr_setscope(_a: *mut pthread_attr_t, scope: c_int) -> c_int {
    match scope {
        SCOPE_SYSTEM => 0,
        SCOPE_PROCESS => libc::ENOTSUP,
        _ => libc::EINVAL,
    }
}

/// [`pthread_attr_getscope`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_attr_getscope.html)
///
/// # Safety
/// `out` writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_attr_getscope(_a: *const pthread_attr_t, out: *mut c_int) -> c_int {
    // SAFETY: per the contract.
    unsafe { out.write(SCOPE_SYSTEM) };
    0
}

/// [`pthread_attr_setstacksize`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_attr_setstacksize.html):
/// `EINVAL` below `PTHREAD_STACK_MIN`.
///
/// # Safety
/// `a` must be an initialised attribute object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_attr_setstacksize(a: *mut pthread_attr_t, size: usize) -> c_int {
    if size < STACK_MIN {
        return libc::EINVAL;
    }
    // SAFETY: per the contract.
    unsafe { get_mut(a) }.stack_size = size;
    0
}

/// [`pthread_attr_getstacksize`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_attr_getstacksize.html):
/// the size set, or the default a thread would get.
///
/// # Safety
/// `a` an initialised attribute object; `out` writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_attr_getstacksize(a: *const pthread_attr_t, out: *mut usize) -> c_int {
    // SAFETY: per the contract.
    unsafe { out.write(get(a).effective_stack_size()) };
    0
}

/// [`pthread_attr_setstack`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_attr_setstack.html):
/// the thread runs on `[addr, addr + size)`; `EINVAL` below `PTHREAD_STACK_MIN`.
///
/// # Safety
/// `a` must be an initialised attribute object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_attr_setstack(a: *mut pthread_attr_t, addr: *mut c_void, size: usize) -> c_int {
    if size < STACK_MIN {
        return libc::EINVAL;
    }
    // SAFETY: per the contract.
    let a = unsafe { get_mut(a) };
    a.stack_top = (addr as usize).wrapping_add(size);
    a.stack_size = size;
    a.flags |= FLAG_STACK;
    0
}

/// [`pthread_attr_getstack`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_attr_getstack.html)
///
/// # Safety
/// `a` an initialised attribute object; `addr` and `size` writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_attr_getstack(a: *const pthread_attr_t, addr: *mut *mut c_void, size: *mut usize) -> c_int {
    // SAFETY: per the contract.
    unsafe {
        let a = get(a);
        let s = a.effective_stack_size();
        addr.write(a.stack_top.wrapping_sub(s) as *mut c_void);
        size.write(s);
    }
    0
}

/// `pthread_attr_setstackaddr` (obsolete): the top of the thread's stack (x86_64 stacks grow
/// down), its size the attribute's stack size.
///
/// # Safety
/// `a` must be an initialised attribute object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_attr_setstackaddr(a: *mut pthread_attr_t, addr: *mut c_void) -> c_int {
    // SAFETY: per the contract.
    let a = unsafe { get_mut(a) };
    a.stack_top = addr as usize;
    a.flags |= FLAG_STACK;
    0
}

/// `pthread_attr_getstackaddr` (obsolete): the stack top set by `pthread_attr_setstackaddr`.
///
/// # Safety
/// `a` an initialised attribute object; `out` writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_attr_getstackaddr(a: *const pthread_attr_t, out: *mut *mut c_void) -> c_int {
    // SAFETY: per the contract.
    unsafe { out.write(get(a).stack_top as *mut c_void) };
    0
}

/// [`pthread_attr_setguardsize`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_attr_setguardsize.html):
/// rounded up to whole pages when the thread is made; ignored with a program's stack.
///
/// # Safety
/// `a` must be an initialised attribute object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_attr_setguardsize(a: *mut pthread_attr_t, size: usize) -> c_int {
    // SAFETY: per the contract.
    unsafe { get_mut(a) }.guard_size = size;
    0
}

/// [`pthread_attr_getguardsize`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_attr_getguardsize.html)
///
/// # Safety
/// `a` an initialised attribute object; `out` writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_attr_getguardsize(a: *const pthread_attr_t, out: *mut usize) -> c_int {
    // SAFETY: per the contract.
    unsafe { out.write(get(a).guard_size) };
    0
}

/// `pthread_attr_setaffinity_np`: the CPUs the thread may run on (a copy of the set); a null
/// set or size 0 removes the setting. `ENOMEM` when the copy cannot be stored.
///
/// # Safety
/// `a` an initialised attribute object; `set` null or readable for `size` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_attr_setaffinity_np(a: *mut pthread_attr_t, size: usize, set: *const libc::cpu_set_t) -> c_int {
    let bytes: &[u8] = if set.is_null() || size == 0 {
        &[]
    } else {
        // SAFETY: readable for `size` bytes per the contract.
        unsafe { core::slice::from_raw_parts(set.cast::<u8>(), size) }
    };
    // SAFETY: per the contract.
    ret(unsafe { get_mut(a) }.set_affinity(bytes))
}

/// `pthread_attr_getaffinity_np`: the set given (zero-extended to `size`; `EINVAL` if a CPU
/// in it does not fit), or every CPU when none was given.
///
/// # Safety
/// `a` an initialised attribute object; `set` writable for `size` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_attr_getaffinity_np(a: *const pthread_attr_t, size: usize, set: *mut libc::cpu_set_t) -> c_int {
    // SAFETY: writable for `size` bytes per the contract.
    let out = unsafe { core::slice::from_raw_parts_mut(set.cast::<u8>(), size) };
    // SAFETY: per the contract.
    match unsafe { get(a) }.affinity() {
        None => out.fill(0xff),
        Some(stored) => {
            if stored.iter().skip(size).any(|&b| b != 0) {
                return libc::EINVAL;
            }
            out.fill(0);
            let n = stored.len().min(size);
            if let (Some(dst), Some(src)) = (out.get_mut(..n), stored.get(..n)) {
                dst.copy_from_slice(src);
            }
        }
    }
    0
}

/// `pthread_attr_setsigmask_np`: the signal mask the thread starts with; null removes the
/// setting (the thread inherits its creator's mask).
///
/// # Safety
/// `a` an initialised attribute object; `mask` null or readable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_attr_setsigmask_np(a: *mut pthread_attr_t, mask: *const libc::sigset_t) -> c_int {
    // SAFETY: per the contract.
    let a = unsafe { get_mut(a) };
    if mask.is_null() {
        a.flags &= !FLAG_SIGMASK;
    } else {
        // SAFETY: readable per the contract; the kernel's 64 signals are its first word.
        a.sigmask = unsafe { mask.cast::<u64>().read() };
        a.flags |= FLAG_SIGMASK;
    }
    0
}

/// `pthread_attr_getsigmask_np`: the mask set, or `PTHREAD_ATTR_NO_SIGMASK_NP` (-1) with an
/// empty set when there is none.
///
/// # Safety
/// `a` an initialised attribute object; `mask` writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_attr_getsigmask_np(a: *const pthread_attr_t, mask: *mut libc::sigset_t) -> c_int {
    // SAFETY: per the contract.
    let a = unsafe { get(a) };
    // SAFETY: writable per the contract; a sigset_t is 128 bytes, the first word the kernel's.
    unsafe {
        core::ptr::write_bytes(mask.cast::<u8>(), 0, core::mem::size_of::<libc::sigset_t>());
        if a.flags & FLAG_SIGMASK == 0 {
            return -1;
        }
        mask.cast::<u64>().write(a.sigmask);
    }
    0
}

/// `pthread_getattr_default_np`: the attributes a thread created without any gets.
///
/// # Safety
/// `a` writable for a `pthread_attr_t` (it becomes an initialised attribute object).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_getattr_default_np(a: *mut pthread_attr_t) -> c_int {
    // SAFETY: writable per the contract.
    ret(attr::get_default().map(|d| unsafe { a.cast::<Attr>().write(d) }))
}

/// `pthread_setattr_default_np`: the attributes for threads created without any. `EINVAL`
/// for a stack address, a stack size below the minimum or a bad priority.
///
/// # Safety
/// `a` an initialised attribute object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_setattr_default_np(a: *const pthread_attr_t) -> c_int {
    // SAFETY: per the contract.
    ret(attr::set_default(unsafe { get(a) }))
}

/// `pthread_getattr_np`: the attributes thread `thread` runs with (its actual stack, guard,
/// detach state, scheduling and affinity), as a new attribute object.
///
/// # Safety
/// `thread` must name a thread not yet joined; `a` writable for a `pthread_attr_t`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_getattr_np(thread: libc::pthread_t, a: *mut pthread_attr_t) -> c_int {
    // SAFETY: per the contract.
    ret(unsafe { crate::thread::getattr::get(thread as *mut _) }.map(|got| unsafe { a.cast::<Attr>().write(got) }))
}
