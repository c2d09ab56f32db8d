//! The address texts of `<arpa/inet.h>`, as glibc reads and writes them.
//!
//! - [`parse4`] / [`parse6`]: `inet_pton`'s strict forms. IPv4 is exactly four decimal parts,
//!   each 0 to 255 without leading zeros. IPv6 is eight groups of one to four hex digits, one
//!   `::` standing for at least one zero group, and optionally a dotted IPv4 address in
//!   place of the last two groups.
//! - [`format4`] / [`format6`]: `inet_ntop`'s forms. IPv6 groups in lowercase hex without
//!   leading zeros; the longest run of two or more zero groups (the first of equal runs) is
//!   written `::`; the IPv4-compatible (`::a.b.c.d`) and IPv4-mapped (`::ffff:a.b.c.d`)
//!   addresses end in dotted form.
//! - [`aton`]: `inet_aton`'s old forms `a`, `a.b`, `a.b.c`, `a.b.c.d`, each part decimal,
//!   octal (leading `0`) or hex (leading `0x`), the last part filling the remaining bytes;
//!   whitespace ends the text.
//! - [`network`]: `inet_network`'s parts, each at most 255, packed into the low bytes.
//! - [`make_address`], [`local_part`], [`network_part`]: the classful split of an address
//!   (`inet_makeaddr`, `inet_lnaof`, `inet_netof`): class A has an 8-bit network, class B
//!   16 bits, every other class 24.

/// The longest text `format6` writes, without the terminator
/// ("ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.255" is 45 bytes; `INET6_ADDRSTRLEN` is 46).
pub const TEXT6_MAX: usize = 45;

use core::ffi::c_int;
use rustix::io::Errno;

/// An address text, without its terminator.
pub struct Text {
    bytes: [u8; TEXT6_MAX],
    len: usize,
}

impl Text {
    fn new() -> Self {
        Text { bytes: [0; TEXT6_MAX], len: 0 }
    }

    fn push(&mut self, b: u8) {
        if let Some(slot) = self.bytes.get_mut(self.len) {
            *slot = b;
            self.len += 1;
        }
    }

    fn decimal(&mut self, v: u8) {
        if v >= 100 {
            self.push(b'0' + v / 100);
        }
        if v >= 10 {
            self.push(b'0' + v / 10 % 10);
        }
        self.push(b'0' + v % 10);
    }

    fn hex(&mut self, v: u16) {
        let mut started = false;
        for shift in [12, 8, 4, 0] {
            let digit = (v >> shift) & 0xf;
            if digit != 0 || started || shift == 0 {
                started = true;
                self.push(b"0123456789abcdef"[usize::from(digit)]);
            }
        }
    }

    fn dotted(&mut self, a: [u8; 4]) {
        for (i, part) in a.into_iter().enumerate() {
            if i > 0 {
                self.push(b'.');
            }
            self.decimal(part);
        }
    }

    /// The text written so far.
    pub fn as_bytes(&self) -> &[u8] {
        self.bytes.get(..self.len).unwrap_or_default()
    }

    /// Copies the text and its terminator to `out`; `ENOSPC`, and nothing written, when
    /// they do not fit (`inet_ntop`'s contract).
    pub fn store(&self, out: &mut [u8]) -> Result<(), Errno> {
        let dst = out.get_mut(..=self.len).ok_or(Errno::NOSPC)?;
        let (end, text) = dst.split_last_mut().ok_or(Errno::NOSPC)?;
        text.copy_from_slice(self.as_bytes());
        *end = 0;
        Ok(())
    }
}

/// The bytes of a binary address of family `af`: 4 for `AF_INET`, 16 for `AF_INET6`, else
/// `EAFNOSUPPORT`.
pub fn address_len(af: c_int) -> Result<usize, Errno> {
    match af {
        libc::AF_INET => Ok(4),
        libc::AF_INET6 => Ok(16),
        _ => Err(Errno::AFNOSUPPORT),
    }
}

/// `inet_ntop`'s text of `addr`, an address of family `af` (as long as [`address_len`]
/// says).
pub fn format(af: c_int, addr: &[u8]) -> Result<Text, Errno> {
    if let Ok(a) = <[u8; 16]>::try_from(addr)
        && af == libc::AF_INET6
    {
        return Ok(format6(a));
    }
    match <[u8; 4]>::try_from(addr) {
        Ok(a) if af == libc::AF_INET => Ok(format4(a)),
        _ => Err(Errno::AFNOSUPPORT),
    }
}

