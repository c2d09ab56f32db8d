//! Locale names: the ones rustcrt has ("C", "POSIX", and "C." followed by a spelling of
//! UTF-8), kept as the program spelled them, as glibc does ("C.utf8" stays "C.utf8";
//! "POSIX" becomes "C").

/// The longest name kept; longer spellings are not accepted.
pub const NAME_MAX: usize = 31;

/// An accepted locale name, NUL-terminated.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Name {
    bytes: [u8; NAME_MAX + 1],
}

impl Name {
    /// "C".
    pub const C: Name = {
        let mut bytes = [0; NAME_MAX + 1];
        bytes[0] = b'C';
        Name { bytes }
    };

    /// The name for `s`, if it names a locale rustcrt has.
    pub fn parse(s: &[u8]) -> Option<Name> {
        if s == b"C" || s == b"POSIX" {
            return Some(Name::C);
        }
        let codeset = s.strip_prefix(b"C.")?;
        // glibc compares codesets case-insensitively, ignoring everything but letters and
        // digits ("UTF-8", "utf8", "Utf_8" all name UTF-8).
        let mut normal = codeset.iter().filter(|b| b.is_ascii_alphanumeric()).map(|b| b.to_ascii_lowercase());
        let is_utf8 = normal.by_ref().take(5).eq(b"utf8".iter().copied());
        if !is_utf8 || s.len() > NAME_MAX {
            return None;
        }
        let mut bytes = [0; NAME_MAX + 1];
        bytes.get_mut(..s.len())?.copy_from_slice(s);
        Some(Name { bytes })
    }

    /// Whether this is a UTF-8 locale (C.UTF-8).
    pub fn is_utf8(&self) -> bool {
        self.bytes.starts_with(b"C.")
    }

    /// The name, without its terminator.
    pub fn as_bytes(&self) -> &[u8] {
        let len = self.bytes.iter().position(|&b| b == 0).unwrap_or(NAME_MAX);
        self.bytes.get(..len).unwrap_or_default()
    }

    /// The NUL-terminated name.
    pub fn as_ptr(&self) -> *const u8 {
        self.bytes.as_ptr()
    }
}

#[cfg(test)]
mod tests {
    use super::Name;

    #[test]
    fn accepted_spellings() {
        assert!(Name::parse(b"C") == Some(Name::C));
        assert!(Name::parse(b"POSIX") == Some(Name::C));
        for s in [&b"C.UTF-8"[..], b"C.utf8", b"C.utf-8", b"C.UTF8"] {
            let n = Name::parse(s).expect("accepted");
            assert_eq!(n.as_bytes(), s);
            assert!(n.is_utf8());
        }
        for s in [&b"c.utf8"[..], b"en_US.UTF-8", b"C.UTF-16", b"C.", b"", b"C.utf8x", b"posix"] {
            assert!(Name::parse(s).is_none(), "{:?}", s);
        }
        assert!(!Name::C.is_utf8());
    }
}
