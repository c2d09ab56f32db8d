//! Size classes: every small request is rounded up to one of [`CLASSES`] block sizes.
//!
//! Classes step by 16 bytes up to 128 B, then by a quarter of the power of two below them
//! (160, 192, 224, 256, 320, ...), up to [`SMALL_MAX`]: at most 25 % (above 128 B: 20 %) of a
//! block is rounding, and the class of a size takes a few instructions and no table.

use super::segment::PAGE_SIZE;

/// The largest request served from a slab; larger ones are mappings of their own.
pub const SMALL_MAX: usize = 128 * 1024;

/// Classes of 16..=128 B, in steps of 16.
const FINE: usize = 8;

/// How many size classes there are.
pub const CLASSES: usize = FINE + 4 * 10;

/// The class of a request of `size` bytes, `size <= SMALL_MAX` (0 counts as 1).
#[inline(always)]
pub const fn of(size: usize) -> usize {
    if size <= 128 {
        return size.saturating_sub(1) >> 4;
    }
    let s = size - 1;
    // The position of the highest set bit: 7 for 129..=256, 8 for 257..=512, ...
    let high = (usize::BITS - 1 - s.leading_zeros()) as usize;
    // The two bits below it pick one of the four classes between two powers of two.
    FINE + (high - 7) * 4 + ((s >> (high - 2)) & 3)
}

/// The block size of class `class` (`class < CLASSES`).
#[inline(always)]
pub const fn size(class: usize) -> usize {
    if class < FINE {
        return (class + 1) * 16;
    }
    let step = (class - FINE) / 4;
    let quarter = (class - FINE) % 4;
    (128 << step) + (quarter + 1) * (32 << step)
}

/// How many 64 KiB pages a slab of class `class` spans: one, or enough for eight blocks.
pub const fn pages(class: usize) -> usize {
    let bytes = size(class) * 8;
    if bytes <= PAGE_SIZE { 1 } else { bytes.div_ceil(PAGE_SIZE) }
}

/// Where in its slab the first block of class `class` starts. Slabs start on 64 KiB
/// boundaries, so without an offset the first blocks of all classes, where a malloc/free loop
/// keeps hitting, would share one set of the L1 cache (its index is address bits 6..11). The
/// offset spreads classes over the 64 sets, and is a multiple of the largest power of two
/// dividing the block size, so the blocks stay as aligned as their size allows.
pub const fn colour(class: usize) -> usize {
    let raw = (class * 37 % 64) * 64;
    let size = size(class);
    let granule = 1 << size.trailing_zeros();
    raw & !(granule - 1)
}

/// How many blocks a slab of class `class` holds.
pub const fn capacity(class: usize) -> usize {
    (pages(class) * PAGE_SIZE - colour(class)) / size(class)
}

/// The reciprocal that turns a byte offset into a block index for class `class`:
/// `offset * reciprocal(c) >> RECIPROCAL_SHIFT == offset / size(c)` for every offset within a
/// slab (below 2^20), because the rounding error, below `offset / 2^40 < 2^-20`, is smaller than
/// `1 / size(c)`. The 40 fraction bits of the product are below 2^20 exactly when the offset
/// is a multiple of the size (they are `offset * error` then, and at least `2^40 / size`
/// otherwise).
pub const fn reciprocal(class: usize) -> u64 {
    (1u64 << RECIPROCAL_SHIFT).div_ceil(size(class) as u64)
}

/// See [`reciprocal`].
pub const RECIPROCAL_SHIFT: u32 = 40;

/// The smallest class whose blocks are at least `size` bytes and a multiple of `align` (a
/// power of two of at most one page), so that every block of a slab, which starts on a page
/// boundary plus a multiple of `align` (see [`colour`]), is aligned; `None` when no small
/// class fits.
pub fn aligned(request: usize, align: usize) -> Option<usize> {
    let rounded = request.checked_next_multiple_of(align)?;
    if rounded > SMALL_MAX {
        return None;
    }
    (of(rounded)..CLASSES).find(|&c| size(c).is_multiple_of(align))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_cover_every_size_tightly() {
        assert_eq!(size(CLASSES - 1), SMALL_MAX);
        let mut class = 0;
        for s in 0..=SMALL_MAX {
            let c = of(s);
            assert!(size(c) >= s.max(1), "size {s} class {c}");
            assert!(c == 0 || size(c - 1) < s, "size {s} is not in the smallest class {c}");
            assert!(c >= class, "classes must grow with sizes");
            class = c;
        }
        for c in 1..CLASSES {
            assert!(size(c) > size(c - 1));
            assert_eq!(size(c) % 16, 0);
            // Above 64 B, rounding costs at most a quarter.
            assert!(size(c) <= 64 || (size(c) - size(c - 1)) * 4 <= size(c));
        }
    }

    #[test]
    fn reciprocal_divides_exactly() {
        for c in 0..CLASSES {
            let slab = pages(c) * PAGE_SIZE;
            let r = reciprocal(c);
            let sz = size(c) as u64;
            for off in (0..slab as u64).step_by(7).chain([sz - 1, sz, sz + 1, slab as u64 - 1]) {
                let product = off * r;
                assert_eq!(product >> RECIPROCAL_SHIFT, off / sz, "class {c} offset {off}");
                // What `Slab::index_of` relies on to tell block starts from interior pointers.
                let fraction = product & ((1 << RECIPROCAL_SHIFT) - 1);
                assert_eq!(fraction < 1 << 20, off % sz == 0, "class {c} offset {off}");
            }
        }
    }

    #[test]
    fn slabs_hold_at_least_eight_blocks() {
        for c in 0..CLASSES {
            let blocks = capacity(c);
            assert!(blocks >= 8, "class {c}");
            assert!(colour(c) < 4096 && colour(c) % 16 == 0);
            // Blocks aligned to `a` at a page boundary are still aligned after the colour.
            let a = 1 << size(c).trailing_zeros();
            assert_eq!(colour(c) % a.min(4096), 0, "class {c}");
            assert!(blocks <= PAGE_SIZE / 16);
            assert!(pages(c) <= 16);
        }
    }

    #[test]
    fn aligned_classes() {
        assert_eq!(aligned(1, 16), Some(0));
        assert_eq!(size(aligned(1, 64).unwrap()), 64);
        assert_eq!(size(aligned(65, 64).unwrap()), 128);
        assert_eq!(size(aligned(100, 4096).unwrap()), 4096);
        assert_eq!(size(aligned(5000, 4096).unwrap()), 8192);
        assert_eq!(aligned(SMALL_MAX + 1, 16), None);
        assert_eq!(aligned(SMALL_MAX, 65536), Some(CLASSES - 1));
        for align in [16, 32, 64, 128, 256, 512, 1024, 4096, 65536] {
            for s in [1, 17, 100, 1000, 3000, 40000] {
                if let Some(c) = aligned(s, align) {
                    assert!(size(c) >= s && size(c).is_multiple_of(align));
                }
            }
        }
    }
}
