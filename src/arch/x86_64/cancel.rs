//! The system call of a cancellation point, in the form that lets a cancellation request
//! act only where it loses nothing (musl's design; glibc's since its bug 12683 was fixed).
//!
//! [`cancellable_syscall`] checks the thread's cancellation word and then makes the call.
//! Between the label before the check ([`region`]'s start) and the one just after the
//! `syscall` instruction (its end) the call has had no effect yet: a thread interrupted
//! there may be cancelled, by sending it to [`landing`] instead of back. A blocking call
//! that a handler interrupts with `SA_RESTART` is rewound by the kernel to its `syscall`
//! instruction, inside the region; one that completed returns past it, outside.

use core::sync::atomic::AtomicU32;

core::arch::global_asm!(
    ".pushsection .text.rustcrt_cp_syscall,\"ax\",@progbits",
    ".globl rustcrt_cp_syscall",
    ".hidden rustcrt_cp_syscall",
    ".type rustcrt_cp_syscall, @function",
    ".globl rustcrt_cp_begin",
    ".hidden rustcrt_cp_begin",
    ".globl rustcrt_cp_end",
    ".hidden rustcrt_cp_end",
    ".globl rustcrt_cp_cancel",
    ".hidden rustcrt_cp_cancel",
    // rdi: the cancellation word, rsi: the call number, rdx: the six arguments.
    "rustcrt_cp_syscall:",
    "rustcrt_cp_begin:",
    // A request the thread must act on now: the bits under `{mask}` equal `{acts}`.
    "mov eax, dword ptr [rdi]",
    "and eax, {mask}",
    "cmp eax, {acts}",
    "je rustcrt_cp_cancel",
    // The kernel's registers: number in rax, arguments in rdi, rsi, rdx, r10, r8, r9
    // (rdx last, since it holds the array's address).
    "mov rax, rsi",
    "mov rdi, qword ptr [rdx]",
    "mov rsi, qword ptr [rdx + 8]",
    "mov r10, qword ptr [rdx + 24]",
    "mov r8, qword ptr [rdx + 32]",
    "mov r9, qword ptr [rdx + 40]",
    "mov rdx, qword ptr [rdx + 16]",
    "syscall",
    "rustcrt_cp_end:",
    "ret",
    // Never returns; %rsp is as at entry, so the callee sees an ordinary call's alignment.
    "rustcrt_cp_cancel:",
    "jmp {cancelled}",
    ".size rustcrt_cp_syscall, . - rustcrt_cp_syscall",
    ".popsection",
    mask = const crate::thread::cancel::ACT_MASK,
    acts = const crate::thread::cancel::REQUESTED,
    cancelled = sym crate::thread::cancel::cancelled,
);

unsafe extern "C" {
    fn rustcrt_cp_syscall(word: *const AtomicU32, nr: usize, args: *const [usize; 6]) -> isize;
    static rustcrt_cp_begin: u8;
    static rustcrt_cp_end: u8;
    static rustcrt_cp_cancel: u8;
}

/// Makes system call `nr` unless `word` shows a request to act on (then it jumps to the
/// thread's cancellation, never returning). The kernel's raw answer, as [`super::syscall6`].
///
/// # Safety
/// As [`super::syscall6`]; `word` must be the calling thread's cancellation word.
#[inline]
pub unsafe fn cancellable_syscall(word: &AtomicU32, nr: usize, args: &[usize; 6]) -> isize {
    // SAFETY: the caller vouches for the call; the routine clobbers only what a C call does
    // and returns the kernel's answer.
    unsafe { rustcrt_cp_syscall(word, nr, args) }
}

/// The addresses `[start, end)` where a cancellation point has not made its call yet.
pub fn region() -> (usize, usize) {
    ((&raw const rustcrt_cp_begin) as usize, (&raw const rustcrt_cp_end) as usize)
}

/// Where a thread interrupted inside [`region`] is sent to be cancelled.
pub fn landing() -> usize {
    (&raw const rustcrt_cp_cancel) as usize
}
