//! Messages the library itself writes to standard error (fatal start-up errors, stack
//! smashing, panics). Plain `write` calls of byte slices: no formatting machinery, no
//! allocation, no static data, so they work before relocation and in a broken process.

/// Writes the parts to standard error, best effort, one after another.
///
/// `#[inline]` so that every codegen unit that calls it has its own copy, called directly:
/// start-up calls it before relocation, when a call to another unit (through the GOT) would
/// jump to an unrelocated address.
#[inline]
pub fn write_stderr(parts: &[&[u8]]) {
    // SAFETY: descriptor 2 is only borrowed for these writes; if it is closed, they fail.
    let stderr = unsafe { rustix::stdio::stderr() };
    for part in parts {
        let mut rest = *part;
        while !rest.is_empty() {
            match rustix::io::write(stderr, rest) {
                Ok(0) | Err(_) => return,
                Ok(n) => rest = rest.get(n..).unwrap_or(&[]),
            }
        }
    }
}

/// The decimal digits of `n`, written into the end of `buf`. `#[inline]` for the same reason
/// as `write_stderr`.
#[inline]
pub fn decimal(mut n: u64, buf: &mut [u8; 20]) -> &[u8] {
    // u64::MAX has 20 digits, so the buffer always has room; written without indexing so
    // that this path, used by the panic handler, cannot panic itself.
    let mut start = buf.len();
    for slot in buf.iter_mut().rev() {
        *slot = b'0' + (n % 10) as u8;
        start -= 1;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    buf.get(start..).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::decimal;

    #[test]
    fn decimal_digits() {
        let mut buf = [0; 20];
        assert_eq!(decimal(0, &mut buf), b"0");
        assert_eq!(decimal(37, &mut buf), b"37");
        assert_eq!(decimal(u64::MAX, &mut buf), b"18446744073709551615");
    }
}
