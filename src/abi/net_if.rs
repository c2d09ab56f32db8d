//! `<net/if.h>`: interface names and indexes (`crate::net::interface`).

use super::OrErrno;
use crate::net::interface;
use core::ffi::{CStr, c_char, c_uint};

/// [`if_nametoindex`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/if_nametoindex.html):
/// 0 with `errno` set when no interface has that name.
///
/// # Safety
/// `name` must be null or a string.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn if_nametoindex(name: *const c_char) -> c_uint {
    if name.is_null() {
        return Err(rustix::io::Errno::FAULT).or_errno(0);
    }
    // SAFETY: the caller's contract.
    interface::name_to_index(unsafe { CStr::from_ptr(name) }.to_bytes()).or_errno(0)
}

/// [`if_indextoname`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/if_indextoname.html):
/// `name`, holding the name, or null with `errno` set (`ENXIO` for an unknown index).
///
/// # Safety
/// `name` must be writable for `IF_NAMESIZE` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn if_indextoname(index: c_uint, name: *mut c_char) -> *mut c_char {
    let found = interface::index_to_name(index).and_then(|text| {
        if name.is_null() {
            return Err(rustix::io::Errno::FAULT);
        }
        // SAFETY: the caller's contract: `name` has IF_NAMESIZE bytes.
        unsafe { core::ptr::copy_nonoverlapping(text.as_ptr(), name.cast::<u8>(), interface::NAME_SIZE) };
        Ok(name)
    });
    found.or_errno(core::ptr::null_mut())
}

/// [`if_nameindex`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/if_nameindex.html):
/// every interface, ended by an entry of index 0 and a null name; free it with
/// `if_freenameindex`.
#[unsafe(no_mangle)]
pub extern "C" fn if_nameindex() -> *mut libc::if_nameindex {
    interface::name_index().or_errno(core::ptr::null_mut())
}

/// [`if_freenameindex`](https://pubs.opengroup.org/onlinepubs/9799919799/functions/if_freenameindex.html)
///
/// # Safety
/// `list` must be null or a list from `if_nameindex`, not used afterwards.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn if_freenameindex(list: *mut libc::if_nameindex) {
    // SAFETY: the caller's contract.
    unsafe { interface::free_name_index(list) }
}
