//! The printf engine: a format string and its arguments, written to a [`Sink`].
//!
//! [`format`] walks the format, copying text and converting each `%` specification (parsed
//! by `spec`) with its argument (read by `args`, from the C caller's `va_list`). It
//! supports every C99 conversion (`d i o u x X c s p n % f F e E g G a A`), glibc's `m`, `C`,
//! `S`, all flags (`-+ #0'`), widths and precisions (`*`, `*m$`), the length modifiers
//! `hh h l ll q j z Z t L`, and numbered arguments (`%1$d`). Unknown conversions are echoed, as
//! glibc does. The result is the number of bytes the conversion produced, whatever the sink
//! kept; errors are those of glibc: `EINVAL` for a format that ends inside a specification,
//! `EOVERFLOW` for a width or precision beyond `INT_MAX`, `EILSEQ` for a wide character the
//! locale cannot encode, and any error of the sink.

mod args;
mod float;
mod int;
mod long_double;
pub mod spec;
pub mod strfrom;
mod text;

use crate::arch::VaList;
use crate::fmt::Sink;
use args::{Allocated, Args, ON_STACK, Slot};
use core::ffi::c_int;
use rustix::io::Errno;
use spec::{Count, Length, Spec};

/// The sink and how many bytes the conversion has produced so far.
pub struct Out<'a> {
    sink: &'a mut dyn Sink,
    count: usize,
}

impl Out<'_> {
    #[inline]
    fn put(&mut self, bytes: &[u8]) -> Result<(), Errno> {
        if bytes.is_empty() {
            return Ok(());
        }
        self.count += bytes.len();
        self.sink.write(bytes)
    }

    fn fill(&mut self, byte: u8, count: usize) -> Result<(), Errno> {
        if count == 0 {
            return Ok(());
        }
        self.count += count;
        self.sink.fill(byte, count)
    }
}

/// Formats `fmt` with the arguments in `va` into `sink`; returns the length of the whole
/// output. `errno` is the value `%m` describes (the caller's `errno` on entry).
pub fn format(sink: &mut dyn Sink, fmt: &[u8], va: &mut VaList<'_>, errno: c_int) -> Result<usize, Errno> {
    let mut out = Out { sink, count: 0 };
    match run(&mut out, fmt, 0, &mut Args::Next(va), errno)? {
        None => Ok(out.count),
        Some(at) => positional(&mut out, fmt, at, va, errno),
    }
}

/// glibc's rule for the fortified printf functions at `_FORTIFY_SOURCE=2`: a format that
/// stores a count (`%n`) must lie in the program's read-only image (see
/// [`crate::fmt::readonly`]), else the process dies with glibc's message and SIGABRT.
/// `fmt` is the format without its terminator, which must follow it. glibc checks when it
/// reaches the `%n`; this looks ahead instead, so a format in the image costs one walk of
/// the segment headers and only a writable one is parsed.
pub fn refuse_writable_count(fmt: &[u8]) {
    if crate::fmt::readonly::is_read_only(fmt.as_ptr() as usize, fmt.len() + 1) || !stores_count(fmt) {
        return;
    }
    crate::io::diag::write_stderr(&[b"*** %n in writable segment detected ***\n"]);
    crate::exit::abort::abort()
}

/// Whether formatting `fmt` reaches a `%n` (before any error in the format).
fn stores_count(fmt: &[u8]) -> bool {
    let mut at = 0;
    while let Some(i) = memchr::memchr(b'%', fmt.get(at..).unwrap_or_default()) {
        let Ok((spec, next)) = spec::parse(fmt, at + i + 1) else { return false };
        if spec.conversion == b'n' {
            return true;
        }
        at = next;
    }
    false
}

/// Continues at the specification at `fmt[at]`, the first with a numbered argument, with the
/// arguments read into a table first.
#[inline(never)]
fn positional(out: &mut Out<'_>, fmt: &[u8], at: usize, va: &mut VaList<'_>, errno: c_int) -> Result<usize, Errno> {
    let n = args::positions(fmt, at)?;
    let mut small = [Slot::EMPTY; ON_STACK];
    let mut large = None;
    let table = match small.get_mut(..n) {
        Some(t) => t,
        None => large.insert(Allocated::new(n)?).slots(),
    };
    args::read_table(fmt, at, va, table)?;
    run(out, fmt, at, &mut Args::Table(table), errno)?;
    Ok(out.count)
}

