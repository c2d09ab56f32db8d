//! Numbers in scanf input: integers converted as they are read, floating text collected
//! for the strtod family.

use super::{Input, Size, Stop};
use crate::fmt::text::TextBuf;
use crate::stdlib::{float, int};
use core::fmt::Write;

/// The value of `b` as a digit, 99 if it is none.
fn digit(b: u8) -> u32 {
    match b {
        b'0'..=b'9' => (b - b'0') as u32,
        b'a'..=b'f' => (b - b'a') as u32 + 10,
        b'A'..=b'F' => (b - b'A') as u32 + 10,
        _ => 99,
    }
}

/// Bytes of input a conversion may still read.
struct Field<'i, 'a> {
    input: &'i mut Input<'a>,
    left: usize,
}

impl Field<'_, '_> {
    fn peek(&mut self) -> Option<u8> {
        if self.left == 0 { None } else { self.input.peek() }
    }

    fn take(&mut self) {
        self.input.advance();
        self.left -= 1;
    }

    /// Consumes the next byte if `want` accepts it.
    fn take_if(&mut self, want: impl Fn(u8) -> bool) -> Option<u8> {
        let b = self.peek().filter(|&b| want(b))?;
        self.take();
        Some(b)
    }
}

/// An integer of at most `width` bytes in `base` (0: by prefix): its 64 bits as `strtol`
/// (`signed`) or `strtoul` would give them.
pub fn integer(input: &mut Input<'_>, width: usize, base: u32, signed: bool) -> Result<u64, Stop> {
    let mut f = Field { input, left: width };
    let negative = f.take_if(|b| b == b'+' || b == b'-') == Some(b'-');
    let mut base = base;
    let mut any = false;
    if (base == 0 || base == 16) && f.take_if(|b| b == b'0').is_some() {
        any = true;
        if f.take_if(|b| b == b'x' || b == b'X').is_some() {
            base = 16;
        } else if base == 0 {
            base = 8;
        }
    }
    if base == 0 {
        base = 10;
    }
    let mut magnitude = Some(0u64);
    while let Some(b) = f.take_if(|b| digit(b) < base) {
        any = true;
        magnitude = magnitude.and_then(|m| m.checked_mul(base as u64)).and_then(|m| m.checked_add(digit(b) as u64));
    }
    if !any {
        return Err(Stop::Mismatch);
    }
    let parsed = int::Parsed { magnitude, negative, end: 1 };
    Ok(if signed { parsed.signed(i64::MIN, i64::MAX).0 as u64 } else { parsed.unsigned(u64::MAX).0 })
}

/// Collects into `text` the longest prefix of the input (at most `width` bytes) that can
/// begin a floating number: sign, `inf`/`infinity`/`nan`, hexadecimal or decimal digits with
/// a point and an exponent.
pub fn float_text(input: &mut Input<'_>, width: usize, text: &mut TextBuf<1024>) -> Result<(), Stop> {
    let mut f = Field { input, left: width };
    let mut push = |f: &mut Field<'_, '_>, want: &dyn Fn(u8) -> bool| -> Result<bool, Stop> {
        match f.take_if(want) {
            Some(b) => {
                text.write_char(b as char).map_err(|_| Stop::Error(rustix::io::Errno::RANGE))?;
                Ok(true)
            }
            None => Ok(false),
        }
    };
    push(&mut f, &|b| b == b'+' || b == b'-')?;
    let first = f.peek().map(|b| b | 0x20);
    if first == Some(b'i') || first == Some(b'n') {
        let word: &[u8] = if first == Some(b'i') { b"inf" } else { b"nan" };
        for &w in word {
            if !push(&mut f, &|b| b | 0x20 == w)? {
                return Err(Stop::Mismatch);
            }
        }
        if first == Some(b'i') {
            for &w in b"inity" {
                if !push(&mut f, &|b| b | 0x20 == w)? {
                    break;
                }
            }
        }
        return Ok(());
    }
    let mut digits = false;
    let mut hex = false;
    if push(&mut f, &|b| b == b'0')? {
        digits = true;
        hex = push(&mut f, &|b| b == b'x' || b == b'X')?;
    }
    let is_digit = |b: u8| if hex { b.is_ascii_hexdigit() } else { b.is_ascii_digit() };
    while push(&mut f, &is_digit)? {
        digits = true;
    }
    if push(&mut f, &|b| b == b'.')? {
        while push(&mut f, &is_digit)? {
            digits = true;
        }
    }
    if !digits {
        return Err(Stop::Mismatch);
    }
    let marker = if hex { b'p' } else { b'e' };
    if push(&mut f, &|b| b | 0x20 == marker)? {
        push(&mut f, &|b| b == b'+' || b == b'-')?;
        while push(&mut f, &|b: u8| b.is_ascii_digit())? {}
    }
    Ok(())
}

/// Converts the collected `text` and stores it through `p` as a float, double or long
/// double.
pub fn store_float(p: *mut u8, size: Size, text: &[u8]) -> Result<(), Stop> {
    // SAFETY (each store): C's contract for scanf: `p` points at an object of the type the
    // modifier names.
    match size {
        Size::Long => {
            let v = float::parse_f64(text);
            if v.end == 0 {
                return Err(Stop::Mismatch);
            }
            // SAFETY: see above.
            unsafe { p.cast::<f64>().write_unaligned(v.value) };
        }
        Size::LongDouble | Size::Wide => {
            let v = float::parse_f80(text);
            if v.end == 0 {
                return Err(Stop::Mismatch);
            }
            // SAFETY: see above; the 10 bytes of the x87 value.
            unsafe {
                p.cast::<u64>().write_unaligned(v.value.significand);
                p.add(8).cast::<u16>().write_unaligned(v.value.top);
            }
        }
        _ => {
            let v = float::parse_f32(text);
            if v.end == 0 {
                return Err(Stop::Mismatch);
            }
            // SAFETY: see above.
            unsafe { p.cast::<f32>().write_unaligned(v.value) };
        }
    }
    Ok(())
}
