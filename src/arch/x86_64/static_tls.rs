//! A per-thread block of the preload build's own, in the shared object's initial-exec ELF TLS.
//!
//! In a glibc-started process `%fs` points at glibc's thread record, so the library's control
//! block does not exist, and `#[thread_local]` is not stable. The block is therefore declared
//! here in `.tbss` and reached the way glibc's own initial-exec code reaches its variables:
//! the block's offset from the thread pointer is in a GOT entry (`@gottpoff`, an
//! `R_X86_64_TPOFF64` that ld.so fills in). ld.so places a start-up object's block (an
//! `LD_PRELOAD`ed one included) in every thread's static TLS area and zeroes it for each new
//! thread, a reused stack included; a `dlopen` of the object may fail for lack of static TLS
//! space, as for any initial-exec library.

/// The block's size and alignment in bytes.
pub const STATIC_TLS_SIZE: usize = 64;

core::arch::global_asm!(
    ".pushsection .tbss,\"awT\",@nobits",
    ".globl rustcrt_static_tls",
    ".hidden rustcrt_static_tls",
    ".type rustcrt_static_tls, @object",
    ".size rustcrt_static_tls, {size}",
    ".p2align 6",
    "rustcrt_static_tls:",
    ".zero {size}",
    ".popsection",
    size = const STATIC_TLS_SIZE,
);

/// The calling thread's block: `STATIC_TLS_SIZE` bytes, zero when the thread starts.
#[inline(always)]
pub fn static_tls() -> *mut u8 {
    let block: *mut u8;
    // SAFETY: reads the GOT entry ld.so filled with the block's thread-pointer offset, and the
    // thread pointer at `%fs:0` (glibc's self pointer, as the TLS ABI requires); both reads are
    // side-effect free and constant for the calling thread.
    unsafe {
        core::arch::asm!(
            "movq rustcrt_static_tls@gottpoff(%rip), {b}",
            "addq %fs:0, {b}",
            b = out(reg) block,
            options(att_syntax, nostack, pure, readonly),
        );
    }
    block
}
