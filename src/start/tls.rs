//! Static thread-local storage: the program's PT_TLS template and where a thread's copy goes.
//!
//! x86_64 uses TLS variant II: a thread's TLS block ends at its thread pointer, and the control
//! block starts there. The linker computes every local-exec offset as "address minus the
//! block's end", where the block's size is rounded so that the block's start keeps the
//! template's alignment; [`Template::new`] computes the same rounding (musl and glibc agree).

use crate::sync::startup_cell::StartupCell;
use crate::thread::tcb::Tcb;
use core::mem::{align_of, size_of};

/// The running program's template, recorded at start-up for every thread that follows.
pub static TEMPLATE: StartupCell<Template> = StartupCell::new(Template::NONE);

/// The program's TLS template: what each thread's TLS block starts as.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Template {
    /// Run-time address of the initialised part (`.tdata`).
    pub image: usize,
    /// Bytes of `.tdata` to copy.
    pub filesz: usize,
    /// Bytes of the whole block (`.tdata` then zeroed `.tbss`).
    pub memsz: usize,
    /// Alignment of the block, at least 1.
    pub align: usize,
    /// Distance from the block's start up to the thread pointer.
    pub offset: usize,
}

impl Template {
    /// A program with no thread-local data.
    pub const NONE: Template = Template { image: 0, filesz: 0, memsz: 0, align: 1, offset: 0 };

    /// The template for a PT_TLS segment loaded at `image`.
    pub fn new(image: usize, filesz: usize, memsz: usize, align: usize) -> Template {
        let align = align.max(1).next_power_of_two();
        // Round the size up so that (thread pointer - offset) is congruent to the image address
        // modulo the alignment, with the thread pointer itself aligned.
        let pad = (0usize.wrapping_sub(memsz).wrapping_sub(image)) & (align - 1);
        Template { image, filesz, memsz, align, offset: memsz + pad }
    }

    /// Alignment of the thread pointer: the TLS block's and the control block's.
    pub fn tp_align(&self) -> usize {
        self.align.max(align_of::<Tcb>())
    }

    /// Bytes an area needs to hold a TLS block and a control block, wherever it starts.
    pub fn area_size(&self) -> usize {
        self.offset + (self.tp_align() - 1) + size_of::<Tcb>()
    }

    /// Builds a thread's TLS block and a zeroed control block in `area` and returns the thread
    /// pointer (the control block's address). The control block's self pointers are set.
    ///
    /// # Safety
    /// `area` must be writable for [`Template::area_size`] bytes and not in use; the template
    /// must describe this program's mapped PT_TLS segment.
    pub unsafe fn install(&self, area: *mut u8) -> *mut Tcb {
        // SAFETY: the caller's contract.
        unsafe { self.place(area, true) }
    }

    /// [`Template::install`] for an area known to be all zero (static `.bss`, or a fresh
    /// anonymous mapping): only `.tdata` is copied, so the zero `.tbss` and control block
    /// cost no stores, and the pages that only they span are not touched.
    ///
    /// # Safety
    /// As for `install`, and every byte of the area must be zero.
    #[unsafe(link_section = ".text.startup.rustcrt")]
    pub unsafe fn install_zeroed(&self, area: *mut u8) -> *mut Tcb {
        // SAFETY: the caller's contract.
        unsafe { self.place(area, false) }
    }

