//! `strfromd`, `strfromf`, `strfroml` (C23, glibc 2.25): one floating value formatted by a
//! restricted format, `%[.precision]` then one of `a A e E f F g G`, as `snprintf` would.

use super::format;
use crate::arch::{VaList, VaListTag};
use crate::fmt::Sink;
use rustix::io::Errno;

/// The value to format.
pub enum Value {
    Double(f64),
    /// An x87 `long double`: significand, sign and exponent.
    LongDouble(u64, u16),
}

/// Whether `fmt` is `%`, an optional `.` and digits, and a floating conversion (nothing
/// else is allowed: no flags, width or `*`).
fn valid(fmt: &[u8]) -> bool {
    let Some((b'%', rest)) = fmt.split_first() else { return false };
    let rest = match rest.split_first() {
        Some((b'.', digits)) => {
            let n = digits.iter().take_while(|b| b.is_ascii_digit()).count();
            digits.get(n..).unwrap_or_default()
        }
        _ => rest,
    };
    matches!(rest, [b'a' | b'A' | b'e' | b'E' | b'f' | b'F' | b'g' | b'G'])
}

/// Formats `v` by `fmt` into `sink`: the length; `EINVAL` for a format outside the
/// restricted set.
pub fn strfrom(sink: &mut dyn Sink, fmt: &[u8], v: Value) -> Result<usize, Errno> {
    if !valid(fmt) {
        return Err(Errno::INVAL);
    }
    // The value as a C caller would pass it on the stack, read back through a va_list.
    #[repr(C, align(16))]
    struct Slots([u64; 2]);
    let mut slots = match v {
        Value::Double(d) => Slots([d.to_bits(), 0]),
        Value::LongDouble(m, top) => Slots([m, top as u64]),
    };
    let long = matches!(v, Value::LongDouble(..));
    let mut with_length = [0u8; 64];
    let fmt = if long {
        // `%.3f` becomes `%.3Lf`: the same conversion of a long double.
        let (head, conv) = fmt.split_at(fmt.len() - 1);
        let n = fmt.len();
        let dst = with_length.get_mut(..n + 1).ok_or(Errno::INVAL)?;
        dst.get_mut(..n - 1).ok_or(Errno::INVAL)?.copy_from_slice(head);
        *dst.get_mut(n - 1).ok_or(Errno::INVAL)? = b'L';
        dst.get_mut(n..).ok_or(Errno::INVAL)?.copy_from_slice(conv);
        dst
    } else {
        fmt
    };
    let mut tag = VaListTag::on_stack(slots.0.as_mut_ptr().cast());
    // SAFETY: the tag describes `slots`, which hold the one argument the format reads, in the
    // slot layout of the C calling convention.
    let mut va = unsafe { VaList::new(&mut tag) };
    format(sink, fmt, &mut va, 0)
}
