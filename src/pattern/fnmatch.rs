//! `fnmatch`: matching a string against a shell pattern, as glibc 2.36 does it.
//!
//! The pattern language: `?` is any one character, `*` any run of characters, `[...]` one
//! character of a set (ranges `a-z`, classes `[:alpha:]`, the one-character equivalence
//! classes `[=a=]` and collating symbols `[.a.]` of a locale without collation rules,
//! negation by a leading `!`, or `^` unless `POSIXLY_CORRECT` is set), `\` quotes the next
//! character unless `FNM_NOESCAPE`. A `[` that is never closed is an ordinary character.
//! `FNM_PATHNAME` keeps wildcards from matching `/`; `FNM_PERIOD` keeps them from matching
//! a leading `.` (of the string, or with `FNM_PATHNAME` of each component);
//! `FNM_LEADING_DIR` lets the pattern match a leading part of the string followed by `/`;
//! `FNM_CASEFOLD` compares lower-cased characters.
//!
//! Characters are the locale's: in C each byte is a character; in C.UTF-8 the strings are
//! matched as characters (classes and case from the Unicode tables) and then, if that
//! fails or a string is not valid UTF-8, as bytes, as glibc 2.36 does (see [`fnmatch_in`]).
//! Ranges compare byte values, or C.UTF-8's collation sequence ([`Matcher::in_range`]).
//! glibc's quirks are kept where they decide an answer: an unknown class name in a set is no
//! match; a name of characters other than `a`..`y` after `[:` is no class but ordinary
//! characters; a set that is never closed makes its `[` an ordinary character.
//!
//! `*` is matched as glibc does it, without exponential backtracking: the part of the
//! pattern up to the next `*` is matched at the first place it can be, and the next `*`
//! takes over from there (a later `*` can absorb anything an earlier placement skipped).
//!
//! `FNM_EXTMATCH` adds ksh's groups `?(a|b)`, `*(..)`, `+(..)`, `@(..)`, `!(..)`
//! ([`Matcher::extended`]), tried as glibc tries them; a group that is not closed is
//! ordinary characters.

use super::list::Path;
use crate::ctype::wide;
use crate::locale::mb::{self, Decoded, MbState};

/// `FNM_PATHNAME` (also `FNM_FILE_NAME`).
pub const PATHNAME: i32 = 1 << 0;
/// `FNM_NOESCAPE`.
pub const NOESCAPE: i32 = 1 << 1;
/// `FNM_PERIOD`.
pub const PERIOD: i32 = 1 << 2;
/// `FNM_LEADING_DIR`.
pub const LEADING_DIR: i32 = 1 << 3;
/// `FNM_CASEFOLD`.
pub const CASEFOLD: i32 = 1 << 4;
/// `FNM_EXTMATCH`.
pub const EXTMATCH: i32 = 1 << 5;
/// `FNM_NOMATCH`: what `fnmatch` returns when the string does not match.
pub const NOMATCH: i32 = 1;
/// What `fnmatch` returns for an error (the C function's null argument).
pub const ERROR: i32 = -1;

/// What [`Matcher::extended`] says of a group that is not closed (glibc's -1).
const NOT_EXTENDED: i32 = -1;

/// glibc's limit on a class name in a set (`CHARCLASS_NAME_MAX`): a longer one is malformed.
const CLASS_NAME_MAX: usize = 2048;

/// `fnmatch(pattern, string, flags)`: 0 for a match or [`NOMATCH`], in the
/// calling thread's locale.
pub fn fnmatch(pattern: &[u8], string: &[u8], flags: i32) -> i32 {
    let utf8 = crate::locale::ctype_is_utf8();
    let caret_negates = crate::env::getenv(b"POSIXLY_CORRECT").is_null();
    fnmatch_in(pattern, string, flags, utf8, caret_negates)
}

/// [`fnmatch`] in a locale that is UTF-8 or not, `^` negating a set or not.
///
/// In a UTF-8 locale glibc 2.36 (as Debian builds it) matches characters first and, when
/// that fails or a string is not valid UTF-8, matches bytes: the answer is a match when
/// either is.
pub fn fnmatch_in(pattern: &[u8], string: &[u8], flags: i32, utf8: bool, caret_negates: bool) -> i32 {
    let bytes = Matcher { pattern, string, flags, chars: false, names_utf8: utf8, caret_negates };
    if utf8 && valid_utf8(pattern) && valid_utf8(string) {
        let chars = Matcher { chars: true, ..bytes };
        if chars.run(0, 0, flags & PERIOD != 0, flags, None) == 0 {
            return 0;
        }
    }
    bytes.run(0, 0, flags & PERIOD != 0, flags, None)
}

