//! Threads: the control block every thread reaches through its thread pointer.

pub mod tcb;
