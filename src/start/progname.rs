//! `program_invocation_name` (`__progname_full`) and `program_invocation_short_name`
//! (`__progname`): `argv[0]` and its part after the last `/`.

use core::ffi::c_char;

#[cfg(feature = "c-abi")]
unsafe extern "C" {
    static mut __progname_full: *const c_char;
    static mut __progname: *const c_char;
}

/// The part of the NUL-terminated program path `path` after its last `/`.
///
/// One pass finds the terminator and the last `/` together, without `strlen`: the library's
/// `strlen` chooses its SIMD form on first use, and that probe (`cpuid`, a VM exit) must not
/// run at start-up.
///
/// # Safety
/// `path` must point at a NUL-terminated string.
pub unsafe fn short_name(path: *const c_char) -> *const c_char {
    let mut short = path;
    let mut p = path;
    loop {
        // SAFETY: `p` has not passed the terminator of the NUL-terminated `path`.
        let byte = unsafe { *p };
        if byte == 0 {
            return short;
        }
        // SAFETY: `byte` was not the terminator, so the next byte is part of the string.
        p = unsafe { p.add(1) };
        if byte == b'/' as c_char {
            short = p;
        }
    }
}

/// Sets both names from `argv0` (the empty string when there is none, as glibc).
///
/// # Safety
/// Single-threaded start-up; `argv0` is null or a NUL-terminated string that lives forever.
#[cfg(feature = "c-abi")]
pub unsafe fn init(argv0: *const c_char) {
    let full = if argv0.is_null() { c"".as_ptr() } else { argv0 };
    // SAFETY: `full` is NUL-terminated per the contract.
    let short = unsafe { short_name(full) };
    // SAFETY: start-up is single-threaded; `short` is a suffix of the NUL-terminated `full`.
    unsafe {
        __progname_full = full;
        __progname = short;
    }
}

#[cfg(test)]
mod tests {
    use super::short_name;
    use core::ffi::CStr;

    fn short(path: &CStr) -> &[u8] {
        // SAFETY: a CStr is NUL-terminated, and the result is a suffix of it.
        unsafe { CStr::from_ptr(short_name(path.as_ptr())) }.to_bytes()
    }

    #[test]
    fn short_names() {
        assert_eq!(short(c"/usr/bin/prog"), b"prog");
        assert_eq!(short(c"prog"), b"prog");
        assert_eq!(short(c"dir/"), b"");
        assert_eq!(short(c""), b"");
    }
}
