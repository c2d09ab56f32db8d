//! The few ELF structures start-up reads: program headers, dynamic entries, relocations.

/// `Elf64_Phdr`.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct Phdr {
    pub p_type: u32,
    pub p_flags: u32,
    pub p_offset: u64,
    pub p_vaddr: u64,
    pub p_paddr: u64,
    pub p_filesz: u64,
    pub p_memsz: u64,
    pub p_align: u64,
}

/// `Elf64_Dyn`.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct Dyn {
    pub d_tag: i64,
    pub d_val: u64,
}

/// `Elf64_Rela`.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct Rela {
    pub r_offset: u64,
    pub r_info: u64,
    pub r_addend: i64,
}

impl Rela {
    /// The relocation type, the low 32 bits of `r_info`.
    pub fn kind(&self) -> u32 {
        self.r_info as u32
    }
}

pub const PT_DYNAMIC: u32 = 2;
pub const PT_TLS: u32 = 7;
pub const PT_GNU_RELRO: u32 = 0x6474_e552;
/// Segment flag: writable.
pub const PF_W: u32 = 2;

pub const DT_NULL: i64 = 0;
pub const DT_PLTRELSZ: i64 = 2;
pub const DT_RELA: i64 = 7;
pub const DT_RELASZ: i64 = 8;
pub const DT_RELAENT: i64 = 9;
pub const DT_REL: i64 = 17;
pub const DT_PLTREL: i64 = 20;
pub const DT_JMPREL: i64 = 23;
pub const DT_RELRSZ: i64 = 35;
pub const DT_RELR: i64 = 36;
pub const DT_RELRENT: i64 = 37;

pub const R_X86_64_NONE: u32 = 0;
pub const R_X86_64_RELATIVE: u32 = 8;
pub const R_X86_64_IRELATIVE: u32 = 37;