/// `inet_pton`: parses `text` as an address of family `af` into `out` (as long as
/// [`address_len`] says); `Ok(false)` when the text is not one.
pub fn parse(af: c_int, text: &[u8], out: &mut [u8]) -> Result<bool, Errno> {
    let parsed = match af {
        libc::AF_INET => parse4(text).map(|a| out.get_mut(..4).map(|o| o.copy_from_slice(&a))),
        libc::AF_INET6 => parse6(text).map(|a| out.get_mut(..16).map(|o| o.copy_from_slice(&a))),
        _ => return Err(Errno::AFNOSUPPORT),
    };
    Ok(parsed.flatten().is_some())
}

/// The text of an IPv4 address (network byte order), "a.b.c.d".
pub fn format4(a: [u8; 4]) -> Text {
    let mut t = Text::new();
    t.dotted(a);
    t
}

/// The text of an IPv6 address (network byte order), as glibc writes it.
pub fn format6(a: [u8; 16]) -> Text {
    let mut words = [0u16; 8];
    for (w, pair) in words.iter_mut().zip(a.chunks_exact(2)) {
        *w = u16::from_be_bytes([pair[0], pair[1]]);
    }
    let (mut best, mut best_len, mut run, mut run_len) = (0, 0, 0, 0);
    for (i, &w) in words.iter().enumerate() {
        if w == 0 {
            if run_len == 0 {
                run = i;
            }
            run_len += 1;
            if run_len > best_len {
                (best, best_len) = (run, run_len);
            }
        } else {
            run_len = 0;
        }
    }
    if best_len < 2 {
        best_len = 0;
    }
    let mut t = Text::new();
    let mut i = 0;
    while i < 8 {
        if best_len > 0 && i == best {
            t.push(b':');
            if best + best_len == 8 {
                t.push(b':');
            }
            i += best_len;
            continue;
        }
        if i > 0 {
            t.push(b':');
        }
        let embeds_v4 = i == 6 && best == 0 && (best_len == 6 || (best_len == 5 && words[5] == 0xffff));
        if embeds_v4 {
            t.dotted([a[12], a[13], a[14], a[15]]);
            break;
        }
        t.hex(words[i]);
        i += 1;
    }
    t
}

/// `inet_pton(AF_INET, text)`: the address in network byte order, or `None`.
pub fn parse4(text: &[u8]) -> Option<[u8; 4]> {
    let mut out = [0u8; 4];
    let mut parts = text.split(|&b| b == b'.');
    for slot in &mut out {
        let part = parts.next()?;
        if part.is_empty() || part.len() > 3 || (part.len() > 1 && part[0] == b'0') {
            return None;
        }
        let mut v: u32 = 0;
        for &b in part {
            if !b.is_ascii_digit() {
                return None;
            }
            v = v * 10 + u32::from(b - b'0');
        }
        *slot = u8::try_from(v).ok()?;
    }
    parts.next().is_none().then_some(out)
}

/// `inet_pton(AF_INET6, text)`: the address in network byte order, or `None`.
pub fn parse6(text: &[u8]) -> Option<[u8; 16]> {
    let mut out = [0u8; 16];
    let mut n = 0; // bytes written to `out`
    let mut gap: Option<usize> = None; // where `::` stands, as a byte index
    let mut i = 0;
    if text.first() == Some(&b':') {
        if text.get(1) != Some(&b':') {
            return None;
        }
        gap = Some(0);
        i = 2;
    }
    while i < text.len() {
        let start = i;
        let mut group: u16 = 0;
        while let Some(d) = text.get(i).and_then(|&b| (b as char).to_digit(16)) {
            if i - start == 4 {
                return None;
            }
            group = group << 4 | d as u16;
            i += 1;
        }
        if text.get(i) == Some(&b'.') {
            // A dotted IPv4 address ends the text and fills the last four bytes.
            let v4 = parse4(text.get(start..)?)?;
            out.get_mut(n..n + 4)?.copy_from_slice(&v4);
            n += 4;
            break;
        }
        if i == start || n == 16 {
            return None;
        }
        out[n..n + 2].copy_from_slice(&group.to_be_bytes());
        n += 2;
        match (text.get(i), text.get(i + 1)) {
            (None, _) => break,
            (Some(b':'), Some(b':')) => {
                if gap.is_some() {
                    return None;
                }
                gap = Some(n);
                i += 2;
            }
            (Some(b':'), Some(_)) => i += 1,
            _ => return None,
        }
    }
    match gap {
        None if n == 16 => Some(out),
        Some(at) if n < 16 => {
            // Move the groups after the gap to the end; the gap becomes zeros.
            out.copy_within(at..n, 16 - (n - at));
            out[at..16 - (n - at)].fill(0);
            Some(out)
        }
        _ => None,
    }
}

