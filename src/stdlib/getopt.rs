//! `getopt`, `getopt_long`, `getopt_long_only`: command-line options as glibc parses them.
//!
//! By default non-options are permuted to the end (`PERMUTE`): option arguments are scanned
//! past, and each time options follow a run of non-options, the options are rotated in
//! front of them, so that when parsing ends `optind` is the first non-option. `+` first in
//! the option string (or `POSIXLY_CORRECT` in the environment, or `__posix_getopt`) stops
//! at the first non-option; `-` returns each non-option as the argument of option 1. A `:`
//! (after any `+`/`-`) silences the error messages and makes a missing argument `:`.
//! Long options may be abbreviated to any unambiguous prefix, take arguments as `--name=x` or
//! `--name x`, and `-W name` means `--name` when the option string has `W;`. Error
//! messages go to standard error with glibc's wording, prefixed by `argv[0]`.
//!
//! The parser's own position (the next character within a cluster like `-abc`, and the
//! non-option run being permuted) is process-wide, as in every C library: `getopt` is not
//! thread-safe. Setting `optind` to 0 starts over.

use core::cell::UnsafeCell;
use core::ffi::{CStr, c_char, c_int};

/// glibc's `struct option`.
#[repr(C)]
pub struct LongOption {
    pub name: *const c_char,
    /// 0: no argument, 1: required, 2: optional.
    pub has_arg: c_int,
    /// If not null, receives `val` and the call returns 0.
    pub flag: *mut c_int,
    pub val: c_int,
}

/// The variables C programs see: `optind`, `opterr`, `optopt`, `optarg`.
pub struct Globals {
    pub optind: c_int,
    pub opterr: c_int,
    pub optopt: c_int,
    pub optarg: *mut c_char,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Ordering {
    RequireOrder,
    Permute,
    ReturnInOrder,
}

/// Where the parser is.
struct State {
    /// The rest of the current option cluster (`-abc` after `a`), or null.
    next: *mut c_char,
    ordering: Ordering,
    /// The run of non-options skipped so far: `argv[first..last]`.
    first: c_int,
    last: c_int,
    initialized: bool,
}

struct Shared(UnsafeCell<State>);

// SAFETY: getopt is not thread-safe (POSIX); callers do not call it concurrently.
unsafe impl Sync for Shared {}

static STATE: Shared = Shared(UnsafeCell::new(State {
    next: core::ptr::null_mut(),
    ordering: Ordering::Permute,
    first: 1,
    last: 1,
    initialized: false,
}));

/// One parsing call's inputs.
pub struct Call<'a> {
    pub argc: c_int,
    pub argv: *mut *mut c_char,
    pub optstring: &'a [u8],
    pub longopts: *const LongOption,
    pub longind: *mut c_int,
    pub long_only: bool,
    /// `__posix_getopt`: stop at the first non-option, as with `+`.
    pub posix: bool,
}

impl Call<'_> {
    /// `argv[i]`.
    fn arg(&self, i: c_int) -> *mut c_char {
        // SAFETY: callers only pass indices below `argc`; argv has `argc` entries.
        unsafe { *self.argv.add(i as usize) }
    }

    /// The bytes of `argv[i]`.
    fn bytes(&self, i: c_int) -> &[u8] {
        // SAFETY: each argument is a NUL-terminated string.
        unsafe { CStr::from_ptr(self.arg(i)) }.to_bytes()
    }

    /// Whether `argv[i]` is not an option (does not start with `-`, or is just `-`).
    fn non_option(&self, i: c_int) -> bool {
        let b = self.bytes(i);
        b.first() != Some(&b'-') || b.len() == 1
    }

    /// The option string's entry for option character `c`: the bytes from it on.
    fn short(&self, c: u8) -> Option<&[u8]> {
        let i = memchr::memchr(c, self.optstring)?;
        self.optstring.get(i..)
    }

    fn program(&self) -> &[u8] {
        self.bytes(0)
    }
}

/// The bytes of a C string.
///
/// # Safety
/// `p` NUL-terminated.
unsafe fn text<'a>(p: *const c_char) -> &'a [u8] {
    // SAFETY: per the contract.
    unsafe { CStr::from_ptr(p) }.to_bytes()
}

fn complain(parts: &[&[u8]]) {
    crate::io::diag::write_stderr(parts);
}

/// Rotates the non-options `argv[first..last]` after the options `argv[last..optind]`.
fn exchange(call: &Call<'_>, s: &mut State, optind: c_int) {
    let (bottom, middle, top) = (s.first as usize, s.last as usize, optind as usize);
    // SAFETY: `bottom <= middle <= top <= argc`: a range of argv, which glibc's callers let
    // getopt reorder (despite its `char *const *` type).
    let args = unsafe { core::slice::from_raw_parts_mut(call.argv.add(bottom), top - bottom) };
    args.rotate_left(middle - bottom);
    s.first += optind - s.last;
    s.last = optind;
}

