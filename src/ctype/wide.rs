//! `<wctype.h>` and `wcwidth`: classes, case mappings and column widths of wide characters.
//!
//! In the C locale only ASCII characters are in classes and have case pairs, and only NUL
//! (width 0) and printable ASCII (width 1) have a width, as in glibc. In C.UTF-8 every code
//! point up to U+10FFFF has glibc 2.36's classes, simple case mappings and width, which
//! glibc derives from Unicode 14.0.0 by its own rules (restated in `tools/gen_wctype.py`,
//! which generates `unicode_tables.rs` from the Unicode data; checked against glibc over
//! every code point): letters, marks of letters and non-ASCII decimal digits are "alpha";
//! "digit" and "xdigit" are ASCII only, as C requires; "punct" is every graphic character
//! that is not alphanumeric; unassigned code points and surrogates are in no class; widths
//! are 0 for combining and format characters, 2 for East Asian wide and full-width ones,
//! -1 for what is not printable. Values above U+10FFFF (`WEOF` among them) are in no class,
//! map to themselves and have width -1. As in glibc, C.UTF-8 also has the classes
//! "combining" and "combining_level3" and the mapping "totitle", which C has not.

use super::classes;
use super::unicode_tables::{LEAF_BITS, LEAVES, MIDDLE, MIDDLE_BITS, PROPERTIES, ROOT, TO_LOWER, TO_TITLE, TO_UPPER};
use super::{IS_ALNUM, IS_ALPHA, IS_BLANK, IS_CNTRL, IS_COMBINING, IS_COMBINING_LEVEL3, IS_DIGIT, IS_GRAPH, IS_LOWER};
use super::{IS_PRINT, IS_PUNCT, IS_SPACE, IS_UPPER, IS_XDIGIT};

/// The classes and width of a code point that has none: unassigned, a surrogate, or no
/// code point at all.
const NOTHING: (u16, i8) = (0, -1);

/// The (class bits, width) of `wc` in C.UTF-8, from the three-level table.
fn properties(wc: u32) -> (u16, i8) {
    let leaf_mask = (1u32 << LEAF_BITS) - 1;
    let middle_mask = (1u32 << MIDDLE_BITS) - 1;
    let Some(&block) = ROOT.get((wc >> (LEAF_BITS + MIDDLE_BITS)) as usize) else {
        return NOTHING;
    };
    let middle = (usize::from(block) << MIDDLE_BITS) | ((wc >> LEAF_BITS) & middle_mask) as usize;
    let Some(&leaf) = MIDDLE.get(middle) else {
        return NOTHING;
    };
    let entry = (usize::from(leaf) << LEAF_BITS) | (wc & leaf_mask) as usize;
    LEAVES.get(entry).and_then(|&p| PROPERTIES.get(usize::from(p))).copied().unwrap_or(NOTHING)
}

/// `wc` mapped by a table of case runs (see `unicode_tables::TO_UPPER`).
fn map_case(runs: &[(u32, i32)], wc: u32) -> u32 {
    let after = runs.partition_point(|&(key, _)| key >> 9 <= wc);
    let Some(&(key, delta)) = after.checked_sub(1).and_then(|i| runs.get(i)) else {
        return wc;
    };
    let stride = if key & 0x100 != 0 { 2 } else { 1 };
    let offset = wc - (key >> 9);
    if offset % stride == 0 && offset / stride < key & 0xff { wc.wrapping_add_signed(delta) } else { wc }
}

/// The classes one of which every code point a table of case runs maps is in (the generator
/// checks it: a character with a mapping is an upper- or lower-case letter).
const UPPER_SOURCES: u16 = IS_LOWER;
const LOWER_SOURCES: u16 = IS_UPPER;
const TITLE_SOURCES: u16 = IS_UPPER | IS_LOWER;

/// `wc` mapped by `runs`, whose code points are all in one of the classes `sources`: the
/// search of the runs is skipped for every other character.
fn map_cased(runs: &[(u32, i32)], sources: u16, wc: u32) -> u32 {
    if properties(wc).0 & sources == 0 { wc } else { map_case(runs, wc) }
}

/// The class bits (glibc's `_IS*` values) of `wc` in a locale with a UTF-8 `LC_CTYPE` or not.
pub fn wide_classes(wc: u32, utf8: bool) -> u16 {
    if wc < 0x80 {
        classes(wc as i32)
    } else if utf8 {
        properties(wc).0
    } else {
        0
    }
}

/// `towlower` in a locale with a UTF-8 `LC_CTYPE` or not.
pub fn to_lower(wc: u32, utf8: bool) -> u32 {
    if wc < 0x80 {
        super::to_lower(wc as i32) as u32
    } else if utf8 {
        map_cased(&TO_LOWER, LOWER_SOURCES, wc)
    } else {
        wc
    }
}

