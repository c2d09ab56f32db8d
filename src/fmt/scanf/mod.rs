//! The scanf engine: reads input from a [`Source`] as a format directs and stores what it
//! converts through the pointers in a `va_list`.
//!
//! Directives: white space (skips any white space, none included), ordinary bytes (must
//! match), and `%[n$][*][width][m][length]conversion` with the conversions
//! `d i o u x X f F e E g G a A s c [ ] p n %`, the length modifiers `hh h l ll q j z Z t L`,
//! `*` (convert, do not store), `m` (GNU/POSIX: allocate the string with `malloc` and store
//! its address), and numbered arguments. The result is the number of values stored, or
//! `EOF` (-1) when the input ended before anything was stored, as glibc reckons it (an input
//! failure after only suppressed conversions is `EOF` too).
//!
//! Numbers are converted as `strtol`/`strtoul` (clamped to 64 bits, then cut to the
//! modifier's size, as glibc) and `strtod`/`strtof`/`strtold` (on the longest prefix that can
//! still begin a number: `100ergs` reads 100 and consumes the `e`, as glibc). Wide forms
//! (`%ls`, `%lc`, `%l[`) convert bytes as the C locale does: ASCII only, `EILSEQ` beyond.

mod number;
mod set;

use crate::arch::VaList;
use crate::fmt::sink::Growing;
use crate::fmt::Sink;
use crate::stdlib::is_space;
use rustix::io::Errno;

/// Where scanf reads from: a string, or a stream with one byte of look-ahead.
pub trait Source {
    /// The next byte, without consuming it; `None` at the end of input (or a read error,
    /// which the stream records).
    fn peek(&mut self) -> Option<u8>;
    /// Consumes the byte `peek` returned.
    fn advance(&mut self);
}

/// A NUL-terminated string as a source (`sscanf`).
pub struct Bytes<'a> {
    rest: &'a [u8],
}

impl<'a> Bytes<'a> {
    pub fn new(s: &'a [u8]) -> Bytes<'a> {
        Bytes { rest: s }
    }
}

impl Source for Bytes<'_> {
    #[inline]
    fn peek(&mut self) -> Option<u8> {
        self.rest.first().copied()
    }

    #[inline]
    fn advance(&mut self) {
        self.rest = self.rest.get(1..).unwrap_or_default();
    }
}

/// The source and how many bytes have been consumed (for `%n`).
pub struct Input<'a> {
    source: &'a mut dyn Source,
    consumed: usize,
}

impl Input<'_> {
    fn peek(&mut self) -> Option<u8> {
        self.source.peek()
    }

    fn advance(&mut self) {
        self.source.advance();
        self.consumed += 1;
    }

    /// Consumes white space.
    fn skip_space(&mut self) {
        while self.peek().is_some_and(is_space) {
            self.advance();
        }
    }
}

/// How a conversion ended when it did not succeed.
enum Stop {
    /// The input ended (or failed): `EOF` if nothing was stored yet.
    Input,
    /// The input did not match: the count so far.
    Mismatch,
    /// An error to report with `errno` (allocation, a bad format, a wide character).
    Error(Errno),
}

impl From<Errno> for Stop {
    fn from(e: Errno) -> Stop {
        Stop::Error(e)
    }
}

/// The most numbered arguments a format may use.
const MAX_POSITIONS: usize = 128;

/// Where the pointers come from: the `va_list` in order, or a table for numbered ones.
enum Targets<'a, 'v> {
    Next(&'a mut VaList<'v>),
    Table(&'a [u64; MAX_POSITIONS]),
}

impl Targets<'_, '_> {
    fn pointer(&mut self, position: Option<usize>) -> Result<*mut u8, Stop> {
        let raw = match (self, position) {
            (Targets::Next(va), _) => va.next_u64(),
            (Targets::Table(t), Some(p)) => *t.get(p.wrapping_sub(1)).ok_or(Stop::Error(Errno::INVAL))?,
            (Targets::Table(_), None) => return Err(Stop::Error(Errno::INVAL)),
        };
        let p = raw as usize as *mut u8;
        if p.is_null() { Err(Stop::Error(Errno::INVAL)) } else { Ok(p) }
    }
}

/// A length modifier.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Size {
    Char,
    Short,
    Int,
    Long,
    Wide,
    LongDouble,
}

/// One parsed `%` specification.
struct Spec {
    position: Option<usize>,
    suppress: bool,
    width: Option<usize>,
    allocate: bool,
    size: Size,
    conversion: u8,
}

