//! Signals: sets, the mask, actions with the library's restorer, waiting, sending, timers.
//!
//! Signals 32 and 33 are reserved for the runtime, as in glibc (`SIGCANCEL` for thread
//! cancellation, `SIGSETXID` for set-id broadcasts): programs cannot install actions for
//! them, add them to sets, or block them. `SIGRTMIN` is therefore 34.

pub mod action;
pub mod jump;
pub mod mask;
pub mod send;
pub mod set;
pub mod stack;
pub mod timer;
pub mod timer_thread;
pub mod wait;
