//! `<setjmp.h>`: the jumps. The `setjmp` side is assembly in `crate::arch` (it must see its
//! caller's frame); the jump side restores the saved signal mask, then the registers.

use core::ffi::c_int;

/// [`longjmp`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/longjmp.html)
///
/// # Safety
/// `env` must hold a context saved by `setjmp` in a function that has not returned.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn longjmp(env: *mut libc::c_void, value: c_int) -> ! {
    // SAFETY: the caller's contract.
    unsafe {
        crate::signal::jump::restore_mask(env.cast());
        crate::arch::jump(env.cast(), value)
    }
}

/// [`siglongjmp`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/siglongjmp.html)
///
/// # Safety
/// As [`longjmp`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn siglongjmp(env: *mut libc::c_void, value: c_int) -> ! {
    // SAFETY: as `longjmp`.
    unsafe { longjmp(env, value) }
}

/// [`_longjmp`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/_longjmp.html)
///
/// # Safety
/// As [`longjmp`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn _longjmp(env: *mut libc::c_void, value: c_int) -> ! {
    // SAFETY: as `longjmp`.
    unsafe { longjmp(env, value) }
}

/// `__longjmp_chk`: `longjmp` under `_FORTIFY_SOURCE`, which refuses to jump down the stack
/// into a frame that has returned (unless leaving an alternate signal stack).
///
/// # Safety
/// As [`longjmp`]; a bad target ends the process instead.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __longjmp_chk(env: *mut libc::c_void, value: c_int) -> ! {
    // SAFETY: the caller's contract: `env` is a `jmp_buf`.
    if !unsafe { crate::signal::jump::jump_is_upward(env.cast()) } {
        crate::signal::jump::bad_jump();
    }
    // SAFETY: as `longjmp`.
    unsafe { longjmp(env, value) }
}
