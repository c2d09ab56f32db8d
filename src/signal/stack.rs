//! `sigaltstack`: the raw call, so that the caller's `stack_t`s go to the kernel, which
//! checks the flags, the size (`ENOMEM` below `MINSIGSTKSZ`) and the addresses (`EFAULT`).

use rustix::io::Errno;

/// `sigaltstack(new, old)`.
///
/// # Safety
/// `new` null or readable, `old` null or writable; a new stack must stay usable while it is
/// installed.
pub unsafe fn sigaltstack(new: *const libc::stack_t, old: *mut libc::stack_t) -> Result<(), Errno> {
    // SAFETY: per the contract.
    unsafe { crate::io::syscall::call3(libc::SYS_sigaltstack, new as usize, old as usize, 0) }.map(|_| ())
}