/// One `getopt` step; see the module documentation.
///
/// # Safety
/// `argv` holds `argc` NUL-terminated strings (and may be reordered); `longopts` null or an
/// array ending with a zero entry; `longind` null or writable.
pub unsafe fn getopt(g: &mut Globals, call: &Call<'_>) -> c_int {
    // SAFETY: not called concurrently (module documentation).
    let s = unsafe { &mut *STATE.0.get() };
    if call.argc < 1 {
        return -1;
    }
    // A program that sets optind past the arguments (or below 0) has nothing left to parse;
    // reading there would leave argv.
    if g.optind > call.argc || g.optind < 0 {
        return -1;
    }
    g.optarg = core::ptr::null_mut();
    let mut optstring = call.optstring;
    if g.optind == 0 || !s.initialized {
        if g.optind == 0 {
            g.optind = 1;
        }
        s.first = g.optind;
        s.last = g.optind;
        s.next = core::ptr::null_mut();
        s.ordering = match optstring.first() {
            Some(b'-') => Ordering::ReturnInOrder,
            Some(b'+') => Ordering::RequireOrder,
            _ if call.posix || !crate::env::getenv(b"POSIXLY_CORRECT").is_null() => Ordering::RequireOrder,
            _ => Ordering::Permute,
        };
        s.initialized = true;
    }
    if matches!(optstring.first(), Some(b'-' | b'+')) {
        optstring = optstring.get(1..).unwrap_or_default();
    }
    let call = &Call { optstring, ..*call };
    let colon = optstring.first() == Some(&b':');
    let print = g.opterr != 0 && !colon;

    // SAFETY: `next` is null or inside an argument string.
    if s.next.is_null() || unsafe { *s.next } == 0 {
        if s.last > g.optind {
            s.last = g.optind;
        }
        if s.first > g.optind {
            s.first = g.optind;
        }
        if s.ordering == Ordering::Permute {
            if s.first != s.last && s.last != g.optind {
                exchange(call, s, g.optind);
            } else if s.last != g.optind {
                s.first = g.optind;
            }
            while g.optind < call.argc && call.non_option(g.optind) {
                g.optind += 1;
            }
            s.last = g.optind;
        }
        if g.optind != call.argc && call.bytes(g.optind) == b"--" {
            g.optind += 1;
            if s.first != s.last && s.last != g.optind {
                exchange(call, s, g.optind);
            } else if s.first == s.last {
                s.first = g.optind;
            }
            s.last = call.argc;
            g.optind = call.argc;
        }
        if g.optind == call.argc {
            if s.first != s.last {
                g.optind = s.first;
            }
            return -1;
        }
        if call.non_option(g.optind) {
            if s.ordering == Ordering::RequireOrder {
                return -1;
            }
            g.optarg = call.arg(g.optind);
            g.optind += 1;
            return 1;
        }
        let arg = call.bytes(g.optind);
        if !call.longopts.is_null() {
            if arg.get(1) == Some(&b'-') {
                // SAFETY: inside the argument.
                s.next = unsafe { call.arg(g.optind).add(2) };
                // SAFETY: per this function's contract.
                return unsafe { long_option(g, s, call, print, b"--") };
            }
            let second = arg.get(1).copied().unwrap_or(0);
            if call.long_only && (arg.len() > 2 || call.short(second).is_none()) {
                // SAFETY: inside the argument.
                s.next = unsafe { call.arg(g.optind).add(1) };
                // SAFETY: per this function's contract.
                let code = unsafe { long_option(g, s, call, print, b"-") };
                if code != -1 {
                    return code;
                }
            }
        }
        // SAFETY: inside the argument (it is at least "-x").
        s.next = unsafe { call.arg(g.optind).add(1) };
    }

    // SAFETY: `next` points at an option character of the current argument.
    let c = unsafe { *s.next } as u8;
    // SAFETY: still inside the string (at worst at its NUL).
    s.next = unsafe { s.next.add(1) };
    // SAFETY: as above.
    let at_end = unsafe { *s.next } == 0;
    if at_end {
        g.optind += 1;
    }
    let entry = call.short(c).filter(|_| c != b':' && c != b';');
    let Some(entry) = entry else {
        if print {
            complain(&[call.program(), b": invalid option -- '", &[c], b"'\n"]);
        }
        g.optopt = c as c_int;
        return b'?' as c_int;
    };
    let missing = |g: &mut Globals| {
        if print {
            complain(&[call.program(), b": option requires an argument -- '", &[c], b"'\n"]);
        }
        g.optopt = c as c_int;
        if colon { b':' as c_int } else { b'?' as c_int }
    };
    if entry.get(1) == Some(&b';') && c == b'W' && !call.longopts.is_null() {
        let rest = if !at_end {
            s.next
        } else if g.optind == call.argc {
            return missing(g);
        } else {
            call.arg(g.optind)
        };
        s.next = rest;
        // SAFETY: per this function's contract.
        return unsafe { long_option(g, s, &Call { long_only: false, ..*call }, print, b"-W ") };
    }
    if entry.get(1) == Some(&b':') {
        if entry.get(2) == Some(&b':') {
            if !at_end {
                g.optarg = s.next;
                g.optind += 1;
            }
        } else if !at_end {
            g.optarg = s.next;
            g.optind += 1;
        } else if g.optind == call.argc {
            s.next = core::ptr::null_mut();
            return missing(g);
        } else {
            g.optarg = call.arg(g.optind);
            g.optind += 1;
        }
        s.next = core::ptr::null_mut();
    }
    c as c_int
}

