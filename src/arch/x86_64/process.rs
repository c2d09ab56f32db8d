//! `vfork`, and the variadic `execl`, `execle`, `execlp`.

/// Defines a variadic `exec` function that hands its arguments, as an array, to a Rust
/// function `target(path, args) -> int` (which only returns on failure).
///
/// On entry the first argument (the path) is in `%rdi`, the next five in `%rsi, %rdx, %rcx,
/// %r8, %r9`, and any further ones on the stack above the return address. Pushing the five
/// registers below the stack arguments (with the return address moved out of the way) lays
/// the whole list out contiguously, as an `argv` array.
macro_rules! exec_list_shim {
    ($(#[$doc:meta])* $name:ident => $target:path) => {
        $(#[$doc])*
        ///
        /// # Safety
        /// The arguments must be those C gives this function: strings up to a null pointer
        /// (then `envp` for `execle`).
        #[cfg(feature = "c-abi")]
        #[unsafe(naked)]
        #[unsafe(no_mangle)]
        pub unsafe extern "C" fn $name() -> i32 {
            core::arch::naked_asm!(
                // Take the return address off the stack; the stack arguments now start at %rsp.
                "pop r11",
                // Push the register arguments in reverse, just below the stack arguments.
                "push r9",
                "push r8",
                "push rcx",
                "push rdx",
                "push rsi",
                // Put the return address back below the array; %rsp is now 16-byte aligned.
                "push r11",
                // Second argument: the array, which starts above the return address.
                "lea rsi, [rsp + 8]",
                // First argument (the path) is still in %rdi.
                "call {target}",
                // Failure: take the return address, drop the array, restore the stack.
                "pop r11",
                "add rsp, 40",
                "push r11",
                // Return the target's -1 (errno is set).
                "ret",
                target = sym $target,
            )
        }
    };
}

exec_list_shim!(
    /// [`execl`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/execl.html)
    execl => crate::process::exec::execl_list
);
exec_list_shim!(
    /// [`execle`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/execle.html)
    execle => crate::process::exec::execle_list
);
exec_list_shim!(
    /// [`execlp`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/execlp.html)
    execlp => crate::process::exec::execlp_list
);

/// [`vfork`](https://man7.org/linux/man-pages/man2/vfork.2.html): the child runs on the
/// parent's stack, with the parent suspended, until it calls `_exit` or an `exec` function.
/// Because the child's return from here would overwrite this function's stack slot before
/// the parent returns through it, the return address is kept in a register across the
/// system call, as glibc does.
///
/// # Safety
/// In the child only `_exit` and the `exec` functions may follow, and the function that
/// called `vfork` must not return.
#[cfg(feature = "c-abi")]
#[unsafe(naked)]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vfork() -> i32 {
    core::arch::naked_asm!(
        // The return address into a register the kernel preserves (%rdi).
        "pop rdi",
        // System call 58: vfork. The child and then the parent continue here.
        "mov eax, 58",
        "syscall",
        // Put the return address back on the (shared) stack.
        "push rdi",
        // -4095..-1 is an error number.
        "cmp rax, -4095",
        "jae 2f",
        // The child's 0 or the parent's child pid.
        "ret",
        "2:",
        // Failure (parent only): errno and -1, by a tail call.
        "mov rdi, rax",
        "jmp {failed}",
        failed = sym crate::process::exec::vfork_failed,
    )
}

/// `clone(CLONE_VM | CLONE_VFORK | SIGCHLD)` onto `stack_top` (16-byte aligned): the child
/// shares the caller's memory, runs `entry(arg)` there, and must end with `execve` or
/// `_exit`, which is also when the caller, suspended until then, continues. Returns the
/// child's pid, or a negated error number.
///
/// # Safety
/// `stack_top` must be the top of memory only the child uses; `entry` must not return and
/// must touch only what the suspended caller does not need unchanged.
#[unsafe(naked)]
pub unsafe extern "C" fn clone_vfork(stack_top: *mut u8, entry: unsafe extern "C" fn(*mut u8) -> !, arg: *mut u8) -> isize {
    core::arch::naked_asm!(
        // `entry` into r9, which the system call preserves.
        "mov r9, rsi",
        // The child's stack pointer: 16 bytes below the top (still aligned), where `arg` waits.
        "lea rsi, [rdi - 16]",
        "mov qword ptr [rsi], rdx",
        // Flags: CLONE_VM (0x100) | CLONE_VFORK (0x4000) | SIGCHLD (17) as the exit signal.
        "mov edi, 0x4111",
        // No tid pointers, no TLS.
        "xor edx, edx",
        "xor r10d, r10d",
        "xor r8d, r8d",
        // System call 56: clone.
        "mov eax, 56",
        "syscall",
        // Nonzero: the parent (the child's pid, after the child's exec or exit) or a failure.
        "test rax, rax",
        "jnz 2f",
        // The child, on its own stack: outermost frame, so no frame pointer.
        "xor ebp, ebp",
        // First argument: `arg`, from the top of the new stack.
        "mov rdi, qword ptr [rsp]",
        // %rsp is 16-byte aligned, as a call requires; `entry` never returns.
        "call r9",
        "ud2",
        // The parent returns the kernel's answer.
        "2:",
        "ret",
    )
}
