//! Memory mappings: `mmap`, `munmap`, `mprotect`, `madvise`, `mremap`, `msync`, the `mlock`
//! family. Addresses go to the kernel as given; it checks alignment and ranges.

use core::ffi::{c_int, c_void};
use rustix::io::Errno;
use rustix::mm::{MapFlags, MlockAllFlags, MprotectFlags, MremapFlags, ProtFlags};

/// `mmap(addr, len, prot, flags, fd, offset)`; `fd` is ignored with `MAP_ANONYMOUS`.
///
/// # Safety
/// A fixed mapping (`MAP_FIXED`) replaces whatever was at `addr`: the caller owns that range.
pub unsafe fn mmap(addr: *mut c_void, len: usize, prot: c_int, flags: c_int, fd: c_int, offset: i64) -> Result<*mut c_void, Errno> {
    if offset & (rustix::param::page_size() as i64 - 1) != 0 {
        return Err(Errno::INVAL);
    }
    let prot = ProtFlags::from_bits_retain(prot as u32);
    let map = MapFlags::from_bits_retain((flags & !libc::MAP_ANONYMOUS) as u32);
    if flags & libc::MAP_ANONYMOUS != 0 {
        // SAFETY: per the contract.
        unsafe { rustix::mm::mmap_anonymous(addr, len, prot, map) }
    } else {
        // SAFETY: per the contract.
        unsafe { rustix::mm::mmap(addr, len, prot, map, crate::io::fd::borrow(fd)?, offset as u64) }
    }
}

/// `munmap(addr, len)`.
///
/// # Safety
/// Nothing may use the range afterwards.
pub unsafe fn munmap(addr: *mut c_void, len: usize) -> Result<(), Errno> {
    // SAFETY: per the contract.
    unsafe { rustix::mm::munmap(addr, len) }
}

/// `mprotect(addr, len, prot)`.
///
/// # Safety
/// The caller owns the range's accessibility.
pub unsafe fn mprotect(addr: *mut c_void, len: usize, prot: c_int) -> Result<(), Errno> {
    // SAFETY: per the contract.
    unsafe { rustix::mm::mprotect(addr, len, MprotectFlags::from_bits_retain(prot as u32)) }
}

/// `madvise(addr, len, advice)`: the raw call, because rustix's `Advice` enum cannot carry an
/// arbitrary C value for the kernel to accept or refuse.
///
/// # Safety
/// Advice such as `MADV_DONTNEED` discards contents: the caller owns the range.
pub unsafe fn madvise(addr: *mut c_void, len: usize, advice: c_int) -> Result<(), Errno> {
    // SAFETY: per the contract; the kernel checks the range and the advice.
    unsafe { crate::io::syscall::call3(libc::SYS_madvise, addr as usize, len, advice as usize) }.map(|_| ())
}

/// `posix_madvise(addr, len, advice)`: an error number. `POSIX_MADV_DONTNEED` is only advice
/// in POSIX, so it does nothing here (as in glibc) rather than discard pages.
///
/// # Safety
/// As [`madvise`].
pub unsafe fn posix_madvise(addr: *mut c_void, len: usize, advice: c_int) -> Result<(), Errno> {
    match advice {
        libc::POSIX_MADV_DONTNEED => Ok(()),
        // SAFETY: the remaining POSIX values do not discard data.
        libc::POSIX_MADV_NORMAL | libc::POSIX_MADV_RANDOM | libc::POSIX_MADV_SEQUENTIAL | libc::POSIX_MADV_WILLNEED => unsafe {
            madvise(addr, len, advice)
        },
        _ => Err(Errno::INVAL),
    }
}

/// `mremap(old, old_len, new_len, flags, new)`; `new` counts only with `MREMAP_FIXED`.
///
/// # Safety
/// The caller owns both ranges.
pub unsafe fn mremap(old: *mut c_void, old_len: usize, new_len: usize, flags: c_int, new: *mut c_void) -> Result<*mut c_void, Errno> {
    let mflags = MremapFlags::from_bits_retain(flags as u32);
    if flags & libc::MREMAP_FIXED != 0 {
        // SAFETY: per the contract.
        unsafe { rustix::mm::mremap_fixed(old, old_len, new_len, mflags, new) }
    } else {
        // SAFETY: per the contract.
        unsafe { rustix::mm::mremap(old, old_len, new_len, mflags) }
    }
}

/// `msync(addr, len, flags)`, a cancellation point.
///
/// # Safety
/// The range must be mapped by the caller (the kernel checks).
pub unsafe fn msync(addr: *mut c_void, len: usize, flags: c_int) -> Result<(), Errno> {
    // SAFETY: per the contract; the kernel checks the range. A cancellation point
    // (`thread::cancel::syscall`).
    unsafe { crate::thread::cancel::syscall3(libc::SYS_msync, addr as usize, len, flags as usize) }.map(|_| ())
}

/// `mlock(addr, len)`, or `munlock` when `lock` is false.
///
/// # Safety
/// Locking changes no contents; the kernel checks the range.
pub unsafe fn mlock(addr: *mut c_void, len: usize, lock: bool) -> Result<(), Errno> {
    // SAFETY: per the contract.
    unsafe { if lock { rustix::mm::mlock(addr, len) } else { rustix::mm::munlock(addr, len) } }
}

/// `mlockall(flags)`.
pub fn mlockall(flags: c_int) -> Result<(), Errno> {
    rustix::mm::mlockall(MlockAllFlags::from_bits_retain(flags as u32))
}

/// `munlockall()`.
pub fn munlockall() -> Result<(), Errno> {
    rustix::mm::munlockall()
}
