//! Linux's own descriptor kinds and system calls, which POSIX does not have: epoll, timerfd,
//! signalfd, inotify, the eventfd counter calls, the zero-copy transfers (`sendfile`, `splice`,
//! `tee`, `vmsplice`, `copy_file_range`) and `readahead`, `memfd_create`, `mincore`,
//! namespaces, `personality` and `prctl`.
//!
//! Each is one system call with C's arguments as given, made with the raw instruction
//! (`io::syscall::call`, or `thread::cancel::syscall` for the calls glibc makes cancellation
//! points): their arguments are C structs and arrays that the kernel reads or writes
//! (`struct epoll_event`, `struct itimerspec`, `struct iovec`, offsets, paths), and rustix's
//! typed forms take Rust references and borrowed descriptors, which a C pointer must not
//! become unchecked. So Rust never reads them, the kernel checks them (`EFAULT` for a bad
//! address, `EBADF`, `EINVAL`), and its answer is the caller's error.

pub mod epoll;
pub mod eventfd;
pub mod inotify;
pub mod mem;
pub mod process;
pub mod signalfd;
pub mod timerfd;
pub mod transfer;

/// The kernel's signal-set size: 64 signals (glibc passes `_NSIG / 8`).
const KERNEL_SIGSET_BYTES: usize = 8;
