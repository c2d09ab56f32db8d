//! `confstr`: glibc 2.36's strings for x86_64 (LP64), name by name. The compilation
//! environments other than LP64 are unsupported and answer empty strings, as glibc does.

/// The string for `name` (without its terminator), or none for an unknown name.
pub fn confstr(name: i32) -> Option<&'static [u8]> {
    const LARGEFILE64: &[u8] = b"-D_LARGEFILE64_SOURCE";
    Some(match name {
        // _CS_PATH.
        0 => b"/bin:/usr/bin",
        // _CS_V6_WIDTH_RESTRICTED_ENVS.
        1 => b"POSIX_V6_LP64_OFF64",
        // _CS_GNU_LIBC_VERSION and _CS_GNU_LIBPTHREAD_VERSION: the ABI this library keeps.
        2 => b"glibc 2.36",
        3 => b"NPTL 2.36",
        // _CS_V5_WIDTH_RESTRICTED_ENVS and _CS_V7_WIDTH_RESTRICTED_ENVS.
        4 => b"XBS5_LP64_OFF64",
        5 => b"POSIX_V7_LP64_OFF64",
        // _CS_LFS64_CFLAGS and _CS_LFS64_LINTFLAGS; the other LFS strings are empty.
        1004 | 1007 => LARGEFILE64,
        1000..=1007 => b"",
        // The LP64 environments' CFLAGS and LDFLAGS (XBS5, POSIX_V6, POSIX_V7): "-m64".
        1108 | 1109 | 1124 | 1125 | 1140 | 1141 => b"-m64",
        1100..=1147 => b"",
        // _CS_V6_ENV and _CS_V7_ENV.
        1148 | 1149 => b"POSIXLY_CORRECT=1",
        _ => return None,
    })
}

/// Copies `s` and a terminator into `buf` as `confstr` does: cut to fit, always terminated
/// when `buf` has room for anything. Returns the size the whole string needs.
pub fn copy_out(s: &[u8], buf: &mut [u8]) -> usize {
    if let Some((last, head)) = buf.split_last_mut() {
        let n = s.len().min(head.len());
        head[..n].copy_from_slice(&s[..n]);
        if n < head.len() {
            head[n] = 0;
        } else {
            *last = 0;
        }
    }
    s.len() + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copies_and_cuts() {
        let mut buf = [b'x'; 5];
        assert_eq!(copy_out(b"abc", &mut buf), 4);
        assert_eq!(&buf, b"abc\0x");
        assert_eq!(copy_out(b"abcdefg", &mut buf), 8);
        assert_eq!(&buf, b"abcd\0");
        assert_eq!(copy_out(b"abc", &mut []), 4);
        assert_eq!(confstr(0), Some(&b"/bin:/usr/bin"[..]));
        assert_eq!(confstr(6), None);
    }
}
