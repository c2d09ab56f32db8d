//! Scan sets: `%[abc]`, `%[^a-z]`, `%[]x]` (a `]` first is a member), with ranges.

use rustix::io::Errno;

/// The bytes a `%[` conversion accepts.
pub struct Set {
    bits: [u64; 4],
}

impl Set {
    /// Parses the set that starts at `fmt[at]` (just after the `[`); returns it and the
    /// index after its closing `]`. A set without one is `EINVAL`.
    pub fn parse(fmt: &[u8], mut at: usize) -> Result<(Set, usize), Errno> {
        let mut set = Set { bits: [0; 4] };
        let negate = fmt.get(at) == Some(&b'^');
        if negate {
            at += 1;
        }
        let start = at;
        loop {
            let b = *fmt.get(at).ok_or(Errno::INVAL)?;
            if b == b']' && at > start {
                at += 1;
                break;
            }
            // `a-z` is a range unless the `-` is last (or first).
            match (fmt.get(at + 1), fmt.get(at + 2)) {
                (Some(b'-'), Some(&hi)) if hi != b']' && hi >= b => {
                    for c in b..=hi {
                        set.add(c);
                    }
                    at += 3;
                }
                _ => {
                    set.add(b);
                    at += 1;
                }
            }
        }
        if negate {
            for w in &mut set.bits {
                *w = !*w;
            }
        }
        Ok((set, at))
    }

    fn add(&mut self, b: u8) {
        self.bits[(b >> 6) as usize] |= 1 << (b & 63);
    }

    pub fn contains(&self, b: u8) -> bool {
        self.bits[(b >> 6) as usize] & (1 << (b & 63)) != 0
    }
}
