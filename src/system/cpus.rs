//! Processor counts, as glibc finds them: online processors from
//! `/sys/devices/system/cpu/online` (a list of ranges such as `0-3,8`), configured ones by
//! counting the `cpuN` entries of `/sys/devices/system/cpu`; the scheduler's affinity mask
//! when those cannot be read.

use rustix::fs::{Mode, OFlags, RawDir};

/// The processors this thread may run on (at least 1).
fn affinity_count() -> i32 {
    rustix::thread::sched_getaffinity(None).map_or(1, |set| set.count() as i32).max(1)
}

/// The count of processors in a range list such as `0-3,8\n`.
fn count_ranges(list: &[u8]) -> Option<i32> {
    let mut total = 0i32;
    for part in list.split(|&b| b == b',') {
        let part = part.strip_suffix(b"\n").unwrap_or(part);
        if part.is_empty() {
            continue;
        }
        let number = |s: &[u8]| -> Option<i32> {
            if s.is_empty() || s.len() > 9 || !s.iter().all(u8::is_ascii_digit) {
                return None;
            }
            Some(s.iter().fold(0i32, |n, &d| n * 10 + i32::from(d - b'0')))
        };
        let mut ends = part.splitn(2, |&b| b == b'-');
        let first = number(ends.next()?)?;
        let last = match ends.next() {
            Some(s) => number(s)?,
            None => first,
        };
        if last < first {
            return None;
        }
        total += last - first + 1;
    }
    (total > 0).then_some(total)
}

/// `get_nprocs()`: processors online.
pub fn online() -> i32 {
    let mut buf = [0u8; 512];
    let Ok(fd) = rustix::fs::open(c"/sys/devices/system/cpu/online", OFlags::RDONLY | OFlags::CLOEXEC, Mode::empty()) else {
        return affinity_count();
    };
    match rustix::io::read(&fd, &mut buf[..]) {
        Ok(n) => count_ranges(&buf[..n]).unwrap_or_else(affinity_count),
        Err(_) => affinity_count(),
    }
}

/// `get_nprocs_conf()`: processors configured.
pub fn configured() -> i32 {
    let Ok(fd) = rustix::fs::open(c"/sys/devices/system/cpu", OFlags::RDONLY | OFlags::DIRECTORY | OFlags::CLOEXEC, Mode::empty()) else {
        return online();
    };
    let mut buf = [core::mem::MaybeUninit::<u8>::uninit(); 2048];
    let mut dir = RawDir::new(&fd, &mut buf);
    let mut count = 0;
    while let Some(entry) = dir.next() {
        let Ok(entry) = entry else { return online() };
        let name = entry.file_name().to_bytes();
        if let Some(digits) = name.strip_prefix(b"cpu")
            && !digits.is_empty()
            && digits.iter().all(u8::is_ascii_digit)
        {
            count += 1;
        }
    }
    if count > 0 { count } else { online() }
}

#[cfg(test)]
mod tests {
    use super::count_ranges;

    #[test]
    fn ranges() {
        assert_eq!(count_ranges(b"0-1\n"), Some(2));
        assert_eq!(count_ranges(b"0\n"), Some(1));
        assert_eq!(count_ranges(b"0-3,8,10-11\n"), Some(7));
        assert_eq!(count_ranges(b"3-1"), None);
        assert_eq!(count_ranges(b"x"), None);
        assert_eq!(count_ranges(b""), None);
    }
}