/// Whether `spec` numbers any of its arguments.
fn numbered(spec: &Spec) -> bool {
    spec.position.is_some() || matches!(spec.width, Count::Arg(Some(_))) || matches!(spec.precision, Count::Arg(Some(_)))
}

/// Formats from `fmt[at]` to the end; with sequential arguments, stops at the first
/// numbered specification and returns its index (for [`positional`]).
fn run(out: &mut Out<'_>, fmt: &[u8], mut at: usize, args: &mut Args<'_, '_>, errno: c_int) -> Result<Option<usize>, Errno> {
    let sequential = matches!(args, Args::Next(_));
    loop {
        let rest = fmt.get(at..).unwrap_or_default();
        let Some(i) = next_percent(rest) else {
            out.put(rest)?;
            return Ok(None);
        };
        out.put(rest.get(..i).unwrap_or_default())?;
        let percent = at + i;
        // The most common specification, plain `%d`, without the general parse.
        if sequential && fmt.get(percent + 1) == Some(&b'd') {
            int::signed(out, 0, 0, None, args.int(None)? as i32 as i64)?;
            at = percent + 2;
            continue;
        }
        let (spec, next) = spec::parse(fmt, percent + 1)?;
        if sequential && numbered(&spec) {
            return Ok(Some(percent));
        }
        convert(out, &spec, args, errno)?;
        at = next;
    }
}

/// The index of the first `%` in `text`. Literal runs between specifications are mostly a
/// few bytes, which a byte loop finds sooner than a vector search gets going.
#[inline]
fn next_percent(text: &[u8]) -> Option<usize> {
    const SHORT: usize = 16;
    if let Some(i) = text.iter().take(SHORT).position(|&b| b == b'%') {
        return Some(i);
    }
    memchr::memchr(b'%', text.get(SHORT..)?).map(|i| i + SHORT)
}

/// A `*` width or precision argument.
fn star(args: &mut Args<'_, '_>, position: Option<usize>) -> Result<i32, Errno> {
    Ok(args.int(position)? as i32)
}

/// Converts one specification.
fn convert(out: &mut Out<'_>, spec: &Spec, args: &mut Args<'_, '_>, errno: c_int) -> Result<(), Errno> {
    let mut flags = spec.flags;
    let width = match spec.width {
        Count::None => 0,
        Count::Fixed(n) => n,
        Count::Arg(p) => {
            let w = star(args, p)?;
            if w < 0 {
                flags |= spec::LEFT;
            }
            w.unsigned_abs() as usize
        }
    };
    if width > spec::MAX_COUNT {
        return Err(Errno::OVERFLOW);
    }
    let precision = match spec.precision {
        Count::None => None,
        Count::Fixed(n) => Some(n),
        // A negative precision argument counts as none given.
        Count::Arg(p) => usize::try_from(star(args, p)?).ok(),
    };
    let pos = spec.position;
    match spec.conversion {
        b'd' | b'i' => {
            let raw = args.int(pos)?;
            let v = match spec.length {
                Length::Char => raw as i8 as i64,
                Length::Short => raw as i16 as i64,
                Length::Int => raw as i32 as i64,
                _ => raw as i64,
            };
            int::signed(out, flags, width, precision, v)
        }
        b'o' | b'u' | b'x' | b'X' => {
            let raw = args.int(pos)?;
            let v = match spec.length {
                Length::Char => raw as u8 as u64,
                Length::Short => raw as u16 as u64,
                Length::Int => raw as u32 as u64,
                _ => raw,
            };
            int::unsigned(out, flags, width, precision, v, spec.conversion)
        }
        b'c' if spec.length == Length::Long => text::wide_char(out, flags, width, args.int(pos)? as u32),
        b'C' => text::wide_char(out, flags, width, args.int(pos)? as u32),
        b'c' => text::char(out, flags, width, args.int(pos)? as u8),
        b's' if spec.length == Length::Long => wide_string(out, flags, width, precision, args.int(pos)?),
        b'S' => wide_string(out, flags, width, precision, args.int(pos)?),
        b's' => {
            let s = args.int(pos)? as usize as *const core::ffi::c_char;
            // SAFETY: C's contract for `%s`: a string, readable to its NUL or the precision.
            unsafe { text::string(out, flags, width, precision, s) }
        }
        b'p' => int::pointer(out, flags, width, precision, args.int(pos)?),
        b'n' => store_count(out.count, spec.length, args.int(pos)?),
        b'm' => errno_message(out, flags, width, precision, errno),
        b'%' => out.put(b"%"),
        b'f' | b'F' | b'e' | b'E' | b'g' | b'G' if spec.length == Length::LongDouble => {
            let (significand, top) = args.long_double(pos)?;
            float::long_decimal(out, flags, width, precision, spec.conversion, float::LongDouble { significand, top })
        }
        b'f' | b'F' | b'e' | b'E' | b'g' | b'G' => float::decimal(out, flags, width, precision, spec.conversion, args.double(pos)?),
        b'a' | b'A' => {
            let upper = spec.conversion == b'A';
            if spec.length == Length::LongDouble {
                let (significand, top) = args.long_double(pos)?;
                float::hex_long_double(out, flags, width, precision, upper, float::LongDouble { significand, top })
            } else {
                float::hex_double(out, flags, width, precision, upper, args.double(pos)?)
            }
        }
        _ => unknown(out, spec, flags, width, precision),
    }
}

