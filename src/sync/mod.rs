//! Synchronisation: the futex layer and the library's own locks.

pub mod futex;
pub mod lock;
pub mod startup_cell;
