//! The main thread's TLS block and control block, and the stack-protector canary.

use super::auxv::StartArgs;
use super::elf::{PT_TLS, Phdr};
use super::tls::{TEMPLATE, Template};
use crate::io::diag;
use crate::sync::startup_cell::StartupCell;
use crate::thread::tcb::Tcb;
use core::cell::UnsafeCell;
use core::sync::atomic::Ordering;

/// `__stack_chk_guard`: the canary, for code that reads it from a variable instead of
/// `%fs:0x28`. Set once at start-up.
#[unsafe(no_mangle)]
pub static __stack_chk_guard: StartupCell<usize> = StartupCell::new(0);

/// Room for the main thread's TLS block and control block when they are small (the usual
/// case), so start-up needs no mapping.
#[repr(C, align(64))]
struct MainArea(UnsafeCell<[u8; 2048]>);

// SAFETY: only start-up touches the area, before any other thread exists.
unsafe impl Sync for MainArea {}

static MAIN_AREA: MainArea = MainArea(UnsafeCell::new([0; 2048]));

/// Builds the main thread's TLS and control block and points `%fs` at it.
///
/// # Safety
/// Once, single-threaded, after relocation; `phdrs` and `base` describe this executable.
#[unsafe(link_section = ".text.startup.rustcrt")]
pub unsafe fn init(args: &StartArgs, phdrs: &[Phdr], base: usize) {
    let template = match phdrs.iter().find(|p| p.p_type == PT_TLS) {
        Some(p) => Template::new(
            base + p.p_vaddr as usize,
            p.p_filesz as usize,
            p.p_memsz as usize,
            p.p_align as usize,
        ),
        None => Template::NONE,
    };
    // SAFETY: single-threaded start-up.
    unsafe { TEMPLATE.set(template) };
    let size = template.area_size();
    let area = if size <= core::mem::size_of::<MainArea>() {
        MAIN_AREA.0.get().cast::<u8>()
    } else {
        // SAFETY: a fresh anonymous mapping aliases nothing.
        let mapped = unsafe {
            rustix::mm::mmap_anonymous(
                core::ptr::null_mut(),
                size,
                rustix::mm::ProtFlags::READ | rustix::mm::ProtFlags::WRITE,
                rustix::mm::MapFlags::PRIVATE,
            )
        };
        match mapped {
            Ok(p) => p.cast::<u8>(),
            Err(_) => {
                diag::write_stderr(&[b"rustcrt: cannot start this program: no memory for thread-local storage\n"]);
                crate::exit::exit_now(127)
            }
        }
    };
    let (canary, pointer_guard) = random_words(args);
    // SAFETY: `area` has `size` writable bytes, all zero (untouched `.bss` or a fresh
    // mapping), that nothing else uses; the template is this program's PT_TLS. Setting %fs
    // to the fresh control block is what start-up is for.
    unsafe {
        let tcb: *mut Tcb = template.install_zeroed(area);
        (*tcb).stack_guard = canary;
        (*tcb).pointer_guard = pointer_guard;
        crate::thread::init_main_thread(tcb);
        crate::kernel::set_fs(tcb.cast());
        let tid = crate::kernel::set_tid_address((&raw mut (*tcb).tid).cast());
        // Relaxed: no other thread exists yet.
        (*tcb).tid.store(tid.as_raw_nonzero().get() as u32, Ordering::Relaxed);
        __stack_chk_guard.set(canary);
    }
}

/// The canary (low byte zero, as glibc, so that string overflows cannot reproduce it) and the
/// pointer guard, from the kernel's 16 random bytes. Every Linux since 2.6.29 supplies
/// AT_RANDOM; without it, a fixed canary that still stops string copies (a zero, a newline
/// and 0xff bytes), as glibc.
fn random_words(args: &StartArgs) -> (usize, usize) {
    match args.wanted.random {
        0 => (0x0000_0aff_0a0d_0000, 0),
        at => {
            // SAFETY: AT_RANDOM points at 16 random bytes on the initial stack.
            let (a, b) = unsafe {
                let p = at as *const usize;
                (p.read_unaligned(), p.add(1).read_unaligned())
            };
            (a & !0xff, b)
        }
    }
}
