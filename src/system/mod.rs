//! The system's description: `uname`, host name, `sysinfo`, processor counts, `sysconf`,
//! `pathconf`, cache geometry, and random bytes.

pub mod cache;
pub mod confstr;
pub mod cpus;
pub mod info;
pub mod pathconf;
pub mod random;
pub mod sysconf;
