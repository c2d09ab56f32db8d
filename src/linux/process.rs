//! Calls about the process itself: `setns`, `unshare`, `personality`, `prctl`.

use crate::io::syscall::{call, call3};
use core::ffi::{c_int, c_ulong};
use rustix::io::Errno;

/// `setns(fd, nstype)`: joins the namespace `fd` names; `nstype` 0 accepts any kind, else it
/// must match (`EINVAL`). Needs `CAP_SYS_ADMIN` for most kinds (`EPERM`).
pub fn setns(fd: c_int, nstype: c_int) -> Result<(), Errno> {
    // SAFETY: integer arguments only.
    unsafe { call3(libc::SYS_setns, fd as usize, nstype as usize, 0) }.map(|_| ())
}

/// `unshare(flags)`: stops sharing what the `CLONE_*` flags name; unknown flags are `EINVAL`.
pub fn unshare(flags: c_int) -> Result<(), Errno> {
    // SAFETY: an integer argument only.
    unsafe { call3(libc::SYS_unshare, flags as usize, 0, 0) }.map(|_| ())
}

/// `personality(persona)`: sets the execution domain and returns the previous one;
/// `0xffffffff` only queries. The kernel takes the low 32 bits.
pub fn personality(persona: c_ulong) -> Result<c_int, Errno> {
    // SAFETY: an integer argument only.
    unsafe { call3(libc::SYS_personality, persona as usize, 0, 0) }.map(|p| p as c_int)
}

/// `prctl(option, arg2, arg3, arg4, arg5)`: the kernel reads the arguments per `option`
/// (pointers included, `EFAULT` when bad) and answers `EINVAL` for an unknown option.
///
/// # Safety
/// The arguments must be what `option` expects; no option may change what the library
/// relies on (the caller's contract, as with `syscall`).
pub unsafe fn prctl(option: c_int, args: [c_ulong; 4]) -> Result<c_int, Errno> {
    let [a2, a3, a4, a5] = args;
    let args = [option as usize, a2 as usize, a3 as usize, a4 as usize, a5 as usize, 0];
    // SAFETY: the caller's contract.
    unsafe { call(libc::SYS_prctl, args) }.map(|v| v as c_int)
}
