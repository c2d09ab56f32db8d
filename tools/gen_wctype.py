#!/usr/bin/env python3
"""Writes src/ctype/unicode_tables.rs: the classes, widths and simple case mappings of every
code point in rustcrt's C.UTF-8, derived from Unicode 14.0.0 by glibc 2.36's rules (those of
its C.UTF-8, which adds the classes "combining" and "combining_level3" and the mapping
"totitle" to C's).

Usage: python3 tools/gen_wctype.py > src/ctype/unicode_tables.rs   (or `make tables`)
       python3 tools/gen_wctype.py --data-ok   (exit status 0 when the data below is at hand)

Unicode data comes from Python's `unicodedata` (general category, bidirectional class,
decomposition, East Asian width) and, for the properties it does not expose (Alphabetic,
Uppercase, Lowercase, Prepended_Concatenation_Mark, the simple case and title-case
mappings), from Perl's Unicode::UCD. Both must be at Unicode 14.0.0, the version glibc
2.36's locale data is built from; the script refuses to run otherwise.

glibc's rules (localedata/unicode-gen: unicode_utils.py for the classes, utf8_gen.py for
the widths), restated:
- a code point is assigned when its general category is neither Cn nor Cs (private-use
  code points are assigned);
- upper: has a simple lower-case mapping, or the Uppercase property;
- lower: has a simple upper-case mapping, or is U+00DF, or has the Lowercase property;
- alpha: the Alphabetic property, or a decimal digit (Nd) other than ASCII's (C forbids
  them in "digit", and glibc wants iswalnum to accept them);
- digit, xdigit: ASCII only, as C requires;
- space: the six ASCII white-space characters, Zl, Zp, and Zs without <noBreak>;
- blank: tab, and Zs without <noBreak>;
- cntrl: Cc, Zl, Zp;
- graph: assigned, not Cc, not space; print: assigned, not Cc, Zl or Zp;
- punct: graph and neither alpha nor digit; alnum: alpha or digit (localedef's rule);
- combining: Mn, Mc, Me; combining_level3: those of them whose canonical combining class
  is below 200;
- case mappings (toupper, tolower, totitle): the simple mappings of assigned code points;
- width: -1 when not print, except NUL (0); else 0 for Mn, Me, Cf and bidirectional
  class NSM, except the Prepended_Concatenation_Marks and U+00AD (1); 0 for the Hangul
  medial vowels and final consonants U+1160..U+11FF and U+D7B0..U+D7FF; 2 for East Asian
  Wide and Fullwidth, U+3248..U+324F and U+4DC0..U+4DFF; 1 otherwise.
Checked against glibc 2.36's C.UTF-8 over every code point: no difference.
"""
import subprocess
import sys
import unicodedata

UNICODE_VERSION = "14.0.0"
LIMIT = 0x110000
# Trie shape: code point = ROOT index (11 bits) | MIDDLE index (5 bits) | LEAVES index (5 bits).
LEAF_BITS = 5
MIDDLE_BITS = 5
# A case run is packed as first code point << 9 | (stride == 2) << 8 | count.
RUN_COUNT_MAX = 255

PERL_SCRIPT = r"""
use Unicode::UCD qw(prop_invlist prop_invmap);
for my $p (qw(Alphabetic Uppercase Lowercase Prepended_Concatenation_Mark)) {
    print "list $p ", join(" ", prop_invlist($p)), "\n";
}
for my $p (qw(Simple_Uppercase_Mapping Simple_Lowercase_Mapping Simple_Titlecase_Mapping)) {
    my ($starts, $maps, $format, $default) = prop_invmap($p);
    die "unexpected format $format/$default for $p\n" if $format ne "a" || $default != 0;
    print "map $p ", join(" ", map { "$starts->[$_]:$maps->[$_]" } 0 .. $#$starts), "\n";
}
"""

# The class bit names, as src/ctype/mod.rs defines them.
CLASS_ORDER = ["UPPER", "LOWER", "ALPHA", "DIGIT", "XDIGIT", "SPACE", "PRINT", "GRAPH", "BLANK",
               "CNTRL", "PUNCT", "ALNUM", "COMBINING", "COMBINING_LEVEL3"]


def data_problem():
    """Why this machine's Unicode data cannot make the tables, or None when it can."""
    if unicodedata.unidata_version != UNICODE_VERSION:
        return f"Python's unicodedata is at Unicode {unicodedata.unidata_version}, not {UNICODE_VERSION}"
    script = "use Unicode::UCD; print Unicode::UCD::UnicodeVersion()"
    try:
        perl = subprocess.run(["perl", "-e", script], capture_output=True, text=True)
    except OSError as e:
        return f"no perl: {e}"
    if perl.returncode != 0 or perl.stdout != UNICODE_VERSION:
        return f"Perl's Unicode::UCD is not at Unicode {UNICODE_VERSION}: {perl.stdout}{perl.stderr}".strip()
    return None


