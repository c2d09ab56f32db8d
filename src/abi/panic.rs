//! What a Rust panic inside the library does: report where, then die by SIGABRT. No path a C
//! caller can reach is meant to panic; this is the last line for a bug of ours.

use crate::io::diag;

#[panic_handler]
fn panic(info: &core::panic::PanicInfo<'_>) -> ! {
    let mut digits = [0u8; 20];
    match info.location() {
        Some(at) => diag::write_stderr(&[
            b"rustcrt: internal error at ",
            at.file().as_bytes(),
            b":",
            diag::decimal(at.line() as u64, &mut digits),
            b"\n",
        ]),
        None => diag::write_stderr(&[b"rustcrt: internal error\n"]),
    }
    crate::exit::abort::abort()
}
