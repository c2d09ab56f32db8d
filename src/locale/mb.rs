//! Multibyte characters: decoding and encoding one character in the C locale (ASCII: a byte
//! of 0x80 or more is no character, `EILSEQ`, as in glibc) or in C.UTF-8, with the
//! conversion state C keeps in an `mbstate_t` between calls.
//!
//! C.UTF-8 is UTF-8 as glibc converts it: sequences of up to six bytes, so values up to
//! 0x7FFFFFFF (beyond Unicode's U+10FFFF, which glibc accepts too); bytes 0xC0, 0xC1, 0xFE
//! and 0xFF never start a character, a continuation byte must be 0x80–0xBF, and a complete
//! sequence in overlong form or for a surrogate (U+D800–U+DFFF) is invalid.

use core::sync::atomic::{AtomicU64, Ordering};
use rustix::io::Errno;

/// The most bytes a character takes in C.UTF-8, as glibc reports it in `MB_CUR_MAX`.
pub const UTF8_MAX: usize = 6;

/// glibc's `mbstate_t` (8 bytes). Here `count` holds, for a character split across calls,
/// the continuation bytes still missing in bits 0–7 and its first byte in bits 8–15;
/// `value` the bits decoded so far. All-zero is the initial state.
#[repr(C)]
#[derive(Clone, Copy, Default, PartialEq, Eq, Debug)]
pub struct MbState {
    count: i32,
    value: u32,
}

const _: () = assert!(core::mem::size_of::<MbState>() == core::mem::size_of::<libc::mbstate_t>());

impl MbState {
    /// The initial state.
    pub const INITIAL: MbState = MbState { count: 0, value: 0 };

    /// Whether this is the initial state (`mbsinit`).
    pub fn is_initial(&self) -> bool {
        self.count & 0xff == 0
    }
}

/// What decoding found.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Decoded {
    /// A character, completed by this many of the bytes given.
    Char(u32, usize),
    /// All bytes given were taken, and the character is still incomplete (-2).
    Incomplete,
    /// Not a character (`EILSEQ`).
    Invalid,
}

/// The length of a UTF-8 sequence starting with `lead`, if it can start one.
fn sequence_length(lead: u8) -> Option<u32> {
    match lead {
        0xc2..=0xdf => Some(2),
        0xe0..=0xef => Some(3),
        0xf0..=0xf7 => Some(4),
        0xf8..=0xfb => Some(5),
        0xfc..=0xfd => Some(6),
        _ => None,
    }
}

/// The smallest value a sequence of `len` bytes may encode (smaller ones are overlong).
fn minimum(len: u32) -> u32 {
    match len {
        2 => 0x80,
        3 => 0x800,
        4 => 0x1_0000,
        5 => 0x20_0000,
        _ => 0x400_0000,
    }
}

/// Decodes the character that starts (or, after an incomplete call, continues) in `input`.
/// `state` keeps a split character; it is initial again after a character or an error.
pub fn decode(utf8: bool, state: &mut MbState, input: &[u8]) -> Decoded {
    if !utf8 {
        *state = MbState::INITIAL;
        return match input.first() {
            None => Decoded::Incomplete,
            Some(&b) if b < 0x80 => Decoded::Char(u32::from(b), 1),
            Some(_) => Decoded::Invalid,
        };
    }
    let mut lead = (state.count >> 8) as u8;
    let mut missing = (state.count & 0xff) as u32;
    let mut value = state.value;
    let mut used = 0;
    if missing == 0 {
        let Some(&b) = input.first() else { return Decoded::Incomplete };
        used = 1;
        if b < 0x80 {
            return Decoded::Char(u32::from(b), 1);
        }
        let Some(len) = sequence_length(b) else {
            return Decoded::Invalid;
        };
        lead = b;
        missing = len - 1;
        value = u32::from(b) & (0x7f >> len);
    }
    while missing > 0 {
        let Some(&b) = input.get(used) else {
            *state = MbState { count: (i32::from(lead) << 8) | missing as i32, value };
            return Decoded::Incomplete;
        };
        if !(0x80..=0xbf).contains(&b) {
            *state = MbState::INITIAL;
            return Decoded::Invalid;
        }
        value = (value << 6) | u32::from(b & 0x3f);
        missing -= 1;
        used += 1;
    }
    *state = MbState::INITIAL;
    let len = sequence_length(lead).unwrap_or(2);
    if value < minimum(len) || (0xd800..=0xdfff).contains(&value) {
        return Decoded::Invalid;
    }
    Decoded::Char(value, used)
}