/// The long option named at `s.next` (up to a `=`), after `prefix` (`--`, `-`, `-W `).
///
/// # Safety
/// As [`getopt`].
unsafe fn long_option(g: &mut Globals, s: &mut State, call: &Call<'_>, print: bool, prefix: &[u8]) -> c_int {
    let start = s.next;
    // SAFETY: `next` is inside an argument string.
    let rest = unsafe { text(start) };
    let name_len = memchr::memchr(b'=', rest).unwrap_or(rest.len());
    let name = rest.get(..name_len).unwrap_or_default();
    let option = |i: usize| {
        // SAFETY: `i` is at most the index of the terminating entry.
        unsafe { &*call.longopts.add(i) }
    };
    // SAFETY: names are NUL-terminated.
    let option_name = |i: usize| unsafe { text(option(i).name) };
    let mut count = 0;
    while !option(count).name.is_null() {
        count += 1;
    }
    let mut found = (0..count).find(|&i| option_name(i) == name);
    if found.is_none() {
        let mut ambiguous = false;
        for i in (0..count).filter(|&i| option_name(i).starts_with(name)) {
            match found {
                None => found = Some(i),
                Some(f) => {
                    let (a, b) = (option(f), option(i));
                    if call.long_only || a.has_arg != b.has_arg || a.flag != b.flag || a.val != b.val {
                        ambiguous = true;
                    }
                }
            }
        }
        if ambiguous {
            if print {
                complain(&[call.program(), b": option '", prefix, rest, b"' is ambiguous; possibilities:"]);
                let first = found.unwrap_or(0);
                for i in (0..count).filter(|&i| option_name(i).starts_with(name)) {
                    let (a, b) = (option(first), option(i));
                    let differs = i == first || call.long_only || a.has_arg != b.has_arg || a.flag != b.flag || a.val != b.val;
                    if differs {
                        complain(&[b" '", prefix, option_name(i), b"'"]);
                    }
                }
                complain(&[b"\n"]);
            }
            // SAFETY: the end of the argument string.
            s.next = unsafe { s.next.add(rest.len()) };
            g.optind += 1;
            g.optopt = 0;
            return b'?' as c_int;
        }
    }
    let Some(index) = found else {
        let dashes = call.bytes(g.optind).get(1) == Some(&b'-');
        if !call.long_only || dashes || call.short(rest.first().copied().unwrap_or(0)).is_none() {
            if print {
                complain(&[call.program(), b": unrecognized option '", prefix, rest, b"'\n"]);
            }
            s.next = core::ptr::null_mut();
            g.optind += 1;
            g.optopt = 0;
            return b'?' as c_int;
        }
        return -1;
    };
    let o = option(index);
    g.optind += 1;
    s.next = core::ptr::null_mut();
    if name_len < rest.len() {
        if o.has_arg != 0 {
            // SAFETY: just after the `=`, inside the argument string.
            g.optarg = unsafe { start.add(name_len + 1) };
        } else {
            if print {
                complain(&[call.program(), b": option '", prefix, option_name(index), b"' doesn't allow an argument\n"]);
            }
            g.optopt = o.val;
            return b'?' as c_int;
        }
    } else if o.has_arg == 1 {
        if g.optind < call.argc {
            g.optarg = call.arg(g.optind);
            g.optind += 1;
        } else {
            if print {
                complain(&[call.program(), b": option '", prefix, option_name(index), b"' requires an argument\n"]);
            }
            g.optopt = o.val;
            return if call.optstring.first() == Some(&b':') { b':' as c_int } else { b'?' as c_int };
        }
    }
    if !call.longind.is_null() {
        // SAFETY: writable per the contract.
        unsafe { *call.longind = index as c_int };
    }
    if !o.flag.is_null() {
        // SAFETY: the option's flag points at an int (C's contract for `struct option`).
        unsafe { *o.flag = o.val };
        return 0;
    }
    o.val
}
