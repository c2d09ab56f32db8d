//! Where conversion arguments come from: the `va_list` in order, or, when the format numbers
//! its arguments (`%2$d`, `*3$`), a table read from the `va_list` before formatting starts.
//!
//! C passes no types, so the table is built from the format: every specification names the
//! type of the argument at its position; the arguments are then read in position order, each
//! with its type. Positions the format never names are read as integers (C leaves such
//! formats undefined). At most [`MAX_POSITIONS`] positions, glibc's `NL_ARGMAX`; a table of
//! up to [`ON_STACK`] lives on the stack of the (out-of-line) positional path, a larger one
//! is allocated.

use super::spec::{self, Count, Length, Spec};
use crate::arch::VaList;
use rustix::io::Errno;

/// The most numbered arguments a format may use (glibc's `NL_ARGMAX`); more is `EINVAL`.
pub const MAX_POSITIONS: usize = 4096;
/// Tables of up to this many positions are kept on the stack (1 KiB).
pub const ON_STACK: usize = 64;

/// What C type an argument position holds.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Integer class: integers, pointers, `wint_t`. Also positions no specification names.
    Int,
    /// `double`.
    Double,
    /// `long double`.
    LongDouble,
}

/// One argument, as read from its `va_list` slot.
#[derive(Clone, Copy)]
pub struct Slot {
    /// The integer, the double's bits, or the long double's significand.
    low: u64,
    /// The long double's sign and exponent.
    high: u16,
    /// The type the format gives the position (before it is read).
    kind: Kind,
}

/// The arguments of one formatting call.
pub enum Args<'a, 'v> {
    /// Each conversion takes the next argument.
    Next(&'a mut VaList<'v>),
    /// Conversions name their argument by position (1-based).
    Table(&'a [Slot]),
}

impl Args<'_, '_> {
    fn slot(table: &[Slot], position: Option<usize>) -> Result<Slot, Errno> {
        // A specification without a position among numbered ones: glibc leaves it
        // undefined; refuse it rather than guess.
        let p = position.ok_or(Errno::INVAL)?;
        table.get(p.wrapping_sub(1)).copied().ok_or(Errno::INVAL)
    }

    /// An integer-class argument, as its 64-bit slot.
    #[inline]
    pub fn int(&mut self, position: Option<usize>) -> Result<u64, Errno> {
        match self {
            Args::Next(va) => Ok(va.next_u64()),
            Args::Table(t) => Ok(Self::slot(t, position)?.low),
        }
    }

    /// A `double` argument.
    pub fn double(&mut self, position: Option<usize>) -> Result<f64, Errno> {
        match self {
            Args::Next(va) => Ok(va.next_f64()),
            Args::Table(t) => Ok(f64::from_bits(Self::slot(t, position)?.low)),
        }
    }

    /// A `long double` argument: significand, then sign and exponent.
    pub fn long_double(&mut self, position: Option<usize>) -> Result<(u64, u16), Errno> {
        match self {
            Args::Next(va) => Ok(va.next_f80()),
            Args::Table(t) => {
                let s = Self::slot(t, position)?;
                Ok((s.low, s.high))
            }
        }
    }
}

/// The kind of the argument a conversion consumes, if it consumes one.
fn kind_of(spec: &Spec) -> Option<Kind> {
    match spec.conversion {
        b'd' | b'i' | b'o' | b'u' | b'x' | b'X' | b'c' | b'C' | b's' | b'S' | b'p' | b'n' => Some(Kind::Int),
        b'f' | b'F' | b'e' | b'E' | b'g' | b'G' | b'a' | b'A' if spec.length == Length::LongDouble => Some(Kind::LongDouble),
        b'f' | b'F' | b'e' | b'E' | b'g' | b'G' | b'a' | b'A' => Some(Kind::Double),
        _ => None,
    }
}

/// Calls `each(position, kind)` for every argument the specifications of `fmt` from byte
/// `from` on name by position (`EINVAL` for one that names none).
fn named(fmt: &[u8], from: usize, mut each: impl FnMut(usize, Kind) -> Result<(), Errno>) -> Result<(), Errno> {
    let mut at = from;
    while let Some(i) = memchr::memchr(b'%', fmt.get(at..).unwrap_or_default()) {
        let (spec, next) = spec::parse(fmt, at + i + 1)?;
        at = next;
        for count in [spec.width, spec.precision] {
            if let Count::Arg(p) = count {
                each(p.ok_or(Errno::INVAL)?, Kind::Int)?;
            }
        }
        if let Some(kind) = kind_of(&spec) {
            each(spec.position.ok_or(Errno::INVAL)?, kind)?;
        }
    }
    Ok(())
}

/// The highest position the specifications of `fmt` from byte `from` on name: the size of
/// the table; `EINVAL` beyond [`MAX_POSITIONS`].
pub fn positions(fmt: &[u8], from: usize) -> Result<usize, Errno> {
    let mut highest = 0;
    named(fmt, from, |p, _| {
        if p == 0 || p > MAX_POSITIONS {
            return Err(Errno::INVAL);
        }
        highest = highest.max(p);
        Ok(())
    })?;
    Ok(highest)
}

/// Reads into `table` (as long as [`positions`] says) the arguments that the
/// specifications of `fmt` from byte `from` on name by position, each with its type.
pub fn read_table(fmt: &[u8], from: usize, va: &mut VaList<'_>, table: &mut [Slot]) -> Result<(), Errno> {
    table.fill(Slot::EMPTY);
    named(fmt, from, |p, kind| {
        table.get_mut(p.wrapping_sub(1)).ok_or(Errno::INVAL)?.kind = kind;
        Ok(())
    })?;
    for slot in table.iter_mut() {
        *slot = match slot.kind {
            Kind::Int => Slot { low: va.next_u64(), ..*slot },
            Kind::Double => Slot { low: va.next_f64().to_bits(), ..*slot },
            Kind::LongDouble => {
                let (low, high) = va.next_f80();
                Slot { low, high, ..*slot }
            }
        };
    }
    Ok(())
}

/// A table of more than [`ON_STACK`] positions, allocated; freed when dropped.
pub struct Allocated {
    slots: *mut Slot,
    len: usize,
}

impl Allocated {
    /// A table of `len <= MAX_POSITIONS` slots; `ENOMEM` without memory.
    pub fn new(len: usize) -> Result<Allocated, Errno> {
        let slots = crate::alloc::allocate(len * size_of::<Slot>()).cast::<Slot>();
        if slots.is_null() {
            return Err(Errno::NOMEM);
        }
        for i in 0..len {
            // SAFETY: the block holds `len` slots (malloc's alignment suits `Slot`).
            unsafe { slots.add(i).write(Slot::EMPTY) };
        }
        Ok(Allocated { slots, len })
    }

    pub fn slots(&mut self) -> &mut [Slot] {
        // SAFETY: `len` initialised slots, ours alone while `self` is borrowed.
        unsafe { core::slice::from_raw_parts_mut(self.slots, self.len) }
    }
}

impl Drop for Allocated {
    fn drop(&mut self) {
        // SAFETY: our live block.
        unsafe { crate::alloc::deallocate(self.slots.cast()) };
    }
}

impl Slot {
    pub const EMPTY: Slot = Slot { low: 0, high: 0, kind: Kind::Int };
}
