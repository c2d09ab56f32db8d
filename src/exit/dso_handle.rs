//! `__dso_handle`: the address that identifies this program's exit handlers.
//!
//! C++ compilers register the destructor of every static object with
//! `__cxa_atexit(dtor, object, &__dso_handle)`, and C code may do the same; crtbegin defines
//! the symbol, hidden, in each executable and shared object, but `rustcrt-cc` links without
//! the compiler's start files, so the library defines it. Only its address matters (what
//! `__cxa_finalize` matches handlers by); its value is the address itself, as in crtbegin's
//! position-independent form, so that `__cxa_finalize(__dso_handle)` finalises the same set.
//! Hidden, as crtbegin's: it names this executable, and is never exported.

core::arch::global_asm!(
    ".pushsection .data.rustcrt_dso_handle,\"aw\",@progbits",
    ".balign 8",
    ".globl __dso_handle",
    ".hidden __dso_handle",
    ".type __dso_handle, @object",
    ".size __dso_handle, 8",
    "__dso_handle:",
    ".quad __dso_handle",
    ".popsection",
);
