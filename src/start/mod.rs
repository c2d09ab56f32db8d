//! Process start-up, from the kernel's entry to `main`.
//!
//! 1. Decode argc, argv, envp and auxv from the initial stack.
//! 2. Static-PIE: apply our own RELATIVE relocations before anything reads a stored pointer.
//! 3. Record auxv and the environment; set `program_invocation_name`.
//! 4. Build the main thread's TLS block and control block; set `%fs`, the canary, the tid.
//! 5. Apply IRELATIVE relocations, then make RELRO read-only.
//! 6. Run the constructors (`exit` runs the destructors, after the handlers; see `crate::exit`).
//! 7. `exit(main(argc, argv, envp))`.
//!
//! Nothing here probes the CPU: features are detected where they are used, on first use.
//!
//! The functions that every start runs are in `.text.startup.rustcrt` and those of every
//! exit in `.text.exit.rustcrt`: GNU ld's default script puts `.text.startup*` and
//! `.text.exit*` together at the front of `.text` (with the compiler's `main`, which gcc puts
//! in `.text.startup`), so a program's start and exit touch one stretch of text, one
//! fault-around window, however big the program is.

#[cfg(feature = "c-abi")]
mod arrays;
pub mod auxv;
pub mod elf;
#[cfg(feature = "c-abi")]
mod main_thread;
pub mod progname;
pub mod reloc;
pub mod tls;

#[cfg(feature = "c-abi")]
pub use arrays::run_finalizers;
#[cfg(feature = "c-abi")]
pub use entry::entry;

#[cfg(feature = "c-abi")]
mod entry {
    use super::auxv::StartArgs;
    use super::elf::{Dyn, PF_W, PT_DYNAMIC, PT_GNU_RELRO, Phdr, Rela};
    use super::reloc::{Tables, Unsupported};
    use super::{arrays, main_thread, progname};
    use crate::exit;
    use crate::io::diag;
    use core::ffi::{c_char, c_int};

    unsafe extern "C" {
        fn main(argc: c_int, argv: *mut *mut c_char, envp: *mut *mut c_char) -> c_int;
    }

    /// Called by `_start` with the initial stack pointer, the run-time address of `_DYNAMIC`
    /// (null in a non-PIE program) and the bounds of `.rela.iplt` (both null in a PIE).
    ///
    /// # Safety
    /// Only `_start` calls this, once, with the kernel's initial stack.
    #[unsafe(link_section = ".text.startup.rustcrt")]
    pub unsafe extern "C" fn entry(sp: *const usize, dynamic: *const Dyn, iplt_start: *const Rela, iplt_end: *const Rela) -> ! {
        // SAFETY: `_start` passes the kernel's initial stack.
        let args = unsafe { StartArgs::from_stack(sp) };
        let phdrs = program_headers(&args);
        let mut base = 0;
        // SAFETY: in a non-PIE program the linker-defined bounds enclose `.rela.iplt`, whose
        // entries hold absolute addresses; in a PIE the table is replaced just below.
        let mut relocs = Some(unsafe { Tables::iplt(iplt_start, iplt_end) });
        if !dynamic.is_null() {
            let Some(pt_dynamic) = phdrs.iter().find(|p| p.p_type == PT_DYNAMIC) else {
                die_unrelocatable(Unsupported::Layout);
            };
            base = (dynamic as usize).wrapping_sub(pt_dynamic.p_vaddr as usize);
            if pt_dynamic.p_flags & PF_W != 0 {
                // SAFETY: the dynamic section is mapped and, per its segment's flags, writable.
                unsafe { touch_for_write(dynamic.cast_mut().cast()) };
            }
            // SAFETY: `dynamic` is this executable's dynamic section, loaded at `base`, and
            // nothing has read a relocated pointer yet.
            match unsafe { Tables::read(base, dynamic) }.and_then(|t| unsafe { t.apply_relative() }.map(|()| t)) {
                Ok(t) => relocs = Some(t),
                Err(e) => die_unrelocatable(e),
            }
        }
        // Relocated data may be read from here on. Call the rest through an opaque pointer
        // so that no load of a relocated pointer can be scheduled before the fix-ups.
        let rest: unsafe fn(StartArgs, &'static [Phdr], usize, Option<Tables>) -> ! =
            core::hint::black_box(start_program);
        // SAFETY: relocation is done; `rest` is `start_program`.
        unsafe { rest(args, phdrs, base, relocs) }
    }

    /// Writes the word at `at` without changing it (an `or` of 0), so that its page is first
    /// touched by a write. The dynamic section shares the writable segment's first page with
    /// the GOT that relocation writes: read first, that page would cost a read fault and then
    /// a copy-on-write fault; written first, one fault.
    ///
    /// # Safety
    /// `at` must be a mapped, writable word that no other thread uses.
    unsafe fn touch_for_write(at: *mut u64) {
        // SAFETY: per the contract; or-ing 0 leaves the word as it was.
        unsafe { core::arch::asm!("or qword ptr [{}], 0", in(reg) at, options(nostack)) };
    }

    /// The executable's program headers, from AT_PHDR and AT_PHNUM.
    fn program_headers(args: &StartArgs) -> &'static [Phdr] {
        match (args.wanted.phdr, args.wanted.phnum) {
            (0, _) | (_, 0) => &[],
            // SAFETY: the kernel maps the program headers and gives their address and count.
            (at, n) => unsafe { core::slice::from_raw_parts(at as *const Phdr, n) },
        }
    }