/// Parses the specification after the `%` at `fmt[at - 1]`; returns it and the index after.
fn parse(fmt: &[u8], mut at: usize) -> Result<(Spec, usize), Errno> {
    let number = |at: &mut usize| {
        let mut n: usize = 0;
        while let Some(&d @ b'0'..=b'9') = fmt.get(*at) {
            n = n.saturating_mul(10).saturating_add((d - b'0') as usize);
            *at += 1;
        }
        n
    };
    let mut position = None;
    if matches!(fmt.get(at), Some(b'1'..=b'9')) {
        let mut i = at;
        let n = number(&mut i);
        if fmt.get(i) == Some(&b'$') {
            position = Some(n);
            at = i + 1;
        }
    }
    let suppress = fmt.get(at) == Some(&b'*');
    if suppress {
        at += 1;
    }
    let width = matches!(fmt.get(at), Some(b'1'..=b'9')).then(|| number(&mut at));
    let allocate = fmt.get(at) == Some(&b'm');
    if allocate {
        at += 1;
    }
    let (size, len) = match (fmt.get(at), fmt.get(at + 1)) {
        (Some(b'h'), Some(b'h')) => (Size::Char, 2),
        (Some(b'h'), _) => (Size::Short, 1),
        (Some(b'l'), Some(b'l')) => (Size::Wide, 2),
        (Some(b'l'), _) => (Size::Long, 1),
        (Some(b'q' | b'j' | b'z' | b'Z' | b't'), _) => (Size::Wide, 1),
        (Some(b'L'), _) => (Size::LongDouble, 1),
        _ => (Size::Int, 0),
    };
    at += len;
    let conversion = *fmt.get(at).ok_or(Errno::INVAL)?;
    Ok((Spec { position, suppress, width, allocate, size, conversion }, at + 1))
}

/// Reads the numbered pointers of `fmt` from `va` into a table.
fn read_table(fmt: &[u8], va: &mut VaList<'_>) -> Result<[u64; MAX_POSITIONS], Errno> {
    let mut highest = 0;
    let mut at = 0;
    while let Some(i) = memchr::memchr(b'%', fmt.get(at..).unwrap_or_default()) {
        let (spec, next) = parse(fmt, at + i + 1)?;
        at = next;
        if spec.conversion == b'%' || spec.suppress {
            continue;
        }
        let p = spec.position.ok_or(Errno::INVAL)?;
        if p > MAX_POSITIONS {
            return Err(Errno::INVAL);
        }
        highest = highest.max(p);
        if spec.conversion == b'[' {
            at = set::Set::parse(fmt, at)?.1;
        }
    }
    let mut table = [0; MAX_POSITIONS];
    for slot in table.iter_mut().take(highest) {
        *slot = va.next_u64();
    }
    Ok(table)
}

/// Scans `source` as `fmt` says, storing through the pointers in `va`: the number of values
/// stored, or -1 (`EOF`) for an input failure before any.
pub fn scan(source: &mut dyn Source, fmt: &[u8], va: &mut VaList<'_>) -> Result<i32, Errno> {
    let mut input = Input { source, consumed: 0 };
    // Numbered arguments are recognised by the first specification.
    let numbered = memchr::memchr(b'%', fmt)
        .and_then(|i| parse(fmt, i + 1).ok())
        .is_some_and(|(s, _)| s.position.is_some());
    let table;
    let mut targets = if numbered {
        table = read_table(fmt, va)?;
        Targets::Table(&table)
    } else {
        Targets::Next(va)
    };
    let mut stored = 0;
    match run(&mut input, fmt, &mut targets, &mut stored) {
        Ok(()) | Err(Stop::Mismatch) => Ok(stored),
        Err(Stop::Input) => Ok(if stored == 0 { -1 } else { stored }),
        Err(Stop::Error(e)) => Err(e),
    }
}

fn run(input: &mut Input<'_>, fmt: &[u8], targets: &mut Targets<'_, '_>, stored: &mut i32) -> Result<(), Stop> {
    let mut at = 0;
    while let Some(&b) = fmt.get(at) {
        at += 1;
        if is_space(b) {
            input.skip_space();
            continue;
        }
        if b != b'%' {
            match input.peek() {
                None => return Err(Stop::Input),
                Some(c) if c == b => input.advance(),
                Some(_) => return Err(Stop::Mismatch),
            }
            continue;
        }
        let (spec, next) = parse(fmt, at)?;
        at = next;
        if spec.conversion == b'%' {
            input.skip_space();
            match input.peek() {
                None => return Err(Stop::Input),
                Some(b'%') => input.advance(),
                Some(_) => return Err(Stop::Mismatch),
            }
            continue;
        }
        if spec.conversion == b'n' {
            if !spec.suppress {
                let p = targets.pointer(spec.position)?;
                store_int(p, spec.size, input.consumed as u64);
            }
            continue;
        }
        if !matches!(spec.conversion, b'c' | b'[') {
            input.skip_space();
        }
        if input.peek().is_none() {
            return Err(Stop::Input);
        }
        let set = if spec.conversion == b'[' {
            let (set, end) = set::Set::parse(fmt, at)?;
            at = end;
            Some(set)
        } else {
            None
        };
        if convert(input, &spec, set.as_ref(), targets)? {
            *stored += 1;
        }
    }
    Ok(())
}

