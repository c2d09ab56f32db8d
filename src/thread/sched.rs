//! Scheduling: policies and priorities, CPU affinity with sets of any size, CPU counts.

use crate::thread::sys;
use rustix::io::Errno;
use rustix::process::Pid;
use rustix::thread::CpuSet;

fn pid(tid: i32) -> Option<Pid> {
    Pid::from_raw(tid)
}

/// `EINVAL` unless `policy` is one the attributes accept (other, FIFO, RR; glibc also takes
/// batch and idle) and `priority` lies in its range.
pub fn check_policy_priority(policy: i32, priority: i32) -> Result<(), Errno> {
    check_policy(policy)?;
    let min = sys::sched_get_priority_min(policy)?;
    let max = sys::sched_get_priority_max(policy)?;
    if priority < min || priority > max {
        return Err(Errno::INVAL);
    }
    Ok(())
}

/// `EINVAL` unless `policy` is `SCHED_OTHER`, `SCHED_FIFO` or `SCHED_RR`.
pub fn check_policy(policy: i32) -> Result<(), Errno> {
    match policy {
        libc::SCHED_OTHER | libc::SCHED_FIFO | libc::SCHED_RR => Ok(()),
        _ => Err(Errno::INVAL),
    }
}

/// Sets the affinity of thread `tid` (0: the caller) to the CPUs in `set` (a `cpu_set_t`
/// of `set.len()` bytes). CPUs past rustix's 1024 are beyond what this machine can have.
pub fn set_affinity(tid: i32, set: &[u8]) -> Result<(), Errno> {
    let mut cpus = CpuSet::new();
    for (byte_index, byte) in set.iter().enumerate() {
        for bit in 0..8 {
            let cpu = byte_index * 8 + bit;
            if byte & (1 << bit) != 0 && cpu < CpuSet::MAX_CPU {
                cpus.set(cpu);
            }
        }
    }
    rustix::thread::sched_setaffinity(pid(tid), &cpus)
}

/// Writes the affinity of thread `tid` (0: the caller) into `out`, zeroing bytes past the
/// CPUs the kernel reports. `EINVAL` if a CPU in the set does not fit in `out`.
pub fn get_affinity(tid: i32, out: &mut [u8]) -> Result<(), Errno> {
    let cpus = rustix::thread::sched_getaffinity(pid(tid))?;
    out.fill(0);
    for cpu in 0..CpuSet::MAX_CPU {
        if cpus.is_set(cpu) {
            let byte = out.get_mut(cpu / 8).ok_or(Errno::INVAL)?;
            *byte |= 1 << (cpu % 8);
        }
    }
    Ok(())
}

/// The level `pthread_setconcurrency` recorded (a hint the kernel's 1:1 threads have no use
/// for).
static CONCURRENCY: core::sync::atomic::AtomicI32 = core::sync::atomic::AtomicI32::new(0);

/// `pthread_setconcurrency`: `EINVAL` for a negative level.
pub fn set_concurrency(level: i32) -> Result<(), Errno> {
    if level < 0 {
        return Err(Errno::INVAL);
    }
    // Relaxed: a value only handed back by `concurrency`.
    CONCURRENCY.store(level, core::sync::atomic::Ordering::Relaxed);
    Ok(())
}

/// `pthread_getconcurrency`.
pub fn concurrency() -> i32 {
    // Relaxed: see `set_concurrency`.
    CONCURRENCY.load(core::sync::atomic::Ordering::Relaxed)
}

/// `__sched_cpucount`: the number of bits set in a CPU set.
pub fn count(set: &[u8]) -> usize {
    set.iter().map(|b| b.count_ones() as usize).sum()
}

/// Bytes before a CPU set from [`cpu_alloc`]: the mapping's length.
const CPU_HEADER: usize = 16;

/// `CPU_ALLOC(count)`: a zeroed set for `count` CPUs (`CPU_ALLOC_SIZE` bytes, whole longs),
/// in its own mapping until the allocator offers small blocks. `ENOMEM` if none.
pub fn cpu_alloc(count: usize) -> Result<*mut core::ffi::c_void, Errno> {
    let bytes = count.div_ceil(64).checked_mul(8).and_then(|b| b.checked_add(CPU_HEADER)).ok_or(Errno::NOMEM)?;
    // SAFETY: a fresh anonymous mapping aliases nothing.
    let p = unsafe {
        rustix::mm::mmap_anonymous(
            core::ptr::null_mut(),
            bytes,
            rustix::mm::ProtFlags::READ | rustix::mm::ProtFlags::WRITE,
            rustix::mm::MapFlags::PRIVATE,
        )
    }
    .map_err(|_| Errno::NOMEM)?;
    // SAFETY: the mapping has `bytes >= CPU_HEADER` bytes, 16 of them the header.
    unsafe {
        p.cast::<usize>().write(bytes);
        Ok(p.cast::<u8>().add(CPU_HEADER).cast())
    }
}

/// `CPU_FREE(set)`.
///
/// # Safety
/// `set` null or from [`cpu_alloc`], not freed yet.
pub unsafe fn cpu_free(set: *mut core::ffi::c_void) {
    if set.is_null() {
        return;
    }
    // SAFETY: per the contract the header precedes the set and holds the mapping's length.
    unsafe {
        let base = set.cast::<u8>().sub(CPU_HEADER);
        let _ = rustix::mm::munmap(base.cast(), base.cast::<usize>().read());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_and_policies() {
        assert_eq!(count(&[0xff, 0x01, 0, 0x80]), 10);
        assert_eq!(count(&[]), 0);
        assert_eq!(check_policy(libc::SCHED_RR), Ok(()));
        assert_eq!(check_policy(3), Err(Errno::INVAL));
        assert_eq!(check_policy_priority(libc::SCHED_FIFO, 0), Err(Errno::INVAL));
        assert_eq!(check_policy_priority(libc::SCHED_FIFO, 99), Ok(()));
        assert_eq!(check_policy_priority(libc::SCHED_OTHER, 0), Ok(()));
    }

    #[test]
    fn cpu_sets_round_to_longs() {
        let p = cpu_alloc(65).unwrap();
        // SAFETY: 16 bytes for 65 CPUs.
        unsafe {
            core::ptr::write_bytes(p.cast::<u8>(), 0xff, 16);
            cpu_free(p);
            cpu_free(core::ptr::null_mut());
        }
    }
}
