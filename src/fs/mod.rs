//! The file system: paths, metadata, links, permissions, the working directory and POSIX
//! shared-memory names. Descriptor I/O is in `crate::io`.

pub mod cwd;
pub mod dir;
pub mod hints;
pub mod links;
pub mod meta;
pub mod path;
pub mod shm;
pub mod stat;
pub mod statfs;
