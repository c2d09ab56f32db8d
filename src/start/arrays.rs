//! The program's constructor and destructor arrays, as the linker gathers them.
//!
//! The linker sorts `.init_array.NNNNN` sections by priority and turns legacy `.ctors` into
//! `.init_array` entries, so running each array front to back (and `.fini_array` back to
//! front) gives glibc's order.

use core::ffi::{c_char, c_int};

/// A constructor: glibc passes `argc`, `argv` and `envp`, and some programs rely on it.
type Initializer = unsafe extern "C" fn(c_int, *mut *mut c_char, *mut *mut c_char);
/// A destructor takes nothing.
type Finalizer = unsafe extern "C" fn();

unsafe extern "C" {
    static __preinit_array_start: [Initializer; 0];
    static __preinit_array_end: [Initializer; 0];
    static __init_array_start: [Initializer; 0];
    static __init_array_end: [Initializer; 0];
    static __fini_array_start: [Finalizer; 0];
    static __fini_array_end: [Finalizer; 0];
}

/// Runs `.preinit_array` and then `.init_array`, each entry with `argc`, `argv` and `envp`.
///
/// # Safety
/// Once, at start-up, after relocation and thread-pointer set-up.
#[unsafe(link_section = ".text.startup.rustcrt")]
pub unsafe fn run_initializers(argc: c_int, argv: *mut *mut c_char, envp: *mut *mut c_char) {
    // The linker defines each pair of symbols around an array of function pointers.
    let arrays = [
        (&raw const __preinit_array_start, &raw const __preinit_array_end),
        (&raw const __init_array_start, &raw const __init_array_end),
    ];
    for (start, end) in arrays {
        let mut f = start as *const Initializer;
        while f < end as *const Initializer {
            // SAFETY: `f` lies inside the array; each entry is a constructor of the program,
            // called as glibc calls it.
            unsafe {
                (*f)(argc, argv, envp);
                f = f.add(1);
            }
        }
    }
}

/// Runs `.fini_array` from the last entry to the first. `exit` calls it after the handlers, as
/// glibc does.
#[unsafe(link_section = ".text.exit.rustcrt")]
pub fn run_finalizers() {
    let (start, end) = (&raw const __fini_array_start, &raw const __fini_array_end);
    let mut f = end as *const Finalizer;
    while f > start as *const Finalizer {
        // SAFETY: `f` stays inside the array; each entry is a destructor of the program.
        unsafe {
            f = f.sub(1);
            (*f)();
        }
    }
}
