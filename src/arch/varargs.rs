//! C variadic functions on x86_64 (System V ABI): the `va_list` structure, a reader over it,
//! and a macro that defines an exported variadic function in assembly.
//!
//! Stable Rust cannot define a C-variadic function, so each one is a naked function that does
//! what a C compiler's `va_start` does: it stores the six integer argument registers and, when
//! `%al` says vector registers carry arguments, the eight `%xmm` registers into a register save
//! area on its stack, fills in a `va_list` that points there and at the caller's stack
//! arguments, and calls the `va_list` form of the function with the named arguments
//! unchanged and the `va_list` pointer appended. The reader then takes arguments out of the
//! same structure a C caller's `va_list` is, so `vsnprintf(buf, n, fmt, ap)` from C and
//! `snprintf(buf, n, fmt, ...)` share one path.
//!
//! # Safety
//! A [`VaList`] must only be built over a live `va_list` of the C caller's, and each argument
//! must be read with the type the caller passed (C's rule for `va_arg`).

/// The structure a C `va_list` (an array of one `__va_list_tag`) points at.
#[repr(C)]
pub struct VaListTag {
    /// Offset into the register save area of the next integer register argument (48: none).
    gp_offset: u32,
    /// Offset into the register save area of the next vector register argument (176: none).
    fp_offset: u32,
    /// The next argument passed on the stack.
    overflow_arg_area: *mut u8,
    /// Where the function's prologue stored the argument registers.
    reg_save_area: *mut u8,
}

/// Bytes of the register save area holding the six integer registers.
const GP_AREA: u32 = 48;
/// Bytes of the register save area holding integer and vector registers (8 of 16 bytes).
const FP_AREA: u32 = GP_AREA + 8 * 16;

impl VaListTag {
    /// A `va_list` with no register arguments left, whose stack arguments start at `stack`
    /// (each integer or double in one 8-byte slot, a long double 16-byte aligned in two).
    /// What tests build to feed the readers without a C caller.
    pub fn on_stack(stack: *mut u8) -> VaListTag {
        VaListTag { gp_offset: GP_AREA, fp_offset: FP_AREA, overflow_arg_area: stack, reg_save_area: core::ptr::null_mut() }
    }
}

/// Reads the variadic arguments of one `va_list`, in order.
pub struct VaList<'a> {
    tag: &'a mut VaListTag,
}

impl<'a> VaList<'a> {
    /// A reader over the C `va_list` at `tag`.
    ///
    /// # Safety
    /// `tag` must be a live `va_list` (from `va_start` or `va_copy`, or built by
    /// [`c_variadic!`]), and every read must match the type of the argument passed.
    pub unsafe fn new(tag: *mut VaListTag) -> VaList<'a> {
        // SAFETY: per the contract the structure is live and ours for the reader's lifetime.
        VaList { tag: unsafe { &mut *tag } }
    }

    /// The next argument of an integer class (any integer up to 64 bits, or a pointer), as
    /// the 64 bits of its slot. Types narrower than 64 bits occupy the low bits.
    #[inline]
    pub fn next_u64(&mut self) -> u64 {
        let t = &mut *self.tag;
        if t.gp_offset < GP_AREA {
            // SAFETY: below GP_AREA the offset names a stored integer register in the save
            // area that the prologue filled.
            let v = unsafe { t.reg_save_area.add(t.gp_offset as usize).cast::<u64>().read_unaligned() };
            t.gp_offset += 8;
            v
        } else {
            // SAFETY: past the registers, arguments are in 8-byte slots on the caller's stack.
            let v = unsafe { t.overflow_arg_area.cast::<u64>().read_unaligned() };
            // SAFETY: the next slot is the next argument (or one past the last).
            t.overflow_arg_area = unsafe { t.overflow_arg_area.add(8) };
            v
        }
    }

    /// The next `double` argument (a `float` argument is promoted to `double` by C).
    #[inline]
    pub fn next_f64(&mut self) -> f64 {
        let t = &mut *self.tag;
        if t.fp_offset < FP_AREA {
            // SAFETY: between GP_AREA and FP_AREA the offset names a stored %xmm register, whose
            // low 8 bytes hold the double.
            let v = unsafe { t.reg_save_area.add(t.fp_offset as usize).cast::<f64>().read_unaligned() };
            t.fp_offset += 16;
            v
        } else {
            // SAFETY: as for integers, one 8-byte stack slot.
            let v = unsafe { t.overflow_arg_area.cast::<f64>().read_unaligned() };
            // SAFETY: the next slot.
            t.overflow_arg_area = unsafe { t.overflow_arg_area.add(8) };
            v
        }
    }

    /// The next `long double` argument (x87 80-bit extended precision), as its 16-byte slot:
    /// the 64-bit significand in the low 8 bytes, sign and exponent in the next 2. Always on the
    /// stack, 16-byte aligned (class MEMORY in the ABI).
    #[inline]
    pub fn next_f80(&mut self) -> (u64, u16) {
        let t = &mut *self.tag;
        let aligned = (t.overflow_arg_area as usize).wrapping_add(15) & !15;
        // SAFETY: the argument starts at the next 16-byte boundary of the stack area.
        let at = unsafe { t.overflow_arg_area.add(aligned - t.overflow_arg_area as usize) };
        // SAFETY: the 10 bytes of the value are in that slot.
        let (mantissa, top) = unsafe { (at.cast::<u64>().read_unaligned(), at.add(8).cast::<u16>().read_unaligned()) };
        // SAFETY: the slot is 16 bytes.
        t.overflow_arg_area = unsafe { at.add(16) };
        (mantissa, top)
    }
}

