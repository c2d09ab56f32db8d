//! The engine on strings, with `va_list`s built in memory.

use super::{Bytes, scan};
use crate::arch::{VaList, VaListTag};

#[repr(C, align(16))]
struct Stack([u64; 16]);

fn run(input: &str, fmt: &str, pointers: &[*mut u8]) -> i32 {
    let mut stack = Stack([0; 16]);
    for (slot, p) in stack.0.iter_mut().zip(pointers) {
        *slot = *p as u64;
    }
    let mut tag = VaListTag::on_stack(stack.0.as_mut_ptr().cast());
    // SAFETY: the tag describes `stack`, which holds the pointers.
    let mut va = unsafe { VaList::new(&mut tag) };
    scan(&mut Bytes::new(input.as_bytes()), fmt.as_bytes(), &mut va).unwrap()
}

#[test]
fn as_glibc_counts() {
    let (mut a, mut b, mut n) = (0i32, 0i32, 0i32);
    let pa = (&raw mut a).cast();
    let pb = (&raw mut b).cast();
    let pn = (&raw mut n).cast();
    assert_eq!(run("", "%d", &[pa]), -1);
    assert_eq!(run(" ", "%d", &[pa]), -1);
    assert_eq!(run("", " ", &[]), 0);
    assert_eq!(run("x", "%d", &[pa]), 0);
    assert_eq!(run("5", "%*d%d", &[pa]), -1);
    assert_eq!(run("5", "%d%d", &[pa, pb]), 1);
    assert_eq!(run("  42  x", "%d %n", &[pa, pn]), 1);
    assert_eq!((a, n), (42, 6));
    assert_eq!(run("12345", "%2d%3d", &[pa, pb]), 2);
    assert_eq!((a, b), (12, 345));
    assert_eq!(run("5 6", "%2$d %1$d", &[pa, pb]), 2);
    assert_eq!((a, b), (6, 5));
    assert_eq!(run("-0x10", "%i", &[pa]), 1);
    assert_eq!(a, -16);
    assert_eq!(run("99999999999", "%d", &[pa]), 1);
    assert_eq!(a, 1215752191);
}

#[test]
fn strings_and_sets() {
    let mut s = [0u8; 16];
    let mut c = [b'z'; 8];
    let mut n = 0i32;
    let ps = s.as_mut_ptr();
    let pn = (&raw mut n).cast();
    assert_eq!(run("abc]def", "%[]a-c]%n", &[ps, pn]), 1);
    assert_eq!((&s[..5], n), (&b"abc]\0"[..], 4));
    assert_eq!(run("abc", "%[^b]", &[ps]), 1);
    assert_eq!(&s[..2], b"a\0");
    assert_eq!(run("xyz", "%[abc]", &[ps]), 0);
    assert_eq!(run("abc", "%5c%n", &[c.as_mut_ptr(), pn]), 1);
    assert_eq!((&c[..4], n), (&b"abcz"[..], 3));
    assert_eq!(run("   abc def", "%s%n", &[ps, pn]), 1);
    assert_eq!((&s[..4], n), (&b"abc\0"[..], 6));
}

#[test]
fn floats() {
    let (mut f, mut d, mut n) = (0f32, 0f64, 0i32);
    let pf = (&raw mut f).cast();
    let pd = (&raw mut d).cast();
    let pn = (&raw mut n).cast();
    assert_eq!(run("1e", "%f%n", &[pf, pn]), 1);
    assert_eq!((f, n), (1.0, 2));
    assert_eq!(run("1.5e3", "%3lf%n", &[pd, pn]), 1);
    assert_eq!((d, n), (1.5, 3));
    assert_eq!(run(".", "%lf", &[pd]), 0);
    assert_eq!(run("inx", "%f", &[pf]), 0);
    assert_eq!(run("-infinity", "%lf%n", &[pd, pn]), 1);
    assert_eq!((d, n), (f64::NEG_INFINITY, 9));
    assert_eq!(run("0x1.8p1", "%lf", &[pd]), 1);
    assert_eq!(d, 3.0);
}
