//! `<wctype.h>`: classes and case mappings of wide characters.
//!
//! In the C locale only ASCII characters are in classes, as in glibc. In C.UTF-8 rustcrt
//! knows a deliberately small part of Unicode, by ranges: the letters (with their case
//! pairs) of Latin-1, Latin Extended-A, Greek and Cyrillic; the white-space characters
//! glibc lists (U+1680, U+2000–U+2006, U+2008–U+200A, U+2028, U+2029, U+205F, U+3000;
//! not the no-break spaces); the C1 controls and U+2028/U+2029 as controls. Every other
//! value up to U+10FFFF except surrogates counts as printable, and as punctuation when it
//! is no letter. Digits are ASCII only, as C requires. Letters outside those ranges (CJK,
//! Arabic, ...) are thus punctuation here, unlike glibc.

use super::{IS_ALNUM, IS_ALPHA, IS_BLANK, IS_CNTRL, IS_DIGIT, IS_GRAPH, IS_LOWER, IS_PRINT, IS_PUNCT, IS_SPACE, IS_UPPER, IS_XDIGIT, classes};

/// Whether `wc` is an upper-case letter of the known ranges (beyond ASCII).
fn upper_beyond_ascii(wc: u32) -> bool {
    match wc {
        0xc0..=0xde => wc != 0xd7,
        0x100..=0x137 | 0x14a..=0x177 => wc.is_multiple_of(2),
        0x139..=0x148 | 0x179..=0x17e => wc % 2 == 1,
        0x178 => true,
        0x391..=0x3a9 => wc != 0x3a2,
        0x400..=0x42f => true,
        _ => false,
    }
}

/// Whether `wc` is a lower-case letter of the known ranges (beyond ASCII).
fn lower_beyond_ascii(wc: u32) -> bool {
    match wc {
        0xdf..=0xff => wc != 0xf7,
        0x100..=0x137 | 0x14a..=0x177 => wc % 2 == 1,
        0x138 => true,
        0x139..=0x148 | 0x179..=0x17e => wc.is_multiple_of(2),
        0x17f => true,
        0x3ac..=0x3ce => true,
        0x430..=0x45f => true,
        _ => false,
    }
}

/// The class bits (glibc's `_IS*` values) of `wc` in a locale with a UTF-8 `LC_CTYPE` or not.
pub fn wide_classes(wc: u32, utf8: bool) -> u16 {
    if wc < 0x80 {
        return classes(wc as i32);
    }
    if !utf8 || wc > 0x10_ffff || (0xd800..=0xdfff).contains(&wc) {
        return 0;
    }
    if (0x80..=0x9f).contains(&wc) || wc == 0x2028 || wc == 0x2029 {
        return IS_CNTRL | if wc >= 0x2028 { IS_SPACE } else { 0 };
    }
    let space = matches!(wc, 0x1680 | 0x2000..=0x2006 | 0x2008..=0x200a | 0x205f | 0x3000);
    if space {
        return IS_SPACE | IS_BLANK | IS_PRINT;
    }
    let upper = upper_beyond_ascii(wc);
    let lower = lower_beyond_ascii(wc);
    let letter = upper || lower || (0x386..=0x3ff).contains(&wc) && wc != 0x387 || (0x460..=0x4ff).contains(&wc);
    let mut m = IS_PRINT | IS_GRAPH;
    if letter {
        m |= IS_ALPHA | IS_ALNUM;
        if upper {
            m |= IS_UPPER;
        }
        if lower {
            m |= IS_LOWER;
        }
    } else {
        m |= IS_PUNCT;
    }
    m
}

/// `towlower` in a locale with a UTF-8 `LC_CTYPE` or not.
pub fn to_lower(wc: u32, utf8: bool) -> u32 {
    if wc < 0x80 {
        return super::to_lower(wc as i32) as u32;
    }
    if !utf8 || !upper_beyond_ascii(wc) {
        return wc;
    }
    match wc {
        0xc0..=0xde | 0x391..=0x3a9 | 0x410..=0x42f => wc + 0x20,
        0x400..=0x40f => wc + 0x50,
        0x178 => 0xff,
        _ => wc + 1,
    }
}

/// `towupper` in a locale with a UTF-8 `LC_CTYPE` or not.
pub fn to_upper(wc: u32, utf8: bool) -> u32 {
    if wc < 0x80 {
        return super::to_upper(wc as i32) as u32;
    }
    if !utf8 || !lower_beyond_ascii(wc) {
        return wc;
    }
    match wc {
        0xe0..=0xfe | 0x3b1..=0x3c9 if wc != 0x3c2 => wc - 0x20,
        0x3c2 => 0x3a3,
        0x430..=0x44f => wc - 0x20,
        0x450..=0x45f => wc - 0x50,
        0xff => 0x178,
        0x100..=0x17e if wc != 0x138 => wc - 1,
        0x17f => 0x53,
        _ => wc,
    }
}

/// `wctype` names and their class bits.
pub const CLASS_NAMES: [(&[u8], u16); 12] = [
    (b"alnum", IS_ALNUM),
    (b"alpha", IS_ALPHA),
    (b"blank", IS_BLANK),
    (b"cntrl", IS_CNTRL),
    (b"digit", IS_DIGIT),
    (b"graph", IS_GRAPH),
    (b"lower", IS_LOWER),
    (b"print", IS_PRINT),
    (b"punct", IS_PUNCT),
    (b"space", IS_SPACE),
    (b"upper", IS_UPPER),
    (b"xdigit", IS_XDIGIT),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_like_bytes_and_simple_unicode() {
        for c in 0..0x80u32 {
            assert_eq!(wide_classes(c, true), classes(c as i32));
            assert_eq!(wide_classes(c, false), classes(c as i32));
        }
        assert_eq!(wide_classes(0xe9, false), 0);
        assert_ne!(wide_classes(0xe9, true) & IS_LOWER, 0);
        assert_eq!(to_upper(0xe9, true), 0xc9);
        assert_eq!(to_upper(0xe9, false), 0xe9);
        assert_eq!(to_lower(0x3a3, true), 0x3c3);
        assert_eq!(to_upper(0x3c2, true), 0x3a3);
        assert_eq!(to_lower(0x416, true), 0x436);
        assert_eq!(to_upper(0x451, true), 0x401);
        assert_eq!(to_lower(0x178, true), 0xff);
        assert_eq!(to_upper(0x101, true), 0x100);
        assert_eq!(to_lower(0x141, true), 0x142);
        assert_ne!(wide_classes(0x3000, true) & IS_SPACE, 0);
        assert_eq!(wide_classes(0xa0, true) & IS_SPACE, 0);
        assert_eq!(wide_classes(0xd800, true), 0);
        assert_eq!(wide_classes(0x110000, true), 0);
        assert_eq!(wide_classes(0xd7, true) & IS_ALPHA, 0);
        assert_ne!(wide_classes(0x20ac, true) & IS_PUNCT, 0);
    }
}
