//! Processes: `fork` and its handlers, waiting, resource limits and usage, identities,
//! process groups and sessions, priorities.

pub mod atfork;
pub mod exec;
pub mod fork;
pub mod ids;
pub mod limits;
pub mod popen;
pub mod setxid;
pub mod spawn;
pub mod system;
pub mod wait;
