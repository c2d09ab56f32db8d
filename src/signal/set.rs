//! Signal sets in glibc's `sigset_t` (1024 bits, of which the kernel uses the first 64; as in
//! glibc only that first word is read or written). Signal `n` is bit `n - 1`.

use rustix::io::Errno;

/// One past the highest signal number (`_NSIG`).
pub const NSIG: i32 = 65;

/// The signals reserved for the runtime (32 and 33), as bits.
pub const RESERVED: u64 = 0b11 << 31;

/// The first real-time signal a program may use (`SIGRTMIN`).
pub const RTMIN: i32 = 34;

/// The last real-time signal (`SIGRTMAX`).
pub const RTMAX: i32 = 64;

/// The bit of a valid signal number, or `EINVAL`.
pub fn bit(sig: i32) -> Result<u64, Errno> {
    if (1..NSIG).contains(&sig) { Ok(1 << (sig - 1)) } else { Err(Errno::INVAL) }
}

/// The bit of a signal a program may add or remove: valid and not reserved.
pub fn user_bit(sig: i32) -> Result<u64, Errno> {
    let b = bit(sig)?;
    if b & RESERVED != 0 { Err(Errno::INVAL) } else { Ok(b) }
}

/// The kernel's 64-bit view of a C set.
///
/// # Safety
/// `set` must be readable.
pub unsafe fn read(set: *const libc::sigset_t) -> u64 {
    // SAFETY: per the contract; the first word of the set.
    unsafe { set.cast::<u64>().read() }
}

/// Stores the kernel's 64-bit view into a C set.
///
/// # Safety
/// `set` must be writable.
pub unsafe fn write(set: *mut libc::sigset_t, bits: u64) {
    // SAFETY: per the contract.
    unsafe { set.cast::<u64>().write(bits) }
}

/// Every signal a program may name: all but the reserved ones (`sigfillset`).
pub const FULL: u64 = !RESERVED;
