//! `qsort` and `bsearch` over arrays of elements of any size, compared by a C function.
//!
//! `qsort` is a merge sort, stable like glibc's (which merges whenever it can get a buffer):
//! halves are sorted recursively and merged through a scratch buffer from the allocator;
//! runs of up to 8 elements are sorted by insertion. Without memory for the buffer it falls
//! back to heapsort, in place and not stable (glibc falls back to an unstable quicksort).

use core::cmp::Ordering;

/// Elements at most this long are handled by insertion sort.
const SMALL: usize = 8;

/// An array of `n` elements of `size` bytes at `base`, and its order.
struct Array<'a> {
    base: *mut u8,
    size: usize,
    cmp: &'a mut dyn FnMut(*const u8, *const u8) -> Ordering,
}

/// Copies one element of `size` bytes.
///
/// # Safety
/// Both valid for `size` bytes, not overlapping.
#[inline(always)]
unsafe fn copy(dst: *mut u8, src: *const u8, size: usize) {
    // SAFETY: per the contract; the common sizes are single unaligned moves.
    unsafe {
        match size {
            4 => dst.cast::<u32>().write_unaligned(src.cast::<u32>().read_unaligned()),
            8 => dst.cast::<u64>().write_unaligned(src.cast::<u64>().read_unaligned()),
            16 => dst.cast::<u128>().write_unaligned(src.cast::<u128>().read_unaligned()),
            _ => core::ptr::copy_nonoverlapping(src, dst, size),
        }
    }
}

/// Swaps two elements byte by byte (or as one word for the common sizes).
///
/// # Safety
/// Both valid for `size` bytes; distinct or equal.
unsafe fn swap(a: *mut u8, b: *mut u8, size: usize) {
    // SAFETY: per the contract.
    unsafe {
        match size {
            4 => core::ptr::swap(a.cast::<[u8; 4]>(), b.cast::<[u8; 4]>()),
            8 => core::ptr::swap(a.cast::<[u8; 8]>(), b.cast::<[u8; 8]>()),
            _ => {
                for i in 0..size {
                    core::ptr::swap(a.add(i), b.add(i));
                }
            }
        }
    }
}

impl Array<'_> {
    fn at(&self, i: usize) -> *mut u8 {
        self.base.wrapping_add(i * self.size)
    }

    /// How element `i` compares with element `j`.
    fn order(&mut self, i: usize, j: usize) -> Ordering {
        let (a, b) = (self.at(i), self.at(j));
        (self.cmp)(a, b)
    }

    /// Insertion sort of elements `lo..hi`, through `tmp` (one element).
    ///
    /// # Safety
    /// The array and `tmp` valid.
    unsafe fn insertion(&mut self, lo: usize, hi: usize, tmp: *mut u8) {
        for i in lo + 1..hi {
            let mut j = i;
            while j > lo && self.order(j - 1, i) == Ordering::Greater {
                j -= 1;
            }
            if j < i {
                // SAFETY: elements of the array and the scratch element; the move shifts
                // `j..i` up by one, overlapping, hence `copy` (memmove).
                unsafe {
                    copy(tmp, self.at(i), self.size);
                    core::ptr::copy(self.at(j), self.at(j + 1), (i - j) * self.size);
                    copy(self.at(j), tmp, self.size);
                }
            }
        }
    }

    /// Merge sort of elements `lo..hi` with `scratch` of at least as many elements.
    ///
    /// # Safety
    /// The array valid; `scratch` valid for `(hi - lo) * size` bytes.
    unsafe fn merge_sort(&mut self, lo: usize, hi: usize, scratch: *mut u8) {
        if hi - lo <= SMALL {
            // SAFETY: the scratch buffer has room for one element.
            return unsafe { self.insertion(lo, hi, scratch) };
        }
        let mid = lo + (hi - lo) / 2;
        // SAFETY: halves of the same range, each with enough scratch.
        unsafe {
            self.merge_sort(lo, mid, scratch);
            self.merge_sort(mid, hi, scratch);
        }
        if self.order(mid - 1, mid) != Ordering::Greater {
            return;
        }
        let (mut i, mut j, mut k) = (lo, mid, scratch);
        while i < mid && j < hi {
            // Stable: take from the right only when it is strictly smaller.
            let from = if self.order(j, i) == Ordering::Less {
                j += 1;
                self.at(j - 1)
            } else {
                i += 1;
                self.at(i - 1)
            };
            // SAFETY: `k` stays within the scratch buffer (one slot per element merged).
            unsafe {
                copy(k, from, self.size);
                k = k.add(self.size);
            }
        }
        // SAFETY: what is left of the left half goes after the merged part; the right half's
        // rest is already in place; then the merged part goes back.
        unsafe {
            core::ptr::copy_nonoverlapping(self.at(i), k, (mid - i) * self.size);
            core::ptr::copy_nonoverlapping(scratch, self.at(lo), (j - lo) * self.size);
        }
    }

    /// Heapsort of the whole array of `n` elements (the no-memory fallback).
    ///
    /// # Safety
    /// The array valid.
    unsafe fn heapsort(&mut self, n: usize) {
        let sift = |a: &mut Self, mut root: usize, end: usize| loop {
            let mut child = 2 * root + 1;
            if child >= end {
                return;
            }
            if child + 1 < end && a.order(child, child + 1) == Ordering::Less {
                child += 1;
            }
            if a.order(root, child) != Ordering::Less {
                return;
            }
            // SAFETY: two distinct elements of the array.
            unsafe { swap(a.at(root), a.at(child), a.size) };
            root = child;
        };
        for start in (0..n / 2).rev() {
            sift(self, start, n);
        }
        for end in (1..n).rev() {
            // SAFETY: elements of the array.
            unsafe { swap(self.at(0), self.at(end), self.size) };
            sift(self, 0, end);
        }
    }
}

/// Sorts `n` elements of `size` bytes at `base` into the order `cmp` gives.
///
/// # Safety
/// `base` valid for `n * size` bytes (which must not overflow); `cmp` must not modify the
/// array.
pub unsafe fn sort(base: *mut u8, n: usize, size: usize, cmp: &mut dyn FnMut(*const u8, *const u8) -> Ordering) {
    if n < 2 || size == 0 {
        return;
    }
    let mut a = Array { base, size, cmp };
    let Some(bytes) = n.checked_mul(size) else { return };
    let scratch = crate::alloc::allocate(bytes);
    if scratch.is_null() {
        // SAFETY: the array is valid per the contract.
        return unsafe { a.heapsort(n) };
    }
    // SAFETY: the array per the contract; the scratch buffer holds `n` elements.
    unsafe {
        a.merge_sort(0, n, scratch);
        crate::alloc::deallocate(scratch);
    }
}

/// The element equal to `key` in the sorted array of `n` elements at `base`, or null.
///
/// # Safety
/// `base` valid for `n * size` bytes; `cmp(key, element)` compares the key with an element.
pub unsafe fn search(key: *const u8, base: *const u8, n: usize, size: usize, cmp: &mut dyn FnMut(*const u8, *const u8) -> Ordering) -> *mut u8 {
    let (mut lo, mut hi) = (0, n);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        let p = base.wrapping_add(mid * size);
        match cmp(key, p) {
            Ordering::Less => hi = mid,
            Ordering::Greater => lo = mid + 1,
            Ordering::Equal => return p.cast_mut(),
        }
    }
    core::ptr::null_mut()
}
