//! The signal-return trampoline.

/// `__restore_rt`: where a signal handler returns to. The kernel pushed a signal frame and
/// set the handler's return address here (`SA_RESTORER`); `rt_sigreturn` restores the
/// interrupted context (registers, signal mask, alternate-stack state) from that frame.
///
/// # Safety
/// Only reached by a handler's `ret`, with `%rsp` at the kernel's signal frame.
#[unsafe(naked)]
pub unsafe extern "C" fn restore_rt() {
    core::arch::naked_asm!(
        // System call number 15: rt_sigreturn. It never returns here.
        "mov eax, 15",
        // Enter the kernel, which resumes the interrupted code.
        "syscall",
        // Unreachable: trap if the kernel ever returned.
        "ud2",
    )
}
