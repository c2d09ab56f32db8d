//! `setjmp`/`longjmp` in glibc's `jmp_buf` layout: eight words `rbx, rbp, r12, r13, r14,
//! r15, rsp, pc` at 0..64, then `__mask_was_saved` (int) at 64 and the saved signal mask at
//! 72. As in glibc, `rbp`, `rsp` and `pc` are stored mangled with the pointer guard at
//! `%fs:0x30` (`PTR_MANGLE`: xor with the guard, then rotate left by 17), so a buffer
//! overwritten by an attacker does not name a usable address without the guard.
//!
//! # Safety
//! `__sigsetjmp` must be called, not jumped to: it saves its caller's frame. `jump` needs a
//! buffer filled by `__sigsetjmp` whose frame is still live.

/// `__sigsetjmp(env, savemask)`: saves the caller's callee-saved registers, stack pointer and
/// return address in `env`, then tail-calls `save_mask(env, savemask)`, which returns 0 to
/// the caller.
///
/// # Safety
/// `env` must be writable for a `jmp_buf`.
#[cfg(feature = "c-abi")]
#[unsafe(naked)]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __sigsetjmp(env: *mut u8, savemask: i32) -> i32 {
    core::arch::naked_asm!(
        // rbx, r12-r15 as they are.
        "mov qword ptr [rdi], rbx",
        "mov qword ptr [rdi + 16], r12",
        "mov qword ptr [rdi + 24], r13",
        "mov qword ptr [rdi + 32], r14",
        "mov qword ptr [rdi + 40], r15",
        // rbp, mangled: xor with the pointer guard, rotate left 17.
        "mov rax, rbp",
        "xor rax, qword ptr fs:[0x30]",
        "rol rax, 0x11",
        "mov qword ptr [rdi + 8], rax",
        // The caller's stack pointer once we return (past our return address), mangled.
        "lea rdx, [rsp + 8]",
        "xor rdx, qword ptr fs:[0x30]",
        "rol rdx, 0x11",
        "mov qword ptr [rdi + 48], rdx",
        // The return address: where longjmp resumes, mangled.
        "mov rax, qword ptr [rsp]",
        "xor rax, qword ptr fs:[0x30]",
        "rol rax, 0x11",
        "mov qword ptr [rdi + 56], rax",
        // Tail call: save_mask(env, savemask) returns 0 straight to our caller.
        "jmp {save}",
        save = sym crate::signal::jump::save_mask,
    )
}

/// `setjmp(env)`: `__sigsetjmp(env, 1)`, saving the signal mask as glibc's `setjmp` symbol
/// does (glibc's header maps the `setjmp` macro to `_setjmp`).
///
/// # Safety
/// As [`__sigsetjmp`].
#[cfg(feature = "c-abi")]
#[unsafe(naked)]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn setjmp(env: *mut u8) -> i32 {
    core::arch::naked_asm!(
        // Second argument: save the mask.
        "mov esi, 1",
        // Tail call, so __sigsetjmp sees our caller's frame.
        "jmp {sigsetjmp}",
        sigsetjmp = sym __sigsetjmp,
    )
}

/// `_setjmp(env)`: `__sigsetjmp(env, 0)`, without the signal mask.
///
/// # Safety
/// As [`__sigsetjmp`].
#[cfg(feature = "c-abi")]
#[unsafe(naked)]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn _setjmp(env: *mut u8) -> i32 {
    core::arch::naked_asm!(
        // Second argument: do not save the mask.
        "xor esi, esi",
        // Tail call, so __sigsetjmp sees our caller's frame.
        "jmp {sigsetjmp}",
        sigsetjmp = sym __sigsetjmp,
    )
}

/// `sigsetjmp(env, savemask)`: a macro for `__sigsetjmp` in glibc's header; the symbol too.
///
/// # Safety
/// As [`__sigsetjmp`].
#[cfg(feature = "c-abi")]
#[unsafe(naked)]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sigsetjmp(env: *mut u8, savemask: i32) -> i32 {
    core::arch::naked_asm!(
        // Tail call with the same arguments.
        "jmp {sigsetjmp}",
        sigsetjmp = sym __sigsetjmp,
    )
}

/// Restores the registers saved in `env` and resumes after the `__sigsetjmp` that filled it,
/// which then returns `value` (1 if `value` is 0).
///
/// # Safety
/// `env` must hold a context saved by `__sigsetjmp` in a frame that has not returned.
#[unsafe(naked)]
pub unsafe extern "C" fn jump(env: *const u8, value: i32) -> ! {
    core::arch::naked_asm!(
        // The return value: `value`, or 1 for 0.
        "mov eax, esi",
        "test eax, eax",
        "jnz 2f",
        "inc eax",
        "2:",
        // rbx, r12-r15 as saved.
        "mov rbx, qword ptr [rdi]",
        "mov r12, qword ptr [rdi + 16]",
        "mov r13, qword ptr [rdi + 24]",
        "mov r14, qword ptr [rdi + 32]",
        "mov r15, qword ptr [rdi + 40]",
        // rbp: rotate right 17, then xor with the pointer guard (PTR_DEMANGLE).
        "mov rdx, qword ptr [rdi + 8]",
        "ror rdx, 0x11",
        "xor rdx, qword ptr fs:[0x30]",
        "mov rbp, rdx",
        // The stack pointer, demangled into rcx.
        "mov rcx, qword ptr [rdi + 48]",
        "ror rcx, 0x11",
        "xor rcx, qword ptr fs:[0x30]",
        // The resume address, demangled into rdx.
        "mov rdx, qword ptr [rdi + 56]",
        "ror rdx, 0x11",
        "xor rdx, qword ptr fs:[0x30]",
        // Switch to the saved stack and continue after the __sigsetjmp call.
        "mov rsp, rcx",
        "jmp rdx",
    )
}

/// The current stack pointer.
#[inline(always)]
pub fn stack_pointer() -> usize {
    let sp: usize;
    // SAFETY: reads a register.
    unsafe { core::arch::asm!("mov {}, rsp", out(reg) sp, options(nomem, nostack, preserves_flags)) };
    sp
}
