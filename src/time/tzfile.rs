//! TZif files (RFC 8536, versions 1, 2 and 3): the zone data in `/usr/share/zoneinfo`.
//!
//! The file is kept as read and looked into in place: transition times (big-endian, 32-bit in
//! version 1, 64-bit in the second block of versions 2 and 3), the type index of each, the
//! local time types (UTC offset, DST flag, abbreviation index) and the NUL-terminated
//! abbreviations. The footer of versions 2 and 3 is a POSIX rule for times after the last
//! transition. Leap-second records are skipped (like `TZ` zones without `right/`).

use super::posix::{self, Rule};

/// A parsed TZif file over its bytes.
pub struct TzFile {
    bytes: &'static [u8],
    /// 4 or 8: the size of a transition time.
    time_size: usize,
    times: usize,
    count: usize,
    indices: usize,
    types: usize,
    chars: usize,
    char_count: usize,
    /// The footer's rule, for times after the last transition.
    pub rule: Option<Rule>,
}

/// A local time type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Type {
    pub offset: i32,
    pub dst: bool,
    /// Where the abbreviation starts in the abbreviation block.
    abbr: usize,
}

fn be(bytes: &[u8], at: usize, size: usize) -> Option<i64> {
    let b = bytes.get(at..at.checked_add(size)?)?;
    Some(match size {
        4 => i32::from_be_bytes(b.try_into().ok()?) as i64,
        _ => i64::from_be_bytes(b.try_into().ok()?),
    })
}

/// The six counts of the header at `at`: isutcnt, isstdcnt, leapcnt, timecnt, typecnt,
/// charcnt.
fn counts(bytes: &[u8], at: usize) -> Option<[usize; 6]> {
    if bytes.get(at..at + 4)? != b"TZif" {
        return None;
    }
    let mut c = [0; 6];
    for (i, slot) in c.iter_mut().enumerate() {
        *slot = be(bytes, at + 20 + 4 * i, 4)? as u32 as usize;
    }
    Some(c)
}

/// Bytes of a data block with these counts and time size.
fn block_len(c: &[usize; 6], time_size: usize) -> Option<usize> {
    let [isut, isstd, leap, time, typ, chars] = *c;
    time.checked_mul(time_size + 1)?
        .checked_add(typ.checked_mul(6)?)?
        .checked_add(chars)?
        .checked_add(leap.checked_mul(time_size + 4)?)?
        .checked_add(isstd)?
        .checked_add(isut)
}

/// Parses a TZif file; `None` when it is not a well-formed one.
pub fn parse(bytes: &'static [u8]) -> Option<TzFile> {
    let v1 = counts(bytes, 0)?;
    let version = *bytes.get(4)?;
    let (at, c, time_size) = if version >= b'2' {
        let second = 44 + block_len(&v1, 4)?;
        (second + 44, counts(bytes, second)?, 8)
    } else {
        (44, v1, 4)
    };
    let [_, _, _, count, type_count, char_count] = c;
    let end = at.checked_add(block_len(&c, time_size)?)?;
    if end > bytes.len() || type_count == 0 || char_count == 0 {
        return None;
    }
    let indices = at + count * time_size;
    let types = indices + count;
    let chars = types + type_count * 6;
    // Every abbreviation must end inside the block, and every index name a type.
    if *bytes.get(chars + char_count - 1)? != 0 || bytes.get(indices..types)?.iter().any(|&i| i as usize >= type_count) {
        return None;
    }
    let rule = if time_size == 8 {
        let footer = bytes.get(end..)?;
        let text = footer.strip_prefix(b"\n")?;
        let line = text.get(..memchr::memchr(b'\n', text)?)?;
        if line.is_empty() { None } else { Some(posix::parse(line)?) }
    } else {
        None
    };
    let file = TzFile { bytes, time_size, times: at, count, indices, types, chars, char_count, rule };
    (0..type_count).all(|i| file.type_at(i).is_some()).then_some(file)
}

impl TzFile {
    /// Local time type `i`.
    fn type_at(&self, i: usize) -> Option<Type> {
        let at = self.types + 6 * i;
        let offset = be(self.bytes, at, 4)? as i32;
        let dst = *self.bytes.get(at + 4)? != 0;
        let abbr = *self.bytes.get(at + 5)? as usize;
        (abbr < self.char_count).then_some(Type { offset, dst, abbr })
    }