/// `towupper` in a locale with a UTF-8 `LC_CTYPE` or not.
pub fn to_upper(wc: u32, utf8: bool) -> u32 {
    if wc < 0x80 {
        super::to_upper(wc as i32) as u32
    } else if utf8 {
        map_cased(&TO_UPPER, UPPER_SOURCES, wc)
    } else {
        wc
    }
}

/// A case mapping of `wctrans`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mapping {
    /// "tolower".
    Lower,
    /// "toupper".
    Upper,
    /// "totitle" (C.UTF-8 only): the title-case form, the upper-case one except for the
    /// digraphs (U+01C4 DŽ and U+01C6 dž map to U+01C5 Dž) and Greek capitals with a
    /// subscript iota.
    Title,
}

/// The mapping `wctrans` names `name`, if the locale (with a UTF-8 `LC_CTYPE` or not) has it.
pub fn mapping_named(name: &[u8], utf8: bool) -> Option<Mapping> {
    match name {
        b"tolower" => Some(Mapping::Lower),
        b"toupper" => Some(Mapping::Upper),
        b"totitle" if utf8 => Some(Mapping::Title),
        _ => None,
    }
}

/// `towctrans`: `wc` mapped by `mapping`, in a locale with a UTF-8 `LC_CTYPE` or not.
pub fn map(wc: u32, mapping: Mapping, utf8: bool) -> u32 {
    match mapping {
        Mapping::Lower => to_lower(wc, utf8),
        Mapping::Upper => to_upper(wc, utf8),
        Mapping::Title if utf8 && wc >= 0x80 => map_cased(&TO_TITLE, TITLE_SOURCES, wc),
        Mapping::Title => to_upper(wc, utf8),
    }
}

/// `wcwidth`: the columns `wc` takes on a terminal, -1 when it is not printable, in a
/// locale with a UTF-8 `LC_CTYPE` or not.
pub fn width(wc: u32, utf8: bool) -> i32 {
    if utf8 {
        i32::from(properties(wc).1)
    } else if wc == 0 {
        0
    } else if (0x20..0x7f).contains(&wc) {
        1
    } else {
        -1
    }
}

/// `wcswidth`: the columns of the characters before the first NUL or the first `n`, -1 when
/// one of them is not printable. Counts past `i32::MAX` stop there.
pub fn string_width(chars: impl Iterator<Item = u32>, utf8: bool) -> i32 {
    let mut total: i32 = 0;
    for wc in chars.take_while(|&wc| wc != 0) {
        let w = width(wc, utf8);
        if w < 0 {
            return -1;
        }
        total = total.saturating_add(w);
    }
    total
}

/// The class bits `wctype` gives for `name` in a locale with a UTF-8 `LC_CTYPE` or not; 0 for
/// a name the locale has no class of.
pub fn class_named(name: &[u8], utf8: bool) -> u16 {
    let only_utf8 = IS_COMBINING | IS_COMBINING_LEVEL3;
    CLASS_NAMES
        .iter()
        .find(|(n, _)| *n == name)
        .map_or(0, |&(_, m)| if m & only_utf8 != 0 && !utf8 { 0 } else { m })
}

/// `wctype` names and their class bits.
const CLASS_NAMES: [(&[u8], u16); 14] = [
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
    (b"combining", IS_COMBINING),
    (b"combining_level3", IS_COMBINING_LEVEL3),
];

#[cfg(test)]
mod tests {
    use super::*;

    fn has(wc: u32, class: u16) -> bool {
        wide_classes(wc, true) & class != 0
    }

    #[test]
    fn ascii_as_the_byte_tables_in_every_locale() {
        for c in 0..0x80u32 {
            assert_eq!(wide_classes(c, true), classes(c as i32));
            assert_eq!(wide_classes(c, false), classes(c as i32));
            assert_eq!(properties(c).0, classes(c as i32), "table entry of {c:#x}");
            assert_eq!(to_upper(c, true), map_case(&TO_UPPER, c));
            assert_eq!(to_lower(c, true), map_case(&TO_LOWER, c));
        }
    }

    #[test]
    fn c_locale_knows_only_ascii() {
        assert_eq!(wide_classes(0xe9, false), 0);
        assert_eq!(wide_classes(0x4e00, false), 0);
        assert_eq!(to_upper(0xe9, false), 0xe9);
        assert_eq!(to_lower(0x391, false), 0x391);
        assert_eq!(width(0, false), 0);
        assert_eq!(width(u32::from(b'a'), false), 1);
        assert_eq!(width(u32::from(b'\n'), false), -1);
        assert_eq!(width(0x7f, false), -1);
        assert_eq!(width(0xe9, false), -1);
    }

