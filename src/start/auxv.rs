//! The process's arguments, environment and auxiliary vector, as the kernel laid them out on
//! the initial stack.

use core::ffi::c_char;
use core::sync::atomic::{AtomicPtr, Ordering};

/// What the kernel put on the initial stack, decoded.
#[derive(Clone, Copy, Debug)]
pub struct StartArgs {
    pub argc: usize,
    pub argv: *mut *mut c_char,
    pub envp: *mut *mut c_char,
    /// `(type, value)` pairs up to `AT_NULL`.
    pub auxv: *const [usize; 2],
}

impl StartArgs {
    /// Decodes the initial stack: `argc`, `argv[argc]`, NULL, `envp[]`, NULL, then auxv.
    ///
    /// # Safety
    /// `sp` must point at the initial stack as the kernel's ELF loader lays it out (or a copy
    /// of that layout). Reads only; touches no static, so it may run before relocation.
    pub unsafe fn from_stack(sp: *const usize) -> StartArgs {
        // SAFETY: the caller guarantees the layout: argc, then argc+1 argv slots, then envp up
        // to its NULL, then the auxv pairs; every pointer formed here lies inside it.
        unsafe {
            let argc = *sp;
            let argv = sp.add(1) as *mut *mut c_char;
            let envp = argv.add(argc + 1);
            let mut end = envp;
            while !(*end).is_null() {
                end = end.add(1);
            }
            StartArgs { argc, argv, envp, auxv: end.add(1) as *const [usize; 2] }
        }
    }

    /// The value of auxiliary vector entry `kind`, if the kernel supplied one.
    pub fn aux(&self, kind: usize) -> Option<usize> {
        // SAFETY: `auxv` was decoded from the initial stack and is terminated by AT_NULL.
        unsafe { find(self.auxv, kind) }
    }
}

/// `AT_NULL`, the end of the auxiliary vector.
const AT_NULL: usize = 0;

/// Looks `kind` up in an AT_NULL-terminated auxiliary vector. Reads no static.
///
/// # Safety
/// `auxv` must point at `(type, value)` pairs ending with an `AT_NULL` entry.
pub unsafe fn find(auxv: *const [usize; 2], kind: usize) -> Option<usize> {
    let mut entry = auxv;
    loop {
        // SAFETY: the caller guarantees the vector is terminated, so every entry up to and
        // including AT_NULL is readable.
        let [key, value] = unsafe { *entry };
        if key == AT_NULL {
            return None;
        }
        if key == kind {
            return Some(value);
        }
        // SAFETY: `key` was not AT_NULL, so the next entry exists.
        entry = unsafe { entry.add(1) };
    }
}

/// The process's auxiliary vector, recorded at start-up for `getauxval`.
static AUXV: AtomicPtr<[usize; 2]> = AtomicPtr::new(core::ptr::null_mut());

/// Records the auxiliary vector for [`getauxval`]. Called once by start-up.
pub fn record(auxv: *const [usize; 2]) {
    // Relaxed: start-up stores this before any other thread exists, and thread creation
    // orders everything before it for the new thread.
    AUXV.store(auxv.cast_mut(), Ordering::Relaxed);
}

/// The value of auxiliary vector entry `kind` for this process; `None` where the kernel gave
/// none (or before start-up recorded the vector).
pub fn getauxval(kind: usize) -> Option<usize> {
    // Relaxed: see `record`.
    let auxv = AUXV.load(Ordering::Relaxed);
    if auxv.is_null() || kind == AT_NULL {
        return None;
    }
    // SAFETY: `record` stored the kernel's AT_NULL-terminated vector, which lives on the
    // initial stack for the whole life of the process.
    unsafe { find(auxv, kind) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_initial_stack() {
        let a0 = c"prog".as_ptr() as usize;
        let a1 = c"-x".as_ptr() as usize;
        let e0 = c"HOME=/".as_ptr() as usize;
        let stack: [usize; 12] = [2, a0, a1, 0, e0, 0, 6, 4096, 25, 1234, AT_NULL, 0];
        // SAFETY: `stack` has the kernel's layout.
        let args = unsafe { StartArgs::from_stack(stack.as_ptr()) };
        assert_eq!(args.argc, 2);
        // SAFETY: the pointers index into `stack`.
        unsafe {
            assert_eq!(*args.argv as usize, a0);
            assert_eq!(*args.argv.add(1) as usize, a1);
            assert_eq!(*args.envp as usize, e0);
        }
        assert_eq!(args.aux(6), Some(4096));
        assert_eq!(args.aux(25), Some(1234));
        assert_eq!(args.aux(3), None);
    }

    #[test]
    fn empty_argv_and_envp() {
        let stack: [usize; 5] = [0, 0, 0, AT_NULL, 0];
        // SAFETY: `stack` has the kernel's layout.
        let args = unsafe { StartArgs::from_stack(stack.as_ptr()) };
        assert_eq!(args.argc, 0);
        assert_eq!(args.aux(6), None);
    }
}