/// Whether `s` is a sequence of whole C.UTF-8 characters.
fn valid_utf8(s: &[u8]) -> bool {
    let mut rest = s;
    while !rest.is_empty() {
        match decode_utf8(rest) {
            Some((_, used)) => rest = rest.get(used..).unwrap_or_default(),
            None => return false,
        }
    }
    true
}

/// The C.UTF-8 character at the start of `s` and its length, if it is a whole one.
fn decode_utf8(s: &[u8]) -> Option<(u32, usize)> {
    let mut state = MbState::INITIAL;
    match mb::decode(true, &mut state, s) {
        Decoded::Char(c, used) => Some((c, used)),
        Decoded::Incomplete | Decoded::Invalid => None,
    }
}

/// Where the inner match of a `*` met the next `*`: the outer loop resumes there.
#[derive(Clone, Copy)]
struct Resume {
    pattern: usize,
    string: usize,
    no_leading_period: bool,
}

/// One `fnmatch` call: the two strings, the flags and the locale.
#[derive(Clone, Copy)]
struct Matcher<'a> {
    pattern: &'a [u8],
    string: &'a [u8],
    flags: i32,
    /// Whether the strings are read as UTF-8 characters (else as bytes).
    chars: bool,
    /// Whether the locale is C.UTF-8 (for the class names it has).
    names_utf8: bool,
    caret_negates: bool,
}

/// What a set (`[...]`) did with the string's character.
enum Set {
    /// The set ends before this pattern offset and decided; whether the character is in it.
    Decided(usize, bool),
    /// The set is malformed in a way that makes the whole match fail.
    Fail,
    /// The set is never closed: its `[` is an ordinary character.
    Unterminated,
}

