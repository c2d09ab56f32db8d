//! x86_64: the process entry point and the thread pointer.
//!
//! # Safety
//! `_start` is entered by the kernel with the initial process stack in `%rsp`; nothing else may
//! call it. `thread_pointer` is only meaningful once `%fs` has been set by the start-up code.

mod cancel;
mod process;
mod setjmp;
mod signal;
#[cfg(feature = "preload")]
mod static_tls;
mod syscall;
pub mod fpu;
pub mod x87;

pub use cancel::{cancellable_syscall, landing, region};
pub use process::clone_vfork;
pub use setjmp::{jump, stack_pointer};
pub use signal::restore_rt;
#[cfg(feature = "preload")]
pub use static_tls::{STATIC_TLS_SIZE, static_tls};
pub use syscall::syscall6;

/// The process entry point, as the kernel's ELF loader enters it.
///
/// On entry `%rsp` points at `argc`, followed by `argv[]`, `envp[]` and the auxiliary vector;
/// `%rdx` holds a function pointer for `atexit` in dynamically loaded programs, which a static
/// program has no use for. The address of `_DYNAMIC` tells the start-up code whether the
/// program is position independent (and where it was loaded): it is a weak, hidden reference,
/// so a non-PIE static link resolves it to 0. A non-PIE link also brackets the GNU indirect
/// function relocations with `__rela_iplt_start`/`__rela_iplt_end`; a PIE link defines
/// neither, and a PIE passes an empty range.
///
/// # Safety
/// Only the kernel calls this.
#[cfg(feature = "c-abi")]
#[unsafe(naked)]
#[unsafe(no_mangle)]
#[unsafe(link_section = ".text.startup.rustcrt")]
pub unsafe extern "C" fn _start() -> ! {
    core::arch::naked_asm!(
        ".weak _DYNAMIC",
        ".hidden _DYNAMIC",
        ".weak __rela_iplt_start",
        ".weak __rela_iplt_end",
        // Zero the frame pointer so that debuggers and unwinders stop at this frame.
        "xor ebp, ebp",
        // First argument: the initial stack pointer, where argc sits.
        "mov rdi, rsp",
        // Second argument: the run-time address of _DYNAMIC (0 in a non-PIE program).
        "lea rsi, [rip + _DYNAMIC]",
        "test rsi, rsi",
        "jz 2f",
        // A PIE: no indirect-function range (third and fourth arguments), as its IRELATIVE
        // entries are in the dynamic section's tables; and no GOT read, so that relocation
        // is the first to touch the writable segment (see `start::entry`).
        "xor edx, edx",
        "xor ecx, ecx",
        "jmp 3f",
        // Non-PIE: the indirect-function relocations, loaded through the GOT (the code must
        // still link as a PIE, which cannot refer to an undefined symbol PC-relatively).
        "2:",
        "mov rdx, qword ptr [rip + __rela_iplt_start@GOTPCREL]",
        "mov rcx, qword ptr [rip + __rela_iplt_end@GOTPCREL]",
        "3:",
        // The ABI requires %rsp to be 16-byte aligned before a call; the kernel aligns it,
        // but a hand-written loader may not.
        "and rsp, -16",
        // `entry` never returns.
        "call {entry}",
        // Unreachable: trap if it ever does return.
        "ud2",
        entry = sym crate::start::entry,
    )
}

/// The thread pointer (`%fs` base): the address of the calling thread's control block.
#[inline(always)]
pub fn thread_pointer() -> *mut u8 {
    let tp: *mut u8;
    // SAFETY: reads the self pointer that the control block keeps at `%fs:0` (the x86_64 TLS
    // ABI guarantees it, glibc's and ours alike); the read has no side effects.
    unsafe {
        core::arch::asm!("mov {}, qword ptr fs:0", out(reg) tp, options(nostack, preserves_flags, readonly, pure));
    }
    tp
}

