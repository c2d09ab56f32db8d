//! The environment: `environ` and `getenv`.

use core::ffi::{CStr, c_char};

unsafe extern "C" {
    /// The environment array. Ours in the `c-abi` build (defined with `environ` in the arch
    /// module); glibc's in a test binary.
    static mut __environ: *mut *mut c_char;
}

/// The current environment array (may be null).
pub fn environ() -> *mut *mut c_char {
    // SAFETY: reading the variable's value; C code that changes it concurrently with getenv
    // is already racing under POSIX's rules.
    unsafe { *&raw const __environ }
}

/// Points `environ` at `envp`.
///
/// # Safety
/// Single-threaded start-up, or the caller holds the environment lock
/// (`stdlib::environ`).
pub unsafe fn set_environ(envp: *mut *mut c_char) {
    // SAFETY: per the contract nobody reads it concurrently.
    unsafe { *&raw mut __environ = envp }
}

/// `getenv(name)` over `env`: the value of the first `name=value` entry, or null. A name that
/// is empty or contains `=` matches nothing (as musl; POSIX leaves it open).
///
/// # Safety
/// `env` must be null or a null-terminated array of NUL-terminated strings.
pub unsafe fn lookup(env: *const *mut c_char, name: &[u8]) -> *mut c_char {
    if env.is_null() || name.is_empty() || memchr::memchr(b'=', name).is_some() {
        return core::ptr::null_mut();
    }
    let mut entry = env;
    loop {
        // SAFETY: the array is null-terminated per the contract.
        let s = unsafe { *entry };
        if s.is_null() {
            return core::ptr::null_mut();
        }
        // SAFETY: each entry is NUL-terminated per the contract.
        let bytes = unsafe { CStr::from_ptr(s) }.to_bytes();
        if bytes.len() > name.len() && bytes[name.len()] == b'=' && bytes.starts_with(name) {
            // SAFETY: the value starts inside the same string, after the `=`.
            return unsafe { s.add(name.len() + 1) };
        }
        // SAFETY: `s` was not the terminator, so the next slot exists.
        entry = unsafe { entry.add(1) };
    }
}

/// `getenv(name)` in this process's environment.
pub fn getenv(name: &[u8]) -> *mut c_char {
    // SAFETY: `environ` is null or a valid environment array.
    unsafe { lookup(environ(), name) }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env_of(entries: &[&'static CStr]) -> std::vec::Vec<*mut c_char> {
        entries.iter().map(|e| e.as_ptr().cast_mut()).chain([core::ptr::null_mut()]).collect()
    }

    fn value(p: *mut c_char) -> Option<&'static [u8]> {
        // SAFETY: tests only pass pointers into static C strings.
        (!p.is_null()).then(|| unsafe { CStr::from_ptr(p) }.to_bytes())
    }

    #[test]
    fn finds_exact_names_only() {
        let env = env_of(&[c"AB=1", c"A=2", c"A=3", c"EMPTY="]);
        // SAFETY: a valid environment array.
        let get = |n: &[u8]| value(unsafe { lookup(env.as_ptr(), n) });
        assert_eq!(get(b"A"), Some(&b"2"[..]));
        assert_eq!(get(b"AB"), Some(&b"1"[..]));
        assert_eq!(get(b"EMPTY"), Some(&b""[..]));
        assert_eq!(get(b"B"), None);
        assert_eq!(get(b""), None);
        assert_eq!(get(b"A=2"), None);
    }

    #[test]
    fn null_environment() {
        // SAFETY: null is allowed.
        assert!(unsafe { lookup(core::ptr::null(), b"A") }.is_null());
    }

    #[test]
    fn reads_the_process_environment() {
        // SAFETY: the test harness does not change the environment concurrently.
        unsafe { std::env::set_var("RUSTCRT_ENV_TEST", "yes") };
        assert_eq!(value(getenv(b"RUSTCRT_ENV_TEST")), Some(&b"yes"[..]));
    }
}