/// Encodes `wc` into `out` (room for [`UTF8_MAX`] bytes); the number of bytes, or `None`
/// when the locale has no such character (`EILSEQ`).
pub fn encode(utf8: bool, wc: u32, out: &mut [u8; UTF8_MAX]) -> Option<usize> {
    let cont = |shift: u32| 0x80 | ((wc >> shift) & 0x3f) as u8;
    match wc {
        0..=0x7f => {
            out[0] = wc as u8;
            Some(1)
        }
        _ if !utf8 => None,
        0x80..=0x7ff => {
            out[0] = 0xc0 | (wc >> 6) as u8;
            out[1] = cont(0);
            Some(2)
        }
        0xd800..=0xdfff => None,
        0x800..=0xffff => {
            out[0] = 0xe0 | (wc >> 12) as u8;
            out[1] = cont(6);
            out[2] = cont(0);
            Some(3)
        }
        0x1_0000..=0x1f_ffff => {
            out[0] = 0xf0 | (wc >> 18) as u8;
            out[1] = cont(12);
            out[2] = cont(6);
            out[3] = cont(0);
            Some(4)
        }
        0x20_0000..=0x3ff_ffff => {
            out[0] = 0xf8 | (wc >> 24) as u8;
            out[1] = cont(18);
            out[2] = cont(12);
            out[3] = cont(6);
            out[4] = cont(0);
            Some(5)
        }
        0x400_0000..=0x7fff_ffff => {
            out[0] = 0xfc | (wc >> 30) as u8;
            out[1] = cont(24);
            out[2] = cont(18);
            out[3] = cont(12);
            out[4] = cont(6);
            out[5] = cont(0);
            Some(6)
        }
        _ => None,
    }
}

/// [`decode`] over raw bytes, reading one at a time and no more than the character needs
/// (at most `n`): `Char`'s count is the number of bytes this call took.
///
/// # Safety
/// The bytes at `s` up to the end of the character (or an invalid byte), at most `n`, are
/// readable.
pub unsafe fn decode_raw(utf8: bool, state: &mut MbState, s: *const u8, n: usize) -> Decoded {
    let mut used = 0;
    while used < n {
        // SAFETY: per the contract: this byte is still part of the character.
        let b = unsafe { *s.add(used) };
        used += 1;
        match decode(utf8, state, &[b]) {
            Decoded::Char(wc, _) => return Decoded::Char(wc, used),
            Decoded::Incomplete => {}
            Decoded::Invalid => return Decoded::Invalid,
        }
    }
    Decoded::Incomplete
}

/// An `mbstate_t` of the library's own, for calls given none; a word so that racing
/// callers (which C leaves undefined) are no data race in Rust.
pub struct SharedState(AtomicU64);

impl SharedState {
    /// The initial state.
    pub const fn new() -> SharedState {
        SharedState(AtomicU64::new(0))
    }

    /// Runs `f` on the state and keeps what it leaves.
    pub fn with<R>(&self, f: impl FnOnce(&mut MbState) -> R) -> R {
        // Relaxed: each function's state is its own; C gives concurrent use no meaning.
        let bits = self.0.load(Ordering::Relaxed);
        let mut st = MbState { count: bits as u32 as i32, value: (bits >> 32) as u32 };
        let r = f(&mut st);
        // Relaxed: as above.
        self.0.store(u64::from(st.count as u32) | (u64::from(st.value) << 32), Ordering::Relaxed);
        r
    }
}

impl Default for SharedState {
    fn default() -> Self {
        Self::new()
    }
}