/// Defines exported C-variadic functions that forward to their `va_list` forms.
///
/// `c_variadic!(name(named) => target)` exports `name`, whose `named` leading arguments are
/// all of integer class (pointers, integers; at most 6), and which calls
/// `target(arg1, ..., argN, ap)`: `target` must be an `unsafe extern "C"` function taking the
/// same named arguments followed by `*mut VaListTag`, and its return value is returned.
/// The stack frame (216 bytes): `va_list` at 0, register save area at 32 (integer registers
/// at 32..80, `%xmm0-7` at 80..208); the caller's stack arguments start 8 bytes above it,
/// past the return address.
#[cfg(feature = "c-abi")]
macro_rules! c_variadic {
    (@reg 0) => { "rdi" };
    (@reg 1) => { "rsi" };
    (@reg 2) => { "rdx" };
    (@reg 3) => { "rcx" };
    (@reg 4) => { "r8" };
    (@reg 5) => { "r9" };
    ($( $(#[$doc:meta])* $name:ident($named:tt) => $target:path; )*) => {$(
        $(#[$doc])*
        ///
        /// # Safety
        /// Called from C with the arguments its format (or C prototype) describes.
        #[unsafe(naked)]
        #[unsafe(no_mangle)]
        pub unsafe extern "C" fn $name() {
            core::arch::naked_asm!(
                // Frame: entry %rsp is 8 mod 16 (the return address), so 216 makes it 16-aligned
                // for the call and for the aligned vector stores below.
                "sub rsp, 216",
                // Store the six integer argument registers into the save area (32..80).
                "mov qword ptr [rsp + 32], rdi",
                "mov qword ptr [rsp + 40], rsi",
                "mov qword ptr [rsp + 48], rdx",
                "mov qword ptr [rsp + 56], rcx",
                "mov qword ptr [rsp + 64], r8",
                "mov qword ptr [rsp + 72], r9",
                // %al is an upper bound on the vector registers used by the arguments: when it
                // is zero none is, and the vector stores are skipped (as compilers do).
                "test al, al",
                "je 2f",
                // Store %xmm0..%xmm7 into the save area (80..208), 16 bytes each.
                "movaps xmmword ptr [rsp + 80], xmm0",
                "movaps xmmword ptr [rsp + 96], xmm1",
                "movaps xmmword ptr [rsp + 112], xmm2",
                "movaps xmmword ptr [rsp + 128], xmm3",
                "movaps xmmword ptr [rsp + 144], xmm4",
                "movaps xmmword ptr [rsp + 160], xmm5",
                "movaps xmmword ptr [rsp + 176], xmm6",
                "movaps xmmword ptr [rsp + 192], xmm7",
                "2:",
                // va_list.gp_offset: the named arguments used the first `named` integer registers.
                "mov dword ptr [rsp], {gp}",
                // va_list.fp_offset: no named argument is a vector register (48 = none used).
                "mov dword ptr [rsp + 4], 48",
                // va_list.overflow_arg_area: the caller's stack arguments, above the return address.
                "lea rax, [rsp + 224]",
                "mov qword ptr [rsp + 8], rax",
                // va_list.reg_save_area: the save area filled above.
                "lea rax, [rsp + 32]",
                "mov qword ptr [rsp + 16], rax",
                // The va_list pointer becomes the argument after the named ones; the named ones
                // are still in their registers.
                concat!("mov ", $crate::arch::c_variadic!(@reg $named), ", rsp"),
                // Call the va_list form; its return value stays in %rax (or %eax).
                "call {target}",
                // Drop the frame and return to the C caller.
                "add rsp, 216",
                "ret",
                gp = const $named * 8,
                target = sym $target,
            )
        }
    )*};
}
#[cfg(feature = "c-abi")]
pub(crate) use c_variadic;
