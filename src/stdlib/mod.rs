//! `<stdlib.h>` beyond process control: number parsing (`strtol`, `strtod` families),
//! sorting and searching, pseudo-random numbers.

pub mod environ;
pub mod float;
pub mod getopt;
pub mod int;
pub mod rand48;
pub mod random;
pub mod realpath;
pub mod sort;
pub mod temp;

/// `isspace` in the C locale: space, `\t`, `\n`, `\v`, `\f`, `\r`.
pub fn is_space(b: u8) -> bool {
    b == b' ' || (b'\t'..=b'\r').contains(&b)
}

/// The index of the first byte of `s` from `at` on that is not white space.
fn skip_space(s: &[u8], mut at: usize) -> usize {
    while s.get(at).is_some_and(|&b| is_space(b)) {
        at += 1;
    }
    at
}

/// An optional `+` or `-` at `s[at]`: whether it is `-`, and the index after it.
fn sign(s: &[u8], at: usize) -> (bool, usize) {
    match s.get(at) {
        Some(b'-') => (true, at + 1),
        Some(b'+') => (false, at + 1),
        _ => (false, at),
    }
}

/// The value of `b` as a digit in bases up to 36, or 36 or more if it is none.
fn digit(b: u8) -> u32 {
    match b {
        b'0'..=b'9' => (b - b'0') as u32,
        b'a'..=b'z' => (b - b'a') as u32 + 10,
        b'A'..=b'Z' => (b - b'A') as u32 + 10,
        _ => 99,
    }
}
