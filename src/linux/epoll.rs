//! epoll: `epoll_create`, `epoll_create1`, `epoll_ctl`, and the waits `epoll_wait`,
//! `epoll_pwait`, `epoll_pwait2`. `struct epoll_event` is the kernel's: packed to 12 bytes
//! on x86_64 (glibc declares it `__EPOLL_PACKED`), so the caller's array goes to the kernel
//! as it is. The waits are cancellation points, as in glibc; `epoll_wait` fails with `EINTR`
//! whatever `SA_RESTART` says, so a request that interrupts it acts
//! (`thread::cancel::syscall`).

use super::KERNEL_SIGSET_BYTES;
use crate::io::syscall::{call, call3};
use crate::thread::cancel::syscall as cancellable;
use core::ffi::c_int;
use rustix::io::Errno;

/// `epoll_create(size)`: `size` is only checked to be positive (the kernel's `EINVAL`).
pub fn create(size: c_int) -> Result<c_int, Errno> {
    // SAFETY: an integer argument only.
    unsafe { call3(libc::SYS_epoll_create, size as usize, 0, 0) }.map(|fd| fd as c_int)
}

/// `epoll_create1(flags)`: `EPOLL_CLOEXEC` or nothing (else `EINVAL`).
pub fn create1(flags: c_int) -> Result<c_int, Errno> {
    // SAFETY: an integer argument only.
    unsafe { call3(libc::SYS_epoll_create1, flags as usize, 0, 0) }.map(|fd| fd as c_int)
}

/// `epoll_ctl(epfd, op, fd, event)`: `event` is read for `EPOLL_CTL_ADD` and `_MOD` and
/// ignored for `_DEL`.
///
/// # Safety
/// `event` must be null or point at a `struct epoll_event`, or be an address the kernel
/// refuses.
pub unsafe fn ctl(epfd: c_int, op: c_int, fd: c_int, event: *mut libc::epoll_event) -> Result<(), Errno> {
    let args = [epfd as usize, op as usize, fd as usize, event as usize, 0, 0];
    // SAFETY: the kernel only reads the event.
    unsafe { call(libc::SYS_epoll_ctl, args) }.map(|_| ())
}

/// `epoll_pwait(epfd, events, max, timeout_ms, mask)`; `epoll_wait` is this with a null
/// mask. A negative timeout waits for ever, 0 polls. Returns how many events were stored.
///
/// # Safety
/// `events` must be writable for `max` events and `mask` null or readable, or addresses the
/// kernel refuses.
pub unsafe fn pwait(epfd: c_int, events: *mut libc::epoll_event, max: c_int, timeout_ms: c_int, mask: *const libc::sigset_t) -> Result<c_int, Errno> {
    let args = [epfd as usize, events as usize, max as usize, timeout_ms as usize, mask as usize, KERNEL_SIGSET_BYTES];
    // SAFETY: the kernel writes at most `max` events and reads the mask.
    unsafe { cancellable(libc::SYS_epoll_pwait, args) }.map(|n| n as c_int)
}

/// `epoll_pwait2(epfd, events, max, timeout, mask)`: [`pwait`] with a `timespec` timeout
/// (null waits for ever), which the kernel does not change.
///
/// # Safety
/// As [`pwait`]; `timeout` must be null or readable, or an address the kernel refuses.
pub unsafe fn pwait2(
    epfd: c_int,
    events: *mut libc::epoll_event,
    max: c_int,
    timeout: *const libc::timespec,
    mask: *const libc::sigset_t,
) -> Result<c_int, Errno> {
    let args = [epfd as usize, events as usize, max as usize, timeout as usize, mask as usize, KERNEL_SIGSET_BYTES];
    // SAFETY: the kernel writes at most `max` events and reads the timeout and the mask.
    unsafe { cancellable(libc::SYS_epoll_pwait2, args) }.map(|n| n as c_int)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn event_is_twelve_bytes() {
        assert_eq!(core::mem::size_of::<libc::epoll_event>(), 12);
    }

    #[test]
    fn pipe_becomes_readable() {
        let ep = create1(libc::EPOLL_CLOEXEC).unwrap();
        let [r, w] = crate::io::fd::pipe2(libc::O_CLOEXEC).unwrap();
        let mut ev = libc::epoll_event { events: libc::EPOLLIN as u32, u64: 7 };
        // SAFETY: a live event.
        unsafe { ctl(ep, libc::EPOLL_CTL_ADD, r, &raw mut ev) }.unwrap();
        let mut out = [libc::epoll_event { events: 0, u64: 0 }; 2];
        // SAFETY: a live array of two.
        assert_eq!(unsafe { pwait(ep, out.as_mut_ptr(), 2, 0, core::ptr::null()) }, Ok(0));
        // SAFETY: a live one-byte buffer.
        assert_eq!(unsafe { crate::io::fd::write(w, b"x".as_ptr(), 1) }, Ok(1));
        // SAFETY: as above.
        assert_eq!(unsafe { pwait(ep, out.as_mut_ptr(), 2, -1, core::ptr::null()) }, Ok(1));
        let (events, data) = (out[0].events, out[0].u64);
        assert_eq!((events, data), (libc::EPOLLIN as u32, 7));
        assert_eq!(create(0), Err(Errno::INVAL));
        for fd in [ep, r, w] {
            crate::io::fd::close(fd).unwrap();
        }
    }
}
