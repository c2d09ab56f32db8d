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
    /// The auxiliary vector entries that start-up itself needs, 0 where the kernel gave none.
    pub wanted: Wanted,
}

/// The values of the auxiliary vector entries that start-up reads, picked out in the one pass
/// that finds the vector's end; 0 stands for a missing entry (none of them can be 0).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Wanted {
    /// `AT_PHDR`: the address of the program headers.
    pub phdr: usize,
    /// `AT_PHNUM`: how many there are.
    pub phnum: usize,
    /// `AT_PAGESZ`.
    pub page_size: usize,
    /// `AT_RANDOM`: the address of 16 random bytes.
    pub random: usize,
}

const AT_PHDR: usize = 3;
const AT_PHNUM: usize = 5;
const AT_PAGESZ: usize = 6;
const AT_RANDOM: usize = 25;

impl StartArgs {
    /// Decodes the initial stack: `argc`, `argv[argc]`, NULL, `envp[]`, NULL, then auxv.
    ///
    /// # Safety
    /// `sp` must point at the initial stack as the kernel's ELF loader lays it out (or a copy
    /// of that layout). Reads only; touches no static, so it may run before relocation.
    pub unsafe fn from_stack(sp: *const usize) -> StartArgs {
        // SAFETY: the caller guarantees the layout: argc, then argc+1 argv slots, then envp up
        // to its NULL, then the auxv pairs up to AT_NULL; every pointer formed here lies
        // inside it.
        unsafe {
            let argc = *sp;
            let argv = sp.add(1) as *mut *mut c_char;
            let envp = argv.add(argc + 1);
            let mut end = envp;
            while !(*end).is_null() {
                end = end.add(1);
            }
            let auxv = end.add(1) as *const [usize; 2];
            let mut wanted = Wanted::default();
            let mut entry = auxv;
            loop {
                let [key, value] = *entry;
                match key {
                    AT_NULL => break,
                    AT_PHDR => wanted.phdr = value,
                    AT_PHNUM => wanted.phnum = value,
                    AT_PAGESZ => wanted.page_size = value,
                    AT_RANDOM => wanted.random = value,
                    _ => {}
                }
                entry = entry.add(1);
            }
            StartArgs { argc, argv, envp, auxv, wanted }
        }
    }

    /// The environment's terminating null pointer, which the auxiliary vector follows: an
    /// empty environment block followed by auxv, for readers that only want the vector.
    pub fn envp_end(&self) -> *mut *mut u8 {
        self.auxv.cast::<*mut u8>().cast_mut().wrapping_sub(1)
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
        assert_eq!(args.wanted, Wanted { phdr: 0, phnum: 0, page_size: 4096, random: 1234 });
        // SAFETY: the vector was decoded from `stack`.
        assert_eq!(unsafe { find(args.auxv, 25) }, Some(1234));
        // SAFETY: `envp_end` is the slot before auxv, inside `stack`.
        assert!(unsafe { *args.envp_end() }.is_null());
    }

    #[test]
    fn empty_argv_and_envp() {
        let stack: [usize; 5] = [0, 0, 0, AT_NULL, 0];
        // SAFETY: `stack` has the kernel's layout.
        let args = unsafe { StartArgs::from_stack(stack.as_ptr()) };
        assert_eq!(args.argc, 0);
        assert_eq!(args.wanted, Wanted::default());
    }
}
