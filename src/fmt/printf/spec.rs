//! Parsing one conversion specification: `%[n$][flags][width][.precision][length]conversion`.

use rustix::io::Errno;

/// `-`: left-justify within the width.
pub const LEFT: u8 = 1;
/// `+`: always a sign for signed conversions.
pub const PLUS: u8 = 2;
/// ` `: a space where a `+` sign would go.
pub const SPACE_SIGN: u8 = 4;
/// `#`: the alternative form (`0x`, a leading `0`, a kept decimal point).
pub const ALT: u8 = 8;
/// `0`: pad with zeros after the sign or prefix.
pub const ZERO_PAD: u8 = 16;
/// `'`: group thousands; the C locale has no separator, so it changes nothing.
pub const GROUP: u8 = 32;

/// A width or precision as written.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Count {
    /// Not given.
    None,
    /// A number in the format.
    Fixed(usize),
    /// `*` (the next argument) or `*m$` (argument `m`), an `int`.
    Arg(Option<usize>),
}

/// A length modifier: the size of the argument.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Length {
    /// None: `int`, `unsigned`, `double`.
    Int,
    /// `hh`: `char`.
    Char,
    /// `h`: `short`.
    Short,
    /// `l`: `long`, `wint_t` for `%lc`, `wchar_t *` for `%ls`.
    Long,
    /// `ll`, `q`, `j`, `z`, `t` (and `L` on an integer conversion, as glibc): 64 bits.
    Wide,
    /// `L` on a floating conversion: `long double`.
    LongDouble,
}

/// One parsed conversion specification.
#[derive(Clone, Copy, Debug)]
pub struct Spec {
    /// `n$`: the argument's position (1-based), or `None` for the next argument.
    pub position: Option<usize>,
    pub flags: u8,
    pub width: Count,
    pub precision: Count,
    pub length: Length,
    /// The conversion character (`d`, `s`, ...), or whatever stood there if unknown.
    pub conversion: u8,
    /// Whether a length modifier was written (unknown conversions are echoed without it).
    pub has_length: bool,
}

/// The widest width or precision accepted; more is `EOVERFLOW`, as glibc.
pub const MAX_COUNT: usize = i32::MAX as usize;

/// A decimal number at `*at`, advancing past it: saturates beyond [`MAX_COUNT`].
fn number(fmt: &[u8], at: &mut usize) -> usize {
    let mut n: usize = 0;
    while let Some(&d) = fmt.get(*at) {
        if !d.is_ascii_digit() {
            break;
        }
        n = (n * 10 + (d - b'0') as usize).min(MAX_COUNT + 1);
        *at += 1;
    }
    n
}

/// `m$` after a number at `*at`: the position, advancing past it; otherwise `*at` stays.
fn position(fmt: &[u8], at: &mut usize) -> Result<Option<usize>, Errno> {
    let mut i = *at;
    if !matches!(fmt.get(i), Some(b'1'..=b'9')) {
        return Ok(None);
    }
    let n = number(fmt, &mut i);
    if fmt.get(i) != Some(&b'$') {
        return Ok(None);
    }
    if n > MAX_COUNT {
        return Err(Errno::OVERFLOW);
    }
    *at = i + 1;
    Ok(Some(n))
}

/// A width or precision at `*at`: digits, `*` or `*m$`.
fn count(fmt: &[u8], at: &mut usize) -> Result<Count, Errno> {
    if fmt.get(*at) == Some(&b'*') {
        *at += 1;
        return Ok(Count::Arg(position(fmt, at)?));
    }
    let n = number(fmt, at);
    if n > MAX_COUNT {
        return Err(Errno::OVERFLOW);
    }
    Ok(Count::Fixed(n))
}

/// Parses the specification that starts just after a `%` at `fmt[at]`; returns it and the
/// index just past it. A format that ends inside a specification is `EINVAL`, as glibc.
pub fn parse(fmt: &[u8], mut at: usize) -> Result<(Spec, usize), Errno> {
    // A bare conversion (`%s`, `%x`) needs none of what follows.
    if let Some(&c) = fmt.get(at)
        && c.is_ascii_alphabetic()
        && !matches!(c, b'h' | b'l' | b'q' | b'j' | b'z' | b'Z' | b't' | b'L')
    {
        let spec = Spec { position: None, flags: 0, width: Count::None, precision: Count::None, length: Length::Int, conversion: c, has_length: false };
        return Ok((spec, at + 1));
    }
    let pos = position(fmt, &mut at)?;
    let mut flags = 0;
    loop {
        let flag = match fmt.get(at) {
            Some(b'-') => LEFT,
            Some(b'+') => PLUS,
            Some(b' ') => SPACE_SIGN,
            Some(b'#') => ALT,
            Some(b'0') => ZERO_PAD,
            Some(b'\'') => GROUP,
            _ => break,
        };
        flags |= flag;
        at += 1;
    }
    let width = match fmt.get(at) {
        Some(b'*' | b'1'..=b'9') => count(fmt, &mut at)?,
        _ => Count::None,
    };
    let precision = if fmt.get(at) == Some(&b'.') {
        at += 1;
        count(fmt, &mut at)?
    } else {
        Count::None
    };
    let (length, len_bytes) = match (fmt.get(at), fmt.get(at + 1)) {
        (Some(b'h'), Some(b'h')) => (Length::Char, 2),
        (Some(b'h'), _) => (Length::Short, 1),
        (Some(b'l'), Some(b'l')) => (Length::Wide, 2),
        (Some(b'l'), _) => (Length::Long, 1),
        (Some(b'q' | b'j' | b'z' | b'Z' | b't'), _) => (Length::Wide, 1),
        (Some(b'L'), _) => (Length::LongDouble, 1),
        _ => (Length::Int, 0),
    };
    at += len_bytes;
    let conversion = *fmt.get(at).ok_or(Errno::INVAL)?;
    let spec = Spec { position: pos, flags, width, precision, length, conversion, has_length: len_bytes > 0 };
    Ok((spec, at + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_specification() {
        let (s, end) = parse(b"%2$-+ #0'*3$.*4$lld!", 1).unwrap();
        assert_eq!(s.position, Some(2));
        assert_eq!(s.flags, LEFT | PLUS | SPACE_SIGN | ALT | ZERO_PAD | GROUP);
        assert_eq!(s.width, Count::Arg(Some(3)));
        assert_eq!(s.precision, Count::Arg(Some(4)));
        assert_eq!(s.length, Length::Wide);
        assert_eq!(s.conversion, b'd');
        assert_eq!(end, 19);
    }

    #[test]
    fn numbers_and_errors() {
        let (s, _) = parse(b"%12.5hhx", 1).unwrap();
        assert_eq!((s.width, s.precision, s.length), (Count::Fixed(12), Count::Fixed(5), Length::Char));
        let (s, _) = parse(b"%.f", 1).unwrap();
        assert_eq!(s.precision, Count::Fixed(0));
        assert_eq!(parse(b"%", 1).unwrap_err(), Errno::INVAL);
        assert_eq!(parse(b"%-5", 1).unwrap_err(), Errno::INVAL);
        assert_eq!(parse(b"%99999999999d", 1).unwrap_err(), Errno::OVERFLOW);
        let (s, _) = parse(b"%5$d", 1).unwrap();
        assert_eq!((s.position, s.width), (Some(5), Count::None));
    }
}