def perl_properties():
    """The inversion lists (as sets) and simple case mappings (as dicts) Perl knows."""
    out = subprocess.run(["perl", "-e", PERL_SCRIPT], check=True, capture_output=True, text=True).stdout
    sets, maps = {}, {}
    for line in out.splitlines():
        kind, name, *values = line.split()
        if kind == "list":
            bounds = [int(v) for v in values] + [LIMIT]
            members = set()
            for i in range(0, len(bounds) - 1, 2):
                members.update(range(bounds[i], bounds[i + 1]))
            sets[name] = members
        else:
            pairs = [tuple(int(x) for x in v.split(":")) for v in values] + [(LIMIT, 0)]
            mapping = {}
            for (start, target), (end, _) in zip(pairs, pairs[1:]):
                if target:
                    for c in range(start, end):
                        mapping[c] = target + c - start
            maps[name] = mapping
    return sets, maps


def properties():
    """For every code point, its (class names, width); and the case mappings by name."""
    sets, maps = perl_properties()
    alphabetic, uppercase, lowercase = sets["Alphabetic"], sets["Uppercase"], sets["Lowercase"]
    prepended = sets["Prepended_Concatenation_Mark"]
    to_upper, to_lower = maps["Simple_Uppercase_Mapping"], maps["Simple_Lowercase_Mapping"]
    to_title = maps["Simple_Titlecase_Mapping"]
    result = []
    for c in range(LIMIT):
        ch = chr(c)
        cat = unicodedata.category(ch)
        assigned = assigned_code_point(c)
        classes = set()
        zs_breaking = cat == "Zs" and "<noBreak>" not in unicodedata.decomposition(ch)
        space = c in (0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20) or cat in ("Zl", "Zp") or zs_breaking
        digit = 0x30 <= c <= 0x39
        alpha = c in alphabetic or (cat == "Nd" and not digit)
        if assigned and (to_lower.get(c, c) != c or c in uppercase):
            classes.add("UPPER")
        if assigned and (to_upper.get(c, c) != c or c == 0xdf or c in lowercase):
            classes.add("LOWER")
        if alpha:
            classes.add("ALPHA")
        if digit:
            classes.add("DIGIT")
        if digit or 0x41 <= c <= 0x46 or 0x61 <= c <= 0x66:
            classes.add("XDIGIT")
        if space:
            classes.add("SPACE")
        if c == 0x09 or zs_breaking:
            classes.add("BLANK")
        if cat in ("Cc", "Zl", "Zp"):
            classes.add("CNTRL")
        graph = assigned and cat != "Cc" and not space
        printable = assigned and cat not in ("Cc", "Zl", "Zp")
        if graph:
            classes.add("GRAPH")
        if printable:
            classes.add("PRINT")
        if graph and not alpha and not digit:
            classes.add("PUNCT")
        if alpha or digit:
            classes.add("ALNUM")
        if cat in ("Mn", "Mc", "Me"):
            classes.add("COMBINING")
            if unicodedata.combining(ch) < 200:
                classes.add("COMBINING_LEVEL3")
        result.append((frozenset(classes), width(c, cat, printable, prepended)))
    mappings = [("UPPER", to_upper), ("LOWER", to_lower), ("TITLE", to_title)]
    return result, [(name, {c: m for c, m in mapping.items() if assigned_code_point(c)}) for name, mapping in mappings]


def assigned_code_point(c):
    """Whether glibc counts `c` as a character: its category is neither Cn nor Cs."""
    return unicodedata.category(chr(c)) not in ("Cn", "Cs")


def width(c, cat, printable, prepended):
    """wcwidth of code point `c` by glibc's rules."""
    if c == 0:
        return 0
    if not printable:
        return -1
    # glibc's special cases, which no Unicode property gives: the Hangul medial vowels and
    # final consonants join the initial consonant before them in one (wide) syllable cell.
    if 0x1160 <= c <= 0x11ff or 0xd7b0 <= c <= 0xd7ff:
        return 0
    # The soft hyphen (Cf) shows as a hyphen where a line breaks; the prepended
    # concatenation marks (Cf, U+0600 ARABIC NUMBER SIGN ...) show above the digits after them.
    if c == 0xad or c in prepended:
        return 1
    if cat in ("Mn", "Me", "Cf") or unicodedata.bidirectional(chr(c)) == "NSM":
        return 0
    # Also glibc's choice: the circled numbers on black squares U+3248..U+324F are East Asian
    # Ambiguous, taken as wide; the Yijing hexagrams U+4DC0..U+4DFF (Neutral) sit among the
    # CJK ideographs and are drawn as wide as them.
    if unicodedata.east_asian_width(chr(c)) in ("W", "F") or 0x3248 <= c <= 0x324f or 0x4dc0 <= c <= 0x4dff:
        return 2
    return 1