    /// Reports a relocation we cannot apply and exits with 127. Runs before relocation:
    /// only literals and stack data (no promoted constant arrays of slices, whose pointers
    /// would still need relocation).
    fn die_unrelocatable(why: Unsupported) -> ! {
        let mut digits = [0u8; 20];
        match why {
            Unsupported::Type(t) => say(
                b"rustcrt: cannot start this program: unsupported relocation type ",
                diag::decimal(t as u64, &mut digits),
                b"\n",
            ),
            Unsupported::Layout => say(b"rustcrt: cannot start this program: unsupported dynamic section\n", b"", b""),
        }
        exit::exit_now(127)
    }

    /// Writes three pieces to standard error. One call site for the writing code, which the
    /// start-up of every program carries.
    #[inline(never)]
    fn say(a: &[u8], b: &[u8], c: &[u8]) {
        diag::write_stderr(&[a, b, c]);
    }

    /// Start-up after relocation: steps 3 to 7.
    ///
    /// # Safety
    /// Called once by `entry`, single-threaded, after relocation.
    #[unsafe(link_section = ".text.startup.rustcrt")]
    unsafe fn start_program(args: StartArgs, phdrs: &'static [Phdr], base: usize, relocs: Option<Tables>) -> ! {
        super::auxv::record(args.auxv);
        // SAFETY: single-threaded start-up. rustix wants an environment block followed by
        // auxv; the environment's terminator is one (empty), and spares it a second walk.
        unsafe {
            rustix::param::init(args.envp_end());
            crate::env::set_environ(args.envp);
            progname::init(*args.argv);
            main_thread::init(&args, phdrs, base);
        }
        if let Some(t) = relocs {
            // SAFETY: RELATIVE fix-ups are done and the thread pointer is set.
            unsafe { t.apply_irelative() };
        }
        let page = if args.wanted.page_size == 0 { 4096 } else { args.wanted.page_size };
        protect_relro(phdrs, base, page);
        let argc = args.argc as c_int;
        // SAFETY: constructors and main are the program's, called as glibc calls them.
        let status = unsafe {
            arrays::run_initializers(argc, args.argv, crate::env::environ());
            main(argc, args.argv, crate::env::environ())
        };
        exit::exit(status)
    }

    /// Makes the PT_GNU_RELRO range read-only, as a dynamic linker would after relocation.
    #[unsafe(link_section = ".text.startup.rustcrt")]
    fn protect_relro(phdrs: &[Phdr], base: usize, page: usize) {
        let Some(relro) = phdrs.iter().find(|p| p.p_type == PT_GNU_RELRO) else { return };
        let start = (base + relro.p_vaddr as usize) & !(page - 1);
        let end = (base + relro.p_vaddr as usize + relro.p_memsz as usize) & !(page - 1);
        if end > start {
            // SAFETY: the range holds only data that relocation has finished with; from now
            // on nothing writes it. A failure leaves it writable, which is harmless.
            let _ = unsafe {
                rustix::mm::mprotect(start as *mut _, end - start, rustix::mm::MprotectFlags::READ)
            };
        }
    }
}
