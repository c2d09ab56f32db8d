//! The engine against known glibc output, with `va_list`s built in memory.

use super::format;
use crate::arch::{VaList, VaListTag};
use crate::fmt::sink::Buffer;
use std::string::String;

/// One argument as C would pass it.
enum A {
    I(i64),
    D(f64),
    L(u64, u16),
    S(&'static core::ffi::CStr),
}

#[repr(C, align(16))]
struct Stack([u64; 64]);

fn f(fmt: &str, args: &[A]) -> String {
    let mut stack = Stack([0; 64]);
    let mut at = 0;
    for a in args {
        match *a {
            A::I(v) => stack.0[at] = v as u64,
            A::D(v) => stack.0[at] = v.to_bits(),
            A::S(s) => stack.0[at] = s.as_ptr() as u64,
            A::L(m, top) => {
                at += at % 2;
                stack.0[at] = m;
                stack.0[at + 1] = top as u64;
                at += 1;
            }
        }
        at += 1;
    }
    let mut tag = VaListTag::on_stack(stack.0.as_mut_ptr().cast());
    // SAFETY: the tag describes `stack`, filled with the arguments as typed above.
    let mut va = unsafe { VaList::new(&mut tag) };
    let mut buf = [0u8; 4096];
    // SAFETY: `buf` is writable for its length.
    let mut sink = unsafe { Buffer::new(buf.as_mut_ptr(), buf.len()) };
    let n = format(&mut sink, fmt.as_bytes(), &mut va, 2).unwrap();
    String::from_utf8(buf[..n].to_vec()).unwrap()
}

use A::*;

#[test]
fn integers() {
    assert_eq!(f("%d|%5d|%-5d|%05d|%+d|% d|%.3d|%.0d", &[I(-42), I(42), I(42), I(-42), I(7), I(7), I(7), I(0)]), "-42|   42|42   |-0042|+7| 7|007|");
    assert_eq!(f("%hhd %hd %ld %lld %jd", &[I(300), I(70000), I(i64::MIN), I(-1), I(5)]), "44 4464 -9223372036854775808 -1 5");
    assert_eq!(f("%u %o %#o %x %#X %#x %#.0o", &[I(-1), I(8), I(8), I(255), I(255), I(0), I(0)]), "4294967295 10 010 ff 0XFF 0 0");
    assert_eq!(f("%#05x|%05.2d|%-05d|", &[I(255), I(3), I(3)]), "0x0ff|   03|3    |");
    assert_eq!(f("%p %p %10p|", &[I(0), I(16), I(0)]), "(nil) 0x10      (nil)|");
}

#[test]
fn text() {
    assert_eq!(f("%s|%.2s|%5s|%-5s|%c%%", &[S(c"abc"), S(c"abc"), S(c"ab"), S(c"ab"), I(b'x' as i64)]), "abc|ab|   ab|ab   |x%");
    assert_eq!(f("%s|%.3s|%.6s", &[I(0), I(0), I(0)]), "(null)||(null)");
    assert_eq!(f("%m|%.2m", &[]), "No such file or directory|No");
}

#[test]
fn stars_and_positions() {
    assert_eq!(f("%*d|%-*d|%.*d|%*d", &[I(4), I(1), I(3), I(2), I(3), I(5), I(-3), I(9)]), "   1|2  |005|9  ");
    assert_eq!(f("%2$s %1$s %2$s", &[S(c"a"), S(c"b")]), "b a b");
    assert_eq!(f("x%1$*2$d|%3$.*2$f", &[I(5), I(3), D(1.0)]), "x  5|1.000");
}

#[test]
fn floats() {
    assert_eq!(f("%f %.0f %.0f %.2f %#.0f", &[D(1.5), D(0.5), D(2.5), D(0.125), D(1.0)]), "1.500000 0 2 0.12 1.");
    assert_eq!(f("%e %E %.0e %#.0e", &[D(12345.678), D(0.0), D(2.5), D(1.0)]), "1.234568e+04 0.000000E+00 2e+00 1.e+00");
    assert_eq!(f("%g %g %g %g %#g %.3g %G", &[D(100000.0), D(1e6), D(1e-5), D(0.0001), D(1.0), D(0.0001234567), D(1e-10)]), "100000 1e+06 1e-05 0.0001 1.00000 0.000123 1E-10");
    assert_eq!(f("%010f|%-10f|%f|%F|%+.1f|%08.2f", &[D(f64::INFINITY), D(f64::NEG_INFINITY), D(-f64::NAN), D(f64::NAN), D(1.0), D(-1.5)]), "       inf|-inf      |-nan|NAN|+1.0|-0001.50");
    assert_eq!(f("%.3000f", &[D(1.0)]).len(), 3002);
    assert_eq!(f("%e", &[D(1e308)]), "1.000000e+308");
    assert_eq!(f("%.17g %.17g", &[D(0.1), D(5e-324)]), "0.10000000000000001 4.9406564584124654e-324");
}

#[test]
fn hex_floats() {
    assert_eq!(f("%a %a %A %a %a", &[D(1.0), D(0.0), D(1.0), D(-0.0), D(5e-324)]), "0x1p+0 0x0p+0 0X1P+0 -0x0p+0 0x0.0000000000001p-1022");
    assert_eq!(f("%.0a %.0a %.0a %.1a %.1a %.2a", &[D(1.5), D(2.5), D(1.9375), D(1.03125), D(1.09375), D(5e-324)]), "0x2p+0 0x1p+1 0x2p+0 0x1.0p+0 0x1.2p+0 0x0.00p-1022");
    assert_eq!(f("%La %La %.3La %La", &[L(1 << 63, 0x3fff), L(3 << 62, 0x4000), L(0xaaaa_aaaa_aaaa_aaab, 0x3ffd), L(0, 0)]), "0x8p-3 0xcp-2 0xa.aabp-5 0x0p+0");
    assert_eq!(f("%#a|%010a|%.3a", &[D(1.0), D(1.0), D(1.0)]), "0x1.p+0|0x00001p+0|0x1.000p+0");
}

#[test]
fn long_double_as_double() {
    assert_eq!(f("%Lf %Le", &[L(1 << 63, 0x3fff), L(1 << 63, 0x3fff + 10)]), "1.000000 1.024000e+03");
}

#[test]
fn unknown_and_errors() {
    assert_eq!(f("%y|%5y|%-#08.3hhq", &[]), "%y|%5y|%#-8.3q");
    let mut tag = VaListTag::on_stack(core::ptr::null_mut());
    // SAFETY: no argument is read.
    let mut va = unsafe { VaList::new(&mut tag) };
    let mut buf = [0u8; 8];
    // SAFETY: `buf` is writable.
    let mut sink = unsafe { Buffer::new(buf.as_mut_ptr(), 8) };
    assert_eq!(format(&mut sink, b"abc%", &mut va, 0), Err(rustix::io::Errno::INVAL));
}

#[test]
fn strfrom_formats() {
    use super::strfrom::{Value, strfrom};
    let mut buf = [0u8; 64];
    let mut run = |fmt: &str, v: Value| {
        // SAFETY: `buf` is writable for its length.
        let mut sink = unsafe { Buffer::new(buf.as_mut_ptr(), buf.len()) };
        strfrom(&mut sink, fmt.as_bytes(), v).map(|n| String::from_utf8(buf[..n].to_vec()).unwrap())
    };
    assert_eq!(run("%.3f", Value::Double(3.14159)).as_deref(), Ok("3.142"));
    assert_eq!(run("%.25f", Value::LongDouble(0xcccc_cccc_cccc_cccd, 0x3ffb)).as_deref(), Ok("0.1000000000000000000013553"));
    for bad in ["%5f", "%.3Lf", "f", "%d", "%.3f ", "%-f", "%.*f", ""] {
        assert_eq!(run(bad, Value::Double(1.0)), Err(rustix::io::Errno::INVAL), "{bad}");
    }
}

/// `fmt` with the integers `values` (as many as C would pass), or the error.
fn ints(fmt: &str, values: &[i64]) -> Result<String, rustix::io::Errno> {
    let mut stack: std::vec::Vec<u64> = values.iter().map(|&v| v as u64).collect();
    stack.push(0);
    let mut tag = VaListTag::on_stack(stack.as_mut_ptr().cast());
    // SAFETY: the tag describes `stack`, which holds the integers.
    let mut va = unsafe { VaList::new(&mut tag) };
    let mut buf = std::vec![0u8; 1 << 16];
    // SAFETY: `buf` is writable for its length.
    let mut sink = unsafe { Buffer::new(buf.as_mut_ptr(), buf.len()) };
    let n = format(&mut sink, fmt.as_bytes(), &mut va, 0)?;
    Ok(String::from_utf8(buf[..n].to_vec()).unwrap())
}

#[test]
fn up_to_4096_positions() {
    use std::fmt::Write;
    // 64 positions fit the table on the stack, 65 and 4096 need an allocated one.
    for n in [63usize, 64, 65, 300, 4096] {
        let values: std::vec::Vec<i64> = (1..=n as i64).map(|v| v * 3).collect();
        let mut fmt = String::new();
        let mut want = String::new();
        for p in (1..=n).rev() {
            write!(fmt, "%{p}$d,").unwrap();
            write!(want, "{},", p * 3).unwrap();
        }
        assert_eq!(ints(&fmt, &values).as_deref(), Ok(want.as_str()), "{n} positions");
    }
    assert_eq!(ints("%4096$d|%1$d", &(1..=4096).collect::<std::vec::Vec<_>>()).as_deref(), Ok("4096|1"));
    assert_eq!(ints("%4097$d", &[1]), Err(rustix::io::Errno::INVAL));
    assert_eq!(ints("%1$d %d", &[1, 2]), Err(rustix::io::Errno::INVAL));
    assert_eq!(ints("%1$*5000$d", &[1]), Err(rustix::io::Errno::INVAL));
}
