//! File descriptors: the syscalls behind `read`, `write`, `open`, `close`, `lseek`, `dup`,
//! `pipe`, `fcntl`, `ioctl`, vectored and positioned I/O, polling, and the library's own
//! messages on standard error.

pub mod diag;
pub mod fd;
pub mod poll;
pub mod syscall;
pub mod vectored;