/// Stores an integer through `p` in the modifier's size.
fn store_int(p: *mut u8, size: Size, v: u64) {
    // SAFETY: C's contract for scanf: the pointer is to an object of the modifier's type.
    unsafe {
        match size {
            Size::Char => p.write(v as u8),
            Size::Short => p.cast::<u16>().write_unaligned(v as u16),
            Size::Int => p.cast::<u32>().write_unaligned(v as u32),
            _ => p.cast::<u64>().write_unaligned(v),
        }
    }
}

/// Runs one conversion; whether it stored a value.
fn convert(input: &mut Input<'_>, spec: &Spec, set: Option<&set::Set>, targets: &mut Targets<'_, '_>) -> Result<bool, Stop> {
    let width = spec.width.unwrap_or(usize::MAX);
    match spec.conversion {
        b'd' | b'i' | b'o' | b'u' | b'x' | b'X' | b'p' => {
            let base = match spec.conversion {
                b'd' | b'u' => 10,
                b'i' => 0,
                b'o' => 8,
                _ => 16,
            };
            let v = number::integer(input, width, base, spec.conversion == b'd' || spec.conversion == b'i')?;
            if spec.suppress {
                return Ok(false);
            }
            let size = if spec.conversion == b'p' { Size::Long } else { spec.size };
            store_int(targets.pointer(spec.position)?, size, v);
            Ok(true)
        }
        b'f' | b'F' | b'e' | b'E' | b'g' | b'G' | b'a' | b'A' => {
            let mut text = crate::fmt::text::TextBuf::<1024>::new();
            number::float_text(input, width, &mut text)?;
            if spec.suppress {
                return Ok(false);
            }
            number::store_float(targets.pointer(spec.position)?, spec.size, text.bytes())?;
            Ok(true)
        }
        b's' | b'c' | b'[' | b'S' | b'C' => {
            let wide = spec.size == Size::Long || matches!(spec.conversion, b'S' | b'C');
            let width = if matches!(spec.conversion, b'c' | b'C') { spec.width.unwrap_or(1) } else { width };
            let accept = |b: u8| match spec.conversion {
                b'c' | b'C' => true,
                b'[' => set.is_some_and(|s| s.contains(b)),
                _ => !is_space(b),
            };
            let terminate = !matches!(spec.conversion, b'c' | b'C');
            if spec.suppress {
                let mut n = 0;
                while n < width && input.peek().is_some_and(accept) {
                    input.advance();
                    n += 1;
                }
                return if n == 0 { Err(Stop::Mismatch) } else { Ok(false) };
            }
            let dest = targets.pointer(spec.position)?;
            let mut out = Chars::new(dest, spec.allocate, wide);
            let mut n = 0;
            while n < width {
                match input.peek() {
                    Some(b) if accept(b) => {
                        out.push(b)?;
                        input.advance();
                        n += 1;
                    }
                    _ => break,
                }
            }
            if n == 0 {
                return Err(Stop::Mismatch);
            }
            out.finish(terminate)?;
            Ok(true)
        }
        _ => Err(Stop::Mismatch),
    }
}

/// Where the characters of `%s %c %[` go: the caller's array, or (`%m`) a new block whose
/// address is stored in the caller's pointer; bytes, or (`%l`) `wchar_t`s.
struct Chars {
    dest: *mut u8,
    grown: Option<Growing>,
    wide: bool,
    count: usize,
}

impl Chars {
    fn new(dest: *mut u8, allocate: bool, wide: bool) -> Chars {
        Chars { dest, grown: allocate.then(Growing::new), wide, count: 0 }
    }

    fn push(&mut self, b: u8) -> Result<(), Errno> {
        if self.wide && b >= 0x80 {
            return Err(Errno::ILSEQ);
        }
        let wide = (b as u32).to_ne_bytes();
        let bytes: &[u8] = if self.wide { &wide } else { core::slice::from_ref(&b) };
        match &mut self.grown {
            Some(g) => g.write(bytes)?,
            None => {
                // SAFETY: C's contract: the array has room for what the width allows.
                unsafe { core::ptr::copy_nonoverlapping(bytes.as_ptr(), self.dest.add(self.count * bytes.len()), bytes.len()) };
            }
        }
        self.count += 1;
        Ok(())
    }

    /// Adds the terminator (for `%s %[`) and, for `%m`, stores the block's address.
    fn finish(self, terminate: bool) -> Result<(), Errno> {
        let unit = if self.wide { 4 } else { 1 };
        match self.grown {
            Some(mut g) => {
                if terminate && self.wide {
                    g.write(&[0; 3])?;
                }
                let block = g.finish()?;
                // SAFETY: C's contract for `%m`: the argument points at a `char *`.
                unsafe { self.dest.cast::<*mut u8>().write_unaligned(block) };
            }
            None if terminate => {
                // SAFETY: C's contract: room for the terminator after the characters.
                unsafe { core::ptr::write_bytes(self.dest.add(self.count * unit), 0, unit) };
            }
            None => {}
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests;
