//! `strverscmp`: comparing strings that hold version numbers, as glibc does.
//!
//! Outside digit runs the bytes compare as in `strcmp`. Where both strings are in a digit
//! run at the first difference, the run decides: an integral run (one not starting with
//! '0') is a number, so the longer run is greater and equal lengths compare by the first
//! differing digit; a fractional run (one starting with '0') compares digit by digit, as
//! decimals after a point, except that a run of leading zeros followed by a digit sorts
//! before a run of leading zeros alone ("000" > "00" > "01" > "010" > "09" > "0" > "1").
//!
//! The scan keeps one of four states (normal, integral run, fractional run, zeros-only
//! run) and, at the first difference, takes the result from the state and the kinds of the
//! two differing bytes.

/// The kind of a byte: other (0), a digit 1–9 (1) or '0' (2).
fn kind(b: u8) -> usize {
    match b {
        b'0' => 2,
        b'1'..=b'9' => 1,
        _ => 0,
    }
}

#[derive(Clone, Copy)]
enum State {
    Normal,
    Integral,
    Fraction,
    Zeros,
}

/// The state after a byte of `kind` in `state`, where both strings had the same byte.
fn next(state: State, kind: usize) -> State {
    use State::*;
    match (state, kind) {
        (_, 0) => Normal,
        (Normal, 1) => Integral,
        (Normal, _) => Zeros,
        (Integral, _) => Integral,
        (Fraction, _) => Fraction,
        (Zeros, 1) => Fraction,
        (Zeros, _) => Zeros,
    }
}

/// How the first difference is decided.
enum Decide {
    /// By the differing bytes.
    Bytes,
    /// By the lengths of the two digit runs, then by the bytes.
    Length,
    /// Fixed.
    Is(i32),
}

/// The decision at the first difference, in `state`, between bytes of kinds `k1` and `k2`.
fn decide(state: State, k1: usize, k2: usize) -> Decide {
    use Decide::*;
    match (state, k1, k2) {
        (State::Normal, 1, 1) => Length,
        (State::Normal | State::Fraction, _, _) => Bytes,
        (State::Integral, 0, 0) => Bytes,
        (State::Integral, 0, _) => Is(-1),
        (State::Integral, _, 0) => Is(1),
        (State::Integral, _, _) => Length,
        (State::Zeros, 0, 0) => Bytes,
        (State::Zeros, 0, _) => Is(1),
        (State::Zeros, _, 0) => Is(-1),
        (State::Zeros, _, _) => Bytes,
    }
}

/// `strverscmp`.
///
/// # Safety
/// `a` and `b` point at NUL-terminated strings.
pub unsafe fn compare_versions(a: *const u8, b: *const u8) -> i32 {
    if a == b {
        return 0;
    }
    // SAFETY: every offset read is at most one past a run of equal non-NUL bytes, or within
    // a digit run that a terminator ends, so it lies within both strings.
    let byte = |p: *const u8, i: usize| unsafe { *p.add(i) };
    let mut state = State::Normal;
    let mut i = 0;
    loop {
        let (c1, c2) = (byte(a, i), byte(b, i));
        if c1 != c2 {
            let diff = i32::from(c1) - i32::from(c2);
            return match decide(state, kind(c1), kind(c2)) {
                Decide::Bytes => diff,
                Decide::Is(r) => r,
                Decide::Length => loop {
                    // Both runs go on from here; the longer one is the larger number.
                    i += 1;
                    match (byte(a, i).is_ascii_digit(), byte(b, i).is_ascii_digit()) {
                        (true, true) => {}
                        (true, false) => break 1,
                        (false, true) => break -1,
                        (false, false) => break diff,
                    }
                },
            };
        }
        if c1 == 0 {
            return 0;
        }
        state = next(state, kind(c1));
        i += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::compare_versions;

    fn cmp(a: &str, b: &str) -> i32 {
        let (a, b) = (std::format!("{a}\0"), std::format!("{b}\0"));
        // SAFETY: NUL-terminated strings.
        unsafe { compare_versions(a.as_ptr(), b.as_ptr()) }.signum()
    }

    #[test]
    fn glibc_manual_order() {
        let order = ["000", "00", "01", "010", "09", "0", "1", "9", "10"];
        for (i, a) in order.iter().enumerate() {
            for (j, b) in order.iter().enumerate() {
                assert_eq!(cmp(a, b), (i as i32 - j as i32).signum(), "{a} vs {b}");
            }
        }
        assert_eq!(cmp("a1b", "a1b"), 0);
        assert_eq!(cmp("foo2.txt", "foo10.txt"), -1);
        assert_eq!(cmp("alpha", "beta"), -1);
        assert_eq!(cmp("1.2.10", "1.2.9"), 1);
    }
}
