//! Exact decimal digits of x87 `long double` values that are not `double`s.
//!
//! A finite value is `m * 2^e` with a 64-bit `m`, exactly `D * 10^-k` (`fmt::big`); the digits
//! of `D` are rounded like any decimal string: to nearest, ties to even, as glibc.

use super::float::LongDouble;
use crate::fmt::big::{self, Big};
use rustix::io::Errno;

/// The exact decimal form of a finite nonzero `v`: `D` and `k`.
fn exact(v: LongDouble) -> Result<(Big, i64), Errno> {
    let biased = (v.top & 0x7fff) as i64;
    big::exact(v.significand as u128, biased.max(1) - 16383 - 63)
}

/// The first `keep` digits of `d` (of `total`), rounded to nearest, ties to even, into
/// `buf`; whether rounding carried into a new leading digit (then `buf` is `1000...`).
fn round(d: &Big, total: usize, keep: usize, buf: &mut [u8]) -> bool {
    for (i, slot) in buf.iter_mut().enumerate().take(keep) {
        *slot = b'0' + d.digit(i, total);
    }
    let next = d.digit(keep, total);
    let rest = (keep + 1..total).any(|i| d.digit(i, total) != 0);
    let last_odd = keep > 0 && buf.get(keep - 1).is_some_and(|&b| (b - b'0') % 2 == 1);
    let up = next > 5 || (next == 5 && (rest || last_odd));
    if !up {
        return false;
    }
    for slot in buf.iter_mut().take(keep).rev() {
        if *slot == b'9' {
            *slot = b'0';
        } else {
            *slot += 1;
            return false;
        }
    }
    if let Some(first) = buf.first_mut() {
        *first = b'1';
    }
    true
}

/// An allocation for the text, freed when dropped.
struct Block {
    p: *mut u8,
    len: usize,
}

impl Block {
    fn new(len: usize) -> Result<Block, Errno> {
        let p = crate::alloc::allocate(len.max(1));
        if p.is_null() { Err(Errno::NOMEM) } else { Ok(Block { p, len }) }
    }

    fn bytes(&mut self) -> &mut [u8] {
        // SAFETY: a live block of `len` bytes, ours alone.
        unsafe { core::slice::from_raw_parts_mut(self.p, self.len) }
    }
}

impl Drop for Block {
    fn drop(&mut self) {
        // SAFETY: our live block.
        unsafe { crate::alloc::deallocate(self.p) };
    }
}

/// What [`render`] makes: the body text in a block, the zeros that follow it, and for `%e`
/// the exponent.
pub struct Rendered {
    block: Block,
    pub zeros: usize,
    pub exponent: Option<i64>,
}

impl Rendered {
    pub fn body(&mut self) -> &[u8] {
        self.block.bytes()
    }
}

/// `%e` (`scientific`) or `%f` text of the finite, nonzero `v` (sign excluded) with
/// `precision`.
#[inline(never)]
pub fn render(v: LongDouble, precision: usize, scientific: bool, alt: bool) -> Result<Rendered, Errno> {
    let (d, k) = exact(v)?;
    let total = d.digits();
    // The power of ten of the leading digit.
    let lead = total as i64 - 1 - k;
    let point = precision > 0 || alt;
    if scientific {
        let wanted = precision + 1;
        let keep = wanted.min(total);
        let mut digits = Block::new(keep + 1)?;
        let carried = round(&d, total, keep, digits.bytes());
        let mut block = Block::new(keep + point as usize)?;
        let (dst, src) = (block.bytes(), digits.bytes());
        if let (Some(first), Some(&d0)) = (dst.first_mut(), src.first()) {
            *first = d0;
        }
        if point {
            if let Some(p) = dst.get_mut(1) {
                *p = b'.';
            }
            if let (Some(dst), Some(src)) = (dst.get_mut(2..), src.get(1..keep)) {
                dst.copy_from_slice(src);
            }
        }
        return Ok(Rendered { block, zeros: wanted - keep, exponent: Some(lead + carried as i64) });
    }
    // %f: the digits down to 10^-precision are `keep_signed` significant digits of D.
    let keep_signed = lead + 1 + precision as i64;
    let keep = keep_signed.clamp(0, total as i64) as usize;
    let mut digits = Block::new(keep + 1)?;
    let carried = keep_signed >= 0 && round(&d, total, keep, digits.bytes());
    let sig_len = if carried { keep.max(1) } else if keep_signed < 0 { 0 } else { keep };
    let top = lead + carried as i64;
    // The power of ten of the last significant digit, and how many fraction digits are
    // significant (the rest are zeros).
    let low = top - sig_len as i64 + 1;
    let written = if sig_len == 0 { 0 } else { (-low).clamp(0, precision as i64) as usize };
    let int_len = if sig_len == 0 || top < 0 { 1 } else { top as usize + 1 };
    let mut block = Block::new(int_len + point as usize + written)?;
    let sig = digits.bytes().get(..sig_len).unwrap_or_default();
    let digit_at = |pos: i64| -> u8 {
        let i = top - pos;
        if (0..sig_len as i64).contains(&i) { sig.get(i as usize).copied().unwrap_or(b'0') } else { b'0' }
    };
    let dst = block.bytes();
    let positions = (0..int_len as i64).rev().chain((1..=written as i64).map(|j| -j));
    let mut at = 0;
    for pos in positions {
        if pos == -1 && point {
            if let Some(s) = dst.get_mut(at) {
                *s = b'.';
            }
            at += 1;
        }
        if let Some(s) = dst.get_mut(at) {
            *s = if sig_len == 0 { b'0' } else { digit_at(pos) };
        }
        at += 1;
    }
    if point
        && written == 0
        && let Some(s) = dst.get_mut(at)
    {
        *s = b'.';
    }
    Ok(Rendered { block, zeros: precision - written, exponent: None })
}