def dedup_blocks(values, size):
    """Splits `values` into blocks of `size`: (the distinct blocks concatenated, each block's number)."""
    blocks, numbers, data = {}, [], []
    for start in range(0, len(values), size):
        block = tuple(values[start:start + size])
        if block not in blocks:
            blocks[block] = len(blocks)
            data.extend(block)
        numbers.append(blocks[block])
    return data, numbers


def case_runs(mapping):
    """The mapping as runs (first, count, stride, delta) of code points a stride apart that
    move by the same delta."""
    runs = []
    for c in sorted(mapping):
        delta = mapping[c] - c
        if runs:
            first, count, stride, d = runs[-1]
            if d == delta and count < RUN_COUNT_MAX:
                if count == 1 and c - first in (1, 2):
                    runs[-1] = (first, 2, c - first, d)
                    continue
                if count > 1 and c == first + count * stride:
                    runs[-1] = (first, count + 1, stride, d)
                    continue
        runs.append((c, 1, 1, delta))
    return runs


def rust_list(values, indent="    "):
    """Comma-separated values, wrapped under 100 columns."""
    lines, line = [], indent
    for v in values:
        item = f"{v},"
        if len(line) + len(item) + 1 > 100:
            lines.append(line.rstrip())
            line = indent
        line += item + " "
    lines.append(line.rstrip())
    return "\n".join(lines)


def main():
    props, mappings = properties()
    # src/ctype/wide.rs searches a mapping only for the characters in these classes.
    sources = {"UPPER": {"LOWER"}, "LOWER": {"UPPER"}, "TITLE": {"UPPER", "LOWER"}}
    for name, mapping in mappings:
        assert all(props[c][0] & sources[name] for c in mapping), f"a {name} mapping from outside {sources[name]}"
    distinct = sorted(set(props), key=lambda p: (sorted(CLASS_ORDER.index(n) for n in p[0]), p[1]))
    number = {p: i for i, p in enumerate(distinct)}
    leaves, leaf_numbers = dedup_blocks([number[p] for p in props], 1 << LEAF_BITS)
    middle, root = dedup_blocks(leaf_numbers, 1 << MIDDLE_BITS)
    assert len(distinct) <= 256 and max(middle) < 1 << 16 and max(root) < 256
    out = sys.stdout
    out.write(f"""//! Unicode {UNICODE_VERSION} in C.UTF-8 by glibc 2.36's rules: classes, widths, case mappings.
//!
//! GENERATED by `python3 tools/gen_wctype.py > src/ctype/unicode_tables.rs` (`make tables`):
//! do not edit; the rules are in the script.

use super::{{
{rust_list("IS_" + n for n in sorted(CLASS_ORDER))}
}};

/// The bits of a code point number that pick its entry in a block of `LEAVES`.
pub const LEAF_BITS: u32 = {LEAF_BITS};
/// The bits above those that pick its entry in a block of `MIDDLE`.
pub const MIDDLE_BITS: u32 = {MIDDLE_BITS};

/// The distinct (class bits, `wcwidth`) pairs of code points; `LEAVES` holds indexes here.
pub static PROPERTIES: [(u16, i8); {len(distinct)}] = [
""")
    for classes, w in distinct:
        bits = " | ".join("IS_" + n for n in CLASS_ORDER if n in classes) or "0"
        out.write(f"    ({bits}, {w}),\n")
    out.write(f"""];

/// For each 2^(LEAF_BITS + MIDDLE_BITS) code points, the number of a block of `MIDDLE`.
pub static ROOT: [u8; {len(root)}] = [
{rust_list(root)}
];

/// Blocks of 2^MIDDLE_BITS numbers of blocks of `LEAVES`.
pub static MIDDLE: [u16; {len(middle)}] = [
{rust_list(middle)}
];

/// Blocks of 2^LEAF_BITS indexes into `PROPERTIES`, one per code point.
pub static LEAVES: [u8; {len(leaves)}] = [
{rust_list(leaves)}
];
""")
    for name, mapping in mappings:
        runs = case_runs(mapping)
        packed = [f"({first << 9 | (stride == 2) << 8 | count:#x}, {delta})" for first, count, stride, delta in runs]
        out.write(f"""
/// Simple {name.lower()}-case mappings, as runs sorted by first code point: (first << 9 |
/// (stride is 2) << 8 | count, delta): code points first, first + stride, ... (count of them)
/// map to themselves plus delta.
pub static TO_{name}: [(u32, i32); {len(runs)}] = [
{rust_list(packed)}
];
""")


if __name__ == "__main__":
    problem = data_problem()
    if problem:
        sys.exit(problem)
    if sys.argv[1:] != ["--data-ok"]:
        main()