    fn time(&self, i: usize) -> i64 {
        be(self.bytes, self.times + i * self.time_size, self.time_size).unwrap_or(i64::MAX)
    }

    fn type_of_transition(&self, i: usize) -> Type {
        let index = self.bytes.get(self.indices + i).copied().unwrap_or(0) as usize;
        self.type_at(index).unwrap_or(Type { offset: 0, dst: false, abbr: 0 })
    }

    /// The local time type in force at `t`, or `None` when the footer rule decides (after the
    /// last transition).
    pub fn at(&self, t: i64) -> Option<Type> {
        if self.count == 0 || t < self.time(0) {
            if self.count == 0 && self.rule.is_some() {
                return None;
            }
            return self.type_at(0);
        }
        // The last transition at or before `t`.
        let (mut lo, mut hi) = (0, self.count);
        while hi - lo > 1 {
            let mid = lo + (hi - lo) / 2;
            if self.time(mid) <= t { lo = mid } else { hi = mid }
        }
        if lo == self.count - 1 && self.rule.is_some() {
            return None;
        }
        Some(self.type_of_transition(lo))
    }

    /// The abbreviation of `ty`, NUL-terminated, in the file's bytes.
    pub fn name(&self, ty: &Type) -> &'static [u8] {
        let bytes: &'static [u8] = self.bytes;
        let from = bytes.get(self.chars + ty.abbr..).unwrap_or_default();
        from.get(..memchr::memchr(0, from).map_or(0, |n| n + 1)).unwrap_or_default()
    }

    /// The types of standard and of daylight time that the newest transitions use (what
    /// glibc's `tzset` shows in `tzname`, `timezone` and `daylight` for a file).
    pub fn latest(&self) -> (Option<Type>, Option<Type>) {
        let mut latest = (None, None);
        for i in (0..self.count).rev() {
            let ty = self.type_of_transition(i);
            let slot = if ty.dst { &mut latest.1 } else { &mut latest.0 };
            slot.get_or_insert(ty);
            if latest.0.is_some() && latest.1.is_some() {
                break;
            }
        }
        if latest == (None, None) {
            latest.0 = self.type_at(0);
        }
        latest
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(path: &str) -> Option<TzFile> {
        let bytes = std::fs::read(path).ok()?;
        parse(std::boxed::Box::leak(bytes.into_boxed_slice()))
    }

    #[test]
    fn berlin() {
        let Some(z) = load("/usr/share/zoneinfo/Europe/Berlin") else {
            return;
        };
        assert!(z.rule.is_some());
        // 1990-07-01: CEST from the transitions.
        let summer = z.at(646_790_400).unwrap();
        assert_eq!((summer.offset, summer.dst, z.name(&summer)), (7200, true, &b"CEST\0"[..]));
        let winter = z.at(631_152_000).unwrap();
        assert_eq!((winter.offset, winter.dst, z.name(&winter)), (3600, false, &b"CET\0"[..]));
        // Before 1893, local mean time (+0:53:28).
        assert_eq!(z.at(-3_000_000_000).unwrap().offset, 3208);
    }

    #[test]
    fn rejects_garbage() {
        assert!(parse(b"").is_none());
        assert!(parse(b"TZif2 not really a zone file at all, too short").is_none());
        let mut v1 = std::vec::Vec::new();
        v1.extend_from_slice(b"TZif\0");
        v1.extend_from_slice(&[0; 15]);
        // isut isstd leap time type char
        for c in [0u32, 0, 0, 1, 1, 4] {
            v1.extend_from_slice(&c.to_be_bytes());
        }
        v1.extend_from_slice(&100i32.to_be_bytes());
        v1.push(0);
        v1.extend_from_slice(&(-3600i32).to_be_bytes());
        v1.extend_from_slice(&[0, 0]);
        v1.extend_from_slice(b"ABC\0");
        let bytes: &'static [u8] = std::boxed::Box::leak(v1.clone().into_boxed_slice());
        let z = parse(bytes).unwrap();
        assert_eq!(z.at(50).unwrap().offset, -3600);
        assert_eq!(z.at(150).unwrap().offset, -3600);
        assert_eq!(z.name(&z.at(0).unwrap()), b"ABC\0");
        // A type index out of range is refused.
        let mut bad = v1;
        bad[44 + 4] = 7;
        assert!(parse(std::boxed::Box::leak(bad.into_boxed_slice())).is_none());
    }
}