/// The word at byte `OFFSET` of the calling thread's control block, read through `%fs` in one
/// instruction (one dependent load less than going through [`thread_pointer`]).
#[inline(always)]
pub fn thread_word<const OFFSET: usize>() -> usize {
    let word: usize;
    // SAFETY: reads the calling thread's own control block, which spans OFFSET (the caller
    // names a field of it); the read has no side effects. Not `pure`: the word may change
    // between two reads.
    unsafe {
        core::arch::asm!("mov {}, qword ptr fs:[{off}]", out(reg) word, off = const OFFSET, options(nostack, preserves_flags, readonly));
    }
    word
}

// The C library's exported variables that glibc defines under two names each. The second
// name of each pair is weak, as in glibc, so a program may define its own.
#[cfg(feature = "c-abi")]
core::arch::global_asm!(
    ".pushsection .bss.rustcrt_environ,\"aw\",@nobits",
    ".balign 8",
    ".globl __environ",
    ".weak environ",
    ".type __environ, @object",
    ".type environ, @object",
    ".size __environ, 8",
    ".size environ, 8",
    "__environ:",
    "environ:",
    ".zero 8",
    ".popsection",
    ".pushsection .bss.rustcrt_progname,\"aw\",@nobits",
    ".balign 8",
    ".globl __progname_full",
    ".globl __progname",
    ".weak program_invocation_name",
    ".weak program_invocation_short_name",
    ".type __progname_full, @object",
    ".type program_invocation_name, @object",
    ".type __progname, @object",
    ".type program_invocation_short_name, @object",
    ".size __progname_full, 8",
    ".size program_invocation_name, 8",
    ".size __progname, 8",
    ".size program_invocation_short_name, 8",
    "__progname_full:",
    "program_invocation_name:",
    ".zero 8",
    "__progname:",
    "program_invocation_short_name:",
    ".zero 8",
    ".popsection",
);

/// Copies `n` bytes from `src` to `dst`, lowest address first (`rep movsb`).
///
/// # Safety
/// Both ranges valid for `n` bytes; overlap only with `dst <= src`.
#[inline(always)]
pub unsafe fn copy_forward(dst: *mut u8, src: *const u8, n: usize) {
    // SAFETY: the caller guarantees the ranges; the direction flag is clear per the ABI.
    unsafe {
        core::arch::asm!("rep movsb", inout("rdi") dst => _, inout("rsi") src => _, inout("rcx") n => _,
            options(nostack, preserves_flags));
    }
}

