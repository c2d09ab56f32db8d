//! Self-relocation of a static position-independent executable.
//!
//! A static-PIE program is linked at address 0 and loaded wherever the kernel chooses, so
//! every stored pointer must have the load address added before anything reads it. The linker
//! leaves those fix-ups in the dynamic section: `R_X86_64_RELATIVE` entries in the `DT_RELA`
//! and `DT_JMPREL` tables, and the packed `DT_RELR` form. `R_X86_64_IRELATIVE` entries (GNU
//! indirect functions) call a resolver from the program, so they are applied later, once the
//! thread pointer is set. Any other type cannot be resolved without a dynamic linker.
//!
//! Everything here runs before relocation: it reads no static and makes no indirect call, and
//! it must not panic (the panic machinery reads relocated pointers).

use super::elf::{
    DT_JMPREL, DT_NULL, DT_PLTREL, DT_PLTRELSZ, DT_REL, DT_RELA, DT_RELAENT, DT_RELASZ, DT_RELR,
    DT_RELRENT, DT_RELRSZ, Dyn, R_X86_64_IRELATIVE, R_X86_64_NONE, R_X86_64_RELATIVE, Rela,
};
use core::mem::size_of;

/// Why an executable cannot be relocated here.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unsupported {
    /// A relocation type other than NONE, RELATIVE and IRELATIVE.
    Type(u32),
    /// A dynamic-section layout we do not read (REL tables, odd entry sizes).
    Layout,
}

/// The relocation tables of the running executable.
#[derive(Clone, Copy, Debug)]
pub struct Tables {
    /// The load address: what the linker's address 0 became.
    pub base: usize,
    rela: &'static [Rela],
    jmprel: &'static [Rela],
    relr: &'static [u64],
}

impl Tables {
    /// Reads the relocation tables that the dynamic section names.
    ///
    /// # Safety
    /// `dynamic` must be the run-time address of the executable's `DT_NULL`-terminated dynamic
    /// section, and `base` its load address, so that the tables it names are mapped.
    pub unsafe fn read(base: usize, dynamic: *const Dyn) -> Result<Tables, Unsupported> {
        let (mut rela, mut rela_size, mut rela_ent) = (0u64, 0u64, size_of::<Rela>() as u64);
        let (mut jmprel, mut jmprel_size, mut plt_kind) = (0u64, 0u64, DT_RELA as u64);
        let (mut relr, mut relr_size, mut relr_ent) = (0u64, 0u64, size_of::<u64>() as u64);
        let mut entry = dynamic;
        loop {
            // SAFETY: the caller guarantees a DT_NULL-terminated dynamic section.
            let Dyn { d_tag, d_val } = unsafe { *entry };
            match d_tag {
                DT_NULL => break,
                DT_RELA => rela = d_val,
                DT_RELASZ => rela_size = d_val,
                DT_RELAENT => rela_ent = d_val,
                DT_JMPREL => jmprel = d_val,
                DT_PLTRELSZ => jmprel_size = d_val,
                DT_PLTREL => plt_kind = d_val,
                DT_RELR => relr = d_val,
                DT_RELRSZ => relr_size = d_val,
                DT_RELRENT => relr_ent = d_val,
                DT_REL => return Err(Unsupported::Layout),
                _ => {}
            }
            // SAFETY: this entry was not DT_NULL, so the next one exists.
            entry = unsafe { entry.add(1) };
        }
        let rela_ok = rela_ent == size_of::<Rela>() as u64;
        let plt_ok = jmprel_size == 0 || plt_kind == DT_RELA as u64;
        if !rela_ok || !plt_ok || relr_ent != size_of::<u64>() as u64 {
            return Err(Unsupported::Layout);
        }
        // SAFETY: the dynamic section's addresses are link-time addresses of mapped tables;
        // adding the load address gives where they are now, with the sizes it states.
        unsafe {
            Ok(Tables {
                base,
                rela: table(base, rela, rela_size),
                jmprel: table(base, jmprel, jmprel_size),
                relr: table(base, relr, relr_size),
            })
        }
    }

