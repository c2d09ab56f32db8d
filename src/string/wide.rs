//! Wide-character strings and arrays (`wchar_t`, a signed 32-bit int on x86_64 Linux):
//! `wcslen`, `wcscmp`, `wcschr`, `wmemchr`, ... Comparisons order elements as signed
//! `wchar_t`, as glibc does. Copies go through the byte primitives; the scanning loops test
//! two elements per step, a shape the optimiser does not turn into a call of `wcslen`.

use super::mem;

/// The element type.
pub type Wide = i32;

/// `wcsnlen`: the number of elements before the first 0, at most `n` (`usize::MAX`:
/// `wcslen`).
///
/// # Safety
/// `s` is 0-terminated or has `n` readable elements.
pub unsafe fn length_n(s: *const Wide, n: usize) -> usize {
    let mut i = 0;
    // SAFETY: each element read is before the terminator and within `n`.
    unsafe {
        while i < n {
            if *s.add(i) == 0 {
                return i;
            }
            if i + 1 == n || *s.add(i + 1) == 0 {
                return i + 1;
            }
            i += 2;
        }
    }
    n
}

/// The offset of the first element of the `n` at `s` that is `c` (or, with `nul`, is 0).
///
/// # Safety
/// The elements up to the first match, or all `n`, are readable.
pub unsafe fn find(s: *const Wide, c: Wide, n: usize, nul: bool) -> Option<usize> {
    let hit = |x: Wide| x == c || (nul && x == 0);
    let mut i = 0;
    // SAFETY: each element read follows only non-matching ones, within `n`.
    unsafe {
        while i < n {
            if hit(*s.add(i)) {
                return Some(i);
            }
            if i + 1 < n && hit(*s.add(i + 1)) {
                return Some(i + 1);
            }
            i += 2;
        }
    }
    None
}

/// `wcschr`: the offset of the first `c` in the wide string at `s`, the terminator included.
///
/// # Safety
/// `s` is 0-terminated.
pub unsafe fn find_in_string(s: *const Wide, c: Wide) -> Option<usize> {
    // SAFETY: the terminator ends the search.
    let i = unsafe { find(s, c, usize::MAX, true) }?;
    // SAFETY: `i` is inside the string.
    (unsafe { *s.add(i) } == c).then_some(i)
}

/// `wcsrchr`: the offset of the last `c` in the wide string at `s`, the terminator included.
///
/// # Safety
/// `s` is 0-terminated.
pub unsafe fn rfind_in_string(s: *const Wide, c: Wide) -> Option<usize> {
    // SAFETY: per the contract.
    let len = unsafe { length_n(s, usize::MAX) };
    // SAFETY: the string and its terminator are readable.
    let all = unsafe { core::slice::from_raw_parts(s, len + 1) };
    all.iter().rposition(|&x| x == c)
}

/// `wcsncmp` (`n == usize::MAX`: `wcscmp`): -1, 0 or 1.
///
/// # Safety
/// Both 0-terminated or at least `n` elements long.
pub unsafe fn compare_n(a: *const Wide, b: *const Wide, n: usize) -> i32 {
    let mut i = 0;
    while i < n {
        // SAFETY: no terminator passed yet and `i < n`.
        let (x, y) = unsafe { (*a.add(i), *b.add(i)) };
        if x != y {
            return if x < y { -1 } else { 1 };
        }
        if x == 0 {
            return 0;
        }
        i += 1;
    }
    0
}

/// `wmemcmp`: -1, 0 or 1.
///
/// # Safety
/// Both readable for `n` elements.
pub unsafe fn compare_mem(a: *const Wide, b: *const Wide, n: usize) -> i32 {
    // SAFETY: per the contract.
    let (x, y) = unsafe { (core::slice::from_raw_parts(a, n), core::slice::from_raw_parts(b, n)) };
    match x.iter().zip(y).find(|(p, q)| p != q) {
        Some((p, q)) if p < q => -1,
        Some(_) => 1,
        None => 0,
    }
}

