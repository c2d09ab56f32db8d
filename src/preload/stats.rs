//! `RUSTCRT_STATS=1`: at exit, how many calls each exported family served.
//!
//! Every exported function is entered through a counting entry point that `preload/link.py`
//! generates: while `rustcrt_stats_on` is zero it only tests that byte and jumps to the shim;
//! when it is set, it also adds one to its family's counter (a relaxed `lock incq` on a cache
//! line of the family's own). The same script writes the table of families
//! (`rustcrt_stats_families`, ended by a null name) that the report walks.

use core::ffi::c_char;
use core::sync::atomic::{AtomicI32, AtomicU8, AtomicU64, Ordering::Relaxed};
use rustix::fd::{AsFd, BorrowedFd, IntoRawFd};

/// Nonzero when the counters count; read by every entry point.
#[unsafe(no_mangle)]
static rustcrt_stats_on: AtomicU8 = AtomicU8::new(0);

/// One family in the generated table.
#[repr(C)]
struct Family {
    /// NUL-terminated name; null ends the table.
    name: *const c_char,
    calls: *const AtomicU64,
}

unsafe extern "C" {
    static rustcrt_stats_families: [Family; 0];
}

/// Turns counting on when the environment says `RUSTCRT_STATS` (non-empty, not `0`).
///
/// # Safety
/// `envp` is null or a null-terminated array of C strings.
pub unsafe fn init(envp: *const *const c_char) {
    let mut p = envp;
    // SAFETY: per the contract, every entry until the null one is a C string.
    while !p.is_null() && !unsafe { *p }.is_null() {
        // SAFETY: as above.
        let entry = unsafe { core::ffi::CStr::from_ptr(*p) }.to_bytes();
        if let Some(value) = entry.strip_prefix(b"RUSTCRT_STATS=") {
            if !value.is_empty() && value != b"0" {
                // Relaxed: no other data is published with the flag; a thread that sees it late
                // only misses counts.
                rustcrt_stats_on.store(1, Relaxed);
                keep_stderr();
            }
            return;
        }
        // SAFETY: not past the terminating null entry.
        p = unsafe { p.add(1) };
    }
}

/// Standard error as it was at start-up: a duplicate descriptor (programs such as coreutils
/// close descriptor 2 in an `atexit` handler, before the report runs) and its file's identity,
/// so that the report never writes into a file the program opened later on either number.
static KEPT_FD: AtomicI32 = AtomicI32::new(-1);
static KEPT_DEV: AtomicU64 = AtomicU64::new(0);
static KEPT_INO: AtomicU64 = AtomicU64::new(0);

/// Remembers standard error for the report (at load time, before any thread of the program).
fn keep_stderr() {
    // SAFETY: descriptor 2 is only borrowed for these calls.
    let stderr = unsafe { rustix::stdio::stderr() };
    let (Ok(st), Ok(dup)) = (rustix::fs::fstat(stderr), rustix::io::fcntl_dupfd_cloexec(stderr, 3)) else {
        return;
    };
    // Relaxed: written before the program runs, read at exit by the thread that exits.
    KEPT_DEV.store(st.st_dev, Relaxed);
    KEPT_INO.store(st.st_ino, Relaxed);
    KEPT_FD.store(dup.into_raw_fd(), Relaxed);
}

/// Descriptor 2 if it is still start-up's standard error, else the duplicate if it still is.
fn report_fd() -> Option<BorrowedFd<'static>> {
    // Relaxed: as in `keep_stderr`.
    let kept = KEPT_FD.load(Relaxed);
    let same = |fd: BorrowedFd<'_>| {
        rustix::fs::fstat(fd).is_ok_and(|st| st.st_dev == KEPT_DEV.load(Relaxed) && st.st_ino == KEPT_INO.load(Relaxed))
    };
    // SAFETY: descriptor 2 is only borrowed for `fstat` and the report's write; if the program
    // closed it, the calls fail.
    let stderr = unsafe { rustix::stdio::stderr() };
    if same(stderr.as_fd()) {
        return Some(stderr);
    }
    if kept < 0 {
        return None;
    }
    // SAFETY: a descriptor number other than -1, borrowed as descriptor 2 is.
    let dup = unsafe { BorrowedFd::borrow_raw(kept) };
    if same(dup) { Some(dup) } else { None }
}

/// Prints `rustcrt stats: string=N malloc=N ...` on standard error, in one write. Run by
/// glibc at exit from `.fini_array`, after the program's own destructors.
extern "C" fn report() {
    // Relaxed: as in `init`.
    if rustcrt_stats_on.load(Relaxed) == 0 {
        return;
    }
    let mut line = Line { buf: [0; 512], len: 0 };
    line.push(b"rustcrt stats:");
    // SAFETY: the generated table is an array ended by an entry with a null name.
    let mut family = unsafe { rustcrt_stats_families.as_ptr() };
    // SAFETY: the table's entries until the terminator are valid; names are C strings and
    // counters live statics.
    unsafe {
        while !(*family).name.is_null() {
            let mut digits = [0u8; 20];
            line.push(b" ");
            line.push(core::ffi::CStr::from_ptr((*family).name).to_bytes());
            line.push(b"=");
            // Relaxed: read at exit; counts of threads still running may be missed.
            line.push(crate::io::diag::decimal((*(*family).calls).load(Relaxed), &mut digits));
            family = family.add(1);
        }
    }
    line.push(b"\n");
    if let Some(fd) = report_fd() {
        crate::io::diag::write_to(fd, &[line.bytes()]);
    }
}

#[used]
#[unsafe(link_section = ".fini_array")]
static REPORT: extern "C" fn() = report;

/// A line of output in a fixed buffer; what does not fit is dropped.
struct Line {
    buf: [u8; 512],
    len: usize,
}

impl Line {
    fn push(&mut self, bytes: &[u8]) {
        for &b in bytes {
            if let Some(slot) = self.buf.get_mut(self.len) {
                *slot = b;
                self.len += 1;
            }
        }
    }

    fn bytes(&self) -> &[u8] {
        self.buf.get(..self.len).unwrap_or(&[])
    }
}
