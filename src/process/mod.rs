//! Processes: `fork` and its handlers, waiting, resource limits and usage, identities,
//! process groups and sessions, priorities.

pub mod atfork;
pub mod fork;
pub mod ids;
pub mod limits;
pub mod wait;