/// `%ls` of the pointer in `raw`.
fn wide_string(out: &mut Out<'_>, flags: u8, width: usize, precision: Option<usize>, raw: u64) -> Result<(), Errno> {
    // SAFETY: C's contract for `%ls`: a wide string, readable to its NUL or as far as the
    // precision reaches.
    unsafe { text::wide_string(out, flags, width, precision, raw as usize as *const i32) }
}

/// `%n`: stores the count so far through the pointer in `raw`, in the modifier's size.
fn store_count(count: usize, length: Length, raw: u64) -> Result<(), Errno> {
    let p = raw as usize as *mut u8;
    if p.is_null() {
        return Err(Errno::INVAL);
    }
    // SAFETY: C's contract for `%n`: a pointer to an object of the modifier's type (glibc
    // crashes on null; we refuse it above).
    unsafe {
        match length {
            Length::Char => p.cast::<i8>().write_unaligned(count as i8),
            Length::Short => p.cast::<i16>().write_unaligned(count as i16),
            Length::Int => p.cast::<i32>().write_unaligned(count as i32),
            _ => p.cast::<i64>().write_unaligned(count as i64),
        }
    }
    Ok(())
}

/// `%m`: the text of `errno` (what `strerror` says), as `%s` prints a string.
fn errno_message(out: &mut Out<'_>, flags: u8, width: usize, precision: Option<usize>, errno: c_int) -> Result<(), Errno> {
    let unknown;
    let text = match crate::string::message::error_message(errno) {
        // The table's texts carry their NUL terminator.
        Some(m) => m.strip_suffix(b"\0").unwrap_or(m),
        None => {
            unknown = crate::string::message::unknown_error(errno);
            unknown.as_bytes()
        }
    };
    let text = text.get(..precision.unwrap_or(usize::MAX).min(text.len())).unwrap_or_default();
    text::padded(out, flags, width, text)
}

/// An unknown conversion: glibc echoes the specification, flags and numbers normalised.
fn unknown(out: &mut Out<'_>, spec: &Spec, flags: u8, width: usize, precision: Option<usize>) -> Result<(), Errno> {
    out.put(b"%")?;
    for (flag, c) in [(spec::ALT, b'#'), (spec::GROUP, b'\''), (spec::LEFT, b'-')] {
        if flags & flag != 0 {
            out.put(&[c])?;
        }
    }
    if flags & spec::PLUS != 0 {
        out.put(b"+")?;
    } else if flags & spec::SPACE_SIGN != 0 {
        out.put(b" ")?;
    }
    if flags & spec::ZERO_PAD != 0 && flags & spec::LEFT == 0 {
        out.put(b"0")?;
    }
    let mut digits = [0; int::DIGITS];
    if width != 0 {
        let start = int::decimal(width as u64, &mut digits);
        out.put(digits.get(start..).unwrap_or_default())?;
    }
    if let Some(p) = precision {
        out.put(b".")?;
        let start = int::decimal(p as u64, &mut digits);
        out.put(digits.get(start..).unwrap_or_default())?;
    }
    out.put(&[spec.conversion])
}

#[cfg(test)]
mod tests;
