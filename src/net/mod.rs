//! Networking without a resolver: the socket system calls (`socket`), the address text
//! conversions of `<arpa/inet.h>` (`inet`), and interface names and indexes of `<net/if.h>`
//! (`interface`).

pub mod inet;
pub mod interface;
pub mod socket;