    /// # Safety
    /// As for `install`; when `clear` is false the area must be all zero.
    unsafe fn place(&self, area: *mut u8, clear: bool) -> *mut Tcb {
        let tp_align = self.tp_align();
        let tp_addr = (area as usize + self.offset + tp_align - 1) & !(tp_align - 1);
        let tp = area.wrapping_add(tp_addr - area as usize);
        let block = tp.wrapping_sub(self.offset);
        // The copies use the string instructions directly, not `memcpy`/`memset`: those choose
        // their SIMD form on first use, and the probe (`cpuid`, a VM exit) must not run while
        // a program starts. A zero-filled control block is `Tcb::ZERO` (see its note).
        // SAFETY: [block, tp + size_of::<Tcb>()) lies inside the area (see `area_size`); the
        // image is the program's mapped `.tdata`, which never overlaps a fresh area.
        unsafe {
            crate::arch::copy_forward(block, self.image as *const u8, self.filesz);
            let tcb = tp.cast::<Tcb>();
            if clear {
                crate::arch::fill(block.add(self.filesz), 0, self.offset - self.filesz);
                crate::arch::fill(tcb.cast(), 0, size_of::<Tcb>());
            }
            (*tcb).self_ptr = tcb;
            (*tcb).self_again = tcb;
            tcb
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::vec;

    #[test]
    fn offset_is_size_rounded_to_alignment() {
        assert_eq!(Template::new(0x1000, 4, 12, 8).offset, 16);
        assert_eq!(Template::new(0x1000, 0, 1, 4096).offset, 4096);
        assert_eq!(Template::new(0x1000, 0, 0, 0).offset, 0);
        assert_eq!(Template::new(0x1000, 3, 3, 1).offset, 3);
    }

    #[test]
    fn offset_keeps_a_misaligned_image_congruent() {
        // An image at 8 mod 16: the block must start at 8 mod 16 below an aligned pointer.
        let t = Template::new(0x1008, 8, 24, 16);
        assert_eq!((0usize.wrapping_sub(t.offset)) % 16, 8);
        assert!(t.offset >= 24);
    }

    #[test]
    fn install_copies_tdata_and_zeroes_tbss_for_every_alignment() {
        let image: [u8; 5] = [1, 2, 3, 4, 5];
        for shift in 0..=12 {
            let align = 1usize << shift;
            let t = Template::new(image.as_ptr() as usize, 5, 9, align);
            let mut area = vec![0xaau8; t.area_size() + 1];
            // Misalign the area on purpose: install must still align the pointer.
            // SAFETY: the area has area_size bytes after the first.
            let tcb = unsafe { t.install(area.as_mut_ptr().add(1)) };
            let tp = tcb as usize;
            assert_eq!(tp % t.tp_align(), 0, "align {align}");
            let block = (tp - t.offset) as *const u8;
            // SAFETY: the block lies inside `area`.
            let bytes = unsafe { core::slice::from_raw_parts(block, 9) };
            assert_eq!(bytes, &[1, 2, 3, 4, 5, 0, 0, 0, 0], "align {align}");
            // SAFETY: install wrote a control block at tp.
            unsafe {
                assert_eq!((*tcb).self_ptr, tcb);
                assert_eq!((*tcb).self_again, tcb);
                assert_eq!((*tcb).errno, 0);
            }
            assert!(tp + size_of::<Tcb>() <= area.as_ptr() as usize + area.len());
        }
    }

    #[test]
    fn install_zeroed_copies_tdata_into_a_zero_area() {
        let image: [u8; 3] = [7, 8, 9];
        let t = Template::new(image.as_ptr() as usize, 3, 40, 16);
        let mut area = vec![0u8; t.area_size()];
        // SAFETY: the area has area_size zero bytes.
        let tcb = unsafe { t.install_zeroed(area.as_mut_ptr()) };
        let block = (tcb as usize - t.offset) as *const u8;
        // SAFETY: the block lies inside `area`.
        let bytes = unsafe { core::slice::from_raw_parts(block, 40) };
        assert_eq!(&bytes[..3], &image);
        assert!(bytes[3..].iter().all(|&b| b == 0));
        // SAFETY: install_zeroed wrote the self pointers at tp.
        unsafe {
            assert_eq!((*tcb).self_ptr, tcb);
            assert_eq!((*tcb).self_again, tcb);
            assert_eq!((*tcb).tid.load(core::sync::atomic::Ordering::Relaxed), 0);
        }
    }
}
