//! File descriptors: the syscalls behind `read`, `write`, `open`, `close`, `lseek`, and the
//! library's own messages on standard error.

pub mod diag;
pub mod fd;
