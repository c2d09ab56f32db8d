//! `<ctype.h>`: byte classes and case mappings, and the tables glibc's macros index.
//!
//! Every locale rustcrt supports (C, POSIX, C.UTF-8) classifies bytes the same way: ASCII
//! by its classes, and bytes 0x80..=0xff belong to no class (in C.UTF-8 they are parts of
//! multibyte characters, not characters). So one set of tables serves every locale and
//! thread, where glibc keeps a pointer per thread for `uselocale`.
//!
//! The tables have glibc's layout, because its `<ctype.h>` macros read them directly:
//! 384 entries for the values -128..=255 (a `char` that is signed, `EOF`, an `unsigned
//! char`), reached through a pointer to entry 0. The class bits are glibc's `_IS*` values,
//! which its header defines byte-swapped on little-endian machines.

#[rustfmt::skip]
mod unicode_tables;
pub mod wide;

/// `_ISupper`: upper-case letter.
pub const IS_UPPER: u16 = 0x0100;
/// `_ISlower`: lower-case letter.
pub const IS_LOWER: u16 = 0x0200;
/// `_ISalpha`: letter.
pub const IS_ALPHA: u16 = 0x0400;
/// `_ISdigit`: decimal digit.
pub const IS_DIGIT: u16 = 0x0800;
/// `_ISxdigit`: hexadecimal digit.
pub const IS_XDIGIT: u16 = 0x1000;
/// `_ISspace`: white space.
pub const IS_SPACE: u16 = 0x2000;
/// `_ISprint`: printable, space included.
pub const IS_PRINT: u16 = 0x4000;
/// `_ISgraph`: printable, space excluded.
pub const IS_GRAPH: u16 = 0x8000;
/// `_ISblank`: space or tab.
pub const IS_BLANK: u16 = 0x0001;
/// `_IScntrl`: control character.
pub const IS_CNTRL: u16 = 0x0002;
/// `_ISpunct`: punctuation.
pub const IS_PUNCT: u16 = 0x0004;
/// `_ISalnum`: letter or digit.
pub const IS_ALNUM: u16 = 0x0008;
/// C.UTF-8's class "combining" (combining marks), in a bit glibc's `_IS*` values leave free:
/// only wide-character classes carry it, never the byte tables.
pub const IS_COMBINING: u16 = 0x0010;
/// C.UTF-8's class "combining_level3" (combining marks of canonical combining class below
/// 200), in another free bit.
pub const IS_COMBINING_LEVEL3: u16 = 0x0020;

/// The number of table entries: values -128..=255.
pub const ENTRIES: usize = 384;
/// The index of value 0 in a table.
pub const VALUE_0: usize = 128;

/// The classes of an ASCII byte (and none for any other value).
const fn classes_of(c: i32) -> u16 {
    if c < 0 || c > 0x7f {
        return 0;
    }
    let b = c as u8;
    let mut m = 0;
    if b.is_ascii_uppercase() {
        m |= IS_UPPER | IS_ALPHA | IS_ALNUM;
    }
    if b.is_ascii_lowercase() {
        m |= IS_LOWER | IS_ALPHA | IS_ALNUM;
    }
    if b.is_ascii_digit() {
        m |= IS_DIGIT | IS_ALNUM;
    }
    if b.is_ascii_hexdigit() {
        m |= IS_XDIGIT;
    }
    // Space, \t \n \v \f \r (Rust's is_ascii_whitespace leaves out \v).
    if b == b' ' || (b >= 0x09 && b <= 0x0d) {
        m |= IS_SPACE;
    }
    if b == b' ' || b == b'\t' {
        m |= IS_BLANK;
    }
    if b.is_ascii_control() {
        m |= IS_CNTRL;
    }
    if b.is_ascii_graphic() {
        m |= IS_GRAPH | IS_PRINT;
    }
    if b == b' ' {
        m |= IS_PRINT;
    }
    if b.is_ascii_punctuation() {
        m |= IS_PUNCT;
    }
    m
}