/// `mbsnrtowcs` (`mbsrtowcs` with `limit == usize::MAX`): converts the string at `*src`,
/// at most `limit` bytes of it, to wide characters, at most `len` of them into `dst`; the
/// number converted (the terminator not counted), or `EILSEQ`. A character cut by the limit
/// stays in `state`. With a destination, `*src` moves past what was converted, to null
/// after the terminator, or to the invalid character; without one (`dst` null: counting
/// only, `len` ignored) it stays.
///
/// # Safety
/// `*src` points at a NUL-terminated string or `limit` readable bytes (or, with `dst`, at
/// one that has `len` characters before an invalid one); `dst` is null or writable for
/// `len` characters.
pub unsafe fn to_wide(utf8: bool, dst: *mut u32, src: &mut *const u8, limit: usize, len: usize, state: &mut MbState) -> Result<usize, Errno> {
    let mut p = *src;
    let mut n = 0;
    let mut taken = 0;
    loop {
        if !dst.is_null() && n == len {
            *src = p;
            return Ok(n);
        }
        let start = p;
        let wc = loop {
            if taken == limit {
                if !dst.is_null() {
                    *src = p;
                }
                return Ok(n);
            }
            // SAFETY: the string goes on until its terminator, which ends every character,
            // or the limit ends it first.
            let b = unsafe { *p };
            p = p.wrapping_add(1);
            taken += 1;
            match decode(utf8, state, &[b]) {
                Decoded::Char(wc, _) => break wc,
                Decoded::Incomplete => {}
                Decoded::Invalid => {
                    if !dst.is_null() {
                        *src = start;
                    }
                    return Err(Errno::ILSEQ);
                }
            }
        };
        if !dst.is_null() {
            // SAFETY: n < len, inside the destination.
            unsafe { *dst.add(n) = wc };
        }
        if wc == 0 {
            if !dst.is_null() {
                *src = core::ptr::null();
            }
            return Ok(n);
        }
        n += 1;
    }
}