/// Copies `n` elements (`wmemcpy`, `wmemmove`: the ranges may overlap).
///
/// # Safety
/// Both ranges valid for `n` elements.
pub unsafe fn move_elements(dst: *mut Wide, src: *const Wide, n: usize) {
    // SAFETY: per the contract.
    unsafe { mem::move_bytes(dst.cast(), src.cast(), n * 4) };
}

/// `wmemset`: sets `n` elements to `c`.
///
/// # Safety
/// `dst` writable for `n` elements.
pub unsafe fn fill(dst: *mut Wide, c: Wide, n: usize) {
    // SAFETY: per the contract.
    let d = unsafe { core::slice::from_raw_parts_mut(dst, n) };
    d.fill(c);
}

/// `wcpcpy`: copies the wide string `src` with its terminator to `dst`; its length.
///
/// # Safety
/// `src` 0-terminated; `dst` has room; no overlap.
pub unsafe fn copy_string(dst: *mut Wide, src: *const Wide) -> usize {
    // SAFETY: per the contract.
    unsafe {
        let len = length_n(src, usize::MAX);
        mem::copy(dst.cast(), src.cast(), (len + 1) * 4);
        len
    }
}

/// `wcpncpy`: copies at most `n` elements of `src` and pads the `n` with 0s; the number
/// copied before the padding.
///
/// # Safety
/// `src` 0-terminated or `n` long; `dst` writable for `n`; no overlap.
pub unsafe fn copy_string_padded(dst: *mut Wide, src: *const Wide, n: usize) -> usize {
    // SAFETY: per the contract.
    unsafe {
        let len = length_n(src, n);
        mem::copy(dst.cast(), src.cast(), len * 4);
        mem::fill(dst.add(len).cast(), 0, (n - len) * 4);
        len
    }
}

/// `wcsncat` (`n == usize::MAX`: `wcscat`): appends at most `n` elements of `src` and a 0.
///
/// # Safety
/// Both 0-terminated (`src` or `n` long); `dst` has room; no overlap.
pub unsafe fn append(dst: *mut Wide, src: *const Wide, n: usize) {
    // SAFETY: per the contract.
    unsafe {
        let start = length_n(dst, usize::MAX);
        let len = length_n(src, n);
        mem::copy(dst.add(start).cast(), src.cast(), len * 4);
        *dst.add(start + len) = 0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lengths_searches_and_comparisons() {
        let s: [Wide; 6] = [1, 2, 3, -5, 2, 0];
        // SAFETY: 0-terminated arrays.
        unsafe {
            for n in 0..8 {
                assert_eq!(length_n(s.as_ptr(), n), n.min(5));
            }
            assert_eq!(find_in_string(s.as_ptr(), 2), Some(1));
            assert_eq!(rfind_in_string(s.as_ptr(), 2), Some(4));
            assert_eq!(find_in_string(s.as_ptr(), 0), Some(5));
            assert_eq!(find_in_string(s.as_ptr(), 9), None);
            assert_eq!(find(s.as_ptr(), -5, 3, false), None);
            assert_eq!(find(s.as_ptr(), -5, 4, false), Some(3));
            let t: [Wide; 6] = [1, 2, 3, 7, 2, 0];
            assert_eq!(compare_n(s.as_ptr(), t.as_ptr(), usize::MAX), -1);
            assert_eq!(compare_n(s.as_ptr(), t.as_ptr(), 3), 0);
            assert_eq!(compare_mem(t.as_ptr(), s.as_ptr(), 6), 1);
            let mut d = [9 as Wide; 8];
            assert_eq!(copy_string_padded(d.as_mut_ptr(), s.as_ptr(), 7), 5);
            assert_eq!(&d, &[1, 2, 3, -5, 2, 0, 0, 9]);
            append(d.as_mut_ptr(), [4, 0].as_ptr(), usize::MAX);
            assert_eq!(&d[..7], &[1, 2, 3, -5, 2, 4, 0]);
            fill(d.as_mut_ptr(), 0x41, 3);
            assert_eq!(&d[..4], &[0x41, 0x41, 0x41, -5]);
        }
    }
}
