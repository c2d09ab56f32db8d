//! Whether a range of memory lies in the program's read-only image: what the fortified
//! printf functions ask of a format with `%n` (glibc refuses `%n` in a writable format at
//! `_FORTIFY_SOURCE=2`, since an attacker who can write the format could use it).
//!
//! The program's own segments decide: a range is read-only when it lies inside one `PT_LOAD`
//! segment without write permission, or inside the `PT_GNU_RELRO` range (read-only once
//! start-up has relocated it). The segments come from the ELF header, which the linker maps
//! and names `__ehdr_start` (glibc's static start-up reads it the same way). Memory outside
//! the image (stack, heap, other mappings) counts as writable, even a read-only mapping: the
//! answer errs towards refusing, and string literals are always in the image.

use crate::start::elf::{PT_GNU_RELRO, Phdr};

/// `PT_LOAD`: a loadable segment.
const PT_LOAD: u32 = 1;
/// `PF_W`: the segment is writable.
const PF_W: u32 = 2;

unsafe extern "C" {
    /// The program's ELF header, as mapped (defined by the linker).
    static __ehdr_start: [u8; 64];
}

/// The program's segment headers and its load bias (run-time minus link-time address).
fn segments() -> Option<(&'static [Phdr], usize)> {
    let ehdr = &raw const __ehdr_start;
    // SAFETY: the linker maps the 64-byte ELF header of the executable at `__ehdr_start`;
    // e_phoff (offset 32), e_phentsize (54) and e_phnum (56) are fixed fields of it.
    let (phoff, phentsize, phnum) = unsafe {
        let at = ehdr.cast::<u8>();
        (
            at.add(32).cast::<u64>().read_unaligned(),
            at.add(54).cast::<u16>().read_unaligned(),
            at.add(56).cast::<u16>().read_unaligned(),
        )
    };
    if usize::from(phentsize) != size_of::<Phdr>() {
        return None;
    }
    // SAFETY: the program headers of a loaded executable are mapped with its header, at
    // e_phoff (the first PT_LOAD, at file offset 0, covers both).
    let phdrs = unsafe {
        core::slice::from_raw_parts(ehdr.cast::<u8>().add(usize::try_from(phoff).ok()?).cast::<Phdr>(), usize::from(phnum))
    };
    let first = phdrs.iter().find(|p| p.p_type == PT_LOAD && p.p_offset == 0)?;
    Some((phdrs, (ehdr as usize).wrapping_sub(first.p_vaddr as usize)))
}

/// Whether the `len` bytes at `start` lie in one read-only part of the program's image.
pub fn is_read_only(start: usize, len: usize) -> bool {
    let Some((phdrs, bias)) = segments() else { return false };
    let Some(end) = start.checked_add(len) else { return false };
    phdrs.iter().any(|p| {
        let read_only = (p.p_type == PT_LOAD && p.p_flags & PF_W == 0) || p.p_type == PT_GNU_RELRO;
        let low = bias.wrapping_add(p.p_vaddr as usize);
        read_only && start >= low && end <= low.wrapping_add(p.p_memsz as usize)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::vec;

    static WRITABLE: core::sync::atomic::AtomicU8 = core::sync::atomic::AtomicU8::new(0);

    #[test]
    fn literals_are_read_only_and_data_is_not() {
        let literal = b"a %n format in .rodata";
        assert!(is_read_only(literal.as_ptr() as usize, literal.len()));
        let local = [1u8; 16];
        assert!(!is_read_only(local.as_ptr() as usize, local.len()));
        let heap = vec![0u8; 16];
        assert!(!is_read_only(heap.as_ptr() as usize, heap.len()));
        assert!(!is_read_only(WRITABLE.as_ptr() as usize, 1));
        assert!(!is_read_only(usize::MAX - 1, 4));
        assert!(!is_read_only(0, 1));
    }
}
