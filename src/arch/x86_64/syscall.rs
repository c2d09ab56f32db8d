//! The raw `syscall` instruction, for the few system calls rustix does not wrap (record-lock
//! `fcntl` commands, interval timers, POSIX timers, `rt_sigqueueinfo`, `getrusage`, C's
//! `syscall()`...). Everything else goes through rustix.

/// Makes system call `nr` with six arguments and returns the kernel's raw answer (a value, or
/// `-errno` in `-4095..=-1`).
///
/// # Safety
/// The call and its arguments must be valid for that system call: pointers the kernel reads or
/// writes must be what the call expects (a bad address gives `-EFAULT`), and the call must not
/// break the library's invariants (no `clone`, no `exit` of a thread, no `%fs` change).
#[inline]
pub unsafe fn syscall6(nr: usize, args: [usize; 6]) -> isize {
    let ret: isize;
    // SAFETY: the caller vouches for the call; the kernel preserves every register except
    // %rax (the result), %rcx (return address) and %r11 (flags), which are declared clobbered.
    unsafe {
        core::arch::asm!(
            "syscall",
            inlateout("rax") nr as isize => ret,
            in("rdi") args[0],
            in("rsi") args[1],
            in("rdx") args[2],
            in("r10") args[3],
            in("r8") args[4],
            in("r9") args[5],
            lateout("rcx") _,
            lateout("r11") _,
            options(nostack),
        );
    }
    ret
}
