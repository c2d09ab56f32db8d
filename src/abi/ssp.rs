//! The stack protector's failure path (`-fstack-protector*`).

/// Called by code whose stack canary was overwritten: reports it and dies by SIGABRT.
#[unsafe(no_mangle)]
pub extern "C" fn __stack_chk_fail() -> ! {
    crate::io::diag::write_stderr(&[b"*** stack smashing detected ***: terminated\n"]);
    crate::exit::abort::abort()
}