    #[test]
    fn classes_beyond_ascii() {
        assert!(has(0x4e00, IS_ALPHA) && !has(0x4e00, IS_PUNCT)); // CJK ideograph
        assert!(has(0xff10, IS_ALNUM) && !has(0xff10, IS_DIGIT)); // full-width digit 0
        assert!(has(0x0663, IS_ALPHA)); // Arabic-Indic digit 3
        assert!(has(0x0301, IS_PUNCT) && !has(0x0301, IS_ALPHA)); // combining acute: not Alphabetic
        assert!(has(0x093f, IS_ALPHA)); // Devanagari vowel sign (Other_Alphabetic)
        assert!(has(0x20ac, IS_PUNCT) && has(0x20ac, IS_PRINT));
        assert!(has(0xe000, IS_PRINT) && has(0xe000, IS_PUNCT)); // private use is assigned
        assert_eq!(wide_classes(0x0378, true), 0); // unassigned
        assert_eq!(wide_classes(0xd800, true), 0);
        assert_eq!(wide_classes(0x10ffff, true), 0);
        assert_eq!(wide_classes(0x110000, true), 0);
        assert_eq!(wide_classes(u32::MAX, true), 0);
        assert_eq!(wide_classes(0xa0, true), IS_PRINT | IS_GRAPH | IS_PUNCT); // no-break space
        assert_eq!(wide_classes(0x3000, true), IS_SPACE | IS_BLANK | IS_PRINT);
        assert_eq!(wide_classes(0x2028, true), IS_SPACE | IS_CNTRL);
        assert_eq!(wide_classes(0x85, true), IS_CNTRL);
        assert!(has(0xdf, IS_LOWER) && !has(0xdf, IS_UPPER));
        assert!(has(0x1c5, IS_LOWER) && has(0x1c5, IS_UPPER)); // title case Dz
        assert!(has(0xa72f, IS_LOWER)); // small capital F: Lowercase, no mapping
        assert!(has(0x2160, IS_UPPER) && has(0x2160, IS_ALPHA)); // Roman numeral one
    }

    #[test]
    fn simple_case_mappings() {
        let pairs = [
            (0xc9, 0xe9),
            (0x178, 0xff),
            (0x100, 0x101),
            (0x141, 0x142),
            (0x391, 0x3b1),
            (0x416, 0x436),
            (0x401, 0x451),
            (0x1e9e, 0xdf),
            (0x10400, 0x10428),
            (0x1e900, 0x1e922),
            (0xff21, 0xff41),
            (0xa77d, 0x1d79),
        ];
        for (upper, lower) in pairs {
            assert_eq!(to_lower(upper, true), lower, "tolower {upper:#x}");
        }
        for (upper, lower) in pairs.iter().filter(|p| p.0 != 0x1e9e) {
            assert_eq!(to_upper(*lower, true), *upper, "toupper {lower:#x}");
        }
        assert_eq!(to_upper(0xdf, true), 0xdf); // no simple mapping
        assert_eq!(to_upper(0x3c2, true), 0x3a3); // final sigma
        assert_eq!(to_upper(0x17f, true), 0x53); // long s
        assert_eq!(to_lower(0x130, true), 0x69); // dotted capital I
        assert_eq!(to_upper(0x1f80, true), 0x1f88); // simple, not full, mapping
        assert_eq!(to_upper(0x1c5, true), 0x1c4);
        assert_eq!(to_lower(0x1c5, true), 0x1c6);
        assert_eq!(to_upper(0x4e00, true), 0x4e00);
        assert_eq!(to_upper(0x138, true), 0x138); // kra: lower case without a pair
        assert_eq!(to_upper(u32::MAX, true), u32::MAX);
        assert_eq!(to_lower(0x110000, true), 0x110000);
    }

    #[test]
    fn title_case_and_mapping_names() {
        assert_eq!(mapping_named(b"totitle", true), Some(Mapping::Title));
        assert_eq!(mapping_named(b"totitle", false), None);
        assert_eq!(mapping_named(b"toupper", false), Some(Mapping::Upper));
        assert_eq!(mapping_named(b"tolower", true), Some(Mapping::Lower));
        assert_eq!(mapping_named(b"TOLOWER", true), None);
        assert_eq!(map(0x1c4, Mapping::Title, true), 0x1c5);
        assert_eq!(map(0x1c6, Mapping::Title, true), 0x1c5);
        assert_eq!(map(0x1c5, Mapping::Title, true), 0x1c5);
        assert_eq!(map(0x1c6, Mapping::Upper, true), 0x1c4);
        assert_eq!(map(0x1f80, Mapping::Title, true), 0x1f88);
        assert_eq!(map(0xe9, Mapping::Title, true), 0xc9);
        assert_eq!(map(u32::from(b'q'), Mapping::Title, true), u32::from(b'Q'));
        assert_eq!(map(u32::from(b'q'), Mapping::Title, false), u32::from(b'Q'));
        assert_eq!(map(0xe9, Mapping::Title, false), 0xe9);
        assert_eq!(map(0xdf, Mapping::Title, true), 0xdf);
        assert_eq!(map(0x391, Mapping::Lower, true), 0x3b1);
    }