/// One number of the old forms: decimal, octal after a leading `0`, hex after `0x`, as
/// `strtoul` with base 0 reads it; `None` when it does not start with a digit or exceeds
/// 32 bits. Returns the value and the rest of the text.
fn old_number(text: &[u8]) -> Option<(u32, &[u8])> {
    if !text.first()?.is_ascii_digit() {
        return None;
    }
    let (base, digits) = match text {
        [b'0', b'x' | b'X', d, ..] if d.is_ascii_hexdigit() => (16, text.get(2..)?),
        [b'0', ..] => (8, text),
        _ => (10, text),
    };
    let mut v: u64 = 0;
    let mut used = 0;
    for &b in digits {
        let Some(d) = (b as char).to_digit(base) else { break };
        v = (v * u64::from(base) + u64::from(d)).min(1 << 32);
        used += 1;
    }
    let v = u32::try_from(v).ok()?;
    Some((v, digits.get(used..)?))
}

/// `inet_aton(text)`: the address in host byte order, or `None`.
pub fn aton(text: &[u8]) -> Option<u32> {
    let mut parts = [0u32; 4];
    let mut count = 0;
    let mut rest = text;
    let last = loop {
        let (v, after) = old_number(rest)?;
        match after.split_first() {
            Some((b'.', more)) => {
                if count == 3 || v > 0xff {
                    return None;
                }
                parts[count] = v;
                count += 1;
                rest = more;
            }
            Some((c, _)) if !c.is_ascii_whitespace() && *c != 0x0b => return None,
            _ => break v,
        }
    };
    let last_max: u32 = [u32::MAX, 0xff_ffff, 0xffff, 0xff][count];
    if last > last_max {
        return None;
    }
    let high = parts.iter().take(count).enumerate().fold(0u32, |acc, (i, &p)| acc | p << (24 - 8 * i));
    Some(high | last)
}

/// `inet_network(text)`: the parts packed into the low bytes (host byte order), or `None`.
pub fn network(text: &[u8]) -> Option<u32> {
    let mut value: u32 = 0;
    let mut count = 0;
    let mut rest = text;
    loop {
        let (mut base, mut digit) = (10, false);
        if let [b'0', more @ ..] = rest {
            (base, digit, rest) = (8, true, more);
        }
        if let [b'x' | b'X', more @ ..] = rest {
            (base, digit, rest) = (16, false, more);
        }
        let mut part: u32 = 0;
        while let Some(d) = rest.first().and_then(|&b| (b as char).to_digit(base)) {
            part = part.wrapping_mul(base).wrapping_add(d);
            digit = true;
            rest = rest.get(1..)?;
        }
        if base == 8 && rest.first().is_some_and(|&b| b == b'8' || b == b'9') {
            return None;
        }
        if !digit || count == 4 || part > 0xff {
            return None;
        }
        value = value << 8 | part;
        count += 1;
        match rest.split_first() {
            Some((b'.', more)) => rest = more,
            _ => break,
        }
    }
    let trailing = rest.iter().position(|&b| !(b.is_ascii_whitespace() || b == 0x0b)).unwrap_or(rest.len());
    rest.get(trailing..).is_some_and(<[u8]>::is_empty).then_some(value)
}

/// The bits of the host part of `addr` (host byte order) in its class: 24 for class A
/// (top bit 0), 16 for class B (top bits 10), 8 for the rest.
fn host_bits(addr: u32) -> u32 {
    match addr >> 30 {
        0 | 1 => 24,
        2 => 16,
        _ => 8,
    }
}

/// `inet_lnaof(addr)`: the host (local) part of `addr`, host byte order.
pub fn local_part(addr: u32) -> u32 {
    addr & ((1 << host_bits(addr)) - 1)
}

