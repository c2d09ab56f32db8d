//! Where conversion arguments come from: the `va_list` in order, or, when the format numbers
//! its arguments (`%2$d`, `*3$`), a table read from the `va_list` before formatting starts.
//!
//! C passes no types, so the table is built from the format: every specification names the
//! type of the argument at its position; the arguments are then read in position order, each
//! with its type. Positions the format never names are read as integers (C leaves such
//! formats undefined). At most [`MAX_POSITIONS`] positions (glibc allows 4096).

use super::spec::{self, Count, Length, Spec};
use crate::arch::VaList;
use rustix::io::Errno;

/// The most numbered arguments a format may use; more is `EINVAL`.
pub const MAX_POSITIONS: usize = 128;

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

/// Records that position `p` holds `kind`.
fn note(kinds: &mut [Option<Kind>; MAX_POSITIONS], highest: &mut usize, p: usize, kind: Kind) -> Result<(), Errno> {
    *kinds.get_mut(p.wrapping_sub(1)).ok_or(Errno::INVAL)? = Some(kind);
    *highest = (*highest).max(p);
    Ok(())
}

/// Reads into `table` the arguments that the specifications of `fmt` from byte `from` on
/// name by position; returns how many positions there are.
pub fn read_table(fmt: &[u8], from: usize, va: &mut VaList<'_>, table: &mut [Slot; MAX_POSITIONS]) -> Result<usize, Errno> {
    let mut kinds = [None; MAX_POSITIONS];
    let mut highest = 0;
    let mut at = from;
    while let Some(i) = memchr::memchr(b'%', fmt.get(at..).unwrap_or_default()) {
        let (spec, next) = spec::parse(fmt, at + i + 1)?;
        at = next;
        for count in [spec.width, spec.precision] {
            if let Count::Arg(p) = count {
                note(&mut kinds, &mut highest, p.ok_or(Errno::INVAL)?, Kind::Int)?;
            }
        }
        if let Some(kind) = kind_of(&spec) {
            note(&mut kinds, &mut highest, spec.position.ok_or(Errno::INVAL)?, kind)?;
        }
    }
    for (slot, kind) in table.iter_mut().zip(kinds).take(highest) {
        *slot = match kind.unwrap_or(Kind::Int) {
            Kind::Int => Slot { low: va.next_u64(), high: 0 },
            Kind::Double => Slot { low: va.next_f64().to_bits(), high: 0 },
            Kind::LongDouble => {
                let (low, high) = va.next_f80();
                Slot { low, high }
            }
        };
    }
    Ok(highest)
}

impl Slot {
    pub const EMPTY: Slot = Slot { low: 0, high: 0 };
}
