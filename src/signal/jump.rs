//! The signal-mask half of `sigsetjmp`/`siglongjmp` and `__longjmp_chk`'s frame check; the
//! register half is `crate::arch`'s assembly.

/// Offset of `__mask_was_saved` in a `jmp_buf`, and of the saved mask.
const MASK_WAS_SAVED: usize = 64;
const SAVED_MASK: usize = 72;

/// Called by `__sigsetjmp` (a tail call, so its 0 is `setjmp`'s first return): records
/// whether the mask is saved, and saves it.
///
/// # Safety
/// `env` must be writable for a `jmp_buf`.
pub unsafe extern "C" fn save_mask(env: *mut u8, savemask: i32) -> i32 {
    let saved = savemask != 0 && super::mask::change(libc::SIG_BLOCK, None).is_ok_and(|mask| {
        // SAFETY: the mask word of the caller's `jmp_buf`.
        unsafe { env.add(SAVED_MASK).cast::<u64>().write_unaligned(mask) };
        true
    });
    // SAFETY: the flag word of the caller's `jmp_buf`.
    unsafe { env.add(MASK_WAS_SAVED).cast::<i32>().write_unaligned(i32::from(saved)) };
    0
}

/// Puts back the mask a `jmp_buf` saved, if it saved one.
///
/// # Safety
/// `env` must be readable for a `jmp_buf`.
pub unsafe fn restore_mask(env: *const u8) {
    // SAFETY: per the contract.
    let (saved, mask) = unsafe {
        (env.add(MASK_WAS_SAVED).cast::<i32>().read_unaligned(), env.add(SAVED_MASK).cast::<u64>().read_unaligned())
    };
    if saved != 0 {
        let _ = super::mask::change(libc::SIG_SETMASK, Some(mask));
    }
}

/// The stack pointer a `jmp_buf` would resume with (its demangled word 6).
///
/// # Safety
/// `env` must be readable for a `jmp_buf`.
unsafe fn saved_stack(env: *const u8) -> usize {
    // SAFETY: per the contract; the guard is this thread's.
    let (word, guard) = unsafe { (env.add(48).cast::<usize>().read_unaligned(), (*crate::thread::tcb::current()).pointer_guard) };
    word.rotate_right(17) ^ guard
}

/// Whether jumping to `env` from here is a jump up the stack (to a frame that is still
/// live), or away from an alternate signal stack that the calling handler runs on.
///
/// # Safety
/// `env` must be readable for a `jmp_buf`.
pub unsafe fn jump_is_upward(env: *const u8) -> bool {
    // SAFETY: per the contract.
    if unsafe { saved_stack(env) } >= crate::arch::stack_pointer() {
        return true;
    }
    let mut ss = libc::stack_t { ss_sp: core::ptr::null_mut(), ss_flags: 0, ss_size: 0 };
    // SAFETY: queries only, into a local.
    unsafe { super::stack::sigaltstack(core::ptr::null(), &raw mut ss) }.is_ok() && ss.ss_flags & libc::SS_ONSTACK != 0
}

/// `__longjmp_chk`'s failure: glibc's message, then SIGABRT.
pub fn bad_jump() -> ! {
    crate::io::diag::write_stderr(&[b"*** longjmp causes uninitialized stack frame ***: terminated\n"]);
    crate::exit::abort::abort()
}