/// The value a case table holds for `c`: the mapped byte, where a negative `char` value
/// other than `EOF` maps as the `unsigned char` it stands for (as in glibc's tables).
const fn case_entry(c: i32, upper: bool) -> i32 {
    if c == -1 {
        return -1;
    }
    let u = (c & 0xff) as u8;
    (if upper { u.to_ascii_uppercase() } else { u.to_ascii_lowercase() }) as i32
}

const fn class_table() -> [u16; ENTRIES] {
    let mut t = [0; ENTRIES];
    let mut i = 0;
    while i < ENTRIES {
        t[i] = classes_of(i as i32 - VALUE_0 as i32);
        i += 1;
    }
    t
}

const fn case_table(upper: bool) -> [i32; ENTRIES] {
    let mut t = [0; ENTRIES];
    let mut i = 0;
    while i < ENTRIES {
        t[i] = case_entry(i as i32 - VALUE_0 as i32, upper);
        i += 1;
    }
    t
}

/// glibc's `__ctype_b` table.
pub static CLASSES: [u16; ENTRIES] = class_table();
/// glibc's `__ctype_tolower` table.
pub static TO_LOWER: [i32; ENTRIES] = case_table(false);
/// glibc's `__ctype_toupper` table.
pub static TO_UPPER: [i32; ENTRIES] = case_table(true);

/// The table index of `c`, if it is in -128..=255.
#[inline]
fn index(c: i32) -> Option<usize> {
    usize::try_from(c + VALUE_0 as i32).ok().filter(|&i| i < ENTRIES)
}

/// The classes of `c` (an `unsigned char` value, `EOF` or a negative `char`); none for
/// values outside -128..=255.
#[inline]
pub fn classes(c: i32) -> u16 {
    index(c).and_then(|i| CLASSES.get(i)).map_or(0, |&m| m)
}

/// `tolower`: the lower-case form of `c`; values outside -128..=255 map to themselves.
#[inline]
pub fn to_lower(c: i32) -> i32 {
    index(c).and_then(|i| TO_LOWER.get(i)).map_or(c, |&m| m)
}

/// `toupper`: the upper-case form of `c`; values outside -128..=255 map to themselves.
#[inline]
pub fn to_upper(c: i32) -> i32 {
    index(c).and_then(|i| TO_UPPER.get(i)).map_or(c, |&m| m)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_match_glibc_values() {
        assert_eq!(CLASSES[VALUE_0 + b'A' as usize], 0xd508);
        assert_eq!(CLASSES[VALUE_0 + b'g' as usize], 0xc608);
        assert_eq!(CLASSES[VALUE_0 + b'5' as usize], 0xd808);
        assert_eq!(CLASSES[VALUE_0 + b' ' as usize], 0x6001);
        assert_eq!(CLASSES[VALUE_0 + b'\t' as usize], 0x2003);
        assert_eq!(CLASSES[VALUE_0 + b'\n' as usize], 0x2002);
        assert_eq!(CLASSES[VALUE_0 + b'!' as usize], 0xc004);
        assert_eq!(CLASSES[VALUE_0 + 0x7f], 0x0002);
        assert_eq!(CLASSES[VALUE_0 + 0xe9], 0);
        assert_eq!(CLASSES[0], 0);
        assert_eq!(classes(b'x' as i32) & (IS_ALPHA | IS_UPPER), IS_ALPHA);
        assert_eq!(classes(1000), 0);
        assert_eq!(classes(-1), 0);
    }

    #[test]
    fn case_tables() {
        assert_eq!(to_lower(b'Q' as i32), b'q' as i32);
        assert_eq!(to_upper(b'q' as i32), b'Q' as i32);
        assert_eq!(to_upper(b'1' as i32), b'1' as i32);
        assert_eq!(to_lower(-1), -1);
        assert_eq!(to_lower(-128), 128);
        assert_eq!(to_lower(-2), 254);
        assert_eq!(to_upper(0xe9), 0xe9);
        assert_eq!(to_lower(300), 300);
        assert_eq!(to_lower(-1000), -1000);
    }
}