/// `wcsnrtombs` (`wcsrtombs` with `limit == usize::MAX`): converts the wide string at
/// `*src`, at most `limit` characters of it, to multibyte characters, at most `len` bytes
/// into `dst` (a character that does not fit whole is left out); the number of bytes (the
/// terminator not counted), or `EILSEQ`. `*src` moves as in [`to_wide`].
///
/// # Safety
/// `*src` points at a wide string ending in 0 or `limit` readable characters (or, with
/// `dst`, one that fills `len` bytes first); `dst` is null or writable for `len` bytes.
pub unsafe fn from_wide(utf8: bool, dst: *mut u8, src: &mut *const u32, limit: usize, len: usize) -> Result<usize, Errno> {
    let mut p = *src;
    let mut n = 0;
    let mut buf = [0; UTF8_MAX];
    for _ in 0..limit {
        // SAFETY: the wide string goes on until its 0, or until `len` bytes are filled.
        let wc = unsafe { *p };
        let Some(k) = encode(utf8, wc, &mut buf) else {
            if !dst.is_null() {
                *src = p;
            }
            return Err(Errno::ILSEQ);
        };
        if !dst.is_null() {
            if n + k > len {
                *src = p;
                return Ok(n);
            }
            // SAFETY: n + k <= len, inside the destination.
            unsafe { core::ptr::copy_nonoverlapping(buf.as_ptr(), dst.add(n), k) };
        }
        if wc == 0 {
            if !dst.is_null() {
                *src = core::ptr::null();
            }
            return Ok(n);
        }
        n += k;
        p = p.wrapping_add(1);
    }
    if !dst.is_null() {
        *src = p;
    }
    Ok(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(utf8: bool, bytes: &[u8]) -> Decoded {
        let mut st = MbState::INITIAL;
        decode(utf8, &mut st, bytes)
    }

    #[test]
    fn decodes_like_rfc3629() {
        assert_eq!(one(true, b"a"), Decoded::Char(0x61, 1));
        assert_eq!(one(true, b"\0"), Decoded::Char(0, 1));
        assert_eq!(one(true, "é".as_bytes()), Decoded::Char(0xe9, 2));
        assert_eq!(one(true, "€x".as_bytes()), Decoded::Char(0x20ac, 3));
        assert_eq!(one(true, "😀".as_bytes()), Decoded::Char(0x1f600, 4));
        assert_eq!(one(true, b"\xf4\x90\x80\x80"), Decoded::Char(0x11_0000, 4));
        assert_eq!(one(true, b"\xf8\x88\x80\x80\x80"), Decoded::Char(0x20_0000, 5));
        for bad in [&b"\x80"[..], b"\xc0\x80", b"\xc1\xbf", b"\xe0\x80\x80", b"\xed\xa0\x80", b"\xf0\x80\x80\x80", b"\xfe", b"\xff", b"\xc3\x28"] {
            assert_eq!(one(true, bad), Decoded::Invalid, "{bad:?}");
        }
        assert_eq!(one(true, b""), Decoded::Incomplete);
        assert_eq!(one(false, b"\xc3\xa9"), Decoded::Invalid);
        assert_eq!(one(false, b"z"), Decoded::Char(0x7a, 1));
    }

    #[test]
    fn split_across_calls() {
        let bytes = "😀".as_bytes();
        for cut in 1..4 {
            let mut st = MbState::INITIAL;
            assert_eq!(decode(true, &mut st, &bytes[..cut]), Decoded::Incomplete);
            assert!(!st.is_initial());
            assert_eq!(decode(true, &mut st, &bytes[cut..]), Decoded::Char(0x1f600, 4 - cut));
            assert!(st.is_initial());
        }
        let mut st = MbState::INITIAL;
        assert_eq!(decode(true, &mut st, b"\xe0"), Decoded::Incomplete);
        assert_eq!(decode(true, &mut st, b"\x80"), Decoded::Incomplete);
        assert_eq!(decode(true, &mut st, b"\x80"), Decoded::Invalid);
        assert!(st.is_initial());
    }

    #[test]
    fn strings_both_ways() {
        let text = "añ😀\0";
        let mut wide = [0u32; 8];
        let mut src = text.as_ptr();
        let mut st = MbState::INITIAL;
        // SAFETY: a NUL-terminated string and an 8-character buffer.
        unsafe {
            assert_eq!(to_wide(true, core::ptr::null_mut(), &mut src, usize::MAX, 0, &mut st), Ok(3));
            assert_eq!(src, text.as_ptr());
            assert_eq!(to_wide(true, wide.as_mut_ptr(), &mut src, usize::MAX, 2, &mut st), Ok(2));
            assert_eq!(src, text.as_ptr().add(3));
            assert_eq!(to_wide(true, wide.as_mut_ptr().add(2), &mut src, usize::MAX, 6, &mut st), Ok(1));
            assert!(src.is_null());
            assert_eq!(&wide[..4], &[0x61, 0xf1, 0x1f600, 0]);
            let mut bytes = [0xffu8; 16];
            let mut wsrc = wide.as_ptr();
            assert_eq!(from_wide(true, core::ptr::null_mut(), &mut wsrc, usize::MAX, 0), Ok(7));
            assert_eq!(from_wide(true, bytes.as_mut_ptr(), &mut wsrc, usize::MAX, 5), Ok(3));
            assert_eq!(wsrc, wide.as_ptr().add(2));
            assert_eq!(from_wide(true, bytes.as_mut_ptr().add(3), &mut wsrc, usize::MAX, 10), Ok(4));
            assert!(wsrc.is_null());
            assert_eq!(&bytes[..8], "añ😀\0".as_bytes());
            let mut bad = b"a\xffb\0".as_ptr();
            let start = bad;
            assert_eq!(to_wide(true, wide.as_mut_ptr(), &mut bad, usize::MAX, 8, &mut st), Err(Errno::ILSEQ));
            assert_eq!(bad, start.add(1));
            // Limits: a character cut by the byte limit waits in the state.
            let text = "é😀\0";
            let mut src = text.as_ptr();
            let mut st = MbState::INITIAL;
            assert_eq!(to_wide(true, wide.as_mut_ptr(), &mut src, 4, 8, &mut st), Ok(1));
            assert_eq!(src, text.as_ptr().add(4));
            assert!(!st.is_initial());
            assert_eq!(to_wide(true, wide.as_mut_ptr(), &mut src, usize::MAX, 8, &mut st), Ok(1));
            assert_eq!(wide[0], 0x1f600);
            let mut wsrc = wide.as_ptr();
            assert_eq!(from_wide(true, bytes.as_mut_ptr(), &mut wsrc, 0, 16), Ok(0));
            assert_eq!(wsrc, wide.as_ptr());
            let mut wsrc = wide.as_ptr();
            assert_eq!(from_wide(false, bytes.as_mut_ptr(), &mut wsrc, usize::MAX, 16), Err(Errno::ILSEQ));
            assert_eq!(wsrc, wide.as_ptr());
        }
    }

    #[test]
    fn encodes_and_round_trips() {
        let mut out = [0; UTF8_MAX];
        for wc in [0u32, 0x41, 0x7f, 0x80, 0x7ff, 0x800, 0xd7ff, 0xe000, 0xffff, 0x1_0000, 0x10_ffff, 0x11_0000, 0x20_0000, 0x7fff_ffff] {
            let n = encode(true, wc, &mut out).expect("encodable");
            assert_eq!(one(true, &out[..n]), Decoded::Char(wc, n));
        }
        assert_eq!(encode(true, 0xd800, &mut out), None);
        assert_eq!(encode(true, 0x8000_0000, &mut out), None);
        assert_eq!(encode(false, 0xe9, &mut out), None);
        assert_eq!(encode(false, 0x41, &mut out), Some(1));
    }
}