    /// The indirect-function relocations of a non-PIE static program: the linker's
    /// `.rela.iplt` table, at its link-time (and run-time) address.
    ///
    /// # Safety
    /// `[start, end)` must be the program's `.rela.iplt` table (or an empty range).
    pub unsafe fn iplt(start: *const Rela, end: *const Rela) -> Tables {
        let count = (end as usize).saturating_sub(start as usize) / size_of::<Rela>();
        let rela = if count == 0 {
            &[]
        } else {
            // SAFETY: per the contract, `count` entries lie at `start` for the process's life.
            unsafe { core::slice::from_raw_parts(start, count) }
        };
        Tables { base: 0, rela, jmprel: &[], relr: &[] }
    }

    /// Applies every RELATIVE fix-up (RELA, JMPREL and RELR tables). Stops at the first type
    /// it cannot apply, which the caller must treat as fatal.
    ///
    /// # Safety
    /// The tables must be this executable's and not yet applied (applying twice adds the base
    /// twice). No code may have read a relocated pointer yet.
    pub unsafe fn apply_relative(&self) -> Result<(), Unsupported> {
        for r in self.rela.iter().chain(self.jmprel) {
            match r.kind() {
                // SAFETY: the linker made r_offset a word inside the writable image.
                R_X86_64_RELATIVE => unsafe { self.store(r.r_offset, self.base.wrapping_add(r.r_addend as usize)) },
                R_X86_64_NONE | R_X86_64_IRELATIVE => {}
                other => return Err(Unsupported::Type(other)),
            }
        }
        let mut next = 0u64;
        for &word in self.relr {
            if word & 1 == 0 {
                // An address: relocate the word there; the bitmaps that follow start after it.
                // SAFETY: as above, the linker named a word of the image.
                unsafe { self.add_base(word) };
                next = word + 8;
            } else {
                // A bitmap: bit i (from 1) stands for the word at next + (i - 1) * 8.
                let mut bits = word >> 1;
                let mut at = next;
                while bits != 0 {
                    if bits & 1 != 0 {
                        // SAFETY: as above.
                        unsafe { self.add_base(at) };
                    }
                    bits >>= 1;
                    at += 8;
                }
                next += 63 * 8;
            }
        }
        Ok(())
    }

    /// Applies the IRELATIVE entries: each stores what the program's resolver returns.
    ///
    /// # Safety
    /// Only after [`Tables::apply_relative`] and once the thread pointer is set, because the
    /// resolvers are ordinary program code.
    pub unsafe fn apply_irelative(&self) {
        for r in self.rela.iter().chain(self.jmprel) {
            if r.kind() == R_X86_64_IRELATIVE {
                let resolver = self.base.wrapping_add(r.r_addend as usize);
                // SAFETY: an IRELATIVE addend is the link-time address of a resolver function
                // taking no arguments, now relocated; r_offset is a word of the image.
                unsafe {
                    let resolve: extern "C" fn() -> usize = core::mem::transmute(resolver);
                    self.store(r.r_offset, resolve());
                }
            }
        }
    }

    /// # Safety
    /// `offset` must be a link-time address of a writable word in the image.
    unsafe fn store(&self, offset: u64, value: usize) {
        let at = self.base.wrapping_add(offset as usize) as *mut usize;
        // SAFETY: the caller names a writable word; relocation targets need not be aligned.
        unsafe { at.write_unaligned(value) }
    }

    /// # Safety
    /// As [`Tables::store`].
    unsafe fn add_base(&self, offset: u64) {
        let at = self.base.wrapping_add(offset as usize) as *mut usize;
        // SAFETY: as in `store`.
        unsafe { at.write_unaligned(at.read_unaligned().wrapping_add(self.base)) }
    }
}

