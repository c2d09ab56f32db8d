//! Text conversions: `c s` and their wide forms `lc ls C S`, and `m`.
//!
//! Wide characters are converted as the C locale does, the only locale there is: a
//! character outside ASCII has no encoding there, so it fails with `EILSEQ` (glibc's C locale
//! is ASCII too, and fails the same way).

use super::Out;
use super::spec::LEFT;
use core::ffi::c_char;
use rustix::io::Errno;

/// Writes `bytes`, padded with spaces to `width` (on the right with `-`).
pub fn padded(out: &mut Out<'_>, flags: u8, width: usize, bytes: &[u8]) -> Result<(), Errno> {
    let pad = width.saturating_sub(bytes.len());
    if flags & LEFT != 0 {
        out.put(bytes)?;
        out.fill(b' ', pad)
    } else {
        out.fill(b' ', pad)?;
        out.put(bytes)
    }
}

/// The C-locale encoding of wide character `c`.
fn encode(c: u32) -> Result<u8, Errno> {
    if c < 0x80 { Ok(c as u8) } else { Err(Errno::ILSEQ) }
}

/// What glibc prints for a null string: `(null)`, unless the precision is too small for it,
/// in which case nothing.
fn null_text(precision: Option<usize>) -> &'static [u8] {
    if precision.is_none_or(|p| p >= 6) { b"(null)" } else { b"" }
}

/// `%c`.
pub fn char(out: &mut Out<'_>, flags: u8, width: usize, c: u8) -> Result<(), Errno> {
    padded(out, flags, width, &[c])
}

/// `%lc` / `%C`.
pub fn wide_char(out: &mut Out<'_>, flags: u8, width: usize, c: u32) -> Result<(), Errno> {
    padded(out, flags, width, &[encode(c)?])
}

/// `%s`: at most `precision` bytes of the string at `s` (null prints `(null)`).
///
/// # Safety
/// `s` must be null, or readable up to its NUL or `precision` bytes, whichever comes first.
pub unsafe fn string(out: &mut Out<'_>, flags: u8, width: usize, precision: Option<usize>, s: *const c_char) -> Result<(), Errno> {
    if s.is_null() {
        return padded(out, flags, width, null_text(precision));
    }
    let bytes = match precision {
        // SAFETY: the string is NUL-terminated per the contract.
        None => unsafe { core::ffi::CStr::from_ptr(s) }.to_bytes(),
        Some(p) => {
            // SAFETY: a string with a precision need not be terminated, but is readable for
            // that many bytes or up to its NUL; `bounded_length` reads no further.
            let len = unsafe { bounded_length(s.cast(), p) };
            // SAFETY: those `len` bytes are readable.
            unsafe { core::slice::from_raw_parts(s.cast::<u8>(), len) }
        }
    };
    padded(out, flags, width, bytes)
}

/// The length of the string at `s`, looking at no more than `max` bytes.
///
/// # Safety
/// `s` readable up to its NUL or `max` bytes.
unsafe fn bounded_length(s: *const u8, max: usize) -> usize {
    let mut n = 0;
    // SAFETY: bytes are read one at a time and never past the NUL or `max`.
    while n < max && unsafe { *s.add(n) } != 0 {
        n += 1;
    }
    n
}

/// `%ls` / `%S`: the wide string at `s`, converted, at most `precision` bytes of output.
///
/// # Safety
/// `s` must be null, or a wide string readable up to its NUL or as many characters as the
/// precision allows bytes.
pub unsafe fn wide_string(out: &mut Out<'_>, flags: u8, width: usize, precision: Option<usize>, s: *const i32) -> Result<(), Errno> {
    if s.is_null() {
        return padded(out, flags, width, null_text(precision));
    }
    let max = precision.unwrap_or(usize::MAX);
    // Each character is one byte in the C locale: count and check them first, for the width.
    let mut len = 0;
    // SAFETY: characters are read up to the NUL or the precision, as the contract allows.
    while len < max && unsafe { *s.add(len) } != 0 {
        // SAFETY: as above.
        encode(unsafe { *s.add(len) } as u32)?;
        len += 1;
    }
    let pad = width.saturating_sub(len);
    if flags & LEFT == 0 {
        out.fill(b' ', pad)?;
    }
    let mut chunk = [0u8; 64];
    let mut done = 0;
    while done < len {
        let n = (len - done).min(chunk.len());
        for (i, slot) in chunk.iter_mut().take(n).enumerate() {
            // SAFETY: `done + i < len`, checked readable above; each encodes (checked above).
            *slot = unsafe { *s.add(done + i) } as u8;
        }
        out.put(chunk.get(..n).unwrap_or_default())?;
        done += n;
    }
    if flags & LEFT != 0 {
        out.fill(b' ', pad)?;
    }
    Ok(())
}