/// Copies `n > 256` bytes from `src` to `dst` with AVX2: the first 32 and the last 128
/// bytes are loaded first and stored last; in between, 128 bytes per step are stored to
/// 32-byte-aligned destination addresses. Loading ahead of storing makes it right for
/// overlapping ranges with `dst <= src` too.
///
/// # Safety
/// Both ranges valid for `n` bytes, `n > 256`; overlap only with `dst <= src`; the CPU has
/// AVX2.
#[inline]
#[target_feature(enable = "avx2")]
pub unsafe fn copy_forward_avx2(dst: *mut u8, src: *const u8, n: usize) {
    // SAFETY: every load is inside [src, src + n) and every store inside [dst, dst + n): the
    // loop stores [d, d + 128) only while d < dst + n - 128.
    unsafe {
        core::arch::asm!(
            // The head and the tail, kept in registers until the end.
            "vmovdqu {h}, ymmword ptr [{s}]",
            "vmovdqu {t0}, ymmword ptr [{s} + {n} - 128]",
            "vmovdqu {t1}, ymmword ptr [{s} + {n} - 96]",
            "vmovdqu {t2}, ymmword ptr [{s} + {n} - 64]",
            "vmovdqu {t3}, ymmword ptr [{s} + {n} - 32]",
            "lea {end}, [{d} + {n} - 128]",
            "mov {orig}, {d}",
            // Skip to the next 32-byte boundary of the destination (1 to 32 bytes, which
            // the head covers).
            "mov {k}, {d}",
            "or {k}, 31",
            "inc {k}",
            "sub {k}, {d}",
            "add {d}, {k}",
            "add {s}, {k}",
            "2:",
            "vmovdqu {v0}, ymmword ptr [{s}]",
            "vmovdqu {v1}, ymmword ptr [{s} + 32]",
            "vmovdqu {v2}, ymmword ptr [{s} + 64]",
            "vmovdqu {v3}, ymmword ptr [{s} + 96]",
            "vmovdqa ymmword ptr [{d}], {v0}",
            "vmovdqa ymmword ptr [{d} + 32], {v1}",
            "vmovdqa ymmword ptr [{d} + 64], {v2}",
            "vmovdqa ymmword ptr [{d} + 96], {v3}",
            "add {s}, 128",
            "add {d}, 128",
            "cmp {d}, {end}",
            "jb 2b",
            "vmovdqu ymmword ptr [{end}], {t0}",
            "vmovdqu ymmword ptr [{end} + 32], {t1}",
            "vmovdqu ymmword ptr [{end} + 64], {t2}",
            "vmovdqu ymmword ptr [{end} + 96], {t3}",
            "vmovdqu ymmword ptr [{orig}], {h}",
            d = inout(reg) dst => _, s = inout(reg) src => _, n = in(reg) n,
            end = out(reg) _, orig = out(reg) _, k = out(reg) _,
            h = out(ymm_reg) _, t0 = out(ymm_reg) _, t1 = out(ymm_reg) _, t2 = out(ymm_reg) _,
            t3 = out(ymm_reg) _, v0 = out(ymm_reg) _, v1 = out(ymm_reg) _, v2 = out(ymm_reg) _,
            v3 = out(ymm_reg) _,
            options(nostack),
        );
    }
}

/// Copies `n` bytes from `src` to `dst`, highest address first, for overlapping moves upward.
///
/// # Safety
/// Both ranges valid for `n` bytes.
#[inline(always)]
pub unsafe fn copy_backward(dst: *mut u8, src: *const u8, n: usize) {
    if n == 0 {
        return;
    }
    // SAFETY: the caller guarantees the ranges; the direction flag is set only for this one
    // instruction and cleared again, as the ABI requires at every call boundary.
    unsafe {
        core::arch::asm!("std", "rep movsb", "cld",
            inout("rdi") dst.add(n - 1) => _, inout("rsi") src.add(n - 1) => _, inout("rcx") n => _,
            options(nostack));
    }
}

/// Sets `n` bytes at `dst` to `byte` (`rep stosb`).
///
/// # Safety
/// `dst` valid for `n` bytes.
#[inline(always)]
pub unsafe fn fill(dst: *mut u8, byte: u8, n: usize) {
    // SAFETY: the caller guarantees the range.
    unsafe {
        core::arch::asm!("rep stosb", inout("rdi") dst => _, in("al") byte, inout("rcx") n => _,
            options(nostack, preserves_flags));
    }
}

/// `clone(flags, stack, parent_tid, child_tid, tls)` for a new thread, which starts by calling
/// `entry` on `stack` (16-byte aligned) and must never return. Returns the child's tid in the
/// parent, or a negated error number.
///
/// # Safety
/// The flags must share the address space (`CLONE_VM`); `stack` must be the top of memory the
/// child may use, `tls` its control block, the tid pointers valid for as long as the thread
/// lives; `entry` must not return.
#[unsafe(naked)]
pub unsafe extern "C" fn clone_thread(
    flags: usize,
    stack: *mut u8,
    parent_tid: *mut u32,
    child_tid: *mut u32,
    tls: *mut u8,
    entry: unsafe extern "C" fn() -> !,
) -> isize {
    core::arch::naked_asm!(
        // The kernel takes the fourth argument in r10 (syscall itself overwrites rcx).
        "mov r10, rcx",
        // SYS_clone; the other arguments are already in rdi, rsi, rdx and r8.
        "mov eax, 56",
        "syscall",
        // Nonzero: the parent (a tid) or a failure (a negated errno); return it.
        "test rax, rax",
        "jnz 2f",
        // The child, on its new stack with every register as the parent had it except rax,
        // rcx and r11. Zero the frame pointer: this is the thread's outermost frame.
        "xor ebp, ebp",
        // r9 (`entry`) survived the syscall; %rsp is 16-byte aligned as a call requires.
        "call r9",
        // `entry` never returns; trap if it does.
        "ud2",
        // The parent returns the kernel's answer.
        "2:",
        "ret",
    )
}