/// The table at link-time address `addr` with `size` bytes, as a slice.
///
/// # Safety
/// `base + addr` must hold `size` bytes of `T`s for the life of the process (or `size` is 0).
unsafe fn table<T>(base: usize, addr: u64, size: u64) -> &'static [T] {
    if size == 0 {
        return &[];
    }
    let start = base.wrapping_add(addr as usize) as *const T;
    // SAFETY: guaranteed by the caller; the image is never unmapped.
    unsafe { core::slice::from_raw_parts(start, size as usize / size_of::<T>()) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::start::elf::DT_RELRSZ;
    use std::vec::Vec;

    /// A fake image: `words` at "link address" 0, loaded at the address of the vector.
    fn tables_for(words: &mut [usize], rela: &'static [Rela], relr: &'static [u64]) -> Tables {
        Tables { base: words.as_mut_ptr() as usize, rela, jmprel: &[], relr }
    }

    #[test]
    fn relative_entries_add_the_base() {
        let mut words = [0usize; 4];
        let rela: &'static [Rela] = std::vec![
            Rela { r_offset: 8, r_info: R_X86_64_RELATIVE as u64, r_addend: 0x40 },
            Rela { r_offset: 24, r_info: R_X86_64_NONE as u64, r_addend: 0 },
        ]
        .leak();
        let t = tables_for(&mut words, rela, &[]);
        // SAFETY: the offsets lie inside `words`.
        unsafe { t.apply_relative() }.unwrap();
        assert_eq!(words[1], t.base + 0x40);
        assert_eq!(words[3], 0);
    }

    #[test]
    fn relr_addresses_and_bitmaps() {
        let mut words: Vec<usize> = (0..70).map(|i| i * 16).collect();
        let before = words.clone();
        // Word 0 by address; then the bitmap 0b101 (after the tag bit) marks words 1 and 3;
        // a second bitmap covers the next 63 words and marks the first of them (word 64).
        let relr: &'static [u64] = std::vec![0u64, (0b101 << 1) | 1, (1 << 1) | 1].leak();
        let t = tables_for(&mut words, &[], relr);
        // SAFETY: every marked word lies inside `words`.
        unsafe { t.apply_relative() }.unwrap();
        for (i, (&now, &was)) in words.iter().zip(&before).enumerate() {
            let expect = if [0, 1, 3, 64].contains(&i) { was + t.base } else { was };
            assert_eq!(now, expect, "word {i}");
        }
    }

    #[test]
    fn unknown_type_is_refused() {
        let mut words = [0usize; 2];
        let rela: &'static [Rela] =
            std::vec![Rela { r_offset: 0, r_info: (5 << 32) | 1, r_addend: 0 }].leak();
        let t = tables_for(&mut words, rela, &[]);
        // SAFETY: nothing is written before the refusal.
        assert_eq!(unsafe { t.apply_relative() }, Err(Unsupported::Type(1)));
    }

    #[test]
    fn reads_the_dynamic_section() {
        let rela: &'static [Rela] =
            std::vec![Rela { r_offset: 0, r_info: R_X86_64_RELATIVE as u64, r_addend: 1 }].leak();
        let dynamic = [
            Dyn { d_tag: DT_RELA, d_val: rela.as_ptr() as u64 },
            Dyn { d_tag: DT_RELASZ, d_val: 24 },
            Dyn { d_tag: DT_RELRSZ, d_val: 0 },
            Dyn { d_tag: DT_NULL, d_val: 0 },
        ];
        // SAFETY: base 0, so the table addresses are the real ones.
        let t = unsafe { Tables::read(0, dynamic.as_ptr()) }.unwrap();
        assert_eq!(t.rela.len(), 1);
        let with_rel = [Dyn { d_tag: DT_REL, d_val: 0 }, Dyn { d_tag: DT_NULL, d_val: 0 }];
        // SAFETY: a terminated dynamic section.
        assert_eq!(unsafe { Tables::read(0, with_rel.as_ptr()) }.err(), Some(Unsupported::Layout));
    }
}
