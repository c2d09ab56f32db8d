//! `program_invocation_name` (`__progname_full`) and `program_invocation_short_name`
//! (`__progname`): `argv[0]` and its part after the last `/`.

#[cfg(feature = "c-abi")]
use core::ffi::c_char;

#[cfg(feature = "c-abi")]
unsafe extern "C" {
    static mut __progname_full: *const c_char;
    static mut __progname: *const c_char;
}

/// The part of a program path after its last `/`.
pub fn short_name(path: &[u8]) -> &[u8] {
    // A plain scan: argv[0] is short and this runs once, so the SIMD search is not worth its
    // kilobyte in every program.
    match path.iter().rposition(|&b| b == b'/') {
        Some(slash) => path.get(slash + 1..).unwrap_or_default(),
        None => path,
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
    let bytes = unsafe { core::ffi::CStr::from_ptr(full) }.to_bytes();
    let short = short_name(bytes);
    // SAFETY: start-up is single-threaded; `short` is a suffix of the NUL-terminated `full`.
    unsafe {
        __progname_full = full;
        __progname = short.as_ptr().cast();
    }
}

#[cfg(test)]
mod tests {
    use super::short_name;

    #[test]
    fn short_names() {
        assert_eq!(short_name(b"/usr/bin/prog"), b"prog");
        assert_eq!(short_name(b"prog"), b"prog");
        assert_eq!(short_name(b"dir/"), b"");
        assert_eq!(short_name(b""), b"");
    }
}
