//! `__tls_get_addr`, for code compiled for the general- or local-dynamic TLS models (`-fPIC`
//! objects linked into the program). In a static program there is one TLS module, number 1,
//! the executable's, and its block sits right below every thread's thread pointer.

use crate::start::tls::TEMPLATE;
use crate::thread::tcb;

/// The argument of `__tls_get_addr`: a module and an offset in its block.
#[repr(C)]
pub struct TlsIndex {
    pub module: usize,
    pub offset: usize,
}

/// The module number of the executable's TLS block.
const EXECUTABLE: usize = 1;

/// The calling thread's address for `offset` in TLS module `module`; `None` for a module this
/// static program cannot have.
pub fn address(index: &TlsIndex) -> Option<*mut u8> {
    if index.module != EXECUTABLE {
        return None;
    }
    let tp = tcb::current().cast::<u8>();
    Some(tp.wrapping_sub(TEMPLATE.get().offset).wrapping_add(index.offset))
}
