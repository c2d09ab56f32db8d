//! System calls that rustix does not wrap, made with the raw instruction and answered as
//! `Result`s. Each caller names the call and says why rustix cannot make it.

use rustix::io::Errno;

/// Makes system call `nr` and turns the kernel's `-errno` answers into `Err`.
///
/// # Safety
/// As [`crate::arch::syscall6`]: the arguments must be valid for the call.
#[inline]
pub unsafe fn call(nr: libc::c_long, args: [usize; 6]) -> Result<usize, Errno> {
    // SAFETY: the caller's contract.
    let ret = unsafe { crate::arch::syscall6(nr as usize, args) };
    if (-4095..0).contains(&ret) { Err(Errno::from_raw_os_error(-ret as i32)) } else { Ok(ret as usize) }
}

/// [`call`] with fewer arguments: the rest are zero.
///
/// # Safety
/// As [`call`].
#[inline]
pub unsafe fn call3(nr: libc::c_long, a: usize, b: usize, c: usize) -> Result<usize, Errno> {
    // SAFETY: the caller's contract.
    unsafe { call(nr, [a, b, c, 0, 0, 0]) }
}