/// Defines an exported C function returning `long double`, which the x86_64 ABI returns in
/// the x87 register `%st(0)`, something Rust cannot express.
///
/// `c_long_double!(name => parts)` exports `name`, taking the same (integer-class) arguments
/// as `parts`, an `extern "C"` function that returns the value's 16-byte x87 image as two
/// integers (`%rax`: the significand, `%rdx`: sign and exponent in the low 16 bits).
/// `c_long_double!(name(reg) => parts)` also passes `parts`, in register `reg` (the one after
/// the function's integer arguments), the address of the caller's stack arguments, where
/// the ABI puts `long double` arguments (see `x87::Slot`).
#[cfg(feature = "c-abi")]
macro_rules! c_long_double {
    ($( $(#[$doc:meta])* $name:ident $(($reg:literal))? => $parts:path; )*) => {$(
        $(#[$doc])*
        ///
        /// # Safety
        /// As the C function.
        #[unsafe(naked)]
        #[unsafe(no_mangle)]
        pub unsafe extern "C" fn $name() {
            core::arch::naked_asm!(
                // Entry %rsp is 8 mod 16; 24 bytes make it 16-aligned for the call and leave a
                // 16-byte slot at [rsp] for the value.
                "sub rsp, 24",
                // The caller's stack arguments, if asked for, start past the slot, the 8
                // bytes of padding and the return address.
                $(concat!("lea ", $reg, ", [rsp + 32]"),)?
                // The arguments are still in their registers: call the Rust half.
                "call {parts}",
                // Store the 10-byte image (rax: significand, dx: sign and exponent)...
                "mov qword ptr [rsp], rax",
                "mov word ptr [rsp + 8], dx",
                // ... and load it onto the x87 stack, where a long double is returned.
                "fld tbyte ptr [rsp]",
                // Drop the frame and return.
                "add rsp, 24",
                "ret",
                parts = sym $parts,
            )
        }
    )*};
}
#[cfg(feature = "c-abi")]
pub(crate) use c_long_double;

/// Defines an exported C function whose last argument is a `long double`, which the x86_64
/// ABI passes in memory on the stack (16 bytes at `8(%rsp)` on entry, past the return
/// address), something Rust cannot take.
///
/// `c_long_double_arg!(name(lo, hi) => parts)` exports `name`, which loads the value's
/// significand into register `lo` and its sign and exponent into `hi` (the registers of the
/// next two integer arguments after the others) and tail-calls `parts`, an `extern "C"`
/// function taking the other arguments followed by those two integers.
#[cfg(feature = "c-abi")]
macro_rules! c_long_double_arg {
    ($( $(#[$doc:meta])* $name:ident($lo:literal, $hi:literal) => $parts:path; )*) => {$(
        $(#[$doc])*
        ///
        /// # Safety
        /// As the C function.
        #[unsafe(naked)]
        #[unsafe(no_mangle)]
        pub unsafe extern "C" fn $name() {
            core::arch::naked_asm!(
                // The significand: the low 8 bytes of the stack argument.
                concat!("mov ", $lo, ", qword ptr [rsp + 8]"),
                // Sign and exponent: the next 2 bytes, zero-extended.
                concat!("movzx ", $hi, ", word ptr [rsp + 16]"),
                // The stack is as the caller left it, so the Rust half returns straight to it.
                "jmp {parts}",
                parts = sym $parts,
            )
        }
    )*};
}
#[cfg(feature = "c-abi")]
pub(crate) use c_long_double_arg;
