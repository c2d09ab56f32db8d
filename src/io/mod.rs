//! File descriptors: the syscalls behind `read`, `write`, `open`, `close`, `lseek`, `dup`,
//! `pipe`, `fcntl`, `ioctl`, positioned I/O, the cancellation-point versions of these
//! (`points`), vectored I/O, polling, and the library's own
//! messages on standard error.

pub mod diag;
pub mod fd;
pub mod points;
pub mod poll;
pub mod syscall;