/// `inet_netof(addr)`: the network part of `addr`, shifted down, host byte order.
pub fn network_part(addr: u32) -> u32 {
    addr >> host_bits(addr)
}

/// `inet_makeaddr(net, host)`: the address of `host` in network `net` (host byte order),
/// the network's size read from its value as glibc does: below 128 class A, below 65536
/// class B, below 2^24 class C, else `net` and `host` are or'ed.
pub fn make_address(net: u32, host: u32) -> u32 {
    match net {
        0..128 => net << 24 | (host & 0xff_ffff),
        128..65536 => net << 16 | (host & 0xffff),
        65536..16_777_216 => net << 8 | (host & 0xff),
        _ => net | host,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v6(text: &str) -> Option<std::string::String> {
        parse6(text.as_bytes()).map(|a| std::string::String::from_utf8(format6(a).as_bytes().to_vec()).unwrap())
    }

    #[test]
    fn ipv6_round_trips() {
        assert_eq!(v6("::").as_deref(), Some("::"));
        assert_eq!(v6("::1").as_deref(), Some("::1"));
        assert_eq!(v6("1::").as_deref(), Some("1::"));
        assert_eq!(v6("::FFFF:1.2.3.4").as_deref(), Some("::ffff:1.2.3.4"));
        assert_eq!(v6("::1.2.3.4").as_deref(), Some("::1.2.3.4"));
        assert_eq!(v6("1:0:0:2:0:0:0:3").as_deref(), Some("1:0:0:2::3"));
        assert_eq!(v6("1:0:0:2:0:0:3:4").as_deref(), Some("1::2:0:0:3:4"));
        assert_eq!(v6("1:2:3:4:5:6:7:8").as_deref(), Some("1:2:3:4:5:6:7:8"));
        assert_eq!(v6("1:0:3:4:5:6:7:8").as_deref(), Some("1:0:3:4:5:6:7:8"));
        assert_eq!(v6("1:2:3:4:5:6:7::").as_deref(), Some("1:2:3:4:5:6:7:0"));
        assert_eq!(v6("0001:00:0:0:0:0:0:0").as_deref(), Some("1::"));
        for bad in ["", ":", ":::", "1:::2", ":1::", "1::2:", "1:2:3:4:5:6:7:8:9", "12345::", "1::2::3", "::1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7:1.2.3.4", "g::", "::1.2.3", "::01.2.3.4"] {
            assert_eq!(v6(bad), None, "{bad}");
        }
    }

    #[test]
    fn ipv4_forms() {
        assert_eq!(parse4(b"192.168.0.1"), Some([192, 168, 0, 1]));
        for bad in ["1.2.3", "1.2.3.4.5", "01.2.3.4", "256.1.1.1", "1.2.3.4 ", "", "1..2.3"] {
            assert_eq!(parse4(bad.as_bytes()), None, "{bad}");
        }
        assert_eq!(format4([255, 0, 10, 1]).as_bytes(), b"255.0.10.1");
        assert_eq!(aton(b"127.1"), Some(0x7f00_0001));
        assert_eq!(aton(b"0x7f.1.0377"), Some(0x7f01_00ff));
        assert_eq!(aton(b"1.2.3.4 junk"), Some(0x0102_0304));
        assert_eq!(aton(b"4294967295"), Some(u32::MAX));
        assert_eq!(aton(b"4294967296"), None);
        assert_eq!(aton(b"08"), None);
        assert_eq!(aton(b"1.2.3.256"), None);
        assert_eq!(network(b"10.1"), Some(0x0a01));
        assert_eq!(network(b"0x10"), Some(0x10));
        assert_eq!(network(b"256"), None);
        assert_eq!(local_part(0x0a01_0203), 0x01_0203);
        assert_eq!(network_part(0xac10_0001), 0xac10);
        assert_eq!(network_part(0xc0a8_0101), 0xc0_a801);
        assert_eq!(make_address(10, 0x01_0203), 0x0a01_0203);
        assert_eq!(make_address(0xc0a801, 7), 0xc0a8_0107);
        let mut small = [0u8; 7];
        assert_eq!(format4([1, 2, 3, 4]).store(&mut small), Err(Errno::NOSPC));
        let mut exact = [0u8; 8];
        assert_eq!(format4([1, 2, 3, 4]).store(&mut exact), Ok(()));
        assert_eq!(&exact, b"1.2.3.4\0");
    }
}
