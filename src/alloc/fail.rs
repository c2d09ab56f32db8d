//! Misuse the allocator detects: a message on standard error, then SIGABRT.

use crate::io::diag;

/// `free` of a pointer the allocator did not return (or not the start of a block).
#[cold]
pub fn invalid_free(p: usize) -> ! {
    invalid_pointer(b"free", p)
}

/// `free` of a block that is already free.
#[cold]
pub fn double_free(p: usize) -> ! {
    report(b"free(): double free of ", p)
}

/// `what` called with a pointer the allocator did not return.
#[cold]
pub fn invalid_pointer(what: &[u8], p: usize) -> ! {
    diag::write_stderr(&[b"rustcrt: ", what]);
    report(b"(): invalid pointer ", p)
}

fn report(message: &[u8], p: usize) -> ! {
    let mut digits = [0u8; 16];
    diag::write_stderr(&[message, b"0x", hex(p, &mut digits), b"\n"]);
    crate::exit::abort::abort()
}

/// The lowercase hexadecimal digits of `n`, without leading zeros.
fn hex(n: usize, buf: &mut [u8; 16]) -> &[u8] {
    for (i, slot) in buf.iter_mut().enumerate() {
        let nibble = (n >> (60 - 4 * i)) & 15;
        *slot = b"0123456789abcdef".get(nibble).copied().unwrap_or(b'?');
    }
    let first = buf.iter().position(|&d| d != b'0').unwrap_or(15);
    buf.get(first..).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    #[test]
    fn hex_digits() {
        let mut buf = [0; 16];
        assert_eq!(super::hex(0, &mut buf), b"0");
        assert_eq!(super::hex(0x7f12_ab00, &mut buf), b"7f12ab00");
        assert_eq!(super::hex(usize::MAX, &mut buf), b"ffffffffffffffff");
    }
}
