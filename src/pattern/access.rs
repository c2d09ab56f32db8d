//! How `glob` reads the file system: through the kernel, or through the functions a caller
//! gave with `GLOB_ALTDIRFUNC` (`gl_opendir`, `gl_readdir`, `gl_closedir`, `gl_stat`,
//! `gl_lstat`), called as glibc calls them, their errors read from `errno`.

use super::list::Path;
use crate::fs::{dir, path::CPath, stat};
use core::ffi::{CStr, c_char, c_int, c_void};
use rustix::io::Errno;

/// `GLOB_ALTDIRFUNC`'s functions.
#[derive(Clone, Copy)]
pub struct AltDirs {
    pub closedir: unsafe extern "C" fn(*mut c_void),
    pub readdir: unsafe extern "C" fn(*mut c_void) -> *mut libc::dirent,
    pub opendir: unsafe extern "C" fn(*const c_char) -> *mut c_void,
    pub lstat: unsafe extern "C" fn(*const c_char, *mut libc::stat) -> c_int,
    pub stat: unsafe extern "C" fn(*const c_char, *mut libc::stat) -> c_int,
}

/// Where directories and file types come from.
#[derive(Clone, Copy)]
pub enum Access {
    Kernel,
    Alt(AltDirs),
}

/// An open directory.
pub enum Handle {
    Kernel(*mut dir::Dir),
    Alt(*mut c_void),
}

/// The error a caller's function left in `errno`.
fn errno() -> Errno {
    // SAFETY: the calling thread's errno word.
    Errno::from_raw_os_error(unsafe { *crate::thread::tcb::errno_location() })
}

impl Access {
    /// Opens the directory at `path`.
    pub fn open(self, path: &Path) -> Result<Handle, Errno> {
        match self {
            Access::Kernel => dir::opendir(CPath::new(path.as_c())).map(Handle::Kernel),
            Access::Alt(f) => {
                // SAFETY: the caller's function, given a NUL-terminated path.
                let d = unsafe { (f.opendir)(path.as_c()) };
                if d.is_null() { Err(errno()) } else { Ok(Handle::Alt(d)) }
            }
        }
    }

    /// The next entry's name and `d_type`; `None` at the end (or on an error, which glob
    /// treats as the end, as glibc does).
    ///
    /// # Safety
    /// `h` must be open; the name is valid until the next call on it.
    pub unsafe fn next<'a>(self, h: &Handle) -> Option<(&'a [u8], u8)> {
        let entry: *const libc::dirent64 = match (self, h) {
            // SAFETY: an open stream per the contract.
            (_, Handle::Kernel(d)) => unsafe { dir::readdir(*d) }.ok()?,
            // SAFETY: the caller's function, on its own open directory.
            (Access::Alt(f), Handle::Alt(d)) => unsafe { (f.readdir)(*d) }.cast(),
            (Access::Kernel, Handle::Alt(_)) => return None,
        };
        if entry.is_null() {
            return None;
        }
        // SAFETY: a `struct dirent` (the layout of `dirent64`) with a NUL-terminated name.
        unsafe { Some((CStr::from_ptr((&raw const (*entry).d_name).cast()).to_bytes(), (*entry).d_type)) }
    }

    /// Closes `h`.
    pub fn close(self, h: Handle) {
        match (self, h) {
            (_, Handle::Kernel(d)) => {
                // SAFETY: opened by `open`, not used again.
                let _ = unsafe { dir::closedir(d) };
            }
            // SAFETY: the caller's function, on its own open directory.
            (Access::Alt(f), Handle::Alt(d)) => unsafe { (f.closedir)(d) },
            (Access::Kernel, Handle::Alt(_)) => {}
        }
    }

    /// The file type and mode bits of `path` (`stat`, or `lstat` without `follow`).
    pub fn mode(self, path: &Path, follow: bool) -> Result<u32, Errno> {
        match self {
            Access::Kernel => {
                let mut st = core::mem::MaybeUninit::<rustix::fs::Stat>::uninit();
                // SAFETY: `st` is writable for a `struct stat`.
                unsafe { stat::stat(CPath::new(path.as_c()), st.as_mut_ptr(), follow) }?;
                // SAFETY: `stat` filled it.
                Ok(unsafe { st.assume_init_ref() }.st_mode)
            }
            Access::Alt(f) => {
                let mut st = core::mem::MaybeUninit::<libc::stat>::zeroed();
                let call = if follow { f.stat } else { f.lstat };
                // SAFETY: the caller's function, given a path and a `struct stat` to fill.
                if unsafe { call(path.as_c(), st.as_mut_ptr()) } != 0 {
                    return Err(errno());
                }
                // SAFETY: zeroed, then filled by the caller's function.
                Ok(unsafe { st.assume_init_ref() }.st_mode)
            }
        }
    }
}