impl Matcher<'_> {
    /// The character at byte `i` of `s` and its length in bytes; (0, 0) at the end.
    fn char_in(&self, s: &[u8], i: usize) -> (u32, usize) {
        let Some(rest) = s.get(i..).filter(|r| !r.is_empty()) else { return (0, 0) };
        if self.chars
            && let Some(decoded) = decode_utf8(rest)
        {
            return decoded;
        }
        (u32::from(rest[0]), 1)
    }

    fn pat(&self, i: usize) -> (u32, usize) {
        self.char_in(self.pattern, i)
    }

    fn text(&self, i: usize) -> (u32, usize) {
        self.char_in(self.string, i)
    }

    /// The pattern byte at `i`, 0 at the end (only compared with ASCII).
    fn pbyte(&self, i: usize) -> u8 {
        self.pattern.get(i).copied().unwrap_or(0)
    }

    /// The string byte at `i`, 0 at the end.
    fn sbyte(&self, i: usize) -> u8 {
        self.string.get(i).copied().unwrap_or(0)
    }

    fn fold(&self, c: u32) -> u32 {
        if self.flags & CASEFOLD != 0 { wide::to_lower(c, self.chars) } else { c }
    }

    /// Matches `pattern[p..]` against `string[n..]`. With `resume`, a `*` met at the top
    /// level ends the call with a match and says where it was.
    fn run(&self, mut p: usize, mut n: usize, mut no_leading_period: bool, flags: i32, mut resume: Option<&mut Resume>) -> i32 {
        let pathname = flags & PATHNAME != 0;
        let noescape = flags & NOESCAPE != 0;
        let end = self.string.len();
        while p < self.pattern.len() {
            let (raw, len) = self.pat(p);
            p += len;
            let c = self.fold(raw);
            let mut new_no_leading_period = false;
            let extended = flags & EXTMATCH != 0 && self.pbyte(p) == b'(' && [b'?', b'*', b'+', b'@', b'!'].iter().any(|&o| c == u32::from(o));
            if extended {
                let result = self.extended(c, p, n, no_leading_period, flags);
                if result != NOT_EXTENDED {
                    return result;
                }
            }
            match c {
                0x3f /* ? */ => {
                    if n == end || (self.sbyte(n) == b'/' && pathname) || (self.sbyte(n) == b'.' && no_leading_period) {
                        return NOMATCH;
                    }
                }
                0x5c /* \ */ if !noescape => {
                    let (q, qlen) = self.pat(p);
                    if qlen == 0 {
                        return NOMATCH;
                    }
                    p += qlen;
                    if n == end || self.fold(self.text(n).0) != self.fold(q) {
                        return NOMATCH;
                    }
                }
                0x2a /* * */ => {
                    if !extended && let Some(r) = resume.as_deref_mut() {
                        *r = Resume { pattern: p - len, string: n, no_leading_period };
                        return 0;
                    }
                    if n != end && self.sbyte(n) == b'.' && no_leading_period {
                        return NOMATCH;
                    }
                    match self.star(p, n, no_leading_period, flags) {
                        Ok(r) => {
                            p = r.pattern;
                            n = r.string;
                            no_leading_period = r.no_leading_period;
                            continue;
                        }
                        Err(result) => return result,
                    }
                }
                0x5b /* [ */ => {
                    if n == end || (self.sbyte(n) == b'.' && no_leading_period) || (self.sbyte(n) == b'/' && pathname) {
                        return NOMATCH;
                    }
                    match self.set(p, n, flags) {
                        Set::Decided(after, true) => p = after,
                        Set::Decided(_, false) | Set::Fail => return NOMATCH,
                        Set::Unterminated => {
                            if self.fold(self.text(n).0) != u32::from(b'[') {
                                return NOMATCH;
                            }
                        }
                    }
                }
                0x2f /* / */ if pathname && flags & PERIOD != 0 => {
                    if n == end || self.sbyte(n) != b'/' {
                        return NOMATCH;
                    }
                    new_no_leading_period = true;
                }
                _ => {
                    if n == end || c != self.fold(self.text(n).0) {
                        return NOMATCH;
                    }
                }
            }
            no_leading_period = new_no_leading_period;
            n += self.text(n).1;
        }
        if n == end || (flags & LEADING_DIR != 0 && self.sbyte(n) == b'/') { 0 } else { NOMATCH }
    }

    /// Where a bracket expression starting at `p` (its `[`) ends, as the extended-pattern
    /// parser skips it: the offset of its `]`, or `None` when it is not closed.
    fn skip_bracket(&self, mut p: usize) -> Option<usize> {
        p += 1;
        if self.pbyte(p) == b'!' || (self.caret_negates && self.pbyte(p) == b'^') {
            p += 1;
        }
        if self.pbyte(p) == b']' {
            p += 1;
        }
        while self.pbyte(p) != b']' {
            if p >= self.pattern.len() {
                return None;
            }
            p += 1;
        }
        Some(p)
    }

    /// Whether an extended group opens at `p` (an operator followed by `(`).
    fn opens_group(&self, p: usize) -> bool {
        matches!(self.pbyte(p), b'?' | b'*' | b'+' | b'@' | b'!') && self.pbyte(p + 1) == b'('
    }

    /// The offset after the `)` closing the group whose `(` is at `open`; `open` itself when
    /// the group is not closed (glibc's `END`).
    fn group_end(&self, open: usize) -> usize {
        let mut p = open;
        loop {
            p += 1;
            if p >= self.pattern.len() {
                return open;
            }
            match self.pbyte(p) {
                b'[' => match self.skip_bracket(p) {
                    Some(close) => p = close,
                    None => return open,
                },
                b')' => return p + 1,
                _ if self.opens_group(p) => {
                    let after = self.group_end(p + 1);
                    if after == p + 1 {
                        return open;
                    }
                    p = after - 1;
                }
                _ => {}
            }
        }
    }

    /// The alternatives of the group whose `(` is at `open` (split at its own `|`s) and the
    /// offset of its `)`; `None` when the group is not closed.
    fn alternatives(&self, open: usize, mut each: impl FnMut(usize, usize)) -> Option<usize> {
        let mut level = 0usize;
        let mut start = open + 1;
        let mut p = open + 1;
        loop {
            if p >= self.pattern.len() {
                return None;
            }
            match self.pbyte(p) {
                b'[' => p = self.skip_bracket(p)?,
                b')' if level == 0 => {
                    each(start, p);
                    return Some(p);
                }
                b')' => level -= 1,
                b'|' if level == 0 => {
                    each(start, p);
                    start = p + 1;
                }
                _ if self.opens_group(p) => level += 1,
                _ => {}
            }
            p += 1;
        }
    }

    /// `pattern` matched against the string's bytes `start..end`.
    fn sub(&self, pattern: &[u8], start: usize, end: usize, no_leading_period: bool, flags: i32) -> i32 {
        let string = self.string.get(..end).unwrap_or_default();
        Matcher { pattern, string, ..*self }.run(0, start, no_leading_period, flags, None)
    }

    /// An extended group `op(a|b...)` whose `(` is at `open`, at string offset `n`: the
    /// answer for the rest of the match, or [`NOT_EXTENDED`] when the group is not closed (its
    /// characters are then ordinary ones).
    ///
    /// `?(..)` matches zero or one of the alternatives, `*(..)` zero or more, `+(..)` one or
    /// more, `@(..)` exactly one, `!(..)` anything that none of them matches.
    fn extended(&self, op: u32, open: usize, n: usize, no_leading_period: bool, flags: i32) -> i32 {
        let Some(close) = self.alternatives(open, |_, _| {}) else { return NOT_EXTENDED };
        let rest = self.pattern.get(close + 1..).unwrap_or_default();
        let whole = self.pattern.get(open - 1..).unwrap_or_default();
        let end = self.string.len();
        let inner = if flags & PATHNAME != 0 { flags } else { flags & !PERIOD };
        // What a leading period means for the rest when it starts at `rs`.
        let leading = |rs: usize| {
            if rs == n { no_leading_period } else { self.sbyte(rs - 1) == b'/' && flags & (PATHNAME | PERIOD) == (PATHNAME | PERIOD) }
        };
        // The string offsets from `n` to the end, character by character.
        let offsets = || {
            let mut rs = Some(n);
            core::iter::from_fn(move || {
                let at = rs?;
                rs = if at < end { Some(at + self.text(at).1) } else { None };
                Some(at)
            })
        };
        let op = op as u8;
        if (op == b'*' || op == b'?') && self.sub(rest, n, end, no_leading_period, flags) == 0 {
            return 0;
        }
        let mut found = false;
        match op {
            b'*' | b'+' => {
                self.alternatives(open, |a, b| {
                    let alt = &self.pattern[a..b];
                    found = found
                        || offsets().any(|rs| {
                            self.sub(alt, n, rs, no_leading_period, inner) == 0
                                && (self.sub(rest, rs, end, leading(rs), inner) == 0 || (rs != n && self.sub(whole, rs, end, leading(rs), inner) == 0))
                        });
                });
            }
            b'?' | b'@' => {
                let mut failed = false;
                self.alternatives(open, |a, b| {
                    if found || failed {
                        return;
                    }
                    match Path::from(&self.pattern[a..b]).and_then(|mut p| p.push(rest).map(|()| p)) {
                        Ok(joined) => found = self.sub(joined.bytes(), n, end, no_leading_period, inner) == 0,
                        Err(_) => failed = true,
                    }
                });
                if failed {
                    // As in glibc, no memory for the joined pattern makes the group ordinary.
                    return NOT_EXTENDED;
                }
            }
            _ => {
                found = offsets().any(|rs| {
                    let mut any = false;
                    self.alternatives(open, |a, b| any = any || self.sub(&self.pattern[a..b], n, rs, no_leading_period, inner) == 0);
                    !any && self.sub(rest, rs, end, leading(rs), inner) == 0
                });
            }
        }
        if found { 0 } else { NOMATCH }
    }

    /// A `*` (already consumed, `p` after it) at string offset `n`: the final answer
    /// (`Err`), or where the outer loop resumes (`Ok`), at the next `*`.
    fn star(&self, mut p: usize, mut n: usize, no_leading_period: bool, flags: i32) -> Result<Resume, i32> {
        let pathname = flags & PATHNAME != 0;
        let end = self.string.len();
        // Runs of `?` and `*` after the star: each `?` takes one character here.
        let (c, clen) = loop {
            let (c, len) = self.pat(p);
            if len == 0 {
                break (0, 0);
            }
            p += len;
            if (c == u32::from(b'?') || c == u32::from(b'*')) && flags & EXTMATCH != 0 && self.pbyte(p) == b'(' {
                let after = self.group_end(p);
                if after != p {
                    p = after;
                    continue;
                }
            }
            if c == u32::from(b'?') {
                if n == end || (self.sbyte(n) == b'/' && pathname) {
                    return Err(NOMATCH);
                }
                n += self.text(n).1;
            } else if c != u32::from(b'*') {
                break (c, len);
            }
        };
        let rest = self.string.get(n..).unwrap_or_default();
        if clen == 0 {
            let matches = !pathname || flags & LEADING_DIR != 0 || memchr::memchr(b'/', rest).is_none();
            return Err(if matches { 0 } else { NOMATCH });
        }
        if c == u32::from(b'/') && pathname {
            let slash = memchr::memchr(b'/', rest).map(|i| n + i);
            return match slash {
                Some(s) if self.run(p, s + 1, flags & PERIOD != 0, flags, None) == 0 => Err(0),
                _ => Err(NOMATCH),
            };
        }
        let limit = if pathname { memchr::memchr(b'/', rest).map_or(end, |i| n + i) } else { end };
        let inner_flags = if pathname { flags } else { flags & !PERIOD };
        p -= clen;
        // The character the rest must start with (any, for a set).
        let opens_group = flags & EXTMATCH != 0 && self.pbyte(p + clen) == b'(' && [b'@', b'+', b'!'].iter().any(|&o| c == u32::from(o));
        let first = if c == u32::from(b'[') || opens_group {
            None
        } else if c == u32::from(b'\\') && flags & NOESCAPE == 0 {
            Some(self.fold(self.pat(p + 1).0))
        } else {
            Some(self.fold(c))
        };
        let mut leading = no_leading_period;
        let mut resume = None;
        while n < limit {
            let (here, len) = self.text(n);
            if first.is_none_or(|f| self.fold(here) == f) {
                let mut r = Resume { pattern: usize::MAX, string: 0, no_leading_period: false };
                if self.run(p, n, leading, inner_flags, Some(&mut r)) == 0 {
                    resume = Some(r);
                    break;
                }
            }
            n += len;
            leading = false;
        }
        match resume {
            None => Err(NOMATCH),
            Some(r) if r.pattern == usize::MAX => Err(0),
            Some(r) => Ok(r),
        }
    }

    /// A set starting at `p` (after its `[`), for the string's character at `n`.
    fn set(&self, p_init: usize, n: usize, flags: i32) -> Set {
        let noescape = flags & NOESCAPE != 0;
        let mut p = p_init;
        let negated = self.pbyte(p) == b'!' || (self.caret_negates && self.pbyte(p) == b'^');
        if negated {
            p += 1;
        }
        let (here, _) = self.text(n);
        let folded = self.fold(here);
        let (mut c, len) = self.pat(p);
        let mut at_end = len == 0;
        p += len;
        loop {
            // `c` is the set's next character, `p` is after it; `member` is what it stands
            // for, folded, or a collating symbol's character (the comparisons follow).
            let member: (u32, bool);
            if at_end {
                return Set::Unterminated;
            } else if !noescape && c == u32::from(b'\\') {
                let (q, qlen) = self.pat(p);
                if qlen == 0 {
                    return Set::Fail;
                }
                p += qlen;
                member = (self.fold(q), false);
            } else if let Some((hit, after)) = match self.class_or_equivalence(c, p, here) {
                Ok(item) => item,
                Err(()) => return Set::Fail,
            } {
                if hit {
                    return self.skip_rest(after, negated, flags);
                }
                p = after;
                (c, at_end) = self.next(&mut p);
                if !at_end && c == u32::from(b']') {
                    break;
                }
                continue;
            } else if c == u32::from(b'[') && self.pbyte(p) == b'.' {
                let Some((sym, after)) = self.symbol(p) else { return Set::Fail };
                p = after;
                member = (sym, true);
            } else {
                member = (self.fold(c), false);
            }
            // A collating symbol is compared unfolded, and starts a range even before `]`.
            let (low, symbol) = member;
            let is_range = self.pbyte(p) == b'-' && p + 1 < self.pattern.len() && (symbol || self.pbyte(p + 1) != b']');
            let direct = if symbol { here == low } else { low == folded };
            if !is_range && direct {
                return self.skip_rest(p, negated, flags);
            }
            (c, at_end) = self.next(&mut p);
            match self.range_tail(low, folded, &mut p, &mut c, &mut at_end, flags) {
                Some(true) => return self.skip_rest(p, negated, flags),
                Some(false) => {}
                None => return Set::Fail,
            }
            if !at_end && c == u32::from(b']') {
                break;
            }
        }
        Set::Decided(p, negated)
    }

    /// A class `[:name:]` or an equivalence class `[=c=]` starting with the `[` in `c` (its
    /// next character at `p`): whether `here` is in it, and the offset after it; `None` when
    /// there is none there (the `[` is then an ordinary member); `Err` for a class name the
    /// locale lacks (no match at all).
    fn class_or_equivalence(&self, c: u32, p: usize, here: u32) -> Result<Option<(bool, usize)>, ()> {
        if c != u32::from(b'[') {
            return Ok(None);
        }
        match self.pbyte(p) {
            b':' => match self.class(p) {
                Some((mask, after)) => Ok(Some((wide::wide_classes(here, self.chars) & mask? != 0, after))),
                None => Ok(None),
            },
            b'=' => Ok(self.equivalence(p).map(|(e, after)| (here == e, after))),
            _ => Ok(None),
        }
    }

    /// The pattern character at `*p`, advancing past it; whether the pattern had ended.
    fn next(&self, p: &mut usize) -> (u32, bool) {
        let (c, len) = self.pat(*p);
        *p += len;
        (c, len == 0)
    }

    /// After a set member `low` and the character `c` that follows it: when `c` is a `-`
    /// that starts a range, reads the range's end and says whether `folded` is in it
    /// (leaving `c` as the character after the range); `None` for a range without an end.
    fn range_tail(&self, low: u32, folded: u32, p: &mut usize, c: &mut u32, at_end: &mut bool, flags: i32) -> Option<bool> {
        if *at_end || *c != u32::from(b'-') || self.pbyte(*p) == b']' {
            return Some(false);
        }
        let high = if self.pbyte(*p) == b'[' && self.pbyte(*p + 1) == b'.' {
            let (sym, after) = self.symbol(*p + 1)?;
            *p = after;
            sym
        } else {
            let (mut high, mut len) = self.pat(*p);
            *p += len;
            if flags & NOESCAPE == 0 && high == u32::from(b'\\') {
                (high, len) = self.pat(*p);
                *p += len;
            }
            if len == 0 {
                return None;
            }
            self.fold(high)
        };
        if self.in_range(low, folded, high) {
            return Some(true);
        }
        (*c, *at_end) = self.next(p);
        Some(false)
    }

    /// Whether `c` is in the range `low`-`high`. Bytes compare by value. Characters compare
    /// by glibc's C.UTF-8 collation sequence, which knows only U+0000..U+00FF (in code-point
    /// order): a character beyond it is in no range, a bound beyond it bounds nothing, except
    /// that an unknown upper bound admits the lower bound itself.
    fn in_range(&self, low: u32, c: u32, high: u32) -> bool {
        if !self.chars {
            return low <= c && c <= high;
        }
        const KNOWN: u32 = 0xff;
        if c > KNOWN || low > KNOWN || low > c {
            return false;
        }
        if high > KNOWN { low == c } else { c <= high }
    }

    /// A class `[:name:]` whose `:` is at `p`: its class bits (`Err` for a name the locale
    /// has no class of, or one too long) and the offset after it; `None` when what follows
    /// is no class name (a character other than `a`..`y` before `:]`).
    fn class(&self, p: usize) -> Option<(Result<u16, ()>, usize)> {
        let mut q = p + 1;
        loop {
            if q - (p + 1) == CLASS_NAME_MAX {
                return Some((Err(()), q));
            }
            let b = self.pbyte(q);
            if b == b':' && self.pbyte(q + 1) == b']' {
                let name = self.pattern.get(p + 1..q).unwrap_or_default();
                let mask = wide::class_named(name, self.names_utf8);
                return Some((if mask == 0 { Err(()) } else { Ok(mask) }, q + 2));
            }
            if !(b'a'..=b'y').contains(&b) {
                return None;
            }
            q += 1;
        }
    }

    /// An equivalence class `[=c=]` whose `=` is at `p`: its character and the offset after
    /// it; `None` when it is not one.
    fn equivalence(&self, p: usize) -> Option<(u32, usize)> {
        let (e, len) = self.pat(p + 1);
        if len == 0 {
            return None;
        }
        let q = p + 1 + len;
        (self.pbyte(q) == b'=' && self.pbyte(q + 1) == b']').then_some((e, q + 2))
    }

    /// A collating symbol `[.c.]` whose `.` is at `p`: its one character and the offset after
    /// it; `None` when it is not closed or names more than one character (no match at all).
    fn symbol(&self, p: usize) -> Option<(u32, usize)> {
        let mut q = p + 1;
        let mut count = 0;
        let mut first = 0;
        loop {
            let (c, len) = self.pat(q);
            if len == 0 {
                return None;
            }
            if c == u32::from(b'.') && self.pbyte(q + 1) == b']' {
                break;
            }
            if count == 0 {
                first = c;
            }
            count += 1;
            q += len;
        }
        (count == 1).then_some((first, q + 2))
    }

    /// The character was found in the set: skips the rest of the set from `p`, to its `]`.
    fn skip_rest(&self, mut p: usize, negated: bool, flags: i32) -> Set {
        loop {
            let (c, at_end) = self.next(&mut p);
            if at_end {
                return Set::Unterminated;
            }
            if flags & NOESCAPE == 0 && c == u32::from(b'\\') {
                let (_, len) = self.pat(p);
                if len == 0 {
                    return Set::Fail;
                }
                p += len;
            } else if c == u32::from(b'[') && self.pbyte(p) == b':' {
                let mut q = p + 1;
                loop {
                    if q - p == CLASS_NAME_MAX {
                        return Set::Fail;
                    }
                    let b = self.pbyte(q);
                    if b == b':' && self.pbyte(q + 1) == b']' {
                        p = q + 2;
                        break;
                    }
                    if !(b'a'..=b'y').contains(&b) {
                        break;
                    }
                    q += 1;
                }
            } else if c == u32::from(b'[') && self.pbyte(p) == b'=' {
                match self.equivalence(p) {
                    Some((_, after)) => p = after,
                    None => return Set::Fail,
                }
            } else if c == u32::from(b'[') && self.pbyte(p) == b'.' {
                let mut q = p + 1;
                loop {
                    let (c, len) = self.pat(q);
                    if len == 0 {
                        return Set::Fail;
                    }
                    if c == u32::from(b'.') && self.pbyte(q + 1) == b']' {
                        p = q + 2;
                        break;
                    }
                    q += len;
                }
            } else if c == u32::from(b']') {
                return Set::Decided(p, !negated);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(p: &[u8], s: &[u8], flags: i32) -> i32 {
        fnmatch_in(p, s, flags, false, true)
    }

    #[test]
    fn wildcards_sets_and_flags() {
        assert_eq!(m(b"a*c", b"abbc", 0), 0);
        assert_eq!(m(b"a*c", b"abbd", 0), NOMATCH);
        assert_eq!(m(b"[!a-c]x", b"dx", 0), 0);
        assert_eq!(m(b"[[:digit:]]", b"5", 0), 0);
        assert_eq!(m(b"[[:nope:]]", b"5", 0), NOMATCH);
        assert_eq!(m(b"[a", b"[a", 0), 0);
        assert_eq!(m(b"*", b"a/b", PATHNAME), NOMATCH);
        assert_eq!(m(b"*/*", b"a/.b", PATHNAME | PERIOD), NOMATCH);
        assert_eq!(m(b"a", b"a/b", LEADING_DIR), 0);
        assert_eq!(m(b"ABC", b"abc", CASEFOLD), 0);
        assert_eq!(m(b"\\*", b"\\x", NOESCAPE), 0);
        assert_eq!(m(b"@(a|b)c", b"bc", EXTMATCH), 0);
        assert_eq!(m(b"+(ab)", b"ababab", EXTMATCH), 0);
        assert_eq!(m(b"!(a*)", b"abc", EXTMATCH), NOMATCH);
        assert_eq!(m(b"@(a", b"@(a", EXTMATCH), 0);
    }

    #[test]
    fn utf8_characters_then_bytes() {
        let u = |p: &[u8], s: &[u8]| fnmatch_in(p, s, 0, true, true);
        assert_eq!(u("?".as_bytes(), "é".as_bytes()), 0);
        assert_eq!(u("??".as_bytes(), "é".as_bytes()), 0);
        assert_eq!(u("[à-ÿ]".as_bytes(), "é".as_bytes()), 0);
        assert_eq!(u("[😀-😏]".as_bytes(), "😅".as_bytes()), NOMATCH);
        assert_eq!(u(b"*", b"\xff"), 0);
    }
}