    #[test]
    fn class_names() {
        assert_eq!(class_named(b"alpha", false), IS_ALPHA);
        assert_eq!(class_named(b"xdigit", true), IS_XDIGIT);
        assert_eq!(class_named(b"combining", true), IS_COMBINING);
        assert_eq!(class_named(b"combining", false), 0);
        assert_eq!(class_named(b"combining_level3", false), 0);
        assert_eq!(class_named(b"Alpha", true), 0);
        assert_eq!(class_named(b"", true), 0);
        assert!(has(0x301, IS_COMBINING) && !has(0x301, IS_COMBINING_LEVEL3)); // ccc 230
        assert!(has(0x903, IS_COMBINING) && has(0x903, IS_COMBINING_LEVEL3)); // Mc, ccc 0
        assert!(has(0x20dd, IS_COMBINING)); // enclosing circle (Me)
        assert!(has(0x334, IS_COMBINING) && has(0x334, IS_COMBINING_LEVEL3)); // ccc 1
        assert!(!has(u32::from(b'a'), IS_COMBINING) && !has(0x4e00, IS_COMBINING));
    }

    #[test]
    fn case_runs_are_sorted_and_land_on_letters() {
        let tables = [(&TO_UPPER[..], UPPER_SOURCES), (&TO_LOWER[..], LOWER_SOURCES), (&TO_TITLE[..], TITLE_SOURCES)];
        for (runs, sources) in tables {
            assert!(runs.windows(2).all(|w| w[0].0 >> 9 < w[1].0 >> 9));
            for &(key, _) in runs {
                let (first, stride) = (key >> 9, if key & 0x100 != 0 { 2 } else { 1 });
                for wc in (0..key & 0xff).map(|i| first + i * stride) {
                    let mapped = map_case(runs, wc);
                    assert_ne!(mapped, wc, "run at {first:#x}");
                    assert_ne!(wide_classes(wc, true) & sources, 0, "{wc:#x} is no source");
                    assert_eq!(map_cased(runs, sources, wc), mapped);
                    assert_ne!(wide_classes(mapped, true) & (IS_UPPER | IS_LOWER), 0, "{wc:#x} maps to {mapped:#x}");
                }
            }
        }
    }

    #[test]
    fn widths() {
        assert_eq!(width(0, true), 0);
        assert_eq!(width(u32::from(b'A'), true), 1);
        assert_eq!(width(u32::from(b'\t'), true), -1);
        assert_eq!(width(0x85, true), -1);
        assert_eq!(width(0xe9, true), 1);
        assert_eq!(width(0x301, true), 0); // combining acute
        assert_eq!(width(0x200b, true), 0); // zero width space (Cf)
        assert_eq!(width(0xad, true), 1); // soft hyphen
        assert_eq!(width(0x600, true), 1); // prepended concatenation mark
        assert_eq!(width(0x1160, true), 0); // Hangul medial vowel
        assert_eq!(width(0xd7b0, true), 0);
        assert_eq!(width(0x4e00, true), 2);
        assert_eq!(width(0xac00, true), 2);
        assert_eq!(width(0xff21, true), 2);
        assert_eq!(width(0x3248, true), 2);
        assert_eq!(width(0x4dc0, true), 2);
        assert_eq!(width(0x1f600, true), 2); // emoji
        assert_eq!(width(0x3000, true), 2);
        assert_eq!(width(0x2028, true), -1);
        assert_eq!(width(0x0378, true), -1);
        assert_eq!(width(0xd800, true), -1);
        assert_eq!(width(0xe000, true), 1);
        assert_eq!(width(0x110000, true), -1);
        assert_eq!(width(u32::MAX, true), -1);
    }

    #[test]
    fn string_widths() {
        let s = [u32::from(b'a'), 0x4e00, 0x301, 0, u32::from(b'b')];
        assert_eq!(string_width(s.iter().copied(), true), 3);
        assert_eq!(string_width(s.iter().copied().take(1), true), 1);
        assert_eq!(string_width(s.iter().copied().take(0), true), 0);
        assert_eq!(string_width(s.iter().copied(), false), -1);
        assert_eq!(string_width([0x41, 0x85].into_iter(), true), -1);
        assert_eq!(string_width([0x41, 0, 0x85].into_iter(), true), 1);
    }
}
